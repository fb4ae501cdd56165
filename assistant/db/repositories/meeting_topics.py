"""The topics a report adds to one of their 1:1s: in their order, with who added them and when.

Scoped by manager like every repository; the report's side also passes its report_id, and a
topic or meeting of anyone else is "not found". Topics the manager typed into the old
`meetings.report_topics` list are adopted here on first read (as the report's), so data from
before this table, demo data and old exports keep working.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select

from assistant.db.models import Meeting, MeetingTopic, Report, utcnow
from assistant.db.repositories.base import ScopedRepository
from assistant.db.team_models import ActorRole
from assistant.domain.actor import Actor
from assistant.errors import BadInputError, NotFoundError

MAX_TOPIC_CHARS = 500
MAX_TOPICS = 20


def clean_topic(text: str) -> str:
    clean = " ".join(text.split())
    if not clean:
        raise BadInputError("A topic needs some words")
    if len(clean) > MAX_TOPIC_CHARS:
        raise BadInputError(f"A topic is at most {MAX_TOPIC_CHARS} characters ({len(clean)} given)")
    return clean


class MeetingTopicRepository(ScopedRepository):
    def _adopt_legacy(self, meeting: Meeting) -> None:
        typed = [t for t in (meeting.report_topics or []) if isinstance(t, str) and t.strip()]
        if not typed:
            return
        report = self.session.get(Report, meeting.report_id)
        start = self._next_position(meeting.id)
        have = {
            t.casefold()
            for t in self.session.scalars(
                select(MeetingTopic.text).where(MeetingTopic.meeting_id == meeting.id)
            )
        }
        # A topic already here (moved along with a rescheduled 1:1) is not added twice.
        typed = [
            t for t in dict.fromkeys(" ".join(t.split()) for t in typed) if t.casefold() not in have
        ]
        for offset, text in enumerate(typed):
            self.session.add(
                MeetingTopic(
                    manager_id=self.manager_id,
                    report_id=meeting.report_id,
                    meeting_id=meeting.id,
                    position=start + offset,
                    text=text[:MAX_TOPIC_CHARS],
                    author_role=ActorRole.REPORT,
                    author_name=report.name if report else "",
                    author_email=None,
                    created_at=meeting.created_at or utcnow(),
                )
            )
        meeting.report_topics = []
        self.session.flush()

    def _next_position(self, meeting_id: int) -> int:
        last = self.session.scalar(
            select(func.max(MeetingTopic.position)).where(MeetingTopic.meeting_id == meeting_id)
        )
        return 0 if last is None else int(last) + 1

    def for_meeting(self, meeting_id: int, *, report_id: int | None = None) -> list[MeetingTopic]:
        """The meeting's topics in the report's order (refused if it is not theirs)."""
        meeting = self._meeting(meeting_id, report_id)
        self._adopt_legacy(meeting)
        stmt = (
            select(MeetingTopic)
            .where(
                MeetingTopic.manager_id == self.manager_id,
                MeetingTopic.meeting_id == meeting.id,
            )
            .order_by(MeetingTopic.position, MeetingTopic.id)
        )
        return list(self.session.scalars(stmt))

    def get(self, topic_id: int, *, report_id: int | None = None) -> MeetingTopic:
        stmt = select(MeetingTopic).where(
            MeetingTopic.id == topic_id, MeetingTopic.manager_id == self.manager_id
        )
        if report_id is not None:
            stmt = stmt.where(MeetingTopic.report_id == report_id)
        topic = self.session.scalars(stmt).first()
        if topic is None:
            raise NotFoundError(f"No topic with id {topic_id}")
        return topic

    def add(
        self, meeting_id: int, text: str, *, author: Actor, report_id: int | None = None
    ) -> MeetingTopic:
        meeting = self._meeting(meeting_id, report_id)
        existing = self.for_meeting(meeting.id)
        if len(existing) >= MAX_TOPICS:
            raise BadInputError(f"A 1:1 can have at most {MAX_TOPICS} of your topics")
        clean = clean_topic(text)
        if any(t.text.casefold() == clean.casefold() for t in existing):
            raise BadInputError(f"“{clean}” is already on the list")
        topic = MeetingTopic(
            manager_id=self.manager_id,
            report_id=meeting.report_id,
            meeting_id=meeting.id,
            position=self._next_position(meeting.id),
            text=clean,
            author_role=ActorRole(author.role),
            author_name=author.name,
            author_email=author.email,
        )
        self.session.add(topic)
        self.session.flush()
        return topic

    def edit(self, topic_id: int, text: str, *, report_id: int | None = None) -> MeetingTopic:
        topic = self.get(topic_id, report_id=report_id)
        topic.text = clean_topic(text)
        topic.updated_at = utcnow()
        self.session.flush()
        return topic

    def remove(self, topic_id: int, *, report_id: int | None = None) -> MeetingTopic:
        topic = self.get(topic_id, report_id=report_id)
        self.session.execute(
            delete(MeetingTopic).where(
                MeetingTopic.id == topic.id, MeetingTopic.manager_id == self.manager_id
            )
        )
        self.session.expunge(topic)
        return topic

    def reorder(
        self, meeting_id: int, topic_ids: list[int], *, report_id: int | None = None
    ) -> list[MeetingTopic]:
        """Put the meeting's topics in this order; the ids must be exactly its topics."""
        topics = {t.id: t for t in self.for_meeting(meeting_id, report_id=report_id)}
        if sorted(topic_ids) != sorted(topics):
            raise BadInputError("The order must list each topic of this 1:1 once")
        for position, topic_id in enumerate(topic_ids):
            topics[topic_id].position = position
        self.session.flush()
        return [topics[i] for i in topic_ids]

    def move_to(self, from_meeting_id: int, to_meeting_id: int) -> None:
        """A rescheduled 1:1's topics go with it (after any the new one has)."""
        moving = self.for_meeting(from_meeting_id)
        start = self._next_position(self._meeting(to_meeting_id, None).id)
        for offset, topic in enumerate(moving):
            topic.meeting_id = to_meeting_id
            topic.position = start + offset
        self.session.flush()
