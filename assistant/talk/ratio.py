"""Talk ratio and ask-vs-tell: who spoke how much in a 1:1, and how the manager asked.

From a transcript parsed by `transcript.parse_transcript`: each speaker's words and share of
all words, their questions (open or closed), their longest monologue, and a short note against
the 80/20 guidance in `knowledge/listening-and-asking.md`, cited by path and heading the way
the agenda cites guidance.

Counting rules (so a person can check them by hand): a word is a run of letters or digits,
apostrophes and hyphens inside it included ("don't", "Mary-Kate" are one word); in scripts
written without spaces (Chinese, Japanese kana) each character is a word. A question is a
sentence ending in "?" (or "？"); it is open when it starts with a question word (what, how,
why... or "tell me", "walk me through") and closed otherwise (yes/no, either/or).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

from assistant.errors import BadInputError
from assistant.talk.transcript import Transcript, Turn, normalise_name, parse_transcript

Role = Literal["manager", "report", "other"]

GUIDANCE_FILE = "knowledge/listening-and-asking.md"
RULE_CITATION = f"{GUIDANCE_FILE} › The 80/20 rule"
ASKING_CITATION = f"{GUIDANCE_FILE} › Asking instead of telling"
OPEN_QUESTIONS_CITATION = f"{GUIDANCE_FILE} › Useful open questions"
TWO_SIDED_CITATION = f"{GUIDANCE_FILE} › Keeping the meeting two-sided"

TARGET_SHARE = 0.20  # the manager's share under the 80/20 guidance
CLOSE_ENOUGH = 0.25  # up to here the split reads as "about 80/20"
TALKING_MOST = 0.45
LONG_MONOLOGUE_WORDS = 150  # about a minute of uninterrupted speech
MAX_TRANSCRIPT_BYTES = 2_000_000

_DENSE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # kana and Han ideographs
_WORD = re.compile(rf"[{_DENSE}]|[^\W_{_DENSE}]+(?:['’\-][^\W_{_DENSE}]+)*")
# A sentence ends at . ! ? … followed by a space or the end, or at a CJK full stop or mark.
_SENTENCE = re.compile(r".+?(?:[.!?…]+(?=\s|$)|[。！？]+|$)", re.S)
_QUESTION_END = ("?", "？")
_FILLERS = frozenset(
    "so and but ok okay well now then alright right hey hmm um uh oh also just".split()
)
_AUXILIARIES = frozenset(
    """is are am was were do does did can could will would should shall may might must have
    has had any anything isn't aren't don't doesn't didn't can't couldn't won't wouldn't""".split()
)
_OPEN_WORDS = frozenset(
    """what what's whats how how's hows why where when who who's whom whose which tell describe
    walk talk explain share qué que cómo como por quién cuál dónde cuándo quoi comment pourquoi
    où quand qui quel quelle quels quelles was wie warum wo wann wer welche welcher""".split()
)
_OPEN_AFTER_AUX = re.compile(
    r"^(?:can|could|would|will)\s+you\s+(?:tell|describe|walk|talk|explain|share|say more)\b"
)
_OPEN_DENSE = (
    "什么",
    "怎么",
    "为什么",
    "哪",
    "如何",
    "怎样",
    "なに",
    "なぜ",
    "どう",
    "どこ",
    "いつ",
)
_EDGE_PUNCT = "\"'“”‘’«»¿¡([{-–—,;: "


@dataclass(frozen=True)
class SpeakerStats:
    name: str
    role: Role
    words: int
    share: float  # of all words spoken, 0..1
    turns: int
    questions: int
    open_questions: int
    closed_questions: int
    longest_monologue_words: int
    longest_monologue_seconds: float | None  # when the transcript has times

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "words": self.words,
            "share": round(self.share, 3),
            "turns": self.turns,
            "questions": self.questions,
            "open_questions": self.open_questions,
            "closed_questions": self.closed_questions,
            "longest_monologue_words": self.longest_monologue_words,
            "longest_monologue_seconds": self.longest_monologue_seconds,
        }


@dataclass(frozen=True)
class Advice:
    text: str
    citation: str


@dataclass(frozen=True)
class TalkRatio:
    """The measured conversation; `manager` and `report` are speaker names as transcribed."""

    format: str
    manager: str
    report: str
    speakers: tuple[SpeakerStats, ...]
    advice: tuple[Advice, ...]

    @property
    def total_words(self) -> int:
        return sum(s.words for s in self.speakers)

    def stats(self, role: Role) -> SpeakerStats:
        return next(s for s in self.speakers if s.role == role)

    @property
    def manager_share(self) -> float:
        return self.stats("manager").share

    @property
    def other_words(self) -> int:
        return sum(s.words for s in self.speakers if s.role == "other")

    def as_json(self) -> dict[str, Any]:
        return {
            "manager": self.manager,
            "report": self.report,
            "format": self.format,
            "total_words": self.total_words,
            "speakers": [s.as_json() for s in self.speakers],
            "manager_share": round(self.manager_share, 3),
            "report_share": round(self.stats("report").share, 3),
            "advice": [{"text": a.text, "citation": a.citation} for a in self.advice],
        }


# -- counting ----------------------------------------------------------------------------------


def count_words(text: str) -> int:
    return len(_WORD.findall(unicodedata.normalize("NFC", text)))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def is_open_question(question: str) -> bool:
    """Open: starts with a question word (after fillers like "so,"), or "could you tell me…"."""
    if any(marker in question for marker in _OPEN_DENSE):
        return True
    words = [w.strip(_EDGE_PUNCT).lower() for w in question.split()]
    words = [w for w in words if w]
    while words and words[0] in _FILLERS:
        words.pop(0)
    if not words:
        return False
    if _OPEN_AFTER_AUX.match(" ".join(words)):
        return True
    if words[0] in _AUXILIARIES:
        return False
    # "From your side, what would help?": a question word early in the sentence.
    return any(w in _OPEN_WORDS for w in words[:6])


def questions_in(text: str) -> list[str]:
    return [s for s in sentences(text) if s.endswith(_QUESTION_END)]


# -- matching the people named to the transcript's speakers ---------------------------------------


def _fold(name: str) -> str:
    """Case- and accent-insensitive form for matching ("Zoe" finds "Zoë")."""
    decomposed = unicodedata.normalize("NFKD", normalise_name(name).casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def match_speaker(wanted: str, speakers: list[str], *, role: str) -> str:
    """The speaker `wanted` names: the full name, or a first name / prefix that is unique."""
    target = _fold(wanted)
    if not target:
        raise BadInputError(f"Give the {role}'s name as it appears in the transcript")
    folded = {s: _fold(s) for s in speakers if _fold(s)}
    for rule in ("full name", "first name", "prefix"):
        found = [name for name, key in folded.items() if _matches(key, target, rule)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise BadInputError(
                f"'{wanted}' matches several speakers ({', '.join(found)}); use the full name"
            )
    raise BadInputError(
        f"No speaker in the transcript matches the {role} '{wanted}' "
        f"(speakers: {', '.join(speakers)})"
    )


def _matches(key: str, target: str, rule: str) -> bool:
    if rule == "full name":
        return key == target
    if rule == "first name":
        return key.split()[0] == target.split()[0]
    return key.startswith(target) or target.startswith(key)


# -- the analysis ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Run:
    """Consecutive turns by one speaker: one monologue."""

    speaker: str
    words: int
    seconds: float | None


def _runs(turns: tuple[Turn, ...]) -> list[_Run]:
    groups: list[list[Turn]] = []
    for turn in turns:
        if groups and groups[-1][0].speaker == turn.speaker:
            groups[-1].append(turn)
        else:
            groups.append([turn])
    runs = []
    for index, group in enumerate(groups):
        start = group[0].start
        end = group[-1].end
        if end is None and index + 1 < len(groups):
            end = groups[index + 1][0].start  # labelled lines with times: until the next voice
        seconds = round(end - start, 1) if start is not None and end is not None else None
        words = sum(count_words(t.text) for t in group)
        runs.append(_Run(group[0].speaker, words, seconds))
    return runs


def _stats(transcript: Transcript, roles: dict[str, Role]) -> tuple[SpeakerStats, ...]:
    runs = _runs(transcript.turns)
    words = {name: 0 for name in transcript.speakers}
    turns = dict.fromkeys(transcript.speakers, 0)
    asked: dict[str, list[str]] = {name: [] for name in transcript.speakers}
    for turn in transcript.turns:
        words[turn.speaker] += count_words(turn.text)
        turns[turn.speaker] += 1
        asked[turn.speaker] += questions_in(turn.text)
    total = sum(words.values()) or 1
    result = []
    for name in transcript.speakers:
        mine = [r for r in runs if r.speaker == name]
        longest = max(mine, key=lambda r: r.words)
        opened = sum(1 for q in asked[name] if is_open_question(q))
        result.append(
            SpeakerStats(
                name=name,
                role=roles.get(name, "other"),
                words=words[name],
                share=words[name] / total,
                turns=turns[name],
                questions=len(asked[name]),
                open_questions=opened,
                closed_questions=len(asked[name]) - opened,
                longest_monologue_words=longest.words,
                longest_monologue_seconds=longest.seconds,
            )
        )
    return tuple(result)


def _pct(share: float) -> str:
    return f"{round(share * 100)}%"


def advise(manager: SpeakerStats, report: SpeakerStats) -> tuple[Advice, ...]:
    """A short note against the 80/20 guidance, then on asking, then on monologues."""
    first = report.name.split()[0]
    share = manager.share
    shown = round(share * 100) / 100  # judged as the percentage the manager reads
    if shown <= CLOSE_ENOUGH:
        balance = (
            f"You spoke {_pct(share)} of the words and {first} {_pct(report.share)}: close to "
            "the 80/20 guidance (the report talks about 80% of the time, you about 20%)."
        )
    elif shown <= TALKING_MOST:
        balance = (
            f"You spoke {_pct(share)} of the words, above the ~20% the 80/20 guidance suggests. "
            f"Ask, then let {first} finish before you answer."
        )
    else:
        balance = (
            f"You spoke {_pct(share)} of the words and {first} {_pct(report.share)}. The 80/20 "
            "guidance has the report talking about 80% of the time: swap a statement for an "
            "open question."
        )
    notes = [Advice(balance, RULE_CITATION)]
    if manager.questions == 0:
        notes.append(
            Advice(
                "You asked no questions. Asking puts their thinking at the center: try "
                "“What options do you see?”",
                ASKING_CITATION,
            )
        )
    elif manager.closed_questions > manager.open_questions:
        notes.append(
            Advice(
                f"{manager.closed_questions} of your {manager.questions} questions were "
                "yes/no; open ones (“What…”, “How…”) invite a real answer.",
                OPEN_QUESTIONS_CITATION,
            )
        )
    else:
        notes.append(
            Advice(
                f"{manager.open_questions} of your {manager.questions} questions were open: "
                "keep asking rather than telling.",
                ASKING_CITATION,
            )
        )
    if manager.longest_monologue_words > LONG_MONOLOGUE_WORDS:
        notes.append(
            Advice(
                f"Your longest stretch without a pause was {manager.longest_monologue_words} "
                "words; check in with a question sooner so the meeting stays two-sided.",
                TWO_SIDED_CITATION,
            )
        )
    return tuple(notes)


def analyse(transcript: Transcript, *, manager: str, report: str) -> TalkRatio:
    """Measure a parsed transcript; `manager` and `report` name two of its speakers."""
    who_manager = match_speaker(manager, transcript.speakers, role="manager")
    who_report = match_speaker(report, transcript.speakers, role="report")
    if who_manager == who_report:
        raise BadInputError(
            f"'{manager}' and '{report}' are the same speaker ({who_manager}) in this transcript"
        )
    stats = _stats(transcript, {who_manager: "manager", who_report: "report"})
    by_role = {s.role: s for s in stats}
    return TalkRatio(
        format=transcript.format,
        manager=who_manager,
        report=who_report,
        speakers=stats,
        advice=advise(by_role["manager"], by_role["report"]),
    )


def talk_ratio(text: str, *, manager: str, report: str) -> TalkRatio:
    """Parse a pasted or uploaded transcript and measure it (BadInputError if it is not one)."""
    if len(text.encode("utf-8")) > MAX_TRANSCRIPT_BYTES:
        raise BadInputError(
            f"The transcript is over {MAX_TRANSCRIPT_BYTES // 1_000_000} MB; split it first"
        )
    transcript = parse_transcript(text)
    if transcript is None:
        raise BadInputError(
            "This does not read as a transcript: give `Name: text` lines (each person "
            "speaking at least twice), a .vtt or an .srt file"
        )
    return analyse(transcript, manager=manager, report=report)
