"""Merge duplicates: the same commitment stated in prose and again in a closing recap."""

from __future__ import annotations

import regex as re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.people import PeopleDirectory, Person
from assistant.recap.builtin.tokens import task_similarity, task_tokens

_VERB_PHRASE = re.compile(
    r"^[\p{L}-]+\s+(?:the|a|an|my|your|our|his|her|their|me|us|him|them|it|to|with|(?-i:[\p{Lu}\p{Lo}]))\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:it|them)\b")
_TRAILING_PARTICLE = re.compile(r"\s+(?:out|up|in|over|back|done|sent|ready)\s*$", re.IGNORECASE)
_MAX_SPANS = 6
_WORD_REACH = 60  # items sharing a word compared per new item: the most recent ones
_RECAP_REACH = 200  # a closing recap restates items of this meeting, not of a 200-item log
_CAPITALISED = re.compile(
    r"\b[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+(?:\s[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)?\b"
)


def _named_people(text: str, people: PeopleDirectory) -> set[str]:
    """Third parties a task mentions ("Ping Hannah" -> Hannah Wu)."""
    found: set[str] = set()
    for m in _CAPITALISED.finditer(text):
        for mention in (m.group(0), *m.group(0).split()):
            p = people.resolve(mention)
            if p is not None and p.role == "other":
                found.add(p.full)
                break
    return found


def _dues_compatible(a: Candidate, b: Candidate) -> bool:
    da = a.due.date if a.due else None
    db = b.due.date if b.due else None
    return da is None or db is None or da == db


def _same_owner(a: Person | None, b: Person | None) -> bool:
    return a is not None and b is not None and a.full == b.full


def _is_duplicate(old: Candidate, new: Candidate, people: PeopleDirectory) -> bool:
    if not _same_owner(old.owner, new.owner):
        return False
    if "table_row" in old.flags and "table_row" in new.flags and old.spans != new.spans:
        return False  # two rows of a table are two items
    sim = task_similarity(old.task, new.task)
    if sim >= 0.5:
        return True
    if not _dues_compatible(old, new):
        return False
    # "I'll talk to him" + "I'll grab lunch with him": the same talk, if the person was implied.
    implied = old.recap or new.recap or old.via_pronoun or new.via_pronoun
    if implied and _named_people(old.task, people) & _named_people(new.task, people):
        return True
    if new.recap or old.recap:
        same_due = old.due is not None and new.due is not None and old.due.date == new.due.date
        return sim >= 0.25 or (same_due and old.due is not None and old.due.date is not None)
    return False


def _combine(old: Candidate, new: Candidate) -> None:
    # The evidence shows the first few mentions; a task repeated hundreds of times adds no more.
    old.spans += [s for s in new.spans if s not in old.spans][: max(0, _MAX_SPANS - len(old.spans))]
    if old.due is None or (old.due.vague and new.due is not None and not new.due.vague):
        old.due = new.due
    new_tokens = task_tokens(new.task) - task_tokens(old.task)
    if len(task_tokens(old.task)) < 2 and len(task_tokens(new.task)) >= 2:
        old.task = new.task
    elif new.recap and _PRONOUN.search(old.task) and not _VERB_PHRASE.match(new.task):
        # "Get it out for review" + recap "design doc out Friday" -> "Get design doc out for review"
        noun = _TRAILING_PARTICLE.sub("", new.task)
        old.task = T.tidy(_PRONOUN.sub(noun[:1].lower() + noun[1:], old.task, count=1))
    elif new_tokens and len(task_tokens(old.task)) <= 5:
        old.task = f"{old.task} ({new.task[:1].lower() + new.task[1:]})"
    old.confidence = min(1.0, max(old.confidence, new.confidence) + 0.05)
    # The prose statement says who committed; a recap line only guessed it.
    old.flags |= new.flags - {"owner_guessed"} if not new.recap or old.recap else set()
    old.recap = old.recap and new.recap


def merge_candidates(cands: list[Candidate], people: PeopleDirectory) -> list[Candidate]:
    """One item per commitment, in order of first mention.

    Only items that share a word are compared (an index from word to items), so merging stays
    near-linear on very long notes; recap lines, which may restate an item in other words, are
    also compared with the same owner's items.
    """
    merged: list[Candidate] = []
    by_word: dict[str, list[int]] = {}
    by_owner: dict[str, list[int]] = {}
    for cand in sorted(cands, key=lambda c: (c.recap, c.order)):
        owner = cand.owner.full if cand.owner else ""
        near = {k for w in task_tokens(cand.task) for k in by_word.get(w, ())[-_WORD_REACH:]}
        if cand.recap:
            near |= set(by_owner.get(owner, ())[-_RECAP_REACH:])
        for k in sorted(near):
            old = merged[k]
            if _is_duplicate(old, cand, people):
                _combine(old, cand)
                for w in task_tokens(old.task) - task_tokens(cand.task):
                    by_word.setdefault(w, []).append(k)
                break
        else:
            merged.append(cand)
            k = len(merged) - 1
            by_owner.setdefault(owner, []).append(k)
            for w in task_tokens(cand.task):
                by_word.setdefault(w, []).append(k)
    merged.sort(key=lambda c: c.order)
    return [c for c in merged if len(task_tokens(c.task)) >= 2]
