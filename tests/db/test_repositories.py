"""Every repository query, run on SQLite and on PostgreSQL by the `services` fixture."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.db.models import (
    ActionStatus,
    FeedbackKind,
    GoalStatus,
    MeetingStatus,
    OwnerRole,
    Topic,
)
from assistant.db.repositories import ManagerRepository, Repositories
from assistant.errors import BadInputError, NotFoundError
from assistant.services import Services

NOW = dt.datetime(2026, 6, 15, 12, tzinfo=dt.UTC)


def _day(days_ago: int, hour: int = 10) -> dt.datetime:
    return (NOW - dt.timedelta(days=days_ago)).replace(hour=hour, minute=0)


def _manager(svc: Services, name: str) -> int:
    with svc.session() as session:
        return ManagerRepository(session).create(name).id


def test_reports_are_listed_by_name_and_found_by_first_name(services: Services) -> None:
    mid = _manager(services, "Avery Stone")
    with services.repos(mid) as repos:
        repos.reports.add("Zoe Park", role="Designer")
        repos.reports.add("Ben Okoro", role="Engineer", cadence_days=14)
        assert [r.name for r in repos.reports.all()] == ["Ben Okoro", "Zoe Park"]
        assert repos.reports.find("zoe").name == "Zoe Park"
        assert repos.reports.find("  ben   okoro ").cadence_days == 14


@pytest.mark.parametrize("typed", ["z", "Zo", "Park", "ben o", "e"])
def test_report_names_never_match_a_prefix(services: Services, typed: str) -> None:
    mid = _manager(services, "Avery Stone")
    with services.repos(mid) as repos:
        repos.reports.add("Zoe Park")
        repos.reports.add("Ben Okoro")
        with pytest.raises(NotFoundError):
            repos.reports.find(typed)


def test_report_name_lookup_explains_what_went_wrong(services: Services) -> None:
    mid = _manager(services, "Avery Stone")
    with services.repos(mid) as repos:
        repos.reports.add("Sam Lee")
        repos.reports.add("Sam Ortiz")
        with pytest.raises(BadInputError, match="matches several people"):
            repos.reports.find("Sam")
        with pytest.raises(NotFoundError, match="team: Sam Lee, Sam Ortiz"):
            repos.reports.find("Priya")
        with pytest.raises(BadInputError, match="already in your team"):
            repos.reports.add("sam lee")
        with pytest.raises(BadInputError, match="Cadence"):
            repos.reports.add("Kim Yu", cadence_days=0)


def test_report_preferences_round_trip(services: Services) -> None:
    mid = _manager(services, "Avery Stone")
    with services.repos(mid) as repos:
        rid = repos.reports.add("Zoe Park", topics_favour=["design systems"]).id
        repos.reports.update(rid, topics_avoid=["family"], feedback_style="gentle")
    with services.repos(mid) as repos:
        report = repos.reports.get(rid)
        assert report.topics_favour == ["design systems"]
        assert report.topics_avoid == ["family"]
        assert report.feedback_style == "gentle"
        with pytest.raises(BadInputError, match="Cannot change"):
            repos.reports.update(rid, manager_id=99)


def test_meeting_history_window_and_next_scheduled(services: Services) -> None:
    mid = _manager(services, "Avery Stone")
    with services.repos(mid) as repos:
        rid = repos.reports.add("Zoe Park").id
        old = repos.meetings.schedule(rid, _day(40))
        recent = repos.meetings.schedule(rid, _day(5))
        upcoming = repos.meetings.schedule(rid, _day(-3))
        repos.meetings.save_raw_notes(old.id, "- roadmap ok")
        repos.meetings.save_raw_notes(recent.id, "- hiring plan")
        repos.meetings.mark_held(old.id)
        repos.meetings.mark_held(recent.id)

        window = repos.meetings.of_report(rid, since=_day(30), until=NOW)
        assert [m.id for m in window] == [recent.id]
        assert repos.meetings.last_held(rid).id == recent.id  # type: ignore[union-attr]
        assert repos.meetings.next_scheduled(rid, NOW).id == upcoming.id  # type: ignore[union-attr]
        assert repos.meetings.last_held_by_report()[rid] == _day(5)
        assert repos.meetings.next_scheduled_by_report(NOW)[rid] == _day(-3)
        assert repos.meetings.get(recent.id).scheduled_at.tzinfo is not None


def test_raw_notes_are_stored_verbatim(services: Services) -> None:
    mid = _manager(services, "Avery Stone")
    notes = "  AI: ZP -> deck Fri\n\n\t[ ] me: budget   \u2014 caf\u00e9 \U0001f600\n"
    with services.repos(mid) as repos:
        rid = repos.reports.add("Zoe Park").id
        meeting = repos.meetings.schedule(rid, _day(1))
        repos.meetings.save_raw_notes(meeting.id, notes)
    with services.repos(mid) as repos:
        stored = repos.meetings.get(meeting.id)
        assert stored.raw_notes == notes
        assert stored.status is MeetingStatus.SCHEDULED  # notes alone do not make it held
        records = repos.meetings.notes_for_indexing()
        assert [(r.meeting_id, r.report_name, r.text) for r in records] == [
            (meeting.id, "Zoe Park", notes)
        ]


def test_canceled_meetings_count_only_when_not_rescheduled(services: Services) -> None:
    mid = _manager(services, "Avery Stone")
    with services.repos(mid) as repos:
        rid = repos.reports.add("Zoe Park").id
        dropped = repos.meetings.schedule(rid, _day(20))
        moved = repos.meetings.schedule(rid, _day(13))
        new_slot = repos.meetings.schedule(rid, _day(12))
        ancient = repos.meetings.schedule(rid, _day(200))
        repos.meetings.set_status(dropped.id, MeetingStatus.CANCELED)
        repos.meetings.set_status(ancient.id, MeetingStatus.CANCELED)
        repos.meetings.set_status(
            moved.id, MeetingStatus.RESCHEDULED, rescheduled_to_id=new_slot.id
        )
        found = repos.meetings.canceled_without_reschedule(NOW - dt.timedelta(days=90))
        assert [m.id for m in found[rid]] == [dropped.id]


def test_open_action_items_by_owner_and_overdue(services: Services) -> None:
    mid = _manager(services, "Avery Stone")
    today = NOW.date()
    with services.repos(mid) as repos:
        rid = repos.reports.add("Zoe Park").id
        late = repos.action_items.add(
            report_id=rid,
            task="Send deck",
            owner_role=OwnerRole.REPORT,
            owner_name="Zoe Park",
            due_date=today - dt.timedelta(days=2),
        )
        repos.action_items.add(
            report_id=rid,
            task="Book venue",
            owner_role=OwnerRole.MANAGER,
            owner_name="Avery Stone",
            due_date=today + dt.timedelta(days=3),
        )
        done = repos.action_items.add(
            report_id=rid, task="Old task", owner_role=OwnerRole.REPORT, owner_name="Zoe Park"
        )
        repos.action_items.close(done.id, ActionStatus.DONE)

        by_owner = repos.action_items.open_by_owner()
        assert sorted(by_owner) == ["Avery Stone", "Zoe Park"]
        assert [i.task for i in by_owner["Zoe Park"]] == ["Send deck"]
        assert [i.id for i in repos.action_items.open_items(overdue_on=today)] == [late.id]
        assert repos.action_items.counts_by_report(today) == {rid: (2, 1)}
        assert repos.action_items.get(done.id).closed_at is not None
        repos.action_items.reopen(done.id)
        assert repos.action_items.counts_by_report(today) == {rid: (3, 1)}


def test_feedback_balance_and_last_praise(services: Services) -> None:
    mid = _manager(services, "Avery Stone")
    today = NOW.date()
    with services.repos(mid) as repos:
        rid = repos.reports.add("Zoe Park").id
        for days, kind in [
            (10, "praise"),
            (20, "constructive"),
            (30, "constructive"),
            (120, "praise"),
        ]:
            repos.feedback.add(
                report_id=rid, kind=FeedbackKind(kind), given_on=today - dt.timedelta(days=days)
            )
        balance = repos.feedback.balance_by_report(today - dt.timedelta(days=90))
        assert balance[rid] == {FeedbackKind.PRAISE: 1, FeedbackKind.CONSTRUCTIVE: 2}
        last = repos.feedback.last_given_by_report(FeedbackKind.PRAISE)
        assert last[rid] == today - dt.timedelta(days=10)
        assert len(repos.feedback.of_report(rid, since=today - dt.timedelta(days=25))) == 2


def test_goals_and_topic_mentions(services: Services) -> None:
    mid = _manager(services, "Avery Stone")
    with services.repos(mid) as repos:
        rid = repos.reports.add("Zoe Park").id
        repos.goals.add(report_id=rid, title="Ship design system v2")
        repos.goals.add(report_id=rid, title="Old goal", status=GoalStatus.DROPPED)
        assert [g.title for g in repos.goals.of_report(rid, active_only=True)] == [
            "Ship design system v2"
        ]
        first = repos.meetings.schedule(rid, _day(30))
        second = repos.meetings.schedule(rid, _day(2))
        repos.topics.record(first.id, [Topic.CAREER, Topic.WORK])
        repos.topics.record(second.id, [Topic.WORK, Topic.WORK])
        last = repos.topics.last_mentioned(rid)
        assert last == {Topic.CAREER: _day(30).date(), Topic.WORK: _day(2).date()}
        assert repos.topics.last_mentioned_by_report()[rid] == last


def test_manager_b_sees_nothing_of_manager_a(services: Services) -> None:
    a = _manager(services, "Avery Stone")
    b = _manager(services, "Blake Rivers")
    with services.repos(a) as repos:
        rid = repos.reports.add("Zoe Park").id
        meeting = repos.meetings.schedule(rid, _day(3))
        repos.meetings.save_raw_notes(meeting.id, "secret roadmap")
        item = repos.action_items.add(
            report_id=rid, task="Send deck", owner_role=OwnerRole.REPORT, owner_name="Zoe Park"
        )
        repos.feedback.add(report_id=rid, kind=FeedbackKind.PRAISE, given_on=NOW.date())
    with services.repos(b) as repos:
        assert repos.reports.all() == []
        assert repos.meetings.notes_for_indexing() == []
        assert repos.action_items.open_items() == []
        assert repos.meetings.last_held_by_report() == {}
        assert repos.feedback.balance_by_report(NOW.date() - dt.timedelta(days=9)) == {}
        with pytest.raises(NotFoundError):
            repos.reports.get(rid)
        with pytest.raises(NotFoundError):
            repos.meetings.get(meeting.id)
        with pytest.raises(NotFoundError):
            repos.action_items.get(item.id)
        with pytest.raises(NotFoundError):
            repos.meetings.schedule(rid, _day(-1))
        with pytest.raises(NotFoundError):
            repos.action_items.add(
                report_id=rid, task="x", owner_role=OwnerRole.MANAGER, owner_name="Blake Rivers"
            )


def test_deleting_a_manager_removes_everything_it_owns(services: Services) -> None:
    a = _manager(services, "Avery Stone")
    keep = _manager(services, "Blake Rivers")
    with services.repos(a) as repos:
        rid = repos.reports.add("Zoe Park").id
        meeting = repos.meetings.schedule(rid, _day(3))
        repos.topics.record(meeting.id, [Topic.CAREER])
        repos.action_items.add(
            report_id=rid,
            task="Send deck",
            owner_role=OwnerRole.REPORT,
            owner_name="Zoe Park",
            meeting_id=meeting.id,
        )
    with services.repos(keep) as repos:
        repos.reports.add("Kim Yu")
    with services.session() as session:
        ManagerRepository(session).delete(a)
    with services.session() as session:
        assert [m.name for m in ManagerRepository(session).all()] == ["Blake Rivers"]
        assert Repositories(session, a).action_items.open_items() == []
        assert Repositories(session, a).reports.all() == []
        assert [r.name for r in Repositories(session, keep).reports.all()] == ["Kim Yu"]
