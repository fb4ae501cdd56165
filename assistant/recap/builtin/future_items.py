"""Subjectless promises after a person label: "- Søren: Going to rewrite X", "王伟: will send
Y", or "Will book Z" under a person's heading. Minute-takers drop the "I" once the line is
already someone's; the promise is that person's (a bare "Going" is no name). A bullet with no
one above it goes to the default owner, flagged as a guess."""

from __future__ import annotations

import regex as re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.context import SentenceContext
from assistant.recap.builtin.lexicon import CANCEL_CUE, DONE_CUE, TENTATIVE
from assistant.recap.builtin.list_items import LABELLED, _heading_person, _make_item
from assistant.recap.builtin.segmentation import Sentence

_FUTURE = re.compile(
    r"^(?:(?:i'?m\s+|am\s+)?going\s+to|gonna|will|shall|plan(?:s|ning)?\s+to)\s+(?=\S)", re.I
)


def subjectless_future(sentence: Sentence, ctx: SentenceContext) -> list[Candidate]:
    """The item of a "Going to ..." / "Will ..." line, given to the person the line is under."""
    if sentence.checkbox == "done" or sentence.struck or sentence.section_kind == "negative":
        return []
    text, start, who = sentence.text, sentence.start, None
    m = LABELLED.match(text)
    if m and _FUTURE.match(m.group("task")):
        label = m.group("who").strip()
        if ctx.people.resolve(label, speaker=ctx.people.writer) is None:
            return []
        who, text, start = label, m.group("task"), start + m.start("task")
    elif not _FUTURE.match(text):
        return []
    elif ctx.speaker is not None:
        who = "I"  # a speaker's line: their own "I"
    elif sentence.first_in_line and sentence.owner_heading:
        heading = _heading_person(sentence.owner_heading, ctx)
        who = heading.full if heading is not None else None
    guessed = who is None and sentence.bullet and sentence.first_in_line
    if guessed:
        who = ctx.people.default_owner.full  # "- Will upload the code": the list's owner
    if who is None:
        return []
    lead = _FUTURE.match(text)
    assert lead is not None
    task = text[lead.end() :]
    if not T.starts_with_verb(T.expand_shorthand(task)) or T.content_size(task) < 2:
        return []  # "Will do." accepts what was asked: the dialogue rules read that
    if DONE_CUE.search(task) or CANCEL_CUE.search(task) or TENTATIVE.search(task):
        return []
    found = _make_item(sentence, ctx, who, task, start + lead.end())
    for cand in found if guessed else []:
        cand.flags.add("owner_guessed")
        cand.confidence = 0.5
    return found
