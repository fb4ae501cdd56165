"""The due-date vocabulary: weekdays, months, and one rule per kind of date phrase.

Each rule is a pattern and a resolver that turns its match into a date against the meeting
date (None when the phrase names no real day). `dates.py` finds and picks among them. Rules
follow evals/README.md: weekdays are the next occurrence strictly after the meeting; EOW is
Friday of the meeting week; "next Tuesday" is Tuesday of the following calendar week.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

_SLASH = re.compile(r"\s*/\s*")

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


Groups = Sequence[str | None]
Resolver = Callable[[Groups, dt.date], dt.date | None]


def _g(groups: Groups, n: int) -> str:
    """A group the pattern always captures (typed as str)."""
    value = groups[n]
    assert value is not None
    return value


def _numeric(groups: Groups, meeting: dt.date) -> dt.date | None:
    month, day = int(_g(groups, 0)), int(_g(groups, 1))
    if month > 12 >= day:
        month, day = day, month  # "until 29/08": day first
    return _day_month_year(meeting, day, month, groups[2])


def _dotted(groups: Groups, meeting: dt.date) -> dt.date | None:
    return _day_month_year(meeting, int(_g(groups, 0)), int(_g(groups, 1)), groups[2])


def _day_month_year(
    meeting: dt.date, day: int, month: int, year_text: str | None
) -> dt.date | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = _year(year_text, meeting)
    return _safe_date(year, month, day) if year else month_day_on_or_after(meeting, month, day)


def _month_day(groups: Groups, meeting: dt.date) -> dt.date | None:
    month = month_index(_g(groups, 0))
    if month is None:
        return None
    year, day = _year(groups[2], meeting), int(_g(groups, 1))
    return _safe_date(year, month, day) if year else month_day_on_or_after(meeting, month, day)


def _day_month(groups: Groups, meeting: dt.date) -> dt.date | None:
    month = month_index(_g(groups, 1))
    return month_day_on_or_after(meeting, month, int(_g(groups, 0))) if month else None


def _year_of_month(meeting: dt.date, month: int) -> int:
    """The year in which that month is this one or still ahead."""
    return meeting.year if month >= meeting.month else meeting.year + 1


def _nth_weekday(groups: Groups, meeting: dt.date) -> dt.date | None:
    month, wd = month_index(_g(groups, 2)), weekday_index(_g(groups, 1))
    if month is None or wd is None:
        return None
    year = _year_of_month(meeting, month)
    which = _g(groups, 0).lower()
    if which == "last":
        last = last_day_of_month(year, month)
        return last - dt.timedelta(days=(last.weekday() - wd) % 7)
    first = dt.date(year, month, 1)
    first_hit = first + dt.timedelta(days=(wd - first.weekday()) % 7)
    return first_hit + dt.timedelta(weeks=["first", "second", "third", "fourth"].index(which))


def _end_named_month(groups: Groups, meeting: dt.date) -> dt.date | None:
    month = month_index(_g(groups, 0))
    return None if month is None else last_day_of_month(_year_of_month(meeting, month), month)


def _end_of_next_month(groups: Groups, meeting: dt.date) -> dt.date:
    nxt = meeting + relativedelta(months=1)
    return last_day_of_month(nxt.year, nxt.month)


def _friday_of_week(meeting: dt.date, weeks_ahead: int) -> dt.date:
    return meeting + dt.timedelta(days=4 - meeting.weekday(), weeks=weeks_ahead)


def _in_n(groups: Groups, meeting: dt.date) -> dt.date | None:
    count, unit = _g(groups, 0), _g(groups, 1).lower()
    n = int(count) if count.isdigit() else NUMWORDS.get(count.lower(), 1)
    if unit.startswith("business"):
        return None
    return meeting + (dt.timedelta(weeks=n) if unit.startswith("w") else dt.timedelta(days=n))


def _last_weekday_of(groups: Groups) -> int | None:
    """ "Mon/Tue" -> Tuesday: the last weekday of a slash list."""
    return [weekday_index(w) for w in _SLASH.split(_g(groups, 0))][-1]


def _weekday_next_week(groups: Groups, meeting: dt.date) -> dt.date | None:
    wd = _last_weekday_of(groups)
    return None if wd is None else next_week_weekday(meeting, wd)


def _weekday(groups: Groups, meeting: dt.date) -> dt.date | None:
    wd = _last_weekday_of(groups)
    return None if wd is None else next_weekday(meeting, wd)


def _day_number(groups: Groups, meeting: dt.date) -> dt.date | None:
    return day_number_on_or_after(meeting, int(_g(groups, 0)))


@dataclass(frozen=True)
class DateRule:
    kind: str
    pattern: re.Pattern[str]
    resolve: Resolver


# Specific phrases, one rule per kind. Longer matches win overlaps (see dates.py).
DATE_RULES: tuple[DateRule, ...] = (
    DateRule(
        "iso",
        re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
        lambda g, m: _safe_date(int(_g(g, 0)), int(_g(g, 1)), int(_g(g, 2))),
    ),
    DateRule(
        "numeric",
        re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?(?![\d/])"),
        _numeric,
    ),
    DateRule(
        "dotted",
        re.compile(r"(?<![\w.$€£])(\d{2})\.(\d{2})(?:\.(\d{2,4}))?(?![\d%]|\.\d)"),
        _dotted,
    ),
    DateRule(
        "month_day",
        re.compile(r"\b(" + MON + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(\d{4}))?", re.I),
        _month_day,
    ),
    DateRule(
        "day_month",
        re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?(?:\s+|-)(?:of\s+)?(" + MON + r")\b", re.I),
        _day_month,
    ),
    DateRule(
        "nth_weekday",
        re.compile(
            r"\b(first|second|third|fourth|last)\s+(" + WD + r")\s+(?:in|of)\s+(" + MON + r")\b",
            re.I,
        ),
        _nth_weekday,
    ),
    DateRule(
        "weekday_ord",
        re.compile(r"\b" + WD + r"\.?,?\s+(?:the\s+)?" + ORD + r"\b", re.I),
        _day_number,
    ),
    DateRule(
        "end_named_month",
        re.compile(r"\bend\s+of\s+(?:the\s+month\s+of\s+)?(" + MON + r")\b", re.I),
        _end_named_month,
    ),
    DateRule(
        "eom_next",
        re.compile(r"\bend\s+of\s+next\s+month\b", re.I),
        _end_of_next_month,
    ),
    DateRule(
        "eom",
        re.compile(
            r"\b(?:eom|end\s+of\s+(?:the\s+|this\s+)?month|month[- ]end|by\s+month\s+end)\b", re.I
        ),
        lambda g, m: last_day_of_month(m.year, m.month),
    ),
    DateRule(
        "eow_next",
        re.compile(r"\bend\s+of\s+(?:the\s+)?next\s+week\b", re.I),
        lambda g, m: _friday_of_week(m, 1),
    ),
    DateRule(
        "eow",
        re.compile(r"\b(?:eow|end\s+of\s+(?:the\s+|this\s+)?week|week'?s\s+end)\b", re.I),
        lambda g, m: _friday_of_week(m, 0),
    ),
    DateRule(
        "eoy",
        re.compile(r"\b(?:eoy|end\s+of\s+(?:the\s+|this\s+)?year|year[- ]end)\b", re.I),
        lambda g, m: dt.date(m.year, 12, 31),
    ),
    DateRule(
        "today",
        re.compile(
            r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening)|"
            r"(?:eod|cob|eop)(?!\s+(?:on\s+)?(?:" + WD + r"|tomorrow|tmrw|\d)))\b",
            re.I,
        ),
        lambda g, m: m,
    ),
    DateRule(
        "tomorrow",
        re.compile(r"\b(?:tomm?orr?ow|tmrw?|2moro?w?|tmw)\b", re.I),
        lambda g, m: m + dt.timedelta(days=1),
    ),
    DateRule(
        "in_n",
        re.compile(
            r"\b(?:in|within|over\s+the\s+next|in\s+the\s+next)\s+(a|one|two|three|four|five|six|ten|\d+)"
            r"\s+(weeks?|wks?|days?|business\s+days)\b",
            re.I,
        ),
        _in_n,
    ),
    DateRule(
        "ordinal",
        re.compile(r"\b(?:the\s+)?" + ORD + r"\b", re.I),
        _day_number,
    ),
    DateRule(
        "wd_next_week",
        re.compile(r"\b(" + WD + r"(?:\s*/\s*" + WD + r")*)\.?\s+next\s+week\b", re.I),
        _weekday_next_week,
    ),
    DateRule(
        "next_wd",
        re.compile(r"\bnext\s+(" + WD + r")\b", re.I),
        _weekday_next_week,
    ),
    DateRule(
        "weekday",
        re.compile(r"\b(" + WD + r"(?:\s*/\s*" + WD + r")*)\b(?!s\b|days\b)", re.I),
        _weekday,
    ),
)

# Vague phrases: a due is mentioned but no single day can be named.
VAGUE = re.compile(
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

# Recurring weekdays ("on Mondays") are schedules, not due dates.
PLURAL_WEEKDAY = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days|"
    + WD
    + r"\s+(?:mornings|afternoons|evenings|nights))\b",
    re.I,
)
PERIOD_NAME = re.compile(r"[qh]\d", re.IGNORECASE)
WEEK_BEFORE = re.compile(r"\b(a|one|two|\d+)\s+(week|day)s?\s+before\b", re.I)
