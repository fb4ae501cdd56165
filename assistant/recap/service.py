"""Recap job: raw notes in, a checked recap out; notes are stored before anything processes them.

Flow: `prepare_notes` (decode, validate) -> `store_raw_notes` (commit verbatim) -> `draft_recap`
(built-in engine, then the LLM if configured, verified against the notes, falling back with a
notice) -> the manager edits -> `save_recap` (approved recap + action items) -> `recap_markdown`.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete

from assistant.db.models import ActionItem, Meeting, MeetingStatus, OwnerRole, Report, utcnow
from assistant.db.repositories import Repositories
from assistant.domain.recap import RecapDraft
from assistant.errors import BadInputError, InputTooLargeError, LLMError
from assistant.llm import LLMClient, fallback_notice
from assistant.llm.prompts import PromptLibrary, default_library
from assistant.recap.builtin import extract_recap
from assistant.recap.verify import LLMRecap, RecapPromptInputs, owner_role, verify_llm_recap
from assistant.team.topics import infer_topics

logger = logging.getLogger(__name__)

DEFAULT_MAX_NOTE_BYTES = 200_000


@dataclass(frozen=True)
class PreparedNotes:
    text: str
    warnings: list[str] = field(default_factory=list)


def prepare_notes(raw: str | bytes, *, max_bytes: int = DEFAULT_MAX_NOTE_BYTES) -> PreparedNotes:
    """Decode and validate pasted or uploaded notes; raise a clear error for empty/oversized."""
    warnings: list[str] = []
    if isinstance(raw, bytes):
        size = len(raw)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("utf-8", errors="replace")
            warnings.append(
                "The notes were not valid UTF-8; unreadable characters were replaced with \ufffd."
            )
    else:
        text = raw
        size = len(raw.encode("utf-8", errors="replace"))
    if size > max_bytes:
        raise InputTooLargeError(
            f"The notes are {size // 1000} KB; the limit is {max_bytes // 1000} KB. "
            "Split them into one paste per meeting. Nothing was saved."
        )
    if not text.strip():
        raise BadInputError("The notes are empty: paste what you wrote during the 1:1.")
    return PreparedNotes(text, warnings)


def draft_recap(
    notes: str,
    *,
    meeting_date: dt.date,
    manager: str,
    report: str,
    people: Sequence[str] = (),
    llm: LLMClient | None = None,
    prompts: PromptLibrary | None = None,
) -> RecapDraft:
    """Built-in draft first; an LLM, if given, refines it in one call (checked, with fallback)."""
    builtin = extract_recap(
        notes, meeting_date=meeting_date, manager=manager, report=report, known_people=people
    )
    if llm is None:
        return builtin
    library = prompts or default_library()
    others = [p for p in people if p not in (manager, report)]
    inputs = RecapPromptInputs(
        notes=notes,
        meeting_date=meeting_date.isoformat(),
        manager=manager,
        report=report,
        people=others,
        builtin_draft=json.dumps(builtin.to_public_dict(), ensure_ascii=False, indent=1),
    )
    messages = library.render_model("recap", inputs)
    try:
        answer = llm.structured(messages, LLMRecap, people=[manager, report, *others])
    except LLMError as exc:
        logger.warning("recap falls back to the built-in engine: %s", type(exc).__name__)
        notice = fallback_notice(exc, "recap")
        return builtin.model_copy(update={"notices": [*builtin.notices, notice]})
    return verify_llm_recap(
        answer.value,
        notes=notes,
        builtin=builtin,
        manager=manager,
        report=report,
        people=people,
        meeting_date=meeting_date,
        engine=answer.engine,
    )


def store_raw_notes(
    repos: Repositories,
    report: Report,
    meeting_date: dt.date,
    notes: str,
    *,
    meeting_id: int | None = None,
) -> Meeting:
    """Save the notes verbatim on that day's 1:1 (created if needed) before any processing."""
    if meeting_id is not None:
        meeting = repos.meetings.get(meeting_id)
        if meeting.report_id != report.id:
            raise BadInputError("That meeting belongs to someone else")
    else:
        meeting = _meeting_on(repos, report, meeting_date)
        if meeting.raw_notes.strip() and meeting.raw_notes.strip() not in notes:
            # A second paste for the same day is added below the first: nothing is lost.
            notes = f"{meeting.raw_notes.rstrip()}\n\n---\n\n{notes}"
    saved = repos.meetings.save_raw_notes(meeting.id, notes)
    repos.session.commit()  # durable now, whatever happens to the processing that follows
    return saved


def _meeting_on(repos: Repositories, report: Report, day: dt.date) -> Meeting:
    start = dt.datetime.combine(day, dt.time(0), tzinfo=dt.UTC)
    same_day = repos.meetings.of_report(
        report.id,
        since=start,
        until=start + dt.timedelta(days=1),
        statuses=[MeetingStatus.SCHEDULED, MeetingStatus.HELD],
    )
    if same_day:
        return same_day[0]
    return repos.meetings.schedule(report.id, start.replace(hour=12))


def save_recap(
    repos: Repositories,
    meeting: Meeting,
    draft: RecapDraft,
    *,
    keep_personal: bool = False,
) -> list[ActionItem]:
    """Store the manager-approved recap and its action items (replacing an earlier save)."""
    report = repos.reports.get(meeting.report_id)
    manager_name = report.manager.name
    approved = draft if keep_personal else draft.model_copy(update={"personal": []})
    meeting.recap = approved.to_public_dict()
    meeting.recap_approved_at = utcnow()
    if meeting.status is MeetingStatus.SCHEDULED:
        meeting.status = MeetingStatus.HELD
    # Re-saving replaces what this meeting produced before, so edits never duplicate items.
    repos.session.execute(
        delete(ActionItem).where(
            ActionItem.manager_id == repos.manager_id, ActionItem.meeting_id == meeting.id
        )
    )
    items = [
        repos.action_items.add(
            report_id=report.id,
            meeting_id=meeting.id,
            task=item.task,
            owner_role=OwnerRole(owner_role(item.owner, manager_name, report.name)),
            owner_name=item.owner,
            due_date=item.due,
            evidence=item.evidence,
        )
        for item in draft.action_items
    ]
    repos.topics.record(meeting.id, infer_topics(meeting.raw_notes, draft))
    return items


def recap_markdown(
    draft: RecapDraft,
    *,
    report: str,
    meeting_date: dt.date,
    include_personal: bool = False,
) -> str:
    """A shareable recap for the report: no private notes; personal details only if kept."""
    lines = [f"# 1:1 recap: {report}, {meeting_date:%A %d %B %Y}", ""]
    if draft.summary:
        lines += [draft.summary, ""]
    sections: list[tuple[str, list[str]]] = [
        ("Decisions", draft.decisions),
        ("Wins and recognition", draft.praise),
        ("Concerns we discussed", draft.concerns),
    ]
    if include_personal:
        sections.append(("Personal updates", draft.personal))
    for title, entries in sections:
        if entries:
            lines += [f"## {title}", *[f"- {e}" for e in entries], ""]
    lines.append("## Action items")
    if draft.action_items:
        for item in draft.action_items:
            due = f", due {item.due:%a %d %b}" if item.due else ""
            lines.append(f"- [ ] {item.task} ({item.owner}{due})")
    else:
        lines.append("- None this time.")
    lines.append("")
    if draft.follow_ups:
        lines += ["## Next time", *[f"- {e}" for e in draft.follow_ups], ""]
    return "\n".join(lines).rstrip() + "\n"
