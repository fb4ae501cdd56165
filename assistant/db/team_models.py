"""Tables of team mode: the topics a report adds to their next 1:1, comments on action items,
and the audit trail (who signed in, who changed what on a shared agenda, topic or action item).

Every row carries `manager_id` (the team it belongs to) like the other tables, so a manager's
queries stay scoped and `coach export --manager` takes exactly that team's rows, and
`report_id` with ON DELETE CASCADE, so removing a report removes every word they wrote.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from assistant.db.models import Base, _enum, utcnow


class ActorRole(StrEnum):
    """Who did something: the manager, the report, or someone the app does not know."""

    MANAGER = "manager"
    REPORT = "report"
    UNKNOWN = "unknown"


class MeetingTopic(Base):
    """A topic the report wants to talk about in one 1:1, in their order. The agenda puts them
    right after the check-in, marked as theirs."""

    __tablename__ = "meeting_topics"
    __table_args__ = (Index("ix_meeting_topics_meeting_position", "meeting_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(
        ForeignKey("managers.id", ondelete="CASCADE"), index=True
    )
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    # Who added it: the report signed in, or (before sign-in existed) the manager typing
    # "topics they asked for" on their behalf.
    author_role: Mapped[ActorRole] = mapped_column(_enum(ActorRole, "actor_role"))
    author_name: Mapped[str] = mapped_column(String(200))
    author_email: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime | None]


class ActionComment(Base):
    """A comment on an action item, by the report or the manager."""

    __tablename__ = "action_comments"

    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(
        ForeignKey("managers.id", ondelete="CASCADE"), index=True
    )
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    action_item_id: Mapped[int] = mapped_column(
        ForeignKey("action_items.id", ondelete="CASCADE"), index=True
    )
    author_role: Mapped[ActorRole] = mapped_column(_enum(ActorRole, "actor_role"))
    author_name: Mapped[str] = mapped_column(String(200))
    author_email: Mapped[str | None] = mapped_column(String(320))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditEvent(Base):
    """One thing someone did that the manager may need to account for: a sign-in, a topic
    added/edited/moved/removed, an agenda or recap shared, an action item done or commented.

    `manager_id` is the team concerned (None for a sign-in nobody in the database matches)."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_manager_when", "manager_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("managers.id", ondelete="CASCADE"))
    report_id: Mapped[int | None] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), index=True
    )
    actor_email: Mapped[str | None] = mapped_column(String(320))
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    actor_role: Mapped[ActorRole] = mapped_column(_enum(ActorRole, "actor_role"))
    action: Mapped[str] = mapped_column(String(50))
    target: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
