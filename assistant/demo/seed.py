"""Turn the packaged demo team into database rows (idempotent), and remove it in one step.

The demo team belongs to its own manager row marked `is_demo`, so every scoped query keeps it
apart from the user's real team, and deleting that one row cascades to everything it owns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from assistant.db.models import (
    ActionItem,
    ActionStatus,
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
from assistant.db.repositories import ManagerRepository, Repositories
from assistant.demo import schema
from assistant.demo.loader import load_demo_team


@dataclass(frozen=True)
class SeedResult:
    manager_id: int
    created: bool
    reports: int
    meetings: int
    action_items: int


def seed_demo(session: Session, *, today: dt.date | None = None) -> SeedResult:
    """Create the demo team unless it already exists. Dates are relative to `today`."""
    managers = ManagerRepository(session)
    existing = managers.demo()
    if existing is not None:
        return _summary(session, existing.id, created=False)

    team = load_demo_team()
    today = today or dt.date.today()
    manager = managers.create(team.manager.name, email=team.manager.email, is_demo=True)
    for index, spec in enumerate(team.reports):
        _seed_report(session, manager.id, spec, today, hour=9 + index % 7)
    session.flush()
    return _summary(session, manager.id, created=True)


def remove_demo(session: Session) -> bool:
    """Delete the demo manager and everything it owns. Returns False if there was none."""
    managers = ManagerRepository(session)
    demo = managers.demo()
    if demo is None:
        return False
    managers.delete(demo.id)
    session.flush()
    return True


def demo_meeting_ids(session: Session) -> dict[str, int]:
    """Map the YAML meeting keys to database ids (same order per report: oldest first)."""
    managers = ManagerRepository(session)
    demo = managers.demo()
    if demo is None:
        return {}
    team = load_demo_team()
    mapping: dict[str, int] = {}
    repos = Repositories(session, demo.id)
    for spec in team.reports:
        report = repos.reports.by_exact_name(spec.name)
        if report is None:
            continue
        rows = repos.meetings.of_report(report.id, newest_first=False)
        ordered = sorted(spec.meetings, key=lambda m: -m.days_ago)
        mapping.update({m.key: row.id for m, row in zip(ordered, rows, strict=False)})
    return mapping


def _seed_report(
    session: Session, manager_id: int, spec: schema.Report, today: dt.date, *, hour: int
) -> None:
    report = Report(
        manager_id=manager_id,
        name=spec.name,
        role=spec.role,
        start_date=today - dt.timedelta(days=spec.start_days_ago),
        cadence_days=spec.cadence_days,
        meeting_minutes=spec.meeting_minutes,
        meeting_format=MeetingFormat(spec.meeting_format),
        feedback_style=FeedbackStyle(spec.feedback_style),
        topics_favour=list(spec.topics_favour),
        topics_avoid=list(spec.topics_avoid),
        private_notes=spec.private_notes or "",
        created_at=_at(today - dt.timedelta(days=spec.start_days_ago), hour),
    )
    session.add(report)
    session.flush()

    for goal in spec.goals:
        target = goal.target_days_from_now
        session.add(
            Goal(
                manager_id=manager_id,
                report_id=report.id,
                title=goal.title,
                status=GoalStatus(goal.status),
                target_date=today + dt.timedelta(days=target) if target is not None else None,
            )
        )

    by_key: dict[str, Meeting] = {}
    for spec_meeting in sorted(spec.meetings, key=lambda m: -m.days_ago):
        day = today - dt.timedelta(days=spec_meeting.days_ago)
        meeting = Meeting(
            manager_id=manager_id,
            report_id=report.id,
            scheduled_at=_at(day, hour),
            duration_minutes=spec_meeting.minutes,
            status=MeetingStatus(spec_meeting.status),
            raw_notes=spec_meeting.raw_notes or "",
            private_notes=spec_meeting.private_notes or "",
            report_topics=list(spec_meeting.report_topics),
            notes_updated_at=_at(day, hour + 1) if spec_meeting.raw_notes else None,
            created_at=_at(day - dt.timedelta(days=7), hour),
        )
        session.add(meeting)
        by_key[spec_meeting.key] = meeting
    session.flush()

    for spec_meeting in spec.meetings:
        meeting = by_key[spec_meeting.key]
        if spec_meeting.rescheduled_to:
            meeting.rescheduled_to_id = by_key[spec_meeting.rescheduled_to].id
        for topic in dict.fromkeys(spec_meeting.topics):
            session.add(
                TopicMention(
                    manager_id=manager_id,
                    report_id=report.id,
                    meeting_id=meeting.id,
                    topic=Topic(topic),
                    mentioned_on=meeting.scheduled_at.date(),
                )
            )
        for item in spec_meeting.action_items:
            _add_action_item(session, manager_id, report, meeting, item, by_key)
        for fb in spec_meeting.feedback:
            session.add(
                FeedbackEntry(
                    manager_id=manager_id,
                    report_id=report.id,
                    meeting_id=meeting.id,
                    given_on=meeting.scheduled_at.date(),
                    kind=FeedbackKind(fb.kind),
                    situation=fb.situation,
                    behaviour=fb.behaviour,
                    impact=fb.impact,
                    wording=fb.wording,
                    response=fb.response,
                    created_at=meeting.scheduled_at,
                )
            )


def _add_action_item(
    session: Session,
    manager_id: int,
    report: Report,
    meeting: Meeting,
    item: schema.ActionItem,
    by_key: dict[str, Meeting],
) -> None:
    manager = session.get(Manager, manager_id)
    assert manager is not None
    if item.owner == schema.OWNER_MANAGER:
        role, owner = OwnerRole.MANAGER, manager.name
    elif item.owner == schema.OWNER_REPORT:
        role, owner = OwnerRole.REPORT, report.name
    else:
        role, owner = OwnerRole.OTHER, item.owner
    closed_in = by_key.get(item.closed_in) if item.closed_in else None
    session.add(
        ActionItem(
            manager_id=manager_id,
            report_id=report.id,
            meeting_id=meeting.id,
            task=item.task,
            owner_role=role,
            owner_name=owner,
            due_date=(
                meeting.scheduled_at.date() + dt.timedelta(days=item.due_in_days)
                if item.due_in_days is not None
                else None
            ),
            status=ActionStatus(item.status),
            closed_at=closed_in.scheduled_at if closed_in else None,
            closed_in_meeting_id=closed_in.id if closed_in else None,
            evidence=item.evidence,
            created_at=meeting.scheduled_at,
        )
    )


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour % 24, 0), tzinfo=dt.UTC)


def _summary(session: Session, manager_id: int, *, created: bool) -> SeedResult:
    counts = ManagerRepository(session).row_counts(manager_id)
    return SeedResult(manager_id=manager_id, created=created, **counts)
