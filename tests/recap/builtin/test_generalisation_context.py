"""General behaviours: dates by reference, pronouns resolved from context, chat layouts."""

from __future__ import annotations

import datetime as dt

from assistant.domain.recap import ActionItemDraft
from assistant.recap.builtin import extract_recap
from assistant.recap.builtin.dates import find_dues
from assistant.recap.builtin.tasks import remove_dates

MANAGER = "Paula Grant"
REPORT = "Simon Ekwueme"
TUE = dt.date(2026, 4, 14)  # a Tuesday


def items(notes: str, meeting: dt.date = TUE, **kw: str) -> list[ActionItemDraft]:
    return extract_recap(
        notes,
        meeting_date=meeting,
        manager=kw.get("manager", MANAGER),
        report=kw.get("report", REPORT),
    ).action_items


def one(notes: str, meeting: dt.date = TUE, **kw: str) -> ActionItemDraft:
    found = items(notes, meeting, **kw)
    assert len(found) == 1, [(i.task, i.owner, i.due) for i in found]
    return found[0]


# -- date grammar --------------------------------------------------------------------------


def test_european_dotted_and_hyphenated_dates() -> None:
    meeting = dt.date(2025, 12, 8)
    assert find_dues("by 20.12", meeting)[0].date == dt.date(2025, 12, 20)
    assert find_dues("until 05.01", meeting)[0].date == dt.date(2026, 1, 5)
    assert find_dues("joining 1-Nov", meeting)[0].date == dt.date(2026, 11, 1)
    assert find_dues("CSAT 4.8 and v2.10", meeting) == []


def test_week_of_a_named_date_is_vague_and_leaves_no_fragment() -> None:
    item = one("I'll come back for a short walkthrough the week of Apr 27.")
    assert item.due is None and "27" not in item.task


def test_a_quarter_used_as_a_name_is_not_a_deadline() -> None:
    assert find_dues("take the lead on the Q3 partner newsletter", TUE) == []
    assert find_dues("migrate it in Q3.", TUE)[0].vague


def test_attributive_weekday_keeps_the_event_in_the_task() -> None:
    assert remove_dates("brief the crew at the Thursday toolbox talk", 0, None, TUE) == (
        "brief the crew at the toolbox talk"
    )
    assert remove_dates("send it before Friday's roll-up", 0, None, TUE) == (
        "send it before the roll-up"
    )
    assert remove_dates("I will approve today itself", 0, None, TUE) == "I will approve"


def test_event_date_written_on_another_line() -> None:
    notes = (
        "- Lena Vogt (new grad) starts 4/27.\n"
        "- Simon to set up her onboarding plan before she starts"
    )
    item = one(notes)
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 4, 27))


def test_a_day_before_an_event_dated_elsewhere() -> None:
    notes = (
        "- QBR with Tessco is on Apr 24.\n"
        "Action Items\n"
        "☐ Send Paula the Tessco QBR deck a day before the QBR — @Simon Ekwueme"
    )
    item = one(notes)
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 4, 23))


def test_before_then_and_bare_before_take_the_previous_date() -> None:
    item = one("tech debt day fri - simon picks 3 tickets from the backlog before then")
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 4, 17))
    notes = "The new intern (Lea Martin) arrive on monday. I will organize her badge before."
    organise = one(notes)
    assert organise.due == dt.date(2026, 4, 20)
    assert "Lea's badge" in organise.task


def test_the_same_day_and_that_day() -> None:
    found = items(
        "Simon said his designer, Pablo Reyes, will have the banners ready by Monday, "
        "and he'll review them the same day."
    )
    assert [i.due for i in found] == [dt.date(2026, 4, 20)] * 2
    notes = "The vendor inspection is on April 30. Simon will walk the roof with him that day."
    assert one(notes).due == dt.date(2026, 4, 30)


# -- pronouns and task text ------------------------------------------------------------------


def test_qualified_one_is_not_a_pronoun() -> None:
    item = one("- oncall: 2 sev2s, both db. simon to write postmortem for the 2nd one by thu")
    assert item.task == "Write postmortem for the 2nd one"


def test_the_rest_takes_the_topic_of_the_line() -> None:
    item = one("Lab safety contracts — still missing 6. He'll collect the rest by Monday.")
    assert item.task == "Collect the rest of the lab safety contracts"


def test_it_skips_a_sentence_that_itself_points_back() -> None:
    notes = (
        "Reviewer 2 wants the ablation on the smaller dataset. Simon thinks it's 3 days of "
        "compute. We agreed he'll rerun it by the 30th."
    )
    assert "ablation on the smaller dataset" in one(notes).task


def test_take_that_on_becomes_the_needed_task() -> None:
    notes = (
        "We need someone to map out which nightly reports are actually used; Simon said "
        "he'd take that on and have a list for me by the 23rd."
    )
    item = one(notes)
    assert item.task.startswith("Map out which nightly reports")
    assert item.due == dt.date(2026, 4, 23)


def test_her_means_a_colleague_named_by_first_name_only() -> None:
    item = one("- Jess (line) wants to move to days → Simon to talk to her before Fri")
    assert item.task.startswith("Talk to Jess")


def test_possessive_her_and_ditransitive_her() -> None:
    notes = "New hire Lea Martin starts Monday. I'll get her a laptop and set up her badge by Fri."
    assert "Lea a laptop" in one(notes).task and "Lea's badge" in one(notes).task


def test_third_person_narration_of_the_manager() -> None:
    notes = (
        "Platform guild\nSimon wants to join the guild. "
        "Paula supported it and said she would mention it to the guild lead."
    )
    assert one(notes).owner == MANAGER


# -- chat layouts ------------------------------------------------------------------------------


def test_chat_handles_as_speakers() -> None:
    notes = (
        "@paula.grant: can you write up the macro changes for the other pods?\n"
        "@simon.ekwueme: yep, will have it to you by thursday\n"
        "@paula.grant: great. I'll set up 30 min with @marco.bellini next week\n"
        "@simon.ekwueme: 👍"
    )
    found = {i.owner: i for i in items(notes)}
    assert found[REPORT].due == dt.date(2026, 4, 16)
    assert "Marco Bellini" in found[MANAGER].task


def test_chat_copy_with_name_and_time_headers() -> None:
    notes = (
        "Paula Grant  10:42 AM\n"
        "• Harborview → Sim to send the 3-yr pricing option by Wed\n"
        "Simon Ekwueme  10:51 AM\n"
        "👍 also I'll get Lucas Hahn (SE) to do the security questionnaire by Friday\n"
    )
    owners = sorted((i.owner, i.due) for i in items(notes))
    assert owners == [(REPORT, dt.date(2026, 4, 15)), (REPORT, dt.date(2026, 4, 17))]


def test_initials_as_speaker_labels() -> None:
    notes = (
        "PG: Can you chase Lumen about the questionnaire?\n"
        "SE: Yes, I'll chase them today.\n"
        "PG: Good. I'll let the auditors know.\n"
        "SE: Thanks."
    )
    owners = sorted(i.owner for i in items(notes))
    assert owners == [MANAGER, REPORT]


def test_reply_pointing_back_takes_the_self_contained_request() -> None:
    notes = (
        "Paula: Could you set up the self-service reset article and link it in the auto-reply?\n"
        "Simon: Yep, I'll have it live by Thursday.\n"
        "Paula: Great, thanks."
    )
    item = one(notes)
    assert "reset article" in item.task and item.due == dt.date(2026, 4, 16)


# -- batch 7 behaviours -------------------------------------------------------------------------


def test_day_first_slash_dates_and_abbreviated_week_of() -> None:
    meeting = dt.date(2025, 8, 26)
    assert find_dues("until 29/08", meeting)[0].date == dt.date(2025, 8, 29)
    assert find_dues("wk of 6/22", meeting)[0].vague


def test_by_next_one_on_one_uses_the_written_date() -> None:
    notes = (
        "Coaching 1:1\nNext 1:1: Wed 29 Apr\n\nAgreed actions\n"
        "- Simon: re-read the verification SOP by next 1:1\n"
        "- Simon: try the new hold macro on every call (ongoing)"
    )
    item = one(notes)
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 4, 29))


def test_double_arrow_separates_topic_and_task() -> None:
    item = one("line 2 torque issue => Simon to run capability study, results Fri")
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 4, 17))


def test_undated_plan_in_an_open_items_list() -> None:
    notes = "Open items\n4. Intern portfolio reviews — PG + SE together, PG schedules. (PG)"
    item = one(notes)
    assert item.owner == MANAGER and "intern portfolio reviews" in item.task.lower()


def test_question_to_the_report_in_a_recap_and_a_trailing_courtesy() -> None:
    notes = (
        "2) Team offsite: could you pull together three venue options? No rush.\n"
        "3) I'll talk to Marco Duarte about moving you onto payments and let you know."
    )
    found = {i.owner: i.task for i in items(notes)}
    assert found[REPORT].startswith("Pull together three venue options")
    assert found[MANAGER].startswith("Talk to Marco Duarte") and "let" not in found[MANAGER]


def test_bare_owns_takes_the_item_after_a_colon_label() -> None:
    item = one("• IV room: USP 797 gap assessment due to QA 4/30 → Simon owns, draft to me 4/24")
    assert item.owner == REPORT and item.due == dt.date(2026, 4, 24)
    assert "gap assessment" in item.task and "IV room" not in item.task


def test_later_sentence_with_its_own_owner_mark() -> None:
    item = one("• Overrides up 12% in March. pull the override report by unit (Simon)")
    assert item.owner == REPORT and item.task.startswith("Pull the override report")


def test_will_to_in_non_native_english() -> None:
    item = one("I will to review the proposal on Friday.")
    assert (item.task, item.due) == ("Review the proposal", dt.date(2026, 4, 17))


# -- batch 8 behaviours -------------------------------------------------------------------------


def test_instruction_told_in_the_meeting_and_a_later_promise() -> None:
    notes = "I told her to send me two names by Friday and I'll start the paperwork."
    found = {i.owner: i for i in items(notes)}
    assert found[REPORT].task == "Send Paula two names"
    assert found[REPORT].due == dt.date(2026, 4, 17)
    assert found[MANAGER].task == "Start the paperwork"
    assert items("Told him to take whatever time he needs.") == []
    assert items("I told him to drop the newsletter until summer.") == []


def test_two_deadlines_make_two_tasks() -> None:
    notes = (
        "The tournament is on Apr 30. Simon is going to collect the permission forms by the "
        "24th and get me the final roster a week before the tournament."
    )
    dues = sorted(i.due for i in items(notes) if i.due)
    assert dues == [dt.date(2026, 4, 23), dt.date(2026, 4, 24)]
    assert len(items("Simon will finalize the roster by Friday and send it to the captains.")) == 1


def test_gonna_and_please_with_a_name() -> None:
    item = one("ok so simon's gonna send the updated deck to sales tomorrow")
    assert (item.owner, item.due) == (REPORT, dt.date(2026, 4, 15))
    named = one("5. Please Simon prepare the demo for the customer visit on Apr 21.")
    assert (named.owner, named.due) == (REPORT, dt.date(2026, 4, 21))


def test_chat_header_with_a_role_and_next_prefixed_bullets() -> None:
    notes = (
        "Paula Grant (Manager) 9:02 AM\nHow's the refresh?\n"
        "Simon Ekwueme 9:04 AM\nI'll ship the last kits by Friday.\n"
        "Paula Grant (Manager) 9:05 AM\nGreat."
    )
    assert one(notes).owner == REPORT
    bullets = "• Advisory board\n   – Next: book the venue in Austin → Paula"
    assert one(bullets).owner == MANAGER
