"""The agenda job: gather bounded context for one report, draft with the built-in engine
(optionally with retrieval and an LLM refiner), save the manager's edit, export Markdown.

Every read is bounded (last few held meetings, 90 days of feedback, open items only), so the
cost of a draft does not grow with years of history.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import Protocol

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
from assistant.db.models import AgendaSource, Meeting, MeetingStatus, Report
from assistant.db.repositories import Repositories
from assistant.db.repositories.agenda_items import (
    AgendaItemRepository,
    AgendaItemRow,
    held_count,
    last_praise_on,
    meeting_on,
    open_actions_with_meetings,
)
from assistant.domain.agenda import AgendaDraft, AgendaItemDraft, AgendaQuestion
from assistant.errors import BadInputError, LLMError, NotFoundError
from assistant.knowledge.question_bank import load_question_bank

logger = logging.getLogger(__name__)

HISTORY_MEETINGS = 4  # held meetings whose notes feed the opener, wins and roadblocks
FEEDBACK_DAYS = 90
MIN_MINUTES, MAX_MINUTES = 5, 240
DEFAULT_HOUR = 9


class AgendaRefiner(Protocol):
    """Rewrites a built-in draft (e.g. with an LLM). May raise; the service then falls back."""

    def refine(self, draft: AgendaDraft, context: AgendaContext) -> AgendaDraft: ...


def _items(repos: Repositories) -> AgendaItemRepository:
    # Use the registered repository when Repositories has it; build one otherwise.
    found = getattr(repos, "agenda_items", None)
    if isinstance(found, AgendaItemRepository):
        return found
    return AgendaItemRepository(repos.session, repos.manager_id)


def resolve_report(repos: Repositories, report: Report | int | str) -> Report:
    """The report as seen by this manager: a name, an id, or a Report row (re-checked)."""
    if isinstance(report, str):
        return repos.reports.find(report)
    return repos.reports.get(report if isinstance(report, int) else report.id)


def _at(day: dt.date, hour: int = DEFAULT_HOUR) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0), tzinfo=dt.UTC)


def target_meeting(
    repos: Repositories, report: Report, meeting_date: dt.date | None, today: dt.date
) -> tuple[dt.date, Meeting | None]:
    """Which 1:1 the agenda is for: the given date, else the next scheduled one, else the next
    cadence slot after the last held one (never in the past)."""
    if meeting_date is not None:
        return meeting_date, meeting_on(repos.session, repos.manager_id, report.id, meeting_date)
    upcoming = repos.meetings.next_scheduled(report.id, _at(today))
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
) -> AgendaContext:
    """Everything the engine needs, in a fixed number of bounded queries. No private notes."""
    session, mid = repos.session, repos.manager_id
    start = _day_start(meeting_date)
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
        for row in open_actions_with_meetings(session, mid, report.id)
        if meeting is None or row.item.meeting_id != meeting.id
    ]
    feedback = repos.feedback.of_report(
        report.id, since=meeting_date - dt.timedelta(days=FEEDBACK_DAYS)
    )
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
        held_count=held_count(session, mid, report.id, start),
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
        report_topics=tuple(t for t in (meeting.report_topics if meeting else []) if t.strip()),
        goals=tuple(
            GoalInfo(g.id, g.title, g.target_date)
            for g in repos.goals.of_report(report.id, active_only=True)
        ),
        topic_last={t.value: d for t, d in repos.topics.last_mentioned(report.id).items()},
        feedback_90d=tuple(FeedbackInfo(f.kind.value, f.given_on, f.situation) for f in feedback),
        last_praise=last_praise_on(session, mid, report.id),
        recent_question_ids=frozenset(
            _items(repos).recent_question_ids(
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
) -> AgendaDraft:
    """An editable draft for the next 1:1 with `report` (or the one on `meeting_date`)."""
    person = resolve_report(repos, report)
    day, meeting = target_meeting(repos, person, meeting_date, today or dt.date.today())
    length = check_minutes(
        minutes or (meeting.duration_minutes if meeting else 0) or person.meeting_minutes
    )
    ctx = gather_context(repos, person, meeting_date=day, meeting=meeting, minutes=length)
    notices: list[str] = []
    if retriever is not None:
        ctx = _with_retrieval(ctx, retriever, notices)
    draft = build_agenda(ctx, load_question_bank())
    draft = draft.model_copy(update={"notices": [*notices, *draft.notices]})
    if refiner is None:
        return draft
    try:
        refined = refiner.refine(draft, ctx)
    except LLMError as exc:  # already worded for the manager by the refiner
        logger.warning("Agenda refinement failed, using the built-in draft: %s", exc)
        notice = str(exc)
    except Exception as exc:  # any other refiner fault: the built-in draft still stands
        logger.exception("Agenda refiner crashed; using the built-in draft")
        notice = f"Refinement failed ({exc}); showing the built-in draft."
    else:
        return keep_required(draft, refined)
    return draft.model_copy(update={"notices": [*draft.notices, notice]})


# -- saving, loading, exporting -----------------------------------------------------------------


def _row(item: AgendaItemDraft) -> AgendaItemRow:
    return AgendaItemRow(
        title=item.title,
        minutes=item.minutes,
        detail=item.detail,
        source=AgendaSource(item.source),
        section=item.section,
        reason=item.reason,
        source_ref=item.source_ref,
        action_item_ids=list(item.action_item_ids),
        question_ids=[q.id for q in item.questions],
    )


def _meeting_for_save(
    repos: Repositories, target: int | Report | str, draft: AgendaDraft
) -> Meeting:
    if isinstance(target, int):
        return repos.meetings.get(target)
    report = resolve_report(repos, target)
    if draft.meeting_id is not None:
        meeting = repos.meetings.get(draft.meeting_id)
        if meeting.report_id == report.id:
            return meeting
    found = meeting_on(repos.session, repos.manager_id, report.id, draft.meeting_date)
    if found is not None:
        return found
    last = repos.meetings.last_held(report.id)
    hour = last.scheduled_at.hour if last else DEFAULT_HOUR
    return repos.meetings.schedule(
        report.id, _at(draft.meeting_date, hour), duration_minutes=draft.minutes_total or None
    )


def save_agenda(repos: Repositories, target: int | Report | str, draft: AgendaDraft) -> int:
    """Store the manager's edited agenda on its meeting (replacing any earlier one), scheduling
    the meeting if it does not exist yet. Returns the meeting id."""
    if not draft.items:
        raise BadInputError("An agenda needs at least one item")
    meeting = _meeting_for_save(repos, target, draft)
    _items(repos).replace(meeting.id, [_row(item) for item in draft.items])
    total = sum(item.minutes for item in draft.items)
    if total:
        meeting.duration_minutes = total
    repos.session.flush()
    return meeting.id


def load_agenda(repos: Repositories, meeting_id: int) -> AgendaDraft | None:
    """The saved agenda of a meeting as an editable draft, or None if none was saved."""
    meeting = repos.meetings.get(meeting_id)
    rows = _items(repos).for_meeting(meeting_id)
    if not rows:
        return None
    bank = load_question_bank()
    items = []
    for row in rows:
        ids = [int(x) for x in row.action_item_ids or []]
        questions = []
        for qid in row.question_ids or []:
            q = bank.question(qid)
            questions.append(AgendaQuestion(id=qid, text=q.text if q else qid))
        items.append(
            AgendaItemDraft(
                title=row.title,
                detail=row.detail,
                section=row.section,
                source=row.source.value,
                reason=row.reason,
                source_ref=row.source_ref,
                minutes=row.minutes,
                questions=questions,
                action_item_id=ids[0] if len(ids) == 1 else None,
                action_item_ids=ids,
            )
        )
    return AgendaDraft(
        report_name=meeting.report.name,
        meeting_date=meeting.scheduled_at.date(),
        minutes_total=sum(i.minutes for i in items),
        items=items,
        engine="saved",
        first_meeting=False,
        meeting_id=meeting.id,
    )


def agenda_markdown(repos: Repositories, meeting_id: int, *, include_reasons: bool = False) -> str:
    """The saved agenda of a meeting as Markdown to share with the report beforehand."""
    draft = load_agenda(repos, meeting_id)
    if draft is None:
        raise NotFoundError(f"No saved agenda for meeting {meeting_id}; draft and save one first")
    return draft.to_markdown(include_reasons=include_reasons)
