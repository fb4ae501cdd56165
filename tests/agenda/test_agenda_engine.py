"""The built-in agenda engine on hand-built contexts (pure: no database)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from assistant.agenda.builtin import (
    AgendaContext,
    FeedbackInfo,
    GoalInfo,
    OpenAction,
    PastMeeting,
    ReportProfile,
    RetrievedPassage,
    build_agenda,
)
from assistant.agenda.builtin.guard import keep_required, rescale
from assistant.domain.agenda import AgendaDraft, item_budget

DAY = dt.date(2026, 11, 25)


def _ago(days: int) -> dt.date:
    return DAY - dt.timedelta(days=days)


def make_ctx(**changes: Any) -> AgendaContext:
    report = ReportProfile(
        id=1,
        name="Sam Lee",
        role="Backend Engineer",
        start_date=_ago(800),
        cadence_days=7,
        meeting_minutes=30,
    )
    ctx = AgendaContext(
        report=changes.pop("report", report),
        meeting_date=DAY,
        minutes=30,
        meeting_id=99,
        held_count=12,
        recent_held=(
            PastMeeting(
                10,
                _ago(7),
                "held",
                "Back from a hiking trip in Wales, great views all week.\n"
                "We shipped the billing export on Tuesday.\n"
                "Still waiting on the platform team for queue access.\n"
                "AI: Sam - write the design note",
            ),
            PastMeeting(9, _ago(14), "held", "Talked about the roadmap."),
        ),
        open_actions=(
            OpenAction(
                1, "Write the design note", "report", "Sam Lee", _ago(2), 10, _ago(7), "held"
            ),
            OpenAction(
                2,
                "Ask Farida for a review",
                "manager",
                "Alex Morgan",
                None,
                8,
                _ago(21),
                "canceled",
            ),
            OpenAction(
                3, "Book the offsite room", "other", "Kim Yu", _ago(1), 7, _ago(28), "skipped"
            ),
        ),
        report_topics=("Promo packet timeline", "Conference budget"),
        goals=(GoalInfo(1, "Ship the sync rewrite", DAY + dt.timedelta(days=20)),),
        topic_last={"career": _ago(10), "wellbeing": _ago(5)},
        feedback_90d=(FeedbackInfo("praise", _ago(7), "Billing export launch"),),
        last_praise=_ago(7),
    )
    return dataclasses.replace(ctx, **changes)


def _sections(draft: AgendaDraft) -> list[str]:
    return [i.section for i in draft.items]


def test_agenda_opens_with_connection_then_their_topics_then_one_review_of_open_items() -> None:
    draft = build_agenda(make_ctx())
    assert draft.items[0].section == "connection"
    assert [i.source for i in draft.items[1:4]] == ["report", "report", "carried_over"]
    review = draft.items[3]
    assert review.action_item_ids == [1, 2, 3] and review.action_item_id is None
    # Every open item is a sub-point of the one review item, in the order of the ids.
    assert len(review.subpoints) == 3
    for point, task in zip(
        review.subpoints,
        ("Write the design note", "Ask Farida for a review", "Book the offsite room"),
        strict=True,
    ):
        assert point.startswith(task)
    assert "carried over from a canceled 1:1" in review.subpoints[1]
    assert "2026-11-04 (canceled)" in review.source_ref
    assert draft.items[-1].section == "closing"


def test_report_topics_come_right_after_the_check_in_and_are_marked_theirs() -> None:
    draft = build_agenda(make_ctx())
    sources = [i.source for i in draft.items]
    theirs = [n for n, s in enumerate(sources) if s == "report"]
    assert theirs == [1, 2]
    assert [draft.items[n].title for n in theirs] == [
        "Sam's topic: Promo packet timeline",
        "Sam's topic: Conference budget",
    ]
    assert all(s == "suggested" for s in sources[4:])
    assert all(draft.items[n].questions for n in theirs)


@pytest.mark.parametrize("minutes", [5, 10, 15, 25, 30, 45, 60, 90, 240])
def test_minutes_sum_exactly_to_the_meeting_and_nothing_owed_is_dropped(minutes: int) -> None:
    draft = build_agenda(make_ctx(minutes=minutes))
    assert sum(i.minutes for i in draft.items) == minutes == draft.minutes_total
    assert all(i.minutes >= 1 for i in draft.items)
    assert draft.action_item_ids == {1, 2, 3}
    text = " ".join(f"{i.title} {i.detail}" for i in draft.items)
    assert "Promo packet timeline" in text and "Conference budget" in text


def test_short_meetings_drop_suggestions_before_compressing_what_is_owed() -> None:
    long = build_agenda(make_ctx(minutes=60))
    short = build_agenda(make_ctx(minutes=15))
    assert len(short.items) < len(long.items)
    assert any("Left out" in n for n in short.notices)
    assert short.left_out and all(i.source == "suggested" for i in short.left_out)
    assert short.items[0].section == "connection"  # kept: only suggestions went
    tiny = build_agenda(make_ctx(minutes=5))
    assert [i.source for i in tiny.items] == ["report", "carried_over"]
    assert "Promo packet timeline" in tiny.items[0].detail
    assert tiny.items[1].action_item_ids == [1, 2, 3] and tiny.items[1].action_item_id is None


@pytest.mark.parametrize(("minutes", "most"), [(15, 6), (30, 8), (45, 10), (60, 12), (90, 16)])
def test_agenda_stays_focused_the_item_count_scales_with_the_length(
    minutes: int, most: int
) -> None:
    busy = dataclasses.replace(
        make_ctx().report, topics_favour=("architecture", "mentoring", "on-call health")
    )
    ctx = make_ctx(report=busy, minutes=minutes, topic_last={}, last_praise=None, feedback_90d=())
    draft = build_agenda(ctx)
    assert item_budget(minutes) == most
    assert len(draft.items) <= most
    if minutes <= 60:
        assert len(draft.items) + len(draft.left_out) > most  # there was more to say
    assert sum(i.source == "carried_over" for i in draft.items) == 1
    assert sum(i.minutes for i in draft.items) == minutes


def test_many_open_items_are_one_review_item_with_every_item_as_a_sub_point() -> None:
    actions = tuple(
        OpenAction(i, f"Task number {i}", "report", "Sam Lee", None, 5, _ago(30), "held")
        for i in range(1, 10)
    )
    draft = build_agenda(make_ctx(open_actions=actions))
    review = [i for i in draft.items if i.source == "carried_over"]
    assert len(review) == 1
    assert review[0].action_item_ids == list(range(1, 10))
    assert [p.split(" (")[0] for p in review[0].subpoints] == [
        f"Task number {i}" for i in range(1, 10)
    ]


def test_their_topics_are_never_cut_for_time_suggestions_go_first() -> None:
    topics = ("Career path to staff", "Conference budget", "On-call swap", "Team offsite")
    for minutes in (10, 15, 20, 30):
        draft = build_agenda(make_ctx(report_topics=topics, minutes=minutes))
        text = " ".join(f"{i.title} {i.detail}" for i in draft.items)
        assert all(topic in text for topic in topics), minutes
        assert draft.action_item_ids == {1, 2, 3}
        assert all(i.source == "suggested" for i in draft.left_out)
    roomy = build_agenda(make_ctx(report_topics=topics, minutes=30))
    assert sum(i.source == "report" for i in roomy.items) == 4  # one item each when they fit


def test_suggested_questions_skip_ids_used_in_recent_agendas() -> None:
    first = build_agenda(make_ctx())
    used = frozenset(first.question_ids)
    second = build_agenda(make_ctx(recent_question_ids=used, held_count=13))
    assert used and not used & set(second.question_ids)
    assert all(1 <= len(i.questions) <= 3 for i in second.items if i.source != "carried_over")


def test_question_choice_is_deterministic_and_unique_within_a_draft() -> None:
    a, b = build_agenda(make_ctx()), build_agenda(make_ctx())
    assert a.question_ids == b.question_ids
    assert len(a.question_ids) == len(set(a.question_ids))
    rotated = build_agenda(make_ctx(held_count=13))
    assert rotated.question_ids != a.question_ids


def test_questions_fit_the_person_and_skip_other_domains() -> None:
    draft = build_agenda(make_ctx())
    ids = set(draft.question_ids)
    assert not ids & {"goals-03", "goals-02", "wins-07", "issues-14"}  # sales-only questions


def test_topics_avoid_leaves_out_items_and_questions_that_touch_them() -> None:
    report = dataclasses.replace(make_ctx().report, topics_avoid=("career", "hiking trips"))
    draft = build_agenda(make_ctx(report=report, topic_last={}))
    for item in draft.items:
        text = f"{item.title} {item.detail} " + " ".join(q.text for q in item.questions)
        assert "career" not in text.lower() and "hiking" not in text.lower()
    assert "growth_career" not in _sections(draft)


def test_favoured_topics_get_an_item() -> None:
    report = dataclasses.replace(make_ctx().report, topics_favour=("architecture",))
    draft = build_agenda(make_ctx(report=report, minutes=45))
    assert any("architecture" in i.title for i in draft.items)


@pytest.mark.parametrize(
    ("career_days_ago", "expected"),
    [(10, False), (27, False), (28, True), (60, True), (None, True)],
)
def test_career_item_appears_only_after_four_weeks_without_it(
    career_days_ago: int | None, expected: bool
) -> None:
    last = {} if career_days_ago is None else {"career": _ago(career_days_ago)}
    draft = build_agenda(make_ctx(topic_last=last, minutes=45))
    assert ("growth_career" in _sections(draft)) is expected


@pytest.mark.parametrize(
    ("feedback", "last_praise", "expected"),
    [
        ((FeedbackInfo("praise", _ago(7)),), _ago(7), False),
        ((), _ago(45), True),
        ((), None, True),
        (
            (
                FeedbackInfo("praise", _ago(10)),
                FeedbackInfo("constructive", _ago(20)),
                FeedbackInfo("constructive", _ago(40)),
            ),
            _ago(10),
            True,
        ),
    ],
)
def test_praise_prompt_when_no_praise_for_a_while_or_constructive_dominates(
    feedback: tuple[FeedbackInfo, ...], last_praise: dt.date | None, expected: bool
) -> None:
    draft = build_agenda(make_ctx(feedback_90d=feedback, last_praise=last_praise, minutes=45))
    prompt = [i for i in draft.items if i.section == "praise"]
    assert bool(prompt) is expected
    if prompt:
        assert "praise-and-recognition.md" in prompt[0].source_ref


def test_feedback_goes_both_ways() -> None:
    draft = build_agenda(make_ctx(minutes=45))
    assert {"feedback_for_report", "feedback_for_manager"} <= set(_sections(draft))


def test_opener_follows_up_a_personal_update_from_the_last_meeting() -> None:
    opener = build_agenda(make_ctx()).items[0]
    assert "hiking trip in Wales" in opener.detail
    assert "1:1 on 2026-11-18" in opener.source_ref
    assert [q.id for q in opener.questions] == ["conn-06"]


def test_wins_roadblocks_and_goals_cite_their_evidence() -> None:
    draft = build_agenda(make_ctx(minutes=60))
    by_section = {i.section: i for i in draft.items}
    assert "shipped the billing export" in by_section["wins"].detail
    assert "waiting on the platform team" in by_section["roadblocks"].detail
    assert "Ship the sync rewrite" in by_section["goals_alignment"].detail
    assert all(i.reason and i.source_ref for i in draft.items)


def test_bulleted_and_conversational_reports_get_different_wording() -> None:
    bulleted = dataclasses.replace(make_ctx().report, meeting_format="bulleted")
    terse = build_agenda(make_ctx(report=bulleted))
    chatty = build_agenda(make_ctx())
    assert terse.items[0].title == "Check-in"
    assert chatty.items[0].title == "Check in with Sam"
    assert terse.items[3].title == "Action review (3 open)"
    assert terse.items[3].subpoints[0].startswith("Write the design note (Sam Lee; due")
    assert chatty.items[3].title == "Review the open action items (3)"


def test_first_ever_one_on_one_gets_a_getting_to_know_you_agenda() -> None:
    draft = build_agenda(
        make_ctx(held_count=0, recent_held=(), open_actions=(), report_topics=(), topic_last={})
    )
    assert draft.first_meeting
    sections = _sections(draft)
    assert sections.count("getting_to_know") >= 4 and sections[-1] == "closing"
    titles = " ".join(i.title.lower() for i in draft.items)
    for words in ("getting to know", "for", "work together", "cadence", "feedback"):
        assert words in titles
    questions = [q.id for i in draft.items if i.section == "getting_to_know" for q in i.questions]
    assert questions and all(q.startswith("know-") for q in questions)
    assert sum(i.minutes for i in draft.items) == 30


def test_retrieved_guidance_is_cited_when_an_index_answered() -> None:
    passage = RetrievedPassage(
        citation="praise-and-recognition.md › Be specific",
        source="praise-and-recognition.md",
        text="Praise › Be specific\nSpecific praise names what they did. More text.",
    )
    draft = build_agenda(make_ctx(guidance={"praise": passage}, last_praise=None, minutes=45))
    prompt = next(i for i in draft.items if i.section == "praise")
    assert "knowledge/praise-and-recognition.md › Be specific" in prompt.source_ref
    assert "Specific praise names what they did" in prompt.reason


def test_markdown_lists_items_and_keeps_reasons_private_unless_asked() -> None:
    draft = build_agenda(make_ctx())
    shared = draft.to_markdown()
    assert "# 1:1 agenda: Sam Lee, 2026-11-25" in shared
    assert all(item.title in shared for item in draft.items)
    assert "Why:" not in shared and "Every open item" not in shared
    assert "(your topic)" in shared
    assert "_Why:" in draft.to_markdown(include_reasons=True)


def test_guard_restores_dropped_action_items_and_report_topics() -> None:
    draft = build_agenda(make_ctx())
    trimmed = draft.model_copy(
        update={
            "items": [i for i in draft.items if i.source not in ("carried_over", "report")],
            "engine": "llm",
        }
    )
    fixed = keep_required(draft, trimmed)
    assert fixed.action_item_ids == {1, 2, 3}
    assert sum(i.source == "report" for i in fixed.items) == 2
    assert sum(i.minutes for i in fixed.items) == draft.minutes_total
    assert [i.source for i in fixed.items[:4]] == ["suggested", "report", "report", "carried_over"]
    assert any("Restored" in n for n in fixed.notices)


def test_guard_keeps_one_review_with_every_sub_point_and_the_item_budget() -> None:
    draft = build_agenda(make_ctx())
    review = next(n for n, i in enumerate(draft.items) if i.source == "carried_over")
    items = list(draft.items)
    # The model shortened the review's sub-points and piled on extra suggestions.
    items[review] = items[review].model_copy(
        update={"title": "Quick status round", "detail": "- design note", "action_item_ids": [1]}
    )
    extra = [items[-2].model_copy(update={"title": f"Extra {n}", "section": ""}) for n in range(6)]
    rewritten = draft.model_copy(update={"items": [*items[:-1], *extra, items[-1]]})
    fixed = keep_required(draft, rewritten)
    reviews = [i for i in fixed.items if i.source == "carried_over"]
    assert len(reviews) == 1 and reviews[0].title == "Quick status round"
    assert reviews[0].action_item_ids == [1, 2, 3]
    assert reviews[0].subpoints == draft.items[review].subpoints
    assert len(fixed.items) <= max(8, len(draft.items))
    assert fixed.items[-1].section == "closing"


@pytest.mark.parametrize(("given", "total"), [([5, 5, 5], 30), ([1, 2, 40], 12), ([0, 0], 5)])
def test_rescale_sums_exactly_and_keeps_every_item(given: list[int], total: int) -> None:
    out = rescale(given, total)
    assert sum(out) == total and all(m >= 1 for m in out)


def test_edits_reorder_add_remove_and_retime() -> None:
    draft = build_agenda(make_ctx())
    moved = draft.move_item(len(draft.items) - 2, 0)
    assert moved.items[0].title == draft.items[-2].title
    added = draft.add_item("Offsite planning", minutes=4)
    assert added.items[-2].title == "Offsite planning" and added.items[-2].source == "manager"
    # The meeting keeps its length; the plan now runs 4 minutes over.
    assert added.minutes_total == draft.minutes_total
    assert added.planned_minutes == draft.planned_minutes + 4 and added.over_by == 4
    removed = added.remove_item(0)
    assert len(removed.items) == len(draft.items)
    retimed = draft.retime_item(0, 10)
    assert retimed.items[0].minutes == 10
    renamed = draft.rename_item(1, "  Promo   timeline ", "Bring the draft")
    assert (renamed.items[1].title, renamed.items[1].detail) == (
        "Promo timeline",
        "Bring the draft",
    )


def test_a_topic_added_for_them_goes_after_the_check_in_and_their_topics() -> None:
    draft = build_agenda(make_ctx())
    added = draft.add_item("On-call rotation", source="report", minutes=5)
    assert [i.title for i in added.items[1:4]] == [
        "Sam's topic: Promo packet timeline",
        "Sam's topic: Conference budget",
        "On-call rotation",
    ]
    none_yet = build_agenda(make_ctx(report_topics=())).add_item("Visa", source="report")
    assert none_yet.items[1].title == "Visa" and none_yet.items[-1].section == "closing"


def test_fit_to_length_takes_time_from_suggestions_before_what_they_are_owed() -> None:
    draft = build_agenda(make_ctx()).add_item("Budget", source="report", minutes=9)
    assert draft.over_by == 9
    fitted = draft.fit_to_length()
    assert fitted.planned_minutes == fitted.minutes_total == 30
    for before, after in zip(draft.items, fitted.items, strict=True):
        if before.source in ("report", "carried_over"):
            assert after.minutes == before.minutes
        assert after.minutes >= 1


def test_a_left_out_suggestion_can_be_added_back() -> None:
    draft = build_agenda(make_ctx(minutes=15))
    spare = draft.left_out[0]
    back = draft.insert_item(spare)
    assert spare in back.items and spare not in back.left_out
    assert back.items[-1].section == "closing"
