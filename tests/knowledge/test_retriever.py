"""Hybrid retrieval: citations, filters, fusion, bad queries and per-manager isolation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.errors import BadInputError, InputTooLargeError
from assistant.knowledge.index import KnowledgeIndex
from assistant.knowledge.retriever import MAX_QUERY_CHARS, Retriever
from tests.knowledge.conftest import note

A, B = 1, 2

A_NOTES = [
    note(
        11,
        "- Zephyrine migration slipped two weeks\n- on-call pager woke her three nights running",
        manager_id=A,
        report_id=100,
        report_name="Ana Ruiz",
        day=date(2026, 3, 4),
    ),
    note(
        12,
        "Career: Ana wants to move towards a staff engineer role next year.",
        manager_id=A,
        report_id=100,
        report_name="Ana Ruiz",
        day=date(2026, 4, 1),
    ),
    note(
        13,
        "Ben asked about the conference budget and the incident INC-4471 postmortem.",
        manager_id=A,
        report_id=101,
        report_name="Ben Ode",
        day=date(2026, 4, 15),
    ),
]
B_NOTES = [
    note(
        21,
        "Cleo is planning the warehouse inventory audit for May.",
        manager_id=B,
        report_id=200,
        report_name="Cleo Park",
        day=date(2026, 3, 10),
    ),
]


@pytest.fixture
def filled(index: KnowledgeIndex, guidance_dir: Path) -> KnowledgeIndex:
    index.sync_guidance(guidance_dir)
    index.sync_notes(A, A_NOTES)
    index.sync_notes(B, B_NOTES)
    return index


def test_guidance_results_cite_file_and_heading(filled: KnowledgeIndex) -> None:
    results = Retriever(filled, A).search("how do I deliver constructive feedback", kind="guidance")
    assert results[0].source == "giving-feedback.md"
    assert results[0].citation in {
        "giving-feedback.md › Explain the impact",
        "giving-feedback.md › Make feedback question-based",
    }
    assert all(r.kind == "guidance" and r.meeting_id is None for r in results)


def test_note_results_cite_report_date_and_meeting(filled: KnowledgeIndex) -> None:
    (top,) = Retriever(filled, A).search("staff engineer promotion", kind="note", limit=1)
    assert top.citation == "Ana Ruiz, 1:1 on 2026-04-01"
    assert (top.meeting_id, top.report_id, top.meeting_date) == (12, 100, date(2026, 4, 1))
    assert top.body.startswith("Career:")


def test_rare_exact_token_is_found_by_the_keyword_side(filled: KnowledgeIndex) -> None:
    results = Retriever(filled, A).search("INC-4471", limit=3)
    assert results[0].meeting_id == 13
    assert results[0].keyword_rank == 1


def test_both_kinds_come_back_without_a_kind_filter(filled: KnowledgeIndex) -> None:
    results = Retriever(filled, A).search(
        "pager woke her at night, how often should we meet", limit=8
    )
    assert {r.kind for r in results} == {"guidance", "note"}
    assert results == sorted(results, key=lambda r: -r.score)


def test_report_and_date_filters_narrow_notes(filled: KnowledgeIndex) -> None:
    retriever = Retriever(filled, A)
    by_report = retriever.search("conference budget", kind="note", report_id=100, limit=5)
    assert {r.meeting_id for r in by_report} <= {11, 12}
    window = retriever.search(
        "migration", kind="note", date_from=date(2026, 4, 1), date_to=date(2026, 4, 30), limit=5
    )
    assert {r.meeting_id for r in window} == {12, 13}


def test_filtered_search_falls_back_to_chroma_when_overfetch_is_short(
    filled: KnowledgeIndex,
) -> None:
    # overfetch=1: the nearest neighbour is filtered out, so Chroma's where-filter must answer.
    retriever = Retriever(filled, A, candidates=1, overfetch=1)
    results = retriever.search("Zephyrine migration", kind="note", report_id=101, limit=1)
    assert [r.meeting_id for r in results] == [13]


@pytest.mark.parametrize(
    ("query", "kwargs"),
    [
        ("Zephyrine migration pager", {}),
        ("Zephyrine migration pager", {"kind": "note"}),
        ("Zephyrine migration pager", {"kind": "note", "report_id": 100}),
        ("staff engineer career", {"date_from": date(2026, 1, 1), "date_to": date(2026, 12, 31)}),
        ("INC-4471 conference budget", {"kind": "note", "limit": 50}),
        ("Ana Ruiz", {"kind": "note"}),
    ],
)
def test_manager_b_never_sees_manager_a_notes(
    filled: KnowledgeIndex, query: str, kwargs: dict[str, object]
) -> None:
    results = Retriever(filled, B).search(query, **kwargs)  # type: ignore[arg-type]
    notes = [r for r in results if r.kind == "note"]
    assert all(r.report_id == 200 for r in notes)
    assert not any(
        "Ana" in r.text or "Zephyrine" in r.text or "INC-4471" in r.text for r in results
    )


def test_keyword_side_is_scoped_to_the_manager(filled: KnowledgeIndex) -> None:
    hits = filled.keyword.search("Zephyrine", kind="note", manager_id=B, limit=10)
    assert hits == []
    assert filled.keyword.search("Zephyrine", kind="note", manager_id=A, limit=10)
    with pytest.raises(ValueError, match="manager_id"):
        filled.keyword.search("Zephyrine", kind="note", manager_id=None, limit=10)


def test_manager_without_notes_still_gets_guidance(filled: KnowledgeIndex) -> None:
    results = Retriever(filled, 99).search("praise and recognition")
    assert results
    assert {r.kind for r in results} == {"guidance"}


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_empty_query_is_a_clear_error(filled: KnowledgeIndex, query: str) -> None:
    with pytest.raises(BadInputError, match="empty"):
        Retriever(filled, A).search(query)


def test_10kb_query_is_too_large(filled: KnowledgeIndex) -> None:
    with pytest.raises(InputTooLargeError, match=f"limit is {MAX_QUERY_CHARS:,}"):
        Retriever(filled, A).search("x" * 10_000)


def test_query_of_only_punctuation_or_stopwords_still_works(filled: KnowledgeIndex) -> None:
    assert Retriever(filled, A).search("?!") is not None
    assert Retriever(filled, A).search("how do I") is not None


def test_fts_syntax_in_a_query_is_treated_as_text(filled: KnowledgeIndex) -> None:
    results = Retriever(filled, A).search('budget" OR owner:m2 NEAR(* AND', kind="note")
    assert all(r.report_id in {100, 101} for r in results)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 500}, "limit"),
        ({"kind": "memo"}, "Unknown kind"),
        ({"date_from": date(2026, 5, 1), "date_to": date(2026, 4, 1)}, "after"),
    ],
)
def test_bad_parameters_are_bad_input(
    filled: KnowledgeIndex, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(BadInputError, match=message):
        Retriever(filled, A).search("feedback", **kwargs)  # type: ignore[arg-type]


def test_invalid_manager_id_is_refused(filled: KnowledgeIndex) -> None:
    with pytest.raises(BadInputError):
        Retriever(filled, -1)
