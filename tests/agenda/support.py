"""Shared set-up for agenda tests: a small team with history, and a scripted retriever."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.db.models import ActionStatus, FeedbackKind, MeetingStatus, OwnerRole, Topic
from assistant.db.repositories import ManagerRepository, Repositories
from assistant.services import Services

TODAY = dt.date(2026, 11, 23)
SECRET = "PRIVATE-thinks about leaving"


def _at(days_from_today: int) -> dt.datetime:
    return dt.datetime.combine(TODAY + dt.timedelta(days=days_from_today), dt.time(10), dt.UTC)


@dataclass
class Team:
    manager_id: int
    report_id: int
    target_id: int
    open_ids: dict[str, int]
    closed_ids: list[int]


def make_team(svc: Services, *, with_target: bool = True) -> Team:
    """Sam: weekly 30-min 1:1s; held, canceled, held; items open from each, some closed."""
    with svc.session() as session:
        mid = ManagerRepository(session).create("Avery Stone").id
        repos = Repositories(session, mid)
        sam = repos.reports.add("Sam Lee", role="Backend Engineer", private_notes=SECRET)
        m1 = repos.meetings.schedule(sam.id, _at(-21))
        repos.meetings.mark_held(
            repos.meetings.save_raw_notes(m1.id, "Roadmap talk. We shipped the export.").id
        )
        m2 = repos.meetings.schedule(sam.id, _at(-14))
        repos.meetings.set_status(m2.id, MeetingStatus.CANCELED)
        m3 = repos.meetings.schedule(sam.id, _at(-7))
        repos.meetings.mark_held(
            repos.meetings.save_raw_notes(m3.id, "Back from a camping weekend with the kids.").id
        )
        m3.private_notes = SECRET
        add = repos.action_items.add
        open_ids = {
            "old": add(
                report_id=sam.id,
                task="Write the design note",
                owner_role=OwnerRole.REPORT,
                owner_name="Sam Lee",
                meeting_id=m1.id,
            ).id,
            "canceled": add(
                report_id=sam.id,
                task="Book the training course",
                owner_role=OwnerRole.MANAGER,
                owner_name="Avery Stone",
                meeting_id=m2.id,
            ).id,
            "last": add(
                report_id=sam.id,
                task="Fix the flaky test",
                owner_role=OwnerRole.REPORT,
                owner_name="Sam Lee",
                meeting_id=m3.id,
                due_date=TODAY,
            ).id,
        }
        done = add(
            report_id=sam.id,
            task="Rotate the API keys",
            owner_role=OwnerRole.REPORT,
            owner_name="Sam Lee",
            meeting_id=m1.id,
        )
        dropped = add(
            report_id=sam.id,
            task="Migrate the wiki",
            owner_role=OwnerRole.MANAGER,
            owner_name="Avery Stone",
            meeting_id=m3.id,
        )
        repos.action_items.close(done.id, ActionStatus.DONE, in_meeting_id=m3.id)
        repos.action_items.close(dropped.id, ActionStatus.DROPPED)
        repos.topics.record(m1.id, [Topic.CAREER, Topic.WORK])
        repos.topics.record(m3.id, [Topic.WORK, Topic.WELLBEING])
        repos.feedback.add(
            report_id=sam.id,
            kind=FeedbackKind.CONSTRUCTIVE,
            given_on=TODAY - dt.timedelta(days=7),
            situation="Late review",
        )
        repos.goals.add(
            report_id=sam.id,
            title="Ship the sync rewrite",
            target_date=TODAY + dt.timedelta(days=20),
        )
        target_id = 0
        if with_target:
            target_id = repos.meetings.schedule(
                sam.id, _at(2), report_topics=["Promo timeline", "Conference budget"]
            ).id
        return Team(mid, sam.id, target_id, open_ids, [done.id, dropped.id])


@dataclass(frozen=True)
class _Hit:
    text: str
    citation: str
    source: str
    meeting_date: dt.date | None = None


class ScriptedRetriever:
    """A stand-in index with the Retriever's search signature; records every query."""

    def __init__(self) -> None:
        self.queries: list[tuple[str, str | None, int | None]] = []

    def search(
        self,
        query: str,
        *,
        kind: str | None = None,
        report_id: int | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        limit: int = 5,
    ) -> Sequence[_Hit]:
        self.queries.append((query, kind, report_id))
        if kind == "note":
            day = TODAY - dt.timedelta(days=21)
            return [_Hit("Sam › notes\nPromo talk.", f"Sam Lee, 1:1 on {day}", "meeting:1", day)]
        return [
            _Hit(
                "Praise › Be specific\nSpecific praise lands.",
                "praise-and-recognition.md › Be specific",
                "praise-and-recognition.md",
            )
        ]
