"""The team for the CLI and the pages: people, their cadence health, scheduling (one 1:1, a
series, cancel, skip, reschedule), action items; per-person records come from `records.py`.

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
from assistant.errors import BadInputError, NotFoundError
from assistant.team import lifecycle
from assistant.team.health import CadenceHealth, team_health
from assistant.team.records import PersonRecords

if TYPE_CHECKING:
    from assistant.demo.seed import SeedResult
    from assistant.team.actions import ActionItemView


DEFAULT_TIME = dt.time(10, 0)


@dataclass(frozen=True)
class OpenActionItems:
    """The team's open action items with what a list needs to show them."""

    items: list[ActionItem]
    report_names: dict[int, str]  # archived reports included
    meeting_days: dict[int, dt.date | None]  # item id -> day of the meeting it came from


class TeamService(PersonRecords):
    """People, cadence and scheduling here; per-person records and trends in `records.py`."""

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
            if "name" in changes:
                clean = " ".join(str(changes["name"]).split())
                if not clean:
                    raise BadInputError("A report needs a name")
                other = repos.reports.by_exact_name(clean)
                if other is not None and other.id != report_id:
                    raise BadInputError(f"{clean} is already in your team")
                changes["name"] = clean
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
        report: int | str,
        when: dt.datetime,
        *,
        duration_minutes: int | None = None,
    ) -> Meeting:
        """One 1:1 at `when` (timezone-aware); refused if one is already planned that day."""
        with self.services.repos(manager_id) as repos:
            person = repos.reports.resolve(report)
            return lifecycle.schedule(repos, person, when, duration_minutes=duration_minutes)

    def schedule_series(
        self,
        manager_id: int,
        report: int | str,
        first: dt.datetime,
        *,
        count: int,
        duration_minutes: int | None = None,
    ) -> lifecycle.Scheduled:
        """`count` 1:1s from `first`, one per cadence; days already booked are skipped."""
        with self.services.repos(manager_id) as repos:
            person = repos.reports.resolve(report)
            return lifecycle.schedule_series(
                repos, person, first, count=count, duration_minutes=duration_minutes
            )

    def cancel_meeting(self, manager_id: int, meeting_id: int) -> Meeting:
        with self.services.repos(manager_id) as repos:
            return lifecycle.cancel(repos, meeting_id)

    def skip_meeting(self, manager_id: int, meeting_id: int) -> Meeting:
        with self.services.repos(manager_id) as repos:
            return lifecycle.skip(repos, meeting_id)

    def reschedule_meeting(self, manager_id: int, meeting_id: int, when: dt.datetime) -> Meeting:
        """Move a 1:1 to `when`; returns the meeting now planned (linked from the old one)."""
        with self.services.repos(manager_id) as repos:
            return lifecycle.reschedule(repos, meeting_id, when)

    def meeting_on(self, manager_id: int, report: int | str, day: dt.date) -> Meeting:
        """The report's 1:1 on that day in the manager's time zone (a planned one first)."""
        zone = self.services.settings.zone
        start = dt.datetime.combine(day, dt.time(0), tzinfo=zone)
        with self.services.repos(manager_id) as repos:
            person = repos.reports.resolve(report)
            found = repos.meetings.of_report(
                person.id, since=start, until=start + dt.timedelta(days=1), limit=10
            )
            if not found:
                raise NotFoundError(f"No 1:1 with {person.name} on {day.isoformat()}")
            planned = [m for m in found if m.status is MeetingStatus.SCHEDULED]
            return (planned or found)[0]

    def suggested_slot(
        self, manager_id: int, report: int | str, *, today: dt.date | None = None
    ) -> dt.datetime:
        """Where the next 1:1 belongs, in the manager's zone: a cadence after the last one (not
        before tomorrow, not on a weekend), at the time of day of the last one (else 10:00)."""
        zone = self.services.settings.zone
        today = today or dt.datetime.now(zone).date()
        with self.services.repos(manager_id) as repos:
            person = repos.reports.resolve(report)
            last = repos.meetings.last_held(person.id)
        last_local = last.scheduled_at.astimezone(zone) if last else None
        day = lifecycle.suggested_day(
            today,
            last_held=last_local.date() if last_local else None,
            cadence_days=person.cadence_days,
        )
        at = last_local.time() if last_local else DEFAULT_TIME
        return dt.datetime.combine(day, at, tzinfo=zone)

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
