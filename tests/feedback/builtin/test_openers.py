"""Openers: at least three real questions, specific to the situation."""

from __future__ import annotations

import pytest

from assistant.feedback.builtin import draft_feedback
from tests.feedback.builtin.samples import PRAISE_TEXT, RequestFactory


@pytest.mark.parametrize("kind", ["praise", "constructive"])
@pytest.mark.parametrize("style", [None, "direct", "gentle", "written_first", "in_the_moment"])
def test_openers_are_at_least_three_distinct_questions(
    make_request: RequestFactory, kind: str, style: str | None
) -> None:
    draft = draft_feedback(make_request(kind=kind, style=style))
    assert len(draft.openers) >= 3
    assert len(set(draft.openers)) == len(draft.openers)
    assert all(opener.endswith("?") for opener in draft.openers)


def test_constructive_openers_reference_the_situation(make_request: RequestFactory) -> None:
    openers = draft_feedback(make_request()).openers
    assert "What do you think happened in Tuesday's demo?" in openers
    assert "How did Tuesday's demo go from your side?" in openers
    assert any("differently next time" in opener for opener in openers)
    assert "How do you think it landed with the client?" in openers


def test_openers_name_a_call_with_its_own_preposition(make_request: RequestFactory) -> None:
    openers = draft_feedback(
        make_request(what="On the Lakeside call Sam skipped the agenda, so we lost 20 minutes.")
    ).openers
    assert "How did the Lakeside call go from your side?" in openers
    assert "What do you think happened on the Lakeside call?" in openers


def test_praise_openers_invite_reflection_on_what_made_it_work(
    make_request: RequestFactory,
) -> None:
    openers = draft_feedback(
        make_request(report_name="Priya", kind="praise", what=PRAISE_TEXT)
    ).openers
    assert openers[0] == "What made the onboarding guide come together so well?"
    assert not any("differently" in opener for opener in openers)


def test_openers_without_a_situation_are_still_questions(make_request: RequestFactory) -> None:
    openers = draft_feedback(make_request(what="Sam skipped code review twice")).openers
    assert len(openers) >= 3 and all(o.endswith("?") for o in openers)
    assert "What do you think happened there?" in openers


def test_direct_style_asks_what_happened_first(make_request: RequestFactory) -> None:
    openers = draft_feedback(make_request(style="direct")).openers
    assert openers[0] == "What do you think happened in Tuesday's demo?"
