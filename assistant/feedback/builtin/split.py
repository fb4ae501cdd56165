"""Split a free-text description into situation, behaviour and impact.

Rule-based on purpose: managers write these in a few recognisable shapes ("In Tuesday's demo,
Sam ..., so the client ..."), and when a part is missing we leave it missing so the caller can
ask for it instead of inventing facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.feedback.builtin.lexicon import (
    DATE_RE,
    EVENT_ALT,
    MONTH_ALT,
    RELATIVE_TIME,
    WEEKDAY_ALT,
    clean_fragment,
    name_variants,
    sentence_spans,
)


@dataclass(frozen=True)
class RawParts:
    """Fragments as the manager wrote them; `impact_lead` says how to introduce the impact."""

    situation: str | None
    behaviour: str
    impact: str | None
    impact_lead: str | None = None


_PREPS = r"(?:in|on|at|during|after|before|since|over|from|while|when|whilst)"

# Situation phrase somewhere in a behaviour: "in Tuesday's demo", "on the Lakeside call with
# Acme", "during the sprint review yesterday", "on 3 March", "last Friday", "yesterday".
_DETERMINERS = r"(?:the|this|that|our|your|his|her|their|a|an|last|yesterday's|today's)"
_MODIFIER = r"(?:[A-Za-z0-9][\w'’&-]*)"
_EVENT_PHRASE = (
    rf"(?:in|on|at|during|after|before)\s+(?:{_DETERMINERS}\s+)?(?:{_MODIFIER}\s+){{0,3}}?"
    rf"(?:{EVENT_ALT})s?(?:\s+(?:{EVENT_ALT})s?)?\b"  # "the incident review": two event nouns
    r"(?:\s+(?:with|for|about)\s+(?:the\s+)?[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*)?"
)
_TIME_PHRASE = (
    rf"(?:on\s+|last\s+|this\s+)?(?:{WEEKDAY_ALT})\b"
    rf"|on\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_ALT})\b"
    rf"|on\s+(?:{MONTH_ALT})\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|{RELATIVE_TIME}"
)
EMBEDDED_SITUATION_RE = re.compile(
    rf"\b(?:{_EVENT_PHRASE})(?:,?\s+(?:{_TIME_PHRASE}))?|\b(?:{_TIME_PHRASE})",
    re.IGNORECASE,
)

# Connectives that introduce an effect. Each maps to how the impact sentence should begin.
_WHICH_VERBS = (
    r"meant(?: that)?|means(?: that)?|led to|leads to|caused|causes|helped|helps|gave|gives|"
    r"saved|saves|cost|costs|left|leaves|put|puts|made|makes|let|lets|allowed|allows|delayed|"
    r"delays|pushed|pushes|resulted in|results in|freed up|frees up|kept|keeps|forced|forces|"
    r"slowed|slows|blocked|blocks|set|sets|got|gets"
)
_NEW_SUBJECT_EFFECT = (
    r"(?:the|our|we|everyone|everybody|nobody|no one|they|two|three|several|customers|clients|"
    r"users|people)\b[^,.;]{0,60}?\b(?:team|client|clients|customer|customers|users?|we|us|"
    r"everyone|deadline|release|launch|late|delay(?:ed)?|missed|lost|saved|signed|renewed|"
    r"confused|frustrated|waited|blocked|escalated|weekend|overtime|hours?|days?)\b"
)
_IMPACT_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"[,;]?\s+(?:and\s+)?which\s+(?P<verb>{_WHICH_VERBS})\b", re.I), "verb"),
    (
        re.compile(rf"[,;]\s*(?:and\s+)?(?:this|that|it)\s+(?P<verb>{_WHICH_VERBS})\b", re.I),
        "verb",
    ),
    (
        re.compile(
            r"[,;]?\s+(?:and\s+)?(?:as a result|as a consequence|consequently|"
            r"because of (?:this|that|it)|thanks to (?:this|that|which))\b,?",
            re.I,
        ),
        "result",
    ),
    (re.compile(r",?\s+so that\b", re.I), "result"),
    (
        re.compile(
            r"[,;]\s*(?:and\s+)?so\b(?!\s+(?:much|many|far|well|long|quickly|fast|often|"
            r"far|late|early|good|bad|hard|easily))",
            re.I,
        ),
        "result",
    ),
    (
        re.compile(
            r"\s+so\s+(?=(?:the|our|we|everyone|everybody|nobody|no one|they|it|its|this|"
            r"his|her|their|a|an|i|people|customers|clients|users)\b)",
            re.I,
        ),
        "result",
    ),
    (
        re.compile(r",\s*(?P<verb>meaning|resulting in|leading to|causing)\b(?:\s+that)?", re.I),
        "ing",
    ),
    (re.compile(r",?\s+(?:and\s+)?because\s+(?!of\b)", re.I), "because"),
    # "..., and the finance team had to work the weekend" or "...; they signed up the same
    # day": a new subject feeling an effect.
    (
        re.compile(rf"(?:(?:,\s*|\s+)and\s+|;\s*)(?={_NEW_SUBJECT_EFFECT})", re.I),
        "plain",
    ),
)
_ING_TO_PAST = {
    "meaning": "meant",
    "resulting in": "resulted in",
    "leading to": "led to",
    "causing": "caused",
}

# A later sentence that reads as an effect even without a connective.
_IMPACT_SENTENCE_START = re.compile(
    r"^(?:(?:this|that|it)\s+(?:" + _WHICH_VERBS + r"|was|has|had|means|slowed|took)\b"
    r"|as a result|because of (?:this|that)|thanks to (?:this|that|you)|the (?:result|impact|"
    r"effect|outcome)|in the end|afterwards|now\b)",
    re.IGNORECASE,
)
_IMPACT_WORDS = re.compile(
    r"\b(?:team|client|clients|customer|customers|users?|we|us|our|everyone|deadline|release|"
    r"launch|delay(?:ed)?|late|missed|lost|saved|helped|confused|frustrated|wait(?:ed|ing)?|"
    r"blocked|escalat\w*|churn|revenue|outage|goal|target|hours?|days?|minutes|rework|quality|"
    r"trust|morale|stakeholders?)\b",
    re.IGNORECASE,
)


def _subject_re(report_name: str) -> re.Pattern[str]:
    alt = "|".join(re.escape(n) for n in name_variants(report_name))
    name_part = f"(?:{alt})\\b|" if alt else ""
    return re.compile(rf"^(?:{name_part}he\b|she\b|you\b)", re.IGNORECASE)


def _lead_situation(text: str, report_name: str) -> tuple[str | None, str]:
    """A situation at the very start: up to a comma, or up to the report/pronoun subject."""
    head = re.match(rf"^(?:{RELATIVE_TIME})\b,?\s*", text, re.IGNORECASE)
    if head:
        return clean_fragment(head.group(0)), text[head.end() :]
    if not re.match(rf"^{_PREPS}\b", text, re.IGNORECASE):
        return None, text
    comma = re.match(r"^([^,;.]{3,120}?),\s*", text)
    names = [re.escape(n) for n in name_variants(report_name)] or ["\\b\\B"]
    # The situation ends where the report (or a pronoun) starts acting; "When Sam presented"
    # has the subject inside the clause, so a subject needs two words before it to count.
    subj = next(
        (
            m
            for m in re.finditer(
                rf"\s(?=(?:{'|'.join(names)}|he|she|they|you|I|we)\b)", text[:140], re.IGNORECASE
            )
            if len(text[: m.start()].split()) >= 2
        ),
        None,
    )
    if comma and (subj is None or comma.end(1) <= subj.start()):
        return clean_fragment(comma.group(1)), text[comma.end() :]
    if subj is not None:
        return clean_fragment(text[: subj.start()]), text[subj.end() :]
    event = EMBEDDED_SITUATION_RE.match(text)
    if event:
        return clean_fragment(event.group(0)), text[event.end() :]
    return None, text


def _find_impact(text: str, report_name: str) -> tuple[int, int, str | None] | None:
    """Earliest effect cue: (cut position, impact start, lead). None when there is no cue."""
    best: tuple[int, int, str | None] | None = None
    subject = _subject_re(report_name)
    for pattern, how in _IMPACT_CUES:
        for match in pattern.finditer(text):
            if match.start() < 3:
                continue
            rest = text[match.end() :].lstrip(" ,")
            if not rest:
                continue
            if how == "because" and subject.match(rest):
                # "... because Sam was sick" explains the behaviour; it is not an effect.
                continue
            lead: str | None
            if how == "verb":
                lead = f"This {match.group('verb').lower()}"
            elif how == "ing":
                lead = f"This {_ING_TO_PAST[match.group('verb').lower()]}"
            elif how == "because":
                lead = "That mattered because"
            elif how == "plain":
                lead = None
            else:
                lead = "As a result,"
            if best is None or match.start() < best[0]:
                best = (match.start(), match.end(), lead)
            break
    return best


def _impact_sentence(text: str, report_name: str) -> int | None:
    """Start offset of the first later sentence that reads as an effect, if any."""
    spans = list(sentence_spans(text))
    subject = _subject_re(report_name)
    for start, end in spans[1:]:
        sentence = text[start:end]
        if subject.match(sentence):
            continue
        if _IMPACT_SENTENCE_START.match(sentence) or _IMPACT_WORDS.search(sentence):
            return start
    return None


_PRAISE_WORD = (
    r"(?:great|amazing|excellent|fantastic|brilliant|awesome|superb|outstanding|terrific|"
    r"stellar|wonderful|impressive|good|solid|a star|a rock ?star|a great (?:job|help))"
)


def drop_verdict(behaviour: str, report_name: str) -> str:
    """Keep what they did, not the verdict in front of it: "He was great in the review: he
    walked the team through the timeline" -> "he walked the team through the timeline"."""
    names = "|".join(re.escape(n) for n in name_variants(report_name))
    subject = rf"(?:{names}|he|she|they)" if names else r"(?:he|she|they)"
    verdict = re.match(
        rf"^{subject}\s+(?:was|were|is|are|has been|have been|did|does|do)\s+"
        rf"(?:(?:really|so|very|just|truly|absolutely|a)\s+)*{_PRAISE_WORD}"
        r"(?:\s+(?:job|work))?\b[^:;—–.]{0,80}?\s*[:;—–]\s*",
        behaviour,
        re.IGNORECASE,
    )
    if verdict is None or len(behaviour[verdict.end() :].split()) < 3:
        return behaviour
    return behaviour[verdict.end() :]


def split_description(text: str, report_name: str) -> RawParts:
    """Split free text into situation / behaviour / impact fragments (impact may be None)."""
    text = re.sub(r"\s+", " ", text).strip()
    situation, rest = _lead_situation(text, report_name)

    impact: str | None = None
    lead: str | None = None
    cue = _find_impact(rest, report_name)
    sentence_cut = _impact_sentence(rest, report_name)
    if cue is not None and (sentence_cut is None or cue[0] < sentence_cut):
        behaviour, impact, lead = rest[: cue[0]], rest[cue[1] :], cue[2]
    elif sentence_cut is not None:
        behaviour, impact = rest[:sentence_cut], rest[sentence_cut:]
    else:
        behaviour = rest

    if situation is None:
        found = EMBEDDED_SITUATION_RE.search(behaviour)
        if found and clean_fragment(behaviour.replace(found.group(0), " ")):
            situation = clean_fragment(found.group(0))
            behaviour = behaviour[: found.start()] + " " + behaviour[found.end() :]
            behaviour = re.sub(r"\s+([,.;])", r"\1", behaviour)

    impact_text = clean_fragment(impact) if impact else None
    return RawParts(
        situation=situation or None,
        behaviour=clean_fragment(behaviour),
        impact=impact_text or None,
        impact_lead=lead if impact_text else None,
    )


def normalise_impact(impact: str) -> tuple[str, str | None]:
    """For an impact given on its own, strip a leading connective and return its lead."""
    text = clean_fragment(impact)
    lowered = text.lower()
    for prefix, lead in (
        ("so that ", "As a result,"),
        ("so ", "As a result,"),
        ("as a result, ", "As a result,"),
        ("as a result ", "As a result,"),
        ("because ", "That mattered because"),
        ("which meant that ", "This meant"),
        ("which meant ", "This meant"),
        ("meaning that ", "This meant"),
        ("meaning ", "This meant"),
        ("resulting in ", "This resulted in"),
        ("leading to ", "This led to"),
        ("causing ", "This caused"),
    ):
        if lowered.startswith(prefix):
            return text[len(prefix) :].strip(), lead
    which = re.match(rf"^which\s+({_WHICH_VERBS})\s+", text, re.IGNORECASE)
    if which:
        return text[which.end() :], f"This {which.group(1).lower()}"
    return text, None


def has_date_or_event(text: str) -> bool:
    """True when the text names a date or a kind of event (used to judge a given situation)."""
    return bool(DATE_RE.search(text) or re.search(rf"\b(?:{EVENT_ALT})s?\b", text, re.I))
