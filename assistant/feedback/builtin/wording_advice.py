"""What the wording check tells the manager: why each issue matters, a rewrite, a summary."""

from __future__ import annotations

import re

from assistant.domain.feedback import WordingCategory, WordingIssue
from assistant.feedback.builtin.lexicon import upper_first
from assistant.feedback.builtin.wording_patterns import ABSOLUTE_RE, DEFAULT_HINT, LABEL_HINTS, Hit

EXPLANATIONS: dict[WordingCategory, str] = {
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
    "but_softening": (
        "“{text}” right after the criticism takes the point back: the listener hears the praise "
        "and lets the problem go, or starts to distrust your praise. Keep the two apart."
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


PRAISE_ABSOLUTE = (
    "“{text}” is generous, but it invites the one counter-example and sounds automatic; the "
    "record you actually saw (how many times, over what period) is more believable."
)
CONSTRUCTIVE_GENERIC = (
    "“{text}” wrapped around a constructive point sounds like a formula: they wait for the "
    "“but”, and the praise stops meaning anything. Praise something specific, separately."
)


def explain(category: WordingCategory, kind: str) -> str:
    """Why it matters, for this kind of feedback."""
    if category == "absolute" and kind == "praise":
        return PRAISE_ABSOLUTE
    if category == "generic_praise" and kind == "constructive":
        return CONSTRUCTIVE_GENERIC
    return EXPLANATIONS[category]


def _label_hint(detail: str) -> str:
    for key, hint in LABEL_HINTS.items():
        if key in detail:
            return hint
    return DEFAULT_HINT


def _rewrite_absolute(sentence: str, at: int) -> str:
    # Rewrite only the clause holding the absolute ("Great job, but you always ..." -> "you ...").
    cuts = list(re.finditer(r"[,;:]\s+(?:but\s+|and\s+|so\s+)?|\bbut\s+", sentence[:at]))
    text = sentence[cuts[-1].end() :] if cuts else sentence
    text = re.sub(r"\b(has|have|had|was|were|is|are|do|does|did)\s+never\b", r"\1n't", text)
    text = re.sub(r"\bnever\b", "didn't", text, flags=re.IGNORECASE)
    text = re.sub(r"\bnot once\b", "didn't", text, flags=re.IGNORECASE)
    text = ABSOLUTE_RE.sub("", text)
    text = re.sub(r"\s{2,}", " ", text).replace(" ,", ",").replace(" .", ".").strip()
    text = text[:1].lower() + text[1:] if not text.startswith("I ") else text
    return f"In [the specific times, e.g. the last two standups], {text}"


def suggest(hit: Hit, sentence: str, kind: str = "constructive") -> str:
    matched = sentence[hit.start : hit.end]
    if hit.category == "label":
        return (
            "Describe the behaviour instead of the label: “In [when], you "
            f"{_label_hint(hit.detail)}, which [what it changed for the team or the goal].”"
        )
    if hit.category == "absolute":
        if kind == "praise":
            return (
                f"Swap “{matched}” for the record you saw: “[How many times, e.g. all twelve "
                "deadlines this quarter], you [what they did], and [what it made possible].”"
            )
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
    if hit.category == "but_softening":
        point = sentence[: hit.start].strip(" ,;—-")
        praise = upper_first(sentence[hit.end :].strip(" ,;—-"))
        lead = f"Say the point on its own: “{point}.” " if point else "Let the point stand. "
        return (
            f"{lead}Then ask what got in the way. Give the praise at another moment, as its own "
            f"topic: “{praise}”"
        )
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


def summary(issues: list[WordingIssue]) -> str:
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
        "but_softening": "“but” softening criticism",
        "sarcasm": "sarcasm",
        "comparison": "comparison with colleagues",
        "generic_praise": "generic praise",
    }
    parts = [
        f"{n} {names[c]}{'' if n == 1 or c.startswith('but_') else 's'}" for c, n in counts.items()
    ]
    noun = "issue" if len(issues) == 1 else "issues"
    return f"{len(issues)} wording {noun}: {', '.join(parts)}."
