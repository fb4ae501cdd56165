"""Stand-up lines under a person's heading: '*What will I do?* Write X; review Y'.

A leading label that asks or names what comes next ("What will I do?", "Next:", "Plan:")
turns the rest of the line into that person's items: the person the heading or parent bullet
names, else the writer ("I"). Labels about the past or blockers ("What did I do?", "Blockers")
give nothing; the line is a status or a risk, not a task.
"""

from __future__ import annotations

import regex as re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.clauses import find_due
from assistant.recap.builtin.completion import finish_task
from assistant.recap.builtin.context import SentenceContext
from assistant.recap.builtin.lexicon import DONE_CUE
from assistant.recap.builtin.people import Person
from assistant.recap.builtin.segmentation import Sentence

# "*What will I do?* X", "**Next:** X", "_Plan for tomorrow:_ X" (the label ends with ? or :)
_LABEL = re.compile(
    r"^\W*?(?:\*{1,2}|_{1,2})?(?P<label>[^*_?:\n]{2,40}?[?:])(?:\*{1,2}|_{1,2})?\s*(?P<rest>\S.*)$"
)
_FUTURE = re.compile(
    r"\b(?:will|going to|next|plan|plans|planned|to ?do|todo|tomorrow|upcoming|coming up)\b",
    re.I,
)
_PAST_OR_BLOCKER = re.compile(
    r"\b(?:did|done|last|yesterday|finished|completed|block\w*|not working|problems?|"
    r"issues?|risks?|impediments?|concerns?)\b",
    re.I,
)
_PIECE = re.compile(r"\s*;\s*")


def _heading_person(sentence: Sentence, ctx: SentenceContext) -> Person | None:
    heading = sentence.owner_heading
    if not heading:
        return None
    first = re.split(r"\s*(?:[,/&+;]|\band\b)\s*", heading.strip())[0].strip(" -–—:*_")
    if not first or len(first.split()) > 4:
        return None
    return ctx.people.resolve(first, speaker=ctx.people.writer)


def standup_items(sentence: Sentence, ctx: SentenceContext) -> list[Candidate]:
    """The items a 'what next' label gives its line, owned by the person heading it."""
    m = _LABEL.match(sentence.text)
    if m is None or ctx.speaker is not None:
        return []
    label = m.group("label")
    if not _FUTURE.search(label) or _PAST_OR_BLOCKER.search(label):
        return []
    owner = _heading_person(sentence, ctx)
    first_person = re.search(r"\b(?:I|my|me)\b", label) is not None
    if owner is None and not first_person:
        return []
    owner = owner or ctx.people.writer
    out: list[Candidate] = []
    offset = sentence.start + m.start("rest")
    for piece in _PIECE.split(m.group("rest")):
        start = offset + max(0, sentence.text.find(piece) - m.start("rest"))
        text = piece.strip(" .")
        if not text or DONE_CUE.search(text) or not T.starts_with_verb(T.expand_shorthand(text)):
            continue
        due = find_due(text, start, ctx.meeting)
        cand = Candidate(
            task=T.remove_dates(text, start, due, ctx.meeting),
            owner=owner,
            owner_text=owner.first,
            due=due,
            spans=[(sentence.start, sentence.end)],
            order=start,
            confidence=0.8,
            flags=set(),
        )
        finish_task(cand, ctx, None)
        out.append(cand)
    return out
