"""The shipped line classifier: reproducible, small, name-blind, and what it changes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.evaluation.recap_training import train_shipped
from assistant.recap.builtin import extract_recap
from assistant.recap.builtin.engine import analyse
from assistant.recap.builtin.line_features import _stem
from assistant.recap.builtin.line_model import MODEL_PATH, RULES_ONLY, default_line_model

D = dt.date(2026, 3, 4)


@pytest.mark.slow
def test_shipped_weights_equal_a_fresh_training_run() -> None:
    # `make train-recap` rewrites the file; stale weights (rules or data changed without a
    # retrain) fail here.
    assert MODEL_PATH.read_text(encoding="utf-8") == train_shipped().to_json()


def test_the_model_is_small_and_trained_on_several_hundred_notes() -> None:
    assert MODEL_PATH.stat().st_size < 300_000
    model = default_line_model()
    assert model.meta["notes"] >= 200
    assert 0.0 < model.add_threshold < 1.0


def _recap(notes: str, model: object = None) -> list[tuple[str, str]]:
    draft = extract_recap(
        notes,
        meeting_date=D,
        manager="Halvard Strøm",
        report="Kieran Ashworth",
        author="report",
        line_model=model,  # type: ignore[arg-type]
    )
    return [(a.task, a.owner) for a in draft.action_items]


STUDENT_LOG = """## Status report
* Fixed the jitter buffer issue
* Got the single stream implementation ready for testing

## Plan for next week
- Finish the analysis scripts for the QUIC runs
- Final touches on GOP per stream implementation
- short dry run to make sure there are no issues
- Start the full run
"""


def test_unmarked_next_steps_of_a_students_log_become_the_writers_items() -> None:
    items = _recap(STUDENT_LOG)
    tasks = " | ".join(t for t, _ in items).lower()
    plan = ("analysis scripts", "final touches on gop", "dry run", "full run")
    # Most of the plan, whatever the weights of the day: the lowercase "short dry run …" is
    # the classifier's closest call (found with 93 training sources, not with 122).
    assert sum(p in tasks for p in plan) >= 3, tasks
    assert "final touches on gop per stream implementation" in tasks
    assert {o for _, o in items} == {"Kieran Ashworth"}
    assert "jitter" not in tasks  # done work is no item
    rules = " | ".join(t for t, _ in _recap(STUDENT_LOG, RULES_ONLY)).lower()
    assert "final touches" not in rules  # the classifier found it


names = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Lo")), min_size=2, max_size=9
).map(str.title)


@settings(max_examples=25, deadline=None)
@given(first=names, last=names)
def test_features_never_carry_a_persons_name(first: str, last: str) -> None:
    full = f"{first} {last}"
    notes = (
        f"Attendees: {full}, Dana Whitfield\n\n## {first}\n- review the plan\n\n"
        f"Next steps:\n- {full} to send the deck\n"
    )
    a = analyse(notes, meeting_date=D, manager="Dana Whitfield", report=full)
    words = {w.lower() for w in (first, last)} | {_stem(w) for w in (first, last)}
    for feats in a.features:
        # Word features ("u:deck", "w:send", "b0:send_the") would carry a name; fixed names
        # of cues ("m:can") are the same for everyone.
        lexical = [f for f in feats if f.startswith(("u:", "w:", "lw:", "b0:", "h:"))]
        fixed = {"none", "<person>", "<num>"}  # "h:none" is no name, even for Mr None
        assert not any(set(f.split(":", 1)[1].split("_")) & words - fixed for f in lexical)


TOPICS = """## Plan for next week
- How to make the most of Zoë's last two days before her leave
- What to do about the Łukasz migration backlog
- Whether 王伟 joins the on-call rota
- Finish the analysis scripts for the QUIC runs
"""


def test_a_line_opening_with_a_question_word_is_a_topic_not_a_task() -> None:
    tasks = " | ".join(t for t, _ in _recap(TOPICS)).lower()
    assert "analysis scripts" in tasks  # the plan's real task is still found
    assert "last two days" not in tasks
    assert "migration backlog" not in tasks
    assert "on-call rota" not in tasks


@pytest.mark.parametrize(
    "mark",
    ["1. ", "2) ", "- [ ] ", "* [ ] ", "[ ] ", "• ", "a) ", "☐ "],
)
def test_a_question_topic_under_any_list_mark_is_not_a_task(mark: str) -> None:
    notes = (
        "## Next steps\n"
        f"{mark}How we split Zoë's on-call weeks with Łukasz\n"
        f"{mark}Whether 王伟 joins the rota in March\n"
        f"{mark}Finish the analysis scripts for the QUIC runs\n"
    )
    tasks = " | ".join(t for t, _ in _recap(notes)).lower()
    assert "analysis scripts" in tasks
    assert "on-call weeks" not in tasks
    assert "rota" not in tasks
