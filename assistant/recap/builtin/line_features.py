"""Cheap features of one sentence for the learned line classifier (`line_model.py`).

Each sentence gets a list of feature names: its layout (bullet, checkbox, table row, depth,
the kind and status of the section it sits in, the words of its heading), its wording (does it
start with a task verb, a name and "to", a bracketed mark; modal verbs, first person, a due
date, a question or a "maybe", past-tense or done cues, length), what the rules made of it and
of its sibling bullets. (Stems of every word and the leading word pair were tried as well: under
leave-one-source-out they changed nothing, so they are left out.) Names never become features:
a person is a "<person>" feature, so a model trained on some people's notes reads anyone's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import regex as re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.dates import find_dues
from assistant.recap.builtin.languages import (
    OWNER_CUE,
    EitherCue,
    cue,
    foreign_note,
    infinitive_task,
    spaceless_lead,
    word_count,
)
from assistant.recap.builtin.languages import (
    spaceless as has_spaceless,
)
from assistant.recap.builtin.lexicon import DONE_CUE, NORM_CUE, TENTATIVE
from assistant.recap.builtin.outline import NUMBERED
from assistant.recap.builtin.people import PeopleDirectory
from assistant.recap.builtin.segmentation import Sentence

_WORD = re.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’-]*|\d+")
_NAME_LEAD = re.compile(
    r"^\W{0,3}(?P<who>[\p{Lu}\p{Lo}][\p{L}\p{M}.'’-]*(?:\s*(?:,|&|\+|/|and)\s*"
    r"[\p{Lu}\p{Lo}][\p{L}\p{M}.'’-]*){0,3})\s*(?P<sep>to\s|will\s|'ll\s|:|：|-\s|–\s|—\s|\)|"
    + OWNER_CUE
    + r"\s)"
)
_BRACKET_LEAD = re.compile(r"^\s*[\[(][\p{Lu}\p{Lo}]{1,4}(?:\s*[,/&]\s*[\p{Lu}\p{Lo}]{1,4})*[\])]")
_PAREN_END = re.compile(r"\((?:[^()]{0,40})\)\W*$")
_HANDLE = re.compile(r"(?:^|\s)@[\w.-]{2,}")
_URL = re.compile(r"https?://|www\.|\]\(")
_MODALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("m:will", re.compile(r"\b(?:will|'ll|’ll|shall|gonna|going to)\b", re.I)),
    ("m:to", re.compile(r"^\W*[\p{L}][\p{L}\p{M}.'’-]*(?:\s+(?:and|&)\s+\S+)?\s+to\s+\p{Ll}")),
    ("m:need", re.compile(r"\b(?:needs? to|has to|have to|must|should|ought to)\b", re.I)),
    ("m:plan", re.compile(r"\b(?:plan(?:s|ning)? to|intend|aim(?:s|ing)? to|next step)", re.I)),
    ("m:lets", re.compile(r"\blet'?s\b|\blet us\b", re.I)),
    ("m:todo", re.compile(r"\b(?:todo|to-do|action|ai|assigned|owner)\b", re.I)),
    ("m:please", re.compile(r"\b(?:please|kindly)\b", re.I)),
    ("m:can", re.compile(r"\b(?:can|could|would)\b", re.I)),
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I'll|I’ll|my|me)\b")
_WE = re.compile(r"\b(?:we|we'll|our|us)\b", re.I)
_PAST = re.compile(
    r"\b(?:was|were|did|had|has been|have been|already|finished|completed|done|fixed|merged|"
    r"released|discussed|presented|talked|reported|mentioned|explained|showed|agreed)\b",
    re.I,
)
_PROGRESS = re.compile(r"\b(?:working on|in progress|ongoing|on-going|continu\w+|still)\b", re.I)
_DATED = re.compile(
    r"\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.I,
)
_NEGATION = re.compile(r"\b(?:not|no|never|n't|cannot|won't)\b", re.I)
# Every wording cue a sentence may carry, as (feature, pattern), in the order they are listed.
_CUES: tuple[tuple[str, re.Pattern[str] | EitherCue], ...] = (
    *_MODALS,
    ("first_person", _FIRST_PERSON),
    ("we", _WE),
    ("past", _PAST),
    ("progress", _PROGRESS),
    ("negation", _NEGATION),
    ("done_cue", DONE_CUE),
    ("norm_cue", NORM_CUE),
    ("tentative", TENTATIVE),
)
# The same notions in other languages (`languages.py`): a German "wird" fires "m:will" as
# "will" does, so what the model learned on English notes carries over.
_FOREIGN_CUES: tuple[tuple[str, str], ...] = (
    ("m:will", "will"),
    ("m:will", "does"),
    ("m:need", "need"),
    ("m:todo", "todo"),
    ("m:please", "please"),
    ("first_person", "first_person"),
    ("we", "we"),
    ("past", "past"),
    ("progress", "progress"),
    ("negation", "negation"),
)


def _sep_kind(sep: str) -> str:
    """What links a leading name to its task, as the English word ("wird" -> will)."""
    if sep == "：":
        return ":"
    if cue("will").fullmatch(sep):
        return "will"
    return "to" if cue("need").fullmatch(sep) else sep


def _cues(text: str) -> list[str]:
    fired = {name for name, pattern in _CUES if pattern.search(text)}
    fired |= {name for name, notion in _FOREIGN_CUES if cue(notion).search(text)}
    return [name for name, _ in _CUES if name in fired]


def _stem(word: str) -> str:
    w = word.lower()
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def _bucket(n: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _first_word_features(prefix: str, text: str, people: PeopleDirectory) -> list[str]:
    words = _WORD.findall(text[:80])
    if not words:
        return [prefix + "none"]
    w = words[0]
    low = w.lower()
    if (
        (w[:1].isupper() or not w[:1].isascii())
        and low not in ("i", "me", "my")
        and (people.resolve(w) is not None)
    ):
        return [prefix + "w:<person>"]
    out = [f"{prefix}w:{low}"] if len(low) > 1 else []
    base = T.base_verb(T.expand_shorthand(low).split()[0]) if low else low
    if T.is_task_verb(low):
        out.append(prefix + "verb")
    elif T.is_task_verb(base):
        out.append(
            prefix + ("ing" if low.endswith("ing") else "ed" if low.endswith("ed") else "vform")
        )
    elif low.endswith("ing"):
        out.append(prefix + "ing_other")
    elif low.endswith("ed"):
        out.append(prefix + "ed_other")
    if w[:1].isupper():
        out.append(prefix + "cap")
    return out


def sentence_features(
    sentences: Sequence[Sentence],
    people: PeopleDirectory,
    meeting: dt.date,
    rule_cands: Sequence[Sequence[Candidate]],
) -> list[list[str]]:
    """Feature names for every sentence (same order as `sentences`)."""
    n = len(sentences)
    # Sibling bullets: the same section, depth and parent. What the rules found among them and
    # how many of them start with a verb says what kind of list this is.
    groups: dict[tuple[str, int, int | None, bool], list[int]] = {}
    verb_first: list[bool] = []
    # In notes of other languages a to-do is an infinitive, first or last (`languages.py`).
    foreign = foreign_note("\n".join(s.text for s in sentences[:300]))
    for i, s in enumerate(sentences):
        task = _strip_label(s.text)
        verb_first.append(
            T.starts_with_verb(T.expand_shorthand(task)) or (foreign and infinitive_task(task))
        )
        if s.first_in_line and (s.bullet or s.row):
            groups.setdefault((s.section, s.depth, s.parent, s.row), []).append(i)
    sibling_of: dict[int, list[int]] = {i: g for g in groups.values() for i in g}
    totals = {
        id(g): (sum(1 for j in g if rule_cands[j]), sum(1 for j in g if verb_first[j]))
        for g in groups.values()
    }
    parents = {s.parent for s in sentences if s.parent is not None}
    out: list[list[str]] = []
    for i, s in enumerate(sentences):
        f = ["bias"]
        text = s.text
        if s.row:
            f.append("row")
        elif s.bullet:
            f.append("bullet")
            if NUMBERED.match(s.line_text):
                f.append("numbered")
        else:
            f.append("prose")
        if s.checkbox:
            f.append("cb:" + s.checkbox)
        if s.struck:
            f.append("struck")
        f.append("depth:" + _bucket(s.depth, (0, 2, 4)))
        f.append("sec:" + (s.section_kind or "none"))
        if s.status:
            f.append("status:" + s.status)
        if s.speaker:
            f.append("speaker")
        for w in _WORD.findall(s.section)[:6]:
            named = (w[:1].isupper() or not w[:1].isascii()) and people.resolve(w) is not None
            f.append("h:<person>" if named else "h:<num>" if w.isdigit() else "h:" + _stem(w))
        if _DATED.search(s.section):
            f.append("h:<date>")  # "## 27/11/2022", "June 20, 2019": a dated entry of a log
        if not s.section:
            f.append("h:none")
        f.append("first" if s.first_in_line else "later")
        if s.line_index in parents:
            f.append("has_children")
        f.append("pos:" + _bucket(int(4 * i / max(1, n)), (0, 1, 2, 3)))
        if s.owner_heading and people.resolve(s.owner_heading.split(",")[0].strip()):
            f.append("owner_heading")
        # Wording.
        lead = _NAME_LEAD.match(text)
        if lead and _is_person(lead.group("who"), people):
            sep = lead.group("sep").strip()
            f.append("name_lead:" + _sep_kind(sep))
        else:
            spaceless = spaceless_lead(text, lambda w: _is_person(w, people))  # "王伟负责…"
            if spaceless is not None:
                rest = text[spaceless.end :]
                said = cue("will").match(rest) or cue("need").match(rest)
                f.append("name_lead:" + (":" if spaceless.colon else "will" if said else "-"))
        if _BRACKET_LEAD.match(text):
            f.append("bracket_lead")
        if _PAREN_END.search(text):
            paren = _PAREN_END.search(text)
            inner = paren.group(0).strip("()\\W ") if paren else ""
            f.append("paren_end_person" if _is_person(inner, people) else "paren_end")
        if _HANDLE.search(text):
            f.append("handle")
        if _URL.search(text):
            f.append("url")
        f += _first_word_features("", text, people)
        if foreign and verb_first[i] and "verb" not in f and "lverb" not in f:
            f.append("verb")
        stripped = _strip_label(text)
        if stripped != text:
            f.append("label")
            f += _first_word_features("l", stripped, people)
        f += _cues(text)
        if "?" in text or "？" in text:
            f.append("question")
        dues = find_dues(text, meeting)
        if any(not d.vague for d in dues):
            f.append("due")
        elif dues:
            f.append("due_vague")
        # Chinese and Japanese count about two characters a word (`languages.word_count`).
        n_words = word_count(text) if has_spaceless(text) else len(_WORD.findall(text))
        f.append("len:" + _bucket(n_words, (2, 4, 8, 14, 24, 40)))
        if text.endswith("."):
            f.append("full_stop")
        if text.endswith(":"):
            f.append("colon_end")
        # What the rules found here and among the siblings.
        found = rule_cands[i]
        if found:
            f.append("rule")
            best = max(c.confidence for c in found)
            f.append("rule_conf:" + _bucket(int(best * 10), (5, 6, 7, 8, 9)))
            if any("owner_guessed" in c.flags for c in found):
                f.append("rule_guessed")
        group = sibling_of.get(i)
        if group is not None and len(group) > 1:
            # Shares among the other siblings, from per-group totals (linear in list length).
            me_rule, me_verb = (1 if found else 0), (1 if verb_first[i] else 0)
            n_rule, n_verb = totals[id(group)]
            others = len(group) - 1
            share = (n_rule - me_rule) / others
            f.append("sib_rule:" + _bucket(int(share * 4), (0, 1, 2, 3)))
            vshare = (n_verb - me_verb) / others
            f.append("sib_verb:" + _bucket(int(vshare * 4), (0, 1, 2, 3)))
        else:
            f.append("no_sibs")
        # Rule-read lines and the rest are two different questions (keep it? / add it?): the
        # layout and wording features get a second copy for rule-read lines.
        if found:
            f += ["R" + x for x in f if not x.startswith(("h:", "rule"))]
        out.append(f)
    return out


_LABEL = re.compile(
    r"^\s*(?:[\[(][^\])]{1,30}[\])]\s*:?\s*|"
    r"[\p{L}\p{M}][\p{L}\p{M}0-9 .&/'’-]{0,30}?\s*(?::|\s[-–—]+)\s+|"
    r"@[\w.-]+\s*:?\s*)"
)


def _strip_label(text: str) -> str:
    """'[AK] Send X', 'Overleaf - Make X', 'Ngozi: do X', '@tvrk: X' -> the part after."""
    m = _LABEL.match(text)
    return text[m.end() :] if m and m.end() < len(text) else text


def _is_person(text: str, people: PeopleDirectory) -> bool:
    first = re.split(r"\s*(?:,|&|\+|/|\band\b)\s*", text.strip())[0].strip(" .")
    return bool(first) and people.resolve(first) is not None
