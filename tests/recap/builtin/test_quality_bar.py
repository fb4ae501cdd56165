"""The engine keeps the quality bar on the shared dev set and on our own held-out cases."""

from __future__ import annotations

from pathlib import Path

from assistant.evaluation.recap_eval import evaluate, load_cases
from assistant.recap.builtin import extract_recap

REPO_ROOT = Path(__file__).resolve().parents[3]
DEV_SET = REPO_ROOT / "evals" / "recap_dev.jsonl"
EXTRA_SET = Path(__file__).parent / "data" / "extra_cases.jsonl"


def test_dev_set_score_meets_the_bar() -> None:
    result = evaluate(load_cases(DEV_SET), extract_recap)
    assert result.f1 >= 0.95, result.as_dict()
    assert result.owner_accuracy >= 0.95, result.as_dict()
    assert result.due_accuracy >= 0.95, result.as_dict()


def test_extra_held_out_cases_score_well() -> None:
    result = evaluate(load_cases(EXTRA_SET), extract_recap)
    assert len(result.cases) >= 15
    assert result.f1 >= 0.85, result.as_dict()
    assert result.owner_accuracy >= 0.95, result.as_dict()
    assert result.due_accuracy >= 0.90, result.as_dict()


HOLDOUT_SET = Path(__file__).parent / "data" / "holdout_cases.jsonl"


def test_holdout_batches_keep_their_floor() -> None:
    # Notes written in new layouts and voices (see docs/recap-generalisation.md). The floor is
    # the final holdout F1 minus 0.05, so a change that stops reading a layout fails here.
    result = evaluate(load_cases(HOLDOUT_SET), extract_recap)
    assert len(result.cases) >= 64
    assert result.f1 >= 0.887, result.as_dict()
    assert result.owner_accuracy >= 0.95, result.as_dict()
    assert result.due_accuracy >= 0.944, result.as_dict()


THIRD_PARTY_DEV = REPO_ROOT / "evals" / "thirdparty" / "dev.jsonl"


def test_third_party_dev_part_keeps_its_floor() -> None:
    # Real minutes and logs by other writers (evals/thirdparty/README.md). The floor is the
    # score after issue #10 round 3 minus 0.05 (in-sample: the line classifier was trained on
    # these notes; the leave-one-source-out floor is in tests/evaluation/test_recap_training.py).
    result = evaluate(load_cases(THIRD_PARTY_DEV), extract_recap)
    assert len(result.cases) >= 88
    assert result.f1 >= 0.70, result.as_dict()
    assert result.owner_accuracy >= 0.90, result.as_dict()
    assert result.due_accuracy >= 0.95, result.as_dict()
    quiet = [c for c in result.cases if c.n_gold == 0]
    assert sum(c.n_predicted == 0 for c in quiet) / len(quiet) >= 0.9
