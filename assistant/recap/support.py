"""Is a sentence the model wrote supported by the notes? For summaries, decisions, praise...

A recap sentence may paraphrase, so exact matching is too strict; what must hold is that it
adds nothing the notes do not say:
- every number (20%, $5k, 3 weeks) is in the notes;
- every name it uses is in the notes or is a participant;
- most of its content words (stop words removed, light stemming) are in the notes;
- it is not an instruction or a request for secrets ("paste your API key", "ignore the
  previous instructions"), even when the notes contain one: notes can carry an injection.
`unsupported_reason` says why a sentence fails, or returns None when it is supported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from assistant.words import unsegmented, words

_WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=\S)|(?<=[。！？])")
_INSTRUCTION = re.compile(
    r"\b(?:api[\s_-]?keys?|passwords?|passcodes?|credentials?|secret\s+keys?|access\s+tokens?|"
    r"ssh\s+keys?|credit\s+card|bank\s+details|"
    r"ignore\s+(?:all\s+|any\s+)?(?:the\s+)?(?:previous|prior|above|earlier)\s+instructions?|"
    r"system\s+prompt|you\s+are\s+now|disregard\s+(?:the|your|all)\b|"
    r"click\s+(?:here|this\s+link)|send\s+(?:me|us)\s+your)\b",
    re.IGNORECASE,
)
STOP_WORDS = frozenset(
    """
    a an the and or but if so of to in on at by for from with without about into onto over
    under after before during than then as is are was were be been being am do does did done
    has have had having will would shall should can could may might must it its this that these
    those there here he she they them his her hers their theirs him we us our you your i me my
    who whom whose which what when where why how not no yes also too very more most less least
    all any each every some such own same other another both either neither just only even
    still again already yet up down out off back away once per via
    1:1 one-on-one meeting meetings discussed discussion talked talk spoke mentioned said says
    agreed agree noted notes note covered raised shared update updates overall week next last
    manager report team follow followed following plan plans wants want needs need asked ask
    """.split()
)
MIN_COVERAGE = 0.7


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph (the model's summary), without empty pieces."""
    return [s.strip() for s in _SENTENCE.split(text.strip()) if s.strip()]


def _words(text: str) -> list[str]:
    """Words with their apostrophes; runs of Chinese, Japanese or Thai as character pairs (a
    clause written without spaces would otherwise be one word, all-or-nothing)."""
    out: list[str] = []
    for w in _WORD.findall(text):
        out.extend(words(w) if any(unsegmented(c) for c in w) else [w])
    return out


def _stem(word: str) -> str:
    word = word.casefold().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in _NUMBER.findall(text)}


@dataclass(frozen=True)
class NotesEvidence:
    """The notes, prepared once for checking many sentences."""

    notes: str
    people: tuple[str, ...] = ()

    @cached_property
    def stems(self) -> frozenset[str]:
        return frozenset(_stem(w) for w in _words(self.notes))

    @cached_property
    def numbers(self) -> frozenset[str]:
        return frozenset(_numbers(self.notes))

    @cached_property
    def people_stems(self) -> frozenset[str]:
        return frozenset(_stem(w) for p in self.people for w in _words(p))

    def unsupported_reason(self, sentence: str) -> str | None:
        """Why the notes do not support `sentence`, or None when they do."""
        if _INSTRUCTION.search(sentence):
            return "reads like an instruction or a request for secrets"
        missing_numbers = _numbers(sentence) - self.numbers
        if missing_numbers:
            return f"the notes do not mention {', '.join(sorted(missing_numbers))}"
        words = [w for w in _words(sentence) if not w.isdigit()]
        names = [
            w
            for i, w in enumerate(words)
            if i > 0 and w[:1].isupper() and _stem(w) not in STOP_WORDS
        ]
        unknown = [n for n in names if _stem(n) not in self.stems | self.people_stems]
        if unknown:
            return f"the notes do not mention {', '.join(dict.fromkeys(unknown))}"
        content = [
            _stem(w)
            for w in words
            if _stem(w) not in STOP_WORDS and w.casefold() not in STOP_WORDS and len(w) > 1
        ]
        content = [w for w in content if w not in self.people_stems]
        if not content:
            return None
        found = sum(1 for w in content if w in self.stems)
        needed = len(content) if len(content) <= 2 else MIN_COVERAGE * len(content)
        if found < needed:
            return "most of it is not in the notes"
        return None


def checked(
    evidence: NotesEvidence, sentences: Iterable[str]
) -> tuple[list[str], list[tuple[str, str]]]:
    """(supported sentences, [(unsupported sentence, reason)])."""
    kept: list[str] = []
    rejected: list[tuple[str, str]] = []
    for sentence in sentences:
        text = " ".join(sentence.split())
        if not text:
            continue
        reason = evidence.unsupported_reason(text)
        if reason is None:
            kept.append(text)
        else:
            rejected.append((text, reason))
    return kept, rejected
