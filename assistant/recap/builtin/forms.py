"""Commitment shapes beyond 'X will Y': arrow chains, plans stated in the present tense,
imposed necessities and granted requests.

'Acme → went dark … Jas → send breakup email Mon', "I'm calling the vendor tomorrow",
'Owen picks 3 tickets before then', 'It is necessary that Ana finish the course by Friday',
'Ana asked if she can present the results on Friday. Yes, good idea.'
"""

from __future__ import annotations

import regex as re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.clauses import Clause, find_due, vetoed
from assistant.recap.builtin.completion import finish_task
from assistant.recap.builtin.context import SentenceContext
from assistant.recap.builtin.dates import find_dues
from assistant.recap.builtin.lexicon import CANCEL_CUE, DONE_CUE, NORM_CUE
from assistant.recap.builtin.outline import SYMBOLS
from assistant.recap.builtin.people import Person
from assistant.recap.builtin.segmentation import Sentence

_ARROW = re.compile(r"\s*(?:→|->|=>|⇒|➜|➔)\s*")
# The owner named at the end of the segment before an arrow: "… Jas", "me", "Dee Hollis 👉".
_TAIL_OWNER = re.compile(
    r"(?:^|[^\w\s]\s*)(?P<who>me|I|[\p{Lu}\p{Lo}][\w.'-]*(?:\s+[\p{Lu}\p{Lo}][\w.'-]*)?)[\s"
    + SYMBOLS
    + r"\ufe0f]*$"
)
_LEAD_SYMBOLS = re.compile(r"^[\s" + SYMBOLS + r"\ufe0f.…:,-]+")
_SUBJ = (
    r"(?P<subj>I|[Hh]e|[Ss]he|[\p{Lu}\p{Lo}]{2,3}|"
    r"[\p{L}][\p{Ll}\p{M}]+(?:\s[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)?)"
)
# "I'm calling X tomorrow", "Dee is running the huddle Friday" (arrangements with a date)
_PROGRESSIVE = re.compile(
    r"^"
    + _SUBJ
    + r"(?:'m|’m|'s|’s|\s+am|\s+is|\s+are)?\s+(?P<verb>[\p{Ll}\p{M}]+ing)\b(?P<pred>.*)$"
)
# "Owen picks 3 tickets before then" (a plan in the simple present, with a date)
_PRESENT = re.compile(r"^" + _SUBJ + r"\s+(?P<verb>[\p{Ll}\p{M}]+s)\b(?P<pred>.*)$")
_PLAN_ANY = re.compile(
    r"(?:^|[,:]\s+)(?:[\p{L}]+(?:\s[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)?(?:'m|’m|'s|’s|\s+am|\s+is|\s+are)?\s+"
    r"[\p{Ll}\p{M}]+(?:s|ing)\b|I\s+[\p{Ll}\p{M}])"
)
_PLAN_SHAPE = re.compile(
    r"[\p{L}]+(?:\s[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)?(?:'m|’m|'s|’s|\s+am|\s+is|\s+are)?\s+[\p{Ll}\p{M}]"
)
_TOPIC_SEP = re.compile(
    r"(?<=\w)[,:]\s+(?=(?:I|[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+|[\p{Lu}\p{Lo}]{2,3})\s)"
)
_TOPIC_HEAD = re.compile(r"^([^—–:]{3,50}?)\s*(?:—|–|:|\s-\s)\s*")
# "I review it before the 24th" (the writer's plan, in the simple present, with a date)
_PRESENT_I = re.compile(r"^(?P<subj>I)\s+(?P<verb>[\p{Ll}\p{M}][\p{Ll}\p{M}-]+)\b(?P<pred>.*)$")
_TOPIC_LABEL = re.compile(r"^[\p{L} ]{2,20}:\s*(?=\S)")
_THEN_REF = re.compile(r"\b(?:before|by|until|for)\s+then\b", re.I)
_NECESSARY = re.compile(
    r"\b(?:it\s+is|it's|is|it\s+was|was)\s+(?:necessary|important|essential|required|mandatory|"
    r"critical)\s+(?:that|for)\s+"
    + _SUBJ
    + r"\s+(?:to\s+|should\s+|must\s+)?(?P<pred>[\p{Ll}\p{M}].*)$"
)
_ASKED_IF = re.compile(
    r"\b" + _SUBJ + r"\s+(?:ask|asks|asked)\s+(?:me\s+)?(?:if|whether)\s+(?:she|he|they|I)\s+"
    r"(?:can|could|may|might)\s+(?P<pred>[\p{Ll}\p{M}][^?]*)"
)
# "Marco propose to make a training for the intern. Ok for me." (accepted next)
_PROPOSES = re.compile(
    r"\b" + _SUBJ + r"\s+(?:propose[sd]?|suggest(?:s|ed)?)\s+to\s+(?P<pred>[\p{Ll}\p{M}][^?]*)"
)
_PLEASE = re.compile(
    r"^(?:(?:also|and|so|oh|ok(?:ay)?)[,\s]+)?please\s+"
    r"(?:(?P<who>(?-i:[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+(?:\s[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)?))\s+)?(?P<pred>[\p{Ll}\p{M}].*)$",
    re.I,
)
_TOLD_TO = re.compile(
    r"\b(?:told|asked)\s+(?P<who>him|her|(?-i:[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+(?:\s[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)?))\s+to\s+"
    r"(?P<pred>[\p{Ll}\p{M}][^;]*?)(?=\s+and\s+(?:I|we|he|she)\b|[;.]|$)",
    re.I,
)
_FOR_A_WHILE = re.compile(r"\b(?:until|till|through|for the (?:next|rest))\b", re.I)
_IF_BEFORE = re.compile(r"\b(?:if|whether|unless)\b", re.I)
_FORM_HINT = re.compile(
    r"please|necessary|important|essential|required|mandatory|critical|ask|propose|suggest", re.I
)
# "Team offsite: could you pull together three venue options?" in a recap to the report
_COULD_YOU = re.compile(
    r"^(?:[^:?]{1,40}:\s+)?(?:could|can|would)\s+you\s+(?:please\s+)?(?P<pred>[\p{Ll}\p{M}][^?]*)\?",
    re.I,
)
_GRANTED = re.compile(r"\b(?:yes|approved|ok(?:ay)?|sure|good idea|agreed|go ahead|fine)\b", re.I)
_NOT_PLAN_VERBS = frozenset("is was has does going thinks wants says feels seems".split())
# Being somewhere is an event or time off, not a task: "presenting at the meetup on the 21st",
# "taking that Friday off", "travelling to Oaxaca Dec 22".
_EVENT_VERBS = frozenset("take go attend travel visit present speak come leave fly".split())


def _candidate(
    sentence: Sentence,
    ctx: SentenceContext,
    owner: Person,
    who: str,
    pred: str,
    start: int,
    order: int,
    confidence: float,
    label: str | None = None,
) -> Candidate:
    due = find_due(pred, start, ctx.meeting)
    cand = Candidate(
        T.imperative(T.remove_dates(pred, start, due, ctx.meeting)),
        owner,
        who,
        due,
        [(sentence.start, sentence.end)],
        order,
        confidence,
    )
    finish_task(cand, ctx, label)
    return cand


def _closed(sentence: Sentence, text: str) -> bool:
    return (
        sentence.checkbox == "done"
        or sentence.struck
        or sentence.section_kind == "negative"
        or bool(DONE_CUE.search(text) or CANCEL_CUE.search(text) or NORM_CUE.search(text))
    )


def arrow_items(sentence: Sentence, ctx: SentenceContext) -> list[Candidate]:
    """'Topic → Name → do the thing Mon': the segment after a bare owner is their task."""
    t = sentence.text
    if ctx.speaker is not None or not ("→" in t or ">" in t or "⇒" in t or "➜" in t or "➔" in t):
        return []
    if not _ARROW.search(t):
        return []
    pieces: list[tuple[str, int]] = []
    pos = 0
    for m in _ARROW.finditer(sentence.text):
        pieces.append((sentence.text[pos : m.start()], pos))
        pos = m.end()
    pieces.append((sentence.text[pos:], pos))
    out: list[Candidate] = []
    for i in range(1, len(pieces)):
        head, _ = pieces[i - 1]
        body, offset = pieces[i]
        tail = _TAIL_OWNER.search(head.strip())
        lead = _LEAD_SYMBOLS.match(body)
        skip = lead.end() if lead else 0
        body = body[skip:]
        if not tail or not T.starts_with_verb(T.expand_shorthand(body)):
            continue
        who = tail.group("who")
        owner = ctx.people.resolve(who, speaker=ctx.people.writer)
        if owner is None or _closed(sentence, body):
            continue
        topic = head.strip()[: tail.start("who")].strip(" " + SYMBOLS + "…:-") if i == 1 else None
        if i > 1:
            topic = pieces[0][0].strip(" " + SYMBOLS + "…:-\ufe0f")
        start = sentence.start + offset + skip
        label = topic if topic and T.content_size(topic) >= 1 else None
        out.append(_candidate(sentence, ctx, owner, who, body, start, start, 0.75, label))
    return out


def plan_statement(
    sentence: Sentence, clause: Clause, ctx: SentenceContext, shared: str | None = None
) -> list[Candidate]:
    """A plan stated in the present tense, which is a promise only with a day attached."""
    # The plan may follow a topic ("Safety: toolbox talk on heights, Mia leads it tomorrow")
    # and a second subject may take over ("Colin drafts by Wed, I review before the 24th").
    if not _PLAN_ANY.search(clause.text):
        return []  # no "<Name> <verb>s/-ing" anywhere: the common case, decided in one pass
    cuts = [0, *[m.end() for m in _TOPIC_SEP.finditer(clause.text)][:3]]
    out: list[Candidate] = []
    for i, cut in enumerate(cuts):
        end = cuts[i + 1] if i + 1 < len(cuts) else len(clause.text)
        segment = clause.text[cut:end].rstrip(" ,:")
        if not _PLAN_SHAPE.match(segment):
            continue  # cheap test before the full one
        topic = shared or _sentence_topic(sentence, clause)
        lead = _TOPIC_LABEL.sub("", clause.text[:cut]).strip(" ,;:-–—") if cut else ""
        label = topic or (lead if lead and not out else None)
        found = _plan_at(sentence, clause, ctx, cut, segment, label)
        out += found or []
    return out


def _sentence_topic(sentence: Sentence, clause: Clause) -> str | None:
    """'Family welcome letter — Colin drafts by Wed': the noun phrase the line is about."""
    m = _TOPIC_HEAD.match(sentence.text)
    if not m or clause.start < sentence.start + m.end() - 1:
        return None
    topic = m.group(1).strip()
    if T.starts_with_verb(topic) or len(topic.split()) > 6 or T.content_size(topic) < 2:
        return None
    return topic


def _plan_at(
    sentence: Sentence,
    clause: Clause,
    ctx: SentenceContext,
    cut: int,
    text: str,
    label: str | None,
) -> list[Candidate] | None:
    """None when no plan-shaped subject and verb start at `cut`; [] when one is vetoed."""
    m = _PRESENT.match(text) or _PROGRESSIVE.match(text) or _PRESENT_I.match(text)
    if not m or m.group("verb").lower() in _NOT_PLAN_VERBS:
        return None
    if m.re is _PRESENT_I and T.base_verb(m.group("verb")) != m.group("verb").lower():
        return None  # "I submitted the request" is done, not planned
    writer_now = m.re is _PROGRESSIVE and m.group("subj") == "I"
    verb = T.base_verb(m.group("verb"))
    owner, _ = ctx.resolver.resolve(
        m.group("subj"), speaker=ctx.speaker, addressee=ctx.addressee, named_before=None
    )
    if owner is None or not T.is_task_verb(verb):
        return None
    # After a topic, a third person's "-ing" is usually status ("Jas pushing them").
    if verb in _EVENT_VERBS or (cut and m.re is _PROGRESSIVE and not writer_now):
        return []
    pred = verb + m.group("pred")
    start = clause.start + cut + m.start("verb")
    due = find_due(pred, start, ctx.meeting)
    dated = due is not None and not due.vague
    if not dated and m.re is _PRESENT:
        # "team to agree at the PLC on Tuesday; Colin facilitates": the sentence's one day.
        dated = len({d.date for d in find_dues(sentence.text, ctx.meeting) if not d.vague}) == 1
    # "I'm writing the narrative": the writer's own work in progress needs no date; nor does
    # a plan in an action list ("Open items / 4. Intern reviews — JL schedules").
    listed = sentence.section_kind == "action"
    if not dated and not _THEN_REF.search(pred) and not writer_now and not listed:
        return []
    if vetoed(sentence, text, sentence.text[: clause.start - sentence.start + cut], ""):
        return []
    pred = verb + " " + m.group("pred").lstrip()
    return [
        _candidate(sentence, ctx, owner, m.group("subj"), pred, start, clause.start, 0.6, label)
    ]


def told_to(sentence: Sentence, clause: Clause, ctx: SentenceContext) -> list[Candidate]:
    """'I told her to send me two names by Friday': an instruction given in the meeting."""
    text = clause.text
    told = _TOLD_TO.search(text) if ctx.speaker is None and "to" in text else None
    if told is None or not T.starts_with_verb(told.group("pred")):
        return []
    who = told.group("who")
    owner = ctx.people.reader if who.lower() in ("him", "her") else ctx.people.resolve(who)
    if owner is None or _closed(sentence, text) or _IF_BEFORE.search(text[: told.start()]):
        return []
    if T.base_verb(told.group("pred").split()[0]) in _EVENT_VERBS:
        return []  # "told her to take whatever she needs" is leave, not a task
    if _FOR_A_WHILE.search(told.group("pred")):
        return []  # "told him to drop the newsletter until summer" is an arrangement
    start = clause.start + told.start("pred")
    return [_candidate(sentence, ctx, owner, who, told.group("pred"), start, start, 0.65)]


def imposed_or_granted(sentence: Sentence, clause: Clause, ctx: SentenceContext) -> list[Candidate]:
    """'It is necessary that Ana finish X' and 'Ana asked if she can X (on Friday). Yes.'"""
    text = clause.text
    prose_you = ctx.speaker is None and "you" in text.lower()
    if not prose_you and not _FORM_HINT.search(text):
        return []
    please = _PLEASE.match(text) or _COULD_YOU.match(text)
    if please and ctx.speaker is None and T.starts_with_verb(please.group("pred")):
        # "Also, please send me your proposal before Friday" in a recap written to the report;
        # "Please Zhang Min prepare the demo": a named person is asked instead.
        # In minutes of a group, an unaddressed "Please join a community meeting!" asks every
        # reader: nobody in particular commits.
        named = please.groupdict().get("who")
        reader = None if ctx.people.group_meeting else ctx.people.reader
        owner = ctx.people.resolve(named) if named else reader
        if _closed(sentence, text) or owner is None:
            return []
        start = clause.start + please.start("pred")
        return [_candidate(sentence, ctx, owner, "you", please.group("pred"), start, start, 0.7)]
    m = _NECESSARY.search(text)
    granted = False
    proposal = False
    if not m:
        m = _PROPOSES.search(text)
        proposal = m is not None
        m = m or _ASKED_IF.search(text)
        rest = sentence.text[clause.start - sentence.start + (m.end() if m else 0) :]
        granted = bool(m) and bool(_GRANTED.search(rest + " " + (ctx.next_in_line or "")))
        if not granted:
            return []
    assert m is not None
    word = m.group("pred").split()[0] if m.group("pred").split() else ""
    if not T.is_task_verb(T.base_verb(word)):
        return []
    owner, _ = ctx.resolver.resolve(
        m.group("subj"), speaker=ctx.speaker, addressee=ctx.addressee, named_before=None
    )
    if owner is None or _closed(sentence, text):
        return []
    start = clause.start + m.start("pred")
    due = find_due(m.group("pred"), start, ctx.meeting)
    if granted and not proposal and (due is None or due.vague):
        return []  # "could I leave at 4:30 on Wednesdays? Approved" is a schedule, not a task
    return [_candidate(sentence, ctx, owner, m.group("subj"), m.group("pred"), start, start, 0.6)]
