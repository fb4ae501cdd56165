"""Action items from Markdown tables, read by what each column's header means.

A small header vocabulary says which column holds the task, the owner, the due date and the
status (English and a few other languages). The owner comes from a person column when there is
one; a column that means both ("Actions: Responsible / Note") holds tasks that name their owner
inline ("Cormac to share the link"). A named owner in the cell beats a group ("Members to ...",
"OSC to ...") or an empty owner cell, which go to the default owner (the chair of group minutes).
Cells that say there is nothing to do ("None specified", "N/A", "TBD") give no item.
"""

from __future__ import annotations

import datetime as dt

import regex as re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.context import SubjectResolver
from assistant.recap.builtin.dates import DueMatch, find_dues, pick_due
from assistant.recap.builtin.languages import DONE_STATUS_WORDS, TABLE_HEADERS, alternation
from assistant.recap.builtin.lexicon import CANCEL_CUE, DONE_CUE
from assistant.recap.builtin.line_items import owner_mark
from assistant.recap.builtin.name_patterns import NAME_WORD
from assistant.recap.builtin.people import PeopleDirectory, Person
from assistant.recap.builtin.segmentation import Line

# What a header word means. A header may match several kinds ("Action / Owner"); the same
# words in other languages come from the shared lexicon (`languages.TABLE_HEADERS`).
_ENGLISH_HEADERS: dict[str, tuple[str, ...]] = {
    "task": (
        "action",
        "task",
        "item",
        "what",
        "to-do",
        "todo",
        "to do",
        "next step",
        "description",
        "deliverable",
    ),
    "owner": ("owner", "who", "assignee", "assigned", "responsible", "person", "lead", "name"),
    "due": ("due", "when", "by", "deadline", "date", "target", "eta"),
    "status": ("status", "state", "done"),
}
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    kind: words + TABLE_HEADERS[kind] for kind, words in _ENGLISH_HEADERS.items()
}
_HEADER = {
    kind: re.compile(r"(?<![\p{L}-])(?:" + "|".join(map(re.escape, words)) + r")", re.I)
    for kind, words in HEADER_WORDS.items()
}
_DONE_VALUE = re.compile(
    r"^\s*(?:done|complete[d]?|closed|x|yes|✔|✓|☑|✅|cancel+ed|dropped)\s*$|"
    r"^\s*" + alternation(DONE_STATUS_WORDS) + r"\s*$",
    re.I,
)
# A cell that says there is no action.
_NOTHING = re.compile(
    r"^\W*(?:none(?:\s+(?:specified|identified|noted|assigned|yet))?|n/?a|tbd|tba|tbc|nil|"
    r"nothing(?:\s+\w+)?|no action(?:s| items?)?(?:\s+\w+)?|keine|-+|—|–)\W*$",
    re.I,
)
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}")
_OWNER_SPLIT = re.compile(r"\s*(?:,|/|&|\+|\band\b)\s*")
_PARENS_OR_AT = re.compile(r"\([^)]*\)|@")
# "Members to review", "OSC members (Cormac, Ivo) to discuss": a subject that is not a person.
_GROUP_SUBJECT = re.compile(r"^(?P<who>[^.;:]{1,60}?)\s+(?:to|will|should|must)\s+(?=\p{Ll})")
_PIECES = re.compile(r"(?<=[.;!])\s+(?=[\p{Lu}\p{Lo}])")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def columns(header: list[str]) -> dict[str, int | None]:
    """Column index per kind. A column that means both task and owner is the task column
    (its cells name owners inline); the owner column is then another one, if any."""
    found: dict[str, int | None] = {}
    for kind in ("task", "due", "status"):
        found[kind] = next((k for k, h in enumerate(header) if _HEADER[kind].search(h)), None)
    found["owner"] = next(
        (
            k
            for k, h in enumerate(header)
            if _HEADER["owner"].search(h) and k != found["task"] and k != found["due"]
        ),
        None,
    )
    return found


def _due(text: str, start: int, meeting: dt.date) -> DueMatch | None:
    best = pick_due(find_dues(text, meeting), text)
    if best is None:
        return None
    return DueMatch(best.date, best.phrase, best.start + start, best.end + start, best.vague)


def _column_owner(
    text: str, people: PeopleDirectory, resolver: SubjectResolver
) -> tuple[Person | None, set[str]]:
    cleaned = _PARENS_OR_AT.sub(" ", text).strip(" ,;.")
    if not cleaned or _NOTHING.match(cleaned):
        return None, set()
    first = _OWNER_SPLIT.split(cleaned)
    person, flags = resolver.resolve(first[0], speaker=None, addressee=None, named_before=None)
    if person is None:
        return None, {"owner_unclear"}
    return person, set(flags) | ({"shared"} if len(first) > 1 else set())


def _inline_owner(piece: str, people: PeopleDirectory) -> tuple[Person | None, str]:
    """The person a cell names as its owner ("Cormac to share X"), and the task without it;
    a group subject ("Members to", "OSC to") gives the item to the chair."""
    person, rest = owner_mark(piece, people)
    if person is not None and rest.strip():
        return person, rest
    g = _GROUP_SUBJECT.match(piece)
    if g and not T.starts_with_verb(g.group("who")):
        return people.chair, piece[g.end() :]
    return None, piece


def _implied_owner(named: list[Person]) -> Person | None:
    return named[0] if named and all(p is named[0] for p in named) else None


_SUBJECT_NAME = re.compile(
    r"(?:^|[.;!?]\s+)(" + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){0,3})\s+(?=\p{Ll})"
)


def _row_subject(notes: str, people: PeopleDirectory) -> Person | None:
    """The one person who is the subject of the row's notes ("Cormac outlined ...")."""
    found = [people.resolve(m.group(1)) for m in _SUBJECT_NAME.finditer(notes)]
    return _implied_owner([p for p in found if p is not None])


def _row_items(
    task_cell: str,
    owner_cell: str,
    due: DueMatch | None,
    span: tuple[int, int],
    people: PeopleDirectory,
    resolver: SubjectResolver,
    mixed: bool,
    inline: bool,
    row_notes: str = "",
) -> list[Candidate]:
    """The items of one row: one per sentence of a mixed cell, owners read inline when the
    table has no person column."""
    if _NOTHING.match(task_cell) or not task_cell.strip():
        return []
    column_owner, flags = _column_owner(owner_cell, people, resolver)
    out: list[Candidate] = []
    pieces = [p.strip(" .;") for p in (_PIECES.split(task_cell) if mixed else [task_cell])]
    read = [_inline_owner(p, people) if mixed or inline else (None, p) for p in pieces]
    # An unowned piece goes to the one person the row names: another piece of the cell
    # ("Develop the voting mechanism. Cormac to gather feedback.") or the subject of its
    # notes ("Liesel provided an update on X" | "Drive attendance").
    implied = _implied_owner([n for n, _ in read if n is not None and n is not people.chair])
    implied = implied or _row_subject(row_notes, people)
    for piece, (named, task) in zip(pieces, read, strict=True):
        if not piece or DONE_CUE.search(piece) or CANCEL_CUE.search(piece) or "~~" in piece:
            continue
        if mixed and named is None and task == piece and not T.starts_with_verb(piece):
            continue  # a note in a notes/actions column ("OSC voted on the roadmap")
        # A person column wins; else the cell's own owner; a group column gives way to it.
        owner = column_owner or named or implied
        item_flags = set(flags) if column_owner else set()
        if owner is None:
            owner, item_flags = people.default_owner, {"owner_guessed"}
        text = T.tidy(
            T.personalise(
                task, owner=owner, writer=people.writer, addressee=people.reader, people=people
            )
        )
        if T.content_size(text) >= 1:
            # "table_row": rows of one table are distinct items, never merged as duplicates.
            flags_out = item_flags | {"table_row"}
            out.append(Candidate(text, owner, owner_cell, due, [span], span[0], 0.9, flags_out))
    return out


def table_candidates(
    lines: list[Line], meeting: dt.date, people: PeopleDirectory, resolver: SubjectResolver
) -> tuple[list[Candidate], set[int]]:
    """Items from every Markdown table whose header names a task and an owner or due column."""
    out: list[Candidate] = []
    used: set[int] = set()
    i = 0
    while i < len(lines):
        if lines[i].text.count("|") < 2:
            i += 1
            continue
        block = [lines[i]]
        while i + len(block) < len(lines) and lines[i + len(block)].text.count("|") >= 2:
            block.append(lines[i + len(block)])
        i += len(block)
        header = _cells(block[0].text)
        cols = columns(header)
        task_col = cols["task"]
        mixed = task_col is not None and bool(_HEADER["owner"].search(header[task_col]))
        if task_col is None or (cols["owner"] is None and cols["due"] is None and not mixed):
            continue
        used |= {line.index for line in block}
        for row in block[1:]:
            if _SEPARATOR.match(row.text):
                continue
            cells = _cells(row.text)

            def cell(
                name: str, cells: list[str] = cells, cols: dict[str, int | None] = cols
            ) -> str:
                k = cols[name]
                return cells[k] if k is not None and k < len(cells) else ""

            # A tick or "done Tue" in any column (not only a status column) closes the row.
            if _DONE_VALUE.match(cell("status")) or any(
                _DONE_VALUE.match(c) or c.lower().startswith("done ") for c in cells
            ):
                continue
            task, due_cell = cell("task"), cell("due")
            due_off = row.start + row.text.find(due_cell) if due_cell else row.start
            due = _due(due_cell, due_off, meeting) if due_cell else _due(task, row.start, meeting)
            if not due_cell and due is not None:
                task = T.remove_dates(task, row.start, None, meeting)
            span = (row.start, row.start + len(row.text))
            notes = ". ".join(c for k, c in enumerate(cells) if k not in (task_col, cols["owner"]))
            out += _row_items(
                task,
                cell("owner"),
                due,
                span,
                people,
                resolver,
                mixed,
                cols["owner"] is None,
                notes if mixed else "",
            )
    return out, used
