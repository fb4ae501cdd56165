"""Saved agendas: the AgendaItem rows of a meeting, and which bank questions recent ones used."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, exists, select

from assistant.db.models import AgendaItem, AgendaSource, Meeting, utcnow
from assistant.db.repositories.base import ScopedRepository
from assistant.errors import BadInputError

RECENT_AGENDAS = 4  # question ids of this many past agendas are not suggested again


@dataclass(frozen=True)
class AgendaItemRow:
    """One item to store; its position is its index in the list given to `replace`."""

    title: str
    minutes: int
    detail: str = ""
    source: AgendaSource = AgendaSource.MANAGER
    section: str = ""
    reason: str = ""
    source_ref: str = ""
    action_item_ids: list[int] = field(default_factory=list)
    question_ids: list[str] = field(default_factory=list)
    discussed: bool = False


class AgendaItemRepository(ScopedRepository):
    def for_meeting(self, meeting_id: int) -> list[AgendaItem]:
        self._meeting(meeting_id)
        stmt = (
            select(AgendaItem)
            .where(AgendaItem.manager_id == self.manager_id, AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position, AgendaItem.id)
        )
        return list(self.session.scalars(stmt))

    def replace(
        self, meeting_id: int, rows: Sequence[AgendaItemRow], *, approved: bool = True
    ) -> list[AgendaItem]:
        """The saved agenda of a meeting becomes exactly `rows` (previous items are deleted)."""
        meeting = self._meeting(meeting_id)
        for row in rows:
            if not row.title.strip():
                raise BadInputError("Every agenda item needs a title")
            if not 0 <= row.minutes <= 240:
                raise BadInputError(f"'{row.title}': minutes must be between 0 and 240")
        self.session.execute(
            delete(AgendaItem).where(
                AgendaItem.manager_id == self.manager_id, AgendaItem.meeting_id == meeting_id
            )
        )
        self.session.expire(meeting, ["agenda_items"])
        saved = [
            AgendaItem(
                manager_id=self.manager_id,
                meeting_id=meeting_id,
                position=position,
                title=row.title.strip()[:500],
                detail=row.detail,
                source=row.source,
                section=row.section[:50],
                reason=row.reason,
                source_ref=row.source_ref,
                action_item_ids=[str(i) for i in row.action_item_ids],
                minutes=row.minutes,
                question_ids=list(row.question_ids),
                discussed=row.discussed,
            )
            for position, row in enumerate(rows)
        ]
        self.session.add_all(saved)
        if approved:
            meeting.agenda_approved_at = utcnow()
        self.session.flush()
        return saved

    def move(self, from_meeting_id: int, to_meeting_id: int) -> int:
        """Carry a saved agenda over to the meeting that replaced its 1:1; returns how many
        items moved (none when the new meeting already has its own agenda)."""
        self._meeting(from_meeting_id)
        target = self._meeting(to_meeting_id)
        if self.for_meeting(to_meeting_id):
            return 0
        items = self.for_meeting(from_meeting_id)
        for item in items:
            item.meeting_id = to_meeting_id
        if items:
            target.agenda_approved_at = self._meeting(from_meeting_id).agenda_approved_at
        self.session.flush()
        self.session.expire(target, ["agenda_items"])
        return len(items)

    def recent_question_ids(
        self,
        report_id: int,
        *,
        before: dt.datetime,
        meetings: int = RECENT_AGENDAS,
        exclude_meeting_id: int | None = None,
    ) -> set[str]:
        """Question ids used in the last `meetings` saved agendas of a report before `before`."""
        has_items = exists().where(AgendaItem.meeting_id == Meeting.id)
        recent = (
            select(Meeting.id)
            .where(
                Meeting.manager_id == self.manager_id,
                Meeting.report_id == report_id,
                Meeting.scheduled_at < before,
                has_items,
            )
            .order_by(Meeting.scheduled_at.desc(), Meeting.id.desc())
            .limit(meetings)
        )
        if exclude_meeting_id is not None:
            recent = recent.where(Meeting.id != exclude_meeting_id)
        ids = list(self.session.scalars(recent))
        if not ids:
            return set()
        # The ids come from the manager-scoped query above. Filtering on manager_id here as
        # well makes SQLite pick the manager_id index and scan every agenda item of the team.
        stmt = select(AgendaItem.question_ids).where(AgendaItem.meeting_id.in_(ids))
        return {qid for row in self.session.scalars(stmt) for qid in (row or [])}
