"""Round 7 (issue #10): patterns found on notes by writers no rule was written against. Every
note here is fictional."""

from __future__ import annotations

import pytest

from assistant.recap.builtin.completion import bare_label
from assistant.recap.builtin.lexicon import verb_form
from assistant.recap.builtin.people import PeopleDirectory
from tests.support.recap_items import owner_task_pairs


def _items(
    notes: str, manager: str = "Zoë Lambert", report: str = "Nguyễn Thị Hương"
) -> list[tuple[str, str]]:
    return owner_task_pairs(notes, manager, report)


@pytest.mark.parametrize("word", ["Forgot", "Managed", "Commit", "Moving", "Scheduled", "Tried"])
def test_a_verb_before_to_is_no_one_word_name(word: str) -> None:
    notes = (
        f"- {word} to sort out the shared drive before the offsite.\n"
        "- Łukasz to send the agenda\n"
        "- 王伟 will run the benchmark\n"
    )
    people = PeopleDirectory("Zoë Lambert", "Mary-Kate D'Souza", notes=notes)
    assert people.resolve(word) is None
    assert people.resolve("Łukasz") is not None  # a real one-word owner still counts
    owners = {owner for owner, _ in _items(notes)}
    assert word not in owners


@pytest.mark.parametrize("name", ["Ted", "Ming", "Fred", "Sterling", "Søren", "Siobhán"])
def test_names_that_end_like_verbs_stay_names(name: str) -> None:
    assert not verb_form(name)
    notes = f"- {name} to send the agenda\n- Zoë to book the room\n"
    assert (name, "Send the agenda") in _items(notes)


def test_lines_labelled_with_three_people_are_group_minutes() -> None:
    notes = (
        "## Action items\n"
        "- Zoë: send the minutes\n"
        "- Søren: please draft the rollout plan\n"
        "- Mary-Kate: book the demo slot\n"
        "- Łukasz: please check the licence terms\n"
    )
    people = PeopleDirectory("Zoë Lambert", "Nguyễn Thị Hương", notes=notes)
    assert people.group_meeting
    assert people.default_owner.full == "Zoë Lambert"  # the chair, not the report


def test_two_labelled_people_of_a_one_to_one_are_no_group() -> None:
    notes = "- Zoë: draft the rollout plan\n- Hương: book the demo slot\n"
    people = PeopleDirectory("Zoë Lambert", "Nguyễn Thị Hương", notes=notes)
    assert not people.group_meeting


def test_bare_labels_are_no_items_but_dated_deliverables_are() -> None:
    assert bare_label("14:00", dated=True)
    assert bare_label("Quarterly overview", dated=False)
    assert bare_label("Søren Ødegaard", dated=False)
    assert not bare_label("Self-review", dated=True)
    assert not bare_label("Book the room", dated=False)
    assert not bare_label("Review 王伟's draft", dated=False)


def test_a_list_of_attendees_with_employers_gives_no_items() -> None:
    notes = (
        "## Action items\n"
        "- Zoë Lambert (Acme)\n"
        "- Łukasz Nowak (Initech)\n"
        "- Mary-Kate D'Souza to send the budget by Friday\n"
    )
    items = _items(notes)
    assert [t for _, t in items] == ["Send the budget"], items
