"""Tailoring: style changes the framing and plan; history can call for praise first."""

from __future__ import annotations

from assistant.feedback.builtin import draft_feedback
from tests.feedback.builtin.samples import PRAISE_TEXT, RequestFactory


def test_direct_style_leads_with_the_observation(make_request: RequestFactory) -> None:
    draft = draft_feedback(make_request(style="direct"))
    assert draft.statement.startswith("In Tuesday's demo, you interrupted the client three times")
    assert draft.plan[0].startswith("Open: name the topic (Tuesday's demo) in the first minute")
    assert draft.written_note is None


def test_gentle_style_starts_with_context_and_a_question(make_request: RequestFactory) -> None:
    draft = draft_feedback(make_request(style="gentle"))
    assert draft.statement.startswith(
        "I'd like to talk about Tuesday's demo and hear how it went for you."
    )
    assert "I may be missing some context" in draft.statement
    assert draft.plan[0] == (
        "Open: check in, then ask how Tuesday's demo went for Sam before you share what you saw."
    )
    assert draft.openers[0] == "How did Tuesday's demo go from your side?"


def test_written_first_style_produces_a_note_to_send_before(make_request: RequestFactory) -> None:
    draft = draft_feedback(make_request(style="written_first"))
    assert draft.written_note is not None
    assert draft.written_note.startswith("Hi Sam,")
    assert draft.statement in draft.written_note
    assert draft.openers[0] in draft.written_note
    assert "a day ahead" in draft.plan[0]
    assert any("read feedback first" in note for note in draft.tailoring_notes)


def test_in_the_moment_style_suggests_a_quick_private_word(make_request: RequestFactory) -> None:
    draft = draft_feedback(make_request(style="in_the_moment"))
    assert draft.statement.startswith("Have you got two minutes?")
    assert "private moment soon after it happened" in draft.plan[0]
    assert draft.follow_up.startswith("Within a week")


def test_styles_give_different_statements_with_the_same_facts(
    make_request: RequestFactory,
) -> None:
    statements = {
        style: draft_feedback(make_request(style=style)).statement
        for style in (None, "direct", "gentle", "in_the_moment")
    }
    assert len(set(statements.values())) == 4
    for statement in statements.values():
        assert "interrupted the client three times" in statement
        assert "ran out of time for the pricing discussion" in statement


def test_unknown_style_suggests_asking_for_it(make_request: RequestFactory) -> None:
    draft = draft_feedback(make_request(style=None))
    assert any("No feedback style on record for Sam" in n for n in draft.tailoring_notes)


def test_praise_first_when_constructive_dominated(make_request: RequestFactory) -> None:
    draft = draft_feedback(
        make_request(recent_praise_count=1, recent_constructive_count=4, days_since_last_praise=20)
    )
    assert draft.plan[0].startswith("Open with praise")
    note = draft.tailoring_notes[0]
    assert note.startswith("Open with genuine, specific praise first")
    assert "4 constructive and 1 praise" in note
    assert "lack of praise reads as disapproval" in note


def test_praise_first_when_no_praise_for_sixty_days(make_request: RequestFactory) -> None:
    draft = draft_feedback(
        make_request(recent_praise_count=1, recent_constructive_count=1, days_since_last_praise=64)
    )
    assert draft.plan[0].startswith("Open with praise")
    assert "no praise recorded for 64 days" in draft.tailoring_notes[0]


def test_no_praise_first_when_feedback_is_balanced(make_request: RequestFactory) -> None:
    draft = draft_feedback(
        make_request(recent_praise_count=3, recent_constructive_count=2, days_since_last_praise=5)
    )
    assert not any(step.startswith("Open with praise") for step in draft.plan)
    assert not any("praise first" in note for note in draft.tailoring_notes)


def test_praise_after_a_long_gap_is_called_good_timing(make_request: RequestFactory) -> None:
    draft = draft_feedback(make_request(kind="praise", what=PRAISE_TEXT, days_since_last_praise=90))
    assert draft.tailoring_notes[0].startswith("Good timing: no praise recorded for 90 days")


def test_plan_covers_open_ask_listen_and_next_step(make_request: RequestFactory) -> None:
    for kind in ("constructive", "praise"):
        plan = draft_feedback(make_request(kind=kind)).plan
        prefixes = [step.split(":", 1)[0] for step in plan]
        for wanted in ("Open", "Ask, then pause", "Listen", "Agree a next step"):
            assert wanted in prefixes
        assert any("80%" in step for step in plan)


def test_follow_up_is_concrete_with_a_timeframe(make_request: RequestFactory) -> None:
    follow_up = draft_feedback(make_request()).follow_up
    assert follow_up.startswith("At your next 1:1, ask Sam how the next demo went")


def test_bulleted_format_adds_an_agenda_point(make_request: RequestFactory) -> None:
    draft = draft_feedback(make_request(meeting_format="bulleted"))
    assert draft.plan[0] == "Prepare: add a one-line point to the shared agenda (Tuesday's demo)."


def test_unknown_history_gives_no_history_advice(make_request: RequestFactory) -> None:
    draft = draft_feedback(make_request())
    assert not any("No feedback recorded" in note for note in draft.tailoring_notes)
    assert not any(step.startswith("Open with praise") for step in draft.plan)


def test_known_empty_history_is_pointed_out(make_request: RequestFactory) -> None:
    draft = draft_feedback(make_request(recent_praise_count=0, recent_constructive_count=0))
    assert draft.tailoring_notes[0].startswith("No feedback recorded for Sam in the last 90 days")
