"""Clauses of a sentence, the due date inside one, and the vetoes that make a clause no promise.

Vetoes: done ("already", [x]), cancelled ("we were going to..., but"), hypothetical ("if it
slips we might"), declined ("she'd rather not"), and standing norms ("from now on").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex as re

from assistant.recap.builtin.dates import DueMatch, find_dues, pick_due
from assistant.recap.builtin.lexicon import CANCEL_CUE, DECLINE_CUE, DONE_CUE, NORM_CUE
from assistant.recap.builtin.segmentation import Sentence

_IF_PREFIX = re.compile(r"\b(?:if|unless|whether|maybe|in case|what happens)\b", re.I)

_CONTINGENT = re.compile(
    r"\bif\s+(?:no|not|nothing|none|there'?s no|needed|necessary|required|it\s+(?:slips|fails)|"
    r"(?:he|she|they|we|it|[\p{Ll}\p{M}]+)\s+(?:doesn'?t|don'?t|isn'?t|aren'?t|hasn'?t|haven'?t|can'?t|"
    r"won'?t|didn'?t))\b",
    re.IGNORECASE,
)
_AND_VERB = re.compile(r",?\s+and\s+(?=[\p{Ll}\p{M}]+\b)")
_IDIOM = re.compile(
    r"\b(?:take it from there|see how it goes|think about it|keep an eye|get involved|"
    r"let you know|leave it)\b",
    re.I,
)

# Small precompiled patterns used by the functions below.
_RATHER_OR_THINK = re.compile(r"\b(?:'d|would) rather\b|\bsaid (?:he|she)'?d think\b", re.I)

_WILL_WORD = re.compile(r"\b(?:will|'ll)\b")

_CLAUSE_SPLIT = re.compile(r"\s*(?:;|\s->\s|\s=>\s|\s⇒\s|\s→\s|\s[-–—]{1,2}\s)\s*")


_BOUNDED = re.compile(
    r"\b(?:for the next|until|through|till|starting|for (?:the )?(?:next )?\d+|"
    r"for a (?:week|month))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Clause:
    text: str
    start: int  # offset in the notes


def clauses_of(sentence: Sentence) -> list[Clause]:
    out: list[Clause] = []
    pos = 0
    for m in _CLAUSE_SPLIT.finditer(sentence.text):
        out.append(Clause(sentence.text[pos : m.start()], sentence.start + pos))
        pos = m.end()
    out.append(Clause(sentence.text[pos:], sentence.start + pos))
    return [c for c in out if c.text.strip()]


def find_due(text: str, start: int, meeting: dt.date) -> DueMatch | None:
    best = pick_due(find_dues(text, meeting), text)
    if best is None:
        return None
    return DueMatch(best.date, best.phrase, best.start + start, best.end + start, best.vague)


def contingent_cut(pred: str) -> str | None:
    """The part of a predicate before 'and <verb> if nothing by Monday' (or before 'and let
    you know'), or None if no cut."""
    c = _CONTINGENT.search(pred)
    idiom = _IDIOM.search(pred)
    if c is None and idiom is not None and idiom.start() > 0:
        c = idiom
    if c is None:
        return None
    joins = [j for j in _AND_VERB.finditer(pred) if j.start() < c.start()]
    return pred[: joins[-1].start()] if joins else None


# "will commit his results today (already committed)": a remark in brackets says it is done;
# so does a status after a dash at the end ("... - **completed** on 07/13", "...- done").
_DONE_REMARK = re.compile(
    r"[(\[]\s*(?:already|done|completed|finished)\b[^)\]]{0,40}[)\]]|"
    r"[-–—]+\s*[*_~]*(?:done|completed|finished)\b[*_~]*(?!\s+(?:by|before|when|if)\b)"
    r"[^.;!?]{0,30}[.!]?\s*$",
    re.I,
)


def vetoed(sentence: Sentence, clause_text: str, before: str, after: str) -> bool:
    if sentence.checkbox == "done" or sentence.struck or sentence.section_kind == "negative":
        return True
    if _DONE_REMARK.search(sentence.text):
        return True
    # Only the condition in this clause counts: "asked whether X; I said I'd Y" is a promise.
    if _IF_PREFIX.search(before.rsplit(";", 1)[-1]) or _IDIOM.search(clause_text):
        return True
    if _CONTINGENT.search(clause_text):
        return True  # "escalate if no answer by Thursday" only happens if something fails
    head = clause_text.split(" - ")[0]
    if DONE_CUE.search(before[-40:] + " " + head) and not _WILL_WORD.search(head):
        return True
    tail = clause_text.split(",", 1)[1] if "," in clause_text else ""
    if CANCEL_CUE.search(sentence.text) or DECLINE_CUE.search(after + " " + tail):
        return True
    if _RATHER_OR_THINK.search(after + " " + tail):
        return True
    # "every Monday for the next month" has an end, so it is a task (due: the first Monday).
    return bool(NORM_CUE.search(clause_text)) and not _BOUNDED.search(clause_text)
