"""Reports (direct reports) of one manager."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, func, select

from assistant.db.models import FeedbackStyle, MeetingFormat, Report
from assistant.db.repositories.base import ScopedRepository
from assistant.errors import BadInputError, NotFoundError

EDITABLE_FIELDS = frozenset(
    {
        "name",
        "role",
        "start_date",
        "cadence_days",
        "meeting_minutes",
        "meeting_format",
        "feedback_style",
        "topics_favour",
        "topics_avoid",
        "private_notes",
        "archived",
    }
)


class ReportRepository(ScopedRepository):
    def all(self, *, include_archived: bool = False) -> list[Report]:
        stmt = select(Report).where(Report.manager_id == self.manager_id)
        if not include_archived:
            stmt = stmt.where(Report.archived.is_(False))
        return list(self.session.scalars(stmt.order_by(Report.name)))

    def get(self, report_id: int) -> Report:
        report = self.session.scalars(
            select(Report).where(Report.id == report_id, Report.manager_id == self.manager_id)
        ).first()
        if report is None:
            raise NotFoundError(f"No report with id {report_id} in your team")
        return report

    def by_exact_name(self, name: str) -> Report | None:
        stmt = select(Report).where(Report.manager_id == self.manager_id, Report.name == name)
        return self.session.scalars(stmt).first()

    def resolve(self, report: int | str) -> Report:
        """A report of this team by id, or by name as typed (see `find`)."""
        return self.get(report) if isinstance(report, int) else self.find(report)

    def find(self, name: str) -> Report:
        """Resolve a name as typed: the exact full name (any case), else a first name that only
        one person has. Never a prefix: "a" or "Am" must not pick Amara."""
        wanted = " ".join(name.split()).casefold()
        if not wanted:
            raise BadInputError("Give the name of someone in your team")
        reports = self.all(include_archived=True)
        exact = [r for r in reports if r.name.casefold() == wanted]
        if exact:
            return exact[0]
        by_first = [r for r in reports if r.name.casefold().split()[0] == wanted]
        if len(by_first) == 1:
            return by_first[0]
        names = ", ".join(r.name for r in reports if not r.archived) or "nobody yet"
        if len(by_first) > 1:
            matches = ", ".join(r.name for r in by_first)
            raise BadInputError(f"'{name}' matches several people ({matches}); use the full name")
        raise NotFoundError(f"No one called '{name}' in your team (team: {names})")

    def add(
        self,
        name: str,
        *,
        role: str = "",
        start_date: dt.date | None = None,
        cadence_days: int = 7,
        meeting_minutes: int = 30,
        meeting_format: MeetingFormat = MeetingFormat.CONVERSATIONAL,
        feedback_style: FeedbackStyle = FeedbackStyle.DIRECT,
        topics_favour: list[str] | None = None,
        topics_avoid: list[str] | None = None,
        private_notes: str = "",
    ) -> Report:
        clean = " ".join(name.split())
        if not clean:
            raise BadInputError("A report needs a name")
        _check_cadence(cadence_days, meeting_minutes)
        duplicate = self.session.scalar(
            select(func.count(Report.id)).where(
                Report.manager_id == self.manager_id, func.lower(Report.name) == clean.lower()
            )
        )
        if duplicate:
            raise BadInputError(f"{clean} is already in your team")
        report = Report(
            manager_id=self.manager_id,
            name=clean,
            role=role.strip(),
            start_date=start_date,
            cadence_days=cadence_days,
            meeting_minutes=meeting_minutes,
            meeting_format=meeting_format,
            feedback_style=feedback_style,
            topics_favour=topics_favour or [],
            topics_avoid=topics_avoid or [],
            private_notes=private_notes,
        )
        self.session.add(report)
        self.session.flush()
        return report

    def remove(self, report_id: int) -> None:
        """Delete a report and everything about them: meetings (with their agenda items and
        topics), action items, feedback and goals go by ON DELETE CASCADE."""
        report = self.get(report_id)
        self.session.execute(
            delete(Report).where(Report.id == report.id, Report.manager_id == self.manager_id)
        )
        self.session.expunge(report)

    def update(self, report_id: int, **changes: Any) -> Report:
        unknown = set(changes) - EDITABLE_FIELDS
        if unknown:
            raise BadInputError(f"Cannot change {', '.join(sorted(unknown))} on a report")
        report = self.get(report_id)
        _check_cadence(
            changes.get("cadence_days", report.cadence_days),
            changes.get("meeting_minutes", report.meeting_minutes),
        )
        for field, value in changes.items():
            setattr(report, field, value)
        self.session.flush()
        return report


def _check_cadence(cadence_days: int, meeting_minutes: int) -> None:
    if not 1 <= cadence_days <= 90:
        raise BadInputError("Cadence must be between 1 and 90 days")
    if not 5 <= meeting_minutes <= 240:
        raise BadInputError("Meeting length must be between 5 and 240 minutes")
