"""Finish a task text: first names for me/you/him, and the object a pronoun or bare verb needs.

"I'll send it today" after "Get me the quote" becomes "Send the quote"; "Owen will own that"
after "The fall schedule needs to be finalized by April 30" becomes that task, due April 30.
"""

from __future__ import annotations

import regex as re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.clauses import find_due
from assistant.recap.builtin.context import SentenceContext, context_object
from assistant.recap.builtin.dates import DueMatch
from assistant.recap.builtin.languages import spaceless, word_count
from assistant.recap.builtin.lexicon import DONE_CUE

_THERE_THEN = re.compile(r"\b(?:there|then)\b", re.IGNORECASE)

_HIM_HER = re.compile(r"\b(?:him|her)\b", re.IGNORECASE)

_REFERS_BACK = re.compile(r"\b(?:hers|his|theirs|it|them|that)\b", re.I)

_IT_SUBJECT = re.compile(r"\b(?:it|that|this)(?:'s|’s|\s+is|\s+was|\s+will)\b", re.IGNORECASE)
_DUE_WORD = re.compile(r"\bdue\b")

_CAPITALISED_WORD = re.compile(r"\b[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+\b")

_TAKE_ON = re.compile(
    r"^(?:take|pick)\s+(?:that|it|this)\s+(?:on|up)\b|^(?:own|handle|tackle|drive)\s+(?:that|it|this)\b",
    re.IGNORECASE,
)
_DELEGATING_VERBS = frozenset("own handle do take drive tackle cover run lead".split())


# Work already done, reported as a task: "Did meetings to define X", "Have created a project",
# "Had discussions with Y", "Loaded the requirements into the site".
_PAST_HEAD = re.compile(
    r"^\W*(?:did|had|was|were|(?:has|have)\s+(?:been|had|done|made|sent|written|got|"
    r"[\p{Ll}\p{M}]+ed)|(?P<ed>[\p{L}\p{M}]+ed))\b",
    re.IGNORECASE,
)


# A statement about things, not a task: "List looks broadly reasonable", "The project will be
# scrum-like", "Progress will likely be slow", "Have not been able to get to X".
_STATEMENT = re.compile(
    r"^\W*[\p{L}'’-]+\s+(?:looks|seems|sounds|appears)\b|"
    r"^\W*(?:the|this|that|these|those|it|progress)\b[^.;]*?\b(?:will|would|is|are)\s+"
    r"(?:likely\s+|probably\s+)?(?:be|being)\b|"
    r"^\W*(?:have|has)\s+(?:not|never)\b|^\W*(?:haven|hasn)['’]t\b",
    re.IGNORECASE,
)


def reports_done_work(task: str) -> bool:
    """A task text that opens in the past tense reports work, it promises none; nor does a
    statement about how things are."""
    if _STATEMENT.match(task):
        return True
    m = _PAST_HEAD.match(task)
    if m is None:
        return False
    ed = m.group("ed")
    if ed is None:
        return True
    word = ed.lower()
    return not T.is_task_verb(word) and T.is_task_verb(T.base_verb(word))


# An agenda slot, not a task: a report-out ("Performance work update", "Update on the OSPO
# workflow", "Updates from the policy group") or a topic with a presenter and a time box
# ("Budget from Foundation (Ruairí, 15 minutes)").
_REPORT_OUT = re.compile(r"^\W*updates?\s+(?:on|from|re|about|of)\b|\bupdates?\W*$", re.I)
_TIME_BOX = re.compile(r"\([^()]*\b\d+\s*(?:min(?:ute)?s?|mins?|h|hours?)\b[^()]*\)", re.I)


def agenda_slot(task: str, source: str) -> bool:
    """A task text that only names a report-out or a time-boxed topic."""
    return bool(_REPORT_OUT.search(task) or _TIME_BOX.search(source))


_LETTER = re.compile(r"\p{L}")
_WORD = re.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*")


def bare_label(task: str, *, dated: bool) -> bool:
    """A task text that is only a label: no word at all ("14:00"), or two words or fewer that
    open with no verb and carry no due date ("Quarterly overview", a name). A dated one is a
    deliverable ("self-review by Friday")."""
    if not _LETTER.search(task):
        return True
    n = word_count(task) if spaceless(task) else len(_WORD.findall(task))
    return not dated and n <= 2 and not T.starts_with_verb(T.expand_shorthand(task))


def finish_task(
    cand: Candidate, ctx: SentenceContext, label_ctx: str | None, earlier_task: str | None = None
) -> None:
    """Personalise, tidy and, when the task is a bare verb or a pronoun, fill in its object."""
    cand.via_pronoun = ctx.third_party is not None and bool(_HIM_HER.search(cand.task))
    task = T.personalise(
        T.drop_tell_back(cand.task),  # "..., tell him" before "him" becomes a name
        owner=cand.owner,
        writer=ctx.speaker or ctx.people.writer,
        addressee=ctx.addressee,
        people=ctx.people,
        third_party=ctx.third_party,
    )
    task = T.imperative(T.tidy(task))
    task = _nominal_task(task, cand, ctx)
    size = T.content_size(task)
    # "organise her badge and send it to her": "it" has its noun in the task itself.
    pronoun = T.unresolved_pronoun(task) or bool(_THERE_THEN.search(task))
    if pronoun or size <= 1 or (label_ctx and size <= 3):
        sources: tuple[tuple[str | None, bool], ...] = (
            (earlier_task, False),
            (label_ctx, True),
            (ctx.dialogue_context, False),
            (ctx.previous_in_line, False),
            (ctx.previous_need, False),
            (ctx.own_previous, False),
            *((older, False) for older in ctx.earlier_sentences),
        )
        if not pronoun and size > 1:
            sources = ((label_ctx, True),)  # only a short lead-in may complete the task
            sources += tuple((older, False) for older in ctx.earlier_sentences)
        time_or_place = _THERE_THEN.search(task)
        skipped_it = False
        n_near = len(sources) - len(ctx.earlier_sentences)
        for k, (source, whole) in enumerate(sources):
            if not source or DONE_CUE.search(source):
                continue
            older = k >= n_near
            if older and not skipped_it:
                continue
            lent = source is earlier_task or source is label_ctx
            if not lent and (_IT_SUBJECT.search(source) or (pronoun and _echoes(task, source))):
                skipped_it = True  # "it's 3 days of compute" itself points further back
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
                np_only=source is earlier_task or older,
            )
            if obj is None:
                continue
            verb = task.split()[0].lower() if task.split() else ""
            take_on = _TAKE_ON.match(task)
            delegated = verb in _DELEGATING_VERBS and size <= 1
            if (delegated or take_on) and T.starts_with_verb(obj.text):
                # "Owen will own that" after "X needs to be finalized by April 30";
                # "he'd take that on and have a list by the 23rd" after "we need someone to X".
                task = obj.text
            else:
                task = T.with_context(task, obj.text)
                cand.context_filled = True
            if (delegated or take_on) and cand.due is None:
                d = find_due(obj.source, 0, ctx.meeting)
                cand.due = DueMatch(d.date, d.phrase, -1, -1, d.vague) if d else None
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


_PRONOUN_NEXT = re.compile(r"(?:it|them|that|this)\b", re.I)
_NOMINAL = re.compile(
    r"^(?:own|lead|drive|handle|run|take on|do)\s+the\s+([\p{Ll}\p{M}][\p{Ll}\p{M}-]+)$", re.I
)
_DET_NP = re.compile(r"\b(?:the|our|their|his|her|your|my)\s+[^,.;:?!()]+", re.IGNORECASE)
_NP_END = re.compile(r"\s+(?:is|are|was|were|has|have|had|will|needs?|before|by|for|to)\b.*$")


def _nominal_task(task: str, cand: Candidate, ctx: SentenceContext) -> str:
    """'She'll own the refresh' -> 'Refresh the onboarding docs': the noun names the work and
    its object is the thing discussed just before ("the onboarding docs are out of date")."""
    m = _NOMINAL.match(task)
    if m is None or not T.is_task_verb(m.group(1)):
        return task
    noun = m.group(1).lower()
    sources = [ctx.previous_in_line, ctx.previous_sentence, *ctx.earlier_sentences]
    for source in (s for s in sources if s):
        if noun in source.lower():
            # "they need a full refresh before the cohort (Oct 6)": the when, not the what
            d = find_due(source, -1, ctx.meeting)
            if cand.due is None and d is not None and not d.vague:
                cand.due = DueMatch(d.date, d.phrase, -1, -1)
            continue
        for np in _DET_NP.finditer(T.remove_dates(source, 0, None, ctx.meeting)):
            obj = _NP_END.sub("", np.group(0)).strip()
            if T.content_size(obj) >= 2:
                return f"{m.group(1)} {obj[0].lower()}{obj[1:]}"
    return task


def _echoes(task: str, source: str) -> bool:
    """'chase them' in a source that itself says 'chase them' points further back."""
    verb = task.split()[0].lower() if task.split() else ""
    at = source.lower().find(verb + " ")
    return at >= 0 and _PRONOUN_NEXT.match(source, at + len(verb) + 1) is not None


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
