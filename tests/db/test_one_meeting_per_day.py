"""One 1:1 per report per day: the migration merges duplicates left by older versions without
losing anything, and the database then refuses a second active 1:1 the same day."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from assistant.db import migrate
from assistant.db.repositories import ManagerRepository
from assistant.db.types import UTCDateTime
from assistant.errors import ConflictError
from assistant.services import Services
from tests.db.test_migrations import empty_url  # noqa: F401  (fixture: both backends)

NOW = dt.datetime(2026, 3, 4, 9, 0, tzinfo=dt.UTC)
meetings = sa.table(
    "meetings",
    sa.column("id", sa.Integer),
    sa.column("manager_id", sa.Integer),
    sa.column("report_id", sa.Integer),
    sa.column("scheduled_at", UTCDateTime()),
    sa.column("duration_minutes", sa.Integer),
    sa.column("status", sa.String),
    sa.column("raw_notes", sa.Text),
    sa.column("private_notes", sa.Text),
    sa.column("recap", sa.JSON),
    sa.column("report_topics", sa.JSON),
    sa.column("created_at", UTCDateTime()),
)


def _insert_meeting(
    conn: sa.Connection, mid: int, at: dt.datetime, status: str, **values: object
) -> None:
    conn.execute(
        meetings.insert().values(
            id=mid,
            manager_id=1,
            report_id=1,
            scheduled_at=at,
            duration_minutes=30,
            status=status,
            raw_notes=values.get("raw_notes", ""),
            private_notes=values.get("private_notes", ""),
            recap=values.get("recap"),
            report_topics=values.get("report_topics", []),
            created_at=NOW,
        )
    )


def _seed_duplicates(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO managers (id, name, is_demo, created_at) VALUES (1, 'M', false, :t)"
            ),
            {"t": NOW},
        )
        conn.execute(
            sa.text(
                "INSERT INTO reports (id, manager_id, name, role, cadence_days, meeting_minutes,"
                " meeting_format, feedback_style, topics_favour, topics_avoid, private_notes,"
                " archived, created_at) VALUES (1, 1, 'R', '', 7, 30, 'conversational', 'direct',"
                " '[]', '[]', '', false, :t)"
            ),
            {"t": NOW},
        )
        recap = {"summary": "First.", "decisions": ["Ship Friday"], "action_items": []}
        _insert_meeting(conn, 1, NOW, "held", raw_notes="first paste", recap=recap,
                        report_topics=["career"])  # fmt: skip
        _insert_meeting(conn, 2, NOW.replace(hour=15), "scheduled", raw_notes="second paste",
                        private_notes="tired", recap={"summary": "Second.",
                        "decisions": ["Hire a contractor"]}, report_topics=["pay"])  # fmt: skip
        _insert_meeting(conn, 3, NOW.replace(hour=17), "canceled", raw_notes="")  # not active
        _insert_meeting(conn, 4, NOW + dt.timedelta(days=1), "scheduled")  # another day
        for item_id, meeting_id in ((1, 1), (2, 2)):
            conn.execute(
                sa.text(
                    "INSERT INTO action_items (id, manager_id, report_id, meeting_id, task,"
                    " owner_role, owner_name, status, evidence, created_at) VALUES"
                    " (:i, 1, 1, :m, :task, 'report', 'R', 'open', '', :t)"
                ),
                {"i": item_id, "m": meeting_id, "task": f"task {item_id}", "t": NOW},
            )
        for tm_id, meeting_id, topic in ((1, 1, "career"), (2, 2, "career"), (3, 2, "wins")):
            conn.execute(
                sa.text(
                    "INSERT INTO topic_mentions (id, manager_id, report_id, meeting_id, topic,"
                    " mentioned_on) VALUES (:i, 1, 1, :m, :topic, :d)"
                ),
                {"i": tm_id, "m": meeting_id, "topic": topic, "d": NOW.date()},
            )
    engine.dispose()


def test_migration_merges_duplicate_meetings_without_losing_anything(empty_url: str) -> None:  # noqa: F811
    migrate.upgrade(empty_url, "0002")
    _seed_duplicates(empty_url)

    migrate.upgrade(empty_url)

    engine = sa.create_engine(empty_url)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT id, status, raw_notes, private_notes, recap FROM meetings ORDER BY id")
        ).all()
        items = conn.execute(sa.text("SELECT id, meeting_id FROM action_items ORDER BY id")).all()
        topics = conn.execute(
            sa.text("SELECT topic FROM topic_mentions WHERE meeting_id = 1 ORDER BY topic")
        ).all()
    engine.dispose()
    assert [r.id for r in rows] == [1, 3, 4]  # the duplicate merged into the earliest
    kept = rows[0]
    assert kept.status == "held"
    assert kept.raw_notes == "first paste\n\n---\n\nsecond paste"
    assert kept.private_notes == "tired"
    recap = kept.recap if isinstance(kept.recap, dict) else json.loads(kept.recap)
    assert recap["decisions"] == ["Ship Friday", "Hire a contractor"]
    assert [(i.id, i.meeting_id) for i in items] == [(1, 1), (2, 1)]
    assert [t.topic for t in topics] == ["career", "wins"]


def test_a_second_active_meeting_the_same_day_is_refused(empty_url: str) -> None:  # noqa: F811
    migrate.upgrade(empty_url, "0002")
    _seed_duplicates(empty_url)
    migrate.upgrade(empty_url)
    engine = sa.create_engine(empty_url)

    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO meetings (manager_id, report_id, scheduled_at, duration_minutes,"
                " status, raw_notes, private_notes, report_topics, created_at, meeting_day)"
                " VALUES (1, 1, :at, 30, 'scheduled', '', '', '[]', :at, :day)"
            ),
            {"at": NOW.replace(hour=20), "day": NOW.date()},
        )
    with engine.begin() as conn:  # a canceled one that day is fine
        conn.execute(
            sa.text(
                "INSERT INTO meetings (manager_id, report_id, scheduled_at, duration_minutes,"
                " status, raw_notes, private_notes, report_topics, created_at, meeting_day)"
                " VALUES (1, 1, :at, 30, 'canceled', '', '', '[]', :at, :day)"
            ),
            {"at": NOW.replace(hour=21), "day": NOW.date()},
        )
    engine.dispose()


def test_downgrade_and_upgrade_again(empty_url: str, tmp_path: Path) -> None:  # noqa: F811
    migrate.upgrade(empty_url)
    migrate.downgrade(empty_url, "0003_person")
    migrate.upgrade(empty_url)


def test_the_day_is_the_calendar_day_of_the_time_as_given(services: Services) -> None:
    """17:00 Monday and 10:00 Tuesday in Los Angeles are the same UTC day but two days for the
    manager: both may be planned; a second one on the manager's Tuesday is refused."""
    la = ZoneInfo("America/Los_Angeles")
    with services.session() as session:
        manager = ManagerRepository(session).create("Ana Alves")
    with services.repos(manager.id) as repos:
        rid = repos.reports.add("Zoë Ødegaard").id
        monday = repos.meetings.schedule(rid, dt.datetime(2026, 3, 2, 17, tzinfo=la))
        tuesday = repos.meetings.schedule(rid, dt.datetime(2026, 3, 3, 10, tzinfo=la))
        assert (monday.meeting_day, tuesday.meeting_day) == (
            dt.date(2026, 3, 2),
            dt.date(2026, 3, 3),
        )
    with pytest.raises(ConflictError, match="second 1:1"), services.repos(manager.id) as repos:
        repos.meetings.schedule(rid, dt.datetime(2026, 3, 3, 15, tzinfo=la))
