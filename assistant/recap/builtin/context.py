"""Context around a sentence: who speaks, who is addressed, and what a pronoun refers to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex as re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.people import PeopleDirectory, Person
from assistant.recap.builtin.tokens import task_tokens

# Small precompiled patterns used by the functions below.
_AND_JOINER = re.compile(r"\s+(?:and|&|\+)\s+")

_DET_NP = re.compile(
    r"\b(?:the|a|an|your|my|our|his|her|their|this|these|some|all)\s+(?!(?:same|other)\b)[^,.;?!]+",
    re.IGNORECASE,
)
_AFTER_VERB_NP = re.compile(
    r"\b(?:needs?|wants?|have|has|get|got|pull|send|prep|prepare)\s+(?:(?:me|you|us|him|her)\s+)?"
    r"(?P<np>(?:the|a|an|your|my|our|his|her|their|\$?\d|(?-i:[\p{Lu}\p{Lo}]))[^,.;?!]*)",
    re.IGNORECASE,
)
_PASSIVE_NEED = re.compile(
    r"(?P<np>\b(?:the|a|an|our|his|her|their)\s[^,.;]+?)\s+(?:needs|has)\s+to\s+be\s+(?P<verb>\w+)",
    re.IGNORECASE,
)
_VERB_PRONOUN = re.compile(
    r"\b(?:get|send|do|have|finish|pull|put|bring|share|take|make)\s+(?:it|them|that|those)\b",
    re.IGNORECASE,
)
_STARTS_WITH_PRONOUN = re.compile(r"^\s*(?:it|them|those|these|that|this|they)\b", re.IGNORECASE)
_FULL_NAME = re.compile(
    r"[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+(?:[-'][\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)? "
    r"[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+(?:[-'][\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)?"
)
_PRONOUN_SUBJECT = re.compile(r"\b(?:i|we|he|she|they|you)\b", re.IGNORECASE)
_NEED_TO = re.compile(
    r"\bneeds?\s+(?:someone|somebody|a volunteer|an owner|a person\s+)?\s*to\s+"
    r"(?P<vp>(?!be\b)[\p{Ll}\p{M}][^,.;?!]*)",
    re.IGNORECASE,
)
DISCOURSE = re.compile(
    r"(?:kindly\s+)?note|fyi|update|reminder|btw|ps|also|re|nb|heads[- ]up|important", re.I
)
# What follows the subject of a statement: "Vendor quote came in high" -> "Vendor quote".
_COPULA_TAIL = re.compile(
    r"\s+(?:is|are|was|were|has been|have been|due|came|went|got|looks?|seems?|needs?|"
    r"remains?|stays?|keeps?|isn't|aren't|wasn't|won't|doesn't|didn't)\b.*$"
)
_STATUS_START = re.compile(
    r"\s*(?:still|not|no|missing|waiting|pending|blocked|done|overdue|late|behind|ok|fine|"
    r"good|they|it|we|he|she|i|you|this|that|[\d$%])",
    re.IGNORECASE,
)
_WANTED = re.compile(
    r"^\W*\w+\s+(?:wants|needs|asked for|requested|would like)\s+(?P<np>[^,.;?!]{3,})", re.I
)
_TOPIC_SPLIT = re.compile(r"\s+[-–—]+\s+|:\s+")
_NP_TRAIL = re.compile(
    r"\s+(?:though|too|then|please|first|anyway|so|because|before|since|by|if|i|we|and|but|"
    r"is|are|was|were|has|have|had|will|still)\b.*$",
    re.I,
)


def _topic(text: str) -> str:
    """The noun phrase a fragment is about: the part before a dash or colon, unless that part
    is only a discourse label ("Kindly note: travel approval is pending" -> the approval)."""
    parts = _TOPIC_SPLIT.split(text, maxsplit=1)
    colon = len(parts) == 2 and text[len(parts[0]) :].lstrip().startswith(":")
    if len(parts) == 2 and DISCOURSE.fullmatch(parts[0].strip()):
        text = parts[1]
    elif colon and not _STATUS_START.match(parts[1]) and len(task_tokens(parts[1])) >= 2:
        text = parts[1]  # "IV room: USP 797 gap assessment due to QA" names the thing
    elif len(parts) == 2 and len(task_tokens(parts[0])) >= 2:
        text = parts[0]  # "Lab safety contracts — still missing 6"
    return _COPULA_TAIL.sub("", text)


@dataclass(frozen=True)
class ContextObject:
    text: str
    source: str  # the sentence it came from (its due date may apply)


def context_object(
    text: str,
    meeting: dt.date,
    *,
    whole: bool = False,
    fallback: bool = True,
    np_only: bool = False,
) -> ContextObject | None:
    """What a pronoun most likely points at in a nearby sentence (a task or a noun phrase)."""
    source = text
    text = T.remove_dates(text, 0, None, meeting).strip()
    if np_only:
        # The object of an earlier task in the same sentence ("document X ... forward them").
        dm = _DET_NP.search(text)
        np = _NP_TRAIL.sub("", dm.group(0)) if dm else ""
        return ContextObject(np, source) if len(task_tokens(np)) >= 2 else None
    found: str | None = None
    min_tokens = 2
    pm = _PASSIVE_NEED.search(text)
    nt = _NEED_TO.search(text)
    if pm:
        found = f"{T.base_verb(pm.group('verb'))} {pm.group('np')}"
    elif nt:
        found = nt.group("vp")
    elif whole and not _PRONOUN_SUBJECT.search(text):
        # "IEP progress notes due", "Lab safety contracts — still missing 6" (the topic),
        # "G wants Excel training" (what is wanted)
        wanted = _WANTED.search(text)
        found = wanted.group("np") if wanted else _topic(text)
    else:
        m = _AFTER_VERB_NP.search(text)
        found = m.group("np") if m else None
        min_tokens = 1 if m else 2  # "get me the quote": one noun after a verb is enough
        if found is None and _VERB_PRONOUN.search(text):
            return None  # "can you get it done?" points further back itself
        if found is None:
            dm = _DET_NP.search(text)
            found = dm.group(0) if dm else None
        if found is not None:
            found = _NP_TRAIL.sub("", found)
    if found is None and fallback:
        words = text.rstrip(".?!").split()
        # "Problem with supplier Delta: they are late again"
        found = _topic(" ".join(words)) if 0 < len(words) <= 8 else None
    if not found or len(task_tokens(found)) < min_tokens or _STARTS_WITH_PRONOUN.match(found):
        return None
    if _VERB_PRONOUN.search(found):
        return None
    return ContextObject(found.strip(" .,;:-()"), source)


class SubjectResolver:
    """Maps a grammatical subject to a person, given who is writing or speaking."""

    def __init__(self, people: PeopleDirectory) -> None:
        self.people = people

    def resolve(
        self,
        subj: str,
        *,
        speaker: Person | None,
        addressee: Person | None,
        named_before: Person | None,
    ) -> tuple[Person | None, set[str]]:
        s = subj.strip()
        low = s.lower()
        writer = speaker or self.people.writer
        if low in ("i", "me"):
            return writer, set()
        if low == "you":
            return addressee or self.people.reader, set()
        if low in ("he", "she"):
            if named_before is not None and (named_before is not writer or speaker is None):
                return named_before, set()
            other = self.people.reader if writer is self.people.writer else self.people.writer
            return other, set()
        if low in ("we", "they", "us"):
            return None, {"shared", "owner_unclear"}
        parts = _AND_JOINER.split(s)
        if len(parts) > 1:
            return None, {"shared"}
        if "/" in s:
            return self.people.resolve(s.split("/")[0]), {"shared"}
        person = self.people.resolve(s, speaker=writer)
        if person is None and _FULL_NAME.fullmatch(s):
            person = self.people.add_person(s)  # a named third party who committed
        return person, set()


@dataclass
class SentenceContext:
    """What the detector knows around one sentence."""

    people: PeopleDirectory
    resolver: SubjectResolver
    meeting: dt.date
    speaker: Person | None
    addressee: Person | None
    previous_in_line: str | None = None  # the sentence before, same line/bullet
    next_in_line: str | None = None
    previous_sentence: str | None = None  # the sentence before, any line
    previous_need: str | None = None  # nearest earlier sentence saying something needs doing
    dialogue_context: str | None = None  # the other speaker's last utterance (transcripts)
    own_previous: str | None = None  # the same speaker's previous utterance (transcripts)
    third_party: Person | None = None  # last named non-participant, for "him"/"her"
    earlier_sentences: tuple[str, ...] = ()  # two to three sentences back, nearby lines
