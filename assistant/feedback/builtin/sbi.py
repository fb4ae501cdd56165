"""Build the Situation–Behaviour–Impact statement from the manager's description.

The statement is addressed to the report ("you ..."), keeps the manager's own facts, and
marks anything missing with a bracketed prompt instead of filling it in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.domain.feedback import FeedbackRequest, SBIStatement
from assistant.feedback.builtin.lexicon import (
    EVENT_NOUN_RE,
    EVENT_NOUNS,
    PAST_VERBS,
    clean_fragment,
    content_words,
    lower_first,
    name_variants,
    stem,
    upper_first,
)
from assistant.feedback.builtin.split import (
    RawParts,
    drop_verdict,
    has_date_or_event,
    normalise_impact,
    split_description,
)

SITUATION_PROMPT = "[Situation: when and where did this happen?]"
IMPACT_PROMPT = {
    "constructive": "[Impact: what did this change for the team or the goal?]",
    "praise": "[Impact: what did this make possible for the team or the goal?]",
}

_PREP_START = re.compile(
    r"^(?:in|on|at|during|after|before|since|over|from|while|whilst|when|yesterday|today|"
    r"this|last|earlier|throughout|across)\b",
    re.IGNORECASE,
)
_THIRD_TO_SECOND = {
    "was": "were",
    "is": "are",
    "has": "have",
    "does": "do",
    "doesn't": "don't",
    "isn't": "aren't",
    "wasn't": "weren't",
    "hasn't": "haven't",
    "'s": "'re",
}
_NOT_VERBS = frozenset(
    "always sometimes perhaps thus across this his its as us plus yes less unless process "
    "also just then still again even only never often".split()
)
_ADVERBS = frozenset(
    "also just then still often again always never sometimes constantly even ever rarely "
    "repeatedly regularly".split()
)
_PERSON_NOUNS = frozenset(
    """client clients customer customers team manager colleague colleagues stakeholder
    stakeholders user users people everyone him her them partner partners vendor""".split()
)
_AFFECTED = re.compile(
    r"\b(the (?:client|customer|team|stakeholders|users|new hires|support team|sales team|"
    r"on-call team)|(?:our|the) (?:clients|customers|users)|[A-Z][a-z]+(?:'s)? team)\b"
)


@dataclass(frozen=True)
class SBIContext:
    """What the openers, plan and follow-up need to refer back to the situation."""

    sbi: SBIStatement
    situation_phrase: str | None  # lower-cased, e.g. "in Tuesday's demo"
    situation_np: str | None  # e.g. "Tuesday's demo" (only for named events)
    event_noun: str | None  # e.g. "demo"
    thing: str | None  # what was made or done, e.g. "the onboarding guide"
    affected: str | None  # who felt the impact, e.g. "the client"
    goal_words: list[str] = field(default_factory=list)
    impact_sentence: str | None = None
    behaviour_sentence: str = ""
    source_notices: list[str] = field(default_factory=list)


def _you_verb(word: str) -> str:
    """Turn a third-person verb into its 'you' form ('sends' -> 'send', 'was' -> 'were')."""
    lower = word.lower()
    if lower in _THIRD_TO_SECOND:
        return _THIRD_TO_SECOND[lower]
    if lower in _NOT_VERBS or lower.endswith(("ly", "ss", "us", "is", "'s")) or len(lower) < 4:
        return word
    if lower.endswith("ies"):
        return word[:-3] + "y"
    if lower.endswith(("shes", "ches", "xes", "zes", "oes")):
        return word[:-2]
    if lower.endswith("s"):
        return word[:-1]
    return word


def _fix_following_verb(text: str) -> str:
    """After a new 'you' subject, agree the next verb, skipping adverbs like 'often'."""
    words = text.split(" ")
    for i, word in enumerate(words):
        core = word.strip(",.;:")
        if not core:
            continue
        lower = core.lower()
        if lower.endswith("ly") or lower in _ADVERBS:
            continue
        words[i] = word.replace(core, _you_verb(core), 1)
        break
    return " ".join(words)


def to_second_person(text: str, report_name: str) -> str:
    """Rewrite the manager's third-person description so it speaks to the report."""
    text = re.sub(r"^(?:I\s+(?:noticed|saw|observed|heard|felt)(?:\s+that)?)\s+", "", text)
    names = "|".join(re.escape(n) for n in name_variants(report_name))
    # Possessives first ("Sam's update" -> "your update"); the report is then who the text is
    # about, so a later "she" means them too.
    subject_used = bool(names) and bool(re.search(rf"\b(?:{names})(?:'s|’s|'|’)(?=\s)", text))
    if names:
        text = re.sub(rf"\b(?:{names})(?:'s|’s)\b", "your", text)
        text = re.sub(rf"^(?:{names})(?:'|’)(?=\s)", "your", text)
    text = re.sub(r"^(?:They|they)(?:'re|’re)\b", "you're", text)
    text = re.sub(r"^(?:They|they)(?:'ve|’ve)\b", "you've", text)
    leading = re.compile(
        rf"(^|[.;:!?—–]\s*|,\s+(?:and\s+|but\s+)?|\b(?i:and|when|while|whilst|because|that|so|after|before|as)\s+)"
        rf"({names + '|' if names else ''}he|she|He|She|They|they)\b\s+(\S+(?:\s+\S+){{0,2}})",
    )

    def _subject(match: re.Match[str]) -> str:
        nonlocal subject_used
        prefix, who = match.group(1), match.group(2)
        at_start = prefix == "" or prefix.strip()[:1] in tuple(".;:!?—–")
        if who.lower() == "they" and prefix != "":
            # "they" is the report only as the first word; later it is usually someone else.
            return match.group(0)
        if who.lower() in {"he", "she"} and not at_start:
            # Mid-sentence pronouns may point at someone else; only rewrite sentence subjects.
            return match.group(0)
        subject_used = True
        space = " " if prefix.strip() in tuple(":—–") and not prefix.endswith(" ") else ""
        return f"{prefix}{space}you {_fix_following_verb(match.group(3))}"

    text = leading.sub(_subject, text)
    if names:
        text = re.sub(rf"\b(?:{names})\b", "you", text)
    if subject_used and not re.search(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+\b", text):
        # Nobody else is named, so later he/she/his still mean the report.
        text = re.sub(
            r"\b(and|but|then|so|because|when|while|after|before|until|since|if)\s+(?:he|she)\s+"
            r"(\S+(?:\s+\S+){0,2})",
            lambda m: f"{m.group(1)} you {_fix_following_verb(m.group(2))}",
            text,
        )
        text = re.sub(r"\bhis\b", "your", text)
        text = re.sub(r"\b(?:himself|herself)\b", "yourself", text)
        text = re.sub(r"\bher\b(?=\s+[a-z])", "your", text)
    if subject_used:
        # "you rolled her eyes": body parts and own things belong to the subject.
        text = re.sub(
            r"\b(you \w+) (?:his|her) (eyes|head|hands?|arms|shoulders|phone|laptop|camera|mic|"
            r"voice|own)\b",
            r"\1 your \2",
            text,
        )
    # "You" at the start of a later sentence reads better capitalised.
    text = re.sub(r"([.!?]\s+)you\b", r"\1You", text)
    return text


def behaviour_clause(behaviour: str, report_name: str) -> str:
    """A clause that can follow 'I noticed ...': starts with 'you' when it can."""
    text = to_second_person(clean_fragment(behaviour), report_name)
    first = text.split(" ", 1)[0].lower() if text else ""
    if first in {"you", "your", "you're", "you've", "you'd", "you'll"}:
        return "y" + text[1:]
    if first.endswith("ed") or first in PAST_VERBS:
        return f"you {text[:1].lower()}{text[1:]}"
    return lower_first(text)


def render_situation(situation: str) -> str:
    """Make a given situation read as an opening phrase ('the Lakeside call' -> 'During ...')."""
    text = clean_fragment(situation)
    if _PREP_START.match(text):
        return upper_first(text)
    if EVENT_NOUN_RE.search(text):
        return f"During {lower_first(text)}"
    if has_date_or_event(text):
        return f"On {text}"
    return f"Regarding {lower_first(text)}"


def _situation_np(situation: str) -> str | None:
    match = re.match(r"^(?:in|on|at|during|after|before)\s+(.+)$", situation, re.IGNORECASE)
    if match and EVENT_NOUN_RE.search(match.group(1)):
        return match.group(1)
    return None


_VERBISH = re.compile(
    r"\b(?:\w+ed|was|were|is|are|had|has|have|got|lost|made|meant|took|left|felt|ran|went|"
    r"came|saw|did|didn't|couldn't|wasn't|weren't|can|could|will|would|kept|spent|needed|"
    r"asked|knew|understood|got|gave|shipped|cut|saved)\b",
    re.IGNORECASE,
)


def render_impact(impact: str, lead: str | None, kind: str) -> str:
    """One sentence that states the effect, using the connective the manager implied."""
    text = clean_fragment(impact)
    if lead:
        return f"{lead} {lower_first(text)}."
    if _VERBISH.search(text):
        return f"{upper_first(text)}."
    opener = "The result was" if kind == "praise" else "The impact was"
    return f"{opener} {lower_first(text)}."


# Words that name a kind of meeting or a unit of time: sharing one of them ("review" in an
# incident review and in "lead two design reviews") says nothing about the goal.
_GENERIC_GOAL_WORDS = frozenset(
    stem(word)
    for word in """review reviews demo demos call calls meeting meetings standup retro sync session
    workshop presentation huddle kickoff offsite townhall sprint webinar conference training
    visit pitch handover day days week weeks month months quarter year people thing things
    today""".split()
)
SHORT_GOAL_WORDS = 4  # a goal this short is matched by one telling word


def match_goal(
    goals: list[str], description: str, report_name: str
) -> tuple[str | None, list[str]]:
    """The active goal the description really touches, if any: it shares at least one telling
    word (not a meeting or time word) and either two words in all or most of a short goal.
    The most shared words wins; ties go to the first goal."""
    words = content_words(description) - content_words(report_name)
    best: tuple[int, str, list[str]] | None = None
    for goal in goals:
        goal_text = goal.strip()
        goal_words = content_words(goal_text)
        shared = sorted(goal_words & words)
        telling = [w for w in shared if w not in _GENERIC_GOAL_WORDS]
        if not telling:
            continue
        if len(shared) < 2 and len(goal_words) > SHORT_GOAL_WORDS:
            continue
        if best is None or len(shared) > best[0]:
            best = (len(shared), goal_text, shared)
    return (best[1], best[2]) if best else (None, [])


def _thing(clause: str) -> str | None:
    """The object of the behaviour: 'you wrote the onboarding guide for ...' -> 'the ... guide'."""
    match = re.match(
        r"^you\s+(?:\w+ly\s+)?\w+\s+(?:up\s+|out\s+)?"
        r"((?:the|your|a|an|this|that|our)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+?)"
        r"(?=\s+(?:for|to|with|in|on|at|by|so|and|which|that|during|before|after|from|"
        r"when|while|through|across|into|onto|over|about|around|past|under|\w+ly)\b|[,.;]|$)",
        clause,
    )
    if not match:
        return None
    thing = match.group(1)
    head = thing.split()[-1].lower()
    if head in _PERSON_NOUNS or len(thing.split()) < 2:
        return None
    return re.sub(r"^(?:a|an)\s", "the ", thing)


def _singular(noun: str) -> str:
    if noun.endswith("s") and noun[:-1] in EVENT_NOUNS:
        return noun[:-1]
    return noun


def build_sbi(request: FeedbackRequest) -> SBIContext:
    """Combine explicit parts with the split of `what`; leave prompts where facts are missing."""
    raw = (
        split_description(request.what, request.report_name)
        if request.what and request.what.strip()
        else RawParts(situation=None, behaviour="", impact=None)
    )
    situation = clean_fragment(request.situation or "") or raw.situation
    behaviour = clean_fragment(request.behaviour or "") or raw.behaviour
    impact_lead = raw.impact_lead
    impact = raw.impact
    if request.impact and clean_fragment(request.impact):
        impact, impact_lead = normalise_impact(request.impact)

    clause = behaviour_clause(drop_verdict(behaviour, request.report_name), request.report_name)
    sit_text = (
        render_situation(to_second_person(situation, request.report_name)) if situation else None
    )
    impact_sentence = render_impact(impact, impact_lead, request.kind) if impact else None

    description = " ".join(
        p for p in (request.what, request.situation, request.behaviour, request.impact) if p
    )
    goal, goal_words = match_goal(request.goals, description, request.report_name)

    sit_phrase = lower_first(sit_text) if sit_text else None
    sit_np = _situation_np(sit_text) if sit_text else None
    event = EVENT_NOUN_RE.search(sit_text or "") or EVENT_NOUN_RE.search(behaviour)
    affected = _AFFECTED.search(" ".join(p for p in (impact, behaviour) if p))

    sbi = SBIStatement(
        situation=sit_text or SITUATION_PROMPT,
        behaviour=clause,
        impact=impact_sentence or IMPACT_PROMPT[request.kind],
        situation_missing=sit_text is None,
        impact_missing=impact_sentence is None,
        goal=goal,
    )
    return SBIContext(
        sbi=sbi,
        situation_phrase=sit_phrase,
        situation_np=sit_np,
        event_noun=_singular(event.group(0).lower()) if event else None,
        thing=_thing(clause),
        affected=affected.group(1) if affected else None,
        goal_words=goal_words,
        impact_sentence=impact_sentence,
        behaviour_sentence=upper_first(clause),
    )
