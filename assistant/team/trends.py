"""The manager's own trends, month by month: 1:1s held vs planned, praise and constructive
feedback per report, the manager's share of the talking (where transcripts were attached) and
action items closed on time.

Read from four bounded queries over a window of whole months, grouped here, so the cost depends
on the window, not on years of history.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from assistant.db.models import ActionStatus, FeedbackKind, MeetingStatus, OwnerRole
from assistant.db.repositories import Repositories
from assistant.db.repositories.history import ActionRow

DEFAULT_MONTHS = 6
MAX_MONTHS = 24
OWNERS = {OwnerRole.MANAGER: "You", OwnerRole.REPORT: "Your reports"}
OUTCOMES = ("on time", "late", "still open, overdue")


@dataclass(frozen=True)
class MeetingsMonth:
    month: str  # "2026-05"
    planned: int  # every slot on the calendar; a moved 1:1 counts once, at its new slot
    held: int


@dataclass(frozen=True)
class FeedbackMonth:
    report: str
    month: str
    praise: int
    constructive: int


@dataclass(frozen=True)
class TalkPoint:
    report: str
    day: dt.date
    manager_share: float


@dataclass(frozen=True)
class ActionsMonth:
    month: str  # the month the items were due
    owner: str  # "You" or "Your reports"
    outcome: str  # one of OUTCOMES
    count: int


@dataclass(frozen=True)
class CoachingTrends:
    months: list[str]
    meetings: list[MeetingsMonth]
    feedback: list[FeedbackMonth]
    talk: list[TalkPoint]
    actions: list[ActionsMonth]

    @property
    def empty(self) -> bool:
        return not any(m.planned for m in self.meetings) and not self.feedback


def month_keys(today: dt.date, months: int) -> list[str]:
    """The last `months` months up to today's, oldest first: ['2025-12', ..., '2026-05']."""
    keys = []
    year, month = today.year, today.month
    for _ in range(months):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return keys[::-1]


def _first_day(key: str) -> dt.date:
    return dt.date(int(key[:4]), int(key[5:7]), 1)


def _outcome(row: ActionRow, today: dt.date, zone: ZoneInfo) -> str | None:
    if row.status is ActionStatus.DONE and row.closed_at is not None:
        return "on time" if row.closed_at.astimezone(zone).date() <= row.due_date else "late"
    if row.status is ActionStatus.OPEN and row.due_date < today:
        return "still open, overdue"
    return None  # dropped, or not due yet


def build_trends(
    repos: Repositories, *, today: dt.date, zone: ZoneInfo, months: int = DEFAULT_MONTHS
) -> CoachingTrends:
    months = max(1, min(months, MAX_MONTHS))
    keys = month_keys(today, months)
    start = _first_day(keys[0])
    since = dt.datetime.combine(start, dt.time(0), tzinfo=zone)
    # 1:1s still planned later this month count as planned this month.
    next_month = (_first_day(keys[-1]) + dt.timedelta(days=32)).replace(day=1)
    until = dt.datetime.combine(next_month, dt.time(0), tzinfo=zone)
    names = {r.id: r.name for r in repos.reports.all(include_archived=True)}

    planned: Counter[str] = Counter()
    held: Counter[str] = Counter()
    for row in repos.history.meeting_rows(since, until):
        key = row.scheduled_at.astimezone(zone).strftime("%Y-%m")
        if row.status is not MeetingStatus.RESCHEDULED:
            planned[key] += 1
        if row.status is MeetingStatus.HELD:
            held[key] += 1

    given: Counter[tuple[int, str, FeedbackKind]] = Counter(
        (f.report_id, f.given_on.strftime("%Y-%m"), f.kind)
        for f in repos.history.feedback_rows(start, today)
    )
    pairs = sorted({(rid, month) for rid, month, _ in given}, key=lambda p: (names[p[0]], p[1]))
    feedback = [
        FeedbackMonth(
            report=names[rid],
            month=month,
            praise=given[(rid, month, FeedbackKind.PRAISE)],
            constructive=given[(rid, month, FeedbackKind.CONSTRUCTIVE)],
        )
        for rid, month in pairs
    ]

    outcomes: Counter[tuple[str, str, str]] = Counter()
    for action in repos.history.action_rows(start, today):
        owner = OWNERS.get(action.owner_role)
        outcome = _outcome(action, today, zone)
        if owner and outcome:
            outcomes[(action.due_date.strftime("%Y-%m"), owner, outcome)] += 1

    return CoachingTrends(
        months=keys,
        meetings=[MeetingsMonth(k, planned[k], held[k]) for k in keys],
        feedback=feedback,
        talk=[
            TalkPoint(names[rid], day, share)
            for rid, day, share in repos.talk.since(start)
            if day <= today
        ],
        actions=[
            ActionsMonth(month, owner, outcome, count)
            for (month, owner, outcome), count in sorted(outcomes.items())
        ],
    )
