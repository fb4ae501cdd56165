"""Owners and precision of round 6 (issue #10): one-word names known only from the labels and
headings they share with known people, labels that are no one ("Next Meeting:", "Architecture
Comments:"), a done status after a dash, and work reported in the past tense. Every note here
is fictional."""

from __future__ import annotations

from assistant.recap.builtin.completion import reports_done_work
from assistant.recap.builtin.people import PeopleDirectory
from tests.support.recap_items import MEETING, owner_task_pairs

_items = owner_task_pairs


def test_a_heading_name_beside_known_names_owns_its_list() -> None:
    notes = (
        "### To-dos\n"
        "#### Zoë\n"
        "* Review the new scheduler\n"
        "#### Łukasz\n"
        "* Check whether the cache survives a restart\n"
        "#### Siobhán\n"
        "* Look into retry policies for the upload queue\n"
    )
    owners = dict((task, owner) for owner, task in _items(notes))
    assert owners["Look into retry policies for the upload queue"] == "Siobhán", owners
    assert owners["Review the new scheduler"] == "Zoë Lambert", owners


def test_a_label_name_beside_known_names_owns_its_line() -> None:
    notes = (
        "**Next steps**\n"
        "- Zoë: set up the staging data for the demo\n"
        "- Mary-Kate: integrate the map widget with the dashboard\n"
        "- Łukasz: refit the repository to the new layout\n"
    )
    items = _items(notes)
    owner = next(o for o, t in items if "map widget" in t)
    assert owner == "Mary-Kate", items


def test_a_title_after_a_name_label_makes_no_one_a_person() -> None:
    notes = (
        "Roles:\n"
        "- Zoë: Open Source Program Manager, Platform Staff\n"
        "- Kiri: Community Manager, Release Lead\n"
        "- Łukasz: Release Lead\n"
    )
    people = PeopleDirectory("Zoë Lambert", "Łukasz Nowak", notes=notes)
    assert people.resolve("Kiri") is None
    notes += "\nNext steps:\n- Kiri: will draft the release checklist\n- Zoë: review it\n"
    assert PeopleDirectory("Zoë Lambert", "Łukasz Nowak", notes=notes).resolve("Kiri") is not None


def test_a_capitalised_label_is_no_person() -> None:
    notes = (
        "## Log\n"
        "Progress on the parser was good.\n"
        "Architecture Comments: Keep the cache and the resolver under one lock.\n"
        "Next Meeting: 04/06/2026 14:30\n"
    )
    owners = {o for o, _ in _items(notes)}
    assert "Architecture Comments" not in owners and "Next Meeting" not in owners
    assert all(any(c.isalpha() for c in t) for _, t in _items(notes))


def test_a_done_status_after_a_dash_closes_the_item() -> None:
    notes = (
        "## Action Items\n"
        "1. Book a working session to try the screen reader  - **completed** on 03/02/2026\n"
        "2. Open an issue about the release plan- done\n"
        "3. Draft the accessibility checklist for 王伟 - due Friday\n"
    )
    tasks = [t for _, t in _items(notes)]
    assert len(tasks) == 1 and "checklist" in tasks[0], tasks


def test_work_reported_in_the_past_tense_is_no_item() -> None:
    assert reports_done_work("Did meetings to define the catalog")
    assert reports_done_work("Have created a project board for the team")
    assert reports_done_work("Had discussions with the platform group")
    assert not reports_done_work("Have Søren review the draft")
    assert not reports_done_work("Need to call D'Souza")
    assert not reports_done_work("Embed the chart in the report")
    assert reports_done_work("List looks broadly reasonable")
    assert reports_done_work("The project will be scrum-like to get early feedback")
    assert reports_done_work("Progress will likely be slow until the review is passed")
    assert reports_done_work("Have not been able to reach Søren")
    assert not reports_done_work("Confirm Zoë is available on Friday")
    assert not reports_done_work("Make sure the demo will be ready")
    notes = (
        "## Notes\n"
        "- Zoë has created a board for the assignment\n"
        "- Łukasz: Did meetings to define the structure of the catalog\n"
        "- Łukasz to write the catalog README by Friday\n"
    )
    tasks = [t for _, t in _items(notes)]
    assert tasks == ["Write the catalog README"], tasks


def test_both_goes_to_the_lead_like_other_group_words() -> None:
    notes = (
        "FOR NEXT TIME:\n"
        "- Łukasz: fill in the grant template\n"
        "- Zoë: clean up the analysis code\n"
        "- Both: clarify the branching workflow\n"
    )
    owners = {t: o for o, t in _items(notes)}
    assert owners["Clarify the branching workflow"] == "Zoë Lambert", owners


def test_an_attendance_line_under_a_heading_names_everyone_on_it() -> None:
    notes = (
        "## Attendance\n\n"
        "Greta, Nguyễn Thị Hương, Mary-Kate D'Souza, Søren, Zoë Lambert\n\n"
        "## Minutes\n"
        "- Scheduling\n"
        "    - Søren: Not seeing a conclusion here.\n"
        "    - Mary-Kate: I'll send out a poll.\n"
    )
    people = PeopleDirectory("Zoë Lambert", "Łukasz Nowak", notes=notes)
    assert {p.full for p in people.present} >= {"Greta", "Søren", "Mary-Kate D'Souza"}
    owners = [o for o, t in _items(notes) if "poll" in t]
    assert owners == ["Mary-Kate D'Souza"], _items(notes)


def test_lower_case_handles_made_of_a_known_name_resolve_to_that_person() -> None:
    people = PeopleDirectory("Zoë Lambert", "Tamsin O'Kelly", ["Søren Holm", "Łukasz Nowak"])
    assert people.resolve("tamsino") is people.report  # first name + initial
    assert people.resolve("zlambert") is people.manager  # initial + surname
    assert people.resolve("lambertzoe") is people.manager  # surname + first name
    assert people.resolve("soren42") == people.by_full("Søren Holm")  # name and digits
    assert people.resolve("lukasznowak") == people.by_full("Łukasz Nowak")
    assert people.resolve("deploybot") is None
    assert people.resolve("sholm") == people.by_full("Søren Holm")  # initial + surname


def test_open_ended_offers_are_no_items() -> None:
    notes = (
        "## Next steps\n"
        "- Søren: help with any docs as needed\n"
        "- Raise issues if anything doesn't work.\n"
        "- Please reach out to 王伟 if you want to take this on\n"
        "- Mary-Kate D'Souza to send the test plan by Friday\n"
    )
    tasks = [t for _, t in _items(notes)]
    assert tasks == ["Send the test plan"], tasks


def test_agenda_slots_with_a_presenter_are_no_items() -> None:
    notes = (
        "Attendees: Zoë Lambert, Łukasz Nowak, Siobhán, Nguyễn\n\n"
        "## Agenda\n"
        "- [ ] Performance work update (Siobhán)\n"
        "- Update on the incubation policy (Nguyễn)\n"
        "- Budget from the foundation (Łukasz, 15 minutes)\n\n"
        "## Action items\n"
        "- Siobhán to update the benchmark page (by Friday)\n"
    )
    items = _items(notes)
    assert [t for _, t in items] == ["Update the benchmark page"], items
    assert items[0][0] == "Siobhán"


TABLE = (
    "Attendees: Zoë Lambert, Łukasz Nowak, Siobhán Ní Bhriain, Nguyễn Thị Hương\n\n"
    "| Topic | Notes | Actions: Responsible / Note |\n"
    "| --- | --- | --- |\n"
    "| Voting | Discussion on the interim voting tool. | Finalize the voting tool. "
    "Siobhán to gather feedback on it. |\n"
    "| Outreach | Nguyễn Thị Hương gave an update on the mentoring group. | "
    "Drive attendance in the mentoring group. |\n"
    "| Framework | Siobhán presented the draft framework. | "
    "Draft acceptance criteria and gather feedback. |\n"
    "| Welcome | Zoë Lambert opened the meeting. | Members to state their affiliations. |\n"
)


def test_an_unowned_table_action_goes_to_the_person_its_row_names() -> None:
    owners = {t: o for o, t in _items(TABLE)}
    assert owners["Finalize the voting tool"] == "Siobhán Ní Bhriain", owners
    assert owners["Drive attendance in the mentoring group"] == "Nguyễn Thị Hương", owners
    assert owners["Draft acceptance criteria and gather feedback"] == "Siobhán Ní Bhriain"
    assert owners["State their affiliations"] == "Zoë Lambert", owners  # a group: the chair


def test_two_rows_of_a_table_stay_two_items() -> None:
    tasks = [t for _, t in _items(TABLE)]
    assert "Gather feedback on it" in tasks or any(t.startswith("Gather feedback") for t in tasks)
    assert "Draft acceptance criteria and gather feedback" in tasks, tasks


def test_an_unaddressed_please_in_group_minutes_is_no_item() -> None:
    group = (
        "Attendees: Zoë Lambert, Łukasz Nowak, Siobhán, Nguyễn Thị Hương\n\n"
        "Please add new agenda items under the heading below!\n"
        "- Reminder, please take a look at the draft.\n"
        "- Please Siobhán send the minutes to the list\n"
    )
    assert _items(group) == [("Siobhán", "Send the minutes to the list")], _items(group)
    one_on_one = "Recap for Łukasz:\nAlso, please send me your proposal before Friday.\n"
    assert [o for o, _ in _items(one_on_one)] == ["Łukasz Nowak"]


def test_a_we_line_the_classifier_picks_goes_to_the_writer() -> None:
    from assistant.recap.builtin.engine import analyse
    from assistant.recap.builtin.line_items import line_item

    notes = "## 12/03\n- we will write a script and record the demo video\n"
    a = analyse(notes, meeting_date=MEETING, manager="Zoë Lambert", report="Łukasz Nowak")
    i = next(k for k, s in enumerate(a.sentences) if "script" in s.text)
    (item,) = line_item(a.sentences, i, a.people, MEETING)
    assert item.owner is not None and item.owner.full == "Zoë Lambert"
    assert "owner_guessed" not in item.flags
