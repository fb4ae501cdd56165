"""The recap job's flow: raw notes in, a checked recap out; notes are stored before anything
processes them.

`notes.prepare_notes` (decode, validate) -> `store_raw_notes` (commit verbatim on the day's one
1:1, below any notes saved earlier that day) -> `draft_recap` (built-in engine, then the model if
configured, verified against the notes, falling back with a notice) -> `saved.attach_saved` (the
1:1's saved items) -> the manager edits -> `save_recap` (merge, not replace; marks the 1:1 held)
-> `markdown.recap_markdown`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.db.models import ActionStatus, Meeting, OwnerRole, Report, utcnow
from assistant.db.repositories import Repositories
from assistant.db.session import retry_on_conflict
from assistant.domain.days import at_hour
from assistant.domain.recap import RecapDraft
from assistant.errors import BadInputError
from assistant.llm.names import find_names
from assistant.llm.prompts import PromptMessage, default_library
from assistant.llm.refine import Refiner, refine_or_fallback
from assistant.recap.builtin import extract_recap
from assistant.recap.llm import RecapContext
from assistant.recap.markdown import sync_summary
from assistant.recap.notes import check_meeting_date, prepare_notes
from assistant.recap.saved import SavedItem, attach_saved, plan_save
from assistant.recap.verify import owner_role
from assistant.team.topics import infer_topics

if TYPE_CHECKING:
    from assistant.services import Services

logger = logging.getLogger(__name__)

RecapRefiner = Refiner[RecapDraft, RecapContext]
NEW_MEETING_HOUR = 12  # notes pasted for a day with no 1:1 on record
PASTE_SEPARATOR = "\n\n---\n\n"


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
        notes=notes,
        meeting_date=meeting_date,
        manager=manager,
        report=report,
        people=people,
        author=author,
    )
    return refine_or_fallback(refiner, builtin, context)


def store_raw_notes(
    repos: Repositories,
    report: Report,
    meeting_date: dt.date,
    notes: str,
    *,
    meeting_id: int | None = None,
) -> tuple[Meeting, bool]:
    """Save the notes verbatim on that day's 1:1 (created if needed) before any processing.

    Returns the meeting and whether the notes were added below notes saved earlier that day.
    The day's 1:1 is unique (a partial unique index); creating it races with another window
    raise IntegrityError, and `RecapService.store_notes` runs this again, then finds it.
    """
    if meeting_id is not None:
        meeting = repos.meetings.get(meeting_id)
        if meeting.report_id != report.id:
            raise BadInputError("That meeting belongs to someone else")
    else:
        meeting = repos.meetings.on_day(report.id, meeting_date) or repos.meetings.schedule(
            report.id, at_hour(meeting_date, NEW_MEETING_HOUR)
        )
    meeting = repos.meetings.lock(meeting.id)  # another paste of the same day waits its turn
    before, new = meeting.raw_notes.strip(), notes.strip()
    appended = bool(before) and new not in before and before not in new
    if appended:  # a second paste for the same day goes below the first: nothing is lost
        text = f"{meeting.raw_notes.rstrip()}{PASTE_SEPARATOR}{notes}"
    elif before and new in before:
        text = meeting.raw_notes  # pasted again: already there
    else:
        text = notes  # first notes, or an extended version of what was saved
    saved = repos.meetings.save_raw_notes(meeting.id, text)
    repos.session.commit()  # durable now, whatever happens to the processing that follows
    return saved, appended


def saved_items(repos: Repositories, meeting_id: int) -> list[SavedItem]:
    return [
        SavedItem(
            id=row.id,
            task=row.task,
            owner=row.owner_name,
            owner_role=row.owner_role.value,
            due=row.due_date,
            evidence=row.evidence,
            is_open=row.status is ActionStatus.OPEN,
        )
        for row in repos.action_items.for_meeting(meeting_id)
    ]


@dataclass(frozen=True)
class SavedRecap:
    """What a save did, for the one-line confirmation on the page and the CLI."""

    items: int
    added: int
    updated: int
    removed: int
    unassigned: int

    @property
    def message(self) -> str:
        noun = "action item" if self.items == 1 else "action items"
        parts = [f"Recap saved with {self.items} {noun}"]
        if self.unassigned:
            parts.append(f"{self.unassigned} without an owner (saved as unassigned)")
        if self.removed:
            parts.append(f"{self.removed} removed")
        return "; ".join(parts) + "."


def save_recap(
    repos: Repositories,
    meeting: Meeting,
    draft: RecapDraft,
    *,
    keep_personal: bool = False,
    reviewed: bool = True,
) -> SavedRecap:
    """Store the recap and merge its action items into the meeting's (see `saved.py`).

    `reviewed`: the manager checked the draft on the page. A save without review (`coach recap
    --save`) stores only the checked content and leaves the recap unapproved.
    """
    meeting = repos.meetings.lock(meeting.id)  # two saves of one 1:1 take turns
    report = repos.reports.get(meeting.report_id)
    manager_name = report.manager.name
    plan = plan_save(draft, saved_items(repos, meeting.id))
    for item_id, item in plan.revise:
        repos.action_items.revise(
            item_id,
            task=item.task,
            owner_role=OwnerRole(owner_role(item.owner, manager_name, report.name)),
            owner_name=item.owner,
            due_date=item.due,
            evidence=item.evidence or None,
        )
    for item in plan.add:
        repos.action_items.add(
            report_id=report.id,
            meeting_id=meeting.id,
            task=item.task,
            owner_role=OwnerRole(owner_role(item.owner, manager_name, report.name)),
            owner_name=item.owner,
            due_date=item.due,
            evidence=item.evidence,
        )
    repos.action_items.delete(plan.remove)
    approved = draft.model_copy(
        update={
            "summary": sync_summary(draft.summary, draft),
            "personal": draft.personal if keep_personal else [],
            "unchecked": [],
            "notices": [],
        }
    )
    meeting.recap = {**approved.to_public_dict(), "reviewed": reviewed}
    meeting.recap_approved_at = utcnow() if reviewed else None
    repos.meetings.mark_held(meeting.id)  # saving a recap records the 1:1 as held
    repos.topics.record(meeting.id, infer_topics(meeting.raw_notes, draft))
    return SavedRecap(
        items=len(plan.revise) + len(plan.add),
        added=len(plan.add),
        updated=len(plan.revise),
        removed=len(plan.remove),
        unassigned=sum(1 for i in draft.action_items if not i.owner.strip()),
    )


@dataclass(frozen=True)
class StoredNotes:
    """Notes saved on a meeting, as the manager will see them drafted: all of that day's notes
    (`appended` says this paste was added below notes saved earlier)."""

    meeting_id: int
    text: str
    warnings: list[str]
    appended: bool = False


class RecapService:
    """The recap job for the CLI and the Recap page (same calls, same arguments)."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def store_notes(
        self, manager_id: int, report_id: int | str, raw: str | bytes, meeting_date: dt.date
    ) -> StoredNotes:
        """Decode and check the notes, then commit them on that day's 1:1 before anything else.

        Raises BadInputError (nothing stored) for empty, oversized or binary notes and dates
        outside 1970-2100.
        """
        check_meeting_date(meeting_date)
        prepared = prepare_notes(raw, max_bytes=self.services.settings.max_note_bytes)

        def unit() -> StoredNotes:
            with self.services.repos(manager_id) as repos:
                report = repos.reports.resolve(report_id)
                meeting, appended = store_raw_notes(repos, report, meeting_date, prepared.text)
                warnings = list(prepared.warnings)
                if appended:
                    warnings.append(
                        "You had already saved notes for this 1:1 today: these were added "
                        "below them, and the recap covers both."
                    )
                return StoredNotes(meeting.id, meeting.raw_notes, warnings, appended)

        return retry_on_conflict(unit)

    def draft(
        self,
        manager_id: int,
        report_id: int | str,
        notes: str,
        meeting_date: dt.date,
        *,
        author: str = "manager",
        meeting_id: int | None = None,
    ) -> RecapDraft:
        """A checked recap of notes about one report; the team's names help find owners.

        `author`: who wrote the notes, "manager" (default), "report" or a person's name.
        With `meeting_id`, the 1:1's saved action items are attached (`saved.attach_saved`).
        """
        check_meeting_date(meeting_date)
        with self.services.repos(manager_id) as repos:
            report = repos.reports.resolve(report_id)
            manager, report_name = report.manager.name, report.name
            team = [r.name for r in repos.reports.all()]
            stored = saved_items(repos, meeting_id) if meeting_id is not None else []
        draft = self.draft_for(
            notes,
            meeting_date=meeting_date,
            manager=manager,
            report=report_name,
            people=[manager, *team],
            author=author,
        )
        return attach_saved(draft, stored)

    def owner_choices(
        self, manager_id: int, report_id: int | str, notes: str, draft: RecapDraft
    ) -> list[str]:
        """Who may own an item: the manager, the report, the team, anyone named in the notes
        (Dana from finance, Lee) and the draft's owners; unique, in that order."""
        with self.services.repos(manager_id) as repos:
            report = repos.reports.resolve(report_id)
            first = [report.manager.name, report.name]
            team = [r.name for r in repos.reports.all() if r.id != report.id]
        named = find_names(notes, ignore=[p for n in [*first, *team] for p in n.split()])
        singles = [
            n for n in named if " " not in n and not any(n in f.split() for f in named if f != n)
        ]
        full = [n for n in named if " " in n]
        owners = [i.owner for i in draft.action_items if i.owner.strip()]
        return list(dict.fromkeys([*first, *team, *full, *singles, *owners]))

    def preview_request(
        self, manager_id: int, report_id: int | str, notes: str, meeting_date: dt.date
    ) -> list[PromptMessage]:
        """The recap request's messages exactly as they would be sent to the model with the
        current redaction setting (for the Settings page; nothing is sent)."""
        from assistant.llm.outbound import as_sent, redactor_for
        from assistant.recap.llm import recap_messages, redaction_people

        with self.services.repos(manager_id) as repos:
            report = repos.reports.resolve(report_id)
            manager, report_name = report.manager.name, report.name
            team = [r.name for r in repos.reports.all()]
        people = [manager, *team]
        builtin = extract_recap(
            notes, meeting_date=meeting_date, manager=manager, report=report_name,
            known_people=people,
        )  # fmt: skip
        context = RecapContext(notes, meeting_date, manager, report_name, people)
        messages = recap_messages(default_library(), builtin, context, notes)
        redact = self.services.settings.redact
        known = self.services.people_names() if redact else []
        redactor = redactor_for(
            messages,
            people=redaction_people(builtin, context),
            known_people=known,
            redact=redact,
        )
        return as_sent(messages, redactor)

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
        check_meeting_date(meeting_date)
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
        self,
        manager_id: int,
        meeting_id: int,
        draft: RecapDraft,
        *,
        keep_personal: bool = False,
        reviewed: bool = True,
    ) -> SavedRecap:
        """Store the manager's edited recap and merge its action items into the 1:1's."""

        def unit() -> SavedRecap:
            with self.services.repos(manager_id) as repos:
                meeting = repos.meetings.get(meeting_id)
                return save_recap(
                    repos, meeting, draft, keep_personal=keep_personal, reviewed=reviewed
                )

        saved = retry_on_conflict(unit)
        self.services.reindex_notes(manager_id)
        return saved
