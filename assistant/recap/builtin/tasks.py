"""Turn the predicate of a commitment into a short imperative task text."""

from __future__ import annotations

import datetime as dt

import regex as re

from assistant.recap.builtin.dates import DueMatch, find_dues
from assistant.recap.builtin.languages import DUE_PREPOSITION
from assistant.recap.builtin.lexicon import SHORTHAND, TASK_VERBS
from assistant.recap.builtin.people import PeopleDirectory, Person
from assistant.recap.builtin.tokens import task_tokens

# Small precompiled patterns used by the functions below.
_FIRST_WORD = re.compile(r"\s*([\p{L}][\w-]*)")
_HEAD_AND_REST = re.compile(r"([\p{L}][\w-]*)(.*)$", re.DOTALL)
_REPLACEABLE_PRONOUN = re.compile(
    r"\b(?:it|them|those|these|one|that|hers)\b(?=\s*(?:$|up\b|down\b|out\b|in\b|to\b|"
    r"over\b|with\b|and\b|for\b|by\b|so\b|before\b|after\b|first\b|,))"
)
_POSSESSIVE_S = re.compile(r"^'s\b")
_HIM_HER = re.compile(r"\b(?:him|her)\b(?!\s+(?:own|team|work|\w+ing)\b)")
_WHITESPACE = re.compile(r"\s+")
_EMPTY_PARENS = re.compile(r"[(（]\s*[)）]")
# "[04:12]" / "(12:30)" recording timestamps that meeting tools append to items.
_TIMESTAMP = re.compile(r"\s*[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])]")

_VERB_THEN_PREP = re.compile(
    r"^((?!(?:talk|speak|chat|meet|reach|reply|respond|listen|go|come|report|check|follow)\b)"
    r"[\p{L}-]+)\s+(?:to|with|for|from|into|onto)\s+(?:(?:the|a|an|our|their|his|my|your)\s|(?-i:[\p{Lu}\p{Lo}]))",
    re.IGNORECASE,
)
_VERB_PRONOUN_PARTICLE = re.compile(r"\b(it|them|those|these)\s+(up|out|down|over|back|in|off)\b")
_ONE = re.compile(r"\bone\b(?!-)")
_LEADING_FILLER = re.compile(
    r"^(?:(?:also|then|just|still|first|personally|directly|now|quickly|definitely|both|"
    r"go ahead and|make sure (?:to|that (?:we|i|he|she) )|try to|be sure to|please|and|but|so|"
    r"ok(?:ay)?|yes|yeah|sure)\b[\s,]*)+",
    re.IGNORECASE,
)
# Explanations after the task ("so that...", "since...") are context, not the task.
_TRAILING_REASON = re.compile(
    r"(?:,\s*|\s+)(?:so that|so (?:we|i|he|she|they|it|you)\b|since|because|"
    r"so (?-i:[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+) (?:can|could|will|has)\b|"
    r"as (?:we|i|he|she|they)\b|"
    r"(?<=,)\s*which|,\s*which|in case|if nobody|unless|once|when (?:we|i|he|she|they|the|it)\b|"
    r"while (?:we|i|he|she|they)\b|before (?:it|he|she|they|we|you) \w+|- |"
    r"before (?:the|our|their|his|her) \w+(?: \w+)? (?:goes|is|are|comes|starts|opens|"
    r"closes|ends|begins|happens|launches|ships)\b|"
    r"before(?:hand)?\s*$|by then\s*$)(?:.*)$",
    re.IGNORECASE,
)
_DUE_PREP = re.compile(
    r"(?:\b(?:by|before|on|until|til|till|no later than|due|starting|from|for|at|cob|eod|eop|"
    r"latest|the|of|in|sometime|during|around|ahead of|after|"
    # the same words in other languages ("bis Freitag", "avant vendredi", "para el viernes")
    rf"{DUE_PREPOSITION})\s+)*$",
    re.IGNORECASE,
)
# Chinese and Japanese put the preposition after the date: "下周五前", "金曜日までに".
_DUE_POSTPOSITION = re.compile(r"^\s*(?:之前|以前|前|为止|までに|まで|迄)(?:完成)?")
_SPACELESS_CHAR = re.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_PARTICIPLE_IRREGULAR = {
    "sent": "send",
    "done": "do",
    "written": "write",
    "made": "make",
    "set": "set",
    "built": "build",
    "run": "run",
    "taken": "take",
    "given": "give",
    "shared": "share",
    "paid": "pay",
    "bought": "buy",
}
_IRREGULAR_PRESENT = {"has": "have", "does": "do", "goes": "go", "is": "be"}
_SHORTHAND_RE = re.compile(
    r"(?<![\w/])("
    + "|".join(re.escape(k) for k in sorted(SHORTHAND, key=len, reverse=True))
    + r")(?![\w/])",
    re.IGNORECASE,
)


def base_verb(word: str) -> str:
    """'finalized' -> 'finalize', 'sends' -> 'send', 'taking' -> 'take' (best effort)."""
    w = word.lower()
    if w in TASK_VERBS:
        return w
    # "re-audit", "re-send", "resend": a repeated task verb is still a task verb.
    if w.startswith("re-") and len(w) > 4:
        inner = base_verb(w[3:])
        return "re-" + inner if inner in TASK_VERBS else w
    if w.startswith("re") and len(w) > 6 and not w.endswith("s") and w[2:] in TASK_VERBS:
        return w
    if w in _PARTICIPLE_IRREGULAR:
        return _PARTICIPLE_IRREGULAR[w]
    if w in _IRREGULAR_PRESENT:
        return _IRREGULAR_PRESENT[w]
    for suffix, repl in (
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("es", ""),
        ("s", ""),
    ):
        if w.endswith(suffix):
            stem = w[: -len(suffix)] + repl
            if stem in TASK_VERBS:
                return stem
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in TASK_VERBS:
                return stem[:-1]
    return w


def is_task_verb(word: str) -> bool:
    """A task verb, or one repeated: 're-audit', 'recount', 'resubmit'."""
    w = word.lower()
    if w in TASK_VERBS or (w.startswith("re-") and w[3:] in TASK_VERBS):
        return True
    return w.startswith("re") and len(w) > 5 and w[2:] in TASK_VERBS


def starts_with_verb(text: str) -> bool:
    m = _FIRST_WORD.match(text)
    return bool(m) and is_task_verb(m.group(1))  # type: ignore[union-attr]


def expand_shorthand(text: str) -> str:
    return _SHORTHAND_RE.sub(lambda m: SHORTHAND[m.group(1).lower()], text)


_PRONOUN_OBJ = re.compile(
    r"\b(?:it|them|those|these|hers|there|then)\b|\bone\b(?!-)|\b(?:that|this)\b(?=\s*(?:$|[,.;:)]|"
    r"\s(?:to|up|in|over|with|for|by|on|out|and|before|after)\b))",
    re.IGNORECASE,
)
_TIME_OF_DAY = re.compile(r"^\s*(?:morning|afternoon|evening|night|am|pm|a\.m\.|p\.m\.)\b", re.I)
_RELATIVE_TAIL = re.compile(r"\s+(?:that|which|who)\s+\w+(?:\s+(?:out|up|in))?\s*$", re.I)


# "the 2nd one", "a new one": 'one' with its own modifier already names the thing.
_QUALIFIED_ONE = re.compile(r"\b(?:the|a|an)\s+[\w-]+\s+one\b", re.IGNORECASE)
# "collect the rest", "chase the others": the whole is named in a nearby sentence.
_REST = re.compile(r"\bthe (?:rest|others|remaining ones)\b(?!\s+of\b)", re.IGNORECASE)


def has_pronoun_object(text: str) -> bool:
    text = _QUALIFIED_ONE.sub("", text)
    return bool(_PRONOUN_OBJ.search(text) or _REST.search(text))


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_ITSELF = re.compile(r"^\s*itself\b")
_NOT_EVENT = frozenset(
    "and or but so to for with at on in by of from about if as then because since when "
    "so that which who while".split()
)


def _names_event(tail: str) -> bool:
    """'release', 'staff meeting', 'toolbox talk': a noun right after an attributive date."""
    first = re.match(r"\s*([\p{Ll}\p{M}][\w-]*)", tail)
    return bool(first) and first.group(1) not in _NOT_EVENT  # type: ignore[union-attr]


_DET_BEFORE = re.compile(
    r"\b(?:the|a|an|your|my|our|his|her|their|[\p{L}-]+['’]s)\s+\w", re.IGNORECASE
)


def unresolved_pronoun(text: str) -> bool:
    """A pronoun object with nothing it can point to inside the same task: 'send it' is
    unresolved; 'set up the article and link it' is not."""
    m = _PRONOUN_OBJ.search(_QUALIFIED_ONE.sub("", text))
    if m is None:
        return bool(_REST.search(text))
    return not _DET_BEFORE.search(text[: m.start()])


def remove_dates(text: str, offset: int, due: DueMatch | None, meeting: dt.date) -> str:
    """Drop every date phrase (and its preposition) from a task text."""
    spans = [(d.start, d.end) for d in find_dues(text, meeting)]
    if due is not None and 0 <= due.start - offset <= len(text):
        spans.append((due.start - offset, due.end - offset))
    for a, b in sorted(set(spans), key=lambda s: -s[0]):
        if a < 0 or b > len(text) or a >= b:
            continue
        head = _DUE_PREP.sub("", text[:a]).rstrip(" ,(")
        tail = text[b:]
        the_before = _THE_BEFORE.search(text[:a]) is not None
        possessive = _POSSESSIVE_S.match(tail) is not None
        tail = _POSSESSIVE_S.sub("", tail)
        tail = _TIME_OF_DAY.sub("", tail).lstrip(" )")
        tail = _ITSELF.sub("", tail)  # "today itself"
        tail = _DUE_POSTPOSITION.sub("", tail)
        if (the_before or possessive) and _names_event(tail):
            # "before the Thurs release" / "at Friday's leads meeting": keep the event.
            head = text[:a].rstrip() + ("" if the_before else " the")
        glue = "" if _SPACELESS_CHAR.search(head[-1:] + tail[:1]) else " "
        text = f"{head}{glue}{tail}".strip()
    return _RELATIVE_TAIL.sub("", text)


def content_size(text: str) -> int:
    return len(task_tokens(text))


def personalise(
    text: str,
    *,
    owner: Person | None,
    writer: Person,
    addressee: Person | None,
    people: PeopleDirectory,
    third_party: Person | None = None,
) -> str:
    """Replace 'me'/'you'/'him' with first names so the task reads on its own."""

    def sub(pattern: str, repl: str, s: str) -> str:
        return re.sub(pattern, repl, s, flags=re.IGNORECASE)

    if owner is not writer:
        text = sub(r"\b(?:me|myself)\b", writer.first, text)
        text = sub(r"\bmy\b", f"{writer.first}'s", text)
    if addressee is not None and addressee is not owner:
        text = sub(r"\byou\b", addressee.first, text)
        text = sub(r"\byour\b", f"{addressee.first}'s", text)
    target = third_party
    if target is None and owner is not None and owner is not people.report:
        target = people.report
    if target is not None:
        name = target.first
        text = _HIM_HER.sub(lambda m: f"{name}'s" if _possessive(m) else name, text)
    # "the PM" -> "the PM (Priya Nair)": resolve roles written elsewhere in the notes.
    for alias, person in people.role_aliases():
        if len(alias) < 2 or person.full.lower() in text.lower() or person.first in text:
            continue
        m = re.search(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", text, re.IGNORECASE)
        if m and (alias.isupper() or len(alias) <= 4 or alias.count(" ") >= 1):
            text = text[: m.end()] + f" ({person.full})" + text[m.end() :]
            break
    return text


_OBJECT_FOLLOWERS = frozenset(
    "the a an this that these those some any it to about on in with for and by at up out over "
    "back down know my our your his their".split()
)


_GIVING_VERBS = frozenset(
    "give get send show tell buy offer pay lend hand bring email owe grant find book pass".split()
)


def _possessive(m: re.Match[str]) -> bool:
    """'her badge' (possessive) vs 'send her the deck' / 'ask her' (object)."""
    if m.group(0).lower() != "her":
        return False
    prev = re.search(r"(\w+)\s+$", m.string[: m.start()])
    if prev and base_verb(prev.group(1)) in _GIVING_VERBS:
        return False  # "give her feedback", "get her access"
    nxt = re.match(r"\s+([\w$]+)", m.string[m.end() :])
    return bool(nxt) and nxt.group(1).lower() not in _OBJECT_FOLLOWERS  # type: ignore[union-attr]


# "..., tell him" / "and let her know": a note to the writer, not part of the shared task.
_TELL_BACK = re.compile(
    r"(?:,\s*|\s+and\s+|\s*[-–—;]\s*)(?:then\s+)?(?:tell|let|ping|update|inform)\s+"
    r"(?:him|her|me|them)(?:\s+know)?\s*[.!]?\s*$",
    re.IGNORECASE,
)


def drop_tell_back(text: str) -> str:
    """'write up the runbook, tell him' -> 'write up the runbook' (a note to the writer)."""
    return _TELL_BACK.sub("", text)


_INTRANSITIVE = frozenset(
    "talk speak chat meet reach reply respond listen go come report check follow work look focus "
    "think start begin continue keep wait deal plan experiment coordinate sync pair circle".split()
)
_VERB_GROUP = re.compile(r"^((?:[\p{L}-]+)(?:\s*(?:\+|&|,|\band\b|/)\s*[\p{L}-]+)*)(?=\s|$)(.*)$")
_PREP_START = re.compile(r"^\s*(?:to|for|with|by|on|in|at|before|after|from|into|via)\b", re.I)


def with_object(task: str, topic: str) -> str:
    """A bare verb group takes the topic it sits under as its object: 'finish + send to finance'
    under 'Budget deck' -> 'finish and send the budget deck to finance'."""
    m = _VERB_GROUP.match(task.strip())
    if not m:
        return task
    verbs = re.split(r"\s*(?:\+|&|,|\band\b|/)\s*", m.group(1))
    rest = m.group(2)
    if not all(is_task_verb(base_verb(v)) for v in verbs if v) or not (
        not rest.strip() or _PREP_START.match(rest)
    ):
        return task
    if rest.strip() and base_verb(verbs[-1]) in _INTRANSITIVE:
        return task  # "work on the catalog", "talk to Ana": nothing is missing
    obj = topic.strip().rstrip(":").strip()
    if not obj:
        return task
    low = obj if obj[1:2].isupper() else obj[:1].lower() + obj[1:]
    det = "" if re.match(r"(?:the|a|an|our|his|her|their|my|your)\s", low, re.I) else "the "
    joined = " and ".join(v for v in verbs if v)
    return f"{joined} {det}{low}{rest}".strip()


def tidy(text: str) -> str:
    """Strip fillers, reasons, a trailing "tell him" and stray punctuation; capitalise."""
    text = _TELL_BACK.sub("", expand_shorthand(_TIMESTAMP.sub("", text)))
    text = _TRAILING_REASON.sub("", text)
    text = _LEADING_FILLER.sub("", text.strip())
    text = _WHITESPACE.sub(" ", text).strip(" ,;:.-–—!?\"'。，、；：！？・")
    text = _EMPTY_PARENS.sub("", text).strip()
    if text.count("(") > text.count(")"):
        text = text[: text.rfind("(")].rstrip(" ,")
    return text[:1].upper() + text[1:] if text else text


def imperative(predicate: str, leading_verb: str | None = None) -> str:
    """Make the predicate start with a base-form verb when we know it (taking -> take)."""
    predicate = predicate.strip()
    if leading_verb:
        return f"{base_verb(leading_verb)} {predicate}".strip()
    m = _HEAD_AND_REST.match(predicate)
    if not m:
        return predicate
    return base_verb(m.group(1)) + m.group(2) if not is_task_verb(m.group(1)) else predicate


def with_context(task: str, context: str) -> str:
    """Fill in what a pronoun or bare verb refers to, from nearby text."""
    context = tidy(context)
    if not context:
        return task
    if not starts_with_verb(context) or len(context.split()) <= 3:
        filled = with_object(task, context)  # "Budget deck" is a thing here, not a verb
        if filled != task:
            return filled
    # Keep acronyms ("IEP notes") as written; lower-case an ordinary first word.
    # Keep acronyms ("IEP progress notes") as written; lower-case an ordinary first word.
    low = context if context[1:2].isupper() else context[0].lower() + context[1:]
    # "Send to the engineer" + "rebar drawings" -> "Send rebar drawings to the engineer"
    gap = _VERB_THEN_PREP.match(task)
    if gap and not starts_with_verb(low) and not has_pronoun_object(task):
        return f"{gap.group(1)} {low} {task[gap.end(1) :].strip()}"
    if starts_with_verb(low):
        verb = low.split()[0].lower()
        if verb in task.lower().split():
            return low  # "set it up and run it" + "run a DOE on cooling time"
        return f"{task} ({low})"
    # "present the numbers there" / "before then" + "the board meeting": say where or when.
    det = "" if re.match(r"(?:the|a|an|our|his|her|their|my|your)\s", low, re.I) else "the "
    if not starts_with_verb(low):
        there = re.sub(r"\bthere\b(?=\s*$|[,.;])", f"at {det}{low}", task, count=1)
        there = re.sub(r"\b(before|by|until) then\b", rf"\1 {det}{low}", there, count=1)
        if there != task:
            return there
    if len(task.split()) == 1 and not starts_with_verb(low):
        det = "" if re.match(r"(?:the|a|an|our|his|her|their|my|your)\s", low, re.I) else "the "
        return f"{task} {det}{low}"  # "Draft" + "family welcome letter"
    rest = _REST.search(task)
    if rest:
        det = "" if re.match(r"(?:the|a|an|our|his|her|their|my|your)\s", low, re.I) else "the "
        return task[: rest.end()] + f" of {det}{low}" + task[rest.end() :]
    # "set it up" + "the GL feed" -> "set up the GL feed"
    particle = _VERB_PRONOUN_PARTICLE.search(task)
    if particle:
        return task[: particle.start(1)] + f"{particle.group(2)} {low}" + task[particle.end() :]
    if _ONE.search(_QUALIFIED_ONE.sub("", task)):
        return _ONE.sub(f"one of {low}", task, count=1)
    replaced = _REPLACEABLE_PRONOUN.sub(low, task, count=1)
    if replaced != task:
        return replaced
    return f"{task}: {low}"
