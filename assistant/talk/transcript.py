"""Speaker-labelled transcripts: `Name: text` lines, chat exports, WebVTT (.vtt) and SubRip (.srt).

`parse_transcript` turns a paste or an uploaded file into turns (who spoke, what, when). It
answers None for ordinary notes, so callers can ask "is this a transcript?" with the same
parsing the talk ratio and the recap use. Names may use any script, with apostrophes, hyphens
and particles ("Mary-Kate D'Souza", "Nguyễn Thị Hương", "王伟", "Jan van der Berg").
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Literal

import regex

TranscriptFormat = Literal["labelled", "vtt", "srt"]

# One name token: a letter of any script, then letters and combining marks (Devanagari vowel
# signs, Gurmukhi nukta after NFC), with apostrophes, dots or hyphens between them.
_TOKEN = r"\p{L}[\p{L}\p{M}]*(?:['’.\-]\p{L}[\p{L}\p{M}]*)*\.?"
_NAME = rf"{_TOKEN}(?:[ \u00a0]{_TOKEN}){{0,4}}"
_CLOCK = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
# "[00:01:02] Name: text", "Name (00:12): text", "00:12 Name: text", "Name: text"
_LABELLED = regex.compile(
    rf"^\s*(?:[\[(]?(?P<t1>{_CLOCK})[\])]?\s*[-–—]?\s*)?"
    rf"(?P<name>{_NAME})"
    rf"\s*(?:[\[(](?P<t2>{_CLOCK})[\])])?\s*[:：]\s*(?P<text>\S.*)$"
)
_CUE_TIMES = re.compile(rf"^\s*(?P<start>{_CLOCK})\s*-->\s*(?P<end>{_CLOCK})(?:\s+.*)?$")
_VTT_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+(?P<name>[^>]+)>(?P<text>.*?)(?:</v>|$)")
_TAGS = re.compile(r"</?[^>]+>")
_BRACKET_SPEAKER = regex.compile(rf"^\s*[\[(](?P<name>{_NAME})[\])]\s*(?P<text>\S.*)$")

# Line labels that head notes, not speakers ("AI: Tomás to send…", "Next steps: …").
NOT_SPEAKERS = frozenset(
    """ai ap action actions action item action items agenda attendees present absent apologies
    date time when where who what why how note notes decision decisions next next steps todo
    to do follow up follow-up follow-ups followups owner owners due deadline status update
    updates summary topic topics re fyi q a question questions answer issue issues risk risks
    blocker blockers done wins goal goals outcome outcomes minutes location venue subject
    context background agreed open closed new ongoing on-going finished ps nb eta tl;dr
    tldr http https mailto url link""".split()
)
MIN_TURNS = 4


@dataclass(frozen=True)
class Turn:
    """One stretch of speech by one speaker."""

    speaker: str
    text: str
    line: int  # 0-based line of the source where the turn starts
    start: float | None = None  # seconds, when the transcript has times
    end: float | None = None


@dataclass(frozen=True)
class Transcript:
    format: TranscriptFormat
    turns: tuple[Turn, ...]

    @property
    def speakers(self) -> list[str]:
        """Distinct speakers in order of first appearance."""
        return list(dict.fromkeys(t.speaker for t in self.turns))


def normalise_name(name: str) -> str:
    """NFC, single spaces, no surrounding punctuation: how names are compared."""
    text = unicodedata.normalize("NFC", name)
    return " ".join(text.replace("\u00a0", " ").split()).strip(" .:-–—")


def seconds(clock: str) -> float:
    """'01:02:03.500' or '02:03,5' -> seconds."""
    parts = clock.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total


def parse_transcript(text: str) -> Transcript | None:
    """The turns of a transcript, or None when `text` reads as ordinary notes."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    if first.lstrip("\ufeff").startswith("WEBVTT"):
        return _cues(lines, "vtt")
    if any(_CUE_TIMES.match(ln) for ln in lines[:40]):
        return _cues(lines, "srt")
    return _labelled(lines)


def _is_speaker(name: str) -> bool:
    clean = normalise_name(name)
    return bool(clean) and clean.lower() not in NOT_SPEAKERS and len(clean) <= 60


def _labelled(lines: list[str]) -> Transcript | None:
    turns: list[Turn] = []
    content_lines = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        content_lines += 1
        match = _LABELLED.match(line)
        if match and _is_speaker(match.group("name")):
            clock = match.group("t1") or match.group("t2")
            turns.append(
                Turn(
                    speaker=normalise_name(match.group("name")),
                    text=match.group("text").strip(),
                    line=index,
                    start=seconds(clock) if clock else None,
                )
            )
        elif turns and turns[-1].line < index:
            # A continuation line belongs to the turn above it.
            last = turns[-1]
            turns[-1] = Turn(last.speaker, f"{last.text} {line.strip()}", last.line, last.start)
    return turns_if_transcript(turns, content_lines)


def turns_if_transcript(turns: list[Turn], content_lines: int) -> Transcript | None:
    """Labelled lines make a transcript when at least two people each speak twice and most
    lines are speech (a list of `Owner: task` lines is not a conversation)."""
    counts = Counter(t.speaker.lower() for t in turns)
    repeat_speakers = sum(1 for n in counts.values() if n >= 2)
    if len(turns) < MIN_TURNS or repeat_speakers < 2:
        return None
    labelled_share = len(turns) / max(content_lines, 1)
    if labelled_share < 0.5:
        return None
    return Transcript("labelled", tuple(turns))


def _cues(lines: list[str], fmt: TranscriptFormat) -> Transcript | None:
    turns: list[Turn] = []
    index = 0
    while index < len(lines):
        times = _CUE_TIMES.match(lines[index])
        if not times:
            index += 1
            continue
        start, end = seconds(times.group("start")), seconds(times.group("end"))
        cue_line = index
        body: list[str] = []
        index += 1
        while index < len(lines) and lines[index].strip():
            body.append(lines[index].strip())
            index += 1
        for speaker, said in _cue_speech(" ".join(body)):
            if turns and turns[-1].speaker == speaker and speaker != "":
                last = turns[-1]
                turns[-1] = Turn(last.speaker, f"{last.text} {said}", last.line, last.start, end)
            else:
                turns.append(Turn(speaker, said, cue_line, start, end))
    # Cues without a named speaker carry on from the previous speaker.
    named: list[Turn] = []
    for turn in turns:
        if turn.speaker:
            named.append(turn)
        elif named:
            last = named[-1]
            named[-1] = Turn(
                last.speaker, f"{last.text} {turn.text}", last.line, last.start, turn.end
            )
    return Transcript(fmt, tuple(named)) if named else None


def _cue_speech(body: str) -> list[tuple[str, str]]:
    """(speaker, text) pieces of one cue; speaker "" when the cue does not say who."""
    voices = list(_VTT_VOICE.finditer(body))
    if voices:
        return [
            (normalise_name(v.group("name")), _TAGS.sub("", v.group("text")).strip())
            for v in voices
            if _TAGS.sub("", v.group("text")).strip()
        ]
    plain = _TAGS.sub("", body).strip()
    for pattern in (_LABELLED, _BRACKET_SPEAKER):
        match = pattern.match(plain)
        if match and _is_speaker(match.group("name")):
            return [(normalise_name(match.group("name")), match.group("text").strip())]
    return [("", plain)] if plain else []
