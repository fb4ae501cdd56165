"""What the manager shares with a report, and what a report may read of their own 1:1s.

Every read for the report's side takes the report_id of the signed-in person on top of the
manager scope, and only returns what was shared: an agenda or recap the manager did not share
is "not found", exactly like a 1:1 of someone else.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from assistant.db.models import ActionItem, ActionStatus, Meeting, MeetingStatus, OwnerRole, utcnow
from assistant.db.repositories.base import ScopedRepository
from assistant.errors import BadInputError, NotFoundError


class SharingRepository(ScopedRepository):
    # -- the manager shares ----------------------------------------------------------------------

    def share_agenda(self, meeting_id: int, by: str) -> Meeting:
        meeting = self._meeting(meeting_id)
        meeting.agenda_shared_at = utcnow()
        meeting.agenda_shared_by = by
        self.session.flush()
        return meeting

    def share_recap(self, meeting_id: int, by: str) -> Meeting:
        meeting = self._meeting(meeting_id)
        if meeting.recap is None:
            raise BadInputError("Save the recap before you share it")
        if meeting.recap_approved_at is None:  # `coach recap --save`: nobody checked it yet
            raise BadInputError(
                "This recap was saved without review (coach recap --save): check it and save "
                "it on the Recap page, then share it"
            )
        meeting.recap_shared_at = utcnow()
        meeting.recap_shared_by = by
        self.session.flush()
        return meeting

    # -- the report reads ------------------------------------------------------------------------

    def meeting_of(self, report_id: int, meeting_id: int) -> Meeting:
        """One of this report's 1:1s (any other id is not found)."""
        return self._meeting(meeting_id, report_id)

    def upcoming_of(self, report_id: int, since: dt.datetime, *, limit: int = 3) -> list[Meeting]:
        """The report's planned 1:1s from `since` on, soonest first."""
        stmt = (
            select(Meeting)
            .where(
                Meeting.manager_id == self.manager_id,
                Meeting.report_id == report_id,
                Meeting.status == MeetingStatus.SCHEDULED,
                Meeting.scheduled_at >= since,
            )
            .order_by(Meeting.scheduled_at, Meeting.id)
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    def shared_recaps_of(self, report_id: int, *, limit: int = 20) -> list[Meeting]:
        """The report's 1:1s whose recap the manager shared, newest first."""
        stmt = (
            select(Meeting)
            .where(
                Meeting.manager_id == self.manager_id,
                Meeting.report_id == report_id,
                Meeting.recap_shared_at.is_not(None),
                Meeting.recap.is_not(None),
            )
            .order_by(Meeting.scheduled_at.desc(), Meeting.id.desc())
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    def items_of(self, report_id: int, *, include_done: bool = False) -> list[ActionItem]:
        """The action items the report owns, oldest first (open ones unless `include_done`)."""
        stmt = select(ActionItem).where(
            ActionItem.manager_id == self.manager_id,
            ActionItem.report_id == report_id,
            ActionItem.owner_role == OwnerRole.REPORT,
        )
        if not include_done:
            stmt = stmt.where(ActionItem.status == ActionStatus.OPEN)
        return list(self.session.scalars(stmt.order_by(ActionItem.created_at, ActionItem.id)))

    def item_of(self, report_id: int, item_id: int) -> ActionItem:
        """One action item the report owns (any other id is not found)."""
        item = self.session.scalars(
            select(ActionItem).where(
                ActionItem.id == item_id,
                ActionItem.manager_id == self.manager_id,
                ActionItem.report_id == report_id,
                ActionItem.owner_role == OwnerRole.REPORT,
            )
        ).first()
        if item is None:
            raise NotFoundError(f"No action item with id {item_id}")
        return item

    def close_item(self, report_id: int, item_id: int, by: str) -> ActionItem:
        item = self.item_of(report_id, item_id)
        if item.status is not ActionStatus.OPEN:
            raise BadInputError("This action item is already closed")
        item.status = ActionStatus.DONE
        item.closed_at = utcnow()
        item.closed_by = by
        self.session.flush()
        return item
