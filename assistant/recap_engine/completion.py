"""Finish a task text: first names for me/you/him, and the object a pronoun or bare verb needs.

"I'll send it today" after "Get me the quote" becomes "Send the quote"; "Owen will own that"
after "The fall schedule needs to be finalized by April 30" becomes that task, due April 30.
"""

from __future__ import annotations

import re

from assistant.recap_engine import tasks as T
from assistant.recap_engine.candidates import Candidate
from assistant.recap_engine.clauses import find_due
from assistant.recap_engine.context import SentenceContext, context_object
from assistant.recap_engine.dates import DueMatch
from assistant.recap_engine.lexicon import DONE_CUE

_THERE_THEN = re.compile(r"\b(?:there|then)\b", re.IGNORECASE)

_HIM_HER = re.compile(r"\b(?:him|her)\b", re.IGNORECASE)

_REFERS_BACK = re.compile(r"\b(?:hers|his|theirs|it|them|that)\b", re.I)

_DUE_WORD = re.compile(r"\bdue\b")

_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+\b")

_DELEGATING_VERBS = frozenset("own handle do take drive tackle cover run lead".split())


def finish_task(
    cand: Candidate, ctx: SentenceContext, label_ctx: str | None, earlier_task: str | None = None
) -> None:
    """Personalise, tidy and, when the task is a bare verb or a pronoun, fill in its object."""
    cand.via_pronoun = ctx.third_party is not None and bool(_HIM_HER.search(cand.task))
    task = T.personalise(
        cand.task,
        owner=cand.owner,
        writer=ctx.speaker or ctx.people.manager,
        addressee=ctx.addressee,
        people=ctx.people,
        third_party=ctx.third_party,
    )
    task = T.imperative(T.tidy(task))
    size = T.content_size(task)
    pronoun = T.has_pronoun_object(task)
    if pronoun or size <= 1 or (label_ctx and size <= 3):
        sources: tuple[tuple[str | None, bool], ...] = (
            (earlier_task, False),
            (label_ctx, True),
            (ctx.dialogue_context, False),
            (ctx.previous_in_line, False),
            (ctx.previous_need, False),
            (ctx.own_previous, False),
        )
        if not pronoun and size > 1:
            sources = ((label_ctx, True),)  # only a short lead-in may complete the task
        time_or_place = _THERE_THEN.search(task)
        for source, whole in sources:
            if not source or DONE_CUE.search(source):
                continue
            if source is ctx.previous_in_line and len(source.split()) <= 12:
                whole = True
            if whole and not pronoun and size >= 2 and len(source.split()) > 6:
                continue  # a long lead-in is not what a fairly complete task needs
            obj = context_object(
                source,
                ctx.meeting,
                whole=whole,
                fallback=source is not ctx.dialogue_context,
                np_only=source is earlier_task,
            )
            if obj is None:
                continue
            verb = task.split()[0].lower() if task.split() else ""
            if verb in _DELEGATING_VERBS and size <= 1 and T.starts_with_verb(obj.text):
                # "Owen will own that" after "X needs to be finalized by April 30".
                task = obj.text
                if cand.due is None:
                    d = find_due(obj.source, 0, ctx.meeting)
                    cand.due = DueMatch(d.date, d.phrase, -1, -1, d.vague) if d else None
            else:
                task = T.with_context(task, obj.text)
                cand.context_filled = True
            if time_or_place and cand.due is None:
                # "present the numbers there" / "before then": the date of the event meant.
                d = find_due(obj.source, 0, ctx.meeting)
                cand.due = DueMatch(d.date, d.phrase, -1, -1, d.vague) if d else None
            break
    elif size <= 2 and ctx.dialogue_context:
        task = _person_context(task, ctx)
    # "Budget requests are due Dec 1. Lorraine will submit hers" -> due Dec 1.
    prev = ctx.previous_sentence or ""
    refers_back = _REFERS_BACK.search(cand.task)
    if cand.due is None and refers_back and _DUE_WORD.search(prev):
        d = find_due(prev, -1, ctx.meeting)
        if d is not None:
            cand.due = DueMatch(d.date, d.phrase, -1, -1, d.vague)
    cand.task = T.tidy(task)


def _person_context(task: str, ctx: SentenceContext) -> str:
    """'I'll ask Ravi' after 'I'd like Ravi Shah to pull the data' -> ask Ravi Shah to pull it."""
    said = ctx.dialogue_context or ""
    for word in _CAPITALISED_WORD.findall(task):
        person = ctx.people.resolve(word)
        if person is None or person.role != "other":
            continue
        m = re.search(
            re.escape(person.first) + r"(?:\s+" + re.escape(person.last) + r")?\b([^.?!]*)", said
        )
        if m and T.content_size(m.group(1)) >= 2:
            return re.sub(r"\b" + re.escape(word) + r"\b", person.full, task, count=1) + m.group(1)
    return task
