"""Layouts of real minutes and logs: action sections under any heading, status lists, owner
marks, tables, attendee lines, notes written by the report. Every note here is fictional."""

from __future__ import annotations

import datetime as dt

from assistant.recap.builtin import extract_recap

DAY = dt.date(2026, 4, 14)  # a Tuesday
MANAGER, REPORT = "Ingrid Solberg", "Mateus Honório"


def items(notes: str, author: str = "manager") -> list[tuple[str, str, dt.date | None]]:
    draft = extract_recap(notes, meeting_date=DAY, manager=MANAGER, report=REPORT, author=author)
    return [(i.task, i.owner, i.due) for i in draft.action_items]


def test_new_and_ongoing_actions_are_open_finished_ones_are_not() -> None:
    notes = """Meeting Minutes 2026 04 14
==========================

Present: Ingrid Solberg, Mateus Honório, Zoë Ångström

Actions
-------

* New

  - **Zoë Ångström:** Read the first draft of the
    methods chapter

* On-going

  - **Mateus Honório:** Benchmark the solver on the
    cluster

* Finished

  - **Ingrid Solberg:** Book the review room
"""
    found = items(notes)
    assert [(o, t) for t, o, _ in found] == [
        ("Zoë Ångström", "Read the first draft of the methods chapter"),
        ("Mateus Honório", "Benchmark the solver on the cluster"),
    ]


def test_numbered_action_plan_with_owner_in_parentheses() -> None:
    notes = """## Action plan
1. Draft the onboarding checklist (Mateus)
2. Try to get two more GPU nodes (Ingrid)
3. Clean up the shared drive (Team)
"""
    found = items(notes)
    # "(Team)" is a group: the chair (the manager of a 1:1, the lead of group minutes) takes it.
    assert [o for _, o, _ in found] == [REPORT, MANAGER, MANAGER]
    assert found[1][0].startswith("Get two more GPU nodes")


def test_items_grouped_under_a_bold_name_belong_to_that_person() -> None:
    notes = """## Action Items

***Ingrid***
* Send the budget sheet to finance by Friday

***Mateus***
* Write tests for the parser
"""
    assert items(notes) == [
        ("Send the budget sheet to finance", MANAGER, dt.date(2026, 4, 17)),
        ("Write tests for the parser", REPORT, None),
    ]


def test_unowned_actions_in_group_minutes_go_to_the_chair() -> None:
    notes = """Attendees: Ingrid Solberg, Mateus Honório, Kwame Mensah, Aiko Tanaka

## Next steps
- Open an issue for the flaky upload test
- Kwame to update the release notes
"""
    assert [(o, t) for t, o, _ in items(notes)] == [
        (MANAGER, "Open an issue for the flaky upload test"),
        ("Kwame Mensah", "Update the release notes"),
    ]


def test_a_reports_own_plan_is_theirs_and_i_is_the_report() -> None:
    notes = """Supervisor meeting 14/04

## Minutes
- Ingrid suggested looking at the 2019 survey
- I will send the ethics form to the committee by Friday

## Plan for next week
- Finish the literature review section
- Run the pilot interviews
"""
    found = items(notes, author="report")
    assert {o for _, o, _ in found} == {REPORT}
    assert ("Send the ethics form to the committee", REPORT, dt.date(2026, 4, 17)) in found
    assert len(found) == 3


def test_checkbox_todo_list_skips_done_boxes() -> None:
    notes = "TODO:\n- [x] Email the vendor\n- [ ] Renew the licence by the 30th\n"
    assert items(notes) == [("Renew the licence", REPORT, dt.date(2026, 4, 30))]


def test_questions_and_maybes_are_follow_ups_not_items() -> None:
    notes = """## Action items
- Mateus to fix the login bug by Friday
- Do we need a second reviewer?
- maybe move the docs to the wiki
- ?? ask legal about the licence
"""
    draft = extract_recap(notes, meeting_date=DAY, manager=MANAGER, report=REPORT)
    assert [i.task for i in draft.action_items] == ["Fix the login bug"]
    assert len(draft.follow_ups) == 3


def test_table_with_owner_task_due_and_status_columns() -> None:
    notes = """| Task | Owner | Due | Status |
|---|---|---|---|
| Publish the rota | Mateus | 4/20 | open |
| Order badges | Ingrid | 4/16 | done |
"""
    assert items(notes) == [("Publish the rota", REPORT, dt.date(2026, 4, 20))]


def test_a_note_to_the_writer_is_cut_from_the_shared_task() -> None:
    found = items("- Mateus will call the landlord about the lease by Friday, tell him")
    assert found == [("Call the landlord about the lease", REPORT, dt.date(2026, 4, 17))]


def test_a_transcript_is_read_by_the_shared_parser_with_names_in_any_script() -> None:
    from assistant.talk.transcript import parse_transcript

    notes = (
        "Ingrid Solberg: How did the migration go?\n"
        "Mary-Kate D'Souza: Mostly fine, two tables left.\n"
        "Ingrid Solberg: Can you write up the rollback plan?\n"
        "Mary-Kate D'Souza: Yes, I'll send it by Friday.\n"
    )
    transcript = parse_transcript(notes)
    assert transcript is not None and transcript.speakers == ["Ingrid Solberg", "Mary-Kate D'Souza"]
    draft = extract_recap(notes, meeting_date=DAY, manager=MANAGER, report="Mary-Kate D'Souza")
    assert [(i.owner, i.due) for i in draft.action_items] == [
        ("Mary-Kate D'Souza", dt.date(2026, 4, 17))
    ]
    assert "rollback plan" in draft.action_items[0].task.lower()


def test_a_who_does_what_list_that_starts_with_me() -> None:
    # "- Me" as the first name of a per-person list used to crash the engine: the list is read
    # like an attendee line, before the engine knew whose "me" it was.
    notes = """1:1 w/ Ingrid (my notes)

Who does what:
- Me
  - book the design review room by Friday
- Kwame
  - send the load-test numbers
"""
    for author, writer in (("manager", MANAGER), ("report", REPORT)):
        found = items(notes, author=author)
        assert any(o == writer and "design review room" in t for t, o, _ in found), found
