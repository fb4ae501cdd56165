"""Behaviour a manager relies on when pasting notes into the built-in recap engine."""

from __future__ import annotations

import datetime as dt

from assistant.domain.recap import RecapDraft
from assistant.recap.builtin import extract_recap

MANAGER = "Dana Whitfield"
REPORT = "Jordan Sims"
WED = dt.date(2026, 3, 4)


def recap(notes: str, meeting: dt.date = WED, **kwargs: object) -> RecapDraft:
    return extract_recap(notes, meeting_date=meeting, manager=MANAGER, report=REPORT, **kwargs)  # type: ignore[arg-type]


def tasks(draft: RecapDraft) -> list[str]:
    return [a.task.lower() for a in draft.action_items]


def test_ill_in_manager_notes_is_owned_by_the_manager() -> None:
    draft = recap("Jordan is blocked on access. I'll ask IT for a new badge by Friday.")
    [item] = draft.action_items
    assert item.owner == MANAGER
    assert item.owner_role == "manager"
    assert "badge" in item.task.lower()
    assert item.due == dt.date(2026, 3, 6)


def test_third_person_commitment_is_owned_by_the_report() -> None:
    draft = recap("Jordan will send the deck to finance by Monday.")
    [item] = draft.action_items
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 3, 9))


def test_initials_and_roles_resolve_to_full_names() -> None:
    notes = "kudos from Priya Nair (PM) on the demo\nAI: JS -> send arch deck to PM Fri"
    [item] = recap(notes).action_items
    assert item.owner == REPORT
    assert "Priya Nair" in item.task
    assert item.due == dt.date(2026, 3, 6)


def test_fri_on_a_friday_meeting_means_the_following_friday() -> None:
    [item] = recap("AI: Jordan -> update the runbook Fri", meeting=dt.date(2026, 3, 6)).action_items
    assert item.due == dt.date(2026, 3, 13)


def test_vague_due_like_q3_is_null_and_flagged() -> None:
    [item] = recap("Jordan will migrate the billing jobs sometime in Q3.").action_items
    assert item.due is None
    assert "due_vague" in item.flags


def test_checked_and_struck_items_are_excluded() -> None:
    notes = (
        "Action items\n"
        "[x] Jordan: ship the pricing page\n"
        "[ ] ~~Dana: find a QA contractor~~ not needed\n"
        "[ ] Jordan: draft the PRD by the 14th\n"
    )
    assert tasks(recap(notes)) == ["draft the prd"]


def test_already_done_and_hypothetical_work_is_not_an_action_item() -> None:
    notes = (
        "Jordan already sent the revised quote to the client.\n"
        "If the deal slips we might pull the renewal forward.\n"
        "It could be feature complete around Feb 13, no promises."
    )
    assert recap(notes).action_items == []


def test_declined_offer_in_a_transcript_is_excluded() -> None:
    notes = (
        "Dana: Would it help to move you to the chat queue for a couple of weeks?\n"
        "Jordan: Honestly no, I'd rather stay on phones.\n"
        "Dana: Fair. Can you send me the call IDs from the outage?\n"
        "Jordan: Yeah, I'll pull them and send them over by tomorrow.\n"
    )
    [item] = recap(notes).action_items
    assert item.owner == REPORT
    assert "call ids" in item.task.lower()
    assert item.due == dt.date(2026, 3, 5)


def test_transcript_recap_line_does_not_duplicate_items() -> None:
    notes = (
        "Dana: Can you get the design doc out for review by Friday?\n"
        "Jordan: Yes, Friday works.\n"
        "Dana: I'll ask Hannah Wu to find a reviewer from data platform.\n"
        "Dana: OK, recap: design doc out Friday. I'll ping Hannah.\n"
        "Jordan: Yep.\n"
    )
    draft = recap(notes)
    assert len(draft.action_items) == 2
    owners = sorted(a.owner for a in draft.action_items)
    assert owners == [MANAGER, REPORT]


def test_cancelled_plan_in_same_meeting_is_excluded() -> None:
    notes = "Jordan was going to fly to the supplier next week, but we cancelled that trip."
    assert recap(notes).action_items == []


def test_standing_norm_is_a_decision_not_an_action_item() -> None:
    notes = "Decision: from now on, Jordan flags any ticket over estimate in standup."
    draft = recap(notes)
    assert draft.action_items == []
    assert draft.decisions


def test_we_need_then_named_owner_gives_the_named_owner() -> None:
    notes = (
        "We need to run a load test on the cache - "
        "Jordan will set it up and run it Tues/Wed next week."
    )
    [item] = recap(notes, meeting=dt.date(2026, 3, 6)).action_items
    assert item.owner == REPORT
    assert "load test" in item.task.lower()
    assert item.due == dt.date(2026, 3, 11)


def test_third_person_named_in_notes_can_own_an_item() -> None:
    notes = "Jordan needs the GL feed. Wes Hartley already agreed to set it up by Friday the 13th."
    [item] = recap(notes).action_items
    assert item.owner == "Wes Hartley"
    assert item.owner_role == "other"
    assert item.due == dt.date(2026, 3, 13)


def test_evidence_is_a_verbatim_substring_of_the_notes() -> None:
    notes = "Weekly\n- Jordan to update the KB article by mon\n- I'll order the spare parts today"
    draft = recap(notes)
    assert len(draft.action_items) == 2
    for item in draft.action_items:
        for piece in item.evidence.split(" … "):
            assert piece in notes


def test_empty_notes_give_an_empty_recap() -> None:
    draft = recap("   \n")
    assert draft.action_items == []
    assert draft.engine == "built-in"
    assert draft.notices


def test_notes_without_commitments_give_no_items() -> None:
    notes = (
        "- floor set done Wed, looks great\n- her mom is home from the hospital\n"
        "- nothing to action"
    )
    assert recap(notes).action_items == []


def test_markdown_table_of_actions_is_read() -> None:
    notes = (
        "| Action | Owner | Due |\n|---|---|---|\n"
        "| Rewrite the test fixtures | Jordan | Friday |\n"
        "| Book the review room | Dana | 3/17 |\n"
    )
    items = recap(notes).action_items
    assert [(a.owner, a.due) for a in items] == [
        (REPORT, dt.date(2026, 3, 6)),
        (MANAGER, dt.date(2026, 3, 17)),
    ]


def test_output_is_deterministic_and_json_shaped() -> None:
    notes = "Jordan will send the deck by Friday. I'll review it Monday."
    first, second = recap(notes).to_public_dict(), recap(notes).to_public_dict()
    assert first == second
    assert set(first) >= {
        "summary",
        "decisions",
        "action_items",
        "praise",
        "concerns",
        "follow_ups",
        "engine",
    }
    item = first["action_items"][0]
    assert set(item) == {"task", "owner", "due", "evidence", "confidence", "flags"}
    assert item["due"] == "2026-03-06"


def test_bullets_grouped_under_a_name_belong_to_that_person() -> None:
    notes = (
        "Jordan\n- send the sprint plan to the PMs by Thursday\n\n"
        "Me\n- ask finance about the budget\n"
    )
    items = recap(notes).action_items
    assert [(a.owner, a.due) for a in items] == [
        (REPORT, dt.date(2026, 3, 5)),
        (MANAGER, None),
    ]


def test_action_lines_with_trailing_owner_initials() -> None:
    notes = "ACTION: update pricing sheet - JS - 3/30\n- review FAQ draft → DW, next Mon\n"
    items = recap(notes, meeting=dt.date(2026, 3, 3)).action_items
    assert [(a.owner, a.due) for a in items] == [
        (REPORT, dt.date(2026, 3, 30)),
        (MANAGER, dt.date(2026, 3, 9)),
    ]


def test_chat_export_with_timestamps_is_read_as_a_transcript() -> None:
    notes = (
        "[10:02] Dana Whitfield: Can you chase the translation agency today?\n"
        "[10:03] Jordan Sims: Sure, will do\n"
        "[10:05] Dana Whitfield: I'll get budget sign-off by Friday\n"
    )
    items = recap(notes).action_items
    assert [(a.owner, a.due) for a in items] == [
        (REPORT, dt.date(2026, 3, 4)),
        (MANAGER, dt.date(2026, 3, 6)),
    ]


def test_passive_task_with_by_owner() -> None:
    [item] = recap("Dock 4 door repair to be scheduled by Jordan before Friday.").action_items
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 3, 6))
    assert item.task.lower().startswith("schedule")


def test_have_someone_do_it_and_reported_promises() -> None:
    notes = (
        "We'll have Jordan draft the release notes by March 6. "
        "She said she would book the usability sessions before the end of the week."
    )
    items = recap(notes).action_items
    assert [(a.owner, a.due) for a in items] == [
        (REPORT, dt.date(2026, 3, 6)),
        (REPORT, dt.date(2026, 3, 6)),
    ]


def test_recurring_task_with_an_end_is_due_at_its_first_occurrence() -> None:
    [item] = recap("Jordan will pull an aging report every Monday for the next month.").action_items
    assert item.due == dt.date(2026, 3, 9)


def test_declined_help_offer_is_not_an_item() -> None:
    notes = "Jordan offered to help Wes Hartley, but he said his team can handle it."
    assert recap(notes).action_items == []


def test_note_to_self_and_bracketed_owner_initials() -> None:
    notes = (
        "Note to self: send Jordan the salary band doc before Friday.\n"
        "[JS] finish the retention policy draft (due 3/20)\n"
        "[DW] ~~buy the DLP licences~~ - parked\n"
    )
    items = recap(notes).action_items
    assert [(a.owner, a.due) for a in items] == [
        (MANAGER, dt.date(2026, 3, 6)),
        (REPORT, dt.date(2026, 3, 20)),
    ]


def test_volunteer_for_a_needed_task_owns_it() -> None:
    notes = "We need someone to update the status page template - Jordan volunteered, by Friday."
    [item] = recap(notes).action_items
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 3, 6))
    assert "status page template" in item.task.lower()


def test_known_people_resolve_initials_and_first_names() -> None:
    notes = "AI: HW -> review the migration plan by Friday"
    [item] = recap(notes, known_people=["Hannah Wu"]).action_items
    assert item.owner == "Hannah Wu"
    assert item.owner_role == "other"
