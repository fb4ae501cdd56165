"""Speaker-labelled transcripts: requests, offers and their answers, and closing recaps.

"Can you X?" / "X." (an instruction) / "I want X from you" -> the addressee's task once they
agree; "Do you want me to X?" / "I could X" -> the speaker's task once the other side agrees;
"No" / "Already did" / "Let's skip" drop them. "recap: a, b, c" lines repeat earlier items.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex as re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.clauses import find_due
from assistant.recap.builtin.commitments import COMMIT, detect_sentence
from assistant.recap.builtin.completion import finish_task
from assistant.recap.builtin.context import SentenceContext, SubjectResolver
from assistant.recap.builtin.lexicon import AFFIRMATIVE_REPLY, DECLINE_CUE, NEGATIVE_REPLY
from assistant.recap.builtin.people import PeopleDirectory, Person
from assistant.recap.builtin.segmentation import Sentence

# Small precompiled patterns used by the functions below.
_RECAP_SPLIT = re.compile(r"[,;]\s*|\s+and\s+(?=[\p{Ll}\p{M}])")
_RECAP_WORD = re.compile(r"recap\b", re.I)
_I_WANT = re.compile(r"\bi\s+(?:want|'?d like)", re.I)

_INTERJECTION = re.compile(
    r"^(?:(?:ok(?:ay)?|so|and|also|good|great|perfect|yes|yeah|right|fine|fair|cool|"
    r"alright|actually|please|then|now|yes please)\b[\s,.!-]*)+",
    re.IGNORECASE,
)
_ASK = re.compile(
    r"^(?:(?:so|and|ok(?:ay)?|also)[,\s]+)*(?:can|could|will|would)\s+you\s+(?:please\s+)?"
    r"(?!(?:like|tell|walk|explain|remind)\b)(?P<vp>[^?]+)\?",
    re.IGNORECASE,
)
_OFFER = re.compile(
    r"(?:(?:do|would)\s+you\s+want\s+me\s+to|should\s+i|want\s+me\s+to|shall\s+i|"
    r"\bi\s+could\s+(?:also\s+)?|\bi\s+want\s+to|\bi'?d\s+like\s+to)\s+(?P<vp>[^?.!]+)",
    re.IGNORECASE,
)
_WANT_FROM = re.compile(
    r"\bi\s+(?:want|need|'d like)\s+(?P<np>(?:a|an|the|your)\s+[^.?!]+?)(?:\s+from\s+you)?"
    r"(?=\s+(?:by|before|on)\b|[.?!]|$)",
    re.IGNORECASE,
)
# An instruction starts with a verb followed by an object, a particle or a name.
_IMPERATIVE_SHAPE = re.compile(
    r"^[\p{L}-]+\s+(?:up|out|back|over|down|in|on|off|through|the|a|an|my|your|our|his|her|"
    r"their|me|us|him|them|it|this|that|these|those|some|all|\d|[\p{Lu}\p{Lo}])",
)
_CONVERSATIONAL = re.compile(
    r"^(?:walk|talk|take) me through|^(?:tell|remind|show) me\b|^let me know|^fill me in|"
    r"^catch me up|^give me (?:a|an|the) (?:update|sense|rundown|minute)|^hang on|^keep going|"
    r"^go ahead|^go on\b",
    re.IGNORECASE,
)
_CONVERSATIONAL_OFFER = re.compile(
    r"(?:talk|discuss|start|chat|go over|ask|check in|hear|say|mention|be)\b", re.IGNORECASE
)
# "do that before Friday" only agrees to something already on the table.
_PRONOUN_ONLY = re.compile(
    r"^\w+\s+(?:it|that|this|them|those)(?:\s+(?:before|by|on|today|tomorrow|now|first|asap|"
    r"then|for|at|when|once|please|too|again)\b.*)?[.!]?$",
    re.IGNORECASE,
)
_RECAP = re.compile(
    r"\b(?:recap|to recap|summary|so to summari[sz]e)\b[^:.?!]{0,20}:\s*", re.IGNORECASE
)
_NEW_SUBJECT = re.compile(r"(?:,\s*|\s+)(?:and|but)\s+(?:I|I'll|I will|we|you)\b.*$")


@dataclass
class Utterance:
    speaker: Person | None
    label: str
    sentences: list[Sentence]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass
class Pending:
    """A request or offer waiting for the other side's answer."""

    owner: Person
    task: str
    due_text: str
    offset: int
    sentence: Sentence
    needs_yes: bool  # a question needs a yes; an instruction stands unless refused


def group_utterances(sentences: list[Sentence], people: PeopleDirectory) -> list[Utterance]:
    out: list[Utterance] = []
    for s in sentences:
        if out and out[-1].label == s.speaker and out[-1].sentences[-1].line_index == s.line_index:
            out[-1].sentences.append(s)
            continue
        person = people.resolve(s.speaker) if s.speaker else None
        out.append(Utterance(person, s.speaker or "", [s]))
    return out


def _other(people: PeopleDirectory, p: Person | None) -> Person:
    return people.report if p is people.manager else people.manager


def _requests(u: Utterance, people: PeopleDirectory) -> list[Pending]:
    if u.speaker is None:
        return []
    addressee = _other(people, u.speaker)
    found: list[Pending] = []
    for s in u.sentences:
        text = s.text
        if _RECAP.search(text):
            continue
        ask = _ASK.search(text)
        if ask:
            vp = ask.group("vp")
            found.append(Pending(addressee, vp, vp, s.start + ask.start("vp"), s, True))
            continue
        offer = _OFFER.search(text)
        if (
            offer
            and T.starts_with_verb(offer.group("vp"))
            and not _CONVERSATIONAL_OFFER.match(offer.group("vp"))
            and (u.speaker is not people.manager or not _I_WANT.search(offer.group(0)))
        ):
            vp = offer.group("vp")
            found.append(Pending(u.speaker, vp, vp, s.start + offer.start("vp"), s, True))
            continue
        want = _WANT_FROM.search(text)
        if want and u.speaker is people.manager:
            vp = f"send {u.speaker.first} {want.group('np')}"
            tail = text[want.end() :]
            found.append(
                Pending(
                    addressee, vp, want.group("np") + tail, s.start + want.start("np"), s, False
                )
            )
            continue
        body = _INTERJECTION.sub("", text)
        if (
            body
            and not text.rstrip().endswith("?")
            and T.starts_with_verb(body)
            and _IMPERATIVE_SHAPE.match(body)
            and not _CONVERSATIONAL.match(body)
            and not _PRONOUN_ONLY.match(body)
            and not _RECAP_WORD.match(body)
        ):
            body = _NEW_SUBJECT.sub("", body)
            off = s.start + (len(text) - len(_INTERJECTION.sub("", text)))
            found.append(Pending(addressee, body, body, off, s, False))
    return found


def _recap_items(u: Utterance, people: PeopleDirectory, meeting: dt.date) -> list[Candidate]:
    out: list[Candidate] = []
    for s in u.sentences:
        m = _RECAP.search(s.text)
        if not m:
            continue
        pos = m.end()
        for frag in _RECAP_SPLIT.split(s.text[m.end() :]):
            start = s.text.find(frag, pos)
            pos = max(pos, start + len(frag))
            frag_clean = frag.strip(" .")
            if not frag_clean or COMMIT.search(frag_clean):
                continue
            due = find_due(frag_clean, s.start + start, meeting)
            task = T.remove_dates(frag_clean, s.start + start, due, meeting)
            writer = u.speaker or people.writer
            task = T.personalise(
                task,
                owner=people.report,
                writer=writer,
                addressee=_other(people, writer),
                people=people,
            )
            task = T.expand_shorthand(task)
            out.append(
                Candidate(
                    T.tidy(task),
                    people.report,
                    "recap",
                    due,
                    [(s.start, s.end)],
                    s.start + start,
                    0.7,
                    {"owner_guessed"},
                    recap=True,
                )
            )
    return out


def detect_dialogue(
    sentences: list[Sentence],
    people: PeopleDirectory,
    meeting: dt.date,
    third_party_of: dict[int, Person | None],
) -> list[Candidate]:
    resolver = SubjectResolver(people)
    utterances = group_utterances(sentences, people)
    cands: list[Candidate] = []
    pending: list[Pending] = []
    last_text: dict[str, str] = {}
    for u in utterances:
        speaker = u.speaker
        addressee = _other(people, speaker) if speaker else None
        other_said = next((t for label, t in last_text.items() if label != u.label), None)
        own: list[Candidate] = []
        for si, s in enumerate(u.sentences):
            if _RECAP.search(s.text):
                continue
            ctx = SentenceContext(
                people,
                resolver,
                meeting,
                speaker,
                addressee,
                previous_in_line=u.sentences[si - 1].text if si > 0 else None,
                dialogue_context=other_said,
                own_previous=last_text.get(u.label),
                third_party=third_party_of.get(s.start),
            )
            own += detect_sentence(s, ctx)
        if pending and pending[0].sentence.speaker != u.label:
            cands += _answer(pending, u, own, people, resolver, meeting)
            pending = []
        if any(_RECAP.search(s.text) for s in u.sentences):
            for c in own:  # "recap: ... I'll ping Hannah." repeats an earlier promise
                c.recap = True
        cands += own + _recap_items(u, people, meeting)
        pending = [p for p in pending if p.sentence.speaker == u.label] + _requests(u, people)
        last_text = {u.label: u.text, **{k: v for k, v in last_text.items() if k != u.label}}
    cands += _answer(pending, None, [], people, resolver, meeting)
    return cands


def _answer(
    pending: list[Pending],
    reply: Utterance | None,
    reply_items: list[Candidate],
    people: PeopleDirectory,
    resolver: SubjectResolver,
    meeting: dt.date,
) -> list[Candidate]:
    out: list[Candidate] = []
    first = reply.sentences[0].text if reply else ""
    refused = reply is not None and bool(
        NEGATIVE_REPLY.search(first) or DECLINE_CUE.search(reply.text)
    )
    agreed = reply is not None and bool(AFFIRMATIVE_REPLY.search(first) or reply_items)
    for p in pending:
        if refused or (p.needs_yes and not agreed):
            continue
        due = find_due(p.due_text, p.offset, meeting)
        req = _pending_task(p, people, resolver, meeting, due)
        owned = [c for c in reply_items if c.owner is p.owner]
        if owned:
            item = owned[0]
            if item.context_filled or T.content_size(item.task) < 2:
                combined = _combine_reply(_reply_verb_only(item.task), req)
                if not T.unresolved_pronoun(combined):
                    item.task = combined
            if item.due is None and due is not None:
                item.due = due
            item.spans.insert(0, (p.sentence.start, p.sentence.end))
            continue
        if T.content_size(req) < 2:
            continue
        if reply is not None and (due is None or due.vague):
            rd = find_due(first, reply.sentences[0].start, meeting)
            due = rd or due
        spans = [(p.sentence.start, p.sentence.end)]
        if reply is not None:
            spans.append((reply.sentences[0].start, reply.sentences[0].end))
        out.append(Candidate(req, p.owner, p.owner.first, due, spans, p.offset, 0.7, set()))
    return out


def _reply_verb_only(task: str) -> str:
    return task.split(":")[0] if ":" in task else task


def _combine_reply(reply_task: str, request_task: str) -> str:
    """'I'll send it today' answering 'Get me the quote' -> 'Send Victor the quote'."""
    if not T.has_pronoun_object(reply_task) and T.content_size(reply_task) >= 2:
        return reply_task
    if T.has_pronoun_object(request_task):
        # "I'll have it live by Thursday" answering "Could you set up the article and link
        # it?": a reply that only points back takes the self-contained request.
        vague_reply = T.content_size(reply_task) <= 1 or reply_task.lower().startswith("have ")
        if vague_reply and not T.unresolved_pronoun(request_task):
            return request_task
        return reply_task
    reply_verb = reply_task.split()[0].lower() if reply_task.split() else ""
    req_words = request_task.split()
    if not req_words or reply_verb in request_task.lower().split():
        return request_task
    if T.starts_with_verb(request_task) and T.starts_with_verb(reply_task):
        return T.tidy(f"{reply_verb} {' '.join(req_words[1:])}")
    return request_task


def _pending_task(
    p: Pending, people: PeopleDirectory, resolver: SubjectResolver, meeting: dt.date, due: object
) -> str:
    from assistant.recap.builtin.dates import DueMatch

    text = T.remove_dates(p.task, p.offset, due if isinstance(due, DueMatch) else None, meeting)
    writer = people.resolve(p.sentence.speaker or "") or people.writer
    ctx = SentenceContext(people, resolver, meeting, writer, _other(people, writer))
    cand = Candidate(text, p.owner, "", None, [], 0, 0.0)
    finish_task(cand, ctx, None)
    return cand.task
