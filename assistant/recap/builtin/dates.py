"""Due-date grammar: find a due phrase in a clause and resolve it against the meeting date.

Rules follow evals/README.md: weekdays are the next occurrence strictly after the meeting;
EOW is Friday of the meeting week; vague phrases ("next week", "Q3", "soon") resolve to None.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateutil.relativedelta import relativedelta

# Small precompiled patterns used by the functions below.
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_SLASH = re.compile(r"\s*/\s*")
_SLASH_LIST = re.compile(r"\s*/\s*")
_BY_OR_ON_BEFORE = re.compile(r"(by|on)\s*$")

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _name:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9

_WD_FORMS: list[tuple[str, int]] = [
    (r"mon(?:day)?", 0),
    (r"tue(?:s(?:day)?)?", 1),
    (r"wed(?:nesday)?", 2),
    (r"thu(?:r(?:s(?:day)?)?)?", 3),
    (r"fri(?:day)?", 4),
    (r"sat(?:urday)?", 5),
    (r"sun(?:day)?", 6),
]
WD = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?)"
)
MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
ORD = r"(\d{1,2})(?:st|nd|rd|th)"
NUMWORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}


def weekday_index(word: str) -> int | None:
    w = word.lower().rstrip(".'s")
    for form, idx in _WD_FORMS:
        if re.fullmatch(form, w):
            return idx
    return None


def month_index(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


@dataclass(frozen=True)
class DueMatch:
    """A due phrase found in text: its resolved date (None when vague) and where it was."""

    date: dt.date | None
    phrase: str
    start: int
    end: int
    vague: bool = False


def next_weekday(after: dt.date, weekday: int) -> dt.date:
    """Next occurrence of `weekday` strictly after `after`."""
    delta = (weekday - after.weekday()) % 7
    return after + dt.timedelta(days=delta or 7)


def next_week_weekday(meeting: dt.date, weekday: int) -> dt.date:
    """That weekday in the calendar week (Mon-Sun) after the meeting's week."""
    monday_next = meeting - dt.timedelta(days=meeting.weekday()) + dt.timedelta(days=7)
    return monday_next + dt.timedelta(days=weekday)


def last_day_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_day_on_or_after(meeting: dt.date, month: int, day: int) -> dt.date | None:
    """The date with that month/day whose year keeps it on or after the meeting."""
    candidate = _safe_date(meeting.year, month, day)
    if candidate is None:
        return None
    if candidate < meeting:
        candidate = _safe_date(meeting.year + 1, month, day)
    return candidate


def day_number_on_or_after(meeting: dt.date, day: int) -> dt.date | None:
    """Next date with that day-of-month on or after the meeting ("by the 24th")."""
    probe = meeting.replace(day=1)
    for _ in range(3):
        candidate = _safe_date(probe.year, probe.month, day)
        if candidate is not None and candidate >= meeting:
            return candidate
        probe = probe + relativedelta(months=1)
    return None


def _year(text: str | None, meeting: dt.date) -> int | None:
    if not text:
        return None
    y = int(text)
    return y + 2000 if y < 100 else y


# Vague phrases: a due is mentioned but no single day can be named.
_VAGUE = re.compile(
    r"\b(?:(?:this|next|the following|coming)\s+(?:week|wk|month|quarter|sprint|year|cycle|term)|"
    r"(?:their|his|her|the|your)\s+first\s+(?:week|day|month)|"
    r"(?:our\s+|the\s+|my\s+)?next\s+(?:1:1|one-on-one|1-on-1|check-in|catch-up|meeting)|"
    r"(?:first|second|third|last|1st|2nd|3rd)\s+week\s+(?:of|in)\s+\w+|"
    r"(?:the\s+)?(?:week|wk)\s+of\s+(?:the\s+)?(?:"
    + MON
    + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|[\w/]+)|"
    r"w/c\s+\d+\s*\w*|"
    r"(?:early|mid|late)[\s-]" + MON + r"|"
    r"(?:in|by|during|until|for|after)\s+" + MON + r"(?!\s*\d)|"
    r"q[1-4]|h[12]|soon|asap|at some point|eventually|later|sometime|whenever\b[^,.;]*|"
    r"when\s+(?:the\s+)?\w+\s+(?:is|are|come|comes|opens?|closes?)\b[^,.;]*|once\b[^,.;]*|"
    r"after\s+the\s+\w+[^,.;]*|before\s+half[- ]term|(?:on\s+)?(?:the\s+same|that)\s+day|"
    r"in\s+(?:a\s+couple|a\s+few|\d+\s*-\s*\d+)\s+\w+)\b",
    re.IGNORECASE,
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("numeric", re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?(?![\d/])")),
    # European "20.12" / "05.01.2026" (two-digit day and month, so "4.8" stays a number)
    ("dotted", re.compile(r"(?<![\w.$€£])(\d{2})\.(\d{2})(?:\.(\d{2,4}))?(?![\d%]|\.\d)")),
    (
        "month_day",
        re.compile(r"\b(" + MON + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(\d{4}))?", re.I),
    ),
    (
        "day_month",
        re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+|-)(?:of\s+)?(" + MON + r")\b", re.I),
    ),
    (
        "nth_weekday",
        re.compile(
            r"\b(first|second|third|fourth|last)\s+(" + WD + r")\s+(?:in|of)\s+(" + MON + r")\b",
            re.I,
        ),
    ),
    ("weekday_ord", re.compile(r"\b" + WD + r"\.?,?\s+(?:the\s+)?" + ORD + r"\b", re.I)),
    ("end_named_month", re.compile(r"\bend\s+of\s+(?:the\s+month\s+of\s+)?(" + MON + r")\b", re.I)),
    ("eom_next", re.compile(r"\bend\s+of\s+next\s+month\b", re.I)),
    (
        "eom",
        re.compile(
            r"\b(?:eom|end\s+of\s+(?:the\s+|this\s+)?month|month[- ]end|by\s+month\s+end)\b", re.I
        ),
    ),
    ("eow_next", re.compile(r"\bend\s+of\s+(?:the\s+)?next\s+week\b", re.I)),
    ("eow", re.compile(r"\b(?:eow|end\s+of\s+(?:the\s+|this\s+)?week|week'?s\s+end)\b", re.I)),
    ("eoy", re.compile(r"\b(?:eoy|end\s+of\s+(?:the\s+|this\s+)?year|year[- ]end)\b", re.I)),
    (
        "today",
        re.compile(
            r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|"
            r"(?:eod|cob|eop)(?!\s+(?:on\s+)?(?:" + WD + r"|tomorrow|tmrw|\d)))\b",
            re.I,
        ),
    ),
    ("tomorrow", re.compile(r"\b(?:tomm?orr?ow|tmrw?|2moro?w?|tmw)\b", re.I)),
    (
        "in_n",
        re.compile(
            r"\b(?:in|within|over\s+the\s+next|in\s+the\s+next)\s+(a|one|two|three|four|five|six|ten|\d+)"
            r"\s+(weeks?|wks?|days?|business\s+days)\b",
            re.I,
        ),
    ),
    ("ordinal", re.compile(r"\b(?:the\s+)?" + ORD + r"\b", re.I)),
    (
        "wd_next_week",
        re.compile(r"\b(" + WD + r"(?:\s*/\s*" + WD + r")*)\.?\s+next\s+week\b", re.I),
    ),
    ("next_wd", re.compile(r"\bnext\s+(" + WD + r")\b", re.I)),
    ("weekday", re.compile(r"\b(" + WD + r"(?:\s*/\s*" + WD + r")*)\b(?!s\b|days\b)", re.I)),
]
# Recurring weekdays ("on Mondays") are schedules, not due dates.
_PLURAL_WD = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days|"
    + WD
    + r"\s+(?:mornings|afternoons|evenings|nights))\b",
    re.I,
)
_PERIOD_NAME = re.compile(r"[qh]\d", re.IGNORECASE)
_WEEK_BEFORE = re.compile(r"\b(a|one|two|\d+)\s+(week|day)s?\s+before\b", re.I)


def _resolve(kind: str, m: re.Match[str], meeting: dt.date) -> dt.date | None:
    g = m.groups()
    month: int | None
    year: int | None
    if kind == "iso":
        return _safe_date(int(g[0]), int(g[1]), int(g[2]))
    if kind == "numeric":
        month, day = int(g[0]), int(g[1])
        if month > 12 >= day:
            month, day = day, month  # "until 29/08": day first
        year = _year(g[2], meeting)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return _safe_date(year, month, day) if year else month_day_on_or_after(meeting, month, day)
    if kind == "dotted":
        day, month = int(g[0]), int(g[1])
        year = _year(g[2], meeting)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return _safe_date(year, month, day) if year else month_day_on_or_after(meeting, month, day)
    if kind == "month_day":
        month = month_index(g[0])
        year = _year(g[2], meeting)
        if month is None:
            return None
        day = int(g[1])
        return _safe_date(year, month, day) if year else month_day_on_or_after(meeting, month, day)
    if kind == "day_month":
        month = month_index(g[1])
        return month_day_on_or_after(meeting, month, int(g[0])) if month else None
    if kind == "nth_weekday":
        month = month_index(g[2])
        wd = weekday_index(g[1])
        if month is None or wd is None:
            return None
        year = meeting.year if month >= meeting.month else meeting.year + 1
        if g[0].lower() == "last":
            d = last_day_of_month(year, month)
            return d - dt.timedelta(days=(d.weekday() - wd) % 7)
        first = dt.date(year, month, 1)
        first_hit = first + dt.timedelta(days=(wd - first.weekday()) % 7)
        n = ["first", "second", "third", "fourth"].index(g[0].lower())
        return first_hit + dt.timedelta(weeks=n)
    if kind == "weekday_ord":
        return day_number_on_or_after(meeting, int(g[0]))
    if kind == "end_named_month":
        month = month_index(g[0])
        if month is None:
            return None
        year = meeting.year if month >= meeting.month else meeting.year + 1
        return last_day_of_month(year, month)
    if kind == "eom_next":
        nxt = meeting + relativedelta(months=1)
        return last_day_of_month(nxt.year, nxt.month)
    if kind == "eom":
        return last_day_of_month(meeting.year, meeting.month)
    if kind in ("eow", "eow_next"):
        friday = meeting + dt.timedelta(days=4 - meeting.weekday())
        return friday + dt.timedelta(days=7) if kind == "eow_next" else friday
    if kind == "eoy":
        return dt.date(meeting.year, 12, 31)
    if kind == "today":
        return meeting
    if kind == "tomorrow":
        return meeting + dt.timedelta(days=1)
    if kind == "in_n":
        n = int(g[0]) if g[0].isdigit() else NUMWORDS.get(g[0].lower(), 1)
        unit = g[1].lower()
        if unit.startswith("w"):
            return meeting + dt.timedelta(weeks=n)
        if unit.startswith("business"):
            return None
        return meeting + dt.timedelta(days=n)
    if kind == "ordinal":
        return day_number_on_or_after(meeting, int(g[0]))
    if kind == "wd_next_week":
        days = [weekday_index(w) for w in _SLASH.split(g[0])]
        wd = days[-1]
        return None if wd is None else next_week_weekday(meeting, wd)
    if kind == "next_wd":
        wd = weekday_index(g[0])
        return None if wd is None else next_week_weekday(meeting, wd)
    if kind == "weekday":
        days = [weekday_index(w) for w in _SLASH_LIST.split(g[0])]
        wd = days[-1]
        return None if wd is None else next_weekday(meeting, wd)
    return None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def find_dues(text: str, meeting: dt.date) -> list[DueMatch]:
    """All non-overlapping due phrases in `text`, in order (longer phrases win overlaps)."""
    return list(_find_dues_cached(text, meeting))


@lru_cache(maxsize=4096)
def _find_dues_cached(text: str, meeting: dt.date) -> tuple[DueMatch, ...]:
    # The same clause is looked at by several rules; DueMatch is immutable, so cache it.
    found: list[DueMatch] = []
    spans: list[tuple[int, int]] = []
    candidates: list[tuple[int, int, str, re.Match[str]]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if kind == "weekday" and _is_ambiguous_weekday(m):
                continue
            if kind == "ordinal" and _is_bad_ordinal(m):
                continue
            candidates.append((m.start(), m.end(), kind, m))
    for m in _VAGUE.finditer(text):
        if _PERIOD_NAME.fullmatch(m.group(0)) and _is_bad_ordinal(m):
            continue  # "the Q3 partner newsletter": a period used as a name, not a deadline
        candidates.append((m.start(), m.end(), "vague", m))
    for m in _PLURAL_WD.finditer(text):
        candidates.append((m.start(), m.end(), "vague", m))
    # Longest first so "end of next week" beats "next week" and "Fri 7/17" beats "Fri".
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    for start, end, kind, m in candidates:
        if any(_overlaps((start, end), s) for s in spans):
            continue
        date = None if kind == "vague" else _resolve(kind, m, meeting)
        if kind != "vague" and date is None:
            continue
        spans.append((start, end))
        found.append(DueMatch(date, m.group(0), start, end, vague=kind == "vague"))
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
        wb = _WEEK_BEFORE.search(before)
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
