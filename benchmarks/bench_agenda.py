"""Latency of `draft_agenda` on a big history: 50 reports x 5 years of weekly 1:1s (p50/p95).

Run with `python -m benchmarks.bench_agenda` (options: --reports, --years, --runs, --db).
The generator bulk-inserts with Core `executemany` into a temporary SQLite file migrated by
Alembic, so the schema and indexes are exactly the app's. Every past meeting has notes, private
notes, action items (most closed), topic mentions and a saved agenda; feedback and goals too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert

from assistant.agenda.service import draft_agenda
from assistant.config import Settings
from assistant.db import migrate
from assistant.db.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    AgendaSource,
    FeedbackEntry,
    FeedbackKind,
    FeedbackStyle,
    Goal,
    GoalStatus,
    Manager,
    Meeting,
    MeetingFormat,
    MeetingStatus,
    OwnerRole,
    Report,
    Topic,
    TopicMention,
)
from assistant.knowledge.question_bank import load_question_bank
from assistant.services import Services

TODAY = dt.date(2026, 11, 23)
_NOTES = (
    "Back from a long weekend with family; sounded rested.\n"
    "We shipped the import fix and the customer thanked the team.\n"
    "Waiting on the platform team for queue access, which slows the rollout.\n"
    "Talked about the roadmap and the next milestone.\n"
    "AI: {name} - write the design note\nAI: me - chase the budget decision"
)
_TOPICS = list(Topic)
_SECTIONS = ["connection", "action_review", "wins", "goals_alignment", "roadblocks", "closing"]


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


def generate(url: str, *, reports: int, years: int, seed: int = 7) -> int:
    """Fill an empty, migrated database; returns the number of meetings written."""
    rng = random.Random(seed)
    bank = load_question_bank()
    question_ids = {s.id: [q.id for q in s.questions] for s in bank.sections}
    weeks = years * 52
    rows: dict[str, list[dict[str, Any]]] = {
        name: []
        for name in ("reports", "meetings", "actions", "mentions", "feedback", "goals", "agenda")
    }
    meeting_id = action_id = 0
    for r in range(1, reports + 1):
        name = f"Report {r:02d}"
        rows["reports"].append(
            {
                "id": r,
                "manager_id": 1,
                "name": name,
                "role": rng.choice(["Backend Engineer", "Account Executive", "Support Lead"]),
                "start_date": TODAY - dt.timedelta(weeks=weeks + 4),
                "cadence_days": 7,
                "meeting_minutes": rng.choice([25, 30, 45, 60]),
                "meeting_format": rng.choice(list(MeetingFormat)),
                "feedback_style": rng.choice(list(FeedbackStyle)),
                "topics_favour": ["architecture", "career growth"],
                "topics_avoid": ["knee surgery"],
                "private_notes": "manager-only",
                "archived": False,
                "created_at": _at(TODAY - dt.timedelta(weeks=weeks + 4)),
            }
        )
        for g in range(5):
            rows["goals"].append(
                {
                    "manager_id": 1,
                    "report_id": r,
                    "title": f"Goal {g} of {name}",
                    "status": GoalStatus.ACTIVE if g < 2 else GoalStatus.ACHIEVED,
                    "target_date": TODAY + dt.timedelta(days=15 * (g + 1)),
                    "created_at": _at(TODAY - dt.timedelta(days=200)),
                }
            )
        for w in range(weeks, -1, -1):  # w weeks ago; w == 0 is the upcoming 1:1
            meeting_id += 1
            day = TODAY - dt.timedelta(weeks=w) + dt.timedelta(days=1 + r % 5)
            upcoming = w == 0
            status = (
                MeetingStatus.SCHEDULED
                if upcoming
                else (MeetingStatus.CANCELED if rng.random() < 0.06 else MeetingStatus.HELD)
            )
            held = status is MeetingStatus.HELD
            rows["meetings"].append(
                {
                    "id": meeting_id,
                    "manager_id": 1,
                    "report_id": r,
                    "scheduled_at": _at(day, 9 + r % 7),
                    "duration_minutes": 30,
                    "status": status,
                    "raw_notes": _NOTES.format(name=name) if held else "",
                    "private_notes": "private: not for the agenda" if held else "",
                    "report_topics": ["Quarter planning", "Hiring loop"] if upcoming else [],
                    "created_at": _at(day - dt.timedelta(days=7)),
                }
            )
            if upcoming:
                continue
            for k in range(2):
                action_id += 1
                still_open = w <= 2 or rng.random() < 0.01
                rows["actions"].append(
                    {
                        "id": action_id,
                        "manager_id": 1,
                        "report_id": r,
                        "meeting_id": meeting_id,
                        "task": f"Task {k} from week {w}",
                        "owner_role": OwnerRole.REPORT if k == 0 else OwnerRole.MANAGER,
                        "owner_name": name if k == 0 else "Bench Manager",
                        "due_date": day + dt.timedelta(days=7),
                        "status": ActionStatus.OPEN if still_open else ActionStatus.DONE,
                        "evidence": "",
                        "created_at": _at(day, 11),
                    }
                )
            if held:
                for topic in rng.sample(_TOPICS, 3):
                    rows["mentions"].append(
                        {
                            "manager_id": 1,
                            "report_id": r,
                            "meeting_id": meeting_id,
                            "topic": topic,
                            "mentioned_on": day,
                        }
                    )
                if rng.random() < 0.3:
                    rows["feedback"].append(
                        {
                            "manager_id": 1,
                            "report_id": r,
                            "meeting_id": meeting_id,
                            "given_on": day,
                            "kind": rng.choice(list(FeedbackKind)),
                            "situation": "Weekly demo",
                            "created_at": _at(day, 12),
                        }
                    )
                for position, section in enumerate(_SECTIONS):
                    rows["agenda"].append(
                        {
                            "manager_id": 1,
                            "meeting_id": meeting_id,
                            "position": position,
                            "title": f"{section} item",
                            "detail": "",
                            "source": AgendaSource.SUGGESTED,
                            "section": section,
                            "reason": "bench",
                            "minutes": 5,
                            "question_ids": [rng.choice(question_ids[section])],
                            "discussed": True,
                        }
                    )
    svc = Services.from_settings(_settings(url), migrate_db=False)
    with svc.engine.begin() as conn:
        conn.execute(
            insert(_table(Manager)),
            [{"id": 1, "name": "Bench Manager", "is_demo": False, "created_at": _at(TODAY)}],
        )
        for model, key in (
            (Report, "reports"),
            (Goal, "goals"),
            (Meeting, "meetings"),
            (ActionItem, "actions"),
            (TopicMention, "mentions"),
            (FeedbackEntry, "feedback"),
            (AgendaItem, "agenda"),
        ):
            conn.execute(insert(_table(model)), rows[key])
    svc.engine.dispose()
    return len(rows["meetings"])


def _settings(url: str) -> Settings:
    return Settings(_env_file=None, data_dir=Path(tempfile.gettempdir()), database_url=url)  # type: ignore[call-arg]


def bench(url: str, *, reports: int, runs: int, seed: int = 11) -> tuple[float, list[float]]:
    svc = Services.from_settings(_settings(url), migrate_db=False)
    rng = random.Random(seed)
    started = time.perf_counter()
    with svc.repos(1) as repos:
        draft_agenda(repos, 1, today=TODAY)  # cold: question bank and guidance load once
    cold = (time.perf_counter() - started) * 1000
    samples = []
    for _ in range(runs):
        report_id = rng.randint(1, reports)
        started = time.perf_counter()
        with svc.repos(1) as repos:  # a session per draft, as the UI and CLI do
            draft = draft_agenda(repos, report_id, today=TODAY)
        samples.append((time.perf_counter() - started) * 1000)
        assert sum(i.minutes for i in draft.items) == draft.minutes_total
    svc.engine.dispose()
    return cold, samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reports", type=int, default=50)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--db", type=Path, help="SQLite file to (re)use; default: a temp file")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="coach-bench-")) / "bench.db"
    url = f"sqlite:///{path}"
    if not path.exists():
        migrate.upgrade(url)
        started = time.perf_counter()
        meetings = generate(url, reports=args.reports, years=args.years)
        print(
            f"generated {args.reports} reports, {meetings} meetings in "
            f"{time.perf_counter() - started:.1f}s ({path}, {path.stat().st_size / 1e6:.0f} MB)"
        )
    cold, samples = bench(url, reports=args.reports, runs=args.runs)
    cuts = statistics.quantiles(samples, n=100)
    print(f"draft_agenda cold: {cold:.1f} ms")
    p50 = statistics.median(samples)
    print(
        f"draft_agenda over {len(samples)} random reports: p50 {p50:.1f} ms, "
        f"p95 {cuts[94]:.1f} ms, max {max(samples):.1f} ms"
    )


if __name__ == "__main__":
    main()
