"""one meeting per report per day: merge existing duplicates, then a partial unique index

Revision ID: 0004_trust
Revises: 0003_person
Create Date: 2026-12-05 09:00:00

Before this revision two saves at once, or a second paste the same day, could leave two
scheduled/held 1:1s for one report on one day. They are merged into the earliest one first,
losing nothing: notes and private notes are appended (separated by a rule) unless already
contained, recaps merged, and every row that pointed at a duplicate (action items, agenda
items, topic mentions, feedback, reschedule links) now points at the kept meeting. Only then is
the duplicate row deleted and the unique index created. Same code on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from assistant.db.types import UTCDateTime

revision: str = "0004_trust"
down_revision: str | None = "0003_person"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVE = ("scheduled", "held")
ACTIVE_SQL = "status IN ('scheduled', 'held')"
SEPARATOR = "\n\n---\n\n"

meetings = sa.table(
    "meetings",
    sa.column("id", sa.Integer),
    sa.column("report_id", sa.Integer),
    sa.column("scheduled_at", UTCDateTime()),
    sa.column("duration_minutes", sa.Integer),
    sa.column("status", sa.String),
    sa.column("rescheduled_to_id", sa.Integer),
    sa.column("raw_notes", sa.Text),
    sa.column("private_notes", sa.Text),
    sa.column("recap", sa.JSON),
    sa.column("recap_approved_at", UTCDateTime()),
    sa.column("agenda_approved_at", UTCDateTime()),
    sa.column("report_topics", sa.JSON),
    sa.column("notes_updated_at", UTCDateTime()),
    sa.column("meeting_day", sa.Date),
)
agenda_items = sa.table(
    "agenda_items",
    sa.column("id", sa.Integer),
    sa.column("meeting_id", sa.Integer),
    sa.column("position", sa.Integer),
)
topic_mentions = sa.table(
    "topic_mentions",
    sa.column("id", sa.Integer),
    sa.column("meeting_id", sa.Integer),
    sa.column("topic", sa.String),
)
POINTERS = (  # (table, column) that may reference a meeting and simply move to the kept one
    ("action_items", "meeting_id"),
    ("action_items", "closed_in_meeting_id"),
    ("feedback_entries", "meeting_id"),
    ("meetings", "rescheduled_to_id"),
)


def _day(when: dt.datetime) -> dt.date:
    return when.astimezone(dt.UTC).date() if when.tzinfo else when.date()


def _joined(first: str, second: str) -> str:
    first, second = first or "", second or ""
    if not second.strip() or second.strip() in first:
        return first
    if not first.strip() or first.strip() in second:
        return second
    return f"{first.rstrip()}{SEPARATOR}{second}"


def _merged_recap(kept: Any, other: Any) -> Any:
    if not other:
        return kept
    if not kept:
        return other
    merged = dict(kept)
    merged["summary"] = " ".join(s for s in (kept.get("summary"), other.get("summary")) if s)
    for key, value in other.items():
        if isinstance(value, list):
            before = list(kept.get(key) or [])
            merged[key] = before + [v for v in value if v not in before]
    return merged


def _merge(conn: sa.Connection, kept: sa.Row[Any], other: sa.Row[Any]) -> None:
    latest = [t for t in (kept.agenda_approved_at, other.agenda_approved_at) if t]
    conn.execute(
        meetings.update()
        .where(meetings.c.id == kept.id)
        .values(
            raw_notes=_joined(kept.raw_notes, other.raw_notes),
            private_notes=_joined(kept.private_notes, other.private_notes),
            recap=_merged_recap(kept.recap, other.recap),
            recap_approved_at=kept.recap_approved_at or other.recap_approved_at,
            agenda_approved_at=max(latest) if latest else None,
            report_topics=list(dict.fromkeys([*(kept.report_topics or []), *(other.report_topics or [])])),
            status="held" if "held" in (kept.status, other.status) else kept.status,
            duration_minutes=max(kept.duration_minutes or 0, other.duration_minutes or 0),
        )
    )
    offset = conn.scalar(
        sa.select(sa.func.coalesce(sa.func.max(agenda_items.c.position), -1) + 1).where(
            agenda_items.c.meeting_id == kept.id
        )
    )
    conn.execute(
        agenda_items.update()
        .where(agenda_items.c.meeting_id == other.id)
        .values(meeting_id=kept.id, position=agenda_items.c.position + offset)
    )
    kept_topics = set(
        conn.scalars(sa.select(topic_mentions.c.topic).where(topic_mentions.c.meeting_id == kept.id))
    )
    conn.execute(
        topic_mentions.delete().where(
            topic_mentions.c.meeting_id == other.id, topic_mentions.c.topic.in_(kept_topics)
        )
    )
    conn.execute(
        topic_mentions.update().where(topic_mentions.c.meeting_id == other.id).values(meeting_id=kept.id)
    )
    # One talk ratio per 1:1 (a unique key): the kept meeting's stays, else the other's moves.
    if sa.inspect(conn).has_table("talk_ratios"):
        has_one = conn.scalar(
            sa.text("SELECT count(*) FROM talk_ratios WHERE meeting_id = :kept"), {"kept": kept.id}
        )
        conn.execute(
            sa.text(
                "DELETE FROM talk_ratios WHERE meeting_id = :other"
                if has_one
                else "UPDATE talk_ratios SET meeting_id = :kept WHERE meeting_id = :other"
            ),
            {"kept": kept.id, "other": other.id},
        )
    for table, column in POINTERS:
        conn.execute(
            sa.text(f"UPDATE {table} SET {column} = :kept WHERE {column} = :other"),
            {"kept": kept.id, "other": other.id},
        )
    conn.execute(meetings.delete().where(meetings.c.id == other.id))


def merge_duplicates(conn: sa.Connection) -> int:
    """Merge every report's extra active 1:1s of one day into the earliest; returns merges."""
    rows = conn.execute(
        sa.select(meetings).where(meetings.c.status.in_(ACTIVE)).order_by(
            meetings.c.scheduled_at, meetings.c.id
        )
    ).all()
    groups: dict[tuple[int, dt.date], list[sa.Row[Any]]] = defaultdict(list)
    for row in rows:
        groups[(row.report_id, _day(row.scheduled_at))].append(row)
    merged = 0
    for group in groups.values():
        kept_id = group[0].id
        for other in group[1:]:
            kept = conn.execute(sa.select(meetings).where(meetings.c.id == kept_id)).one()
            _merge(conn, kept, other)
            merged += 1
    return merged


def upgrade() -> None:
    # No batch mode here: on SQLite it would copy and DROP the meetings table, and with foreign
    # keys on, dropping it cascades to agenda items and topic mentions. ADD COLUMN and a
    # partial CREATE INDEX work natively on both backends, so the column stays nullable.
    conn = op.get_bind()
    op.add_column("meetings", sa.Column("meeting_day", sa.Date(), nullable=True))
    merge_duplicates(conn)
    for row in conn.execute(sa.select(meetings.c.id, meetings.c.scheduled_at)).all():
        conn.execute(
            meetings.update().where(meetings.c.id == row.id).values(meeting_day=_day(row.scheduled_at))
        )
    op.create_index(
        "uq_meetings_report_day_active",
        "meetings",
        ["report_id", "meeting_day"],
        unique=True,
        sqlite_where=sa.text(ACTIVE_SQL),
        postgresql_where=sa.text(ACTIVE_SQL),
    )


def downgrade() -> None:
    op.drop_index("uq_meetings_report_day_active", table_name="meetings")
    # SQLite >= 3.35 drops a column natively (no table copy, so no cascading deletes).
    op.execute("ALTER TABLE meetings DROP COLUMN meeting_day")
