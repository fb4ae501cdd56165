"""The recap scorer follows evals/README.md; expected numbers below were computed by hand."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from assistant.cli.eval_cmd import register
from assistant.domain.recap import ActionItemDraft, RecapDraft
from assistant.errors import BadInputError
from assistant.evaluation.recap_eval import (
    EvalCase,
    ScoredItem,
    breakdown,
    evaluate,
    format_report,
    load_cases,
    match_items,
    no_action_share,
    task_similarity,
    task_tokens,
)

D6 = dt.date(2026, 3, 6)
D13 = dt.date(2026, 3, 13)


def test_tokens_are_lowercased_split_on_punctuation_and_drop_stopwords() -> None:
    assert task_tokens("Send the arch-deck to Priya!") == {"send", "arch", "deck", "priya"}


def test_tokens_keep_letters_of_every_alphabet() -> None:
    # Accented letters are letters: "prépare" is one token, not "pr" + "pare".
    assert task_tokens("Zoë prépare le rapport") == {"zoë", "prépare", "le", "rapport"}
    assert task_tokens("Łukasz: Prüfung übernehmen") == {"łukasz", "prüfung", "übernehmen"}
    # Chinese and Japanese have no spaces: they count in character pairs.
    assert task_tokens("完成报告") == {"完成", "成报", "报告"}


def test_a_chinese_or_german_task_can_match_its_gold() -> None:
    assert task_similarity("把架构文档发给陈静", "把架构文档发给陈静") == 1.0
    assert task_similarity("周五前把架构文档发给陈静", "把架构文档发给陈静") >= 0.5
    assert task_similarity("Prüfbericht an Zoë schicken", "den Prüfbericht an Zoë schicken") > 0.8
    assert task_similarity("修改论文第三章", "把架构文档发给陈静") == 0.0


def test_similarity_is_token_set_f1() -> None:
    # {send, arch, deck, priya} vs {send, architecture, deck, priya}: 3 common -> P=R=3/4 -> 0.75
    assert task_similarity("send arch deck to Priya", "Send the architecture deck to Priya") == 0.75
    # {submit, iep, notes} vs {submit, iep, progress, notes}: P=1, R=3/4 -> 6/7
    assert task_similarity("submit IEP notes", "Submit IEP progress notes") == pytest.approx(6 / 7)
    assert task_similarity("the of and", "anything") == 0.0


def test_greedy_matching_takes_the_highest_similarity_first() -> None:
    gold = [
        ScoredItem("Send the deck", "A B", None),
        ScoredItem("Send the deck to Priya", "A B", None),
    ]
    result = match_items([ScoredItem("send deck to Priya", "A B", None)], gold)
    # 1.0 against the second gold item beats 0.8 against the first.
    assert [m.gold.task for m in result.matches] == ["Send the deck to Priya"]
    assert [g.task for g in result.missed_gold] == ["Send the deck"]


def test_below_threshold_is_not_a_match() -> None:
    # {book, room} vs {book, conference, room, friday, offsite}: P=1, R=2/5 -> 4/7 (match);
    # {book, car} vs the same: P=1/2, R=1/5 -> 2/7 (no match)
    gold = [ScoredItem("Book the conference room for Friday offsite", "A B", None)]
    assert len(match_items([ScoredItem("book room", "A B", None)], gold).matches) == 1
    assert len(match_items([ScoredItem("book car", "A B", None)], gold).matches) == 0


def _draft(items: list[tuple[str, str, dt.date | None]]) -> RecapDraft:
    return RecapDraft(
        summary="",
        engine="test",
        action_items=[
            ActionItemDraft(task=t, owner=o, owner_role="other", due=d, evidence=t, confidence=1.0)
            for t, o, d in items
        ],
    )


def test_micro_scores_over_cases_by_hand() -> None:
    case_a = EvalCase(
        "a",
        D6,
        "Dana Whitfield",
        "Jordan Sims",
        "notes a",
        (
            ScoredItem("Send the architecture deck to Priya", "Jordan Sims", D6),
            ScoredItem("Finish the self-assessment", "Jordan Sims", D13),
        ),
    )
    case_b = EvalCase("b", D6, "Dana Whitfield", "Jordan Sims", "notes b", ())
    outputs = {
        "notes a": _draft(
            [
                ("send arch deck to Priya", "  jordan   SIMS ", D6),  # match, owner ok, due ok
                ("finish self-assessment", "Dana Whitfield", None),  # match, owner and due wrong
            ]
        ),
        "notes b": _draft([("Call Bob about the lease", "Dana Whitfield", None)]),  # extra
    }

    def engine(notes: str, **_: object) -> RecapDraft:
        return outputs[notes]

    result = evaluate([case_a, case_b], engine)
    # matched 2, predicted 3, gold 2 -> P=2/3, R=1, F1=0.8
    assert (result.matched, result.predicted, result.gold) == (2, 3, 2)
    assert result.precision == pytest.approx(2 / 3)
    assert result.recall == 1.0
    assert result.f1 == pytest.approx(0.8)
    assert result.owner_accuracy == 0.5
    assert result.due_accuracy == 0.5
    assert "f1 0.800" in format_report(result)
    assert "EXTRA   Call Bob" in format_report(result, verbose=True)


def test_null_due_equals_null_due() -> None:
    gold = [ScoredItem("Book the room", "A B", None)]
    result = match_items([ScoredItem("Book the room", "a b", None)], gold)
    assert result.matches[0].due_ok and result.matches[0].owner_ok


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_load_cases_reads_the_documented_format(tmp_path: Path) -> None:
    row = {
        "id": "x-1",
        "meeting_date": "2026-03-04",
        "manager": "Dana W",
        "report": "Jo S",
        "notes": "Jo will send it Fri.",
        "gold": {"action_items": [{"task": "Send it", "owner": "Jo S", "due": "2026-03-06"}]},
    }
    [case] = load_cases(_write(tmp_path, [json.dumps(row), ""]))
    assert case.case_id == "x-1"
    assert case.gold == (ScoredItem("Send it", "Jo S", D6),)


@pytest.mark.parametrize(
    "line",
    [
        "not json",
        json.dumps({"notes": "x"}),
        json.dumps(
            {
                "notes": "",
                "meeting_date": "03/04/2026",
                "manager": "a",
                "report": "b",
                "gold": {"action_items": []},
            }
        ),
        json.dumps(
            {
                "notes": "",
                "meeting_date": "2026-03-04",
                "manager": "a",
                "report": "b",
                "gold": {"action_items": [{"task": "x"}]},
            }
        ),
    ],
)
def test_bad_files_raise_bad_input_with_the_line(tmp_path: Path, line: str) -> None:
    with pytest.raises(BadInputError, match="line 1"):
        load_cases(_write(tmp_path, [line]))


def test_missing_file_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(BadInputError):
        load_cases(tmp_path / "nope.jsonl")


def test_cli_prints_scores_as_json() -> None:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Test root."""

    register(app)
    extra = Path(__file__).resolve().parents[1] / "recap" / "builtin" / "data" / "extra_cases.jsonl"
    result = CliRunner().invoke(app, ["eval", "recap", str(extra), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) >= {"precision", "recall", "f1", "owner_accuracy", "due_accuracy"}


def _tagged(case_id: str, source: str, layout: list[str], notes: str, gold: list[dict]) -> str:
    return json.dumps(
        {
            "id": case_id,
            "source_id": source,
            "layout": layout,
            "author": "report",
            "meeting_date": "2026-03-04",
            "manager": "Dana Whitfield",
            "report": "Jo Søndergaard",
            "notes": notes,
            "gold": {"action_items": gold},
        }
    )


def test_records_carry_author_source_and_layout_and_the_engine_gets_the_author(
    tmp_path: Path,
) -> None:
    line = _tagged("t-1", "lab-log", ["prose", "report-authored"], "I will send it.", [])
    [case] = load_cases(_write(tmp_path, [line]))
    assert (case.author, case.source_id, case.layout) == (
        "report",
        "lab-log",
        ("prose", "report-authored"),
    )
    seen: list[str] = []

    def engine(notes: str, **kw: object) -> RecapDraft:
        seen.append(str(kw["author"]))
        return RecapDraft(summary="", engine="test")

    evaluate([case], engine)
    assert seen == ["report"]


def test_breakdowns_group_cases_by_source_and_by_each_layout_tag(tmp_path: Path) -> None:
    item = {"task": "Send the deck", "owner": "Jo Søndergaard", "due": None}
    lines = [
        _tagged("a", "src-a", ["bullets", "action-section"], "x", [item]),
        _tagged("b", "src-b", ["bullets"], "y", [item]),
        _tagged("c", "src-b", ["no-actions"], "z", []),
    ]
    cases = load_cases(_write(tmp_path, lines))

    def engine(notes: str, **kw: object) -> RecapDraft:
        items = (
            [
                ActionItemDraft(
                    task="send the deck",
                    owner="Jo Søndergaard",
                    owner_role="report",
                    evidence=notes,
                    confidence=0.9,
                )
            ]
            if notes == "x"
            else []
        )
        return RecapDraft(summary="", engine="test", action_items=items)

    result = evaluate(cases, engine)
    by_source = breakdown(result, "source")
    assert set(by_source) == {"src-a", "src-b"}
    assert (by_source["src-a"].f1, by_source["src-b"].recall) == (1.0, 0.0)
    by_layout = breakdown(result, "layout")
    assert len(by_layout["bullets"].cases) == 2 and by_layout["action-section"].f1 == 1.0
    assert no_action_share(result) == (1, 1)
    report = format_report(result)
    assert "per source" in report and "per layout" in report and "src-b" in report


def test_cli_scores_several_files_with_breakdowns_in_json(tmp_path: Path) -> None:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Test root."""

    register(app)
    item = {"task": "Send the deck to Priya", "owner": "Jo Søndergaard", "due": None}
    first = _write(
        tmp_path, [_tagged("a", "src-a", ["bullets"], "I will send the deck to Priya.", [item])]
    )
    second = tmp_path / "second.jsonl"
    second.write_text(_tagged("b", "src-b", ["prose"], "Nothing to do.", []) + "\n")
    result = CliRunner().invoke(app, ["eval", "recap", str(first), str(second), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["cases"] == 2
    assert set(scores["per_source"]) == {"src-a", "src-b"}
    assert set(scores["per_layout"]) == {"bullets", "prose"}
    assert scores["no_action_cases"] == {"cases": 1, "with_no_item": 1}
