"""The outline of a note: which lines are headings, list items or table rows, and what each line
sits under (its nearest heading, the kind of section, a status such as "Finished", a person
named by a heading or a parent bullet).

One general mechanism for every heading style managers and minute-takers use: Markdown `#`,
underlined (`====` / `----`), bold-only lines (`**Jonah**`), short label lines (`Next steps:`),
and short parent bullets (`* New` / `* On-going` / `* Finished`, `- Dolores:`). A heading's
kind comes from its words ("Action items", "Plan for next week", "TODO", "AP" -> action), so
any heading that names actions opens an action section, whatever its level or style.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex as re

from assistant.recap.builtin.languages import STATUS_DONE, STATUS_OPEN, heading_kind

SectionKind = Literal[
    "", "action", "followup", "negative", "praise", "concern", "personal", "decision", "agenda"
]
Status = Literal["open", "done"]

# Order matters: the first rule that matches a heading decides its kind.
_SECTION_RULES: list[tuple[SectionKind, re.Pattern[str]]] = [
    (
        "negative",
        re.compile(
            r"\b(?:not agree|did not|didn'?t|won'?t do|declined|parked|rejected|not doing)\b", re.I
        ),
    ),
    (
        "followup",
        re.compile(
            r"\b(?:(?<!for )(?<!plan )next (?:time|1:1|one-on-one|meeting|session|week'?s 1:1)|"
            r"open questions|revisit|parking lot|"
            r"to discuss|follow[- ]?up next|questions?)\b",
            re.I,
        ),
    ),
    (
        "action",
        re.compile(
            r"\b(?:action(?: items?| points?| plan)?s?|ais?|aps?|ai list|to-?dos?|next steps?|"
            r"tasks?|agreed plan|open items|agreed actions|owners|commitments|follow[- ]?ups?|"
            r"assignments?|assigned|deliverables|plan for|proposed plan|plans?|for next (?:time|"
            r"week|meeting|session)|next week|homework|"
            r"(?:nächste[rn]?\s+)?schritte?|aufgaben|plan für)\b",
            re.I,
        ),
    ),
    ("agenda", re.compile(r"\b(?:agenda|topics?|discussion points|items to discuss)\b", re.I)),
    (
        "praise",
        re.compile(r"\b(?:kudos|praise|wins|shout[- ]?outs?|recognition|highlights)\b", re.I),
    ),
    ("concern", re.compile(r"\b(?:concerns?|risks?|blockers?|issues|worries|problems)\b", re.I)),
    (
        "personal",
        re.compile(r"\b(?:personal|life|family|him|her|them|pto|time off|out of office)\b", re.I),
    ),
    ("decision", re.compile(r"\b(?:decisions?|decided|agreed)\b", re.I)),
]
# Status words under an action list: "New", "On-going" are open; "Finished", "Done" are not.
_DONE_STATUS = re.compile(
    r"^(?:finished|done|completed?|closed|resolved|merged|old business|previous actions?|"
    r"carried over and done)\W*$",
    re.I,
)
_OPEN_STATUS = re.compile(
    r"^(?:new|on-?going|in[- ]progress|open|pending|todo|to do|current|carried over|"
    r"new business|assigned|next)\W*$",
    re.I,
)

SYMBOLS = "\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
BULLET = re.compile(
    r"^\s*(?:[-*•◦▪–→➜➔▶►>+・" + SYMBOLS + r"]+\ufe0f?|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+|"
    # Chinese and Japanese lists: "・", "●", "①", "1、", "（1）", with no space after them.
    r"^\s*(?:[・●◆■]|[①-⑳]|\d{1,2}[、．]|[（(]\d{1,2}[）)])\s*(?=[\p{Han}\p{Hiragana}\p{Katakana}])"
)
NUMBERED = re.compile(r"^\s*\(?\d{1,2}[.)]\s")
CHECKBOX = re.compile(
    r"^\s*(?:[-*•]\s*)?(?:\[(?P<box>[ xX✓✔/*-]?)\]|(?P<open>[☐□◻❑])|(?P<tick>[☑☒✅]))\s*"
)
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s*(.*?)\s*#*\s*$")
_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,}|~{3,})\s*$")
_BOLD_ONLY = re.compile(r"^\s*(?:[-*•]\s+)?(\*{2,3}|_{2,3})(?P<text>[^*_]{1,80}?)\1\s*:?\s*$")
_ENDS_WITH_PUNCT = re.compile(r"[.!?,;]$")
_DATE_OR_1ON1 = re.compile(r"\d{1,2}/\d{1,2}|\b1:1\b")
_TABLE_ROW = re.compile(r"^\s*\|.*\|")
_HTML_OR_META = re.compile(r"^\s*(?:<[^>]+>|---\s*$|[\w-]+:\s*\[.*\]\s*$)")
# "Catalog, Execution Engine [Antônio]" / "Parser [Ilya, Sebastián]": a person named in a title.
_BRACKETED = re.compile(r"[\[(](?P<who>[^\])]{1,40})[\])]\s*:?\s*$")
_LABEL_LINE = re.compile(r"^\s*[\p{L}][\w -]{0,30}(?::(?:\s|$)|：)")
_SENTENCE_END = re.compile(r"[.!?:;]$")
_INNER_EMPHASIS = re.compile(r"\*{2,3}|(?<!\w)_{2,3}|_{2,3}(?!\w)")
_OWNER_LINK = re.compile(r"\s+(?:to|will|should|must)$", re.I)
_IMPLICIT = 9  # level of headings known only by their shape (a label line, capitals)
_BOLD = 7


@dataclass(frozen=True)
class LineInfo:
    """What one line of the notes is and what it sits under."""

    index: int
    kind: Literal["blank", "heading", "rule", "item", "cont", "row", "text"]
    depth: int  # indentation of an item (columns)
    body: int  # column where the line's content starts (after bullet and checkbox)
    checkbox: Literal["open", "done"] | None
    section: str  # the nearest heading's text
    section_kind: SectionKind  # the kind of the nearest heading that has one
    status: Status | None  # from a "New" / "On-going" / "Finished" heading or parent bullet
    owner_heading: str | None  # text of the nearest heading / parent bullet that may be a name
    parent: int | None  # the line of the parent bullet, for nested lists


def section_kind(heading: str) -> SectionKind:
    for kind, pattern in _SECTION_RULES:
        if pattern.search(heading):
            return kind
    # "Nächste Schritte", "Prochaines étapes", "待办事项": the same kinds in other languages.
    return heading_kind(heading)  # type: ignore[return-value]


def _status(title: str) -> Status | None:
    """ "Finished" / "Erledigt" / "已完成" -> done; "New" / "En cours" / "进行中" -> open."""
    if _DONE_STATUS.match(title) or STATUS_DONE.match(title):
        return "done"
    if _OPEN_STATUS.match(title) or STATUS_OPEN.match(title):
        return "open"
    return None


def _indent(text: str) -> int:
    return len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip())


def _implicit_heading(line: str, next_line: str | None) -> bool:
    """Short label lines ("DENIALS", "Action items", "Next time:") that title what follows."""
    s = line.strip()
    if not s or (BULLET.match(line) and not NUMBERED.match(line)) or _TABLE_ROW.match(line):
        return False
    body = BULLET.sub("", s)
    words = body.rstrip(":").split()
    if not words or len(words) > 7:
        return False
    if body.endswith((":", "：")):
        return True
    if _ENDS_WITH_PUNCT.search(body) or _DATE_OR_1ON1.search(body):
        return False
    if body.isupper() and len(body) > 2:
        return True
    nxt = (next_line or "").strip()
    if (
        NUMBERED.match(line)
        and NUMBERED.match(next_line or "")
        and _indent(line) == _indent(next_line or "")
    ):
        return False  # "1. Draft X (Mateus)" followed by "2. ...": a list, not a title
    if len(words) <= 3 and section_kind(body) and nxt:
        return True  # "Actions" / "Next steps" on their own line
    return bool(nxt) and bool(BULLET.match(next_line or "")) and len(words) <= 5


def _lazy_continuation(prev: str, line: str, out: list[LineInfo]) -> bool:
    """A list item wrapped onto an unindented line directly under it (Markdown's lazy
    continuation): the item ended with a hard break (two spaces, a backslash), or it stops
    mid-sentence and the line goes on in lower case."""
    if not out or out[-1].kind not in ("item", "cont") or not line.strip() or BULLET.match(line):
        return False
    if _TABLE_ROW.match(line) or _LABEL_LINE.match(line):
        return False  # "categories:" / "note: ..." start something of their own
    if prev.endswith(("  ", "\\")):
        return True
    return line[:1].islower() and not _SENTENCE_END.search(prev.rstrip())


def _numbered_sibling(prev: str, line: str) -> bool:
    """ "2) retire X" under "1) migrate Y" at the same indent: the list goes on, no title."""
    return bool(NUMBERED.match(prev) and NUMBERED.match(line)) and _indent(prev) == _indent(line)


def heading_text(text: str) -> str:
    """A heading without its Markdown marks, bullet and trailing colon."""
    text = _MD_HEADING.sub(r"\2", text) if _MD_HEADING.match(text) else text
    text = BULLET.sub("", text.strip())
    text = _INNER_EMPHASIS.sub("", text)  # "**Bríd** and **Kwabena** to:" -> plain words
    return text.strip().strip("*_#").strip().rstrip(":：").strip().strip("*_").strip()


def owner_label(text: str) -> str | None:
    """The part of a heading that could name a person: 'Parser [Ilya, Sebastián]' -> 'Ilya,
    Sebastián', 'Jonah' -> 'Jonah', 'Warrick-' -> 'Warrick'."""
    m = _BRACKETED.search(text)
    if m:
        return m.group("who")
    clean = text.strip().rstrip(":-–— ").strip()
    clean = _OWNER_LINK.sub("", clean)  # "Bríd to:" / "Søren will:" over the tasks
    return clean if 0 < len(clean.split()) <= 4 else None


def outline(lines: list[str]) -> list[LineInfo]:
    """Classify every line and give it its section, status and owner heading."""
    out: list[LineInfo] = []
    # (level, text, kind) of open headings; items use their indentation + 100 as level.
    stack: list[tuple[int, str, SectionKind, Status | None]] = []
    parents: list[tuple[int, int]] = []  # (indent, line index) of open parent bullets
    prev_kind = "blank"
    for i, raw in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        text = raw.rstrip()
        if not text.strip():
            out.append(_info(i, "blank", 0, 0, None, stack, None))
            if prev_kind != "item":
                prev_kind = "blank"
            continue
        if _UNDERLINE.match(text) and out and out[-1].kind == "heading":
            out.append(_info(i, "rule", 0, 0, None, stack, None))
            continue
        level: int | None = None
        lazy = _lazy_continuation(lines[i - 1] if i else "", raw, out)
        md = _MD_HEADING.match(text)
        bold = _BOLD_ONLY.match(text)
        if md and md.group(2):
            level = len(md.group(1))
        elif lazy:
            pass  # a wrapped bullet's next line is never a title
        elif nxt is not None and _UNDERLINE.match(nxt) and not BULLET.match(text):
            level = 1 if nxt.strip().startswith("=") else 2
            if len(text.split()) > 10:
                level = None
        elif bold:
            level = _BOLD
        elif (
            _implicit_heading(text, nxt)
            and not _HTML_OR_META.match(text)
            and not _numbered_sibling(lines[i - 1] if i else "", text)
        ):
            level = _IMPLICIT
        if level is not None:
            title = heading_text(bold.group("text") if bold and not md else text)
            while stack and stack[-1][0] >= level:
                stack.pop()
            parents.clear()
            status: Status | None = _status(title)
            stack.append((level, title, section_kind(title), status))
            out.append(_info(i, "heading", 0, len(raw) - len(raw.lstrip()), None, stack, None))
            prev_kind = "heading"
            continue
        if _TABLE_ROW.match(text):
            out.append(_info(i, "row", 0, 0, None, stack, None))
            prev_kind = "row"
            continue
        bullet = BULLET.match(text)
        box = CHECKBOX.match(text)
        if bullet or box:
            depth = _indent(text)
            while parents and parents[-1][0] >= depth:
                parents.pop()
            # Bullet-level headings deeper than this item no longer apply.
            while stack and stack[-1][0] >= 100 + depth:
                stack.pop()
            body = (box or bullet).end()  # type: ignore[union-attr]
            checkbox: Literal["open", "done"] | None = None
            if box:
                mark = box.group("box")
                checkbox = "open" if box.group("open") or mark in ("", " ") else "done"
            parent = parents[-1][1] if parents else None
            info = _info(i, "item", depth, body, checkbox, stack, parent)
            out.append(info)
            # A short item with deeper items under it titles them ("* New", "- Dolores:").
            below = next((ln for ln in lines[i + 1 : i + 4] if ln.strip()), None)
            if below is not None and _indent(below) > depth and BULLET.match(below):
                parents.append((depth, i))
                title = heading_text(text[body:])
                if len(title.split()) <= 4 or text.rstrip().endswith(":"):
                    status = _status(title)
                    stack.append((100 + depth, title, section_kind(title), status))
            prev_kind = "item"
            continue
        # Prose after a bulleted section ends a section known only by its shape.
        indented = raw[:1] in (" ", "\t")
        if prev_kind == "item" and not (indented or lazy) and stack and stack[-1][0] == _IMPLICIT:
            stack.pop()
        if (indented and prev_kind == "item" and out) or lazy:
            # A wrapped bullet: the continuation belongs to the item above.
            last = next(o for o in reversed(out) if o.kind == "item")
            out.append(
                LineInfo(
                    i,
                    "cont",
                    last.depth,
                    _indent(text),
                    last.checkbox,
                    last.section,
                    last.section_kind,
                    last.status,
                    last.owner_heading,
                    last.index,
                )
            )
            continue
        parents.clear()
        while stack and stack[-1][0] >= 100:
            stack.pop()
        out.append(_info(i, "text", 0, 0, None, stack, None))
        prev_kind = "text"
    return out


def _info(
    index: int,
    kind: Literal["blank", "heading", "rule", "item", "cont", "row", "text"],
    depth: int,
    body: int,
    checkbox: Literal["open", "done"] | None,
    stack: list[tuple[int, str, SectionKind, Status | None]],
    parent: int | None,
) -> LineInfo:
    section = stack[-1][1] if stack else ""
    kinds = [k for _, _, k, _ in stack if k]
    statuses = [s for _, _, _, s in stack if s]
    owner = owner_label(stack[-1][1]) if stack and not stack[-1][2] else None
    return LineInfo(
        index,
        kind,
        depth,
        body,
        checkbox,
        section,
        kinds[-1] if kinds else "",
        statuses[-1] if statuses else None,
        owner,
        parent,
    )
