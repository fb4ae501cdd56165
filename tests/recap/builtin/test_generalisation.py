"""General behaviours added so the engine reads layouts and phrasings it was not tuned on.

Each test uses a fresh, fictional note; none of them reuses an evaluation case.
"""

from __future__ import annotations

import datetime as dt

from assistant.domain.recap import ActionItemDraft
from assistant.recap.builtin import extract_recap

MANAGER = "Paula Grant"
REPORT = "Simon Ekwueme"
TUE = dt.date(2026, 4, 14)  # a Tuesday


def items(notes: str, meeting: dt.date = TUE, **kw: str) -> list[ActionItemDraft]:
    draft = extract_recap(
        notes,
        meeting_date=meeting,
        manager=kw.get("manager", MANAGER),
        report=kw.get("report", REPORT),
    )
    return draft.action_items


def one(notes: str, meeting: dt.date = TUE, **kw: str) -> ActionItemDraft:
    found = items(notes, meeting, **kw)
    assert len(found) == 1, [(i.task, i.owner, i.due) for i in found]
    return found[0]


# -- segmentation and list layouts ---------------------------------------------------------


def test_pictograph_bullet_still_carries_a_me_label() -> None:
    item = one("Pipeline review\n👉 me: intro Simon to the CFO at Harlow tmrw")
    assert (item.owner, item.due) == (MANAGER, dt.date(2026, 4, 15))
    assert item.task.startswith("Introduce Simon")


def test_ballot_box_items_with_recording_timestamps() -> None:
    notes = "Action Items\n☐ Simon Ekwueme — Trim the appendix before Friday's review [16:02]"
    item = one(notes)
    assert item.owner == REPORT
    assert "16:02" not in item.task and "[" not in item.task
    assert item.due == dt.date(2026, 4, 17)


def test_arrow_chain_names_the_owner_before_the_task() -> None:
    item = one("Acme Freight → went dark 👻 … Sim → send breakup email Mon")
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 4, 20))
    assert "breakup email" in item.task.lower()


def test_a_prefix_of_a_participant_first_name_is_that_person() -> None:
    item = one("SKO deck → Sim owns the EMEA slide, due 4/30")
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 4, 30))


def test_owner_and_due_keys_later_on_the_same_line() -> None:
    notes = "1. Close\n   - Action: automate the bank rec import. Owner: Simon. Due: end of April."
    item = one(notes)
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 4, 30))


def test_a_keyed_owner_turns_a_noun_phrase_into_a_deliverable() -> None:
    notes = "Open items\n* Lab test results — owner: Gus Petrov (QA), due Apr 22"
    item = one(notes)
    assert (item.owner, item.due) == ("Gus Petrov", dt.date(2026, 4, 22))
    assert item.task.lower().startswith("lab test results")


def test_responsible_key_in_a_following_sentence() -> None:
    notes = "2) Curriculum map for the new maths scheme. Responsible: Simon. Target date: 4/28"
    item = one(notes)
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 4, 28))


def test_inline_who_what_when_fields() -> None:
    item = one("a. Who: Simon. What: confirm custodial cover for the gym. When: by Thu.")
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 4, 16))
    assert item.task.lower().startswith("confirm custodial cover")


def test_markdown_owner_and_due_under_a_parent_bullet() -> None:
    notes = "- Interviews\n  - Synthesis doc\n    - **Owner:** Simon\n    - **Due:** Apr 21"
    item = one(notes)
    assert (item.task, item.owner, item.due) == ("Synthesis doc", REPORT, dt.date(2026, 4, 21))


def test_chat_handle_assignment_in_a_checklist() -> None:
    notes = "TODO\n- [ ] @simon write the launch note for #product (Mon)\n- [x] @paula approve it"
    item = one(notes)
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 4, 20))


# -- commitment shapes -----------------------------------------------------------------------


def test_must_is_a_promise_and_going_to_a_place_is_not() -> None:
    item = one("I must to send Simon the dashboard access, until tomorrow.")
    assert (item.owner, item.due) == (MANAGER, dt.date(2026, 4, 15))
    assert items("Simon is going to Lisbon on holiday the last two weeks of May.") == []


def test_rather_not_is_no_task() -> None:
    assert items("She said she'd rather not change anything this cycle.") == []


def test_present_tense_plan_with_a_day_after_a_topic() -> None:
    item = one("* Safety: toolbox talk on working at heights, Simon leads it tomorrow morning")
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 4, 15))
    assert "toolbox talk" in item.task.lower()


def test_writer_progressive_with_a_day() -> None:
    item = one(
        "I'm calling the float pool coordinator, Dee Hollis, tomorrow to see if she can help."
    )
    assert (item.owner, item.due) == (MANAGER, dt.date(2026, 4, 15))


def test_third_person_progressive_event_is_not_a_task() -> None:
    assert items("Simon is presenting at the guild meetup on the 21st.") == []


def test_imposed_necessity_and_granted_request() -> None:
    item = one("- It is necessary that Simon finish the SAP course before end of the year.")
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 12, 31))
    notes = "Simon ask if he can present the results in the team meeting of Friday. Yes, good idea."
    granted = one(notes)
    assert (granted.owner, granted.due) == (REPORT, dt.date(2026, 4, 17))


def test_accepted_proposal_and_polite_request() -> None:
    item = one("Simon propose to make a training for the intern the first week. Ok for me.")
    assert item.owner == REPORT and item.due is None
    please = one("Also, please send me your conference proposal before Friday.")
    assert (please.owner, please.due) == (REPORT, dt.date(2026, 4, 17))


def test_name_set_off_by_commas_is_the_subject() -> None:
    item = one("Simon said his designer, Pablo Reyes, will have the banner set ready by Monday.")
    assert (item.owner, item.due) == ("Pablo Reyes", dt.date(2026, 4, 20))


def test_correction_hands_the_task_to_the_new_owner() -> None:
    item = one("- OT: SE to talk to the 3 RNs individually — no, PG will do it")
    assert item.owner == MANAGER
    assert "3 rns" in item.task.lower()


def test_reported_ownership_without_a_date_is_not_a_task() -> None:
    assert items("Badges: Security (Omar Farouk) owns the migration.") == []


# -- vetoes ------------------------------------------------------------------------------------


def test_contingent_step_is_dropped_but_the_promise_kept() -> None:
    assert items("Paula to escalate to the architect if no answer by Thursday.") == []
    item = one("Simon: I'll chase the vendor today and escalate if nothing by Monday.")
    assert item.due == TUE and "escalate" not in item.task.lower()


def test_a_question_in_an_earlier_clause_does_not_veto_a_promise() -> None:
    item = one(
        "He asked whether the scanners are coming; I told him I'd chase procurement tomorrow."
    )
    assert (item.owner, item.due) == (MANAGER, dt.date(2026, 4, 15))


def test_declined_offers_and_recurring_duties() -> None:
    assert items("I offered to cover his lunch duty; he said he's fine.") == []
    assert items("Simon offered to redo the deck, but we decided to keep the current one.") == []


# -- minutes, tables and shorthand -------------------------------------------------------------


def test_minutes_action_lines_with_bracketed_initials() -> None:
    notes = (
        "Attendees: Paula Grant (PG), Simon Ekwueme (SE)\n\nActions\n"
        "ACTION [SE]: Send churn cohort analysis to PG – 20 Apr\n"
        "ACTION [PG]: Chase Rosa Bianchi on the DPA sign-off – n/a"
    )
    found = sorted((i.owner, i.due) for i in items(notes))
    assert found == [(MANAGER, None), (REPORT, dt.date(2026, 4, 20))]


def test_dash_labelled_exchange_is_a_transcript_but_a_dash_list_is_not() -> None:
    notes = (
        "Me — How's the migration?\n"
        "Simon — Almost there.\n"
        "Me — Can you write a short summary for the all-hands on Friday?\n"
        "Simon — Sure, I'll draft it Thursday.\n"
        "Me — Thanks."
    )
    item = one(notes)
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 4, 16))
    assert "summary" in item.task
    listed = items("Simon — send the deck Fri\nPaula — book the room Mon\nSimon — update the plan")
    assert len(listed) == 3


def test_a_tick_in_any_table_column_closes_the_row() -> None:
    notes = (
        "| # | Item | Who | By when | Notes |\n|---|---|---|---|---|\n"
        "| 1 | Finalize vendor shortlist | Simon | 4/20 | 3 vendors |\n"
        "| 2 | Update project charter | Simon | ✅ | done Tue |"
    )
    assert [i.task for i in items(notes)] == ["Finalize vendor shortlist"]


def test_the_one_who_leads_a_shared_task_owns_it() -> None:
    notes = "- S + Ahmed Saleh to recount aisle 14 by thurs — Ahmed leads"
    item = one(notes)
    assert (item.task, item.owner, item.due) == (
        "Recount aisle 14",
        "Ahmed Saleh",
        TUE.replace(day=16),
    )


def test_owning_a_nominal_task_names_the_work_and_its_object() -> None:
    notes = (
        "Simon raised that the onboarding docs are out of date. We agreed they need a full "
        "refresh before the May cohort (starts May 4). He'll own the refresh."
    )
    item = one(notes)
    assert (item.task, item.due) == ("Refresh the onboarding documents", dt.date(2026, 5, 4))
