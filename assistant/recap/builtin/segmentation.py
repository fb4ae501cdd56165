"""Split raw notes into sentences that remember their line, section, speaker and markers.

Every sentence keeps its character span in the original notes, so evidence stays verbatim.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex as re

from assistant.recap.builtin.languages import SPACELESS_END
from assistant.recap.builtin.lexicon import TASK_VERBS
from assistant.recap.builtin.outline import (
    BULLET,
    CHECKBOX,
    LineInfo,
    SectionKind,
    heading_text,
    outline,
    section_kind,
)
from assistant.talk.transcript import parse_transcript

# Small precompiled patterns used by the functions below.
_HARD_BREAK = re.compile(r"\\?(?:\r\n|\r|\n)")  # a line break, with Markdown's backslash hard break
_LINE_LABEL = re.compile(r"^\s*([\p{L}][\p{L} /'-]{1,30})(?::\s|：\s*)")

_DONE_MARK = re.compile(r"^\s*(?:[-*•]\s*)?[✔✓☑✅]\s*|\s[✔✓☑✅]\s*$")
_EMPHASIS = re.compile(r"\*{2,3}|(?<!\w)_{2,3}|_{2,3}(?!\w)")
_STRUCK = re.compile(r"~~.+?~~|✘|✗|❌")
# "Sam: ...", "sam: ...", "[10:02] Sam Okafor: ..." (chat exports carry a timestamp first)
_SPEAKER = re.compile(
    r"^\s*(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?[\])]?\s*[-–]?\s*)?"
    r"(@?[\p{L}][\w.'-]*(?:\s[\p{Lu}\p{Lo}][\p{L}.'-]*)?)\s*:\s+(?=\S)",
    re.IGNORECASE,
)
_DASH_SPEAKER = re.compile(r"^\s*([\p{L}][\w.'-]*(?:\s[\p{Lu}\p{Lo}][\p{L}.'-]*)?)\s+[—–]\s+(?=\S)")
_CHAT_HEADER = re.compile(
    r"^\s*(?P<name>[\p{Lu}\p{Lo}][\w.'-]*(?:\s[\p{Lu}\p{Lo}][\w.'-]*){0,2})(?:\s*\([^)]{1,25}\))?"
    r"\s+[\[(]?\d{1,2}:\d{2}"
    r"(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?[\])]?\s*$"
)
# Shorthand notes often start a new sentence in lower case ("... spike. me: get approval").
# "Draft the backlog; start reviewing X": a semicolon before a second task verb ends a task.
_SEMI_TASK = re.compile(r";\s+(?=(?P<verb>[\p{Ll}][\p{Ll}-]+)\b)")
_WORDY = re.compile(r"[\p{L}\p{N}]")
_SENT_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[\p{L}0-9@])")
# Chinese and Japanese end sentences with full-width marks and no space after them.
_CJK_END = re.compile(r"[" + SPACELESS_END + r"][」』”’）)]*\s*(?=\S)")
_LOWER_PREP = re.compile(r"(?:for|on|by|with|to|at|in|of|from)\s")
_ABBREV = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|St|vs|etc|approx|e\.g|i\.e|Jr|Sr|Inc|No|Fig|Mt|Ft|a\.m|p\.m|"
    r"incl|est|dept|ca|cf|al|ext|tel|re)|\b[\p{L}])\.$"
)


@dataclass(frozen=True)
class Line:
    index: int
    text: str
    start: int


@dataclass(frozen=True)
class Sentence:
    """One sentence (or bullet) of the notes with its context."""

    text: str  # verbatim slice of the notes (bullets/speaker labels stripped)
    start: int
    end: int
    line_index: int
    line_text: str
    section: str
    section_kind: SectionKind
    speaker: str | None
    bullet: bool
    checkbox: Literal["open", "done"] | None
    struck: bool
    first_in_line: bool
    owner_heading: str | None = None  # a heading or parent bullet above that may name a person
    depth: int = 0  # indentation of the list item the sentence sits in
    parent: int | None = None  # line of the parent bullet, for nested lists
    status: str | None = None  # "open" / "done" from a New / Finished heading above
    row: bool = False  # a table row
    topic: str | None = None  # what it is about: the parent bullet or a heading naming a thing
    titles: bool = False  # a bullet of one or two words over deeper ones ("Budget deck", "New")


def split_lines(notes: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for i, raw in enumerate(notes.splitlines(keepends=True)):
        text = raw.rstrip("\r\n")
        lines.append(Line(i, text, pos))
        pos += len(raw)
    return lines


def handle_name(label: str) -> str:
    """'@chris.nakamura' / 'alicia_grant' (chat handles) -> 'chris nakamura'."""
    if label.startswith("@") or re.fullmatch(r"[\p{Ll}\p{M}]+[._][\p{Ll}\p{M}]+", label):
        return re.sub(r"[._]+", " ", label.lstrip("@")).strip()
    return label


def _chat_headers(lines: list[Line], participant_names: set[str]) -> dict[int, tuple[str, int]]:
    """Slack/Teams copies: 'Rita Gomez  10:42 AM' on its own line, then the messages."""
    found: dict[int, tuple[str, int]] = {}
    current: str | None = None
    headers = 0
    for line in lines:
        h = _CHAT_HEADER.match(line.text)
        if h and h.group("name").lower() in participant_names:
            current, headers = h.group("name"), headers + 1
            found[line.index] = (current, len(line.text))  # the header itself says nothing
        elif current is not None and line.text.strip():
            found[line.index] = (current, 0)
    return found if headers >= 2 else {}


def speaker_labels(lines: list[Line], participant_names: set[str]) -> dict[int, tuple[str, int]]:
    """Line index -> (speaker label, offset of the utterance) when the notes are a transcript.

    Labelled transcripts are read by the shared parser (`assistant.talk.transcript`), so the
    recap and the talk ratio agree on who said what; chat-app copies with name/time header
    lines and em-dash labels between participants are recognised here as well.
    """
    found = _chat_headers(lines, participant_names)
    if found:
        return found
    transcript = parse_transcript("\n".join(line.text for line in lines))
    if transcript is not None and transcript.format == "labelled":
        for turn in transcript.turns:
            text = lines[turn.line].text
            at = text.find(turn.text[:20]) if turn.text else -1
            if at > 0:
                found[turn.line] = (handle_name(turn.speaker), at)
        if found:
            return found
    for pattern in (_SPEAKER, _DASH_SPEAKER):
        found = {}
        for line in lines:
            m = pattern.match(line.text)
            label = handle_name(m.group(1)) if m else ""
            if m and label.lower() in participant_names:
                found[line.index] = (label, m.end())
        speakers = {label.lower() for label, _ in found.values()}
        # "Me — How's the migration?": dash labels only count in a real exchange (a question),
        # so an owner list like "Dana — send the deck" stays a list.
        asks = pattern is _SPEAKER or any(lines[i].text.rstrip().endswith("?") for i in found)
        if len(found) >= 3 and len(speakers) >= 2 and asks:
            return found
    return {}


# No real sentence is longer; a longer run (a pasted log, one sentence repeated) is cut into
# pieces so that no rule ever scans more than this much text per sentence (speed guard).
MAX_SENTENCE = 400


def _bounded(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cut a long span at the last space before every MAX_SENTENCE characters."""
    out: list[tuple[int, int]] = []
    while b - a > MAX_SENTENCE:
        cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        cut = cut if cut > a else a + MAX_SENTENCE
        out.append((a, cut))
        a = cut
    out.append((a, b))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans inside one line, not splitting after abbreviations or initials."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        head = text[max(start, m.start() - 24) : m.start()]
        if _ABBREV.search(head.rstrip("\"')]")):
            continue
        if text[m.start() - 1] == "." and _LOWER_PREP.match(text, m.end()):
            continue  # "safety orient. for them on 11/17": a clipped word, not a full stop
        if not _WORDY.search(text, start, m.start()):
            continue  # "?? ask legal": a leading mark belongs to the sentence it marks
        spans.append((start, m.start() + 1))
        start = m.end()
    spans.append((start, len(text)))
    spans = [piece for a, b in spans for piece in _split_cjk(text, a, b)]
    spans = [piece for a, b in spans for piece in _split_tasks(text, a, b)]
    return [piece for a, b in spans if text[a:b].strip() for piece in _bounded(text, a, b)]


def _split_cjk(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split a span after 。！？； (with any closing quote or bracket)."""
    out: list[tuple[int, int]] = []
    for m in _CJK_END.finditer(text, a, b):
        end = m.end() - (len(m.group(0)) - len(m.group(0).rstrip()))
        if _WORDY.search(text, a, end):
            out.append((a, end))
            a = m.end()
    out.append((a, b))
    return out


def _split_tasks(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split a span at semicolons that start another task verb."""
    out: list[tuple[int, int]] = []
    for m in _SEMI_TASK.finditer(text, a, b):
        word = m.group("verb")
        if word in TASK_VERBS or (word.endswith("ing") and word[:-3] in TASK_VERBS):
            out.append((a, m.start() + 1))
            a = m.end()
    out.append((a, b))
    return out


def _topic(info: LineInfo, infos: list[LineInfo], lines: list[Line]) -> str | None:
    """'Budget deck' over '- finish + send to finance': the parent bullet's title, else a
    heading that names a thing (not an action or status heading, not a person)."""
    if info.parent is not None and infos[info.parent].kind == "item":
        title = heading_text(lines[info.parent].text[infos[info.parent].body :])
        linked = title.split()[-1:] in (["to"], ["will"])  # "Bríd to:" names whose, not what
        if 0 < len(title.split()) <= 6 and not title.endswith((".", "?")) and not linked:
            return title
    named = info.section and not info.section_kind and not info.owner_heading and not info.status
    if named and len(info.section.split()) <= 5 and "[" not in info.section:
        return info.section
    return None


def segment(notes: str, participant_names: set[str]) -> list[Sentence]:
    """All sentences of the notes, in order, with their section and speaker."""
    lines = split_lines(notes)
    speakers = speaker_labels(lines, participant_names)
    infos = outline([line.text for line in lines])
    parents = {i.parent for i in infos if i.parent is not None}
    out: list[Sentence] = []
    speaker: str | None = None
    joined: set[int] = set()
    for line in lines:
        info = infos[line.index]
        if line.index in joined:
            continue
        if info.kind == "blank":
            speaker = None  # a blank line ends an utterance
            continue
        if line.index not in speakers and info.kind in ("heading", "rule"):
            continue
        section, kind = info.section, info.section_kind
        if info.status == "done" and kind == "action":
            kind = "negative"  # "Finished" items under an action list are not open
        offset = 0
        if line.index in speakers:
            speaker, offset = speakers[line.index]
        elif not speakers or BULLET.match(line.text) or line.text.count("|") >= 2:
            speaker = None
        body = line.text[offset:]
        checkbox: Literal["open", "done"] | None = None
        cb = CHECKBOX.match(body)
        bullet = bool(BULLET.match(body)) or cb is not None
        if cb:
            box = cb.group("box")
            checkbox = "open" if cb.group("open") or box in ("", " ") else "done"
            offset += cb.end()
        elif BULLET.match(body):
            offset += BULLET.match(body).end()  # type: ignore[union-attr]
        if _DONE_MARK.search(line.text) or info.checkbox == "done":
            checkbox = "done"
        struck = bool(_STRUCK.search(line.text))
        # "**Lukas Weißmüller:** Read the draft": emphasis marks are blanked, same length, so
        # offsets stay verbatim and the owner reads as a plain prefix.
        text_of_line = line.text
        if info.kind == "item" and not speakers:
            # A wrapped bullet reads as one line: its continuation lines join it, newlines
            # turned to spaces (same length, so offsets stay verbatim).
            k = line.index + 1
            while k < len(lines) and infos[k].kind == "cont" and infos[k].parent == line.index:
                joined.add(k)
                k += 1
            if k > line.index + 1:
                end = lines[k - 1].start + len(lines[k - 1].text)
                text_of_line = _HARD_BREAK.sub(
                    lambda m: " " * len(m.group(0)), notes[line.start : end]
                )
        plain = _EMPHASIS.sub(lambda m: " " * len(m.group(0)), text_of_line)
        body = plain[offset:]
        # "label: content" lines ("next time: ...", "Decision: ...") carry their own section.
        line_section, line_kind = section, kind
        lab = _LINE_LABEL.match(body)
        if lab and section_kind(lab.group(1)) and line.index not in speakers:
            line_section, line_kind = lab.group(1), section_kind(lab.group(1))
        # "- Minh: Reproduce X. Add Y.": a short label that is no section names whose the
        # later sentences of the line are (the item rules check that it is a person).
        label_owner = (
            lab.group(1).strip()
            if lab and not section_kind(lab.group(1)) and len(lab.group(1).split()) <= 3
            else None
        )
        for j, (a, b) in enumerate(split_sentences(body)):
            s_start = line.start + offset + a
            text = plain[offset + a : offset + b]
            lead = len(text) - len(text.lstrip())
            text = text.strip()
            out.append(
                Sentence(
                    text=text,
                    start=s_start + lead,
                    end=s_start + lead + len(text),
                    line_index=line.index,
                    # The line around the sentence (bounded, so a huge one-line paste stays fast).
                    line_text=plain
                    if len(plain) <= 2 * MAX_SENTENCE
                    else plain[max(0, offset + a - MAX_SENTENCE) : offset + b + MAX_SENTENCE],
                    section=line_section,
                    section_kind=line_kind,
                    speaker=speaker,
                    bullet=bullet,
                    checkbox=checkbox,
                    struck=struck,
                    first_in_line=j == 0,
                    owner_heading=label_owner if j and label_owner else info.owner_heading,
                    depth=info.depth,
                    parent=info.parent,
                    status=info.status,
                    row=info.kind == "row",
                    topic=_topic(info, infos, lines),
                    titles=line.index in parents and len(body.split()) <= 2,
                )
            )
    return out
