"""Find commitments in sentences: explicit markers, subject + modal, labelled bullets.

A commitment is someone + a promise verb ("will", "'ll", "to", "agreed to", "I need to") + a
task. Vetoes drop what only looks like one: done, cancelled, hypothetical, declined, norms.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from assistant.recap_engine import tasks as T
from assistant.recap_engine.candidates import Candidate
from assistant.recap_engine.clauses import Clause, clauses_of, find_due, vetoed
from assistant.recap_engine.completion import finish_task
from assistant.recap_engine.context import SentenceContext, context_object
from assistant.recap_engine.dates import DueMatch, find_dues
from assistant.recap_engine.lexicon import TASK_VERBS
from assistant.recap_engine.list_items import (
    action_bullet,
    from_passive,
    from_progressive,
    labelled_item,
)
from assistant.recap_engine.people import Person
from assistant.recap_engine.segmentation import Sentence

_CAPITALISED_NAME = re.compile(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")
_AND_JOINER = re.compile(r"\s(?:and|&|\+)\s")
_FIRST_TWO_WORDS = re.compile(r"\s*([A-Za-z][\w-]*)(\s+\w+)?")
_THEN_SEQUENCE = re.compile(r"(?:,\s*|\s+)and then\s+|,\s*then\s+")
_HAVE_PREFIX = re.compile(r"have\s", re.I)
_TO_WORD = re.compile(r"\sto\s")
_TWO_WORD_NAME = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+")
_TRAILING_CONNECTOR = re.compile(r"(?:,?\s*(?:and|but|while|then|so)?\s*)$")

_ADV = (
    r"(?:\s+(?:also|then|just|still|first|personally|directly|now|already|quickly|both|each|"
    r"really|definitely|happily|gladly|probably))*"
)
_SUBJ = (
    r"(?P<subj>(?:[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+)?|[a-z]+|I|[A-Z]{2,3}(?:/[A-Z]{2,3})*|[A-Z]\.)"
    r"(?:\s+(?:and|&|\+)\s+(?:I|me|[A-Z][a-z]+))?)"
)
_MODAL = (
    r"(?P<modal>'ll|’ll|\s+will|\s+shall|"
    r"(?:\s+is|\s+are|\s+am|'s|'m|'re)(?:\s+(?:also|still|now|just|then))?\s+going\s+to|"
    r"(?:\s+has|\s+have)\s+to|(?:'m|\s+am|\s+is)\s+to|"
    r"\s+(?:has\s+|have\s+)?(?:agreed|volunteered|offered|promised|committed|plans?|intends?)\s+to|"
    r"(?:'m|'s|'re|\s+am|\s+is|\s+are)(?:\s+(?:also|still|now|just))?\s+(?:planning|aiming)\s+to|"
    r"\s+needs?\s+to|\s+can|\s+(?:is|am)\s+taking|'m\s+taking|\s+owns|\s+to|"
    r"(?:'s|'re|'m|\s+is|\s+are|\s+am)\s+on\s+the\s+hook\s+(?:for|to)|\s+owes?|'d(?=\s)|"
    r"\s+would(?=\s))"
)
# "Naomi Fischer from facilities has offered to", "Tom Becker (eng lead) will"
_APPOSITION = (
    r"(?:\s+(?:from|in|at|of|on)\s+(?:the\s+)?[a-z][\w&-]*(?:\s+[a-z][\w&-]*)?|\s*\([^)]{1,40}\))?"
)
COMMIT = re.compile(r"(?<![\w'’])" + _SUBJ + _APPOSITION + _ADV + _MODAL + _ADV + r"\b")
_SUBORDINATE = re.compile(r"\b(?:if|whether|that|because|unless|once|when|so)\s*$", re.IGNORECASE)
_SHIFT_BEFORE = re.compile(r"\b(a|one|\d+)\s+(weeks?|days?)\s+before\b", re.IGNORECASE)
_LEAD_SEPARATED = re.compile(r"[.,;:)!?]\s*$")
# "We'll have Mira draft the notes", "Let's have her own the survey"
_CAUSATIVE = re.compile(
    r"\b(?:we'?ll|we will|let'?s|let us|i'?ll|i will)\s+(?:also\s+)?have\s+"
    r"(?P<who>him|her|them|(?-i:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))\s+(?:also\s+)?(?=[a-z])",
    re.IGNORECASE,
)
_LET_ME = re.compile(r"\blet me\s+(?=[a-z])", re.IGNORECASE)
_SUGGESTED = re.compile(
    r"\b(?:suggested|proposed)\s+(?:that\s+)?(?P<subj>he|she|they|[A-Z][a-z]+)\s+(?P<pred>[a-z].*)$",
    re.IGNORECASE,
)
_ACCEPTED = re.compile(
    r"\b(?:(?:he|she|they)(?:'s|'re| is| are) in\b|(?:he|she|they) agreed|on board|will do|"
    r"is up for it)",
    re.IGNORECASE,
)
_BAD_SUBJECTS = frozenset(
    "it this that there what which who where when how here also and but so then or not".split()
)
_SAID_BEFORE = re.compile(r"\b(?:said|promised|told (?:him|her|them))\s+(?:that\s+)?$", re.I)
_STATIVE = frozenset("be like love think see need want hear know feel wait say".split())


def _named_before(text: str, ctx: SentenceContext) -> Person | None:
    for m in _CAPITALISED_NAME.finditer(text):
        person = ctx.people.resolve(m.group(1))
        if person is not None and person is not ctx.people.manager:
            return person
    return None


def _valid_subject(subj: str, modal: str, clause: str, start: int, ctx: SentenceContext) -> bool:
    low = subj.lower()
    if low in _BAD_SUBJECTS:
        return False
    pronoun = low in ("i", "me", "he", "she", "we", "they", "you")
    if modal.strip() == "to":
        # "Ben to submit ..." only at the start of a clause, and never "I to".
        lead = clause[:start].strip(" ,(")
        if (pronoun and low != "me") or (lead and not lead.endswith((":", ")", "."))):
            return False
    if modal.strip() in ("'d", "would") and not _SAID_BEFORE.search(clause[:start]):
        return False  # "I'd rather..." is not a promise; "I said I'd look into it" is
    if pronoun:
        return True
    if _AND_JOINER.search(subj):
        return True
    return ctx.people.resolve(subj) is not None or bool(_TWO_WORD_NAME.fullmatch(subj))


def _predicate_ok(modal: str, pred: str, subj: str, due: DueMatch | None) -> bool:
    m = modal.strip().lower().replace("’", "'")
    first = _FIRST_TWO_WORDS.match(pred)
    word = first.group(1).lower() if first else ""
    nxt = (first.group(2) or "").strip().lower() if first else ""
    if m == "to" and T.base_verb(word) not in TASK_VERBS:
        return False
    if m == "can" and (due is None or due.vague):
        return False
    if m.startswith("need") and subj.lower() not in ("i", "me"):
        return False
    if word == "have":
        return nxt in ("a", "an", "the", "it", "my", "his", "her", "that", "them", "those")
    return word not in _STATIVE


def _task_from(
    pred: str, pred_start: int, due: DueMatch | None, modal: str, meeting: dt.date
) -> str:
    text = T.remove_dates(pred, pred_start, due, meeting)
    m = modal.strip().lower()
    if m.endswith("taking"):
        text = "take " + text
    elif m.endswith(("for", "hook to")) and "hook" in m:
        text = "deliver " + text
    elif m in ("owe", "owes"):
        text = "give " + text
    elif m == "owns":
        text = "own " + text
    if _HAVE_PREFIX.match(text) and _TO_WORD.search(text):
        text = "send " + text[5:]
    return text


def _split_sequence(pred: str) -> list[tuple[str, int]]:
    """'update X next week and then start Y' is two tasks; plain 'X and Y' stays one."""
    parts: list[tuple[str, int]] = []
    pos = 0
    for m in _THEN_SEQUENCE.finditer(pred):
        if T.starts_with_verb(pred[m.end() :]):
            parts.append((pred[pos : m.start()], pos))
            pos = m.end()
    parts.append((pred[pos:], pos))
    return parts


def detect_sentence(sentence: Sentence, ctx: SentenceContext) -> list[Candidate]:
    """Commitments stated in one sentence; shared 'we' ones only lend context."""
    # "@dmitri will ..." reads as "dmitri will ..."; same length keeps offsets verbatim.
    if "@" in sentence.text:
        sentence = replace(sentence, text=sentence.text.replace("@", " "))
    labelled = labelled_item(sentence, ctx)
    if labelled:
        return labelled
    found: list[Candidate] = []
    shared_context: list[str] = []
    clauses = clauses_of(sentence)
    produced_prior = True
    for ci, clause in enumerate(clauses):
        prior = clauses[ci - 1].text if ci > 0 and not produced_prior else None
        before_count = len(found)
        matches = list(COMMIT.finditer(clause.text))
        # "...to ask if we can use the fund": a subordinate clause is part of the task.
        valid = [
            m
            for m in matches
            if _valid_subject(m.group("subj"), m.group("modal"), clause.text, m.start(), ctx)
            and (m is matches[0] or not _SUBORDINATE.search(clause.text[: m.start()]))
        ]
        for mi, m in enumerate(valid):
            end = valid[mi + 1].start() if mi + 1 < len(valid) else len(clause.text)
            raw = clause.text[m.end() : end]
            pred = _TRAILING_CONNECTOR.sub("", raw).strip()
            pred_start = clause.start + m.end() + (len(raw) - len(raw.lstrip()))
            lead = clause.text[: m.start()]
            label = lead[: lead.rfind(":")] if ":" in lead else None
            # A lead-in fragment ("IEP notes due - Ben to submit") completes a bare task; a
            # title in front of the name ("AP lead Dominic Hale has agreed") does not.
            separated = _LEAD_SEPARATED.search(lead) is not None
            if label is None and separated and T.content_size(lead) >= 2:
                label = lead
            if shared_context:
                label = shared_context[-1]
            found += _from_match(
                sentence,
                clause,
                m,
                pred,
                pred_start,
                end,
                label or prior,
                ctx,
                shared_context,
                found[-1].task if found else None,
            )
        found += _from_let_me(sentence, clause, ctx)
        if not valid and prior:
            found += _from_volunteer(sentence, clause, ctx, prior)
        if not valid:
            found += from_progressive(sentence, clause, ctx, prior)
            found += from_passive(sentence, clause, ctx)
        found += _suggestion(sentence, clause, ctx)
        produced_prior = len(found) > before_count
    if not found:
        found += action_bullet(sentence, ctx)
    _fill_sentence_due(sentence, found, ctx)
    return found


def _from_match(
    sentence: Sentence,
    clause: Clause,
    m: re.Match[str],
    pred: str,
    pred_start: int,
    end: int,
    label: str | None,
    ctx: SentenceContext,
    shared_context: list[str],
    earlier_task: str | None = None,
) -> list[Candidate]:
    subj, modal = m.group("subj"), m.group("modal")
    out: list[Candidate] = []
    for part, offset in _split_sequence(pred):
        part_start = pred_start + offset
        due = find_due(part, part_start, ctx.meeting)
        if not _predicate_ok(modal, part, subj, due):
            return out
        before = sentence.text[: clause.start - sentence.start + m.start()]
        after = sentence.text[clause.start - sentence.start + end :]
        if vetoed(sentence, clause.text[m.start() : end], before, after):
            return out
        named = _named_before(before, ctx) if subj.lower() in ("he", "she") else None
        owner, flags = ctx.resolver.resolve(
            subj, speaker=ctx.speaker, addressee=ctx.addressee, named_before=named
        )
        task = _task_from(part, part_start, due, modal, ctx.meeting)
        if owner is None:
            shared_context.append(task)
            continue
        cand = Candidate(
            task=task,
            owner=owner,
            owner_text=subj,
            due=due,
            spans=[(sentence.start, sentence.end)],
            order=clause.start + m.start() + offset,
            confidence=0.8 if modal.strip() not in ("can", "to") else 0.75,
            flags=set(flags),
        )
        finish_task(cand, ctx, label, earlier_task)
        out.append(cand)
    return out


_VOLUNTEERED = re.compile(
    r"^(?P<who>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:volunteered|offered|stepped up|signed up|"
    r"took it|will take it|is on it|'s on it|owns it|will own it)\b(?P<rest>.*)$"
)


def _from_volunteer(
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


def _from_let_me(sentence: Sentence, clause: Clause, ctx: SentenceContext) -> list[Candidate]:
    """'Let me ask Olivia...' (the speaker) and "We'll have Mira draft..." (Mira)."""
    owner: Person | None = ctx.speaker or ctx.people.manager
    m = _LET_ME.search(clause.text)
    causative = _CAUSATIVE.search(clause.text)
    if causative and not m:
        m = causative
        who = causative.group("who")
        if who.lower() in ("him", "her", "them"):
            owner = ctx.people.report if owner is ctx.people.manager else ctx.people.manager
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


def _suggestion(sentence: Sentence, clause: Clause, ctx: SentenceContext) -> list[Candidate]:
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


def _fill_sentence_due(sentence: Sentence, found: list[Candidate], ctx: SentenceContext) -> None:
    """A due date stated elsewhere in the sentence ("- by 3/27", "target is EOM")."""
    if len(found) != 1 or found[0].due is not None:
        return
    dues = [d for d in find_dues(sentence.text, ctx.meeting) if not d.vague]
    if len(dues) == 1:
        d = dues[0]
        date = d.date
        # "Summit is Feb 12 - Hanna will book the venue a week before the summit."
        before = _SHIFT_BEFORE.search(found[0].task)
        if before and date is not None:
            n = int(before.group(1)) if before.group(1).isdigit() else 1
            unit = 7 if before.group(2).lower().startswith("week") else 1
            date = date - dt.timedelta(days=n * unit)
        found[0].due = DueMatch(date, d.phrase, d.start + sentence.start, d.end + sentence.start)
