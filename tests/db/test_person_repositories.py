"""The repository methods behind a person's page and the manager's trends, on SQLite and on
PostgreSQL (`services` fixture): goals, the timeline reads, trend rows, talk ratios, moving an
agenda; each scoped to its manager."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.db.models import (
    ActionStatus,
    AgendaSource,
    FeedbackKind,
    GoalStatus,
    MeetingStatus,
    OwnerRole,
)
from assistant.db.repositories import ManagerRepository, Repositories
from assistant.db.repositories.agenda_items import AgendaItemRow
from assistant.db.repositories.talk import TalkCounts
from assistant.errors import BadInputError, NotFoundError
from assistant.services import Services

NOW = dt.datetime(2026, 6, 15, 12, tzinfo=dt.UTC)
COUNTS = TalkCounts(
    manager_words=30,
    report_words=120,
    other_words=0,
    manager_share=0.2,
    manager_questions=4,
    manager_open_questions=3,
    report_questions=1,
    longest_manager_monologue=12,
)


def _at(days: int, hour: int = 10) -> dt.datetime:
    return (NOW + dt.timedelta(days=days)).replace(hour=hour, minute=0)


def _team(svc: Services, manager: str = "Avery Stone") -> tuple[int, int]:
    with svc.session() as session:
        mid = ManagerRepository(session).create(manager).id
        rid = Repositories(session, mid).reports.add("Zoë Łukasiewicz-Nguyễn").id
    return mid, rid


def test_goals_are_added_edited_and_closed_for_this_team_only(services: Services) -> None:
    mid, rid = _team(services)
    other_mid, other_rid = _team(services, "Blair Other")
    with services.repos(mid) as repos:
        goal = repos.goals.add(report_id=rid, title="  Lead   the 王伟 migration ")
        assert goal.title == "Lead the 王伟 migration" and goal.status is GoalStatus.ACTIVE
        day = dt.date(2026, 9, 30)
        repos.goals.update(goal.id, title="Lead the migration", target_date=day)
        assert (repos.goals.get(goal.id).title, repos.goals.get(goal.id).target_date) == (
            "Lead the migration",
            day,
        )
        repos.goals.update(goal.id, status=GoalStatus.ACHIEVED)  # the date is kept
        assert repos.goals.get(goal.id).target_date == day
        repos.goals.update(goal.id, target_date=None)
        assert repos.goals.get(goal.id).target_date is None
        assert repos.goals.of_report(rid, active_only=True) == []
        with pytest.raises(BadInputError, match="needs a title"):
            repos.goals.add(report_id=rid, title="   ")
        with pytest.raises(NotFoundError):
            repos.goals.add(report_id=other_rid, title="Not mine")
    with services.repos(other_mid) as repos, pytest.raises(NotFoundError):
        repos.goals.get(goal.id)


def test_timeline_reads_are_ordered_and_bounded(services: Services) -> None:
    mid, rid = _team(services)
    with services.repos(mid) as repos:
        early = repos.meetings.schedule(rid, _at(-14))
        late = repos.meetings.schedule(rid, _at(-7))
        repos.agenda_items.replace(
            late.id,
            [
                AgendaItemRow("Check-in", 5),
                AgendaItemRow("Their topic", 10, source=AgendaSource.REPORT),
            ],
        )
        repos.agenda_items.replace(early.id, [AgendaItemRow("Wins", 5)])
        done = repos.action_items.add(
            report_id=rid, task="Old", owner_role=OwnerRole.MANAGER, owner_name="Avery Stone"
        )
        repos.action_items.close(done.id, ActionStatus.DONE)
        repos.action_items.add(
            report_id=rid, task="Open", owner_role=OwnerRole.REPORT, owner_name="Zoë"
        )
        repos.feedback.add(report_id=rid, kind=FeedbackKind.PRAISE, given_on=_at(-20).date())
        repos.feedback.add(report_id=rid, kind=FeedbackKind.CONSTRUCTIVE, given_on=_at(-2).date())

        agenda = repos.history.agenda_by_meeting([early.id, late.id])
        assert [a.title for a in agenda[late.id]] == ["Check-in", "Their topic"]
        assert [a.title for a in agenda[early.id]] == ["Wins"]
        assert repos.history.agenda_by_meeting([]) == {}
        assert [a.task for a in repos.history.action_items_of_report(rid)] == ["Open", "Old"]
        assert len(repos.history.action_items_of_report(rid, limit=1)) == 1
        kinds = [f.kind for f in repos.history.feedback_of_report(rid)]
        assert kinds == [FeedbackKind.CONSTRUCTIVE, FeedbackKind.PRAISE]


def test_trend_rows_cover_only_their_window(services: Services) -> None:
    mid, rid = _team(services)
    with services.repos(mid) as repos:
        held = repos.meetings.schedule(rid, _at(-40))
        repos.meetings.save_raw_notes(held.id, "notes")
        repos.meetings.mark_held(held.id)  # notes alone do not make a 1:1 held
        gone = repos.meetings.schedule(rid, _at(-10))
        repos.meetings.set_status(gone.id, MeetingStatus.CANCELED)
        repos.meetings.schedule(rid, _at(-400))  # outside the window
        repos.feedback.add(report_id=rid, kind=FeedbackKind.PRAISE, given_on=_at(-5).date())
        repos.feedback.add(report_id=rid, kind=FeedbackKind.PRAISE, given_on=_at(-500).date())
        item = repos.action_items.add(
            report_id=rid,
            task="Due",
            owner_role=OwnerRole.MANAGER,
            owner_name="Avery Stone",
            due_date=_at(-3).date(),
        )
        repos.action_items.close(item.id, ActionStatus.DONE)
        repos.action_items.add(
            report_id=rid, task="No date", owner_role=OwnerRole.REPORT, owner_name="Zoë"
        )

        meetings = repos.history.meeting_rows(_at(-60), _at(1))
        assert [(m.status, m.scheduled_at) for m in meetings] == [
            (MeetingStatus.HELD, _at(-40)),
            (MeetingStatus.CANCELED, _at(-10)),
        ]
        feedback = repos.history.feedback_rows(_at(-60).date(), NOW.date())
        assert [(f.report_id, f.kind) for f in feedback] == [(rid, FeedbackKind.PRAISE)]
        (action,) = repos.history.action_rows(_at(-60).date(), NOW.date())
        assert (action.owner_role, action.status, action.due_date) == (
            OwnerRole.MANAGER,
            ActionStatus.DONE,
            _at(-3).date(),
        )
        assert action.closed_at is not None and action.closed_at.tzinfo is not None


def test_talk_ratio_is_kept_once_per_meeting(services: Services) -> None:
    mid, rid = _team(services)
    with services.repos(mid) as repos:
        meeting = repos.meetings.schedule(rid, _at(-3))
        repos.talk.save(meeting.id, COUNTS)
        again = TalkCounts(**{**COUNTS.__dict__, "manager_share": 0.35, "manager_words": 60})
        repos.talk.save(meeting.id, again)  # a second transcript replaces the first
        kept = repos.talk.of_report(rid)
        assert list(kept) == [meeting.id]
        assert (kept[meeting.id].manager_share, kept[meeting.id].manager_words) == (0.35, 60)
        assert kept[meeting.id].held_on == _at(-3).date()
        assert repos.talk.since(_at(-10).date()) == [(rid, _at(-3).date(), 0.35)]
        assert repos.talk.since(_at(-1).date()) == []


def test_a_saved_agenda_moves_with_its_meeting(services: Services) -> None:
    mid, rid = _team(services)
    with services.repos(mid) as repos:
        old = repos.meetings.schedule(rid, _at(2))
        new = repos.meetings.schedule(rid, _at(4))
        repos.agenda_items.replace(old.id, [AgendaItemRow("Career", 10), AgendaItemRow("Wins", 5)])
        assert repos.agenda_items.move(old.id, new.id) == 2
        assert [a.title for a in repos.agenda_items.for_meeting(new.id)] == ["Career", "Wins"]
        assert repos.agenda_items.for_meeting(old.id) == []
        assert repos.meetings.get(new.id).agenda_approved_at is not None
        # A meeting that already has its own agenda keeps it.
        third = repos.meetings.schedule(rid, _at(6))
        repos.agenda_items.replace(third.id, [AgendaItemRow("Own", 5)])
        assert repos.agenda_items.move(new.id, third.id) == 0
        assert [a.title for a in repos.agenda_items.for_meeting(third.id)] == ["Own"]
        moved = repos.meetings.move(third.id, _at(6, hour=15))
        assert repos.meetings.get(moved.id).scheduled_at == _at(6, hour=15)


def test_another_manager_sees_none_of_these_rows(services: Services) -> None:
    mid, rid = _team(services)
    other_mid, _ = _team(services, "Blair Other")
    with services.repos(mid) as repos:
        meeting = repos.meetings.schedule(rid, _at(-3))
        repos.agenda_items.replace(meeting.id, [AgendaItemRow("Mine", 5)])
        repos.talk.save(meeting.id, COUNTS)
        repos.feedback.add(report_id=rid, kind=FeedbackKind.PRAISE, given_on=_at(-3).date())
        repos.action_items.add(
            report_id=rid,
            task="Mine",
            owner_role=OwnerRole.MANAGER,
            owner_name="Avery",
            due_date=_at(-1).date(),
        )
    with services.repos(other_mid) as repos:
        assert repos.history.agenda_by_meeting([meeting.id]) == {}
        assert repos.history.action_items_of_report(rid) == []
        assert repos.history.feedback_of_report(rid) == []
        assert repos.history.meeting_rows(_at(-30), _at(30)) == []
        assert repos.history.feedback_rows(_at(-30).date(), NOW.date()) == []
        assert repos.history.action_rows(_at(-30).date(), NOW.date()) == []
        assert repos.talk.of_report(rid) == {} and repos.talk.since(_at(-30).date()) == []
        with pytest.raises(NotFoundError):
            repos.talk.save(meeting.id, COUNTS)
        with pytest.raises(NotFoundError):
            repos.agenda_items.move(meeting.id, meeting.id)
        with pytest.raises(NotFoundError):
            repos.meetings.move(meeting.id, _at(1))
