"""A second annotator scored against the gold (`coach eval agreement`), beside the engine."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from assistant.cli.eval_cmd import register
from assistant.errors import BadInputError
from assistant.evaluation.agreement import (
    agreement,
    engine_beside,
    parse_annotations,
    predicted_items,
    rescore,
)
from assistant.evaluation.recap_eval import ScoredItem, parse_cases
from assistant.evaluation.recap_training import TrainConfig, fit, score
from tests.evaluation.test_recap_training import _case, _plans

GOLD = [
    {
        "id": "n1",
        "source_id": "minutes-a",
        "meeting_date": "2026-03-04",
        "manager": "Łukasz Nowak",
        "report": "Zoë Lambert",
        "notes": "- Zoë to send the QUIC report to Siobhán by Friday\n- Łukasz books the room\n",
        "gold": {
            "action_items": [
                {
                    "task": "Send the QUIC report to Siobhán",
                    "owner": "Zoë Lambert",
                    "due": "2026-03-06",
                },
                {"task": "Book the room", "owner": "Łukasz Nowak", "due": None},
            ]
        },
    },
    {
        "id": "n2",
        "source_id": "minutes-b",
        "meeting_date": "2026-03-04",
        "manager": "Łukasz Nowak",
        "report": "王伟",
        "notes": "- 王伟 shipped the migration\n",
        "gold": {"action_items": []},
    },
]


def _second(*rows: dict[str, object]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in rows]


SECOND = _second(
    {
        "id": "n1",
        "action_items": [
            # same task, right owner, due left vague
            {"task": "Send the QUIC report to Siobhán", "owner": "Zoë Lambert", "due": None},
            # an item the first annotator did not see
            {"task": "Tidy the wiki", "owner": "Zoë Lambert", "due": None},
        ],
    },
    {"id": "n2", "action_items": []},
)


def test_the_second_annotation_is_scored_like_an_engine() -> None:
    cases = parse_cases([json.dumps(g, ensure_ascii=False) for g in GOLD])
    result = agreement(cases, parse_annotations(SECOND))
    assert (result.gold, result.predicted, result.matched) == (2, 2, 1)
    assert result.f1 == pytest.approx(0.5)
    assert result.owner_accuracy == 1.0
    assert result.due_accuracy == 0.0  # Friday in the gold, null in the second annotation
    assert [c.source_id for c in result.cases] == ["minutes-a", "minutes-b"]


def test_an_engine_result_is_rescored_against_the_second_annotation() -> None:
    cases = parse_cases([json.dumps(g, ensure_ascii=False) for g in GOLD])
    second = parse_annotations(SECOND)
    as_engine = agreement(cases, second)  # any scored result: its predictions are recovered
    assert predicted_items(as_engine.cases[0])[1] == ScoredItem(
        "Tidy the wiki", "Zoë Lambert", None
    )
    against_itself = rescore(as_engine, second)
    assert against_itself.f1 == 1.0 and against_itself.due_accuracy == 1.0


def test_bad_annotation_files_say_where() -> None:
    with pytest.raises(BadInputError, match="<input> line 2: id 'n1' appears twice"):
        parse_annotations(
            _second({"id": "n1", "action_items": []}, {"id": "n1", "action_items": []})
        )
    with pytest.raises(BadInputError, match=r"action_items\[0\] needs task and owner"):
        parse_annotations(_second({"id": "n1", "action_items": [{"task": "x"}]}))
    with pytest.raises(BadInputError, match="not valid JSON"):
        parse_annotations(["{"])
    with pytest.raises(BadInputError, match="YYYY-MM-DD"):
        parse_annotations(
            _second({"id": "n1", "action_items": [{"task": "x", "owner": "A B", "due": "Fri"}]})
        )
    cases = parse_cases([json.dumps(g, ensure_ascii=False) for g in GOLD])
    with pytest.raises(BadInputError, match="no gold case with id 'n9'"):
        agreement(cases, parse_annotations(_second({"id": "n9", "action_items": []})))


def test_the_engine_beside_is_never_trained_on_the_notes_it_is_scored_on() -> None:
    examples = [ex for src in ("a", "b", "c") for ex in _plans(src)]
    # Source "d" uses a word that gives its items away if it leaks into training.
    notes = "Notes:\n- Zebrafy the quokka pipeline\n- Team lunch was nice\n"
    examples += [_case(notes, ["Zebrafy the quokka pipeline"], "d", k) for k in range(3)]
    second = {"d-0": (ScoredItem("Zebrafy the quokka pipeline", "Jonas Øberg", None),)}
    config = TrainConfig(min_sources=1, l2=0.1)
    rows = engine_beside(examples, [ex.case for ex in examples], second, config, folds=10)
    assert list(rows) == ["engine (LOSO 1) vs gold", "engine (LOSO 1) vs second"]
    held_out = rows["engine (LOSO 1) vs gold"]
    assert [c.case_id for c in held_out.cases] == ["d-0"]
    in_sample = score([ex for ex in examples if ex.case.case_id == "d-0"], fit(examples, config))
    assert held_out.recall < in_sample.recall  # "d"'s giveaway word never trained its model
    assert rows["engine (LOSO 1) vs second"].recall == held_out.recall  # same item either way
    with pytest.raises(BadInputError, match="no gold case with id 'zz-1'"):
        engine_beside(examples, [ex.case for ex in examples], {"zz-1": ()}, config, folds=2)


def test_a_transcript_beside_is_run_by_the_shipped_engine() -> None:
    # Speaker lines are read by the dialogue rules, not the classifier, so there is no
    # training example for them: the engine as shipped gives the held-out answer.
    raw = dict(
        GOLD[0],
        id="t1",
        notes="Zoë: I'll send the QUIC report to Siobhán by Friday.\nŁukasz: Great, thanks.\n",
    )
    cases = parse_cases([json.dumps(raw, ensure_ascii=False)])
    second = {"t1": (ScoredItem("Send the QUIC report to Siobhán", "Zoë Lambert", None),)}
    rows = engine_beside([], cases, second, TrainConfig(min_sources=1), folds=10)
    engine = rows["engine (LOSO 0) vs gold"]
    assert [c.case_id for c in engine.cases] == ["t1"]
    assert engine.matched == 1 and engine.owner_accuracy == 1.0
    assert rows["engine (LOSO 0) vs second"].matched == 1


def test_agreement_command_prints_the_table(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in GOLD), encoding="utf-8")
    second = tmp_path / "second.jsonl"
    second.write_text("\n".join(SECOND), encoding="utf-8")
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    shown = runner.invoke(
        app, ["eval", "agreement", str(second), "--gold", str(gold), "--engine-folds", "0"]
    )
    assert shown.exit_code == 0, shown.output
    assert "second annotator vs gold" in shown.output
    assert "0.500" in shown.output  # F1
    assert "no-action notes with no item (second annotator vs gold): 1/1" in shown.output
    as_json = runner.invoke(
        app,
        ["eval", "agreement", str(second), "--gold", str(gold), "--engine-folds", "0", "--json"],
    )
    payload = json.loads(as_json.output)["second annotator vs gold"]
    assert payload["f1"] == 0.5 and payload["no_action_cases"] == {"cases": 1, "with_no_item": 1}
    missing = runner.invoke(app, ["eval", "agreement", str(second), "--gold", str(tmp_path / "x")])
    assert isinstance(missing.exception, BadInputError)  # the CLI prints it in one line
    assert "is not a file" in str(missing.exception)


def test_dates_in_the_second_annotation_are_real_dates() -> None:
    parsed = parse_annotations(
        _second({"id": "n1", "action_items": [{"task": "x", "owner": "A B", "due": "2026-03-06"}]})
    )
    assert parsed["n1"][0].due == dt.date(2026, 3, 6)


def test_the_committed_second_annotation_labels_development_notes_only() -> None:
    from assistant.evaluation.agreement import load_annotations
    from assistant.evaluation.recap_eval import load_cases
    from assistant.evaluation.recap_training import REPO_ROOT

    second = load_annotations(REPO_ROOT / "evals/thirdparty/agreement/second_annotation.jsonl")
    dev = {
        c.case_id
        for name in ("dev", "dev2", "dev3", "dev4")
        for c in load_cases(REPO_ROOT / f"evals/thirdparty/{name}.jsonl")
    }
    assert len(second) == 80
    assert set(second) <= dev  # never a held-out note
