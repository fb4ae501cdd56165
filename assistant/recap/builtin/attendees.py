"""Who attended: names on a 'Present:' / 'Attendees:' line or listed under such a heading,
the initials an attendee line gives for its names, and sign-in lists of bare names."""

from __future__ import annotations

import html

import regex as re

from assistant.recap.builtin.lexicon import TASK_VERBS
from assistant.recap.builtin.name_patterns import NAME_WORD, NOT_FIRST

_ATTENDEE_LABEL = re.compile(
    r"^\W*(?:present|attendees|attending|attendance|participants|in attendance|who)\b"
    r"(?:\s*\([^)]*\))?[^:\n]{0,20}?(?::|$)\W*(?P<rest>.*)$",
    re.IGNORECASE,
)
_STOP_LABEL = re.compile(r"^\W*(?:regrets|apologies|absent|scribe|agenda|notes?|date)\b", re.I)
_LIST_MARK = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)])\s+")
_ATTENDEE = re.compile(r"^[\p{Lu}\p{Lo}][\p{L}\p{M}.'’ -]{0,50}$")
# Contact details beside a name: "[Ana](mailto:ana@x.org)", "<ana@x.org>", "ana@x.org".
_CONTACT = re.compile(r"\[[^\]]*\]\([^)]*\)|<[^>]*>|\S+@\S+")


_INITIALS_LIST = re.compile(r"\(\s*(\p{Lu}{1,4}(?:\s*,\s*\p{Lu}{1,4})+)\s*\)")


def attendee_initials(notes: str) -> dict[str, str]:
    """'Present: Andreas, Duncan, Rémi (AK, DF, RG)': initials given in order for the names."""
    out: dict[str, str] = {}
    for line in notes.splitlines()[:200]:
        m = _ATTENDEE_LABEL.match(line.strip().strip("*_#"))
        init = _INITIALS_LIST.search(line) if m else None
        if not m or not init or len(line) > 600:
            continue
        names = [
            n.strip().strip("*_")
            for n in re.split(r"[,;]|\s+and\s+", line[m.start("rest") : init.start()])
            if n.strip()
        ]
        marks = [i.strip() for i in init.group(1).split(",")]
        if len(names) == len(marks):
            out.update(zip(marks, names, strict=True))
    return out


def attendees(notes: str) -> list[str]:
    """Names on a 'Present:' / 'Attendees:' line, or listed under such a heading."""
    found: list[str] = []
    lines = notes.splitlines()
    for i, line in enumerate(lines[:200]):
        line = html.unescape(line)  # "Attendees:&#x20;" from exported pages
        m = _ATTENDEE_LABEL.match(line.strip().strip("*_#"))
        if not m or len(line) > 600:
            continue
        rest = _CONTACT.sub(" ", m.group("rest")).strip().strip("*_")
        if rest:
            parts = re.split(r"[,;]|\s+and\s+", re.sub(r"\([^)]*\)", "", rest))
        else:
            parts = []
            for nxt in lines[i + 1 : i + 40]:
                if not nxt.strip():
                    if parts:
                        break
                    continue
                if nxt.lstrip().startswith("#") or _STOP_LABEL.match(nxt):
                    break
                item = _CONTACT.sub(" ", _LIST_MARK.sub("", nxt)).strip().strip("*_").strip()
                if item.count(",") >= 2:  # "Greta, Tomás Lindqvist, BV, Solveig": one line
                    parts += re.split(r"[,;]|\s+and\s+", re.sub(r"\([^)]*\)", "", item))
                    continue
                parts.append(re.split(r"[,(]|\s[-–—/]\s", item)[0])
        for part in parts:
            name = part.strip().strip("*_").strip()
            if _ATTENDEE.match(name) and len(name.split()) <= 4 and name.lower() != "name":
                found.append(name)
    return found or _name_list(lines[:200])


_NAME_ONLY_ITEM = re.compile(
    r"^\s*(?:[-*•+]|\d{1,2}[.)])\s+@?(" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,2}|[\w.-]+)\s*$"
)


def _name_list(lines: list[str]) -> list[str]:
    """A sign-in list: three or more bullets in a row that are each only a name or handle."""
    run: list[str] = []
    for line in [*lines, ""]:
        m = _NAME_ONLY_ITEM.match(line)
        word = m.group(1) if m else ""
        if m and word.lower() not in TASK_VERBS and word.split()[0] not in NOT_FIRST:
            run.append(word)
            continue
        if len(run) >= 3:
            return run
        run = []
    return []
