"""Feedback given to reports: log entries and the praise : constructive balance."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from assistant.db.models import FeedbackEntry, FeedbackKind, Report
from assistant.db.repositories.base import ScopedRepository
from assistant.db.types import as_date
from assistant.errors import NotFoundError


class FeedbackRepository(ScopedRepository):
    def add(
        self,
        *,
        report_id: int,
        kind: FeedbackKind,
        given_on: dt.date,
        situation: str = "",
        behaviour: str = "",
        impact: str = "",
        wording: str = "",
        response: str = "",
        meeting_id: int | None = None,
    ) -> FeedbackEntry:
        report = self.session.get(Report, report_id)
        if report is None or report.manager_id != self.manager_id:
            raise NotFoundError(f"No report with id {report_id} in your team")
        entry = FeedbackEntry(
            manager_id=self.manager_id,
            report_id=report_id,
            kind=kind,
            given_on=given_on,
            situation=situation,
            behaviour=behaviour,
            impact=impact,
            wording=wording,
            response=response,
            meeting_id=meeting_id,
        )
        self.session.add(entry)
        self.session.flush()
        return entry

    def of_report(
        self, report_id: int, *, since: dt.date | None = None, until: dt.date | None = None
    ) -> list[FeedbackEntry]:
        """Feedback given to one report, newest first, on/after `since` and on/before `until`."""
        stmt = select(FeedbackEntry).where(
            FeedbackEntry.manager_id == self.manager_id, FeedbackEntry.report_id == report_id
        )
        if since is not None:
            stmt = stmt.where(FeedbackEntry.given_on >= since)
        if until is not None:
            stmt = stmt.where(FeedbackEntry.given_on <= until)
        return list(self.session.scalars(stmt.order_by(FeedbackEntry.given_on.desc())))

    def balance_by_report(self, since: dt.date) -> dict[int, dict[FeedbackKind, int]]:
        """report_id -> {praise: n, constructive: m} for feedback given on/after `since`."""
        stmt = (
            select(FeedbackEntry.report_id, FeedbackEntry.kind, func.count(FeedbackEntry.id))
            .where(FeedbackEntry.manager_id == self.manager_id, FeedbackEntry.given_on >= since)
            .group_by(FeedbackEntry.report_id, FeedbackEntry.kind)
        )
        result: dict[int, dict[FeedbackKind, int]] = {}
        for rid, kind, count in self.session.execute(stmt):
            result.setdefault(rid, {k: 0 for k in FeedbackKind})[FeedbackKind(kind)] = int(count)
        return result

    def last_given_by_report(
        self, kind: FeedbackKind, *, report_id: int | None = None, until: dt.date | None = None
    ) -> dict[int, dt.date]:
        """report_id -> the last day (on/before `until`) feedback of that kind was given."""
        stmt = select(FeedbackEntry.report_id, func.max(FeedbackEntry.given_on)).where(
            FeedbackEntry.manager_id == self.manager_id, FeedbackEntry.kind == kind
        )
        if report_id is not None:
            stmt = stmt.where(FeedbackEntry.report_id == report_id)
        if until is not None:
            stmt = stmt.where(FeedbackEntry.given_on <= until)
        stmt = stmt.group_by(FeedbackEntry.report_id)
        return {rid: as_date(day) for rid, day in self.session.execute(stmt)}

    def last_given(
        self, report_id: int, kind: FeedbackKind, *, until: dt.date | None = None
    ) -> dt.date | None:
        return self.last_given_by_report(kind, report_id=report_id, until=until).get(report_id)
