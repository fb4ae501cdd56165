"""team mode: sign-in e-mails, the report's topics, sharing, comments and the audit trail

Revision ID: 0005_team
Revises: 0004_trust
Create Date: 2026-12-05 12:00:00

- `reports.email` (new) and `managers.email` (existing, normalized here: NFC, trimmed,
  case-folded) each get a unique index: one sign-in address is one person of each kind.
- `meetings.agenda_shared_at/by`, `recap_shared_at/by`: sharing is an explicit act.
- `action_items.closed_by`: who closed an item when the report did it.
- `meeting_topics`, `action_comments`, `audit_events` (see assistant/db/team_models.py).
- The topics managers typed in `meetings.report_topics` move into `meeting_topics` (as the
  report's, in their order, dated when the 1:1 was created), so nothing typed is lost and the
  agenda reads one place; the downgrade puts them back.
Same code on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from assistant.db.types import UTCDateTime

revision: str = "0005_team"
down_revision: str | None = "0004_trust"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

managers = sa.table("managers", sa.column("id", sa.Integer), sa.column("email", sa.String))
reports = sa.table("reports", sa.column("id", sa.Integer), sa.column("name", sa.String))
meetings = sa.table(
    "meetings",
    sa.column("id", sa.Integer),
    sa.column("manager_id", sa.Integer),
    sa.column("report_id", sa.Integer),
    sa.column("report_topics", sa.JSON),
    sa.column("created_at", UTCDateTime()),
)
meeting_topics = sa.table(
    "meeting_topics",
    sa.column("id", sa.Integer),
    sa.column("manager_id", sa.Integer),
    sa.column("report_id", sa.Integer),
    sa.column("meeting_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("text", sa.Text),
    sa.column("author_role", sa.String),
    sa.column("author_name", sa.String),
    sa.column("author_email", sa.String),
    sa.column("created_at", UTCDateTime()),
)


def _normal(email: str) -> str:
    return unicodedata.normalize("NFC", email).strip().casefold()


def _normalize_manager_emails(conn: sa.Connection) -> None:
    seen: set[str] = set()
    for manager_id, email in conn.execute(
        sa.select(managers.c.id, managers.c.email).order_by(managers.c.id)
    ):
        if email is None:
            continue
        clean = _normal(email) or None
        if clean in seen:  # a second manager with the same address cannot sign in as anyone
            clean = None
        if clean:
            seen.add(clean)
        if clean != email:
            conn.execute(managers.update().where(managers.c.id == manager_id).values(email=clean))


def _adopt_typed_topics(conn: sa.Connection) -> None:
    names = dict(conn.execute(sa.select(reports.c.id, reports.c.name)).all())
    rows = conn.execute(
        sa.select(
            meetings.c.id,
            meetings.c.manager_id,
            meetings.c.report_id,
            meetings.c.report_topics,
            meetings.c.created_at,
        )
    ).all()
    for meeting_id, manager_id, report_id, topics, created in rows:
        kept = [t.strip() for t in (topics or []) if isinstance(t, str) and t.strip()]
        if not kept:
            continue
        conn.execute(
            meeting_topics.insert(),
            [
                {
                    "manager_id": manager_id,
                    "report_id": report_id,
                    "meeting_id": meeting_id,
                    "position": position,
                    "text": text,
                    "author_role": "report",
                    "author_name": names.get(report_id, ""),
                    "author_email": None,
                    "created_at": created or dt.datetime.now(dt.UTC),
                }
                for position, text in enumerate(kept)
            ],
        )
        conn.execute(meetings.update().where(meetings.c.id == meeting_id).values(report_topics=[]))


def upgrade() -> None:
    conn = op.get_bind()
    _normalize_manager_emails(conn)
    with op.batch_alter_table("managers") as batch:
        batch.create_index("uq_managers_email", ["email"], unique=True)
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("email", sa.String(length=320), nullable=True))
        batch.create_index("uq_reports_email", ["email"], unique=True)
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("agenda_shared_at", UTCDateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("agenda_shared_by", sa.String(length=320), nullable=True))
        batch.add_column(sa.Column("recap_shared_at", UTCDateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("recap_shared_by", sa.String(length=320), nullable=True))
    with op.batch_alter_table("action_items") as batch:
        batch.add_column(sa.Column("closed_by", sa.String(length=320), nullable=True))

    op.create_table(
        "meeting_topics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("manager_id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_role", sa.String(length=32), nullable=False),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("author_email", sa.String(length=320), nullable=True),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["manager_id"], ["managers.id"],
            name=op.f("fk_meeting_topics_manager_id_managers"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"],
            name=op.f("fk_meeting_topics_report_id_reports"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"],
            name=op.f("fk_meeting_topics_meeting_id_meetings"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_topics")),
    )
    with op.batch_alter_table("meeting_topics") as batch:
        batch.create_index("ix_meeting_topics_meeting_position", ["meeting_id", "position"])
        batch.create_index(batch.f("ix_meeting_topics_manager_id"), ["manager_id"])
        batch.create_index(batch.f("ix_meeting_topics_report_id"), ["report_id"])

    op.create_table(
        "action_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("manager_id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("action_item_id", sa.Integer(), nullable=False),
        sa.Column("author_role", sa.String(length=32), nullable=False),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("author_email", sa.String(length=320), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["manager_id"], ["managers.id"],
            name=op.f("fk_action_comments_manager_id_managers"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"],
            name=op.f("fk_action_comments_report_id_reports"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["action_item_id"], ["action_items.id"],
            name=op.f("fk_action_comments_action_item_id_action_items"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_comments")),
    )
    with op.batch_alter_table("action_comments") as batch:
        batch.create_index(batch.f("ix_action_comments_manager_id"), ["manager_id"])
        batch.create_index(batch.f("ix_action_comments_action_item_id"), ["action_item_id"])

    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("manager_id", sa.Integer(), nullable=True),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("actor_email", sa.String(length=320), nullable=True),
        sa.Column("actor_name", sa.String(length=200), nullable=False),
        sa.Column("actor_role", sa.String(length=32), nullable=False),
        sa.Column("action", sa.String(length=50), nullable=False),
        sa.Column("target", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["manager_id"], ["managers.id"],
            name=op.f("fk_audit_events_manager_id_managers"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"],
            name=op.f("fk_audit_events_report_id_reports"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    with op.batch_alter_table("audit_events") as batch:
        batch.create_index("ix_audit_events_manager_when", ["manager_id", "created_at"])
        batch.create_index(batch.f("ix_audit_events_report_id"), ["report_id"])

    _adopt_typed_topics(conn)


def downgrade() -> None:
    conn = op.get_bind()
    topics: dict[int, list[str]] = defaultdict(list)
    for meeting_id, text in conn.execute(
        sa.select(meeting_topics.c.meeting_id, meeting_topics.c.text).order_by(
            meeting_topics.c.meeting_id, meeting_topics.c.position, meeting_topics.c.id
        )
    ):
        topics[meeting_id].append(text)
    for meeting_id, texts in topics.items():
        conn.execute(meetings.update().where(meetings.c.id == meeting_id).values(report_topics=texts))

    op.drop_table("audit_events")
    op.drop_table("action_comments")
    op.drop_table("meeting_topics")
    with op.batch_alter_table("action_items") as batch:
        batch.drop_column("closed_by")
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("recap_shared_by")
        batch.drop_column("recap_shared_at")
        batch.drop_column("agenda_shared_by")
        batch.drop_column("agenda_shared_at")
    with op.batch_alter_table("reports") as batch:
        batch.drop_index("uq_reports_email")
        batch.drop_column("email")
    with op.batch_alter_table("managers") as batch:
        batch.drop_index("uq_managers_email")
