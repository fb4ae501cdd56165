"""Who owns an item in group minutes: table columns read by header, person headings, named
owners inside a line, and speakers (issue #10, round 4). Every note here is fictional."""

from __future__ import annotations

from assistant.recap.builtin import extract_recap
from tests.support.recap_items import MEETING, owner_task_pairs

_items = owner_task_pairs


def _owner_of(items: list[tuple[str, str]], word: str) -> str:
    found = [owner for owner, task in items if word.lower() in task.lower()]
    assert len(found) == 1, items
    return found[0]


ATTENDEES = "Attendees: Zoë Lambert, Łukasz Nowak, Mary-Kate D'Souza, Søren Holm, 王伟\n\n"


def test_an_owner_column_is_read_whatever_its_header_word() -> None:
    for header in ("Responsible", "Assignee", "Verantwortlich", "Lead", "Person"):
        notes = ATTENDEES + (
            f"| Action | {header} |\n|---|---|\n"
            "| Book the venue for the offsite | Mary-Kate D'Souza |\n"
            "| Renew the licence server | Søren Holm |\n"
        )
        items = _items(notes)
        assert _owner_of(items, "venue") == "Mary-Kate D'Souza", header
        assert _owner_of(items, "licence") == "Søren Holm", header


def test_cells_that_say_nothing_is_to_be_done_give_no_item() -> None:
    notes = ATTENDEES + (
        "| Topic | Notes | Actions: Responsible / Note |\n|---|---|---|\n"
        "| Budget | Reviewed the spend. | None specified. |\n"
        "| Hiring | Two roles open. | N/A |\n"
        "| Travel | Nothing new. | TBD |\n"
        "| Website | Copy is stale. | 王伟 to rewrite the landing page copy. |\n"
    )
    items = _items(notes)
    assert [task for _, task in items] == ["Rewrite the landing page copy"], items
    assert items[0][0] == "王伟"


def test_a_mixed_action_column_names_owners_inline_and_groups_go_to_the_chair() -> None:
    notes = ATTENDEES + (
        "| Topic | Actions: Responsible / Note |\n|---|---|\n"
        "| Intro | Members to post their team names in the channel. |\n"
        "| Policy | Members to read the draft. Søren to circulate the final version. |\n"
        "| Summit | The board voted on the summit budget. |\n"
    )
    items = _items(notes)
    assert _owner_of(items, "team names") == "Zoë Lambert"  # the chair takes a group item
    assert _owner_of(items, "read the draft") == "Zoë Lambert"
    assert _owner_of(items, "final version") == "Søren Holm"
    assert not any("voted" in task for _, task in items)  # a note, not an action
    assert not any(task.lower().startswith(("members", "søren")) for _, task in items)


def test_attendees_written_with_contact_links_are_known_by_name() -> None:
    notes = (
        "## Attendees:&#x20;\n\n"
        "* Zoë Lambert [zoe@example.org](mailto:zoe@example.org)\n"
        "* Siobhán Byrne (Ops) [Siobhán Byrne](mailto:siobhan@example.org)\n"
        "* Łukasz Nowak <lukasz@example.org>\n\n"
        "| Topic | Actions: Responsible / Note |\n|---|---|\n"
        "| Rota | Siobhán to publish the on-call rota. |\n"
    )
    assert _owner_of(_items(notes), "rota") == "Siobhán Byrne"


def test_two_named_owners_joined_by_and_give_the_item_to_the_first() -> None:
    notes = ATTENDEES + (
        "- Søren and Mary-Kate to rebuild the staging cluster\n"
        "- **Mary-Kate D'Souza** and **王伟** to draft the keynote\n"
    )
    items = _items(notes)
    assert _owner_of(items, "staging cluster") == "Søren Holm"
    assert _owner_of(items, "keynote") == "Mary-Kate D'Souza"


def test_a_bold_name_that_was_never_introduced_still_owns_its_line() -> None:
    notes = "## 4/03/2026\n- reviewed the app\n- **Ngozi** to record the demo video\n"
    assert _owner_of(_items(notes), "demo video") == "Ngozi"


def test_a_stand_up_under_a_person_heading_gives_that_person_the_next_steps() -> None:
    notes = ATTENDEES + (
        "**Mary-Kate D'Souza**\n"
        "- *What did I do?* Closed the billing bug\n"
        "- *What will I do?* Write the migration guide; review the pricing copy\n"
        "- *Blockers?* Waiting on legal\n\n"
        "**Søren Holm**\n"
        "- *What did I do?* Reviewed the design doc\n"
        "- *What will I do?* Benchmark the new cache layer\n"
    )
    items = _items(notes)
    assert _owner_of(items, "migration guide") == "Mary-Kate D'Souza"
    assert _owner_of(items, "pricing copy") == "Mary-Kate D'Souza"
    assert _owner_of(items, "cache layer") == "Søren Holm"
    assert not any("billing bug" in t or "design doc" in t or "legal" in t for _, t in items)


def test_a_name_label_owns_every_task_sentence_of_its_bullet() -> None:
    notes = ATTENDEES + (
        "Next time:\n"
        "- Søren: Continue profiling the importer. Add a caching section to the README.\n"
        "- 王伟: Finish the grant draft. Review the benchmark script.\n"
    )
    items = _items(notes)
    assert _owner_of(items, "caching section") == "Søren Holm"
    assert _owner_of(items, "benchmark script") == "王伟"


def test_name_headings_and_name_only_bullets_scope_the_bullets_under_them() -> None:
    notes = ATTENDEES + (
        "### Søren\n- benchmark the cache layer\n- draft the capacity plan\n\n"
        "- Mary-Kate:\n  - rewrite the onboarding checklist\n  - order the new laptops\n\n"
        "**王伟**\n- prepare the release demo\n"
    )
    items = _items(notes)
    assert _owner_of(items, "capacity plan") == "Søren Holm"
    assert _owner_of(items, "laptops") == "Mary-Kate D'Souza"
    assert _owner_of(items, "release demo") == "王伟"


def test_in_labelled_minutes_the_speaker_owns_i_will_and_a_named_owner_wins() -> None:
    notes = (
        "## Minutes\nAttendance: Zoë, Łukasz, Søren, Mary-Kate, 王伟\n\n"
        "- Scheduling\n"
        "    - Søren: I'll send out a poll for the sync slot.\n"
        "    - 王伟: Zoë to book the room for the offsite.\n"
        "    - Łukasz: I will draft the charter by Friday.\n"
    )
    draft = extract_recap(
        notes, meeting_date=MEETING, manager="Zoë Lambert", report="Łukasz Nowak", author="王伟"
    )
    items = [(i.owner, i.task) for i in draft.action_items]
    assert _owner_of(items, "poll") == "Søren"  # his "I", not the writer's
    assert _owner_of(items, "charter") == "Łukasz Nowak"
    assert _owner_of(items, "room") == "Zoë Lambert"  # the line names another owner
