"""Cadence health as the team view shows it: overdue, canceled without reschedule, new reports."""

from __future__ import annotations

import datetime as dt

from assistant.db.models import FeedbackKind, MeetingStatus, OwnerRole, Topic
from assistant.db.repositories import ManagerRepository
from assistant.services import Services
from assistant.team.health import team_health

NOW = dt.datetime(2026, 6, 15, 12, tzinfo=dt.UTC)
TODAY = NOW.date()


def _day(days_ago: int) -> dt.datetime:
    return (NOW - dt.timedelta(days=days_ago)).replace(hour=10)


def _setup(svc: Services) -> int:
    with svc.session() as session:
        return ManagerRepository(session).create("Avery Stone").id


def test_report_past_their_cadence_is_overdue_and_listed_first(services: Services) -> None:
    mid = _setup(services)
    with services.repos(mid) as repos:
        weekly = repos.reports.add("Ana Weekly", cadence_days=7).id
        fine = repos.reports.add("Bo Fine", cadence_days=14).id
        repos.meetings.mark_held(
            repos.meetings.save_raw_notes(repos.meetings.schedule(weekly, _day(19)).id, "notes").id
        )
        repos.meetings.mark_held(
            repos.meetings.save_raw_notes(repos.meetings.schedule(fine, _day(10)).id, "notes").id
        )
        repos.meetings.schedule(fine, _day(-4))
        rows = team_health(repos, now=NOW)
    assert [r.name for r in rows] == ["Ana Weekly", "Bo Fine"]
    ana, bo = rows
    assert (ana.days_since_last, ana.overdue_days, ana.status) == (19, 12, "overdue")
    assert ana.next_scheduled is None
    assert "1:1 overdue by 12 days" in ana.alerts and "nothing scheduled" in ana.alerts
    assert [short for short, _ in ana.alert_labels] == ["overdue 12 d", "nothing planned"]
    assert (bo.overdue_days, bo.status) == (0, "ok")
    assert bo.next_scheduled == _day(-4)


def test_canceled_without_reschedule_is_counted_for_90_days(services: Services) -> None:
    mid = _setup(services)
    with services.repos(mid) as repos:
        rid = repos.reports.add("Cy Canceled").id
        repos.meetings.mark_held(
            repos.meetings.save_raw_notes(repos.meetings.schedule(rid, _day(3)).id, "notes").id
        )
        repos.meetings.schedule(rid, _day(-4))
        gone = repos.meetings.schedule(rid, _day(30))
        repos.meetings.set_status(gone.id, MeetingStatus.CANCELED)
        too_old = repos.meetings.schedule(rid, _day(120))
        repos.meetings.set_status(too_old.id, MeetingStatus.CANCELED)
        moved = repos.meetings.schedule(rid, _day(60))
        slot = repos.meetings.schedule(rid, _day(58))
        repos.meetings.set_status(moved.id, MeetingStatus.RESCHEDULED, rescheduled_to_id=slot.id)
        (row,) = team_health(repos, now=NOW)
    assert row.canceled_without_reschedule == 1
    assert row.canceled_dates == [_day(30).date()]
    assert row.status == "at risk"


def test_report_with_no_meetings_yet_counts_from_their_start(services: Services) -> None:
    mid = _setup(services)
    with services.repos(mid) as repos:
        repos.reports.add("Dee New", start_date=TODAY - dt.timedelta(days=3), cadence_days=7)
        repos.reports.add("Eli Waiting", start_date=TODAY - dt.timedelta(days=30), cadence_days=7)
        rows = {r.name: r for r in team_health(repos, now=NOW)}
    assert rows["Dee New"].last_held is None
    assert rows["Dee New"].overdue_days == 0
    assert rows["Eli Waiting"].overdue_days == 23
    assert (rows["Eli Waiting"].status, rows["Eli Waiting"].alerts[0]) == (
        "overdue",
        "no 1:1 held yet",
    )


def test_a_brand_new_report_is_new_not_at_risk_and_not_short_of_praise(
    services: Services,
) -> None:
    """Before the first 1:1 nothing can be late: no "at risk", no "no praise in 60+ days"."""
    mid = _setup(services)
    with services.repos(mid) as repos:
        repos.reports.add("Zoë Nouvelle", start_date=TODAY - dt.timedelta(days=2))
        planned = repos.reports.add("Wei Planned", start_date=TODAY - dt.timedelta(days=2))
        repos.meetings.schedule(planned.id, _day(-3))
        rows = {r.name: r for r in team_health(repos, now=NOW)}
    zoe, wei = rows["Zoë Nouvelle"], rows["Wei Planned"]
    assert (zoe.status, zoe.alerts) == ("new", ["first 1:1 to schedule"])
    assert (wei.status, wei.alerts) == ("new", ["no 1:1 held yet"])
    assert not any("praise" in alert for alert in zoe.alerts + wei.alerts)


def test_praise_is_missed_only_60_days_after_the_first_1on1(services: Services) -> None:
    mid = _setup(services)
    with services.repos(mid) as repos:
        recent = repos.reports.add("Recent Start", start_date=TODAY - dt.timedelta(days=20)).id
        veteran = repos.reports.add("Long Time", start_date=TODAY - dt.timedelta(days=400)).id
        for rid in (recent, veteran):
            repos.meetings.mark_held(
                repos.meetings.save_raw_notes(repos.meetings.schedule(rid, _day(2)).id, "notes").id
            )
            repos.meetings.schedule(rid, _day(-5))
        rows = {r.name: r for r in team_health(repos, now=NOW)}
    assert rows["Recent Start"].status == "ok"
    assert not any("praise" in alert for alert in rows["Recent Start"].alerts)
    assert "no praise in 60+ days" in rows["Long Time"].alerts


def test_action_items_feedback_and_neglected_topics_per_report(services: Services) -> None:
    mid = _setup(services)
    with services.repos(mid) as repos:
        rid = repos.reports.add("Fay Busy").id
        meeting = repos.meetings.schedule(rid, _day(2))
        repos.meetings.mark_held(repos.meetings.save_raw_notes(meeting.id, "notes").id)
        repos.topics.record(meeting.id, [Topic.WELLBEING, Topic.GOALS, Topic.WINS, Topic.FEEDBACK])
        repos.action_items.add(
            report_id=rid,
            task="Late",
            owner_role=OwnerRole.REPORT,
            owner_name="Fay Busy",
            due_date=TODAY - dt.timedelta(days=1),
        )
        repos.action_items.add(
            report_id=rid, task="Fine", owner_role=OwnerRole.REPORT, owner_name="Fay Busy"
        )
        repos.feedback.add(
            report_id=rid, kind=FeedbackKind.CONSTRUCTIVE, given_on=TODAY - dt.timedelta(days=5)
        )
        repos.feedback.add(
            report_id=rid, kind=FeedbackKind.PRAISE, given_on=TODAY - dt.timedelta(days=70)
        )
        (row,) = team_health(repos, now=NOW)
    assert (row.open_action_items, row.overdue_action_items) == (2, 1)
    assert (row.praise_90d, row.constructive_90d, row.days_since_praise) == (1, 1, 70)
    assert row.neglected_topics == ["career"]
    assert "no praise in 60+ days" in row.alerts
