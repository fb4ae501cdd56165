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
from assistant.recap.support import NotesEvidence, checked, split_sentences
from assistant.words import unsegmented, words

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
            f"Kept {n} action item{'s' if n != 1 else ''} the AI left out but the notes "
            "suggest; check before saving."
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
    owner = resolve_owner(proposed.owner, known) or " ".join(proposed.owner.split())
    if not owner_supported(owner, evidence, first_person, twin):
        if twin is not None and twin.owner:
            owner = twin.owner
            flags.append("owner_guessed")
        else:
            owner = UNASSIGNED
            flags.append("owner_unclear")
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


_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i'll|i've|i'd|me|my|myself)\b", re.IGNORECASE)
_LEAD_IN = re.compile(
    r"^\W*(?:(?:ai|ap|action(?:\s+items?)?|todo|next\s+steps?)\s*[:\-]\s*)?\W*", re.I
)
# What follows the doer's name in a commitment: "Jordan to send", "Lee will", "Sam: book".
_DOER_CUE = re.compile(
    r"^['’]?s?\W{0,3}(?:to\b|will\b|['’]ll\b|:|->|→|-|–|is\s+going\s+to\b|agreed\s+to\b|"
    r"offered\s+to\b|volunteered\s+to\b|promised\s+to\b|owns\b|takes\b|\()",
    re.IGNORECASE,
)


def _named_as_doer(owner: str, evidence: str) -> bool:
    """The owner's name opens the line or is followed by a commitment ("Jordan to…"); a name
    that only receives something ("…send the deck to Priya") does not make its owner."""
    forms = [owner, *owner.split()]
    initials = "".join(p[0] for p in owner.split() if p)
    if len(initials) > 1:
        forms.append(initials)
    start = _LEAD_IN.match(evidence)
    body = evidence[start.end() if start else 0 :]
    for form in sorted({f for f in forms if len(f) > 1}, key=len, reverse=True):
        # Chinese and Japanese put no space between a name and the verb ("王伟负责…").
        edge = "" if unsegmented(form[-1]) else r"(?!\w)"
        pattern = re.compile(rf"(?<!\w){re.escape(form)}{edge}", re.IGNORECASE)
        for match in pattern.finditer(body):
            if match.start() == 0 or _DOER_CUE.match(body[match.end() :].lstrip()):
                return True
    return False


def owner_supported(
    owner: str, evidence: str, first_person: str, twin: ActionItemDraft | None
) -> bool:
    """Does the evidence say this person took it on? Named as the doer, "I" for whoever wrote
    the notes (the manager unless told otherwise), or the built-in engine reading the same line
    the same way."""
    if not owner:
        return False
    if twin is not None and twin.owner.lower() == owner.lower():
        return True
    if _named_as_doer(owner, evidence):
        return True
    return owner.lower() == first_person.lower() and bool(_FIRST_PERSON.search(evidence))


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
