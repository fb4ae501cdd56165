"""Common base: a repository is bound to one session and one manager, and stays in that scope."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.db.models import Meeting
from assistant.errors import NotFoundError


class ScopedRepository:
    def __init__(self, session: Session, manager_id: int) -> None:
        self.session = session
        self.manager_id = manager_id

    def _meeting(self, meeting_id: int, report_id: int | None = None) -> Meeting:
        """A 1:1 of this manager (and of `report_id` when given); any other id is not found."""
        stmt = select(Meeting).where(
            Meeting.id == meeting_id, Meeting.manager_id == self.manager_id
        )
        if report_id is not None:
            stmt = stmt.where(Meeting.report_id == report_id)
        meeting = self.session.scalars(stmt).first()
        if meeting is None:
            raise NotFoundError(f"No 1:1 with id {meeting_id}")
        return meeting
