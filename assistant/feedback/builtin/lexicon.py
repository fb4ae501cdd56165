"""Shared word lists and small text helpers for the feedback engine.

Kept in one place so the splitter, the openers and the wording check agree on what counts as
an event ("demo", "call"), a date, or a specific detail.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Nouns that name a moment at work; "in Tuesday's demo" is a situation because of "demo".
EVENT_NOUNS: tuple[str, ...] = (
    "1:1",
    "one-on-one",
    "all-hands",
    "all hands",
    "demo",
    "call",
    "meeting",
    "standup",
    "stand-up",
    "review",
    "retro",
    "retrospective",
    "presentation",
    "session",
    "workshop",
    "sync",
    "planning",
    "interview",
    "pitch",
    "offsite",
    "kickoff",
    "kick-off",
    "launch",
    "release",
    "sprint",
    "incident",
    "outage",
    "handover",
    "huddle",
    "check-in",
    "townhall",
    "town hall",
    "workshop",
    "training",
    "onboarding",
    "escalation",
    "visit",
    "conference",
    "webinar",
    "deployment",
    "migration",
    "rollout",
    "board meeting",
    "design review",
    "code review",
    "sales call",
    "customer call",
    "client call",
)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

EVENT_ALT = "|".join(re.escape(n) for n in sorted(set(EVENT_NOUNS), key=len, reverse=True))
WEEKDAY_ALT = "|".join(WEEKDAYS)
MONTH_ALT = "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"

EVENT_NOUN_RE = re.compile(rf"\b(?:{EVENT_ALT})s?\b", re.IGNORECASE)
DATE_RE = re.compile(
    rf"\b(?:{WEEKDAY_ALT})(?:'s)?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_ALT})\b"
    rf"|\b(?:{MONTH_ALT})\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
    re.IGNORECASE,
)
RELATIVE_TIME = (
    r"yesterday(?:'s)?|today(?:'s)?|this (?:morning|afternoon|evening|week)"
    r"|last (?:night|week|month|quarter|sprint|" + WEEKDAY_ALT + r")"
    r"|earlier (?:today|this week)"
)

STOPWORDS = frozenset(
    """a an the and or but so of to in on at for with by from into over about as is are was were
    be been being it its this that these those i you he she they we our your his her their my me
    him them us do did does done have has had not no yes can could will would should may might
    must just also very really more most less than then there here what which who whom when where
    why how all any each every some such only own same too up down out off again once s t
    get got make made team work goal goals time week weeks month help better good great improve
    new next last first""".split()
)


# Irregular past tenses (regular ones end in -ed): a sign that a sentence says what someone did.
PAST_VERBS = frozenset(
    """sent wrote gave took made said told led ran spoke kept left came went did built brought
    caught found got held met paid put set showed spent stood taught thought won forgot began
    chose drew drove fell felt flew grew heard hid hit hung knew laid lost meant read rode rose
    saw sold shut sang sat slept stuck struck swore swam threw understood woke wore didn't
    wasn't hasn't couldn't wouldn't kept cut let shared""".split()
)


def content_words(text: str) -> set[str]:
    """Lower-cased, crudely stemmed content words; good enough for keyword overlap."""
    words = set()
    for raw in re.findall(r"[a-z0-9][a-z0-9'-]*", text.lower()):
        word = raw.strip("'-").removesuffix("'s")
        if len(word) < 3 or word in STOPWORDS:
            continue
        words.add(stem(word))
    return words


def stem(word: str) -> str:
    """Strip a few English suffixes so 'demos'/'demo' and 'onboarding'/'onboard' meet."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


_SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'”’)]*|$)|[.!?]+", re.MULTILINE)


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence, whitespace trimmed, offsets into `text`."""
    for match in _SENTENCE_RE.finditer(text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and re.search(r"\w", text[start:end]):
            yield start, end


def first_name(report_name: str) -> str:
    """The name to address the report by: the first word of their name."""
    parts = report_name.strip().split()
    return parts[0] if parts else report_name.strip()


def name_variants(report_name: str) -> list[str]:
    """How a description may name the report, longest first: the full name, the first word and,
    for names of several words, the last one ("Hương" in "Nguyễn Thị Hương")."""
    full = " ".join(report_name.split())
    parts = full.split(" ")
    found = {full, parts[0]} if full else set()
    if len(parts) > 1 and len(parts[-1]) >= 2:
        found.add(parts[-1])
    return sorted((n for n in found if n), key=len, reverse=True)


def clean_fragment(text: str) -> str:
    """Collapse whitespace and drop trailing punctuation so fragments can be re-joined."""
    text = re.sub(r"\s+", " ", text).strip()
    return text.strip(" ,;:-–—").rstrip(".!").strip()


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word looks like a name or acronym."""
    if not text:
        return text
    word = text.split(" ", 1)[0]
    if word in {"I", "I'm", "I've", "I'd", "I'll"} or (len(word) > 1 and word[1:2].isupper()):
        return text
    common = {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "we",
        "our",
        "they",
        "their",
        "he",
        "she",
        "his",
        "her",
        "you",
        "your",
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "when",
        "while",
        "yesterday",
        "today",
        "last",
        "earlier",
        "since",
        "everyone",
        "nobody",
        "people",
        "as",
        "because",
        "so",
        "there",
        "some",
        "two",
        "three",
    }
    if word.lower() in common or not word[:1].isupper():
        return text[:1].lower() + text[1:]
    return text


def upper_first(text: str) -> str:
    """Capitalise the first character (for sentence starts)."""
    return text[:1].upper() + text[1:] if text else text
