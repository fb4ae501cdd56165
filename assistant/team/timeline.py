"""A person's record: every 1:1 (status, saved agenda, approved recap, notes), action items both
ways, feedback, goals and preferences. One builder feeds the person page and `coach timeline`.

Private notes (on the person and on each 1:1) are read only for the manager's own page; the
JSON and Markdown exports leave them out unless asked for, and the Markdown says which copy it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from assistant.db.models import (
    ActionItem,
    ActionStatus,
    FeedbackEntry,
    Goal,
    Meeting,
    MeetingStatus,
    OwnerRole,
    Report,
    TalkRecord,
)
from assistant.db.repositories import Repositories
from assistant.db.repositories.history import TIMELINE_LIMIT


@dataclass(frozen=True)
class AgendaLine:
    title: str
    minutes: int
    detail: str
    theirs: bool  # a topic the report brought


@dataclass(frozen=True)
class TalkSummary:
    manager_share: float
    manager_words: int
    report_words: int
    manager_questions: int
    manager_open_questions: int


@dataclass(frozen=True)
class MeetingEntry:
    id: int
    when: dt.datetime  # UTC
    minutes: int
    status: MeetingStatus
    moved_to: dt.datetime | None  # where a rescheduled 1:1 went
    agenda: list[AgendaLine]
    recap: dict[str, Any] | None  # the approved recap, as saved
    notes: str
    private_notes: str
    talk: TalkSummary | None

    @property
    def upcoming(self) -> bool:
        return self.status is MeetingStatus.SCHEDULED


@dataclass(frozen=True)
class ActionEntry:
    id: int
    task: str
    owner: str
    owner_role: OwnerRole
    due: dt.date | None
    status: ActionStatus
    created: dt.date
    closed: dt.date | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "task": self.task,
            "owner": self.owner,
            "owner_role": self.owner_role.value,
            "due": _iso(self.due),
            "status": self.status.value,
            "created": self.created.isoformat(),
            "closed": _iso(self.closed),
        }


@dataclass(frozen=True)
class FeedbackLine:
    id: int
    given_on: dt.date
    kind: str
    wording: str
    situation: str
    behaviour: str
    impact: str
    response: str


@dataclass(frozen=True)
class GoalLine:
    id: int
    title: str
    status: str
    target_date: dt.date | None


@dataclass(frozen=True)
class Person:
    """The report's profile and preferences (what tailors agendas and feedback)."""

    id: int
    name: str
    role: str
    start_date: dt.date | None
    cadence_days: int
    meeting_minutes: int
    meeting_format: str
    feedback_style: str
    topics_favour: list[str]
    topics_avoid: list[str]
    private_notes: str
    archived: bool


@dataclass(frozen=True)
class Timeline:
    person: Person
    manager: str
    zone: ZoneInfo
    meetings: list[MeetingEntry]  # newest first
    action_items: list[ActionEntry]  # open first
    feedback: list[FeedbackLine]  # newest first
    goals: list[GoalLine]
    generated: dt.date = field(default_factory=dt.date.today)

    def local(self, when: dt.datetime) -> dt.datetime:
        return when.astimezone(self.zone)

    def owed(self, role: OwnerRole) -> list[ActionEntry]:
        return [a for a in self.action_items if a.owner_role is role]

    @property
    def upcoming(self) -> list[MeetingEntry]:
        """Planned 1:1s, soonest first."""
        return sorted((m for m in self.meetings if m.upcoming), key=lambda m: m.when)

    @property
    def past(self) -> list[MeetingEntry]:
        return [m for m in self.meetings if not m.upcoming]

    def as_json(self, *, include_private: bool = False) -> dict[str, Any]:
        from assistant.team.timeline_export import timeline_json

        return timeline_json(self, include_private=include_private)

    def to_markdown(self, *, include_private: bool = False, include_notes: bool = False) -> str:
        from assistant.team.timeline_export import timeline_markdown

        return timeline_markdown(self, include_private=include_private, include_notes=include_notes)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _person(report: Report) -> Person:
    return Person(
        id=report.id,
        name=report.name,
        role=report.role,
        start_date=report.start_date,
        cadence_days=report.cadence_days,
        meeting_minutes=report.meeting_minutes,
        meeting_format=report.meeting_format.value,
        feedback_style=report.feedback_style.value,
        topics_favour=list(report.topics_favour or []),
        topics_avoid=list(report.topics_avoid or []),
        private_notes=report.private_notes,
        archived=report.archived,
    )


def _talk(record: TalkRecord | None) -> TalkSummary | None:
    if record is None:
        return None
    return TalkSummary(
        manager_share=record.manager_share,
        manager_words=record.manager_words,
        report_words=record.report_words,
        manager_questions=record.manager_questions,
        manager_open_questions=record.manager_open_questions,
    )


def _meeting(
    meeting: Meeting,
    agenda: list[AgendaLine],
    moved_to: dt.datetime | None,
    talk: TalkRecord | None,
) -> MeetingEntry:
    approved = meeting.recap if meeting.recap_approved_at is not None else None
    return MeetingEntry(
        id=meeting.id,
        when=meeting.scheduled_at,
        minutes=meeting.duration_minutes,
        status=meeting.status,
        moved_to=moved_to,
        agenda=agenda,
        recap=dict(approved) if approved else None,
        notes=meeting.raw_notes,
        private_notes=meeting.private_notes,
        talk=_talk(talk),
    )


def _action(item: ActionItem) -> ActionEntry:
    return ActionEntry(
        id=item.id,
        task=item.task,
        owner=item.owner_name,
        owner_role=item.owner_role,
        due=item.due_date,
        status=item.status,
        created=item.created_at.date(),
        closed=item.closed_at.date() if item.closed_at else None,
    )


def _feedback(entry: FeedbackEntry) -> FeedbackLine:
    return FeedbackLine(
        id=entry.id,
        given_on=entry.given_on,
        kind=entry.kind.value,
        wording=entry.wording,
        situation=entry.situation,
        behaviour=entry.behaviour,
        impact=entry.impact,
        response=entry.response,
    )


def _goal(goal: Goal) -> GoalLine:
    return GoalLine(goal.id, goal.title, goal.status.value, goal.target_date)


def build_timeline(
    repos: Repositories, report: Report, *, zone: ZoneInfo, today: dt.date | None = None
) -> Timeline:
    """Everything about one report in a fixed number of bounded queries."""
    meetings = repos.meetings.of_report(report.id, limit=TIMELINE_LIMIT)
    agenda = repos.history.agenda_by_meeting([m.id for m in meetings])
    times = {m.id: m.scheduled_at for m in meetings}
    talk = repos.talk.of_report(report.id)
    entries = [
        _meeting(
            m,
            [
                AgendaLine(a.title, a.minutes, a.detail, a.source.value == "report")
                for a in agenda.get(m.id, [])
            ],
            times.get(m.rescheduled_to_id) if m.rescheduled_to_id else None,
            talk.get(m.id),
        )
        for m in meetings
    ]
    return Timeline(
        person=_person(report),
        manager=report.manager.name,
        zone=zone,
        meetings=entries,
        action_items=[_action(a) for a in repos.history.action_items_of_report(report.id)],
        feedback=[_feedback(f) for f in repos.history.feedback_of_report(report.id)],
        goals=[_goal(g) for g in repos.goals.of_report(report.id)],
        generated=today or dt.date.today(),
    )
