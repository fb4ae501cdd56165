"""The team for the CLI and the pages: people, their cadence health, scheduling, action items.

Every call opens its own session and returns detached rows (or plain values), so pages never
touch repositories or SQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from assistant.db.models import ActionItem, ActionStatus, Manager, Meeting, MeetingStatus, Report
from assistant.db.repositories import ManagerRepository, Repositories
from assistant.domain.days import start_of_day
from assistant.team.health import CadenceHealth, team_health

if TYPE_CHECKING:
    from assistant.demo.seed import SeedResult
    from assistant.services import Services
    from assistant.team.actions import ActionItemView


@dataclass(frozen=True)
class OpenActionItems:
    """The team's open action items with what a list needs to show them."""

    items: list[ActionItem]
    report_names: dict[int, str]  # archived reports included
    meeting_days: dict[int, dt.date | None]  # item id -> day of the meeting it came from


class TeamService:
    def __init__(self, services: Services) -> None:
        self.services = services

    # -- people ------------------------------------------------------------------------------------

    def reports(self, manager_id: int, *, include_archived: bool = False) -> list[Report]:
        with self.services.repos(manager_id) as repos:
            return repos.reports.all(include_archived=include_archived)

    def report(self, manager_id: int, report: int | str) -> Report:
        """One report by id, or by name as typed (full name, unique first name or prefix)."""
        with self.services.repos(manager_id) as repos:
            return repos.reports.resolve(report)

    def add_report(self, manager_id: int, name: str, **fields: Any) -> Report:
        with self.services.repos(manager_id) as repos:
            return repos.reports.add(name, **fields)

    def update_report(self, manager_id: int, report_id: int, **changes: Any) -> Report:
        with self.services.repos(manager_id) as repos:
            return repos.reports.update(report_id, **changes)

    def create_team(self, manager_name: str, first_report: str = "") -> Manager:
        """A manager profile (found or created) with, optionally, a first report."""
        with self.services.session() as session:
            manager = ManagerRepository(session).get_or_create(manager_name.strip() or "Me")
            if first_report.strip():
                Repositories(session, manager.id).reports.add(first_report)
            return manager

    def seed_demo(self, *, today: dt.date | None = None) -> SeedResult:
        """Create the fictional demo team (idempotent)."""
        from assistant.demo.seed import seed_demo

        with self.services.session() as session:
            return seed_demo(session, today=today)

    # -- cadence -----------------------------------------------------------------------------------

    def health(self, manager_id: int, *, now: dt.datetime | None = None) -> list[CadenceHealth]:
        with self.services.repos(manager_id) as repos:
            return team_health(repos, now=now)

    def schedule(
        self,
        manager_id: int,
        report_id: int,
        when: dt.datetime,
        *,
        duration_minutes: int | None = None,
    ) -> Meeting:
        with self.services.repos(manager_id) as repos:
            return repos.meetings.schedule(report_id, when, duration_minutes=duration_minutes)

    def upcoming(
        self, manager_id: int, report_id: int, *, today: dt.date, limit: int = 5
    ) -> list[Meeting]:
        """Scheduled 1:1s with this report from today on, soonest first."""
        with self.services.repos(manager_id) as repos:
            return repos.meetings.of_report(
                report_id,
                since=start_of_day(today),
                statuses=[MeetingStatus.SCHEDULED],
                newest_first=False,
                limit=limit,
            )

    # -- action items ------------------------------------------------------------------------------

    def open_action_items(self, manager_id: int) -> OpenActionItems:
        with self.services.repos(manager_id) as repos:
            items = repos.action_items.open_items()
            return OpenActionItems(
                items=items,
                report_names={r.id: r.name for r in repos.reports.all(include_archived=True)},
                meeting_days={
                    i.id: i.meeting.scheduled_at.date() if i.meeting is not None else None
                    for i in items
                },
            )

    def close_action_items(self, manager_id: int, item_ids: list[int], status: ActionStatus) -> int:
        """Mark items done or dropped; returns how many were closed."""
        with self.services.repos(manager_id) as repos:
            for item_id in item_ids:
                repos.action_items.close(item_id, status)
        return len(item_ids)

    # -- action items as a list (coach actions, the Action items page) ----------------------------

    def action_items(
        self, manager_id: int, *, report: int | str | None = None, status: str = "open"
    ) -> list[ActionItemView]:
        """Action items by status (open|done|all), optionally of one report, oldest first."""
        from assistant.team.actions import list_action_items

        with self.services.repos(manager_id) as repos:
            return list_action_items(repos, report=report, status=status)
