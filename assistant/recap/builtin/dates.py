"""Due-date finding: every due phrase in a clause, resolved against the meeting date, and the
one that sets an item's due date. The vocabulary and one rule per kind of phrase live in
`date_rules.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.recap.builtin.date_rules import (
    DATE_RULES,
    NUMWORDS,
    PERIOD_NAME,
    PLURAL_WEEKDAY,
    VAGUE,
    WEEK_BEFORE,
    weekday_index,
)
from assistant.recap.builtin.foreign_dates import foreign_due_phrases

_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_BY_OR_ON_BEFORE = re.compile(r"(by|on)\s*$")


@dataclass(frozen=True)
class DueMatch:
    """A due phrase found in text: its resolved date (None when vague) and where it was."""

    date: dt.date | None
    phrase: str
    start: int
    end: int
    vague: bool = False


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def find_dues(text: str, meeting: dt.date) -> list[DueMatch]:
    """All non-overlapping due phrases in `text`, in order (longer phrases win overlaps)."""
    return list(_find_dues_cached(text, meeting, True))


@lru_cache(maxsize=4096)
def _find_dues_cached(text: str, meeting: dt.date, foreign_too: bool) -> tuple[DueMatch, ...]:
    # The same clause is looked at by several rules; DueMatch is immutable, so cache it.
    found: list[DueMatch] = []
    spans: list[tuple[int, int]] = []
    candidates: list[tuple[int, int, str, re.Match[str] | None]] = []
    resolvers = {rule.kind: rule.resolve for rule in DATE_RULES}
    for rule in DATE_RULES:
        for m in rule.pattern.finditer(text):
            if rule.kind == "weekday" and _is_ambiguous_weekday(m):
                continue
            if rule.kind == "ordinal" and _is_bad_ordinal(m):
                continue
            candidates.append((m.start(), m.end(), rule.kind, m))
    for m in VAGUE.finditer(text):
        if PERIOD_NAME.fullmatch(m.group(0)) and _is_bad_ordinal(m):
            continue  # "the Q3 partner newsletter": a period used as a name, not a deadline
        candidates.append((m.start(), m.end(), "vague", m))
    for m in PLURAL_WEEKDAY.finditer(text):
        candidates.append((m.start(), m.end(), "vague", m))
    # "bis Freitag", "la semaine prochaine", "下周五": resolved as their English equivalents.
    foreign: dict[int, DueMatch] = {}
    for start, end, english in foreign_due_phrases(text) if foreign_too else ():
        resolved = _find_dues_cached(english, meeting, False)
        if resolved:
            foreign[start] = resolved[0]
            candidates.append((start, end, "foreign", None))
    # Longest first so "end of next week" beats "next week" and "Fri 7/17" beats "Fri".
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    for start, end, kind, match in candidates:
        if any(_overlaps((start, end), s) for s in spans):
            continue
        if match is None:  # a phrase of another language, resolved through English
            spans.append((start, end))
            known = foreign[start]
            found.append(DueMatch(known.date, text[start:end], start, end, known.vague))
            continue
        date = None if kind == "vague" else resolvers[kind](match.groups(), meeting)
        if kind != "vague" and date is None:
            continue
        spans.append((start, end))
        found.append(DueMatch(date, match.group(0), start, end, vague=kind == "vague"))
    found.sort(key=lambda d: d.start)
    return tuple(_merge_adjacent(found, text, meeting))


_DATE_FOLLOWERS = frozenset(
    "and so or to for at with if when because since as but of in then latest at".split()
)


def _is_bad_ordinal(m: re.Match[str]) -> bool:
    """'the 2nd shift', '3rd period': an ordinal followed by a noun is not a date."""
    nxt = _NEXT_WORD.match(m.string[m.end() :])
    return bool(nxt) and nxt.group(1) not in _DATE_FOLLOWERS  # type: ignore[union-attr]


def _is_ambiguous_weekday(m: re.Match[str]) -> bool:
    word = m.group(1)
    # "sat"/"sun"/"wed"/"mar"-like words are common English; require a capital or a cue word.
    if word.lower() in ("sat", "sun") and not word[0].isupper():
        return True
    before = m.string[max(0, m.start() - 12) : m.start()].lower()
    return word.lower() == "mon" and not (word[0].isupper() or _BY_OR_ON_BEFORE.search(before))


def _merge_adjacent(found: list[DueMatch], text: str, meeting: dt.date) -> list[DueMatch]:
    """Weekday next to an explicit date ("Fri 7/17") is one phrase; "a week before X" shifts X."""
    out: list[DueMatch] = []
    for d in found:
        if out and d.start - out[-1].end <= 3 and not d.vague and not out[-1].vague:
            prev = out[-1]
            if weekday_index(prev.phrase.split("/")[0]) is not None:
                out[-1] = DueMatch(d.date, text[prev.start : d.end], prev.start, d.end)
                continue
        out.append(d)
    shifted: list[DueMatch] = []
    for d in out:
        before = text[max(0, d.start - 80) : d.start]
        wb = WEEK_BEFORE.search(before)
        if wb and d.date is not None:
            n = NUMWORDS.get(wb.group(1).lower()) or (
                int(wb.group(1)) if wb.group(1).isdigit() else 1
            )
            delta = dt.timedelta(weeks=n) if wb.group(2).lower() == "week" else dt.timedelta(days=n)
            d = DueMatch(
                d.date - delta, text[d.start - len(before) + wb.start() : d.end], d.start, d.end
            )
        shifted.append(d)
    return shifted


# "(Oct 14)", "(by Friday)", "(on the 23rd)": an aside that only dates the phrase before it.
_DATE_ONLY_ASIDE = re.compile(
    r"(?:^|\b(?:by|on|due|deadline|when|eta|i\.e\.))\s*[:=]?\s*$", re.IGNORECASE
)


def pick_due(matches: list[DueMatch], text: str = "") -> DueMatch | None:
    """The phrase that sets the due date: the first specific one, else the first vague one.

    A specific date in an aside after a vague phrase ("during their first week (they start
    July 7)") describes context, not the deadline.
    """
    for d in matches:
        if not d.vague:
            aside = text.rfind("(", 0, d.start)
            date_only = aside >= 0 and _DATE_ONLY_ASIDE.search(text[aside + 1 : d.start])
            if matches[0].vague and text and aside > matches[0].end and not date_only:
                return matches[0]
            return d
    return matches[0] if matches else None
