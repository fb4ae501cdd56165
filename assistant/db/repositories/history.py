"""Reads for a person's timeline and the manager's own trends: bounded, one query each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import case, select

from assistant.db.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    FeedbackEntry,
    FeedbackKind,
    Meeting,
    MeetingStatus,
    OwnerRole,
)
from assistant.db.repositories.base import ScopedRepository
from assistant.db.types import as_date, as_utc

# A person's page lists at most this many rows of each kind (years of weekly 1:1s fit).
TIMELINE_LIMIT = 600
# Trend windows are bounded by their callers; this caps the rows of one window.
TREND_ROWS_LIMIT = 50_000


@dataclass(frozen=True)
class MeetingRow:
    report_id: int
    scheduled_at: dt.datetime
    status: MeetingStatus


@dataclass(frozen=True)
class FeedbackRow:
    report_id: int
    given_on: dt.date
    kind: FeedbackKind


@dataclass(frozen=True)
class ActionRow:
    report_id: int
    owner_role: OwnerRole
    due_date: dt.date
    status: ActionStatus
    closed_at: dt.datetime | None


class HistoryRepository(ScopedRepository):
    def agenda_by_meeting(self, meeting_ids: Sequence[int]) -> dict[int, list[AgendaItem]]:
        """The saved agenda items of several meetings in one query, in their order."""
        if not meeting_ids:
            return {}
        stmt = (
            select(AgendaItem)
            .where(
                AgendaItem.manager_id == self.manager_id,
                AgendaItem.meeting_id.in_(list(meeting_ids)),
            )
            .order_by(AgendaItem.meeting_id, AgendaItem.position, AgendaItem.id)
        )
        grouped: dict[int, list[AgendaItem]] = {}
        for item in self.session.scalars(stmt):
            grouped.setdefault(item.meeting_id, []).append(item)
        return grouped

    def action_items_of_report(
        self, report_id: int, *, limit: int = TIMELINE_LIMIT
    ) -> list[ActionItem]:
        """Every action item with this report, whoever owns it: open first, then newest."""
        open_first = case((ActionItem.status == ActionStatus.OPEN, 0), else_=1)
        stmt = (
            select(ActionItem)
            .where(ActionItem.manager_id == self.manager_id, ActionItem.report_id == report_id)
            .order_by(open_first, ActionItem.created_at.desc(), ActionItem.id.desc())
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    def feedback_of_report(
        self, report_id: int, *, limit: int = TIMELINE_LIMIT
    ) -> list[FeedbackEntry]:
        """The feedback log of one report, newest first."""
        stmt = (
            select(FeedbackEntry)
            .where(
                FeedbackEntry.manager_id == self.manager_id, FeedbackEntry.report_id == report_id
            )
            .order_by(FeedbackEntry.given_on.desc(), FeedbackEntry.id.desc())
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    def meeting_rows(self, since: dt.datetime, until: dt.datetime) -> list[MeetingRow]:
        """Status and time of every meeting of the team in [since, until)."""
        stmt = (
            select(Meeting.report_id, Meeting.scheduled_at, Meeting.status)
            .where(
                Meeting.manager_id == self.manager_id,
                Meeting.scheduled_at >= since,
                Meeting.scheduled_at < until,
            )
            .order_by(Meeting.scheduled_at)
            .limit(TREND_ROWS_LIMIT)
        )
        return [
            MeetingRow(rid, as_utc(when), MeetingStatus(status))
            for rid, when, status in self.session.execute(stmt)
        ]

    def feedback_rows(self, since: dt.date, until: dt.date) -> list[FeedbackRow]:
        stmt = (
            select(FeedbackEntry.report_id, FeedbackEntry.given_on, FeedbackEntry.kind)
            .where(
                FeedbackEntry.manager_id == self.manager_id,
                FeedbackEntry.given_on >= since,
                FeedbackEntry.given_on <= until,
            )
            .order_by(FeedbackEntry.given_on)
            .limit(TREND_ROWS_LIMIT)
        )
        return [
            FeedbackRow(rid, as_date(day), FeedbackKind(kind))
            for rid, day, kind in self.session.execute(stmt)
        ]

    def action_rows(self, since: dt.date, until: dt.date) -> list[ActionRow]:
        """Action items due in [since, until] (items without a due date cannot be late)."""
        stmt = (
            select(
                ActionItem.report_id,
                ActionItem.owner_role,
                ActionItem.due_date,
                ActionItem.status,
                ActionItem.closed_at,
            )
            .where(
                ActionItem.manager_id == self.manager_id,
                ActionItem.due_date >= since,
                ActionItem.due_date <= until,
            )
            .order_by(ActionItem.due_date)
            .limit(TREND_ROWS_LIMIT)
        )
        return [
            ActionRow(
                rid,
                OwnerRole(role),
                as_date(due) if due is not None else since,  # never None: filtered above
                ActionStatus(status),
                as_utc(closed) if closed is not None else None,
            )
            for rid, role, due, status, closed in self.session.execute(stmt)
        ]
