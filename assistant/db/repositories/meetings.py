"""Meetings of one manager's reports: history windows, cadence aggregates, notes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select, update

from assistant.db.models import Meeting, MeetingStatus, Report, utcnow
from assistant.db.repositories.base import ScopedRepository
from assistant.db.types import as_utc
from assistant.domain.days import start_of_day
from assistant.errors import BadInputError, NotFoundError


@dataclass(frozen=True)
class NoteRecord:
    """A meeting's shareable raw notes, as the knowledge index needs them (no private notes)."""

    meeting_id: int
    report_id: int
    report_name: str
    meeting_date: dt.date
    text: str


class MeetingRepository(ScopedRepository):
    def get(self, meeting_id: int) -> Meeting:
        meeting = self.session.scalars(
            select(Meeting).where(Meeting.id == meeting_id, Meeting.manager_id == self.manager_id)
        ).first()
        if meeting is None:
            raise NotFoundError(f"No meeting with id {meeting_id}")
        return meeting

    def of_report(
        self,
        report_id: int,
        *,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        statuses: Sequence[MeetingStatus] | None = None,
        newest_first: bool = True,
        limit: int | None = None,
    ) -> list[Meeting]:
        """The history window of one report, optionally bounded in time and by status."""
        stmt = select(Meeting).where(
            Meeting.manager_id == self.manager_id, Meeting.report_id == report_id
        )
        if since is not None:
            stmt = stmt.where(Meeting.scheduled_at >= since)
        if until is not None:
            stmt = stmt.where(Meeting.scheduled_at < until)
        if statuses:
            stmt = stmt.where(Meeting.status.in_(list(statuses)))
        order = Meeting.scheduled_at.desc() if newest_first else Meeting.scheduled_at.asc()
        stmt = stmt.order_by(order, Meeting.id.desc() if newest_first else Meeting.id)
        if limit is not None:
            stmt = stmt.limit(limit)
        return list(self.session.scalars(stmt))

    def last_held(self, report_id: int) -> Meeting | None:
        found = self.of_report(report_id, statuses=[MeetingStatus.HELD], limit=1)
        return found[0] if found else None

    def on_day(self, report_id: int, day: dt.date) -> Meeting | None:
        """The report's 1:1 on that calendar day that is still going ahead (scheduled or held);
        there is at most one (a unique index on the day)."""
        stmt = (
            select(Meeting)
            .where(
                Meeting.manager_id == self.manager_id,
                Meeting.report_id == report_id,
                Meeting.meeting_day == day,
                Meeting.status.in_([MeetingStatus.SCHEDULED, MeetingStatus.HELD]),
            )
            .order_by(Meeting.scheduled_at, Meeting.id)
            .limit(1)
        )
        return self.session.scalars(stmt).first()

    def count_held(self, report_id: int, *, before: dt.datetime) -> int:
        stmt = select(func.count(Meeting.id)).where(
            Meeting.manager_id == self.manager_id,
            Meeting.report_id == report_id,
            Meeting.status == MeetingStatus.HELD,
            Meeting.scheduled_at < before,
        )
        return int(self.session.scalar(stmt) or 0)

    def next_scheduled(self, report_id: int, now: dt.datetime) -> Meeting | None:
        stmt = (
            select(Meeting)
            .where(
                Meeting.manager_id == self.manager_id,
                Meeting.report_id == report_id,
                Meeting.status == MeetingStatus.SCHEDULED,
                Meeting.scheduled_at >= start_of_day(now),
            )
            .order_by(Meeting.scheduled_at)
            .limit(1)
        )
        return self.session.scalars(stmt).first()

    def schedule(
        self,
        report_id: int,
        when: dt.datetime,
        *,
        duration_minutes: int | None = None,
        report_topics: list[str] | None = None,
    ) -> Meeting:
        report = self.session.get(Report, report_id)
        if report is None or report.manager_id != self.manager_id:
            raise NotFoundError(f"No report with id {report_id} in your team")
        meeting = Meeting(
            manager_id=self.manager_id,
            report_id=report_id,
            scheduled_at=when,
            duration_minutes=duration_minutes or report.meeting_minutes,
            status=MeetingStatus.SCHEDULED,
            report_topics=report_topics or [],
        )
        self.session.add(meeting)
        self.session.flush()
        return meeting

    def save_raw_notes(self, meeting_id: int, raw_notes: str) -> Meeting:
        """Store notes verbatim before anything processes them. The meeting's status is left
        alone: drafting a recap does not record the 1:1 as held, saving the recap does."""
        meeting = self.get(meeting_id)
        meeting.raw_notes = raw_notes
        meeting.notes_updated_at = utcnow()
        self.session.flush()
        return meeting

    def lock(self, meeting_id: int) -> Meeting:
        """The meeting, freshly read under a write lock held until commit, so two windows
        appending notes or saving a recap at once take turns instead of overwriting each other.

        PostgreSQL locks the row (SELECT ... FOR UPDATE); SQLite has one writer at a time, so a
        no-op UPDATE takes the database's write lock before the row is read again.
        """
        if self.session.get_bind().dialect.name == "sqlite":
            self.session.execute(
                update(Meeting)
                .where(Meeting.id == meeting_id, Meeting.manager_id == self.manager_id)
                .values(duration_minutes=Meeting.duration_minutes)
                .execution_options(synchronize_session=False)
            )
        stmt = (
            select(Meeting)
            .where(Meeting.id == meeting_id, Meeting.manager_id == self.manager_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        meeting = self.session.scalars(stmt).first()
        if meeting is None:
            raise NotFoundError(f"No meeting with id {meeting_id}")
        return meeting

    def mark_held(self, meeting_id: int) -> Meeting:
        """A scheduled 1:1 whose recap was saved happened; other statuses are left as they are."""
        meeting = self.get(meeting_id)
        if meeting.status is MeetingStatus.SCHEDULED:
            meeting.status = MeetingStatus.HELD
            self.session.flush()
        return meeting

    def set_status(
        self, meeting_id: int, status: MeetingStatus, *, rescheduled_to_id: int | None = None
    ) -> Meeting:
        meeting = self.get(meeting_id)
        if rescheduled_to_id is not None:
            target = self.get(rescheduled_to_id)
            if target.report_id != meeting.report_id:
                raise BadInputError("A 1:1 can only be moved to another 1:1 with the same person")
        meeting.status = status
        meeting.rescheduled_to_id = rescheduled_to_id
        self.session.flush()
        return meeting

    def move(self, meeting_id: int, when: dt.datetime) -> Meeting:
        """Change the time of a meeting that keeps its day (a reschedule within the day)."""
        meeting = self.get(meeting_id)
        meeting.scheduled_at = when
        self.session.flush()
        return meeting

    # Team-wide aggregates: one query each, so the team view stays fast with many reports.

    def last_held_by_report(self) -> dict[int, dt.datetime]:
        stmt = (
            select(Meeting.report_id, func.max(Meeting.scheduled_at))
            .where(Meeting.manager_id == self.manager_id, Meeting.status == MeetingStatus.HELD)
            .group_by(Meeting.report_id)
        )
        return {rid: as_utc(when) for rid, when in self.session.execute(stmt)}

    def next_scheduled_by_report(self, now: dt.datetime) -> dict[int, dt.datetime]:
        stmt = (
            select(Meeting.report_id, func.min(Meeting.scheduled_at))
            .where(
                Meeting.manager_id == self.manager_id,
                Meeting.status == MeetingStatus.SCHEDULED,
                Meeting.scheduled_at >= start_of_day(now),
            )
            .group_by(Meeting.report_id)
        )
        return {rid: as_utc(when) for rid, when in self.session.execute(stmt)}

    def canceled_without_reschedule(self, since: dt.datetime) -> dict[int, list[Meeting]]:
        """Canceled or skipped 1:1s since `since` that were never moved to another slot."""
        stmt = (
            select(Meeting)
            .where(
                Meeting.manager_id == self.manager_id,
                Meeting.status.in_([MeetingStatus.CANCELED, MeetingStatus.SKIPPED]),
                Meeting.rescheduled_to_id.is_(None),
                Meeting.scheduled_at >= since,
            )
            .order_by(Meeting.scheduled_at)
        )
        grouped: dict[int, list[Meeting]] = {}
        for meeting in self.session.scalars(stmt):
            grouped.setdefault(meeting.report_id, []).append(meeting)
        return grouped

    def notes_for_indexing(self) -> list[NoteRecord]:
        stmt = (
            select(
                Meeting.id, Meeting.report_id, Report.name, Meeting.scheduled_at, Meeting.raw_notes
            )
            .join(Report, Report.id == Meeting.report_id)
            .where(Meeting.manager_id == self.manager_id, Meeting.raw_notes != "")
            .order_by(Meeting.scheduled_at)
        )
        return [
            NoteRecord(mid, rid, name, as_utc(when).date(), notes)
            for mid, rid, name, when, notes in self.session.execute(stmt)
        ]
