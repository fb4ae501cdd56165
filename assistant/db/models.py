"""SQLAlchemy 2.0 typed ORM models. Every row carries `manager_id` so queries are always scoped."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from assistant.db.types import UTCDateTime

# Explicit constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # SQLAlchemy reads this class attribute by name, so it cannot be a ClassVar-wrapped copy.
    type_annotation_map = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON, list[str]: JSON}  # noqa: RUF012


def _enum(enum_cls: type[StrEnum], name: str) -> Enum:
    # Stored as plain strings (no native PG enum) so adding a value needs no ALTER TYPE.
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda e: [m.value for m in e],
    )


class MeetingFormat(StrEnum):
    CONVERSATIONAL = "conversational"
    BULLETED = "bulleted"


class FeedbackStyle(StrEnum):
    DIRECT = "direct"
    GENTLE = "gentle"
    WRITTEN_FIRST = "written_first"
    IN_THE_MOMENT = "in_the_moment"


class MeetingStatus(StrEnum):
    SCHEDULED = "scheduled"
    HELD = "held"
    CANCELED = "canceled"
    RESCHEDULED = "rescheduled"
    SKIPPED = "skipped"


class AgendaSource(StrEnum):
    REPORT = "report"
    MANAGER = "manager"
    CARRIED_OVER = "carried_over"
    SUGGESTED = "suggested"


class OwnerRole(StrEnum):
    MANAGER = "manager"
    REPORT = "report"
    OTHER = "other"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class FeedbackKind(StrEnum):
    PRAISE = "praise"
    CONSTRUCTIVE = "constructive"


class GoalStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


class Topic(StrEnum):
    """Themes a meeting can touch; the agenda rotates the ones neglected for a while."""

    CONNECTION = "connection"
    WINS = "wins"
    GOALS = "goals"
    CUSTOMERS = "customers"
    WORK = "work"
    ROADBLOCKS = "roadblocks"
    CAREER = "career"
    WELLBEING = "wellbeing"
    WORKLOAD = "workload"
    FEEDBACK = "feedback"
    PERSONAL = "personal"


class Manager(Base):
    __tablename__ = "managers"
    # The address a manager signs in with in team mode (stored normalized), one per manager.
    __table_args__ = (Index("uq_managers_email", "email", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    reports: Mapped[list[Report]] = relationship(
        back_populates="manager", cascade="all, delete-orphan", passive_deletes=True
    )


class Report(Base):
    __tablename__ = "reports"
    __table_args__ = (
        Index("ix_reports_manager_name", "manager_id", "name", unique=True),
        # One report per sign-in address across the organisation (stored normalized).
        Index("uq_reports_email", "email", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("managers.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    # The address they sign in with in team mode (NFC, case-folded); None: cannot sign in.
    email: Mapped[str | None] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    cadence_days: Mapped[int] = mapped_column(Integer, default=7)
    meeting_minutes: Mapped[int] = mapped_column(Integer, default=30)
    meeting_format: Mapped[MeetingFormat] = mapped_column(
        _enum(MeetingFormat, "meeting_format"), default=MeetingFormat.CONVERSATIONAL
    )
    feedback_style: Mapped[FeedbackStyle] = mapped_column(
        _enum(FeedbackStyle, "feedback_style"), default=FeedbackStyle.DIRECT
    )
    topics_favour: Mapped[list[str]] = mapped_column(default=list)
    topics_avoid: Mapped[list[str]] = mapped_column(default=list)
    private_notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    manager: Mapped[Manager] = relationship(back_populates="reports")
    meetings: Mapped[list[Meeting]] = relationship(
        back_populates="report",
        cascade="all, delete-orphan",
        passive_deletes=True,
        foreign_keys="Meeting.report_id",
    )
    goals: Mapped[list[Goal]] = relationship(
        back_populates="report", cascade="all, delete-orphan", passive_deletes=True
    )


# A report has at most one 1:1 a day that is going ahead (scheduled or held): notes pasted
# twice that day, or saved from two windows at once, land on the same meeting.
ACTIVE_MEETING = "status IN ('scheduled', 'held')"


class Meeting(Base):
    __tablename__ = "meetings"
    __table_args__ = (
        Index("ix_meetings_report_when", "report_id", "scheduled_at"),
        Index(
            "uq_meetings_report_day_active",
            "report_id",
            "meeting_day",
            unique=True,
            sqlite_where=text(ACTIVE_MEETING),
            postgresql_where=text(ACTIVE_MEETING),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(
        ForeignKey("managers.id", ondelete="CASCADE"), index=True
    )
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    scheduled_at: Mapped[dt.datetime]
    # The 1:1's calendar day, kept in step by `_day_of` (for the one-a-day constraint).
    # Nullable only because SQLite cannot add a NOT NULL column without copying the table.
    meeting_day: Mapped[dt.date | None] = mapped_column(Date)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=30)
    status: Mapped[MeetingStatus] = mapped_column(
        _enum(MeetingStatus, "meeting_status"), default=MeetingStatus.SCHEDULED
    )
    rescheduled_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL")
    )
    # Verbatim as pasted: never rewritten by processing, so nothing the manager typed is lost.
    raw_notes: Mapped[str] = mapped_column(Text, default="")
    # Never shared with the report, never indexed, never sent to an LLM.
    private_notes: Mapped[str] = mapped_column(Text, default="")
    recap: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    recap_approved_at: Mapped[dt.datetime | None]
    agenda_approved_at: Mapped[dt.datetime | None]
    # Legacy: topics typed by the manager before `meeting_topics`; adopted into that table on
    # first read (assistant/db/repositories/meeting_topics.py), so old data keeps working.
    report_topics: Mapped[list[str]] = mapped_column(default=list)
    # Sharing is an explicit act of the manager: when and by whom (the report sees nothing
    # of the agenda or recap before).
    agenda_shared_at: Mapped[dt.datetime | None]
    agenda_shared_by: Mapped[str | None] = mapped_column(String(320))
    recap_shared_at: Mapped[dt.datetime | None]
    recap_shared_by: Mapped[str | None] = mapped_column(String(320))
    notes_updated_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    report: Mapped[Report] = relationship(back_populates="meetings", foreign_keys=[report_id])
    rescheduled_to: Mapped[Meeting | None] = relationship(remote_side=[id])
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="AgendaItem.position",
    )
    topic_mentions: Mapped[list[TopicMention]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", passive_deletes=True
    )

    @validates("scheduled_at")
    def _day_of(self, _key: str, when: dt.datetime) -> dt.datetime:
        # The day on the clock of the zone the time was given in (the manager's), which is the
        # day the lifecycle's "already a 1:1 that day" check uses; stored times are UTC.
        self.meeting_day = when.date()
        return when


class AgendaItem(Base):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(
        ForeignKey("managers.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    detail: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[AgendaSource] = mapped_column(
        _enum(AgendaSource, "agenda_source"), default=AgendaSource.MANAGER
    )
    section: Mapped[str] = mapped_column(String(50), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    # Where the suggestion came from ("Action item #12 from 1:1 on ...", a guidance file).
    source_ref: Mapped[str] = mapped_column(Text, default="", server_default="")
    action_item_ids: Mapped[list[str]] = mapped_column(default=list, server_default="[]")
    minutes: Mapped[int] = mapped_column(Integer, default=5)
    question_ids: Mapped[list[str]] = mapped_column(default=list)
    discussed: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")


class ActionItem(Base):
    __tablename__ = "action_items"
    __table_args__ = (Index("ix_action_items_manager_status", "manager_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("managers.id", ondelete="CASCADE"))
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    task: Mapped[str] = mapped_column(Text)
    owner_role: Mapped[OwnerRole] = mapped_column(_enum(OwnerRole, "owner_role"))
    owner_name: Mapped[str] = mapped_column(String(200))
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[ActionStatus] = mapped_column(
        _enum(ActionStatus, "action_status"), default=ActionStatus.OPEN
    )
    closed_at: Mapped[dt.datetime | None]
    closed_in_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL")
    )
    # Who closed it, when the report did it on their side (None: the manager, as before).
    closed_by: Mapped[str | None] = mapped_column(String(320))
    evidence: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    report: Mapped[Report] = relationship()
    meeting: Mapped[Meeting | None] = relationship(foreign_keys=[meeting_id])


class FeedbackEntry(Base):
    __tablename__ = "feedback_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(
        ForeignKey("managers.id", ondelete="CASCADE"), index=True
    )
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"))
    given_on: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[FeedbackKind] = mapped_column(_enum(FeedbackKind, "feedback_kind"))
    situation: Mapped[str] = mapped_column(Text, default="")
    behaviour: Mapped[str] = mapped_column(Text, default="")
    impact: Mapped[str] = mapped_column(Text, default="")
    wording: Mapped[str] = mapped_column(Text, default="")
    response: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    report: Mapped[Report] = relationship()


class Goal(Base):
    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(
        ForeignKey("managers.id", ondelete="CASCADE"), index=True
    )
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    status: Mapped[GoalStatus] = mapped_column(
        _enum(GoalStatus, "goal_status"), default=GoalStatus.ACTIVE
    )
    target_date: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    report: Mapped[Report] = relationship(back_populates="goals")


class TopicMention(Base):
    __tablename__ = "topic_mentions"
    __table_args__ = (Index("ix_topic_mentions_report_topic", "report_id", "topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(
        ForeignKey("managers.id", ondelete="CASCADE"), index=True
    )
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    topic: Mapped[Topic] = mapped_column(_enum(Topic, "topic"))
    mentioned_on: Mapped[dt.date] = mapped_column(Date)

    meeting: Mapped[Meeting] = relationship(back_populates="topic_mentions")


class TalkRecord(Base):
    """How the talking was shared in one 1:1, measured from a transcript the manager attached.

    Only counts are kept (never the transcript), so trends can chart the manager's share."""

    __tablename__ = "talk_ratios"
    __table_args__ = (Index("ix_talk_ratios_manager_held", "manager_id", "held_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("managers.id", ondelete="CASCADE"))
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), unique=True
    )
    held_on: Mapped[dt.date] = mapped_column(Date)
    manager_words: Mapped[int] = mapped_column(Integer)
    report_words: Mapped[int] = mapped_column(Integer)
    other_words: Mapped[int] = mapped_column(Integer, default=0)
    manager_share: Mapped[float] = mapped_column(Float)
    manager_questions: Mapped[int] = mapped_column(Integer, default=0)
    manager_open_questions: Mapped[int] = mapped_column(Integer, default=0)
    report_questions: Mapped[int] = mapped_column(Integer, default=0)
    longest_manager_monologue: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


# Team mode's tables (topics the report adds, comments, audit) live beside these.
from assistant.db.team_models import (  # noqa: E402
    ActionComment as ActionComment,
)
from assistant.db.team_models import (  # noqa: E402
    AuditEvent as AuditEvent,
)
from assistant.db.team_models import (  # noqa: E402
    MeetingTopic as MeetingTopic,
)
