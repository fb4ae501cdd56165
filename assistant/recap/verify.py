"""Check an LLM's recap against the notes: unsupported action items never reach the manager.

Every item's evidence must be found in the notes (after normalising whitespace, bullets and case,
or nearly all of its words inside one short stretch of lines). The evidence shown is then the
notes' own text, owners are mapped to known full names, and dates outside a sane range are
dropped rather than shown as fact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.domain.recap import ActionFlag, ActionItemDraft, OwnerRole, RecapDraft

if TYPE_CHECKING:
    from assistant.recap.llm import LLMRecap

_WORD = re.compile(r"[a-z0-9]+")
_BULLET = re.compile(r"^\s*(?:[-*•·]+|\d+[.)]|\[[ xX]?\])\s*")
WINDOW_LINES = 3
MIN_COVERAGE = 0.85
MAX_DUE_DAYS = 400


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def find_evidence(evidence: str, notes: str, people: Sequence[str] = ()) -> str | None:
    """The verbatim stretch of `notes` supporting `evidence`, or None if the notes lack it.

    Tries single lines first, then windows of up to three lines, so the shortest support wins.
    Name parts of known people are not required: redaction restores "Maria" as "Maria Santos".
    """
    name_parts = {w for person in people for w in _words(person)}
    wanted = _words(evidence)
    if not wanted:
        return None
    spans = [m.span() for m in re.finditer(r"[^\n]*\S[^\n]*", notes)]  # non-blank lines
    for size in range(1, WINDOW_LINES + 1):
        best: tuple[float, int, int] | None = None
        for first in range(len(spans) - size + 1):
            begin, finish = spans[first][0], spans[first + size - 1][1]
            have = set(_words(notes[begin:finish]))
            needed = [w for w in wanted if w in have or w not in name_parts] or wanted
            coverage = sum(1 for w in needed if w in have) / len(needed)
            if coverage >= MIN_COVERAGE and (best is None or coverage > best[0]):
                best = (coverage, begin, finish)
        if best is not None:
            text = notes[best[1] : best[2]]
            bullet = _BULLET.match(text) if size == 1 else None
            return text[bullet.end() :] if bullet else text.strip()
    return None


def _similar(a: str, b: str) -> float:
    left, right = set(_words(a)), set(_words(b))
    if not left or not right:
        return 0.0
    overlap = len(left & right)
    return 2 * overlap / (len(left) + len(right))


def resolve_owner(owner: str, people: Sequence[str]) -> str | None:
    """Map 'Maria', 'MS' or 'maria santos' to the full name of a known person; None if unknown."""
    wanted = " ".join(owner.split()).lower()
    for name in people:
        full = name.lower()
        parts = full.split()
        initials = "".join(p[0] for p in parts)
        if wanted in (full, parts[0], initials) or (len(parts) > 1 and wanted == parts[-1]):
            return name
    return None


def verify_llm_recap(
    answer: LLMRecap,
    *,
    notes: str,
    builtin: RecapDraft,
    manager: str,
    report: str,
    people: Sequence[str],
    meeting_date: dt.date,
    engine: str,
) -> RecapDraft:
    """The model's answer as a draft the UI may show, minus what the notes don't support."""
    known = [manager, report, *[p for p in people if p not in (manager, report)]]
    items: list[ActionItemDraft] = []
    dropped = 0
    for proposed in answer.action_items:
        evidence = find_evidence(proposed.evidence, notes, known) or find_evidence(
            proposed.task, notes, known
        )
        if evidence is None:
            dropped += 1
            continue
        flags: list[ActionFlag] = []
        owner = resolve_owner(proposed.owner, known)
        if owner is None:
            owner = " ".join(proposed.owner.split())
            if owner.lower() not in notes.lower():
                flags.append("owner_unclear")
        due = _checked_due(proposed.due, meeting_date)
        if proposed.due and due is None:
            flags.append("due_unclear")
        twin = max(
            builtin.action_items, key=lambda i: _similar(i.task, proposed.task), default=None
        )
        agrees = twin is not None and _similar(twin.task, proposed.task) >= 0.5
        items.append(
            ActionItemDraft(
                task=proposed.task.strip(),
                owner=owner,
                owner_role=owner_role(owner, manager, report),
                due=due,
                due_text=None,
                evidence=evidence,
                confidence=0.85 if agrees else 0.65,
                flags=flags,
            )
        )
    notices = []
    if dropped:
        noun = "item" if dropped == 1 else "items"
        notices.append(
            f"Left out {dropped} action {noun} the AI proposed that the notes do not support."
        )
    return RecapDraft(
        summary=answer.summary.strip() or builtin.summary,
        decisions=answer.decisions,
        action_items=items,
        praise=answer.praise,
        concerns=answer.concerns,
        personal=answer.personal,
        follow_ups=answer.follow_ups,
        engine=engine,
        notices=notices,
    )


def owner_role(owner: str, manager: str, report: str) -> OwnerRole:
    """manager, report or other, by case-insensitive full-name comparison."""
    name = owner.strip().lower()
    if name == manager.lower():
        return "manager"
    if name == report.lower():
        return "report"
    return "other"


def _checked_due(value: str | None, meeting_date: dt.date) -> dt.date | None:
    if not value:
        return None
    try:
        due = dt.date.fromisoformat(value.strip())
    except ValueError:
        return None
    if not meeting_date <= due <= meeting_date + dt.timedelta(days=MAX_DUE_DAYS):
        return None
    return due
