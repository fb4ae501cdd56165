"""Due dates by reference: 'before she starts', 'on distribution day', 'by then'.

The task names an event without a date; the date is written where the event was mentioned
("Lena Vogt starts 4/27", "Distribution day is Sat the 14th"). Only a sentence that names the
event and carries exactly one specific date lends it.
"""

from __future__ import annotations

import bisect
import datetime as dt

import regex as re

from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.dates import DueMatch, find_dues
from assistant.recap.builtin.segmentation import Sentence
from assistant.recap.builtin.tokens import task_tokens

_EVENT_REF = re.compile(
    r"\b(?:before|by|ahead of|in time for|prior to|for|on|at|until)\s+"
    r"(?:the\s+|our\s+|his\s+|her\s+|their\s+|she\s+|he\s+|they\s+|it\s+)?"
    r"(?P<event>[\p{Ll}\p{M}][\w'-]*(?:\s+[\p{Ll}\p{M}][\w'-]*){0,2})\s*$",
    re.IGNORECASE,
)
_EVENT_CLAUSE = re.compile(
    r"\b(?:before|ahead of|in time for|prior to)\s+(?:the\s+|she\s+|he\s+|they\s+|it\s+)?"
    r"(?P<event>[\p{Ll}\p{M}][\w'-]*(?:\s+[\p{Ll}\p{M}][\w'-]*)?)\s*(?=[.,;)!]|$)",
    re.IGNORECASE,
)
_NEXT_MEETING = re.compile(r"\bnext\s+(?:1:1|one-on-one|1-on-1|check-in|catch-up)", re.I)
_SAME_DAY = re.compile(r"\b(?:the\s+same|that)\s+day\b", re.IGNORECASE)
_THEN = re.compile(r"\b(?:before|by|until)\s+then\b|\bbefore(?:hand)?\s*[.!]?\s*$", re.IGNORECASE)
_GENERIC = frozenset(
    "then now time it that this week month day meeting call one thing work end start".split()
)


_STARTS: dict[int, list[int]] = {}


def _index(sentences: list[Sentence], pos: int) -> int:
    """Index of the last sentence starting at or before `pos` (-1 if none)."""
    starts = _STARTS.get(id(sentences))
    if starts is None or len(starts) != len(sentences):
        _STARTS.clear()  # one note at a time: the cache holds only the current list
        starts = _STARTS[id(sentences)] = [s.start for s in sentences]
    return bisect.bisect_right(starts, pos) - 1


def _nearby(sentences: list[Sentence], pos: int, reach: int = 40) -> list[Sentence]:
    """Sentences around offset `pos`: an event is dated near where it is mentioned."""
    i = _index(sentences, pos)
    return sentences[max(0, i - reach) : i + reach + 1]


def _sentence_at(sentences: list[Sentence], pos: int) -> Sentence | None:
    """The sentence covering offset `pos` (sentences are in note order)."""
    i = _index(sentences, pos)
    if i >= 0 and pos < max(sentences[i].end, sentences[i].start + 1):
        return sentences[i]
    return None


_SHIFT = re.compile(
    r"\b(a|one|two|three|\d+)\s+(days?|weeks?)\s+(?:before|ahead of|prior to)\b", re.I
)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3}


def _shift_delta(m: re.Match[str]) -> dt.timedelta:
    n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1).lower()]
    return dt.timedelta(weeks=n) if m.group(2).lower().startswith("week") else dt.timedelta(days=n)


def _stem(word: str) -> str:
    return word.lower()[:5]


def _single_date(text: str, meeting: dt.date) -> DueMatch | None:
    dates = {d.date for d in find_dues(text, meeting) if not d.vague and d.date is not None}
    if len(dates) != 1:
        return None
    return next(d for d in find_dues(text, meeting) if not d.vague and d.date is not None)


def _event_date(
    words: set[str], sentences: list[Sentence], before: int, meeting: dt.date
) -> DueMatch | None:
    """The one date of the nearest sentence naming every word of the event."""
    stems = {_stem(w) for w in words}
    near = _nearby(sentences, before)
    ordered = sorted(near, key=lambda s: (s.start > before, abs(s.start - before)))
    for s in ordered:
        if s.start == before:
            continue
        have = {_stem(w) for w in re.findall(r"[\p{L}][\w'-]*", s.text)}
        if stems <= have:
            return _single_date(s.text, meeting)
    return None


_DUE_KEY = re.compile(
    r"\b(?:due|deadline|target|eta|by when)(?:\s+date)?\s*[:=]\s*(?P<v>[^.;|]+)", re.I
)


def fill_from_line_keys(
    cands: list[Candidate], sentences: list[Sentence], meeting: dt.date
) -> None:
    """'Action: automate X. Owner: Ravi. Due: end of August.' - keys later on the item's line."""
    for c in cands:
        own = _sentence_at(sentences, c.spans[0][0]) if c.spans else None
        if c.due is not None or own is None:
            continue
        m = _DUE_KEY.search(own.line_text[max(0, own.line_text.find(own.text)) :])
        if m:
            d = find_dues(m.group("v"), meeting)
            specific = [x for x in d if not x.vague]
            if d:
                best = specific[0] if specific else d[0]
                c.due = DueMatch(best.date, best.phrase, -1, -1, best.vague)


def resolve_event_dues(cands: list[Candidate], sentences: list[Sentence], meeting: dt.date) -> None:
    """Fill a missing due from the date of the event the task refers to."""
    for c in cands:
        if not c.spans:
            continue
        start = c.spans[0][0]
        own = _sentence_at(sentences, start)
        if c.due is not None and c.due.vague and _SAME_DAY.search(c.due.phrase) and own:
            # "Nia will walk the roof with him that day" after "... inspection on June 30"
            i = _index(sentences, own.start)
            prev = sentences[i - 1 : i] if i > 0 else []
            d = _single_date(prev[0].text, meeting) if prev else None
            if d is not None:
                c.due = DueMatch(d.date, d.phrase, -1, -1)
            continue
        if c.due is not None and c.due.vague and _NEXT_MEETING.search(c.due.phrase) and own:
            # "by next 1:1" with "Next 1:1: Wed 10 Dec" written down
            dated = [
                s
                for s in _nearby(sentences, own.start, 400)
                if s is not own and _NEXT_MEETING.search(s.text)
            ]
            d = next((x for x in (_single_date(s.text, meeting) for s in dated) if x), None)
            if d is not None:
                c.due = DueMatch(d.date, d.phrase, -1, -1)
            continue
        if c.due is not None:
            continue
        m = _EVENT_REF.search(c.task)
        if m is None and own is not None:
            m = _EVENT_CLAUSE.search(own.text)  # "before she starts", cut from the task text
        if m:
            words = set(task_tokens(m.group("event"))) - _GENERIC
            if words:
                d = _event_date(words, sentences, start, meeting)
                if d is not None and d.date is not None:
                    # "a day before the QBR" / "two weeks before the launch"
                    shift = _SHIFT.search(c.task[: m.end()] + " " + (own.text if own else ""))
                    date = d.date - _shift_delta(shift) if shift else d.date
                    c.due = DueMatch(date, d.phrase, -1, -1)
                continue
        if own is not None and _THEN.search(own.text):
            prev = [
                s
                for s in _nearby(sentences, start, 4)
                if s.start < start and own.line_index - s.line_index <= 1
            ]
            d = _single_date(prev[-1].text, meeting) if prev else None
            if d is not None:
                c.due = DueMatch(d.date, d.phrase, -1, -1)
