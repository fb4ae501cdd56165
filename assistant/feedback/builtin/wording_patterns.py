"""The wording check's vocabulary: what each kind of problem looks like (labels, absolutes,
vague judgments, "but" after praise, sarcasm, comparisons, generic praise), as patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.domain.feedback import WordingCategory
from assistant.feedback.builtin.lexicon import (
    DATE_RE,
    EVENT_NOUN_RE,
    MONTH_ALT,
    PAST_VERBS,
    STOPWORDS,
    WEEKDAY_ALT,
)


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    prev: str
    next: str


@dataclass(frozen=True)
class Hit:
    category: WordingCategory
    start: int  # relative to the sentence
    end: int
    detail: str = ""  # extra context for the suggestion (e.g. the label's behaviour hint)


# Overlapping hits keep the most telling category (sarcasm hides the "nice" inside it).
PRIORITY: dict[WordingCategory, int] = {
    "sarcasm": 0,
    "comparison": 1,
    "label": 2,
    "but_undoing": 3,
    "but_softening": 3,
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
LABEL_HINTS: dict[str, str] = {
    "lazy": "[what was left undone, e.g. the test plan wasn't started by Friday]",
    "careless": "[the specific errors, e.g. three wrong totals in the Q3 report]",
    "sloppy": "[the specific errors, e.g. three wrong totals in the Q3 report]",
    "unprofessional": "[what was said or done, and where]",
    "difficult": "[what happened, e.g. you turned down the plan twice without an alternative]",
    "team player": "[e.g. you declined two review requests from Ana this sprint]",
    "attitude": "[what you saw or heard, e.g. you left the retro early without a word]",
    "rude": "[the words or actions, e.g. you cut Lee off twice in standup]",
}
DEFAULT_HINT = "[what you saw them do or say]"
CORE_LABEL_RE = re.compile(
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
CONTEXT_LABEL_RE = re.compile(
    rf"\b{_COPULA}\s+(?:(?:so|too|very|really|quite|a bit|a little|kind of|pretty|extremely|"
    rf"overly|always|often|such|a|an)\s+)*(?P<label>{_CONTEXT_LABELS})\b",
)
PHRASE_LABEL_RE = re.compile(
    r"\b(?:(?:bad|poor|negative|terrible|awful|wrong|lousy)\s+attitude|attitude problem|"
    r"(?:not|isn't|aren't|wasn't|weren't|never)\s+(?:really\s+)?(?:a|being a|much of a)\s+"
    r"team player|not a people person|(?:difficult|hard|impossible) to work with)\b",
    re.IGNORECASE,
)

# --- absolutes ------------------------------------------------------------------------------
ABSOLUTE_RE = re.compile(
    r"\b(?:always|never|every single time|every time|each and every time|constantly|"
    r"all the time|continually|continuously|invariably|not once)\b",
    re.IGNORECASE,
)
ABSOLUTE_OK_BEFORE = re.compile(
    r"(?:\b(?:I|I'm|I’m|I'll|I’ll|I will|I'd|I’d|I would|we'll|we’ll|we will|as|almost|nearly)"
    r"\s+(?:\w+\s+)?)$",
    re.IGNORECASE,
)
ABSOLUTE_OK_AFTER = re.compile(r"^\s*(?:mind|too late)\b", re.IGNORECASE)

# --- vague judgments --------------------------------------------------------------------------
VAGUE_RE = re.compile(
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
BUT_RE = re.compile(r"\b(?:but|however)\b", re.IGNORECASE)
BUT_OK_BEFORE = re.compile(
    r"(?:\bnot only\b[^.!?]*|\b(?:nothing|all|anything|last)\s*)$", re.IGNORECASE
)
BUT_OK_AFTER = re.compile(r"^\s*(?:also|not least|for)\b", re.IGNORECASE)
PRAISE_MARKER_RE = re.compile(
    r"\b(?:great|good|nice|well done|thanks|thank you|love|loved|appreciate|appreciated|"
    r"excellent|awesome|impressive|impressed|solid|brilliant|fantastic|amazing|proud|kudos|"
    r"helpful|liked|like (?:how|the way)|(?:did|went|done|worked|handled \w+)\s+"
    r"(?:really\s+|very\s+)?well)\b",
    re.IGNORECASE,
)

# Criticism before a "but" that praise follows: "The report was late, but the analysis was
# great" reads as a sandwich that takes the point back.
CRITICISM_MARKER_RE = re.compile(
    r"\b(?:late|missed|missing|forgot|forgotten|wrong|broke|broken|error|errors|mistake|"
    r"mistakes|typos?|bug|bugs|slow|delayed|delay|skipped|interrupted|confusing|confused|"
    r"unclear|incomplete|sloppy|rushed|problem|problems|issue|issues|didn't|did not|wasn't|"
    r"weren't|hasn't|haven't|couldn't|failed|too long|too short|overdue|behind|blocked|"
    r"ignored|dropped|worse|poor|poorly|not (?:enough|clear|ready|done))\b",
    re.IGNORECASE,
)

# --- sarcasm ------------------------------------------------------------------------------------
SARCASM_RE = re.compile(
    r"\b(?:(?:nice|good|kind|sweet|big|decent) of you to(?: finally)?|how (?:kind|nice) of you|"
    r"thanks? (?:you )?for (?:finally|gracing us)|grac(?:e|ed|ing) us with your presence|"
    r"grac(?:e|ed|ing) us|(?:so |how )?(?:glad|nice|good) (?:that )?you could (?:finally )?"
    r"(?:join|make it)|look who(?:'s|’s| is| decided)|must be nice|"
    r"congrat(?:ulation)?s on finally|finally decided to|what a surprise|big surprise|"
    r"shocker|of course you (?:did|were|would)|well,? well,? well)\b",
    re.IGNORECASE,
)
AS_USUAL_RE = re.compile(r"\b(?:as usual|like always|as always)\b", re.IGNORECASE)
SCARE_QUOTE_RE = re.compile(
    r"(?<![\w])(?:\"|“|‘|')(?P<word>[a-z][\w-]*(?:\s[\w-]+)?)(?:\"|”|’|')(?![\w])"
)
SPEECH_BEFORE_RE = re.compile(
    r"(?:\b(?:said|say|says|saying|wrote|write|writes|asked|ask|told|tell|called|named|"
    r"titled|labell?ed|replied|answered|typed|word|phrase|term|subject)\b[^.!?]{0,20}|:\s*)$",
    re.IGNORECASE,
)

# --- comparisons --------------------------------------------------------------------------------
COMPARISON_RES: tuple[re.Pattern[str], ...] = (
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
GENERIC_PRAISE_RE = re.compile(
    r"\b(?:(?:great|good|nice|excellent|awesome|amazing|fantastic|brilliant|terrific|stellar|"
    r"solid|wonderful|outstanding|super|top) (?:job|work|stuff|effort|going)|well done|"
    r"keep (?:it up|up the (?:good|great) work)|you rock|you(?:'re|’re| are| were) (?:a star|"
    r"the best|a rockstar|amazing|awesome|great|brilliant|fantastic|excellent)|killing it|"
    r"crushed it|nailed it|kudos|"
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


# What they did: "you moved 40 accounts", "walking everyone through the timeline", or a
# sentence whose verb is in the past tense ("The guide cut setup time to half a day").
_YOU_DID_RE = re.compile(
    r"\byou(?:'ve|’ve| have| had)?\s+(?:\w+ly\s+|also\s+|just\s+)?"
    r"(?!(?:are|were|was|is|'re|’re|rock|know|never|always|often|really|not|so|too)\b)"
    r"[a-z]{2,}",
    re.IGNORECASE,
)
_DOING_RE = re.compile(
    r"\b[a-z]{3,}ing\s+(?:the|a|an|every|everyone|everybody|us|them|our|your|all|it|each|"
    r"two|three|\d)\b",
    re.IGNORECASE,
)
_PAST_RE = re.compile(r"\b[a-z]{3,}ed\b", re.IGNORECASE)
_NOT_VERBS = frozenset({"need", "speed", "indeed", "embed", "based", "related", "detailed"})


def describes_behaviour(text: str) -> bool:
    """True when the words say what someone did (a verb and a few concrete words), not only
    what it was about: "on the demo" names a thing; "you answered every pricing question"
    says what to repeat."""
    words = [
        w
        for w in re.findall(r"[a-z][a-z'-]+", text.lower())
        if len(w) >= 3 and w not in STOPWORDS and w not in _PRAISE_WORDS
    ]
    if len(words) < 2:
        return False
    if _YOU_DID_RE.search(text) or _DOING_RE.search(text):
        return True
    past = [w for w in _PAST_RE.findall(text.lower()) if w not in _NOT_VERBS]
    return bool(past) or any(w in PAST_VERBS for w in words)
