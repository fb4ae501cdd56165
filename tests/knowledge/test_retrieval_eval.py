"""The retrieval evaluation: recall@k and MRR on small labelled sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import BadInputError
from assistant.evaluation.retrieval_eval import (
    evaluate_guidance,
    evaluate_notes,
    format_table,
    load_guidance_cases,
    load_note_cases,
)
from assistant.knowledge.index import KnowledgeIndex
from assistant.knowledge.retriever import Retriever
from tests.knowledge.conftest import note


def _jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_guidance_eval_scores_at_file_level(
    index: KnowledgeIndex, guidance_dir: Path, tmp_path: Path
) -> None:
    index.sync_guidance(guidance_dir)
    cases = load_guidance_cases(
        _jsonl(
            tmp_path / "g.jsonl",
            [
                {
                    "id": "g1",
                    "query": "how often should we have one-on-ones",
                    "relevant": ["cadence.md"],
                },
                {
                    "id": "g2",
                    "query": "telling someone their work hurt the team",
                    "relevant": ["giving-feedback.md"],
                },
                {
                    "id": "g3",
                    "query": "recognise good work specifically",
                    "relevant": ["praise.md"],
                },
                {"id": "g4", "query": "anything", "relevant": ["missing-file.md"]},
            ],
        )
    )
    report = evaluate_guidance(Retriever(index, 1), cases, k=5)
    assert [c.rank for c in report.cases[:3]] == [1, 1, 1]
    assert report.cases[3].rank is None
    assert report.recall == pytest.approx(0.75)
    assert report.mrr == pytest.approx(0.75)
    table = format_table([report])
    assert "guidance" in table and "0.750" in table and "miss guidance g4" in table


def test_notes_eval_resolves_meeting_keys_and_report_filter(
    index: KnowledgeIndex, tmp_path: Path
) -> None:
    index.sync_notes(
        1,
        [
            note(
                1,
                "Planning the data center move to Frankfurt.",
                report_id=10,
                report_name="Sam Lee",
            ),
            note(
                2,
                "Planning the data center move, budget side.",
                report_id=11,
                report_name="Kim Ito",
            ),
        ],
    )
    cases = load_note_cases(
        _jsonl(
            tmp_path / "n.jsonl",
            [
                {
                    "id": "n1",
                    "query": "data center move",
                    "report": "Kim Ito",
                    "relevant_meeting_keys": ["kim-m1"],
                },
                {"id": "n2", "query": "Frankfurt", "relevant_meeting_keys": ["sam-m1"]},
            ],
        )
    )
    report = evaluate_notes(
        Retriever(index, 1), cases, {"sam-m1": 1, "kim-m1": 2}, {"Kim Ito": 11}.get, k=5
    )
    assert [c.rank for c in report.cases] == [1, 1]
    assert report.recall == 1.0
    with pytest.raises(BadInputError, match="unknown meeting key"):
        evaluate_notes(Retriever(index, 1), cases, {}, k=5)


def test_bad_jsonl_line_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "query": "ok", "relevant": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(BadInputError, match=":2:"):
        load_guidance_cases(path)
