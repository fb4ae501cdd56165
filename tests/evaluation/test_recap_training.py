"""Training data, trainer and leave-one-source-out runs of the recap line classifier."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from assistant.cli.eval_cmd import register
from assistant.evaluation.recap_eval import EvalResult, parse_cases
from assistant.evaluation.recap_training import (
    Example,
    TrainConfig,
    dev_sources,
    fit,
    label_sentences,
    loso,
    source_of,
    third_party_sources,
)
from assistant.recap.builtin.engine import analyse
from assistant.recap.builtin.line_model import LineModel


def _case(notes: str, gold: list[str], source: str, n: int = 0) -> Example:
    raw = {
        "id": f"{source}-{n}",
        "source_id": source,
        "meeting_date": "2026-03-04",
        "manager": "Dana Whitfield",
        "report": "Jonas Øberg",
        "notes": notes,
        "gold": {"action_items": [{"task": t, "owner": "Jonas Øberg", "due": None} for t in gold]},
    }
    case = parse_cases([json.dumps(raw)])[0]
    a = analyse(
        case.notes, meeting_date=case.meeting_date, manager=case.manager, report=case.report
    )
    return Example(case, source, "evals/thirdparty/dev.jsonl", a, label_sentences(case, a))


PLAN = "Status:\n- Finished the parser.\n- Demo went well.\n\nPlan for next week:\n"


def test_the_sentence_a_gold_item_comes_from_is_the_positive_one() -> None:
    ex = _case(PLAN + "- Final touches on the GOP per stream code\n", ["Finish the GOP code"], "a")
    texts = [s.text for s in ex.analysis.sentences]
    assert [t for t, y in zip(texts, ex.labels, strict=True) if y] == [
        "Final touches on the GOP per stream code"
    ]


def test_a_gold_item_from_a_table_labels_no_sentence() -> None:
    notes = "Notes: all fine.\n\n| Task | Owner |\n|---|---|\n| Send the deck | Jonas Øberg |\n"
    ex = _case(notes, ["Send the deck"], "a")
    assert sum(ex.labels) == 0


def test_cases_without_a_source_count_under_their_file() -> None:
    case = parse_cases(
        [
            json.dumps(
                {
                    "id": "hold-b3-02",
                    "meeting_date": "2026-03-04",
                    "manager": "A B",
                    "report": "C D",
                    "notes": "x",
                    "gold": {"action_items": []},
                }
            )
        ]
    )[0]
    assert source_of(case, "tests/recap/builtin/data/holdout_cases.jsonl") == "own-holdout-b3"
    assert source_of(case, "evals/recap_dev.jsonl") == "own-recap_dev"


def _plans(source: str) -> list[Example]:
    lines = ["Write the report", "Book the venue", "Review the draft", "Send the invoice"]
    return [
        _case(PLAN + f"- {task} carefully\n", [task], source, i) for i, task in enumerate(lines)
    ]


def test_training_learns_that_plan_lines_are_items_and_status_lines_are_not() -> None:
    examples = [ex for src in ("a", "b", "c") for ex in _plans(src)]
    model = fit(examples, TrainConfig(min_sources=1, l2=1.0))
    status, plan = examples[0].features[0], examples[0].features[-1]
    assert model.score(plan) > 0.5 > model.score(status)


def test_training_is_deterministic_and_keeps_only_features_of_several_sources() -> None:
    examples = [ex for src in ("a", "b") for ex in _plans(src)]
    examples.append(_case(PLAN + "- Zebrafy the quokka pipeline\n", ["Zebrafy it"], "c"))
    config = TrainConfig(min_sources=2)
    first, second = fit(examples, config), fit(examples, config)
    assert first.to_json() == second.to_json()
    assert not any("zebrafy" in f or "quokka" in f for f in first.weights)


def test_leave_one_source_out_never_trains_on_the_source_it_scores() -> None:
    examples = [ex for src in ("a", "b", "c") for ex in _plans(src)]
    # Source "d" alone uses a word that gives its items away if it leaks into training.
    notes = "Notes:\n- Zebrafy the quokka pipeline\n- Team lunch was nice\n"
    examples += [_case(notes, ["Zebrafy the quokka pipeline"], "d", k) for k in range(3)]
    result = loso(examples, TrainConfig(min_sources=1, l2=0.1), ["d"])
    assert {c.source_id for c in result.loso.cases} == {"d"}
    assert result.loso.recall < result.in_sample.recall


@pytest.mark.parametrize("folds", [None, 2, 3])
def test_grouped_folds_score_every_source_once_and_never_on_its_own_model(
    folds: int | None,
) -> None:
    examples = [ex for src in ("a", "b", "c", "e") for ex in _plans(src)]
    notes = "Notes:\n- Zebrafy the quokka pipeline\n- Team lunch was nice\n"
    examples += [_case(notes, ["Zebrafy the quokka pipeline"], "d", k) for k in range(3)]
    config = TrainConfig(min_sources=1, l2=0.1)
    result = loso(examples, config, ["a", "b", "c", "d", "e"], folds=folds)
    scored = [c.source_id for c in result.loso.cases]
    assert sorted(scored) == sorted(ex.source for ex in examples)  # each note scored once
    d_recall = EvalResult(tuple(c for c in result.loso.cases if c.source_id == "d")).recall
    assert d_recall < result.in_sample.recall  # "d"'s giveaway word never trained its model


def test_a_model_survives_its_json_form() -> None:
    model = LineModel({"bias": -1.25, "verb": 2.0}, 0.8, 0.65, {"notes": 3})
    again = LineModel.from_json(model.to_json())
    assert again == model
    assert again.score(["bias", "verb"]) == pytest.approx(1 / (1 + 2.718281828**-0.75))
    dense = LineModel({"bias": -1.0}, 0.2, 0.6, dense=(0.5, -2.0), dense_floor=0.3)
    again = LineModel.from_json(dense.to_json())
    assert again == dense
    # The embedding's part is added to the sparse logit: -1 + 0.5*2 - 2*0 = 0.
    assert again.dense_score(["bias"], (2.0, 0.0)) == pytest.approx(0.5)


@pytest.fixture(scope="module")
def loso_payload() -> dict[str, Any]:
    """One run of `coach eval recap-loso --folds 10 --json`, shared by the tests below.

    Ten groups of sources instead of one source at a time: 11 trainings instead of 123 keep
    CI within its budget; the full leave-one-source-out is the documented command."""
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["eval", "recap-loso", "--folds", "10", "--json"])
    assert result.exit_code == 0, result.output
    payload: dict[str, Any] = json.loads(result.output)
    return payload


@pytest.mark.slow
def test_recap_loso_command_prints_pooled_and_per_source_scores(
    loso_payload: dict[str, Any],
) -> None:
    assert set(loso_payload) == {"rules only", "in-sample", "LOSO"}
    # Every third-party source: the dev part (88 notes, 18 sources), the former held-out part
    # (63, 18), the second dev batch (53, 18), the third (107, 39; a third of it not in
    # English) and the fourth (92, 30). Notes of speaker lines are read as dialogue, which the
    # classifier does not decide, so they are not held out (one source has only such notes).
    # Held-out parts 2 and 3 are blind and never train or are held out here.
    assert loso_payload["LOSO"]["cases"] == 397
    assert len(loso_payload["LOSO"]["per_source"]) == 122
    assert Path("evals/thirdparty/heldout.jsonl").is_file()


def test_loso_holds_out_the_sources_of_both_third_party_parts() -> None:
    examples = [ex for src in ("a", "b") for ex in _plans(src)]
    held = _plans("h")
    for ex in held:
        ex.file = "evals/thirdparty/heldout.jsonl"
    own = _plans("own-x")
    for ex in own:
        ex.file = "evals/recap_written_unseen.jsonl"
    everything = examples + held + own
    assert third_party_sources(everything) == ["a", "b", "h"]
    assert dev_sources(everything) == ["a", "b"]


@pytest.mark.slow
def test_leave_one_source_out_keeps_its_floor(loso_payload: dict[str, Any]) -> None:
    # The estimate for notes from sources never seen (docs/recap-generalisation.md): pooled
    # over all 36 third-party sources, F1 0.651, owner 0.863 before round 4 and F1 0.679,
    # owner 0.900 after it; F1 0.690, owner 0.890 after round 5; F1 0.715, owner 0.944 after
    # round 6 (owners and precision). Over 54 sources (dev2 joined) F1 0.674, owner 0.922 before
    # round 7 and F1 0.688, owner 0.920 after it; F1 0.695, owner 0.921 with rounds 6, 6b and 7
    # merged. Round 8 added 39 sources (dev3, 36 of its notes in eight other languages, on
    # which the English engine scored 0.14): over the 93 sources F1 0.612, owner 0.898 before
    # round 8's changes (the 54 older ones 0.688 / 0.925 in that run). dev4 (30 sources) then
    # made it 122 sources: one at a time F1 0.583, owner 0.859 (10 groups: 0.580, 0.863); with
    # round 8's languages merged, one at a time F1 0.591, owner 0.851. This test holds them out
    # in 10 groups (see the fixture); the floor follows the harder set. A change that makes the
    # classifier or the rules generalise worse fails here, whatever it does in-sample.
    pooled = loso_payload["LOSO"]
    assert len(pooled["per_source"]) == 122
    assert pooled["f1"] >= 0.56, pooled
    assert pooled["owner_accuracy"] >= 0.82, pooled
    assert pooled["f1"] > loso_payload["rules only"]["f1"]  # the classifier helps on unseen sources
