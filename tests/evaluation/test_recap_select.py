"""Settings chosen by leave-one-source-out: the selection reuses analyses without leaking."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from assistant.cli.eval_cmd import register
from assistant.errors import BadInputError
from assistant.evaluation.recap_eval import parse_cases
from assistant.evaluation.recap_select import Setting, fold_models, select
from assistant.evaluation.recap_training import Example, TrainConfig, label_sentences, loso
from assistant.recap.builtin.engine import analyse

PLAN = "Status:\n- Finished the parser.\n- Demo went well.\n\nPlan for next week:\n"


def _case(notes: str, gold: list[str], source: str, n: int, file: str) -> Example:
    raw = {
        "id": f"{source}-{n}",
        "source_id": source,
        "meeting_date": "2026-03-04",
        "manager": "Zoë Łukasiewicz",
        "report": "Nguyễn Thị Hương",
        "notes": notes,
        "gold": {
            "action_items": [{"task": t, "owner": "Nguyễn Thị Hương", "due": None} for t in gold]
        },
    }
    case = parse_cases([json.dumps(raw)])[0]
    a = analyse(
        case.notes, meeting_date=case.meeting_date, manager=case.manager, report=case.report
    )
    return Example(case, source, file, a, label_sentences(case, a))


def _examples() -> list[Example]:
    """Four fictional sources in three files; source "d" alone says "zebrafy"."""
    tasks = ["Write the report", "Book the venue", "Review the draft", "Send the invoice"]
    files = {
        "a": "evals/thirdparty/dev.jsonl",
        "b": "evals/thirdparty/dev2.jsonl",
        "c": "evals/thirdparty/dev3.jsonl",
    }
    out = [
        _case(PLAN + f"- {task} carefully\n", [task], src, i, file)
        for src, file in files.items()
        for i, task in enumerate(tasks)
    ]
    notes = "Notes:\n- Zebrafy the quokka pipeline\n- Team lunch was nice\n"
    out += [
        _case(notes, ["Zebrafy the quokka pipeline"], "d", k, "evals/thirdparty/dev3.jsonl")
        for k in range(3)
    ]
    return out


CONFIG = TrainConfig(min_sources=1, l2=0.1)


def test_the_default_setting_reproduces_the_leave_one_source_out_numbers() -> None:
    examples = _examples()
    held = ["a", "b", "c", "d"]
    expected = loso(examples, CONFIG, held).loso
    [(_, slices)] = select(examples, [Setting("default", CONFIG)], held)
    pooled = slices["all"]
    assert (pooled.matched, pooled.predicted, pooled.gold) == (
        expected.matched,
        expected.predicted,
        expected.gold,
    )
    assert pooled.f1 == expected.f1
    assert pooled.owner_accuracy == expected.owner_accuracy
    # Slices pool the sources of their files: "a" (dev) is chosen on, "c" and "d" confirm.
    assert slices["older-36"].gold == 4
    assert slices["select-54"].gold == 8
    assert slices["dev3"].gold == 4 + 3


def test_no_held_out_note_trains_its_own_model() -> None:
    examples = _examples()
    models = fold_models(examples, CONFIG, ["a", "d"])
    # Only source "d" writes "zebrafy": its fold never learned the word, the other fold did.
    assert not any("zebrafy" in f for f in models["d"].weights)
    assert any("zebrafy" in f for f in models["a"].weights)


def test_a_threshold_setting_reuses_the_folds_and_scores_as_its_own_loso_run() -> None:
    examples = _examples()
    held = ["a", "b", "c", "d"]
    strict = TrainConfig(min_sources=1, l2=0.1, add_threshold=0.95, keep_threshold=0.9)
    results = select(examples, [Setting("default", CONFIG), Setting("strict", strict)], held)
    expected = loso(examples, strict, held).loso
    got = results[1][1]["all"]
    assert (got.matched, got.predicted) == (expected.matched, expected.predicted)


def test_an_unknown_setting_is_bad_input_before_any_note_is_read() -> None:
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["eval", "recap-select", "--setting", "l2 7"])
    # `coach` turns BadInputError into one line on stderr and exit code 2.
    assert isinstance(result.exception, BadInputError)
    assert "unknown setting 'l2 7'" in str(result.exception)


@pytest.mark.parametrize("name", ["shipped", "add 0.55", "l2 30"])
def test_the_grid_names_its_settings(name: str) -> None:
    from assistant.evaluation.recap_select import GRID

    assert name in {s.name for s in GRID}
