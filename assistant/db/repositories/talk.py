"""Talk ratios measured from transcripts the manager attached to a 1:1 (counts only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import select

from assistant.db.models import Meeting, TalkRecord
from assistant.db.repositories.base import ScopedRepository
from assistant.db.types import as_date
from assistant.errors import NotFoundError

TREND_LIMIT = 10_000


@dataclass(frozen=True)
class TalkCounts:
    """What is kept of a transcript: counts, never the words themselves."""

    manager_words: int
    report_words: int
    other_words: int
    manager_share: float
    manager_questions: int
    manager_open_questions: int
    report_questions: int
    longest_manager_monologue: int


class TalkRatioRepository(ScopedRepository):
    def save(self, meeting_id: int, counts: TalkCounts) -> TalkRecord:
        """Attach the counts to a meeting, replacing what an earlier transcript gave."""
        meeting = self.session.scalars(
            select(Meeting).where(Meeting.id == meeting_id, Meeting.manager_id == self.manager_id)
        ).first()
        if meeting is None:
            raise NotFoundError(f"No meeting with id {meeting_id}")
        record = self.session.scalars(
            select(TalkRecord).where(TalkRecord.meeting_id == meeting_id)
        ).first()
        if record is None:
            record = TalkRecord(
                manager_id=self.manager_id, report_id=meeting.report_id, meeting_id=meeting_id
            )
            self.session.add(record)
        record.held_on = meeting.scheduled_at.date()
        for name, value in asdict(counts).items():
            setattr(record, name, value)
        self.session.flush()
        return record

    def of_report(self, report_id: int) -> dict[int, TalkRecord]:
        """meeting id -> the talk ratio attached to it, for one report."""
        stmt = select(TalkRecord).where(
            TalkRecord.manager_id == self.manager_id, TalkRecord.report_id == report_id
        )
        return {r.meeting_id: r for r in self.session.scalars(stmt)}

    def since(self, day: dt.date) -> list[tuple[int, dt.date, float]]:
        """(report id, day held, manager's share) for the team since `day`, oldest first."""
        stmt = (
            select(TalkRecord.report_id, TalkRecord.held_on, TalkRecord.manager_share)
            .where(TalkRecord.manager_id == self.manager_id, TalkRecord.held_on >= day)
            .order_by(TalkRecord.held_on, TalkRecord.id)
            .limit(TREND_LIMIT)
        )
        return [
            (rid, as_date(held), float(share)) for rid, held, share in self.session.execute(stmt)
        ]
