"""Check a manager's feedback wording for habits that make feedback land badly.

Each detector works on one sentence at a time with precompiled patterns, so the check is fast
and gives the same answer every time. Offsets always index the original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.domain.feedback import FeedbackKind, WordingCheck, WordingIssue
from assistant.feedback.builtin.lexicon import sentence_spans
from assistant.feedback.builtin.wording_advice import explain, suggest, summary
from assistant.feedback.builtin.wording_patterns import (
    ABSOLUTE_OK_AFTER,
    ABSOLUTE_OK_BEFORE,
    ABSOLUTE_RE,
    AS_USUAL_RE,
    BUT_OK_AFTER,
    BUT_OK_BEFORE,
    BUT_RE,
    COMPARISON_RES,
    CONTEXT_LABEL_RE,
    CORE_LABEL_RE,
    CRITICISM_MARKER_RE,
    GENERIC_PRAISE_RE,
    PHRASE_LABEL_RE,
    PRAISE_MARKER_RE,
    PRIORITY,
    SARCASM_RE,
    SCARE_QUOTE_RE,
    SPEECH_BEFORE_RE,
    VAGUE_RE,
    Hit,
    Sentence,
    describes_behaviour,
    has_specifics,
)

# --- detectors ----------------------------------------------------------------------------------


def _labels(s: Sentence, kind: FeedbackKind) -> list[Hit]:
    hits: list[Hit] = []
    for match in CORE_LABEL_RE.finditer(s.text):
        if (
            re.search(r"\b(?:not|never)\s+(?:\w+\s+)?$", s.text[: match.start()])
            and kind == "praise"
        ):
            continue  # "never careless with the numbers" in praise is a compliment
        hits.append(Hit("label", match.start(), match.end(), match.group(0).lower()))
    for match in CONTEXT_LABEL_RE.finditer(s.text):
        hits.append(Hit("label", match.start("label"), match.end("label"), match.group("label")))
    for match in PHRASE_LABEL_RE.finditer(s.text):
        hits.append(Hit("label", match.start(), match.end(), match.group(0).lower()))
    return hits


def _absolutes(s: Sentence, kind: FeedbackKind) -> list[Hit]:
    # Whatever the kind: "you never miss a deadline" in praise invites the one counter-example
    # too; naming the record ("all twelve this quarter") is what makes it land.
    hits: list[Hit] = []
    for match in ABSOLUTE_RE.finditer(s.text):
        before, after = s.text[: match.start()], s.text[match.end() :]
        if not before.strip():
            continue  # sentence-initial "Always/Never ..." is an instruction, not a charge
        if ABSOLUTE_OK_BEFORE.search(before) or ABSOLUTE_OK_AFTER.match(after):
            continue
        hits.append(Hit("absolute", match.start(), match.end()))
    return hits


def _vague(s: Sentence, kind: FeedbackKind) -> list[Hit]:
    match = VAGUE_RE.search(s.text)
    if not match:
        return []
    rest = s.text[: match.start()] + " " + s.text[match.end() :]
    if has_specifics(rest):
        return []
    return [Hit("vague", match.start(), match.end())]


def _but_undoing(s: Sentence, kind: FeedbackKind) -> list[Hit]:
    hits: list[Hit] = []
    for match in BUT_RE.finditer(s.text):
        before, after = s.text[: match.start()], s.text[match.end() :]
        if BUT_OK_BEFORE.search(before) or BUT_OK_AFTER.match(after):
            continue
        lead = before if before.strip() else s.prev  # "..." / "However, ..."
        if PRAISE_MARKER_RE.search(lead) and re.search(r"\w", after):
            hits.append(Hit("but_undoing", match.start(), match.end()))
            break
        if CRITICISM_MARKER_RE.search(lead) and PRAISE_MARKER_RE.search(after):
            hits.append(Hit("but_softening", match.start(), match.end()))
            break
    return hits


def _sarcasm(s: Sentence, kind: FeedbackKind) -> list[Hit]:
    hits = [Hit("sarcasm", m.start(), m.end()) for m in SARCASM_RE.finditer(s.text)]
    if kind == "constructive":
        hits += [Hit("sarcasm", m.start(), m.end()) for m in AS_USUAL_RE.finditer(s.text)]
    for match in SCARE_QUOTE_RE.finditer(s.text):
        if SPEECH_BEFORE_RE.search(s.text[: match.start()]):
            continue  # a real quotation of what someone said or wrote
        hits.append(Hit("sarcasm", match.start(), match.end(), match.group("word")))
    return hits


def _comparisons(s: Sentence, kind: FeedbackKind) -> list[Hit]:
    hits: list[Hit] = []
    for pattern in COMPARISON_RES:
        hits += [Hit("comparison", m.start(), m.end()) for m in pattern.finditer(s.text)]
    return hits


def _generic_praise(s: Sentence, kind: FeedbackKind) -> list[Hit]:
    if kind == "constructive" and not (s.prev or s.next or BUT_RE.search(s.text)):
        return []  # a lone "Nice!" under the wrong toggle; flagged when it wraps a point
    match = GENERIC_PRAISE_RE.search(s.text)
    if not match:
        return []
    # Naming the thing ("good job on the demo") is not enough: say what they did, in the same
    # sentence, or in the next one after a bare "Great job!".
    rest = s.text[: match.start()] + " " + s.text[match.end() :]
    bare = not re.search(r"[A-Za-z]{3,}", rest.replace("!", " "))
    if describes_behaviour(rest) or (bare and s.next and describes_behaviour(s.next)):
        return []
    return [Hit("generic_praise", match.start(), match.end())]


# Each detector with the words that can start one of its patterns. A sentence's word set is
# computed once and a detector runs only when they meet, which keeps long clean texts fast.
_Detector = Callable[[Sentence, FeedbackKind], list[Hit]]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DETECTORS: tuple[tuple[_Detector, frozenset[str]], ...] = (
    (
        _sarcasm,
        _words(
            "finally gracing grace graced join make look must surprise shocker course well usual "
            "always kind nice good sweet big decent glad how"
        ),
    ),
    (
        _comparisons,
        _words(
            "like unlike compared comparison than else rest others colleagues peers teammates "
            "team coworkers co people never doesn does didn as"
        ),
    ),
    (
        _labels,
        _words(
            "lazy laziness careless carelessness carelessly sloppy sloppiness unprofessional "
            "incompetent rude arrogant selfish immature toxic useless hopeless clueless bossy "
            "abrasive entitled disrespectful slacker queen know mess difficult negative "
            "aggressive defensive emotional disorganised disorganized unreliable stubborn "
            "dramatic passive uncooperative unmotivated inflexible combative confrontational "
            "oversensitive needy weak flaky high maintenance annoying unprepared committed "
            "motivated engaged attitude player person hard impossible"
        ),
    ),
    (_but_undoing, _words("but however")),  # praise then "but", or criticism then "but" praise
    (
        _absolutes,
        _words("always never every each constantly all continually continuously invariably once"),
    ),
    (
        _vague,
        _words(
            "good improve improvement poor poorly performance performing underperforming "
            "underperformed underperform underperformance under standard scratch par "
            "expectations better step game effort acceptable unacceptable subpar sub great "
            "disappointing needs need proactive ownership change there mark professional"
        ),
    ),
    (
        _generic_praise,
        _words(
            "great good nice excellent awesome amazing fantastic brilliant terrific stellar solid "
            "wonderful outstanding super top well keep rock star best rockstar killing crushed "
            "nailed kudos thanks thank perfect wow"
        ),
    ),
)
_SCARE_QUOTE_CHARS = frozenset("\"“‘'")


def run_check(text: str, kind: FeedbackKind) -> WordingCheck:
    """Detect all categories sentence by sentence; overlapping hits keep the higher priority."""
    spans = list(sentence_spans(text))
    found: list[tuple[int, int, Hit, str]] = []
    for i, (start, end) in enumerate(spans):
        raw = text[start:end]
        words = frozenset(re.findall(r"[a-z]+", raw.lower()))
        quoted = not _SCARE_QUOTE_CHARS.isdisjoint(raw)
        sentence: Sentence | None = None
        for detector, triggers in _DETECTORS:
            if triggers.isdisjoint(words) and not (quoted and detector is _sarcasm):
                continue
            if sentence is None:
                sentence = Sentence(
                    text=raw,
                    start=start,
                    prev=text[spans[i - 1][0] : spans[i - 1][1]] if i > 0 else "",
                    next=text[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else "",
                )
            for hit in detector(sentence, kind):
                found.append((start + hit.start, start + hit.end, hit, raw))
    found.sort(key=lambda item: (PRIORITY[item[2].category], item[0], item[1]))
    kept: list[tuple[int, int, Hit, str]] = []
    for item in found:
        if all(item[1] <= k[0] or item[0] >= k[1] for k in kept):
            kept.append(item)
    kept.sort(key=lambda item: (item[0], item[1]))
    issues = [
        WordingIssue(
            category=hit.category,
            start=start,
            end=end,
            text=text[start:end],
            explanation=explain(hit.category, kind).format(text=text[start:end]),
            suggestion=suggest(hit, sentence, kind),
        )
        for start, end, hit, sentence in kept
    ]
    return WordingCheck(issues=issues, ok=not issues, summary=summary(issues))
