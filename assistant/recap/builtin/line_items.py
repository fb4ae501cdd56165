"""An action item from a line the classifier picked but no rule read.

One general reading for every such line: an owner mark at the start (`[AK]`, `Ngozi to`,
`Tobias,`, `@tvrk:`) or the end (`(Anselm)`, `- TR`, `→ Kim`, `@orinmaddox`), else a person
heading or parent bullet above, else "I" (the writer), else the default owner; a topic label
(`Overleaf - make the proposal ...`, `Budget deck: finish + send`) gives the task its object;
the first verb is put in its base form (`Developing X` -> `Develop X`); the due date comes from
the line.
"""

from __future__ import annotations

import datetime as dt

import regex as re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.clauses import find_due, vetoed
from assistant.recap.builtin.completion import finish_task
from assistant.recap.builtin.context import SentenceContext, SubjectResolver
from assistant.recap.builtin.languages import LEADING_CUE, TODO_LABEL, cue, spaceless_lead
from assistant.recap.builtin.lexicon import TENTATIVE
from assistant.recap.builtin.people import PeopleDirectory, Person
from assistant.recap.builtin.segmentation import Sentence, handle_name

_WHO = r"[\p{Lu}\p{Lo}][\p{L}\p{M}.'’-]*(?:\s+[\p{Lu}\p{Lo}][\p{L}\p{M}.'’-]*)?"
_WHO_LIST = _WHO + r"(?:\s*(?:,|&|\+|/|\band\b)\s*" + _WHO + r")*"
# "[AK] Send X", "(Niccolò) X", "Ngozi to X", "Gethin and Marieke check X", "Tobias, see if X",
# "Nathaniel: identify X", "@tvrk: X"
_LEAD = re.compile(
    r"^\s*(?:[\[(](?P<br>[^\])]{1,40})[\])]\s*:?\s*|"
    r"@(?P<at>[\w.-]{2,})\s*[:,-]?\s+|"
    r"(?P<who>"
    + _WHO_LIST
    + r")\s*(?:(?P<sep>:|：|,|\s[-–—]|\s+to\b|\s+will\b|'ll\b)\s*|(?=\s+\p{Ll})))"
)
_TRAIL = re.compile(
    r"\s*(?:[\[(](?P<br>[^\])]{1,40})[\])]|@(?P<at>[\w.-]{2,})|"
    r"[-–—→]\s*(?P<who>" + _WHO + r"))\s*[.;]?\s*$"
)
# "Overleaf - Make X", "CoPR - fill out", "By thanksgiving: produce X", "Next step: X"
_TOPIC = re.compile(r"^\s*(?P<topic>[^:–—]{1,40}?)\s*(?::|\s[-–—]+)\s+(?P<rest>\S.*)$")
_FIRST_PERSON = re.compile(r"\b(?:I|I'll|I’ll|I'm|my|me)\b")
# What comes before the task: a label ("TODO:", "Next step is to"), a subject, a modal ("need
# to", "should", "plan to", "let's", "try to").
_FILLER = re.compile(
    r"^(?:(?:(?:todo|to do|action|ai|next steps?|next|task for this week|plan|i|we|also|still|"
    r"really)\s*(?:is to|are to|to|will|should|need to|needs to|have to|must|'ll|’ll|plan to)?"
    r"|(?:need|needs|have|has|plan|plans|try|want|wants)\s+to|should|must|let'?s|will)"
    r"\s*[:,-]?\s+)+",
    re.I,
)
_WE = re.compile(r"\b(?:we|we'll|we’ll|we're|we’re)\b", re.I)
_WORKING_ON = re.compile(r"^(?:working|work|worked)\s+on\s+(?=\p{Ll}+ing\b)", re.I)
_TEAM = re.compile(r"^(?:(?:the |dev |whole )?team|leads|all|everyone|group|both)\b", re.I)
_STATEMENT = re.compile(
    r"^\W*(?:it|it's|it’s|this|that|there|these|those|they|we|he|she|you)\b(?!\s+(?:will|'ll|to)\b)",
    re.I,
)
# "How to make the most of the last two days", "What to do about the release": a line that opens
# with a question word is a topic to discuss, even without its question mark.
# A question that is answered on the same line ("*What will I do?* Write the guide") is a label.
TOPIC_QUESTION = re.compile(r"^\W*(?:how|what|why|whether|which)\b(?![^?]*\?\W*\w)", re.I)
_GROUP = re.compile(r"^(?:team|leads|all|everyone|both|group|us|we|tbd)\b", re.I)


def _person(text: str, people: PeopleDirectory) -> Person | None:
    first = re.split(r"\s*(?:[,/&+;]|\band\b|\bto\b)\s*", text.strip())[0].strip(" .:-")
    if not first:
        return None
    if _TEAM.match(first):
        return people.chair
    if _GROUP.match(first):
        return people.default_owner
    return people.resolve(handle_name(first) if first[:1] == "@" else first, speaker=people.writer)


def owner_mark(text: str, people: PeopleDirectory) -> tuple[Person | None, str]:
    """The owner a line names at its start or end, and the line without that mark."""
    lead = spaceless_lead(text, lambda w: _person(w, people) is not None)  # "王伟负责…"
    if lead is not None:
        return _person(lead.who, people), text[lead.end :]
    who, colon, rest = text.partition("：")  # "Nguyễn Thị Hương：更新文档"
    if colon and len(who) <= 40:
        person = _person(who.strip(" -*•・"), people)
        if person is not None:
            return person, rest
    m = _LEAD.match(text)
    if m and m.group("who") and T.starts_with_verb(m.group("who")):
        m = None  # "Send Oskar the paper": a task that starts with a verb, not an owner
    if m:
        who = m.group("br") or m.group("who")
        person = _person(who, people) if who else None
        if m.group("at"):
            person = people.resolve(m.group("at"))
        if person is not None:
            return person, text[m.end() :]
    t = _TRAIL.search(text)
    if t:
        who = t.group("br") or t.group("who")
        person = _person(who, people) if who else None
        if t.group("at"):
            person = people.resolve(t.group("at"))
        if person is not None:
            return person, text[: t.start()]
    return None, text


def _task_and_topic(text: str) -> tuple[str, str | None]:
    """Split a leading topic label from the task when what follows reads as the task."""
    m = _TOPIC.match(text)
    if m and not re.search(r"https?:|\d:\d", m.group("topic")):
        rest = _FILLER.sub("", m.group("rest"))
        if T.starts_with_verb(T.expand_shorthand(rest)) or T.content_size(m.group("topic")) <= 1:
            return rest, m.group("topic").strip(" *_")
    return text, None


_QUERY_MARK = re.compile(r"^\W*\?\W*$")


def line_item(
    sentences: list[Sentence], i: int, people: PeopleDirectory, meeting: dt.date
) -> list[Candidate]:
    """The item a picked line states, with its owner, due date and a task that reads alone."""
    s = sentences[i]
    if s.text.rstrip("*_ ").endswith(":") or s.titles:
        return []  # "Lộc's proposal feedback:" / "Budget deck" titles the items below it
    if s.status == "done" or vetoed(s, s.text, "", "") or TENTATIVE.search(s.text):
        return []  # done, struck, cancelled, declined, a norm, a question or a maybe
    before = sentences[i - 1] if i > 0 else None
    if before is not None and before.line_index == s.line_index and _QUERY_MARK.match(before.text):
        return []  # "?? ask legal about X": the marks that open the line make it a question
    if _STATEMENT.match(s.text) or TOPIC_QUESTION.match(s.text):
        return []  # "It's a big change, so …" / "How to …": about things, not a task
    owner, rest = owner_mark(TODO_LABEL.sub("", s.text), people)
    flags: set[str] = set()
    # "Florian wird X hochladen", "王伟负责X": the cue word goes, the task stays as written.
    rest = LEADING_CUE.sub("", _FILLER.sub("", rest.strip()))
    rest, topic = _task_and_topic(rest)
    if owner is None and topic:
        owner, rest2 = owner_mark(rest, people)
        rest = rest2 if owner is not None else rest
    if owner is None and s.owner_heading:
        owner = _person(s.owner_heading, people)
    mine = cue("first_person").search(s.text) or cue("we").search(s.text)
    if owner is None and (_FIRST_PERSON.search(s.text) or _WE.search(s.text) or mine):
        owner = people.writer  # "we will write a script": the writer is one of "we"
    if owner is None:
        owner, flags = people.default_owner, {"owner_guessed"}
    start = s.start + max(0, s.text.find(rest[:20])) if rest else s.start
    due = find_due(rest, start, meeting)
    task = T.remove_dates(rest, start, due, meeting)
    task = _WORKING_ON.sub("", task.strip())
    task = T.imperative(task)
    # The object of a fragment: its own topic label, else the parent bullet, else a heading
    # that names a thing ("Budget deck:" over "- finish + send to finance Thu").
    for source in (topic, s.topic):
        if source and T.content_size(source) >= 1 and len(source.split()) <= 6:
            filled = T.with_object(task, source)
            if filled != task:
                task = filled
                break
    else:
        if topic and topic.lower() not in task.lower() and T.content_size(topic) >= 1:
            task = f"{task} ({topic})" if T.content_size(task) >= 3 else f"{task} {topic}"
    prev = sentences[i - 1] if i > 0 else None
    ctx = SentenceContext(
        people,
        SubjectResolver(people),
        meeting,
        None,
        people.reader,
        previous_in_line=prev.text if prev and prev.line_index == s.line_index else None,
        previous_sentence=prev.text if prev else None,
    )
    cand = Candidate(
        task,
        owner,
        owner.first,
        due,
        [(s.start, s.end)],
        s.start,
        0.6,
        flags,
    )
    finish_task(cand, ctx, None)
    return [cand] if T.content_size(cand.task) >= 2 else []
