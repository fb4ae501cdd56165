"""Commitments read from the cues of other languages: the English commitment rules need English
words ("Dana will send"), so a line that states a commitment with a cue of another language
(`languages.py`) is read by the general line reading (`line_items.line_item`) instead.

A line counts when a known person leads it with a commitment cue or a colon ("Florian wird …",
"王伟负责…", "李娜：…", "Ana se encarga de …"), or when the writer or "we" commit with such a cue
("Ich werde …", "Nous devons …", "我们需要…"). The line classifier still has its say on every
item, as on the English rules' items.
"""

from __future__ import annotations

import datetime as dt

import regex as re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.clauses import find_due
from assistant.recap.builtin.dates import find_dues
from assistant.recap.builtin.languages import AGENT, FUTURE_VERB, OWNER_CUE, cue, spaceless_lead
from assistant.recap.builtin.lexicon import DONE_CUE, TENTATIVE
from assistant.recap.builtin.line_items import line_item
from assistant.recap.builtin.people import PeopleDirectory
from assistant.recap.builtin.segmentation import Sentence

# A name (any script, one to three words) and then a cue of another language.
_NAME_CUE = re.compile(
    r"^\W{0,3}(?P<who>[\p{Lu}\p{Lo}][\p{L}\p{M}.'’-]*(?:\s+[\p{Lu}\p{Lo}][\p{L}\p{M}.'’-]*){0,2})"
    r"(?:\s*：|\s+(?:" + OWNER_CUE + "|" + FUTURE_VERB + "))"  # "Zoë：…", "Ana va a …"
)
_CLAUSE_END = re.compile(r"[，。；！？,;]")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # a Markdown link: its text
_SELF_CUE = re.compile(r"^\W{0,3}(?:\S+\s+){0,1}" + OWNER_CUE)


def _commits(s: Sentence, people: PeopleDirectory, meeting: dt.date) -> bool:
    text = s.text
    lead = spaceless_lead(text, lambda w: people.resolve(w) is not None)
    if lead is not None:
        # "李娜：准备报告", "王伟负责…", "王伟下周五前提交…" in a list of actions.
        rest = text[lead.end :]
        said = cue("will").search(rest) or cue("does").search(rest) or cue("need").search(rest)
        return (
            lead.colon or bool(said) or s.section_kind == "action" or bool(find_dues(rest, meeting))
        )
    named = _NAME_CUE.match(text)
    if named and people.resolve(named.group("who").split()[0]) is not None:
        return True
    # "Ich werde X", "Wir müssen X", "我们需要X"
    return bool(cue("first_person").search(text) or cue("we").search(text)) and bool(
        _SELF_CUE.match(text)
    )


def _agent_item(s: Sentence, people: PeopleDirectory, meeting: dt.date) -> list[Candidate]:
    """ "X 由 A 负责" / "由 A 协调跟进 X" (Chinese: X is taken on by A): A owns X. The task is what
    follows the cue, or (when little follows) the cue verb and the clause before "由"."""
    m = AGENT.search(s.text)
    if m is None:
        return []
    owner = people.resolve(m.group("who"))
    if owner is None:
        return []
    clauses = [c for c in _CLAUSE_END.split(_LINK.sub(r"\1", s.text[: m.start()])) if c.strip()]
    before = clauses[-1].strip(" -*•・") if clauses else ""
    after = _LINK.sub(r"\1", _CLAUSE_END.split(s.text[m.end() :])[0]).strip()
    verb = "" if m.group("cue") == "负责" else m.group("cue")
    body = after if len(after) >= 6 or not before else f"{before}{after}"
    due = find_due(body, s.start, meeting)
    task = T.tidy(T.remove_dates(verb + body, s.start, due, meeting))
    if len(task) < 2 or DONE_CUE.search(s.text) or TENTATIVE.search(s.text):
        return []
    return [Candidate(task, owner, owner.first, due, [(s.start, s.end)], s.start, 0.6, set())]


def cue_items(
    sentences: list[Sentence], i: int, people: PeopleDirectory, meeting: dt.date
) -> list[Candidate]:
    """Items of sentence `i` when it commits with another language's cue."""
    agent = _agent_item(sentences[i], people, meeting)
    if agent:
        return agent
    if not _commits(sentences[i], people, meeting):
        return []
    return line_item(sentences, i, people, meeting)
