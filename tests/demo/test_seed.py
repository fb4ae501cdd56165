"""The demo team lands in the database, shows what the product surfaces, and leaves cleanly."""

from __future__ import annotations

import datetime as dt

from assistant.db.models import ActionStatus
from assistant.db.repositories import ManagerRepository, Repositories
from assistant.demo.loader import load_demo_team
from assistant.demo.seed import demo_meeting_ids, remove_demo, seed_demo
from assistant.services import Services
from assistant.team.health import team_health

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime.combine(TODAY, dt.time(12), tzinfo=dt.UTC)


def test_seeding_twice_changes_nothing(services: Services) -> None:
    with services.session() as session:
        first = seed_demo(session, today=TODAY)
    with services.session() as session:
        second = seed_demo(session, today=TODAY)
    assert first.created and not second.created
    assert (first.reports, first.meetings, first.action_items) == (
        second.reports,
        second.meetings,
        second.action_items,
    )
    assert first.reports == len(load_demo_team().reports)


def test_demo_team_shows_the_situations_the_team_view_must_surface(services: Services) -> None:
    with services.session() as session:
        manager_id = seed_demo(session, today=TODAY).manager_id
        rows = team_health(Repositories(session, manager_id), now=NOW)
        open_items = Repositories(session, manager_id).action_items.open_items()
    assert any(r.overdue_days > 0 and r.next_scheduled is None for r in rows), "overdue report"
    assert any(r.canceled_without_reschedule for r in rows), "canceled, never rescheduled"
    assert any(
        r.constructive_90d and (r.days_since_praise is None or r.days_since_praise > 60)
        for r in rows
    ), "report with no praise in two months"
    assert any((TODAY - i.created_at.date()).days >= 35 for i in open_items), "5-week-old item"
    assert sum(r.overdue_action_items for r in rows) >= 2


def test_demo_team_is_kept_apart_and_removed_in_one_step(services: Services) -> None:
    with services.session() as session:
        real = ManagerRepository(session).create("Robin Real")
        Repositories(session, real.id).reports.add("My Own Report")
        demo_id = seed_demo(session, today=TODAY).manager_id
    with services.session() as session:
        assert ManagerRepository(session).get(demo_id).is_demo
        assert [r.name for r in Repositories(session, real.id).reports.all()] == ["My Own Report"]
        assert remove_demo(session)
    with services.session() as session:
        assert [m.name for m in ManagerRepository(session).all()] == ["Robin Real"]
        assert Repositories(session, demo_id).reports.all() == []
        assert Repositories(session, demo_id).action_items.open_items() == []
        assert not remove_demo(session)


def test_meeting_keys_map_to_the_seeded_meetings(services: Services) -> None:
    team = load_demo_team()
    with services.session() as session:
        manager_id = seed_demo(session, today=TODAY).manager_id
        ids = demo_meeting_ids(session)
        repos = Repositories(session, manager_id)
        for report, meeting in team.all_meetings():
            stored = repos.meetings.get(ids[meeting.key])
            assert stored.report.name == report.name
            assert stored.scheduled_at.date() == TODAY - dt.timedelta(days=meeting.days_ago)
            assert stored.raw_notes == (meeting.raw_notes or "")
        statuses = {i.status for i in repos.action_items.open_items()}
    assert statuses == {ActionStatus.OPEN}
