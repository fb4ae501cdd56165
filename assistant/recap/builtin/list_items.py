"""Action items written as list entries rather than sentences.

'AI: JS -> send deck Fri', '[ ] Maria: roadmap by EOM', 'TODO(me) intro to Priya', '- Tina: write
up report today', '1. Finish the narrative (Kwame) - by Monday', 'ACTION: update sheet - TR -
6/30', 'draft FAQ → KA, Thu', bullets under a person's name, and passive forms like 'repair to be
scheduled by Tom' or 'Training: needs booking (Tom)'.
"""

from __future__ import annotations

from dataclasses import replace

import regex as re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.clauses import Clause, find_due, vetoed
from assistant.recap.builtin.completion import finish_task
from assistant.recap.builtin.context import SentenceContext
from assistant.recap.builtin.lexicon import CANCEL_CUE, DONE_CUE, NORM_CUE, TENTATIVE
from assistant.recap.builtin.people import Person
from assistant.recap.builtin.segmentation import Sentence, handle_name

# A written name: up to four capitalised words with particles ("Ciarán Ó Dálaigh-Ross").
_NAME = (
    r"[\p{Lu}\p{Lo}][\w.'’-]*(?:\s+(?:(?:van|der|de|del|la|von|da|di|du|le|Ó|Ní)\s+)*"
    r"[\p{Lu}\p{Lo}][\w.'’-]*){0,3}"
)
# "AI: JS -> task", "TODO(me) task", "[ ] Maria: task", "- Tina: task", "me: task"
LABELLED = re.compile(
    r"(?:^|(?<=[.;]\s))"
    r"(?:(?:AI|(?i:action)(?: item)?|TODO|To ?do|Owner)\s*[:(\[]\s*|\[(?=[^\]]+\]))?"
    r"(?P<who>me|I|" + _NAME + r"(?:\s*(?:&|\+|,|/|and)\s*" + _NAME + r")*(?:\s*\([^)]*\))?|"
    r"[\p{Ll}\p{M}]+|[\p{Lu}\p{Lo}]{2,3}(?:/[\p{Lu}\p{Lo}]{2,3})*)"
    r"\s*(?:\)\s*:|\]\s*:|\)|\]|->|→|=>|:|–|—|-(?=\s))\s*(?P<task>\S.*)$"
)
# "Note to self: send the doc Friday", "Remind me to book the review" - the writer's own tasks.
SELF_NOTE = re.compile(
    r"^(?:note to self|memo to self|reminder|remind me to|for me|self)\s*[:\-–]?\s*(?P<task>\S.*)$",
    re.IGNORECASE,
)

_TRAILING_OWNER = re.compile(
    r"\(\s*(?:owner|who)\s*[:=]\s*(?P<kvp>me|[\p{Lu}\p{Lo}][\w.'-]*(?:\s+[\p{Lu}\p{Lo}][\w.'-]*)?)[^)]*\)|"
    r"\((?P<who>me|I|(?i:(?:dev |whole |the )team)|" + _NAME + r")"
    r"(?:\s*(?:[,/&+]|\band\b|\bto\b)\s*(?P<due>[^)]*))?\)|"
    r"(?:^|\s)@(?P<at>[\p{L}][\w.-]*)|\b(?i:owner|who|responsible|assignee)\s*[:=]\s*(?P<kv>[\p{Lu}\p{Lo}][\w'-]*(?:\s+[\p{Lu}\p{Lo}][\w'-]*|\s[\p{Lu}\p{Lo}]\.)?)"
    r"|[-–—]\s*(?P<dash>me|" + _NAME + r"|[\p{Lu}\p{Lo}]{2,3})\s*(?:[-–—(\[]|$)"
    r"|(?:→|->|=>)\s*(?P<arrow>me|[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+(?:\s+[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)?|[\p{Lu}\p{Lo}]{2,3})\b"
)

_AT_OWNER = re.compile(r"^@(?P<who>[\p{L}][\w.-]*)\s*[:,-]?\s+(?P<task>[\p{Ll}\p{M}]\S*.*)$")
_OWNER_MARK = re.compile(
    r"(?:→|->|=>)\s*(?:me|[\p{Lu}\p{Lo}])|\s[-–—]\s*(?:[\p{Lu}\p{Lo}]{2,3}|me)\s*(?:[-–—]|$)|"
    r"\b(?i:owner|responsible|assignee)\s*[:=]|"
    r"\((?:me|[\p{Lu}\p{Lo}][\p{L}\p{M}'’-]+|[\p{Lu}\p{Lo}]{2,3})(?:\s*(?:[,/&+]|\band\b|\bto\b)[^)]*)?\)\s*\.?\s*$"
)

_BARE_END = re.compile(r"\s*(?:[.;,|)]|$)")
_OWNER_KEY = re.compile(r"\b(?:owner|assignee|responsible)\s*[:=]\s*[\p{L}]", re.I)

_ACTION_PREFIX = re.compile(
    r"^(?:(?:AI|ACTION(?:\s+ITEM)?|TODO|TO ?DO|NEXT(?:\s+STEPS?)?(?:\s+is\s+to)?)"
    r"(?:\s+(?:in|by|on|for)\s+[^:]{1,20}?)?\s*[:\-–]\s*|"
    r"(?:\(action\)|\[action\])\s*|"
    r"(?:we\s+)?(?:still\s+|also\s+)?(?:need|needs|have)\s+to\s+(?=\w)|"
    r"try\s+to\s+(?=\w))",
    re.I,
)
_TENTATIVE_START = re.compile(r"^\W*(?:\?\?|maybe\b|perhaps\b|possibly\b)", re.I)
# Groups that own nothing by themselves: the chair (or the writer) takes the item.
_TEAM = re.compile(r"^(?:(?:the |dev |whole )?team|leads|all|everyone|group|both)\b", re.I)
_GROUP = re.compile(r"^(?:team|leads|dev team|all|everyone|both|group|us|we|tbd)\b", re.I)

_PASSIVE_BY = re.compile(
    r"^(?P<np>[^,;:]+?)\s+(?:to be|will be|is to be|needs to be|should be|must be)\s+"
    r"(?P<verb>[\p{Ll}\p{M}]+(?:ed|en)|sent|built|done|set up|run)\s+by\s+"
    r"(?P<who>me|[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+(?:\s[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)?|[\p{Lu}\p{Lo}]{2,3})\b(?P<rest>.*)$"
)

# A past participle; "need", "seed", "speed" only look like one.
_PARTICIPLE = (
    r"(?!(?:ne|se|fe|spe|ble|bre|fre|procee|exc)ed\b)[\p{Ll}\p{M}]{3,}ed|"
    r"sent|built|done|set up|run|made|written|paid|bought|given|taken|chosen|held|shared|kept"
)
# "- team charter: to be finalized and signed", "venue booking still to be confirmed": the
# thing first (a short noun phrase, no clause), then what is to be done with it.
_TO_BE_DONE = re.compile(
    r"^(?P<np>(?:(?!\b(?:that|which|who|we|they|it|is|are|was|were|need|needs)\b)[^,;:]){3,50}?)"
    r"(?<!\b(?:appears?|seems?|continues?|likely|going|ha[sd]|have|ought|used|happy|wants?))"
    r"\s*:?\s+(?:still |yet )?(?:to be|needs to be|is to be)\s+"
    r"(?P<verb>" + _PARTICIPLE + r")(?:\s+and\s+(?P<verb2>" + _PARTICIPLE + r"))?\b"
    r"(?P<rest>(?!\s+by\b).*)$"
)
_NEEDS_DOING = re.compile(
    r"^(?P<np>[^:;]+?):?\s+needs?\s+(?P<verb>[\p{Ll}\p{M}]+ing)\b(?P<rest>[^()]*?)\s*"
    r"\((?P<who>me|[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+(?:\s[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)?|[\p{Lu}\p{Lo}]{2,3})\)(?P<tail>.*)$"
)


_EXPLICIT_ACTION_PREFIX = re.compile(r"(?:AI|Action|TODO|To ?do|Owner)\b", re.I)

_TOPIC_LABEL = re.compile(r"^(?P<topic>[^:–—]{2,40}?)\s*(?::|\s[-–—]+)\s+(?P<rest>\S.*)$")
_PAREN_ASIDE = re.compile(r"\s*\([^)]*\)")


def handle_item(sentence: Sentence, ctx: SentenceContext) -> list[Candidate]:
    """'- [ ] @mateus write the launch note (Mon)': a task assigned with a chat handle."""
    m = _AT_OWNER.match(sentence.text)
    if m is None or ctx.speaker is not None or not T.starts_with_verb(m.group("task")):
        return []
    if sentence.checkbox == "done" or sentence.struck or DONE_CUE.search(m.group("task")):
        return []
    who = handle_name("@" + m.group("who"))
    if ctx.people.resolve(who) is None:
        return []
    return _make_item(sentence, ctx, who, m.group("task"), sentence.start + m.start("task"))


def labelled_item(sentence: Sentence, ctx: SentenceContext) -> list[Candidate]:
    """'AI: JS -> task', '[ ] Maria: task', 'TODO(me) task', '- Tina: task', 'me: task'."""
    note = SELF_NOTE.match(sentence.text)
    if note and T.starts_with_verb(note.group("task")) and ctx.speaker is None:
        return _make_item(
            sentence, ctx, "me", note.group("task"), sentence.start + note.start("task")
        )
    m = LABELLED.search(sentence.text)
    if not m:
        return []
    who = _PAREN_ASIDE.sub("", m.group("who")).strip()
    who = re.split(r"\s*(?:&|\+|,|/|\band\b)\s*", who)[0] or who
    task_text = m.group("task")
    in_actions = sentence.section_kind == "action" or sentence.checkbox is not None
    explicit = bool(_EXPLICIT_ACTION_PREFIX.match(m.group(0)))
    if ctx.speaker is not None and not explicit:
        return []
    if m.start() > 0 and who.lower() not in ("me", "i"):
        return []
    owner, _ = ctx.resolver.resolve(
        who, speaker=ctx.speaker, addressee=ctx.addressee, named_before=None
    )
    if owner is None:
        return []
    if not (in_actions or explicit or T.starts_with_verb(T.expand_shorthand(task_text))):
        return []
    if sentence.checkbox == "done" or sentence.struck or sentence.section_kind == "negative":
        return []
    if DONE_CUE.search(task_text) or CANCEL_CUE.search(task_text) or NORM_CUE.search(task_text):
        return []
    if TENTATIVE.search(task_text) or _TENTATIVE_START.match(sentence.line_text):
        return []  # a question or a maybe is a follow-up
    return _make_item(sentence, ctx, who, task_text, sentence.start + m.start("task"))


def _make_item(
    sentence: Sentence, ctx: SentenceContext, who: str, task_text: str, task_start: int
) -> list[Candidate]:
    owner, flags = ctx.resolver.resolve(
        who, speaker=ctx.speaker, addressee=ctx.addressee, named_before=None
    )
    if owner is None:
        return []
    due = find_due(task_text, task_start, ctx.meeting)
    cand = Candidate(
        task=T.remove_dates(task_text, task_start, due, ctx.meeting),
        owner=owner,
        owner_text=who,
        due=due,
        spans=[(sentence.start, sentence.end)],
        order=sentence.start,
        confidence=0.9,
        flags=set(flags),
    )
    finish_task(cand, ctx, None)
    return [cand]


def action_bullet(sentence: Sentence, ctx: SentenceContext) -> list[Candidate]:
    """A verb-first action bullet: '1. Finish the narrative (Kwame) - by Mon' under an action
    heading, or 'ACTION: update pricing sheet - TR - 6/30' anywhere."""
    prefix = _ACTION_PREFIX.match(sentence.text)
    span = (sentence.start, sentence.end)  # the evidence: the whole line, labels included
    # Bullets grouped under a person's name ("Liam" / "- send the plan Thu") are theirs.
    heading = sentence.owner_heading or (
        sentence.section if len(sentence.section.split()) <= 3 else None
    )
    heading_owner = _heading_person(heading, ctx) if heading else None
    # An open checkbox ("- [ ] Background section") is a to-do wherever it stands.
    todo = sentence.checkbox == "open" and sentence.section_kind not in ("negative", "followup")
    in_actions = (
        sentence.section_kind == "action" or prefix is not None or heading_owner is not None or todo
    )
    if ctx.speaker is not None or not (in_actions or sentence.bullet):
        return []
    # Outside an action list, a bullet still counts when it names its owner: "draft FAQ → KA".
    # "2) Curriculum map. Responsible: Colin. Target date: 8/28": keys may follow on the line.
    at = sentence.line_text.find(sentence.text)
    rest = sentence.line_text[at + len(sentence.text) :] if at >= 0 else ""
    marked = sentence.bullet and _OWNER_MARK.search(sentence.text + rest) is not None
    # A later sentence on the line counts when it names its own owner: "Pyxis overrides up
    # 12%. pull override report by unit (Victor)".
    own_mark = _OWNER_MARK.search(sentence.text) is not None
    # So does one under a person ("- Minh: Reproduce X. Add Y to the README.").
    first = sentence.first_in_line or (
        (own_mark or heading_owner is not None) and T.starts_with_verb(sentence.text)
    )
    if not (in_actions or marked) or not first or ctx.speaker is not None or sentence.titles:
        return []  # a short bullet over deeper ones ("Budget deck") titles them
    if prefix:
        sentence = replace(
            sentence, text=sentence.text[prefix.end() :], start=sentence.start + prefix.end()
        )
    text = sentence.text
    label = sentence.topic
    # "Allergen validation: complete + file by Fri": a topic label, then the task about it.
    topic = _TOPIC_LABEL.match(text)
    named = topic is not None and _who(topic.group("topic"), ctx) is not None
    if topic and not named and T.starts_with_verb(topic.group("rest")):
        label, text = topic.group("topic"), topic.group("rest")
        sentence = replace(sentence, text=text, start=sentence.start + topic.start("rest"))
    # "Concrete test results from lab — owner: Gus Petrov, due Oct 12": a keyed owner makes a
    # noun phrase a deliverable.
    scan = text + rest
    keyed = _OWNER_KEY.search(scan)
    verb_first = T.starts_with_verb(T.expand_shorthand(text))
    # "Planning discussion about tech needs (Ximena)" in an action list: a named owner makes a
    # noun phrase a deliverable, as an "owner:" key does.
    named = in_actions and _named_at_end(text, ctx)
    if not (verb_first or todo or named or (keyed and keyed.start() > 0)):
        return []
    if sentence.checkbox == "done" or sentence.struck or DONE_CUE.search(text):
        return []
    if CANCEL_CUE.search(text) or NORM_CUE.search(text):
        return []
    # "(Anselm, maybe use Quality sync)": a hedge inside an aside is about the how, not the task.
    if TENTATIVE.search(_LONG_ASIDE.sub("", text + rest)) or _TENTATIVE_START.match(
        sentence.line_text
    ):
        return []  # a question or a maybe is a follow-up
    owner: Person | None = None
    flags: set[str] = set()
    task = text
    for m in _TRAILING_OWNER.finditer(scan):
        if m.start() >= len(text) and not _BARE_END.match(scan[m.end() :]):
            continue  # "Owner: Tariq to publish the rota" is its own item
        who = (
            m.group("kvp")
            or m.group("who")
            or m.group("at")
            or m.group("kv")
            or m.group("dash")
            or m.group("arrow")
        )
        person = _who(who, ctx) if who else None
        if person is not None:
            owner = person
            task = text[: m.start()] + " " + text[m.end() :]
            if m.group("kv") or m.group("kvp") or not verb_first:
                task = text[: m.start()]  # what follows the owner key is due/status detail
            if m.start() >= len(text):
                task = text
            break
    if owner is None and heading_owner is not None:
        owner = heading_owner
    if owner is None:
        if not in_actions:
            return []
        owner, flags = ctx.people.default_owner, {"owner_guessed"}
    due = find_due(text, sentence.start, ctx.meeting)
    task = T.remove_dates(task, sentence.start, None, ctx.meeting)
    cand = Candidate(
        task,
        owner,
        owner.first,
        due,
        [span],
        span[0],
        0.75 if not flags else 0.5,
        flags,
    )
    finish_task(cand, ctx, None)
    if label:
        cand.task = T.tidy(T.with_object(cand.task, label))  # "finish + send" under "Budget deck"
        if todo and not verb_first and label.lower() not in cand.task.lower():
            cand.task = f"{cand.task} ({label[:1].lower() + label[1:]})"  # "Background (proposal)"
    return [cand]


_LONG_ASIDE = re.compile(r"\([^()]*\s[^()]*\s[^()]*\)")  # three words or more in brackets
_END_MARK = re.compile(r"\((?P<who>[^()]{2,40})\)\s*\.?\s*$")


def _named_at_end(text: str, ctx: SentenceContext) -> bool:
    m = _END_MARK.search(text)
    return m is not None and m.start() > 0 and _who(m.group("who"), ctx) is not None


def _who(text: str, ctx: SentenceContext) -> Person | None:
    """The first person of an owner mark ('Ximena/Zdeněk', 'Anselm + Team', 'Team')."""
    first = re.split(r"\s*(?:[,/&+;]|\band\b|\bto\b)\s*", text.strip())[0].strip()
    if _TEAM.match(first):
        return ctx.people.chair
    if _GROUP.match(first):
        return ctx.people.default_owner
    return ctx.people.resolve(first, speaker=ctx.people.writer)


def _heading_person(heading: str, ctx: SentenceContext) -> Person | None:
    """'Jonah', 'Parser [Ilya, Sebastián]' (from outline), 'Warrick-': whose bullets these are."""
    first = re.split(r"\s*(?:[,/&+;]|\band\b)\s*", heading.strip())[0].strip(" -–—:")
    if not first or len(first.split()) > 4:
        return None
    return ctx.people.resolve(first, speaker=ctx.people.writer)


def from_passive(sentence: Sentence, clause: Clause, ctx: SentenceContext) -> list[Candidate]:
    """'The door repair to be scheduled by Tom before Friday', 'Training: needs booking (Tom)',
    and in a list '- team charter: to be finalized and signed' (no "by": the list's owner)."""
    m = _PASSIVE_BY.match(clause.text) or _NEEDS_DOING.match(clause.text)
    flags: set[str] = set()
    if m:
        owner = ctx.people.resolve(m.group("who"), speaker=ctx.speaker or ctx.people.writer)
    else:
        listed = sentence.bullet and sentence.first_in_line and ctx.speaker is None
        m = _TO_BE_DONE.match(clause.text) if listed else None
        if m is None or sentence.section_kind in ("negative", "followup"):
            return []
        heading = sentence.owner_heading
        owner = _heading_person(heading, ctx) if heading else None
        if owner is None:
            owner, flags = ctx.people.default_owner, {"owner_guessed"}
    if owner is None or vetoed(sentence, clause.text, "", ""):
        return []
    np = m.group("np").strip()
    verb = T.base_verb(m.group("verb"))
    if m.groupdict().get("verb2"):
        verb = f"{verb} and {T.base_verb(m.group('verb2'))}"  # "finalized and sent"
    task = f"{verb} {np[:1].lower() + np[1:]}{m.group('rest')}"
    due = find_due(clause.text, clause.start, ctx.meeting)
    cand = Candidate(
        T.remove_dates(task, 0, None, ctx.meeting),
        owner,
        m.groupdict().get("who") or owner.first,
        due,
        [(sentence.start, sentence.end)],
        clause.start,
        0.7 if not flags else 0.5,
        flags,
    )
    finish_task(cand, ctx, None)
    return [cand]
