"""Offers, volunteers and suggestions: "Let me ask Olivia", "We'll have Mira draft the notes",
"We need someone to update the template - Rosa volunteered", "Suggested he present X. He's in."
"""

from __future__ import annotations

import regex as re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.clauses import Clause, find_due, vetoed
from assistant.recap.builtin.completion import finish_task
from assistant.recap.builtin.context import SentenceContext, context_object
from assistant.recap.builtin.people import Person
from assistant.recap.builtin.segmentation import Sentence

# "We'll have Mira draft the notes", "Let's have her own the survey"
_CAUSATIVE = re.compile(
    r"\b(?:we'?ll|we will|let'?s|let us|i'?ll|i will)\s+(?:also\s+)?have\s+"
    r"(?P<who>him|her|them|(?-i:[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+(?:\s[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)?))\s+(?:also\s+)?(?=[\p{Ll}\p{M}])",
    re.IGNORECASE,
)
_LET_ME = re.compile(r"\blet me\s+(?=[\p{Ll}\p{M}])", re.IGNORECASE)
_SUGGESTED = re.compile(
    r"\b(?:suggested|proposed)\s+(?:that\s+)?(?P<subj>he|she|they|[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)\s+(?P<pred>[\p{Ll}\p{M}].*)$",
    re.IGNORECASE,
)
_ACCEPTED = re.compile(
    r"\b(?:(?:he|she|they)(?:'s|'re| is| are) in\b|(?:he|she|they) agreed|on board|will do|"
    r"is up for it)",
    re.IGNORECASE,
)
_VOLUNTEERED = re.compile(
    r"^(?P<who>[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+(?:\s[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)?)\s+"
    r"(?:volunteered|offered|stepped up|signed up|"
    r"took it|will take it|is on it|'s on it|owns it|will own it)\b(?P<rest>.*)$"
)


def from_volunteer(
    sentence: Sentence, clause: Clause, ctx: SentenceContext, prior: str
) -> list[Candidate]:
    """'We need someone to update the template - Rosa volunteered, by Friday.'"""
    m = _VOLUNTEERED.match(clause.text)
    if not m or T.content_size(m.group("rest")) > 2:
        return []
    owner = ctx.people.resolve(m.group("who"))
    obj = context_object(prior, ctx.meeting)
    if owner is None or obj is None or not T.starts_with_verb(obj.text):
        return []
    due = find_due(clause.text, clause.start, ctx.meeting)
    cand = Candidate(
        obj.text, owner, m.group("who"), due, [(sentence.start, sentence.end)], clause.start, 0.7
    )
    finish_task(cand, ctx, None)
    return [cand]


def from_let_me(sentence: Sentence, clause: Clause, ctx: SentenceContext) -> list[Candidate]:
    """'Let me ask Olivia...' (the speaker) and "We'll have Mira draft..." (Mira)."""
    owner: Person | None = ctx.speaker or ctx.people.writer
    m = _LET_ME.search(clause.text)
    causative = _CAUSATIVE.search(clause.text)
    if causative and not m:
        m = causative
        who = causative.group("who")
        if who.lower() in ("him", "her", "them"):
            owner = ctx.people.reader if owner is ctx.people.writer else ctx.people.writer
        else:
            owner = ctx.people.resolve(who)
    if not m or owner is None or not T.starts_with_verb(clause.text[m.end() :]):
        return []
    pred = clause.text[m.end() :]
    start = clause.start + m.end()
    if vetoed(
        sentence,
        clause.text[m.start() :],
        sentence.text[: clause.start - sentence.start + m.start()],
        "",
    ):
        return []
    due = find_due(pred, start, ctx.meeting)
    cand = Candidate(
        T.remove_dates(pred, start, due, ctx.meeting),
        owner,
        "me",
        due,
        [(sentence.start, sentence.end)],
        clause.start + m.start(),
        0.7,
    )
    finish_task(cand, ctx, None)
    return [cand]


def suggestion(sentence: Sentence, clause: Clause, ctx: SentenceContext) -> list[Candidate]:
    """'Suggested he present X. He's in.' - a suggestion the other person accepted."""
    m = _SUGGESTED.search(clause.text)
    if not m or not T.starts_with_verb(m.group("pred")):
        return []
    rest = sentence.text[clause.start - sentence.start + m.end() :]
    if not (_ACCEPTED.search(rest) or _ACCEPTED.search(ctx.next_in_line or "")):
        return []
    owner, flags = ctx.resolver.resolve(
        m.group("subj"), speaker=ctx.speaker, addressee=ctx.addressee, named_before=None
    )
    if owner is None:
        return []
    pred = m.group("pred")
    start = clause.start + m.start("pred")
    due = find_due(pred, start, ctx.meeting)
    cand = Candidate(
        T.remove_dates(pred, start, due, ctx.meeting),
        owner,
        m.group("subj"),
        due,
        [(sentence.start, sentence.end)],
        sentence.start,
        0.6,
        set(flags),
    )
    finish_task(cand, ctx, None)
    return [cand]
