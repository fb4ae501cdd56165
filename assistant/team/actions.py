"""Action items as a list shows them (`coach actions`, the Action items page): who owns what,
for which report, due when, from which 1:1, and whether it is still open."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from assistant.db.models import ActionStatus
from assistant.db.repositories import Repositories
from assistant.errors import BadInputError

StatusFilter = Literal["open", "done", "all"]
STATUS_FILTERS: dict[str, list[ActionStatus] | None] = {
    "open": [ActionStatus.OPEN],
    "done": [ActionStatus.DONE],
    "all": None,  # open, done and dropped
}


@dataclass(frozen=True)
class ActionItemView:
    """One action item, detached from the database, with what a list needs to show it."""

    id: int
    task: str
    owner_name: str
    owner_role: str  # manager | report | other
    report_id: int
    report_name: str
    due_date: dt.date | None
    status: str  # open | done | dropped
    meeting_date: dt.date | None  # the 1:1 it was agreed in
    closed_on: dt.date | None
    closed_by: str | None = None  # who marked it done or dropped (team mode: the report)
    comments: tuple[str, ...] = ()  # "Name: text", oldest first (team mode: the report's notes)

    def overdue_days(self, today: dt.date) -> int:
        """Days past the due date while still open (0 when not overdue or closed)."""
        if self.status != "open" or self.due_date is None:
            return 0
        return max(0, (today - self.due_date).days)

    def as_json(self, today: dt.date) -> dict[str, Any]:
        return {
            "id": self.id,
            "task": self.task,
            "owner": self.owner_name,
            "owner_role": self.owner_role,
            "report": self.report_name,
            "due": self.due_date.isoformat() if self.due_date else None,
            "status": self.status,
            "overdue_days": self.overdue_days(today),
            "from_meeting": self.meeting_date.isoformat() if self.meeting_date else None,
            "closed_on": self.closed_on.isoformat() if self.closed_on else None,
            "closed_by": self.closed_by,
            "comments": list(self.comments),
        }


def list_action_items(
    repos: Repositories, *, report: int | str | None = None, status: str = "open"
) -> list[ActionItemView]:
    """The manager's action items, optionally for one report, by status (open|done|all)."""
    if status not in STATUS_FILTERS:
        raise BadInputError(f"--status must be one of open, done, all; not '{status}'")
    report_id = repos.reports.resolve(report).id if report is not None else None
    names = {r.id: r.name for r in repos.reports.all(include_archived=True)}
    rows = repos.action_items.listed(report_id=report_id, statuses=STATUS_FILTERS[status])
    comments = repos.comments.for_items([row.item.id for row in rows])
    return [
        ActionItemView(
            id=row.item.id,
            task=row.item.task,
            owner_name=row.item.owner_name,
            owner_role=row.item.owner_role.value,
            report_id=row.item.report_id,
            report_name=names.get(row.item.report_id, "?"),
            due_date=row.item.due_date,
            status=row.item.status.value,
            meeting_date=row.meeting_date,
            closed_on=row.item.closed_at.date() if row.item.closed_at else None,
            closed_by=row.item.closed_by,
            comments=tuple(f"{c.author_name}: {c.text}" for c in comments.get(row.item.id, [])),
        )
        for row in rows
    ]
