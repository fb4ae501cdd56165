"""Saving, loading and exporting the manager's edited agenda of a meeting."""

from __future__ import annotations

from assistant.agenda.service import DEFAULT_HOUR, resolve_report
from assistant.db.models import AgendaSource, Meeting, Report
from assistant.db.repositories import Repositories
from assistant.db.repositories.agenda_items import AgendaItemRow
from assistant.domain.agenda import AgendaDraft, AgendaItemDraft, AgendaQuestion
from assistant.domain.days import at_hour
from assistant.errors import BadInputError, NotFoundError
from assistant.knowledge.question_bank import load_question_bank


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
    repos: Repositories, target: int | Report | str, draft: AgendaDraft, length: int | None
) -> Meeting:
    if isinstance(target, int):
        return repos.meetings.get(target)
    report = resolve_report(repos, target)
    if draft.meeting_id is not None:
        meeting = repos.meetings.get(draft.meeting_id)
        if meeting.report_id == report.id:
            return meeting
    found = repos.meetings.on_day(report.id, draft.meeting_date)
    if found is not None:
        return found
    last = repos.meetings.last_held(report.id)
    hour = last.scheduled_at.hour if last else DEFAULT_HOUR
    return repos.meetings.schedule(
        report.id,
        at_hour(draft.meeting_date, hour),
        duration_minutes=length or draft.minutes_total or None,
    )


def save_agenda(
    repos: Repositories,
    target: int | Report | str,
    draft: AgendaDraft,
    *,
    meeting_minutes: int | None = None,
) -> int:
    """Store the manager's edited agenda on its meeting (replacing any earlier one), scheduling
    the meeting if it does not exist yet. Returns the meeting id.

    The meeting's length changes only when `meeting_minutes` is given (the manager asked);
    an agenda that runs over or under is saved as it is.
    """
    if not draft.items:
        raise BadInputError("An agenda needs at least one item")
    if meeting_minutes is not None and not 5 <= meeting_minutes <= 240:
        raise BadInputError(
            f"Meeting length must be between 5 and 240 minutes, not {meeting_minutes}"
        )
    meeting = _meeting_for_save(repos, target, draft, meeting_minutes)
    repos.agenda_items.replace(meeting.id, [_row(item) for item in draft.items])
    if meeting_minutes is not None:
        meeting.duration_minutes = meeting_minutes
    repos.session.flush()
    return meeting.id


def load_agenda(repos: Repositories, meeting_id: int) -> AgendaDraft | None:
    """The saved agenda of a meeting as an editable draft, or None if none was saved."""
    meeting = repos.meetings.get(meeting_id)
    rows = repos.agenda_items.for_meeting(meeting_id)
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
        minutes_total=meeting.duration_minutes or sum(i.minutes for i in items),
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
