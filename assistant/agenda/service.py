"""The agenda job's flow: gather bounded context for one report, draft with the built-in
engine (with retrieved guidance when search is available), refine with the model if one is
configured. Saving, loading and exporting the manager's edit are in `storage.py`.

Every read is bounded (last few held meetings, 90 days of feedback, open items only), so the
cost of a draft does not grow with years of history.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from datetime import tzinfo
from typing import TYPE_CHECKING

from assistant.agenda.builtin import (
    AgendaContext,
    FeedbackInfo,
    GoalInfo,
    OpenAction,
    PastMeeting,
    ReportProfile,
    build_agenda,
)
from assistant.agenda.builtin.guard import keep_required
from assistant.agenda.builtin.retrieval import (
    SECTION_QUERIES,
    AgendaRetriever,
    guidance_for_sections,
    notes_for_topics,
)
from assistant.db.models import FeedbackKind, Meeting, MeetingStatus, Report
from assistant.db.repositories import Repositories
from assistant.domain.agenda import AgendaDraft
from assistant.domain.days import at_hour, start_of_day
from assistant.errors import BadInputError
from assistant.knowledge.question_bank import load_question_bank
from assistant.llm.refine import Refiner, refine_or_fallback, with_notices

if TYPE_CHECKING:
    from assistant.services import Services

logger = logging.getLogger(__name__)

HISTORY_MEETINGS = 4  # held meetings whose notes feed the opener, wins and roadblocks
FEEDBACK_DAYS = 90
MIN_MINUTES, MAX_MINUTES = 5, 240
DEFAULT_HOUR = 9


AgendaRefiner = Refiner[AgendaDraft, AgendaContext]


def resolve_report(repos: Repositories, report: Report | int | str) -> Report:
    """The report as seen by this manager: a name, an id, or a Report row (re-checked)."""
    if isinstance(report, str):
        return repos.reports.find(report)
    return repos.reports.get(report if isinstance(report, int) else report.id)


def target_meeting(
    repos: Repositories, report: Report, meeting_date: dt.date | None, today: dt.date
) -> tuple[dt.date, Meeting | None]:
    """Which 1:1 the agenda is for: the given date, else the next scheduled one, else the next
    cadence slot after the last held one (never in the past)."""
    if meeting_date is not None:
        return meeting_date, repos.meetings.on_day(report.id, meeting_date)
    upcoming = repos.meetings.next_scheduled(report.id, at_hour(today, DEFAULT_HOUR))
    if upcoming is not None:
        return upcoming.scheduled_at.date(), upcoming
    last = repos.meetings.last_held(report.id)
    if last is None:
        return today, None
    return max(today, last.scheduled_at.date() + dt.timedelta(days=report.cadence_days)), None


def gather_context(
    repos: Repositories,
    report: Report,
    *,
    meeting_date: dt.date,
    meeting: Meeting | None,
    minutes: int,
    zone: tzinfo | None = None,
) -> AgendaContext:
    """Everything the engine needs, in a fixed number of bounded queries. No private notes.

    The report's topics come from `meeting_topics` (added by them, signed in, or typed by the
    manager before sign-in existed), in their order, with who added them and when."""
    start = start_of_day(meeting_date)
    held = repos.meetings.of_report(
        report.id, until=start, statuses=[MeetingStatus.HELD], limit=HISTORY_MEETINGS
    )
    missed_since = held[0].scheduled_at if held else start - dt.timedelta(days=90)
    missed = repos.meetings.of_report(
        report.id,
        since=missed_since,
        until=start,
        statuses=[MeetingStatus.CANCELED, MeetingStatus.SKIPPED, MeetingStatus.RESCHEDULED],
        limit=10,
    )
    actions = [
        row
        for row in repos.action_items.open_with_meetings(report.id)
        if meeting is None or row.item.meeting_id != meeting.id
    ]
    feedback = repos.feedback.of_report(
        report.id, since=meeting_date - dt.timedelta(days=FEEDBACK_DAYS)
    )
    topics = repos.meeting_topics.for_meeting(meeting.id) if meeting else []
    return AgendaContext(
        report=ReportProfile(
            id=report.id,
            name=report.name,
            role=report.role,
            start_date=report.start_date,
            cadence_days=report.cadence_days,
            meeting_minutes=report.meeting_minutes,
            meeting_format=report.meeting_format.value,
            feedback_style=report.feedback_style.value,
            topics_favour=tuple(report.topics_favour or ()),
            topics_avoid=tuple(report.topics_avoid or ()),
        ),
        meeting_date=meeting_date,
        minutes=minutes,
        meeting_id=meeting.id if meeting else None,
        manager_name=report.manager.name,
        held_count=repos.meetings.count_held(report.id, before=start),
        recent_held=tuple(_past(m) for m in held),
        missed_since_last=tuple(_past(m, notes=False) for m in missed),
        open_actions=tuple(
            OpenAction(
                id=row.item.id,
                task=row.item.task,
                owner_role=row.item.owner_role.value,
                owner_name=row.item.owner_name,
                due_date=row.item.due_date,
                meeting_id=row.item.meeting_id,
                meeting_date=row.meeting_date,
                meeting_status=row.meeting_status.value if row.meeting_status else None,
                created_on=row.item.created_at.date() if row.item.created_at else None,
            )
            for row in actions
        ),
        report_topics=tuple(t.text for t in topics),
        topic_added={
            t.text: f"{t.author_name}, {t.created_at.astimezone(zone):%a %d %b %H:%M}"
            for t in topics
            if t.author_email
        },
        goals=tuple(
            GoalInfo(g.id, g.title, g.target_date)
            for g in repos.goals.of_report(report.id, active_only=True)
        ),
        topic_last={t.value: d for t, d in repos.topics.last_mentioned(report.id).items()},
        feedback_90d=tuple(FeedbackInfo(f.kind.value, f.given_on, f.situation) for f in feedback),
        last_praise=repos.feedback.last_given(report.id, FeedbackKind.PRAISE),
        recent_question_ids=frozenset(
            repos.agenda_items.recent_question_ids(
                report.id, before=start, exclude_meeting_id=meeting.id if meeting else None
            )
        ),
    )


def _past(meeting: Meeting, *, notes: bool = True) -> PastMeeting:
    # raw_notes only: private notes never leave the database through the agenda.
    return PastMeeting(
        id=meeting.id,
        date=meeting.scheduled_at.date(),
        status=meeting.status.value,
        notes=meeting.raw_notes if notes else "",
    )


def _with_retrieval(
    ctx: AgendaContext, retriever: AgendaRetriever, notices: list[str]
) -> AgendaContext:
    sections = ["getting_to_know", "closing"] if ctx.first_meeting else list(SECTION_QUERIES)
    guidance = guidance_for_sections(retriever, sections, notices)
    topics = notes_for_topics(
        retriever,
        ctx.report_topics,
        report_id=ctx.report.id,
        before=ctx.meeting_date,
        notices=notices,
    )
    return dataclasses.replace(ctx, guidance=guidance, topic_notes=topics)


def check_minutes(minutes: int) -> int:
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise BadInputError(
            f"Meeting length must be between {MIN_MINUTES} and {MAX_MINUTES} minutes, not {minutes}"
        )
    return minutes


def draft_agenda(
    repos: Repositories,
    report: Report | int | str,
    *,
    meeting_date: dt.date | None = None,
    minutes: int | None = None,
    retriever: AgendaRetriever | None = None,
    refiner: AgendaRefiner | None = None,
    today: dt.date | None = None,
    zone: tzinfo | None = None,
) -> AgendaDraft:
    """An editable draft for the next 1:1 with `report` (or the one on `meeting_date`)."""
    person = resolve_report(repos, report)
    day, meeting = target_meeting(repos, person, meeting_date, today or dt.date.today())
    length = check_minutes(
        minutes or (meeting.duration_minutes if meeting else 0) or person.meeting_minutes
    )
    ctx = gather_context(
        repos, person, meeting_date=day, meeting=meeting, minutes=length, zone=zone
    )
    notices: list[str] = []
    if retriever is not None:
        ctx = _with_retrieval(ctx, retriever, notices)
    draft = build_agenda(ctx, load_question_bank())
    draft = draft.model_copy(update={"notices": [*notices, *draft.notices]})
    # Whatever the model returns, open action items and the report's topics stay.
    return keep_required(draft, refine_or_fallback(refiner, draft, ctx))


SEARCH_NOT_READY = (
    "Drafted without guidance passages: the search index is being built for the first time "
    "(about a minute). Draft again then to include them."
)


def search_unavailable(problem: str) -> str:
    first = problem.strip().splitlines()[0] if problem.strip() else "unknown error"
    return f"Drafted without guidance passages: search is unavailable ({first[:160]})."


class AgendaService:
    """The agenda job for the CLI and the Prepare page (same calls, same arguments)."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def draft(
        self,
        manager_id: int,
        report: int | str,
        *,
        meeting_date: dt.date | None = None,
        minutes: int | None = None,
        today: dt.date | None = None,
        search: bool = True,
    ) -> AgendaDraft:
        """A tailored draft for the next 1:1 with `report` (or the one on `meeting_date`).

        `search`: cite retrieved guidance and past notes when the index is available.
        """
        retriever = self.services.retriever(manager_id) if search else None
        with self.services.repos(manager_id) as repos:
            draft = draft_agenda(
                repos,
                report,
                meeting_date=meeting_date,
                minutes=minutes,
                today=today,
                retriever=retriever,
                refiner=self.services.refiners.agenda,
                zone=self.services.settings.zone,
            )
        if search and retriever is None:
            problem = self.services.index_problem
            draft = with_notices(
                draft, SEARCH_NOT_READY if problem is None else search_unavailable(problem)
            )
        return draft

    def save(
        self,
        manager_id: int,
        report: int | str,
        draft: AgendaDraft,
        *,
        meeting_minutes: int | None = None,
    ) -> int:
        """Store the edited agenda on its meeting (scheduled if needed); returns the meeting id.

        The meeting keeps its length unless `meeting_minutes` is given.
        """
        from assistant.access.sharing import SHARED_AGENDA_CHANGED, manager_actor
        from assistant.agenda.storage import save_agenda

        with self.services.repos(manager_id) as repos:
            meeting_id = save_agenda(
                repos, repos.reports.resolve(report), draft, meeting_minutes=meeting_minutes
            )
            meeting = repos.meetings.get(meeting_id)
            if meeting.agenda_shared_at is not None:  # the report sees the new version
                repos.audit.record(
                    manager_actor(repos),
                    SHARED_AGENDA_CHANGED,
                    target=f"1:1 of {draft.meeting_date.isoformat()} (id {meeting_id})",
                    detail=f"{len(draft.items)} items",
                    report_id=meeting.report_id,
                )
            return meeting_id

    def load(self, manager_id: int, meeting_id: int) -> AgendaDraft | None:
        """The saved agenda of a meeting, or None if none was saved."""
        from assistant.agenda.storage import load_agenda

        with self.services.repos(manager_id) as repos:
            return load_agenda(repos, meeting_id)
