"""Tasks that read on their own: a fragment takes its object from the line's topic label, its
parent bullet or its heading; pronouns take their noun from the same or the previous line; a
trailing note to the writer ("tell him") is cut; a bullet that only titles others is no task."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.recap.builtin import extract_recap

D = dt.date(2026, 3, 4)  # a Wednesday


def items(notes: str) -> list[tuple[str, str, dt.date | None]]:
    draft = extract_recap(notes, meeting_date=D, manager="Dana Whitfield", report="Søren Ångström")
    return [(a.task, a.owner, a.due) for a in draft.action_items]


@pytest.mark.parametrize(
    "notes",
    [
        "Action items:\n- Budget deck: finish + send to finance Thu\n",
        "Next steps:\n- Budget deck\n  - finish + send to finance Thu\n",
    ],
)
def test_a_fragment_takes_the_topic_it_sits_under_as_its_object(notes: str) -> None:
    assert items(notes) == [
        ("Finish and send the budget deck to finance", "Søren Ångström", dt.date(2026, 3, 5))
    ]


def test_a_topic_label_names_what_a_bare_verb_pair_is_about() -> None:
    found = items("Next steps\n- Allergen changeover validation: complete + file by Friday\n")
    assert found == [
        (
            "Complete and file the allergen changeover validation",
            "Søren Ångström",
            dt.date(2026, 3, 6),
        )
    ]


def test_a_verb_with_its_own_preposition_keeps_its_object() -> None:
    # "Work on the catalog" needs nothing from the heading above it.
    found = items("Catalog\n- Action items:\n  - work on the first catalog API (Søren)\n")
    assert [t for t, _, _ in found] == ["Work on the first catalog API"]


def test_a_pronoun_takes_its_noun_from_the_previous_sentence() -> None:
    found = items("Vendor quote came in high. I'll push back on it tomorrow.\n")
    assert found == [("Push back on vendor quote", "Dana Whitfield", dt.date(2026, 3, 5))]


def test_a_pronoun_with_its_noun_in_the_same_task_stays() -> None:
    found = items("Lea starts Monday. I'll organise her badge and send it to her.\n")
    assert found == [("Organise Lea's badge and send it to Lea", "Dana Whitfield", None)]


@pytest.mark.parametrize("name", ["Tomás", "Łukasz", "Nguyễn", "Mary-Kate"])
def test_a_trailing_note_to_the_writer_is_cut_for_any_name(name: str) -> None:
    found = items(f"Action items\n- {name} to write up the on-call runbook by Friday, tell him\n")
    assert found == [("Write up the on-call runbook", name, dt.date(2026, 3, 6))]


def test_a_short_bullet_over_deeper_ones_is_a_title_not_a_task() -> None:
    found = items("Next steps:\n- Proposal\n  - [ ] Background section\n  - [x] Intro\n")
    tasks = [t for t, _, _ in found]
    assert "Proposal" not in tasks
    assert any("background section" in t.lower() for t in tasks), tasks
