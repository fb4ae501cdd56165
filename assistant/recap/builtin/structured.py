"""Action items written as structure: Markdown tables (read in tables.py) and
'Task: / Owner: / Due:' blocks."""

from __future__ import annotations

import datetime as dt

import regex as re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.context import SubjectResolver
from assistant.recap.builtin.dates import DueMatch, find_dues, pick_due
from assistant.recap.builtin.lexicon import CANCEL_CUE, DONE_CUE
from assistant.recap.builtin.people import PeopleDirectory, Person
from assistant.recap.builtin.segmentation import Line, split_lines
from assistant.recap.builtin.tables import table_candidates

# Small precompiled patterns used by the functions below.
_OWNER_SPLIT = re.compile(r"\s*(?:,|/|&|\+|\band\b)\s*")
_PARENS_OR_AT = re.compile(r"\([^)]*\)|@")

_DONE_VALUE = re.compile(
    r"^\s*(?:done|complete[d]?|closed|x|yes|✔|✓|☑|✅|cancel+ed|dropped)\s*$", re.I
)
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}")
_KV = re.compile(
    r"^\s*(?:[-*•]\s*)?\**(?P<key>task|action(?: item)?|item|to ?do|what|owner|who|assignee|"
    r"responsible|due|when|deadline|by|status)\**\s*:\**\s*(?P<value>.*)$",
    re.IGNORECASE,
)
# "a. Who: Marcus. What: confirm the gym coverage. When: by Wed." on one line
_INLINE_KEY = re.compile(
    r"\b(?P<key>who|owner|what|task|action|when|due|deadline)\s*:\s*", re.IGNORECASE
)
_LIST_MARK = re.compile(r"^\s*(?:[-*•]+|\d{1,2}[.)]|[\p{Ll}\p{M}][.)])\s+|\*\*|__")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _due(text: str, start: int, meeting: dt.date) -> DueMatch | None:
    best = pick_due(find_dues(text, meeting), text)
    if best is None:
        return None
    return DueMatch(best.date, best.phrase, best.start + start, best.end + start, best.vague)


def _owner(
    text: str, people: PeopleDirectory, resolver: SubjectResolver
) -> tuple[Person, set[str]]:
    cleaned = _PARENS_OR_AT.sub(" ", text).strip(" ,;")
    if not cleaned:
        return people.report, {"owner_guessed"}
    first = _OWNER_SPLIT.split(cleaned)
    person, flags = resolver.resolve(first[0], speaker=None, addressee=None, named_before=None)
    if person is None:
        return people.report, {"owner_unclear"}
    if len(first) > 1:
        flags = set(flags) | {"shared"}
    return person, set(flags)


def _make(
    task: str,
    owner_text: str,
    due: DueMatch | None,
    span: tuple[int, int],
    people: PeopleDirectory,
    resolver: SubjectResolver,
) -> Candidate | None:
    if not task.strip() or DONE_CUE.search(task) or CANCEL_CUE.search(task) or "~~" in task:
        return None
    owner, flags = _owner(owner_text, people, resolver)
    text = T.tidy(
        T.personalise(
            task, owner=owner, writer=people.writer, addressee=people.reader, people=people
        )
    )
    return Candidate(text, owner, owner_text, due, [span], span[0], 0.9, flags)


def _blocks(
    lines: list[Line], meeting: dt.date, people: PeopleDirectory, resolver: SubjectResolver
) -> tuple[list[Candidate], set[int]]:
    out: list[Candidate] = []
    used: set[int] = set()
    current: dict[str, tuple[str, Line]] = {}

    def flush() -> None:
        if "task" in current and ("owner" in current or "due" in current):
            task, first = current["task"]
            owner_text = current.get("owner", ("", first))[0]
            due = None
            if "due" in current:
                value, line = current["due"]
                due = _due(value, line.start + line.text.find(value), meeting)
            status = current.get("status", ("", first))[0]
            last = max(line.start + len(line.text) for _, line in current.values())
            if not _DONE_VALUE.match(status):
                cand = _make(task, owner_text, due, (first.start, last), people, resolver)
                if cand is not None:
                    out.append(cand)
            used.update(line.index for _, line in current.values())
        current.clear()

    parent: Line | None = None
    for line in lines:
        m = _KV.match(line.text)
        if not m:
            if current and line.text.strip():
                flush()
            inline = _inline_pairs(line.text)
            if inline:
                current.update({k: (v, line) for k, v in inline.items()})
                flush()
            elif line.text.strip():
                parent = line
            continue
        kind = _kind(m.group("key"))
        if kind == "task" and "task" in current:
            flush()
        if (
            not current
            and kind != "task"
            and parent is not None
            and _indent(parent) < _indent(line)
        ):
            # "- Synthesis doc" / "  - **Owner:** Noah" / "  - **Due:** Apr 7"
            current["task"] = (_LIST_MARK.sub("", parent.text.strip()).strip(" *_:"), parent)
        current[kind] = (m.group("value").strip().strip("*_ "), line)
    flush()
    return out, used


def _indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip())


def _kind(key: str) -> str:
    key = key.lower()
    if key.startswith(("task", "action", "item", "to", "what")):
        return "task"
    if key in ("owner", "who", "assignee", "responsible"):
        return "owner"
    return "status" if key == "status" else "due"


def _inline_pairs(text: str) -> dict[str, str]:
    """Key/value pairs written on one line; only when a task and an owner or due are given."""
    if text.count(":") < 2:
        return {}
    keys = list(_INLINE_KEY.finditer(text))
    if len(keys) < 2:
        return {}
    pairs: dict[str, str] = {}
    for k, m in enumerate(keys):
        end = keys[k + 1].start() if k + 1 < len(keys) else len(text)
        pairs.setdefault(_kind(m.group("key")), text[m.end() : end].strip(" .;,|"))
    return pairs if "task" in pairs and ("owner" in pairs or "due" in pairs) else {}


def structured_candidates(
    notes: str, meeting: dt.date, people: PeopleDirectory
) -> tuple[list[Candidate], set[int]]:
    """Candidates from tables and key/value blocks, and the line numbers they used."""
    resolver = SubjectResolver(people)
    lines = split_lines(notes)
    table_items, table_lines = table_candidates(lines, meeting, people, resolver)
    block_items, block_lines = _blocks(lines, meeting, people, resolver)
    return table_items + block_items, table_lines | block_lines
