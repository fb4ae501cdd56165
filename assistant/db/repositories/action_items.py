"""Action items: open ones by owner and report, overdue ones, closing them in a meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, delete, func, select

from assistant.db.models import (
    ActionItem,
    ActionStatus,
    Meeting,
    MeetingStatus,
    OwnerRole,
    Report,
    utcnow,
)
from assistant.db.repositories.base import ScopedRepository
from assistant.errors import BadInputError, NotFoundError


@dataclass(frozen=True)
class OpenActionRow:
    """An open item with the date and status of the meeting it came from."""

    item: ActionItem
    meeting_date: dt.date | None
    meeting_status: MeetingStatus | None


class ActionItemRepository(ScopedRepository):
    def get(self, item_id: int) -> ActionItem:
        item = self.session.scalars(
            select(ActionItem).where(
                ActionItem.id == item_id, ActionItem.manager_id == self.manager_id
            )
        ).first()
        if item is None:
            raise NotFoundError(f"No action item with id {item_id}")
        return item

    def open_items(
        self,
        *,
        report_id: int | None = None,
        owner_role: OwnerRole | None = None,
        owner_name: str | None = None,
        overdue_on: dt.date | None = None,
    ) -> list[ActionItem]:
        """Open items, oldest first; `overdue_on` keeps only those due before that day."""
        stmt = select(ActionItem).where(
            ActionItem.manager_id == self.manager_id, ActionItem.status == ActionStatus.OPEN
        )
        if report_id is not None:
            stmt = stmt.where(ActionItem.report_id == report_id)
        if owner_role is not None:
            stmt = stmt.where(ActionItem.owner_role == owner_role)
        if owner_name is not None:
            stmt = stmt.where(func.lower(ActionItem.owner_name) == owner_name.lower())
        if overdue_on is not None:
            stmt = stmt.where(ActionItem.due_date < overdue_on)
        return list(self.session.scalars(stmt.order_by(ActionItem.created_at, ActionItem.id)))

    def open_with_meetings(self, report_id: int) -> list[OpenActionRow]:
        """Open items of one report (both sides), oldest first, with their meeting's date and
        status in the same query, whatever that meeting's status (held, canceled, skipped...)."""
        stmt = (
            select(ActionItem, Meeting.scheduled_at, Meeting.status)
            .outerjoin(Meeting, Meeting.id == ActionItem.meeting_id)
            .where(
                ActionItem.manager_id == self.manager_id,
                ActionItem.report_id == report_id,
                ActionItem.status == ActionStatus.OPEN,
            )
            .order_by(ActionItem.created_at, ActionItem.id)
        )
        return [
            OpenActionRow(
                item, when.date() if when else None, MeetingStatus(status) if status else None
            )
            for item, when, status in self.session.execute(stmt)
        ]

    def listed(
        self, *, report_id: int | None = None, statuses: list[ActionStatus] | None = None
    ) -> list[OpenActionRow]:
        """Items of any status (all when `statuses` is None), oldest first, each with its
        meeting's date and status, in one query (`coach actions`, the Action items page)."""
        stmt = (
            select(ActionItem, Meeting.scheduled_at, Meeting.status)
            .outerjoin(Meeting, Meeting.id == ActionItem.meeting_id)
            .where(ActionItem.manager_id == self.manager_id)
        )
        if report_id is not None:
            stmt = stmt.where(ActionItem.report_id == report_id)
        if statuses is not None:
            stmt = stmt.where(ActionItem.status.in_(statuses))
        stmt = stmt.order_by(ActionItem.created_at, ActionItem.id)
        return [
            OpenActionRow(
                item, when.date() if when else None, MeetingStatus(status) if status else None
            )
            for item, when, status in self.session.execute(stmt)
        ]

    def for_meeting(self, meeting_id: int) -> list[ActionItem]:
        """Every item a meeting's recap produced (any status), oldest first."""
        stmt = select(ActionItem).where(
            ActionItem.manager_id == self.manager_id, ActionItem.meeting_id == meeting_id
        )
        return list(self.session.scalars(stmt.order_by(ActionItem.created_at, ActionItem.id)))

    def revise(
        self,
        item_id: int,
        *,
        task: str,
        owner_role: OwnerRole,
        owner_name: str,
        due_date: dt.date | None,
        evidence: str | None = None,
    ) -> ActionItem:
        """The manager's edit of a saved item (its status and history stay)."""
        if not task.strip():
            raise BadInputError("An action item needs a task")
        item = self.get(item_id)
        item.task = task.strip()
        item.owner_role = owner_role
        item.owner_name = owner_name.strip()
        item.due_date = due_date
        if evidence:
            item.evidence = evidence
        self.session.flush()
        return item

    def delete(self, item_ids: list[int]) -> int:
        """Remove these items of this manager; returns how many were removed."""
        if not item_ids:
            return 0
        result = self.session.execute(
            delete(ActionItem).where(
                ActionItem.manager_id == self.manager_id, ActionItem.id.in_(item_ids)
            )
        )
        return int(getattr(result, "rowcount", 0) or 0)

    def delete_for_meeting(self, meeting_id: int) -> None:
        """Remove the items a meeting's recap produced (before saving its recap again)."""
        self.session.execute(
            delete(ActionItem).where(
                ActionItem.manager_id == self.manager_id, ActionItem.meeting_id == meeting_id
            )
        )

    def open_by_owner(self) -> dict[str, list[ActionItem]]:
        grouped: dict[str, list[ActionItem]] = {}
        for item in self.open_items():
            grouped.setdefault(item.owner_name, []).append(item)
        return grouped

    def counts_by_report(self, today: dt.date) -> dict[int, tuple[int, int]]:
        """report_id -> (open, overdue) in one query."""
        overdue = case((ActionItem.due_date < today, 1), else_=0)
        stmt = (
            select(ActionItem.report_id, func.count(ActionItem.id), func.sum(overdue))
            .where(ActionItem.manager_id == self.manager_id, ActionItem.status == ActionStatus.OPEN)
            .group_by(ActionItem.report_id)
        )
        return {rid: (int(n), int(o or 0)) for rid, n, o in self.session.execute(stmt)}

    def add(
        self,
        *,
        report_id: int,
        task: str,
        owner_role: OwnerRole,
        owner_name: str,
        meeting_id: int | None = None,
        due_date: dt.date | None = None,
        evidence: str = "",
    ) -> ActionItem:
        if not task.strip():
            raise BadInputError("An action item needs a task")
        report = self.session.get(Report, report_id)
        if report is None or report.manager_id != self.manager_id:
            raise NotFoundError(f"No report with id {report_id} in your team")
        item = ActionItem(
            manager_id=self.manager_id,
            report_id=report_id,
            meeting_id=meeting_id,
            task=task.strip(),
            owner_role=owner_role,
            owner_name=owner_name.strip(),
            due_date=due_date,
            evidence=evidence,
        )
        self.session.add(item)
        self.session.flush()
        return item

    def close(
        self, item_id: int, status: ActionStatus, *, in_meeting_id: int | None = None
    ) -> ActionItem:
        if status is ActionStatus.OPEN:
            raise BadInputError("Use reopen() to reopen an item")
        item = self.get(item_id)
        item.status = status
        item.closed_at = utcnow()
        item.closed_in_meeting_id = in_meeting_id
        self.session.flush()
        return item

    def reopen(self, item_id: int) -> ActionItem:
        item = self.get(item_id)
        item.status = ActionStatus.OPEN
        item.closed_at = None
        item.closed_in_meeting_id = None
        self.session.flush()
        return item
