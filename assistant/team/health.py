"""Team view: cadence health, open/overdue action items, feedback balance, neglected topics.

Computed from a handful of team-wide aggregate queries, so it stays fast with many reports.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict

from assistant.db.models import FeedbackKind, Report, Topic
from assistant.db.repositories import Repositories

CANCELED_WINDOW_DAYS = 90
PRAISE_ALERT_DAYS = 60
STATUS_ORDER = {"overdue": 0, "at risk": 1, "new": 2, "ok": 3}
FEEDBACK_WINDOW_DAYS = 90
# A theme not touched for this long is surfaced as neglected (the agenda rotates it back in).
NEGLECTED_TOPIC_DAYS = 28
# Themes worth rotating; work/customers come up anyway, so they are not flagged.
ROTATED_TOPICS = (Topic.CAREER, Topic.WELLBEING, Topic.GOALS, Topic.FEEDBACK, Topic.WINS)


class CadenceHealth(BaseModel):
    """One row of the team view."""

    model_config = ConfigDict(extra="forbid")

    report_id: int
    name: str
    role: str
    cadence_days: int
    last_held: dt.date | None
    next_scheduled: dt.datetime | None
    days_since_last: int | None
    overdue_days: int
    canceled_without_reschedule: int
    canceled_dates: list[dt.date]
    open_action_items: int
    overdue_action_items: int
    praise_90d: int
    constructive_90d: int
    days_since_praise: int | None
    days_in_team: int
    neglected_topics: list[str]

    @property
    def is_new(self) -> bool:
        """No 1:1 held yet and still within their first cadence: nothing can be late."""
        return self.last_held is None and self.overdue_days == 0

    @property
    def status(self) -> str:
        """A one-word summary for tables: overdue, at risk, new or ok."""
        if self.overdue_days > 0:
            return "overdue"
        if self.is_new:
            return "new"
        if self.canceled_without_reschedule or self.next_scheduled is None:
            return "at risk"
        return "ok"

    @property
    def alert_labels(self) -> list[tuple[str, str]]:
        """(short, full) for each alert: badges on the Team page use the short one."""
        notes: list[tuple[str, str]] = []
        if self.last_held is None:
            notes.append(
                ("first 1:1 to plan", "first 1:1 to schedule")
                if self.next_scheduled is None and self.is_new
                else ("no 1:1 yet", "no 1:1 held yet")
            )
        elif self.overdue_days > 0:
            days = self.overdue_days
            notes.append((f"overdue {days} d", f"1:1 overdue by {days} days"))
        if self.next_scheduled is None and not self.is_new:
            notes.append(("nothing planned", "nothing scheduled"))
        if self.canceled_without_reschedule:
            n = self.canceled_without_reschedule
            notes.append((f"{n} canceled, not moved", f"{n} canceled without reschedule (90 days)"))
        if self.overdue_action_items:
            n = self.overdue_action_items
            notes.append((f"{n} late item{'s' if n > 1 else ''}", f"{n} overdue action items"))
        # Praise is counted from the first 1:1: before it, silence is not disapproval.
        without = self.days_in_team if self.days_since_praise is None else self.days_since_praise
        if self.last_held is not None and without > PRAISE_ALERT_DAYS:
            days = PRAISE_ALERT_DAYS
            notes.append((f"no praise {days}+ d", f"no praise in {days}+ days"))
        return notes

    @property
    def alerts(self) -> list[str]:
        return [full for _, full in self.alert_labels]

    def as_json(self) -> dict[str, Any]:
        data = self.model_dump(mode="json")
        data["status"] = self.status
        data["alerts"] = self.alerts
        return data


def team_health(repos: Repositories, *, now: dt.datetime | None = None) -> list[CadenceHealth]:
    """Cadence health for every active report of the repositories' manager."""
    now = now or dt.datetime.now(dt.UTC)
    today = now.date()
    reports = repos.reports.all()
    last_held = repos.meetings.last_held_by_report()
    next_up = repos.meetings.next_scheduled_by_report(now)
    canceled = repos.meetings.canceled_without_reschedule(
        now - dt.timedelta(days=CANCELED_WINDOW_DAYS)
    )
    actions = repos.action_items.counts_by_report(today)
    balance = repos.feedback.balance_by_report(today - dt.timedelta(days=FEEDBACK_WINDOW_DAYS))
    last_praise = repos.feedback.last_given_by_report(FeedbackKind.PRAISE)
    topics = repos.topics.last_mentioned_by_report()

    rows = []
    for report in reports:
        held = last_held.get(report.id)
        held_day = held.date() if held else None
        counts = balance.get(report.id, {})
        open_n, overdue_n = actions.get(report.id, (0, 0))
        praise_day = last_praise.get(report.id)
        rows.append(
            CadenceHealth(
                report_id=report.id,
                name=report.name,
                role=report.role,
                cadence_days=report.cadence_days,
                last_held=held_day,
                next_scheduled=next_up.get(report.id),
                days_since_last=(today - held_day).days if held_day else None,
                overdue_days=_overdue_days(report, held_day, today),
                canceled_without_reschedule=len(canceled.get(report.id, [])),
                canceled_dates=[m.scheduled_at.date() for m in canceled.get(report.id, [])],
                open_action_items=open_n,
                overdue_action_items=overdue_n,
                praise_90d=counts.get(FeedbackKind.PRAISE, 0),
                constructive_90d=counts.get(FeedbackKind.CONSTRUCTIVE, 0),
                days_since_praise=(today - praise_day).days if praise_day else None,
                days_in_team=(today - _joined(report)).days,
                neglected_topics=_neglected(topics.get(report.id, {}), held_day, today),
            )
        )
    # Most urgent first: overdue, then at risk, then by name.
    return sorted(rows, key=lambda r: (-r.overdue_days, STATUS_ORDER[r.status], r.name))


def _joined(report: Report) -> dt.date:
    return report.start_date or report.created_at.date()


def _overdue_days(report: Report, last_held: dt.date | None, today: dt.date) -> int:
    """Days past the cadence since the last held 1:1 (or since the report started, if none)."""
    anchor = last_held or _joined(report)
    return max(0, (today - anchor).days - report.cadence_days)


def _neglected(
    last_by_topic: dict[Topic, dt.date], last_held: dt.date | None, today: dt.date
) -> list[str]:
    if last_held is None:
        return []  # nothing has been discussed yet, so nothing is "neglected"
    cutoff = today - dt.timedelta(days=NEGLECTED_TOPIC_DAYS)
    return [
        topic.value
        for topic in ROTATED_TOPICS
        if last_by_topic.get(topic) is None or last_by_topic[topic] < cutoff
    ]
