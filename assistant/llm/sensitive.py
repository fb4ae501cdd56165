"""Contact details and identity numbers in free text: e-mails, links, phone numbers, ID numbers.

`find_sensitive(text)` returns non-overlapping spans, each with its kind, for redaction. The
patterns are deliberately broad (a false positive only costs a placeholder that is restored in
the answer) but leave dates, times, money, versions and short numbers alone, because the model
needs those to resolve due dates and read the notes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["email", "link", "id", "phone"]

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINK = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
# National-ID-like numbers: US SSN, UK National Insurance, IBAN, card and other long numbers.
_ID = re.compile(
    r"(?<![\w-])(?:"
    r"\d{3}-\d{2}-\d{4}"  # US SSN
    r"|[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]"  # UK NI number
    r"|[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?"  # IBAN
    r"|\d{4}(?:[ -]\d{4}){2,3}"  # card-like 4-4-4(-4)
    r"|\d{9,}"  # any long run of digits (SIN, CPF, bank account...)
    r")(?![\w-])"
)
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,5}){1,4}(?![\w])"
)
_DATE_LIKE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$")
_TRAILING = ".,;:!?"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: Kind
    text: str


def _phone_ok(text: str) -> bool:
    digits = sum(c.isdigit() for c in text)
    if not 7 <= digits <= 15 or _DATE_LIKE.match(text.strip()):
        return False
    # "10 15 20" or "2 3 4": groups of one or two digits are counts, not a phone number.
    return text.lstrip().startswith(("+", "(")) or digits >= 9 or "-" in text or "." in text


ALL_KINDS: tuple[Kind, ...] = ("email", "link", "id", "phone")
_PATTERNS: dict[Kind, re.Pattern[str]] = {
    "email": _EMAIL,
    "link": _LINK,
    "id": _ID,
    "phone": _PHONE,
}


def find_sensitive(text: str, kinds: tuple[Kind, ...] = ALL_KINDS) -> list[Span]:
    """E-mails, links, ID-like numbers and phone numbers in `text`, left to right.

    Earlier kinds win where matches overlap (an e-mail's digits are not a phone number).
    """
    spans: list[Span] = []
    taken_starts: list[int] = []  # sorted, non-overlapping: bisect keeps this linear-ish
    taken_ends: list[int] = []

    def free(start: int, end: int) -> bool:
        at = bisect.bisect_right(taken_starts, start)
        if at and taken_ends[at - 1] > start:
            return False
        return at == len(taken_starts) or taken_starts[at] >= end

    for kind in kinds:
        for match in _PATTERNS[kind].finditer(text):
            value = match.group(0)
            end = match.end()
            while value and value[-1] in _TRAILING:  # "see www.x.org." keeps its full stop
                value, end = value[:-1], end - 1
            if kind == "phone" and not _phone_ok(value):
                continue
            if value and free(match.start(), end):
                at = bisect.bisect_right(taken_starts, match.start())
                taken_starts.insert(at, match.start())
                taken_ends.insert(at, end)
                spans.append(Span(match.start(), end, kind, value))
    return sorted(spans, key=lambda s: s.start)
