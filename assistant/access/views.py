"""Plain, detached views of what the two sides of a 1:1 read (no ORM rows leave a service)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from assistant.db.models import ActionComment, ActionItem, Meeting, MeetingTopic


@dataclass(frozen=True)
class TopicView:
    id: int
    meeting_id: int
    text: str
    position: int
    author_name: str
    author_role: str
    author_email: str | None
    added_at: dt.datetime
    edited_at: dt.datetime | None

    @classmethod
    def of(cls, topic: MeetingTopic) -> TopicView:
        return cls(
            id=topic.id,
            meeting_id=topic.meeting_id,
            text=topic.text,
            position=topic.position,
            author_name=topic.author_name,
            author_role=topic.author_role.value,
            author_email=topic.author_email,
            added_at=topic.created_at,
            edited_at=topic.updated_at,
        )

    @property
    def signed(self) -> bool:
        """Added by the report signed in (not typed by the manager before sign-in existed)."""
        return self.author_email is not None


@dataclass(frozen=True)
class Shared:
    """What the manager shared of one 1:1, and when."""

    agenda_at: dt.datetime | None = None
    agenda_by: str | None = None
    recap_at: dt.datetime | None = None
    recap_by: str | None = None
    agenda_saved: bool = False  # there is a saved agenda (or recap) to share
    recap_saved: bool = False

    @classmethod
    def of(cls, meeting: Meeting) -> Shared:
        return cls(
            meeting.agenda_shared_at,
            meeting.agenda_shared_by,
            meeting.recap_shared_at,
            meeting.recap_shared_by,
            agenda_saved=meeting.agenda_approved_at is not None,
            recap_saved=meeting.recap is not None and meeting.recap_approved_at is not None,
        )


@dataclass(frozen=True)
class CommentView:
    author_name: str
    author_role: str
    text: str
    at: dt.datetime

    @classmethod
    def of(cls, comment: ActionComment) -> CommentView:
        return cls(comment.author_name, comment.author_role.value, comment.text, comment.created_at)


@dataclass(frozen=True)
class ItemView:
    """An action item as its owner (the report) sees it, with the comments on it."""

    id: int
    task: str
    due: dt.date | None
    status: str
    created_at: dt.datetime
    closed_at: dt.datetime | None
    closed_by: str | None
    comments: list[CommentView] = field(default_factory=list)

    @classmethod
    def of(cls, item: ActionItem, comments: list[ActionComment]) -> ItemView:
        return cls(
            id=item.id,
            task=item.task,
            due=item.due_date,
            status=item.status.value,
            created_at=item.created_at,
            closed_at=item.closed_at,
            closed_by=item.closed_by,
            comments=[CommentView.of(c) for c in comments],
        )


@dataclass(frozen=True)
class SharedAgenda:
    markdown: str
    shared_at: dt.datetime
    shared_by: str


@dataclass(frozen=True)
class NextOneOnOne:
    """The report's next planned 1:1: their topics, and the agenda once it is shared."""

    meeting_id: int
    when: dt.datetime
    minutes: int
    manager_name: str
    topics: list[TopicView]
    agenda: SharedAgenda | None


@dataclass(frozen=True)
class SharedRecap:
    meeting_id: int
    day: dt.date
    markdown: str
    shared_at: dt.datetime
    shared_by: str
