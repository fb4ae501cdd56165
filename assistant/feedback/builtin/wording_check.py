"""Check a manager's feedback wording for habits that make feedback land badly.

Each detector works on one sentence at a time with precompiled patterns, so the check is fast
and gives the same answer every time. Offsets always index the original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.domain.feedback import FeedbackKind, WordingCategory, WordingCheck, WordingIssue
from assistant.feedback.builtin.lexicon import (
    DATE_RE,
    EVENT_NOUN_RE,
    MONTH_ALT,
    STOPWORDS,
    WEEKDAY_ALT,
    sentence_spans,
    upper_first,
)


@dataclass(frozen=True)
class _Sentence:
    text: str
    start: int
    prev: str
    next: str


@dataclass(frozen=True)
class _Hit:
    category: WordingCategory
    start: int  # relative to the sentence
    end: int
    detail: str = ""  # extra context for the suggestion (e.g. the label's behaviour hint)


# Overlapping hits keep the most telling category (sarcasm hides the "nice" inside it).
_PRIORITY: dict[WordingCategory, int] = {
    "sarcasm": 0,
    "comparison": 1,
    "label": 2,
    "but_undoing": 3,
    "absolute": 4,
    "vague": 5,
    "generic_praise": 6,
}

_NAME = rf"(?!(?:{WEEKDAY_ALT}|{MONTH_ALT}|I|The|This|That|It)\b)[A-Z][a-z]+"
_NAME_RE = re.compile(_NAME)
_PEERS = (
    r"(?:the others|the rest(?: of (?:the team|us|them))?|your (?:colleagues|peers|teammates|"
    r"team ?mates|co-?workers)|everyone else|everybody else|other people(?: on the team)?)"
)

# --- labels -------------------------------------------------------------------------------
# Hints say what to observe instead; they feed the rewrite suggestion.
_LABEL_HINTS: dict[str, str] = {
    "lazy": "[what was left undone, e.g. the test plan wasn't started by Friday]",
    "careless": "[the specific errors, e.g. three wrong totals in the Q3 report]",
    "sloppy": "[the specific errors, e.g. three wrong totals in the Q3 report]",
    "unprofessional": "[what was said or done, and where]",
    "difficult": "[what happened, e.g. you turned down the plan twice without an alternative]",
    "team player": "[e.g. you declined two review requests from Ana this sprint]",
    "attitude": "[what you saw or heard, e.g. you left the retro early without a word]",
    "rude": "[the words or actions, e.g. you cut Lee off twice in standup]",
}
_DEFAULT_HINT = "[what you saw them do or say]"
_CORE_LABEL_RE = re.compile(
    r"\b(?:lazy|laziness|careless(?:ness|ly)?|sloppy|sloppiness|unprofessional|incompetent|rude|"
    r"arrogant|selfish|immature|toxic|useless|hopeless|clueless|bossy|abrasive|entitled|"
    r"disrespectful|slacker|drama queen|know-it-all|a mess)\b",
    re.IGNORECASE,
)
_CONTEXT_LABELS = (
    r"difficult|negative|aggressive|defensive|emotional|disorgani[sz]ed|unreliable|stubborn|"
    r"dramatic|passive|uncooperative|unmotivated|inflexible|combative|confrontational|"
    r"oversensitive|needy|weak|flaky|lazy|careless|sloppy|high-maintenance|annoying|"
    r"unprepared|not committed|not motivated|not engaged"
)
_COPULA = (
    r"(?:[Yy]ou(?:'re|’re| are| were|'ve been|’ve been| have been| can be| could be| seem|"
    r" seemed| come across as| came across as| tend to be| get| got| act| acted| sound|"
    r" sounded)|[Bb]eing|"
    rf"(?:[Hh]e|[Ss]he|{_NAME})(?:'s|’s| is| was| seems| seemed| can be| comes across as))"
)
_CONTEXT_LABEL_RE = re.compile(
    rf"\b{_COPULA}\s+(?:(?:so|too|very|really|quite|a bit|a little|kind of|pretty|extremely|"
    rf"overly|always|often|such|a|an)\s+)*(?P<label>{_CONTEXT_LABELS})\b",
)
_PHRASE_LABEL_RE = re.compile(
    r"\b(?:(?:bad|poor|negative|terrible|awful|wrong|lousy)\s+attitude|attitude problem|"
    r"(?:not|isn't|aren't|wasn't|weren't|never)\s+(?:really\s+)?(?:a|being a|much of a)\s+"
    r"team player|not a people person|(?:difficult|hard|impossible) to work with)\b",
    re.IGNORECASE,
)

# --- absolutes ------------------------------------------------------------------------------
_ABSOLUTE_RE = re.compile(
    r"\b(?:always|never|every single time|every time|each and every time|constantly|"
    r"all the time|continually|continuously|invariably|not once)\b",
    re.IGNORECASE,
)
_ABSOLUTE_OK_BEFORE = re.compile(
    r"(?:\b(?:I|I'm|I’m|I'll|I’ll|I will|I'd|I’d|I would|we'll|we’ll|we will|as|almost|nearly)"
    r"\s+(?:\w+\s+)?)$",
    re.IGNORECASE,
)
_ABSOLUTE_OK_AFTER = re.compile(r"^\s*(?:mind|too late)\b", re.IGNORECASE)

# --- vague judgments --------------------------------------------------------------------------
_VAGUE_RE = re.compile(
    r"\b(?:not good enough|not (?:quite )?up to (?:standard|scratch|par)|needs? (?:to )?improve"
    r"(?:ment)?|poor(?:ly)? perform(?:ance|ing)|performance (?:is|was|has been) (?:poor|weak|"
    r"lacking)|under-?perform(?:ing|ed|ance)?|below (?:expectations|standard|par)|not meeting "
    r"expectations|do better|step (?:it )?up|(?:up|lift|raise) your game|more effort|"
    r"(?:not|isn't|wasn't) acceptable|unacceptable|sub-?par|could be better|not great|"
    r"disappointing|not where it needs to be|be more proactive|take more ownership|"
    r"(?:has|needs) to change|not there yet|missing the mark|(?:be|act) more professional)\b",
    re.IGNORECASE,
)

# --- "but" undoing praise ---------------------------------------------------------------------
_BUT_RE = re.compile(r"\b(?:but|however)\b", re.IGNORECASE)
_BUT_OK_BEFORE = re.compile(
    r"(?:\bnot only\b[^.!?]*|\b(?:nothing|all|anything|last)\s*)$", re.IGNORECASE
)
_BUT_OK_AFTER = re.compile(r"^\s*(?:also|not least|for)\b", re.IGNORECASE)
_PRAISE_MARKER_RE = re.compile(
    r"\b(?:great|good|nice|well done|thanks|thank you|love|loved|appreciate|appreciated|"
    r"excellent|awesome|impressive|impressed|solid|brilliant|fantastic|amazing|proud|kudos|"
    r"helpful|liked|like (?:how|the way)|(?:did|went|done|worked|handled \w+)\s+"
    r"(?:really\s+|very\s+)?well)\b",
    re.IGNORECASE,
)

# --- sarcasm ------------------------------------------------------------------------------------
_SARCASM_RE = re.compile(
    r"\b(?:(?:nice|good|kind|sweet|big|decent) of you to(?: finally)?|how (?:kind|nice) of you|"
    r"thanks? (?:you )?for (?:finally|gracing us)|grac(?:e|ed|ing) us with your presence|"
    r"grac(?:e|ed|ing) us|(?:so |how )?(?:glad|nice|good) (?:that )?you could (?:finally )?"
    r"(?:join|make it)|look who(?:'s|’s| is| decided)|must be nice|"
    r"congrat(?:ulation)?s on finally|finally decided to|what a surprise|big surprise|"
    r"shocker|of course you (?:did|were|would)|well,? well,? well)\b",
    re.IGNORECASE,
)
_AS_USUAL_RE = re.compile(r"\b(?:as usual|like always|as always)\b", re.IGNORECASE)
_SCARE_QUOTE_RE = re.compile(
    r"(?<![\w])(?:\"|“|‘|')(?P<word>[a-z][\w-]*(?:\s[\w-]+)?)(?:\"|”|’|')(?![\w])"
)
_SPEECH_BEFORE_RE = re.compile(
    r"(?:\b(?:said|say|says|saying|wrote|write|writes|asked|ask|told|tell|called|named|"
    r"titled|labell?ed|replied|answered|typed|word|phrase|term|subject)\b[^.!?]{0,20}|:\s*)$",
    re.IGNORECASE,
)

# --- comparisons --------------------------------------------------------------------------------
_COMPARISON_RES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b(?i:more|less) like (?:{_NAME}|{_PEERS})\b"),
    re.compile(
        rf"\b(?i:why can(?:'|’)?t you)\b[^.?!]*?\b(?:like|as \w+ as)\s+(?:{_NAME}|{_PEERS})"
    ),
    re.compile(
        rf"\b(?i:unlike|compared (?:to|with)|in comparison (?:to|with)) (?:{_PEERS}|{_NAME})"
    ),
    re.compile(
        rf"\b(?i:better|worse|faster|slower|smarter|sharper|more \w+|less \w+) than "
        rf"(?:{_PEERS}|{_NAME})\b(?!\s+(?:quarter|sprint|week|month|year))"
    ),
    re.compile(
        rf"\b{_PEERS}\s+(?:manages?|managed|can|could|seem to|seems to|is able|are able|"
        r"ha(?:s|ve|d) no (?:trouble|problem|issue)s?|(?:never|don't|doesn't|didn't) ha(?:ve|s|d)"
        r" (?:this|that) (?:problem|issue)|gets? it|got it)\b",
        re.I,
    ),
    re.compile(
        rf"\b{_NAME} (?:never has|never had|doesn't have|does not have|didn't have) "
        r"(?:this|that|these|those) (?:problems?|issues?|trouble)\b"
    ),
    re.compile(rf"\blike (?:{_PEERS})\b", re.I),
    re.compile(
        r"\b(?i:as) (?:good|fast|quick|careful|thorough|organi[sz]ed|reliable|productive|sharp|"
        rf"strong|clear|proactive) as {_NAME}\b"
    ),
)

# --- generic praise -----------------------------------------------------------------------------
_GENERIC_PRAISE_RE = re.compile(
    r"\b(?:(?:great|good|nice|excellent|awesome|amazing|fantastic|brilliant|terrific|stellar|"
    r"solid|wonderful|outstanding|super|top) (?:job|work|stuff|effort|going)|well done|"
    r"keep (?:it up|up the (?:good|great) work)|you rock|you(?:'re|’re| are) (?:a star|the best|"
    r"a rockstar|amazing|awesome)|killing it|crushed it|nailed it|kudos|"
    r"thanks? (?:you )?(?:for|so much for) (?:all )?(?:your|the) (?:hard work|help|effort|efforts|"
    r"work|support))\b"
    r"|^(?:great|nice|awesome|amazing|brilliant|excellent|perfect|fantastic|wow)\b(?=\s*[!.,]|$)"
    r"|\b(?:awesome|amazing|fantastic|brilliant|great|excellent|perfect)(?=\s*!)",
    re.IGNORECASE,
)
_GENERIC_OBJECTS = frozenset(
    """work job stuff things thing effort efforts help support contribution contributions
    attitude energy everything all time week day today lately recently month quarter year team
    way it that this""".split()
)
_PRAISE_WORDS = frozenset(
    """great good nice excellent awesome amazing fantastic brilliant terrific stellar solid
    wonderful outstanding super job work stuff effort well done keep thanks thank kudos rock
    star best really very much so""".split()
)
_DET_PHRASE_RE = re.compile(
    r"\b(?:on|for|with|in|during|about|at|from|to)\s+(?:the|your|this|that|our|those|these|my)\s+"
    r"(?P<noun>[\w-]+)",
    re.IGNORECASE,
)


def has_specifics(text: str) -> bool:
    """True when a sentence names something concrete: a number, name, date, event or object."""
    if re.search(r"\d", text) or DATE_RE.search(text) or re.search(r"[\"“”]", text):
        return True
    if re.search(rf"\b[a-z][\w'’-]*\s+{_NAME}", text):
        return True  # a capitalised word after a lower-case one: a named thing or person
    if EVENT_NOUN_RE.search(text):
        return True
    for match in _DET_PHRASE_RE.finditer(text):
        if match.group("noun").lower() not in _GENERIC_OBJECTS:
            return True
    words = [
        w
        for w in re.findall(r"[a-z][a-z'-]+", text.lower())
        if len(w) >= 4 and w not in STOPWORDS and w not in _PRAISE_WORDS
    ]
    return len(words) >= 4


# --- detectors ----------------------------------------------------------------------------------


def _labels(s: _Sentence, kind: FeedbackKind) -> list[_Hit]:
    hits: list[_Hit] = []
    for match in _CORE_LABEL_RE.finditer(s.text):
        if (
            re.search(r"\b(?:not|never)\s+(?:\w+\s+)?$", s.text[: match.start()])
            and kind == "praise"
        ):
            continue  # "never careless with the numbers" in praise is a compliment
        hits.append(_Hit("label", match.start(), match.end(), match.group(0).lower()))
    for match in _CONTEXT_LABEL_RE.finditer(s.text):
        hits.append(_Hit("label", match.start("label"), match.end("label"), match.group("label")))
    for match in _PHRASE_LABEL_RE.finditer(s.text):
        hits.append(_Hit("label", match.start(), match.end(), match.group(0).lower()))
    return hits


def _absolutes(s: _Sentence, kind: FeedbackKind) -> list[_Hit]:
    if kind == "praise":
        return []  # "you've never missed a deadline" is a record, not an exaggeration
    hits: list[_Hit] = []
    for match in _ABSOLUTE_RE.finditer(s.text):
        before, after = s.text[: match.start()], s.text[match.end() :]
        if not before.strip():
            continue  # sentence-initial "Always/Never ..." is an instruction, not a charge
        if _ABSOLUTE_OK_BEFORE.search(before) or _ABSOLUTE_OK_AFTER.match(after):
            continue
        hits.append(_Hit("absolute", match.start(), match.end()))
    return hits


def _vague(s: _Sentence, kind: FeedbackKind) -> list[_Hit]:
    match = _VAGUE_RE.search(s.text)
    if not match:
        return []
    rest = s.text[: match.start()] + " " + s.text[match.end() :]
    if has_specifics(rest):
        return []
    return [_Hit("vague", match.start(), match.end())]


def _but_undoing(s: _Sentence, kind: FeedbackKind) -> list[_Hit]:
    hits: list[_Hit] = []
    for match in _BUT_RE.finditer(s.text):
        before, after = s.text[: match.start()], s.text[match.end() :]
        if _BUT_OK_BEFORE.search(before) or _BUT_OK_AFTER.match(after):
            continue
        praise_before = _PRAISE_MARKER_RE.search(before) if before.strip() else None
        if praise_before is None and not before.strip():
            praise_before = _PRAISE_MARKER_RE.search(s.prev)
        if praise_before is not None and re.search(r"\w", after):
            hits.append(_Hit("but_undoing", match.start(), match.end()))
            break
    return hits


def _sarcasm(s: _Sentence, kind: FeedbackKind) -> list[_Hit]:
    hits = [_Hit("sarcasm", m.start(), m.end()) for m in _SARCASM_RE.finditer(s.text)]
    if kind == "constructive":
        hits += [_Hit("sarcasm", m.start(), m.end()) for m in _AS_USUAL_RE.finditer(s.text)]
    for match in _SCARE_QUOTE_RE.finditer(s.text):
        if _SPEECH_BEFORE_RE.search(s.text[: match.start()]):
            continue  # a real quotation of what someone said or wrote
        hits.append(_Hit("sarcasm", match.start(), match.end(), match.group("word")))
    return hits


def _comparisons(s: _Sentence, kind: FeedbackKind) -> list[_Hit]:
    hits: list[_Hit] = []
    for pattern in _COMPARISON_RES:
        hits += [_Hit("comparison", m.start(), m.end()) for m in pattern.finditer(s.text)]
    return hits


def _generic_praise(s: _Sentence, kind: FeedbackKind) -> list[_Hit]:
    if kind != "praise":
        return []
    match = _GENERIC_PRAISE_RE.search(s.text)
    if not match:
        return []
    rest = s.text[: match.start()] + " " + s.text[match.end() :]
    if has_specifics(rest) or (s.next and has_specifics(s.next)):
        return []
    return [_Hit("generic_praise", match.start(), match.end())]


# Each detector with the words that can start one of its patterns. A sentence's word set is
# computed once and a detector runs only when they meet, which keeps long clean texts fast.
_Detector = Callable[[_Sentence, FeedbackKind], list[_Hit]]


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
    (_but_undoing, _words("but however")),
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


# --- explanations and rewrites ------------------------------------------------------------------

_EXPLANATIONS: dict[WordingCategory, str] = {
    "label": (
        "“{text}” describes the person, not something they did. People defend themselves "
        "against a label; they can act on a described behaviour."
    ),
    "absolute": (
        "“{text}” turns some occasions into all of them. One counter-example and the talk "
        "becomes a debate about the exception; name the times you actually saw."
    ),
    "vague": (
        "“{text}” doesn't say what fell short or what good looks like, so there is nothing "
        "concrete to act on."
    ),
    "but_undoing": (
        "“{text}” right after praise signals the praise was a wind-up; the listener keeps only "
        "what comes after it."
    ),
    "sarcasm": (
        "“{text}” reads as irony. Sarcasm comes across as contempt and shuts the conversation "
        "down; say the concern plainly."
    ),
    "comparison": (
        "“{text}” compares them with colleagues. That makes it about rank and breeds "
        "resentment; compare with the expectation instead."
    ),
    "generic_praise": (
        "“{text}” on its own sounds automatic. Saying what they did and what it changed makes "
        "the praise believable and tells them what to repeat."
    ),
}


def _label_hint(detail: str) -> str:
    for key, hint in _LABEL_HINTS.items():
        if key in detail:
            return hint
    return _DEFAULT_HINT


def _rewrite_absolute(sentence: str, at: int) -> str:
    # Rewrite only the clause holding the absolute ("Great job, but you always ..." -> "you ...").
    cuts = list(re.finditer(r"[,;:]\s+(?:but\s+|and\s+|so\s+)?|\bbut\s+", sentence[:at]))
    text = sentence[cuts[-1].end() :] if cuts else sentence
    text = re.sub(r"\b(has|have|had|was|were|is|are|do|does|did)\s+never\b", r"\1n't", text)
    text = re.sub(r"\bnever\b", "didn't", text, flags=re.IGNORECASE)
    text = re.sub(r"\bnot once\b", "didn't", text, flags=re.IGNORECASE)
    text = _ABSOLUTE_RE.sub("", text)
    text = re.sub(r"\s{2,}", " ", text).replace(" ,", ",").replace(" .", ".").strip()
    text = text[:1].lower() + text[1:] if not text.startswith("I ") else text
    return f"In [the specific times, e.g. the last two standups], {text}"


def _suggest(hit: _Hit, sentence: str) -> str:
    matched = sentence[hit.start : hit.end]
    if hit.category == "label":
        return (
            "Describe the behaviour instead of the label: “In [when], you "
            f"{_label_hint(hit.detail)}, which [what it changed for the team or the goal].”"
        )
    if hit.category == "absolute":
        rewrite = _rewrite_absolute(sentence, hit.start)
        return f"Swap “{matched}” for the occasions you saw: “{rewrite}”"
    if hit.category == "vague":
        return (
            "Say what fell short and what good looks like: “In [when], [the specific thing, e.g. "
            "the Q3 summary had no numbers]; what I need is [the concrete standard, e.g. the "
            "three headline figures at the top].”"
        )
    if hit.category == "but_undoing":
        praise = sentence[: hit.start].strip(" ,;—-")
        rest = upper_first(sentence[hit.end :].strip(" ,;—-"))
        if praise:
            return (
                f"Let the praise stand on its own: “{praise}.” Raise the other point "
                f"separately, as its own topic: “{rest}”"
            )
        return f"Let the earlier praise stand; raise this as its own topic: “{rest}”"
    if hit.category == "sarcasm":
        return (
            "Say it straight: “In [when], you [what happened, e.g. joined 15 minutes after the "
            "start]; [what it meant, e.g. we repeated the first agenda item]. What got in the "
            "way?”"
        )
    if hit.category == "comparison":
        return (
            "Compare with the expectation, not a colleague: “In [when], you [what you saw]; "
            "what I need is [the standard, e.g. handover notes in the ticket before you log "
            "off].”"
        )
    return (
        f"Name what they did and what it changed: “{upper_first(matched)} on [the specific "
        "thing, e.g. the onboarding guide]: you [what you saw, e.g. added a setup checklist], "
        "and [the effect, e.g. both new hires shipped code in their first week].”"
    )


def _summary(issues: list[WordingIssue]) -> str:
    if not issues:
        return "No wording issues found: it reads as specific and about behaviour."
    counts: dict[str, int] = {}
    for issue in issues:
        counts[issue.category] = counts.get(issue.category, 0) + 1
    names = {
        "label": "label",
        "absolute": "absolute",
        "vague": "vague judgment",
        "but_undoing": "“but” undoing praise",
        "sarcasm": "sarcasm",
        "comparison": "comparison with colleagues",
        "generic_praise": "generic praise",
    }
    parts = [
        f"{n} {names[c]}{'' if n == 1 or c == 'but_undoing' else 's'}" for c, n in counts.items()
    ]
    noun = "issue" if len(issues) == 1 else "issues"
    return f"{len(issues)} wording {noun}: {', '.join(parts)}."


def run_check(text: str, kind: FeedbackKind) -> WordingCheck:
    """Detect all categories sentence by sentence; overlapping hits keep the higher priority."""
    spans = list(sentence_spans(text))
    found: list[tuple[int, int, _Hit, str]] = []
    for i, (start, end) in enumerate(spans):
        raw = text[start:end]
        words = frozenset(re.findall(r"[a-z]+", raw.lower()))
        quoted = not _SCARE_QUOTE_CHARS.isdisjoint(raw)
        sentence: _Sentence | None = None
        for detector, triggers in _DETECTORS:
            if triggers.isdisjoint(words) and not (quoted and detector is _sarcasm):
                continue
            if sentence is None:
                sentence = _Sentence(
                    text=raw,
                    start=start,
                    prev=text[spans[i - 1][0] : spans[i - 1][1]] if i > 0 else "",
                    next=text[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else "",
                )
            for hit in detector(sentence, kind):
                found.append((start + hit.start, start + hit.end, hit, raw))
    found.sort(key=lambda item: (_PRIORITY[item[2].category], item[0], item[1]))
    kept: list[tuple[int, int, _Hit, str]] = []
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
            explanation=_EXPLANATIONS[hit.category].format(text=text[start:end]),
            suggestion=_suggest(hit, sentence),
        )
        for start, end, hit, sentence in kept
    ]
    return WordingCheck(issues=issues, ok=not issues, summary=_summary(issues))
