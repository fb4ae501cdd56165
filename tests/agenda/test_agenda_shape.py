"""The agenda's shape through the agenda service on real SQLite and PostgreSQL: few items that
scale with the meeting's length, one review of open action items, their topics first and never
cut, suggestions cut first, and saving that keeps the meeting's length."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.db.models import OwnerRole
from assistant.domain.agenda import AgendaDraft
from assistant.services import Services
from tests.agenda.support import TODAY, Team, make_team

EXTRA_TASKS = ("Review the on-call runbook", "Pair with Zoë on the importer", "Book the Søren sync")
THEIR_TOPICS = ["Promo timeline", "Conference budget", "Career path: staff or manager?"]


def _busy_team(svc: Services) -> Team:
    """Sam with six open action items, three topics of their own, favoured topics and goals."""
    team = make_team(svc)
    with svc.repos(team.manager_id) as repos:
        for task in EXTRA_TASKS:
            repos.action_items.add(
                report_id=team.report_id,
                task=task,
                owner_role=OwnerRole.REPORT,
                owner_name="Sam Lee",
                due_date=TODAY - dt.timedelta(days=3),
            )
        repos.reports.update(
            team.report_id, topics_favour=["architecture", "mentoring", "on-call health"]
        )
        repos.meetings.get(team.target_id).report_topics = list(THEIR_TOPICS)
    return team


def _draft(svc: Services, team: Team, minutes: int) -> AgendaDraft:
    return svc.agenda.draft(team.manager_id, "Sam", minutes=minutes, today=TODAY, search=False)


@pytest.mark.parametrize(("minutes", "most"), [(30, 8), (45, 10), (60, 12)])
def test_item_count_scales_with_the_meeting_length(
    services: Services, minutes: int, most: int
) -> None:
    team = _busy_team(services)
    draft = _draft(services, team, minutes)
    assert len(draft.items) <= most
    assert sum(i.minutes for i in draft.items) == draft.minutes_total == minutes
    assert any("Left out" in n for n in draft.notices)


def test_open_action_items_are_one_review_item_none_dropped(services: Services) -> None:
    team = _busy_team(services)
    draft = _draft(services, team, 30)
    reviews = [i for i in draft.items if i.source == "carried_over"]
    assert len(reviews) == 1
    review = reviews[0]
    assert len(review.action_item_ids) == 6 == len(review.subpoints)
    assert set(review.action_item_ids) >= set(team.open_ids.values())
    for task in ("Write the design note", "Book the training course", *EXTRA_TASKS):
        assert any(point.startswith(task) for point in review.subpoints), task
    # The ids survive saving and loading, so the next recap can close them.
    meeting_id = services.agenda.save(team.manager_id, "Sam", draft)
    loaded = services.agenda.load(team.manager_id, meeting_id)
    assert loaded is not None
    saved = next(i for i in loaded.items if i.source == "carried_over")
    assert saved.action_item_ids == review.action_item_ids and saved.detail == review.detail


@pytest.mark.parametrize("minutes", [10, 15, 30, 45])
def test_their_topics_come_right_after_the_check_in_and_are_never_cut(
    services: Services, minutes: int
) -> None:
    team = _busy_team(services)
    draft = _draft(services, team, minutes)
    text = "\n".join(f"{i.title}\n{i.detail}" for i in draft.items)
    for topic in THEIR_TOPICS:
        assert topic in text, (minutes, topic)
    sources = [i.source for i in draft.items]
    first = sources.index("report")
    assert first <= 1  # right after the check-in (or first, when only what is owed fits)
    assert "carried_over" not in sources[:first] and "suggested" not in sources[1:first]


def test_suggestions_are_cut_before_anything_they_are_owed(services: Services) -> None:
    team = _busy_team(services)
    long, short = _draft(services, team, 60), _draft(services, team, 15)
    assert len(short.left_out) > len(long.left_out)
    assert all(i.source == "suggested" for i in short.left_out)
    assert short.action_item_ids == long.action_item_ids
    assert {i.source for i in short.items} >= {"report", "carried_over"}


def test_saving_keeps_the_meeting_length_unless_asked(services: Services) -> None:
    team = _busy_team(services)
    draft = _draft(services, team, 30).add_item("Offsite dates", minutes=10)
    assert draft.planned_minutes == 40
    meeting_id = services.agenda.save(team.manager_id, "Sam", draft)
    with services.repos(team.manager_id) as repos:
        assert repos.meetings.get(meeting_id).duration_minutes == 30
    services.agenda.save(team.manager_id, "Sam", draft, meeting_minutes=40)
    with services.repos(team.manager_id) as repos:
        assert repos.meetings.get(meeting_id).duration_minutes == 40
