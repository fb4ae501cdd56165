"""The built-in recap engine: notes in, a typed RecapDraft out. Pure and deterministic."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

import regex as re

from assistant.domain.recap import ActionFlag, ActionItemDraft, RecapDraft
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.commitments import detect_sentence
from assistant.recap.builtin.completion import agenda_slot, bare_label, reports_done_work
from assistant.recap.builtin.context import SentenceContext, SubjectResolver
from assistant.recap.builtin.cue_items import cue_items
from assistant.recap.builtin.dialogue import detect_dialogue
from assistant.recap.builtin.events import fill_from_line_keys, resolve_event_dues
from assistant.recap.builtin.languages import foreign_note, infinitive_task
from assistant.recap.builtin.line_features import sentence_features
from assistant.recap.builtin.line_items import TOPIC_QUESTION, line_item
from assistant.recap.builtin.line_model import LineModel, default_line_model
from assistant.recap.builtin.line_vectors import sentence_vectors
from assistant.recap.builtin.merge import merge_candidates
from assistant.recap.builtin.outline import BULLET, CHECKBOX
from assistant.recap.builtin.people import PeopleDirectory, Person, is_common_word
from assistant.recap.builtin.sections import classify_sections
from assistant.recap.builtin.segmentation import Sentence, segment
from assistant.recap.builtin.structured import structured_candidates
from assistant.recap.builtin.summary import build_summary

ENGINE_NAME = "built-in"
MAX_EMBEDDED = 8  # sentence embeddings per note: ~2 ms each on two cores
_NEED = re.compile(r"\bneeds?\b|\bneed to\b|\bhas to be\b|\bshould be\b", re.IGNORECASE)
_NAME = re.compile(
    r"\b[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+(?:\s[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)?\b"
)
# "Jess (line) wants …", "Lea starts Monday": someone named by first name only, as a subject.
_SOLO_SUBJECT = re.compile(
    r"(?:^|[.;:]\s+)([\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)\s*(?:\([^)]{1,30}\)\s*)?(?:wants|asked|said|needs|thinks|"
    r"mentioned|would like|requested|is asking|starts|joins|leaves|is|was|has|returns|arrives)\b"
)
_FLAG_ORDER: tuple[ActionFlag, ...] = (
    "owner_unclear",
    "owner_guessed",
    "due_unclear",
    "due_vague",
    "shared",
)


def _participant_labels(people: PeopleDirectory) -> set[str]:
    labels: set[str] = {"me"}  # "Me: ..." lines are the manager's own words
    for p in (people.manager, people.report):
        labels |= {p.full.lower(), p.first.lower()}
        if len(p.initials) >= 2:
            labels.add(p.initials.lower())  # "GA: ..." / "TH: ..." transcripts
    return labels


def _third_parties(sentences: list[Sentence], people: PeopleDirectory) -> dict[int, Person | None]:
    """For each sentence, the last named non-participant mentioned before it (for him/her)."""
    out: dict[int, Person | None] = {}
    last: Person | None = None
    for s in sentences:
        out[s.start] = last
        for m in _NAME.finditer(s.text):
            p = people.resolve(m.group(0))
            if p is not None and p.role == "other":
                last = p
        # "Jess (line) wants to move to days": someone named by first name only.
        solo = _SOLO_SUBJECT.search(s.text)
        if solo and people.resolve(solo.group(1)) is None and not is_common_word(solo.group(1)):
            last = Person(solo.group(1), "other")
    return out


def _prose_candidates(
    sentences: list[Sentence],
    people: PeopleDirectory,
    meeting: dt.date,
    third: dict[int, Person | None],
) -> list[Candidate]:
    resolver = SubjectResolver(people)
    cands: list[Candidate] = []
    for i, s in enumerate(sentences):
        prev = sentences[i - 1] if i > 0 else None
        nxt = sentences[i + 1] if i + 1 < len(sentences) else None
        prev_in_line = prev.text if prev and prev.line_index == s.line_index else None
        previous_need = None
        for back in sentences[max(0, i - 2) : i][::-1]:
            if s.line_index - back.line_index <= 1 and _NEED.search(back.text):
                previous_need = back.text
                break
        # "The intern (Lea Martin) starts Monday. I'll organize her badge": a person named
        # in this or the previous sentence is who "her"/"him" means.
        recent = third.get(s.start)
        nearby = s.text + " " + (prev.text if prev else "")
        if recent is not None and recent.first not in nearby:
            recent = None
        solo = _SOLO_SUBJECT.search(s.text)
        if solo and people.resolve(solo.group(1)) is None and not is_common_word(solo.group(1)):
            recent = Person(solo.group(1), "other")  # "Jess wants X → Simon to talk to her"
        ctx = SentenceContext(
            people,
            resolver,
            meeting,
            None,
            people.reader,
            third_party=recent,
            previous_in_line=prev_in_line,
            next_in_line=nxt.text if nxt and nxt.line_index - s.line_index <= 1 else None,
            previous_sentence=prev.text if prev else None,
            previous_need=previous_need,
            earlier_sentences=tuple(
                b.text
                for b in sentences[max(0, i - 3) : max(0, i - 1)][::-1]
                if s.line_index - b.line_index <= 2
            ),
        )
        found = detect_sentence(s, ctx)
        cands += found or cue_items(sentences, i, people, meeting)
    return cands


def _commits(c: Candidate, notes: str, foreign: bool) -> bool:
    """Not work already done, nor an agenda slot ("Performance work update (Thiago)"), nor a
    bare label ("Quarterly overview"); in notes of another language a two-word infinitive
    ("Testplan überarbeiten", "Revisar presupuesto") is a to-do, not a label."""
    source = " ".join(notes[a:b] for a, b in c.spans[:3])
    label = bare_label(c.task, dated=c.due is not None)
    if label and foreign and infinitive_task(c.task):
        label = False
    unmarked = CHECKBOX.sub("", BULLET.sub("", source, count=1), count=1)
    topic = bool(TOPIC_QUESTION.match(unmarked))  # "Whether X joins"
    return not (reports_done_work(c.task) or agenda_slot(c.task, source) or label or topic)


def _to_draft_item(c: Candidate, notes: str, people: PeopleDirectory) -> ActionItemDraft:
    owner = c.owner or people.manager
    flags = set(c.flags)
    if c.due is not None and c.due.vague:
        flags.add("due_vague")
    evidence = " … ".join(notes[a:b] for a, b in sorted(set(c.spans)))
    confidence = c.confidence - (0.1 if "owner_guessed" in flags else 0.0)
    return ActionItemDraft(
        task=c.task,
        owner=owner.full,
        owner_role=owner.role,
        due=c.due.date if c.due else None,
        due_text=c.due.phrase if c.due else None,
        evidence=evidence,
        confidence=max(0.05, min(1.0, confidence)),
        flags=[f for f in _FLAG_ORDER if f in flags],
    )


@dataclass
class NoteAnalysis:
    """Everything the rules found in one note, before the line classifier decides."""

    notes: str
    meeting: dt.date
    people: PeopleDirectory
    sentences: list[Sentence]
    structured: list[Candidate]  # from tables and key blocks: kept as they are
    rule_cands: list[list[Candidate]]  # per sentence, what the rules made of it
    loose: list[Candidate]  # rule items not tied to one sentence (transcript answers)
    dialogue: bool
    vectors: dict[int, tuple[float, ...]] = field(default_factory=dict)  # embedded so far

    def vectors_for(self, indices: Sequence[int]) -> dict[int, tuple[float, ...]]:
        """Sentence embeddings of these sentences (embedded once, in one batch)."""
        missing = [i for i in indices if i not in self.vectors]
        if missing:
            found = sentence_vectors([self.sentences[i].text for i in missing])
            if found is None:
                return {}
            self.vectors.update((i, tuple(v)) for i, v in zip(missing, found.tolist(), strict=True))
        return {i: self.vectors[i] for i in indices}

    @cached_property
    def features(self) -> list[list[str]]:
        """Line-classifier features of every sentence (computed once)."""
        return sentence_features(self.sentences, self.people, self.meeting, self.rule_cands)


def analyse(
    notes: str,
    *,
    meeting_date: dt.date,
    manager: str,
    report: str,
    known_people: Sequence[str] = (),
    author: str = "manager",
) -> NoteAnalysis:
    """Segment the notes and run the rules; each rule item is filed under its sentence."""
    notes = unicodedata.normalize("NFC", notes)
    people = PeopleDirectory(manager, report, known_people, notes, author=author)
    sentences = segment(notes, _participant_labels(people))
    third = _third_parties(sentences, people)
    structured, used_lines = structured_candidates(notes, meeting_date, people)
    sentences = [s for s in sentences if s.line_index not in used_lines]
    dialogue = any(s.speaker for s in sentences)
    if dialogue:
        cands = detect_dialogue(sentences, people, meeting_date, third)
    else:
        cands = _prose_candidates(sentences, people, meeting_date, third)
    at = {s.start: i for i, s in enumerate(sentences)}
    per: list[list[Candidate]] = [[] for _ in sentences]
    loose: list[Candidate] = []
    for c in cands:
        k = at.get(c.spans[0][0]) if c.spans and not dialogue else None
        (per[k] if k is not None else loose).append(c)
    return NoteAnalysis(notes, meeting_date, people, sentences, structured, per, loose, dialogue)


def extract_recap(
    notes: str,
    *,
    meeting_date: dt.date,
    manager: str,
    report: str,
    known_people: Sequence[str] = (),
    author: str = "manager",
    line_model: LineModel | None = None,
) -> RecapDraft:
    """Build a recap from raw 1:1 notes. No network, no randomness.

    `author` says who wrote the notes ("manager", the default, "report", or a name): "I",
    "me" and "my" in the notes are that person. `line_model` replaces the shipped line
    classifier (leave-one-source-out evaluation trains one per source).
    """
    a = analyse(
        notes,
        meeting_date=meeting_date,
        manager=manager,
        report=report,
        known_people=known_people,
        author=author,
    )
    return recap_from_analysis(a, line_model or default_line_model())


def recap_from_analysis(
    a: NoteAnalysis, model: LineModel, *, max_embedded: int = MAX_EMBEDDED
) -> RecapDraft:
    """The recap of an analysed note under a line model (the analysis is left unchanged).
    `max_embedded` is varied only by the settings selection (assistant/evaluation)."""
    notes, people, sentences, meeting_date = a.notes, a.people, a.sentences, a.meeting
    foreign = foreign_note(notes)
    chosen = decide(a, model, max_embedded=max_embedded)
    merged = [c for c in merge_candidates(chosen, people) if _commits(c, notes, foreign)]
    fill_from_line_keys(merged, sentences, meeting_date)
    resolve_event_dues(merged, sentences, meeting_date)
    items = [_to_draft_item(c, notes, people) for c in merged]
    sections = classify_sections(sentences, {a for c in merged for a, _ in c.spans})
    notices: list[str] = []
    if not notes.strip():
        notices.append("The notes were empty, so there is nothing to recap.")
    return RecapDraft(
        summary=build_summary(sentences, items, sections, people, meeting_date),
        decisions=sections.decisions,
        action_items=items,
        praise=sections.praise,
        concerns=sections.concerns,
        personal=sections.personal,
        follow_ups=sections.follow_ups,
        engine=ENGINE_NAME,
        notices=notices,
    )


def _copy(c: Candidate) -> Candidate:
    """Merging edits candidates in place; the analysis keeps its own."""
    return replace(c, spans=list(c.spans), flags=set(c.flags))


def decide(
    a: NoteAnalysis, model: LineModel, *, max_embedded: int = MAX_EMBEDDED
) -> list[Candidate]:
    """The classifier's say on every sentence of prose notes: a rule item on a line it finds
    unlikely is dropped; a line it finds likely but no rule read becomes an item. Transcripts
    keep the dialogue rules' answer."""
    cands = [_copy(c) for c in (*a.structured, *a.loose)]
    if a.dialogue:
        return cands + [_copy(c) for per in a.rule_cands for c in per]
    scores = model.scores(a.features)
    if model.dense:
        # Only lines no rule read that the sparse part finds plausible are embedded, at most
        # `max_embedded` of them (those nearest the add threshold), so a long note stays fast.
        unsure = [
            i
            for i, found in enumerate(a.rule_cands)
            if not found and scores[i] >= model.dense_floor
        ]
        unsure.sort(key=lambda i: (abs(scores[i] - model.add_threshold), i))
        for i, vector in a.vectors_for(sorted(unsure[:max_embedded])).items():
            scores[i] = model.dense_score(a.features[i], vector)
    for i, found in enumerate(a.rule_cands):
        if found:
            if scores[i] >= model.keep_threshold:
                cands += [_copy(c) for c in found]
        elif scores[i] >= model.add_threshold:
            cands += line_item(a.sentences, i, a.people, a.meeting)
    return cands
