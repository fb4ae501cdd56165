"""Due phrases of German, French, Spanish, Portuguese, Italian, Dutch, Chinese and Japanese notes.

Weekday, month and relative-day names come from dateparser's language data (so no hand-kept
name tables); a few patterns combine them ("nächsten Freitag", "vendredi prochain", "下周五",
"来週金曜日", "15. März", "3月15日", "15.3."). Each phrase is turned into its English equivalent
and resolved by the English date rules, so a German "nächste Woche" is as vague as "next week"
and "Freitag" is the same Friday as "Friday" (dateparser's own parser would read both
differently from the English rules, and costs 15-80 ms per language on first use).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import import_module

import regex as re

from assistant.recap.builtin.languages import DUE_PREPOSITION

LANGUAGES = ("de", "fr", "es", "pt", "it", "nl", "zh", "ja")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january february march april may june july august september october november december"
).split()
_RELATIVE = {
    "0 day ago": "today",
    "in 1 day": "tomorrow",
    "in 2 day": "in 2 days",
    "in 3 day": "in 3 days",
    "0 week ago": "this week",
    "in 1 week": "next week",
    "0 month ago": "this month",
    "in 1 month": "next month",
}
# "next" before or after a weekday, and "end of the week / month", in each language.
_NEXT_BEFORE = (
    r"(?:nächste[nrs]?|kommende[nrs]?|próxim[oa]|prossim[oa]|volgende|"
    r"下个?(?:周|星期|礼拜)|来週の?)"
)
_NEXT_AFTER = r"(?:prochain|prochaine|prossim[oa]|que\s+vem)"
_END_OF = {
    "end of the week": "ende der woche|ende dieser woche|fin de semaine|fin de la semaine|"
    "final de la semana|fim da semana|final da semana|fine settimana|fine della settimana|"
    "eind van de week|einde van de week|本周末|这周末|周末前|今週末|今週中",
    "end of next week": "ende nächster woche|ende der nächsten woche|fin de la semaine prochaine|"
    "final de la próxima semana|fim da próxima semana|fine della prossima settimana|"
    "eind volgende week|下周末|来週末",
    "end of the month": "monatsende|ende des monats|fin du mois|fin de mois|fin de mes|"
    "final del mes|fim do mês|final do mês|fine mese|fine del mese|eind van de maand|"
    "einde van de maand|月底|月末|本月底|今月末",
}
# Month names the English rules read already ("august", "nov"), and abbreviations that are
# English words ("out" is October in Portuguese, "set" September in Italian).
_ENGLISH_LIKE = frozenset(
    [m for month in MONTHS for m in (month, month[:3])]
    + "sept out set ago gen mag dic ene abr".split()
)
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
_JA_DAY = {"月": 1, "火": 2, "水": 3, "木": 4, "金": 5, "土": 6, "日": 7}
_SPACELESS = re.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


def _info(lang: str) -> dict[str, object]:
    module = import_module(f"dateparser.data.date_translation_data.{lang}")
    info: dict[str, object] = module.info
    return info


def _names(value: object) -> list[str]:
    return [str(v).lower() for v in value] if isinstance(value, list) else []


def _usable(name: str, minimum: int) -> bool:
    """Long enough not to be an everyday word ("do", "so", "di", "mar" are not dates)."""
    return len(name) >= (2 if _SPACELESS.search(name) else minimum) and "/" not in name


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """weekday name -> English, month name -> English, relative phrase -> English."""
    days: dict[str, str] = {}
    months: dict[str, str] = {}
    relative: dict[str, str] = {}
    for lang in LANGUAGES:
        info = _info(lang)
        for day in WEEKDAYS:
            for name in _names(info.get(day)):
                if _usable(name, 5) and not name.startswith("("):
                    days.setdefault(name, day.title())
        for month in MONTHS:
            for name in _names(info.get(month)):
                if _usable(name, 3) and not name.isdigit() and name not in _ENGLISH_LIKE:
                    months.setdefault(name, month.title())
        types = info.get("relative-type")
        if isinstance(types, dict):
            for key, english in _RELATIVE.items():
                for name in _names(types.get(key)):
                    if _usable(name, 3):
                        relative.setdefault(name, english)
    return days, months, relative


def _alt(words: list[str]) -> str:
    parts = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        body = re.escape(w).replace(r"\ ", r"\s+")
        bounded = r"(?<![\p{L}\p{M}])" + body + r"(?![\p{L}\p{M}])"
        parts.append(body if _SPACELESS.search(w) else bounded)
    return "(?:" + "|".join(parts) + ")"


@cache
def _pattern() -> re.Pattern[str]:
    days, months, relative = _tables()
    day, month = _alt(list(days)), _alt(list(months))
    # Relative words are matched as written (German "morgen" is tomorrow, "Morgen" a morning)
    # or capitalised at the start of a sentence only where they are no noun.
    rel = _alt(list(relative))
    end = "|".join(f"(?P<end{i}>{_alt(v.split('|'))})" for i, v in enumerate(_END_OF.values()))
    return re.compile(
        rf"(?P<cnnext>下个?(?:周|星期|礼拜))(?P<cnday>[一二三四五六日天])|"
        rf"(?P<janext>来週の?)(?P<jaday>[月火水木金土日])曜日?|"
        rf"(?:(?P<nb>{_NEXT_BEFORE})\s*)?(?P<day>{day})(?:\s+(?P<na>{_NEXT_AFTER}))?|"
        rf"(?P<mday>\d{{1,2}})\.?\s*(?:de\s+)?(?P<month>{month})|"
        rf"(?P<month2>{month})\s+(?P<mday2>\d{{1,2}})(?!\d)|"
        rf"(?P<cjm>\d{{1,2}})月(?P<cjd>\d{{1,2}})[日号]|"
        # "bis 15.3.", "am 2.4.": a day and month without a year only after a date word.
        rf"^\s*(?P<cd>\d{{1,2}})\.(?P<cm>\d{{1,2}})\.\s*$|"  # alone, as in a table's due column
        rf"(?<=\b(?:{DUE_PREPOSITION})\s+)"
        rf"(?P<dd>\d{{1,2}})\.(?P<dm>\d{{1,2}})\.(?![\d])|"
        rf"{end}|(?P<rel>{rel})",
        re.IGNORECASE,
    )


_DAY_MONTH = re.compile(r"\d\.\d")
_ASCII_WORD = re.compile(r"[a-z]+")


def _ascii_words(text: str) -> set[str]:
    return set(_ASCII_WORD.findall(text.lower()))


@cache
def _first_words() -> frozenset[str]:
    """The first words (ASCII ones) of every phrase the pattern can match."""
    days, months, relative = _tables()
    words = [*days, *months, *relative, *(w for v in _END_OF.values() for w in v.split("|"))]
    words += "nachste nächsten kommende proximo próximo proxima próxima prossimo prossima".split()
    words += ["volgende"]
    return frozenset(w.split()[0].split("-")[0] for w in words if w.isascii() and w.split())


def _english(m: re.Match[str]) -> str | None:
    days, months, relative = _tables()
    g = m.groupdict()
    if g["cnday"]:
        return "next " + WEEKDAYS[_CN_DIGIT[g["cnday"]] - 1].title()
    if g["jaday"]:
        return "next " + WEEKDAYS[_JA_DAY[g["jaday"]] - 1].title()
    if g["day"]:
        name = days[g["day"].lower()]
        return f"next {name}" if g["nb"] or g["na"] else name
    if g["month"]:
        return f"{months[g['month'].lower()]} {int(g['mday'])}"
    if g["month2"]:
        return f"{months[g['month2'].lower()]} {int(g['mday2'])}"
    if g["cjm"]:
        month = int(g["cjm"])
        return f"{MONTHS[month - 1].title()} {int(g['cjd'])}" if 0 < month <= 12 else None
    if g["dd"] or g["cd"]:
        day, month = (int(g["dd"]), int(g["dm"])) if g["dd"] else (int(g["cd"]), int(g["cm"]))
        return f"{MONTHS[month - 1].title()} {day}" if 0 < month <= 12 else None
    for i, english in enumerate(_END_OF):
        if g.get(f"end{i}"):
            return english
    if g["rel"]:
        word = g["rel"]
        if word[:1].isupper() and word.lower() == "morgen":
            return None  # "Morgen": the German noun (morning), not "morgen" (tomorrow)
        return relative.get(re.sub(r"\s+", " ", word.lower()))
    return None


def foreign_due_phrases(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, English equivalent) of every due phrase of another language in `text`."""
    if text.isascii() and not (_DAY_MONTH.search(text) or _first_words() & _ascii_words(text)):
        return  # English text: no word a foreign date phrase starts with (fast path)
    for m in _pattern().finditer(text):
        english = _english(m)
        if english:
            yield m.start(), m.end(), english
