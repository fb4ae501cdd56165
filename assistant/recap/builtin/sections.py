"""Sort the non-task sentences into decisions, praise, concerns, personal and follow-ups."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from assistant.recap.builtin.languages import cue
from assistant.recap.builtin.lexicon import NORM_CUE, TENTATIVE
from assistant.recap.builtin.segmentation import Sentence

# Small precompiled patterns used by the functions below.
_LABEL_PREFIXED = re.compile(
    r"^(?:next time|decision|kudos|praise|personal|concern|feedback|"
    r"follow up next time)\s*:",
    re.IGNORECASE,
)
_ANY_LABEL = re.compile(r"^(?:[\p{L} ]{2,20}):\s+")
_NEXT_TIME_START = re.compile(r"^(?:next time|next 1:1|follow up next time)\b", re.I)
_REVISIT = re.compile(
    r"\b(?:revisit|come back to|pick (?:it|this|that) (?:back )?up|check back)\b", re.I
)

_DECISION = re.compile(
    r"\b(?:decided|decision|agreed|approved|we'?ll go with|going with|won'?t|not (?:this|now|"
    r"possible)|no change|declined|from now on|going forward|instead|effective|cancel(?:l)?ed)\b",
    re.IGNORECASE,
)
_PRAISE = re.compile(
    r"\b(?:great|nice|kudos|congrats|congratulations|excellent|nailed|awesome|thank(?:s| you)|"
    r"well done|good (?:job|work|catch|call)|huge|best|impressive|really (?:sharp|good)|flawless|"
    r"shout[- ]?out|proud|strong|praised?|record|highest)\b",
    re.IGNORECASE,
)
_CONCERN = re.compile(
    r"\b(?:concern(?:ed)?|worr(?:y|ied)|risk|issue|problem|blocker|blocked|behind|slip(?:ping|s)?|"
    r"late|missed|short|down \d|up to \d|stuck|frustrat\w*|stretched|tired|burn(?:ed|t)? ?out|"
    r"rough|tight|stress\w*|overdue|backlog|broken|outdated|complain\w*|tension|conflict|"
    r"thin(?:ner)?|vacant|inconsistent|mess|at risk|struggl\w*|fumes|vs\.? (?:target|tgt|goal)|"
    r"target|still (?:no|not|waiting|sitting|missing)|lost|angry|overlap\w*|too many)\b",
    re.IGNORECASE,
)
_PERSONAL = re.compile(
    r"\b(?:wife|husband|partner|son|daughter|kids?|mom|dad|mother|father|parents|sister|brother|"
    r"grandm\w+|family|wedding|baby|expecting|vacation|pto|"
    r"out (?:from|next|\d|[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]{2} \d)|"
    r"birthday|"
    r"moving|moved|dog|cat|surgery|sick|hospital|funeral|marathon|lease|girlfriend|"
    r"boyfriend|holiday|camping|beach|in-laws)\b",
    re.IGNORECASE,
)


_NOT_CONTENT = re.compile(r"^(?:agenda|attendees|present|participants|date|re|subject)\s*:", re.I)


@dataclass
class Sections:
    decisions: list[str] = field(default_factory=list)
    praise: list[str] = field(default_factory=list)
    concerns: list[str] = field(default_factory=list)
    personal: list[str] = field(default_factory=list)
    follow_ups: list[str] = field(default_factory=list)


def _clean(text: str) -> str:
    text = _ANY_LABEL.sub("", text.strip()) if _LABEL_PREFIXED.match(text.strip()) else text.strip()
    text = text.strip(" -*•")
    return text[:1].upper() + text[1:] if text else text


def classify_sections(sentences: list[Sentence], task_starts: set[int]) -> Sections:
    """Keyword and section-heading rules; a sentence lands in at most one list."""
    out = Sections()
    previous = ""
    for s in sentences:
        text = _clean(s.text)
        before, previous = previous, text
        if s.start in task_starts or _NOT_CONTENT.match(text):
            continue
        if len(text.split()) < 4:
            # "Approved." only means something next to what it answers.
            if not before or not _DECISION.search(text) or _PRAISE.search(text):
                continue
            text = f"{before.rstrip('.')} ({text.rstrip('.').lower()})"
        kind = s.section_kind
        tentative = kind in ("action", "agenda", "") and (
            TENTATIVE.search(s.text) is not None or s.line_text.lstrip(" -*•").startswith("??")
        )
        if (
            kind == "followup"
            or _NEXT_TIME_START.match(s.text)
            or _REVISIT.search(text)
            or (tentative and not _PRAISE.search(text))
        ):
            out.follow_ups.append(text)
        elif (
            kind == "decision"
            or kind == "negative"
            or _DECISION.search(text)
            or cue("decided").search(text)  # "beschlossen", "décidé", "决定"
            or NORM_CUE.search(text)
        ):
            out.decisions.append(text)
        elif kind == "praise" or _PRAISE.search(text):
            out.praise.append(text)
        elif kind == "personal" or _PERSONAL.search(text):
            out.personal.append(text)
        elif kind == "concern" or _CONCERN.search(text):
            out.concerns.append(text)
    return out
