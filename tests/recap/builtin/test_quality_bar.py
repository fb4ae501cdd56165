"""The engine keeps the quality bar on the shared dev set and on our own held-out cases."""

from __future__ import annotations

import json
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


THIRD_PARTY_HELDOUT = REPO_ROOT / "evals" / "thirdparty" / "heldout.jsonl"
WRITTEN_UNSEEN = REPO_ROOT / "evals" / "recap_written_unseen.jsonl"


def test_the_former_blind_sets_keep_their_floor() -> None:
    # Scored once at the end of cycle 2 (docs/recap-generalisation.md, "Final blind scores"),
    # then committed. They are no longer blind (round 4 read them and trains on them); the
    # floor (best score so far, round 4, 5 or 6, minus 0.05) only stops a change from losing
    # what they showed the engine can read. The estimate for unseen sources is the 36-source LOSO.
    heldout = evaluate(load_cases(THIRD_PARTY_HELDOUT), extract_recap)
    assert len(heldout.cases) >= 63
    assert heldout.f1 >= 0.717, heldout.as_dict()
    assert heldout.owner_accuracy >= 0.873, heldout.as_dict()
    written = evaluate(load_cases(WRITTEN_UNSEEN), extract_recap)
    assert len(written.cases) >= 43
    assert written.f1 >= 0.73, written.as_dict()
    assert written.owner_accuracy >= 0.829, written.as_dict()


def test_every_third_party_note_names_its_source_and_licence() -> None:
    # Only the provenance fields are read here: the blind parts' notes stay unopened.
    paths = sorted(THIRD_PARTY_DEV.parent.glob("*.jsonl"))
    notes = [p for p in paths if not p.name.startswith("sources")]
    assert len(notes) >= 7  # dev, dev2-4, held-out 1-3
    for path in notes:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert "@" in record["source"] and ":" in record["source"], record["id"]
            assert record["licence"].strip(), record["id"]
