"""Check an LLM's recap against the notes: nothing the notes do not support reaches a save.

Every item's evidence must be found in the notes (after normalising whitespace, bullets and case,
or nearly all of its words inside one short stretch of lines). The evidence shown is then the
notes' own text, owners are mapped to known full names and must be supported by that evidence,
and dates outside a sane range are dropped rather than shown as fact. Summary, decisions,
praise, concerns, personal updates and follow-ups are checked sentence by sentence
(`support.py`); what fails is listed as unchecked, never saved.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.domain.recap import (
    UNASSIGNED,
    ActionFlag,
    ActionItemDraft,
    OwnerRole,
    RecapDraft,
    UncheckedLine,
)
from assistant.recap.owner_support import (
    full_name_in_notes,
    looks_like_a_person,
    name_for_handle,
    owner_choices,
    owner_supported,
    resolve_owner,
)
from assistant.recap.support import NotesEvidence, checked, split_sentences
from assistant.words import words

if TYPE_CHECKING:
    from assistant.recap.llm import LLMActionItem, LLMRecap

_BULLET = re.compile(r"^\s*(?:[-*•·]+|\d+[.)]|\[[ xX]?\])\s*")
WINDOW_LINES = 3
MIN_COVERAGE = 0.85
MAX_DUE_DAYS = 400


def _words(text: str) -> list[str]:
    return words(text)  # any script: "Zoë prépare" and "王伟负责" must be findable in the notes


@lru_cache(maxsize=4)
def _lines(notes: str) -> tuple[tuple[int, int, frozenset[str]], ...]:
    """(start, end, words) of each non-blank line, computed once per notes text: checking
    many items against 200 KB of notes stays linear (no regex scans blank stretches)."""
    out: list[tuple[int, int, frozenset[str]]] = []
    position = 0
    for line in notes.split("\n"):
        if line.strip():
            out.append((position, position + len(line), frozenset(_words(line))))
        position += len(line) + 1
    return tuple(out)


def find_evidence(evidence: str, notes: str, people: Sequence[str] = ()) -> str | None:
    """The verbatim stretch of `notes` supporting `evidence`, or None if the notes lack it.

    Tries single lines first, then windows of up to three lines, so the shortest support wins.
    Name parts of known people are not required: redaction restores "Maria" as "Maria Santos".
    """
    name_parts = {w for person in people for w in _words(person)}
    wanted = _words(evidence)
    if not wanted:
        return None
    lines = _lines(notes)
    everything = frozenset().union(*(words for _, _, words in lines)) if lines else frozenset()
    needed_anywhere = [w for w in wanted if w in everything or w not in name_parts] or wanted
    if sum(1 for w in needed_anywhere if w in everything) < MIN_COVERAGE * len(needed_anywhere):
        return None  # not even the whole notes cover it: no window will
    for size in range(1, WINDOW_LINES + 1):
        best: tuple[float, int, int] | None = None
        for first in range(len(lines) - size + 1):
            window = lines[first : first + size]
            have = frozenset().union(*(words for _, _, words in window))
            needed = [w for w in wanted if w in have or w not in name_parts] or wanted
            coverage = sum(1 for w in needed if w in have) / len(needed)
            if coverage >= MIN_COVERAGE and (best is None or coverage > best[0]):
                best = (coverage, window[0][0], window[-1][1])
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
    first_person: str | None = None,
) -> RecapDraft:
    """The model's answer as a draft the UI may show: only what the notes support.

    Every section is checked (`support.NotesEvidence`); what fails goes to `unchecked`, shown
    flagged and never saved. Items need evidence in the notes and an owner the evidence
    supports; built-in items the model left out are kept, flagged `model_dropped`.
    """
    known = [manager, report, *[p for p in people if p not in (manager, report)]]
    evidence = NotesEvidence(notes, tuple(known))
    unchecked: list[UncheckedLine] = []
    items: list[ActionItemDraft] = []
    for proposed in answer.action_items:
        item = _checked_item(
            proposed, notes, builtin, known, manager, report, meeting_date, first_person or manager
        )
        if item is None:
            unchecked.append(
                UncheckedLine(
                    section="action_items",
                    text=proposed.task.strip(),
                    reason="the notes do not say this",
                )
            )
        else:
            items.append(item)
    kept_builtin = [
        b.model_copy(update={"flags": [*b.flags, "model_dropped"]})
        for b in builtin.action_items
        if not any(_same_item(b, i) for i in items)
    ]
    sections: dict[str, list[str]] = {}
    for name in ("decisions", "praise", "concerns", "personal", "follow_ups"):
        kept, rejected = checked(evidence, getattr(answer, name))
        sections[name] = kept
        unchecked += [UncheckedLine(section=name, text=t, reason=r) for t, r in rejected]
    summary, rejected = checked(evidence, split_sentences(answer.summary))
    unchecked += [UncheckedLine(section="summary", text=t, reason=r) for t, r in rejected]
    return RecapDraft(
        summary=" ".join(summary) or builtin.summary,
        decisions=sections["decisions"],
        action_items=items + kept_builtin,
        praise=sections["praise"],
        concerns=sections["concerns"],
        personal=sections["personal"],
        follow_ups=sections["follow_ups"],
        engine=engine,
        notices=_notices(unchecked, kept_builtin),
        unchecked=unchecked,
    )


def _notices(unchecked: list[UncheckedLine], kept_builtin: list[ActionItemDraft]) -> list[str]:
    notices = []
    if unchecked:
        n = len(unchecked)
        notices.append(
            f"Left out {n} line{'s' if n != 1 else ''} the AI wrote that the notes do not "
            "support (listed under “Not in your notes”; nothing of it is saved)."
        )
    if kept_builtin:
        n = len(kept_builtin)
        notices.append(
            f"Listed {n} action item{'s' if n != 1 else ''} the built-in engine found and the "
            "AI left out, flagged “the AI left this out”; check before saving."
        )
    return notices


def _checked_item(
    proposed: LLMActionItem,
    notes: str,
    builtin: RecapDraft,
    known: list[str],
    manager: str,
    report: str,
    meeting_date: dt.date,
    first_person: str,
) -> ActionItemDraft | None:
    evidence = find_evidence(proposed.evidence, notes, known) or find_evidence(
        proposed.task, notes, known
    )
    if evidence is None:
        return None
    flags: list[ActionFlag] = []
    twin = _twin(proposed.task, evidence, builtin)
    owner = _supported_owner(proposed.owner, evidence, notes, known, first_person, twin)
    if owner is None:
        owner = _best_guess(proposed.owner, evidence, notes, known, first_person, twin)
        flags.append("owner_guessed" if owner else "owner_unclear")
    due = _checked_due(proposed.due, meeting_date)
    if proposed.due and due is None:
        flags.append("due_unclear")
    return ActionItemDraft(
        task=proposed.task.strip(),
        owner=owner,
        owner_role=owner_role(owner, manager, report),
        due=due,
        due_text=None,
        evidence=evidence,
        confidence=0.85 if twin is not None else 0.65,
        flags=flags,
    )


def _supported_owner(
    proposed: str,
    evidence: str,
    notes: str,
    known: list[str],
    first_person: str,
    twin: ActionItemDraft | None,
) -> str | None:
    """The first person the model named whom the notes support, as a full name; None if the
    notes support none of them."""
    twin_owner = twin.owner if twin is not None else None
    for choice in owner_choices(proposed):
        person = resolve_owner(choice, known)
        if person is None and not looks_like_a_person(choice):
            continue  # "Mail to the dev list": a model took the line's first word for a name
        owner = (
            person or name_for_handle(choice, notes) or full_name_in_notes(choice, notes) or choice
        )
        if owner_supported(owner, evidence, first_person, twin_owner, notes=notes, people=known):
            return owner
    return None


def _best_guess(
    proposed: str,
    evidence: str,
    notes: str,
    known: list[str],
    first_person: str,
    twin: ActionItemDraft | None,
) -> str:
    """An owner to show flagged when the notes support none the model named: the built-in
    engine's if the line supports it; else the model's, if it is one of the meeting's people
    (the model read the whole note, the rules only fall back to a default); else the built-in
    engine's guess; else nobody. Someone the notes only mention is never guessed."""
    twin_owner = twin.owner if twin is not None else ""
    if twin_owner and not resolve_owner(twin_owner, known) and not looks_like_a_person(twin_owner):
        twin_owner = ""  # the rules, too, can take "Mail to the dev list" for a person
    if twin_owner and owner_supported(
        twin_owner, evidence, first_person, notes=notes, people=known
    ):
        return twin_owner
    choices = owner_choices(proposed)
    person = resolve_owner(choices[0], known) if choices else None
    return person or twin_owner or UNASSIGNED


def _twin(task: str, evidence: str, builtin: RecapDraft) -> ActionItemDraft | None:
    """The built-in item that is the same commitment: same line, or a near-identical task."""
    same_line = [b for b in builtin.action_items if _overlap(b.evidence, evidence)]
    if same_line:
        return max(same_line, key=lambda b: _similar(b.task, task))
    twin = max(builtin.action_items, key=lambda b: _similar(b.task, task), default=None)
    return twin if twin is not None and _similar(twin.task, task) >= 0.5 else None


def _overlap(a: str, b: str) -> bool:
    a, b = " ".join(a.split()).lower(), " ".join(b.split()).lower()
    return bool(a) and bool(b) and (a in b or b in a)


def _same_item(a: ActionItemDraft, b: ActionItemDraft) -> bool:
    return _overlap(a.evidence, b.evidence) or _similar(a.task, b.task) >= 0.5


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
