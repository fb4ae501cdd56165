"""The recap job's flow: raw notes in, a checked recap out; notes are stored before anything
processes them.

`notes.prepare_notes` (decode, validate) -> `store_raw_notes` (commit verbatim) -> `draft_recap`
(built-in engine, then the model if configured, verified against the notes, falling back with a
notice) -> the manager edits -> `save_recap` (approved recap + action items) ->
`markdown.recap_markdown`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.db.models import ActionItem, Meeting, MeetingStatus, OwnerRole, Report, utcnow
from assistant.db.repositories import Repositories
from assistant.domain.days import at_hour
from assistant.domain.recap import RecapDraft
from assistant.errors import BadInputError
from assistant.llm.refine import Refiner, refine_or_fallback
from assistant.recap.builtin import extract_recap
from assistant.recap.llm import RecapContext
from assistant.recap.notes import prepare_notes
from assistant.recap.verify import owner_role
from assistant.team.topics import infer_topics

if TYPE_CHECKING:
    from assistant.services import Services

logger = logging.getLogger(__name__)

RecapRefiner = Refiner[RecapDraft, RecapContext]
NEW_MEETING_HOUR = 12  # notes pasted for a day with no 1:1 on record


def draft_recap(
    notes: str,
    *,
    meeting_date: dt.date,
    manager: str,
    report: str,
    people: Sequence[str] = (),
    refiner: RecapRefiner | None = None,
    author: str = "manager",
) -> RecapDraft:
    """Built-in draft first; the model, if configured, refines it (checked, with fallback).

    `author` is who wrote the notes ("manager", "report" or a name): their "I" and "me".
    """
    builtin = extract_recap(
        notes,
        meeting_date=meeting_date,
        manager=manager,
        report=report,
        known_people=people,
        author=author,
    )
    context = RecapContext(
        notes=notes, meeting_date=meeting_date, manager=manager, report=report, people=people
    )
    return refine_or_fallback(refiner, builtin, context)


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
        meeting = repos.meetings.on_day(report.id, meeting_date) or repos.meetings.schedule(
            report.id, at_hour(meeting_date, NEW_MEETING_HOUR)
        )
        if meeting.raw_notes.strip() and meeting.raw_notes.strip() not in notes:
            # A second paste for the same day is added below the first: nothing is lost.
            notes = f"{meeting.raw_notes.rstrip()}\n\n---\n\n{notes}"
    saved = repos.meetings.save_raw_notes(meeting.id, notes)
    repos.session.commit()  # durable now, whatever happens to the processing that follows
    return saved


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
    repos.action_items.delete_for_meeting(meeting.id)
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


@dataclass(frozen=True)
class StoredNotes:
    """Notes saved on a meeting, as the manager will see them drafted."""

    meeting_id: int
    text: str
    warnings: list[str]


class RecapService:
    """The recap job for the CLI and the Recap page (same calls, same arguments)."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def store_notes(
        self, manager_id: int, report_id: int | str, raw: str | bytes, meeting_date: dt.date
    ) -> StoredNotes:
        """Decode and check the notes, then commit them on that day's 1:1 before anything else.

        Raises BadInputError (nothing stored) for empty or oversized notes.
        """
        prepared = prepare_notes(raw, max_bytes=self.services.settings.max_note_bytes)
        with self.services.repos(manager_id) as repos:
            report = repos.reports.resolve(report_id)
            meeting = store_raw_notes(repos, report, meeting_date, prepared.text)
            return StoredNotes(meeting.id, prepared.text, list(prepared.warnings))

    def draft(
        self,
        manager_id: int,
        report_id: int | str,
        notes: str,
        meeting_date: dt.date,
        *,
        author: str = "manager",
    ) -> RecapDraft:
        """A checked recap of notes about one report; the team's names help find owners.

        `author`: who wrote the notes, "manager" (default), "report" or a person's name.
        """
        with self.services.repos(manager_id) as repos:
            report = repos.reports.resolve(report_id)
            manager, report_name = report.manager.name, report.name
            team = [r.name for r in repos.reports.all()]
        return self.draft_for(
            notes,
            meeting_date=meeting_date,
            manager=manager,
            report=report_name,
            people=[manager, *team],
            author=author,
        )

    def draft_for(
        self,
        notes: str,
        *,
        meeting_date: dt.date,
        manager: str,
        report: str,
        people: Sequence[str] = (),
        author: str = "manager",
    ) -> RecapDraft:
        """A checked recap for people named by hand (no team in the database needed)."""
        return draft_recap(
            notes,
            meeting_date=meeting_date,
            manager=manager,
            report=report,
            people=people,
            refiner=self.services.refiners.recap,
            author=author,
        )

    def save(
        self, manager_id: int, meeting_id: int, draft: RecapDraft, *, keep_personal: bool = False
    ) -> int:
        """Store the manager's edited recap and its action items; returns how many items."""
        with self.services.repos(manager_id) as repos:
            meeting = repos.meetings.get(meeting_id)
            count = len(save_recap(repos, meeting, draft, keep_personal=keep_personal))
        self.services.reindex_notes(manager_id)
        return count
