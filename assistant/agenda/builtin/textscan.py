"""Small, explainable text rules over shareable notes: personal updates, wins, blockers, stress,
and whether a piece of text touches a topic the report asked to avoid."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)]|\[[ xX]\])\s*")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Lines that record action items, not conversation.
_ACTION_LINE = re.compile(r"^\s*(?:AI|TODO|Action|\[[ xX]\])\b", re.IGNORECASE)

PERSONAL = (
    r"weekend|vacation|holiday|trip|travel\w*|family|kids?|son|daughter|baby|wedding|partner|"
    r"wife|husband|parents?|mum|mom|dad|house|flat|apartment|moved|moving|roof|garden|dog|"
    r"cat|puppy|hiking|hike|marathon|race|concert|birthday|hobby|band|football|climbing|"
    r"cycling|camping|back from|off for|time off|new home|sunburnt|photo"
)
WINS = (
    r"shipped|launched|closed|hit|finished|completed|won|milestone|went well|praised|"
    r"thanked|celebrat\w*|delivered|signed|no incidents|resolved|solved|100%|promoted|proud"
)
BLOCKERS = (
    r"blocked|blocker|stuck|waiting on|waiting for|delayed|bottleneck|dependency|can't|cannot|"
    r"frustrat\w*|need help|needs help|slow(?:ed|ing)? down|rate limits?"
)
STRESS = (
    r"stress\w*|overload\w*|overwhelm\w*|exhausted|tired|burn(?:ed|t)? ?out|too much|"
    r"long hours|a lot on"
)

_STOPWORDS = frozenset(
    """a an and are as at be being been but by for from has have he her hers him his i if in
    into is it its me my no not of on or our she so that the their them they this to unless up
    us we what when where which who will with you your bring brings brought about other others
    asked ask asks finds find handles handle wants want big small any some own let lets does
    do did just only than then there these those""".split()
)


def sentences(notes: str) -> list[str]:
    """Conversation sentences from notes: bullets stripped, action-item lines left out."""
    found: list[str] = []
    for raw_line in notes.splitlines():
        if not raw_line.strip() or _ACTION_LINE.match(raw_line):
            continue
        line = _BULLET.sub("", raw_line).strip()
        found.extend(part.strip() for part in _SENTENCE_END.split(line) if part.strip())
    return found


def first_matching(
    notes: str, pattern: str, *, avoid: Avoider | None = None, limit: int = 1
) -> list[str]:
    """Up to `limit` sentences matching `pattern` (whole words), skipping avoided topics."""
    rx = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE)
    hits: list[str] = []
    for sentence in sentences(notes):
        if len(sentence) < 12 or sentence.startswith(("(", "[")):
            continue  # asides and fragments read badly out of context
        if rx.search(sentence) and not (avoid and avoid.hits(sentence)):
            hits.append(shorten(sentence))
            if len(hits) >= limit:
                break
    return hits


def mentions(text: str, pattern: str) -> bool:
    return re.search(rf"(?<!\w)(?:{pattern})(?!\w)", text, re.IGNORECASE) is not None


def shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-") + "…"


def _stem(word: str) -> str:
    # A crude stem is enough to match "numbers"/"number" or "surgery"/"surgeries".
    return word[:6] if len(word) > 6 else word.rstrip("s") or word


def keywords(text: str) -> list[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    return [_stem(w) for w in words if len(w) >= 3 and w not in _STOPWORDS]


class Avoider:
    """Does a text touch one of the report's topics_avoid? (Free-text phrases, matched loosely:
    the whole phrase, or enough of its content words: one of up to two, else half.)"""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._rules: list[tuple[str, frozenset[str], int]] = []
        self._seen: dict[str, bool] = {}
        for phrase in phrases:
            words = frozenset(keywords(phrase))
            if not words:
                continue
            needed = 1 if len(words) <= 2 else math.ceil(len(words) / 2)
            self._rules.append((" ".join(phrase.lower().split()), words, needed))

    def __bool__(self) -> bool:
        return bool(self._rules)

    def hits(self, text: str) -> bool:
        if not self._rules or not text:
            return False
        if text not in self._seen:  # the same question texts are checked many times per draft
            self._seen[text] = self._check(text)
        return self._seen[text]

    def _check(self, text: str) -> bool:
        lowered = " ".join(text.lower().split())
        present = set(keywords(text))
        return any(
            phrase in lowered or len(words & present) >= needed
            for phrase, words, needed in self._rules
        )
