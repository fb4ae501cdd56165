"""Find commitments in sentences: explicit markers, subject + modal, labelled bullets.

A commitment is someone + a promise verb ("will", "'ll", "to", "agreed to", "I need to") + a
task. Vetoes drop what only looks like one: done, cancelled, hypothetical, declined, norms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import regex as re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.clauses import Clause, clauses_of, contingent_cut, find_due, vetoed
from assistant.recap.builtin.completion import finish_task
from assistant.recap.builtin.context import DISCOURSE, SentenceContext
from assistant.recap.builtin.dates import DueMatch, find_dues
from assistant.recap.builtin.forms import (
    arrow_items,
    imposed_or_granted,
    plan_statement,
    told_to,
)
from assistant.recap.builtin.future_items import subjectless_future
from assistant.recap.builtin.list_items import (
    action_bullet,
    from_passive,
    handle_item,
    labelled_item,
)
from assistant.recap.builtin.name_patterns import NAME_WORD, UNCASED_PERSON
from assistant.recap.builtin.offers import from_let_me, from_volunteer, suggestion
from assistant.recap.builtin.outline import SYMBOLS
from assistant.recap.builtin.people import Person
from assistant.recap.builtin.segmentation import Sentence
from assistant.recap.builtin.sentence_post import (
    CORRECTION,
    fill_sentence_due,
    reassign,
    same_day,
)
from assistant.recap.builtin.standup import standup_items

_SYMBOL_END = re.compile("[" + SYMBOLS + "]\ufe0f?$")  # "Pipeline gen 🚀 Dev to book ..."
_HANDLE = re.compile(r"@([\p{Ll}\p{M}]{2,})[._]([\p{Ll}\p{M}]{2,})\b")
_CAPITALISED_NAME = re.compile(
    r"\b([\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+(?:\s[\p{Lu}\p{Lo}][\p{Ll}\p{Lo}\p{M}]+)?)\b"
)
_AND_JOINER = re.compile(r"\s(?:and|&|\+)\s")
_FIRST_TWO_WORDS = re.compile(r"\s*([\p{L}][\w-]*)(\s+\w+)?")
_AND_VERB = re.compile(r",?\s+and\s+(?=[\p{Ll}\p{M}])")
_THEN_SEQUENCE = re.compile(r"(?:,\s*|\s+)and then\s+|,\s*then\s+")
_HAVE_PREFIX = re.compile(r"have\s", re.I)
_TO_WORD = re.compile(r"\sto\s")
_TWO_WORD_NAME = re.compile(r"(?:" + NAME_WORD + r"\s+)(?:\S+\s+){0,3}" + NAME_WORD)
_TRAILING_CONNECTOR = re.compile(r"(?:,?\s*(?:and|but|while|then|so)?\s*)$")

_ADV = (
    r"(?:\s+(?:also|then|just|still|first|personally|directly|now|already|quickly|both|each|"
    r"really|definitely|happily|gladly|probably))*"
)
# A person as written: one to four name words in any script, with particles ("Jan van der
# Berg", "Mary-Kate D'Souza", "Nguyễn Thị Hương"), or an uncased name ("王伟").
_PERSON = (
    r"(?:"
    + NAME_WORD
    + r"(?:\s+(?:(?:van|der|den|de|del|la|von|da|di|du|le|Ó|Ní)\s+)*"
    + NAME_WORD
    + r"){0,3}|"
    + UNCASED_PERSON
    + r")"
)
_SUBJ = (
    r"(?P<subj>(?:"
    + _PERSON
    + r"|[\p{Ll}\p{M}]+|I|[\p{Lu}\p{Lo}]{2,3}(?:/[\p{Lu}\p{Lo}]{2,3})*|[\p{Lu}\p{Lo}]\.|"
    r"[\p{Lu}\p{Lo}](?=\s))(?:\s+(?:and|&|\+)\s+(?:I|me|" + _PERSON + r"|[\p{Lu}\p{Lo}](?=\s)))?)"
)
_MODAL = (
    r"(?P<modal>'ll|’ll|\s+will(?:\s+to(?=\s+[\p{Ll}\p{M}]))?|\s+shall|\s+must(?:\s+to(?=\s))?|"
    r"(?:\s+is|\s+are|\s+am|'s|'m|'re)(?:\s+(?:also|still|now|just|then))?\s+going\s+to|"
    r"(?:\s+is|\s+are|\s+am|'s|'m|'re)?\s+gonna|"
    r"(?:\s+has|\s+have)\s+to|(?:'m|\s+am|\s+is)\s+to|"
    r"\s+(?:has\s+|have\s+)?(?:agreed|volunteered|offered|promised|committed|plans?|intends?)\s+to|"
    r"(?:'m|'s|'re|\s+am|\s+is|\s+are)(?:\s+(?:also|still|now|just))?\s+(?:planning|aiming)\s+to|"
    r"\s+needs?\s+to|\s+can|\s+(?:is|am)\s+taking|'m\s+taking|\s+owns|\s+to|"
    r"(?:'s|'re|'m|\s+is|\s+are|\s+am)\s+on\s+the\s+hook\s+(?:for|to)|\s+owes?|'d(?=\s)|"
    r"\s+would(?=\s)|(?:'s|'m|'re|\s+is|\s+am|\s+are)\s+in\s+charge\s+(?:of|to|for))"
)
# "Naomi Fischer from facilities has offered to", "Tom Becker (eng lead) will"
_APPOSITION = (
    r"(?:\s+(?:from|in|at|of|on)\s+(?:the\s+)?[\p{Ll}\p{M}][\w&-]*(?:\s+[\p{Ll}\p{M}][\w&-]*)?"
    r"|\s*\([^)]{1,40}\))?"
)
# "her designer, Pablo Reyes, will ...": a name set off by commas is still the subject.
COMMIT = re.compile(
    r"(?<![\w'’])" + _SUBJ + _APPOSITION + r"(?P<comma>,(?=\s))?" + _ADV + _MODAL + _ADV + r"\b"
)
_SUBORDINATE = re.compile(r"\b(?:if|whether|that|because|unless|once|when|so)\s*$", re.IGNORECASE)
_SHIFT_BEFORE = re.compile(r"\b(a|one|\d+)\s+(weeks?|days?)\s+before\b", re.IGNORECASE)
_LEAD_SEPARATED = re.compile(r"[.,;:)!?]\s*$")
_BAD_SUBJECTS = frozenset(
    "it this that there what which who where when how here also and but so then or not".split()
)
_SAID_BEFORE = re.compile(r"\b(?:said|promised|told (?:him|her|them))\s+(?:that\s+)?$", re.I)
_STATIVE = frozenset(
    "be like love think see need want hear know feel wait say rather not never prefer".split()
)
_DETERMINERS = frozenset("the a an my his her our their this that some".split())


def _named_before(text: str, ctx: SentenceContext) -> Person | None:
    for m in _CAPITALISED_NAME.finditer(text):
        person = ctx.people.resolve(m.group(1))
        # The writer named in third person ("Nadia ... said she would") is narration.
        if person is not None and (person is not ctx.people.writer or ctx.speaker is None):
            return person
    return None


def _narrowed(m: re.Match[str], clause: str, ctx: SentenceContext) -> re.Match[str]:
    """'by Friday and I'll start': a joined subject whose first part is no person is just
    the last part."""
    parts = _AND_JOINER.split(m.group("subj"))
    if len(parts) < 2 or ctx.people.resolve(parts[0]) is not None:
        return m
    if parts[0].lower() in ("i", "me", "he", "she", "we", "you"):
        return m
    start = m.start("subj") + m.group("subj").rfind(parts[-1])
    return COMMIT.match(clause, start) or m


def _apposition_ok(m: re.Match[str], clause: str) -> bool:
    if not m.group("comma"):
        return True
    before = clause[: m.start()].rstrip()
    return bool(_TWO_WORD_NAME.fullmatch(m.group("subj"))) and before.endswith(",")


def _valid_subject(subj: str, modal: str, clause: str, start: int, ctx: SentenceContext) -> bool:
    low = subj.lower()
    if low in _BAD_SUBJECTS:
        return False
    pronoun = low in ("i", "me", "he", "she", "we", "they", "you")
    if modal.strip() == "to":
        # "Ben to submit ..." only at the start of a clause, and never "I to".
        lead = clause[:start].strip(" ,(")
        if (pronoun and low != "me") or (
            lead and not lead.endswith((":", ")", ".")) and not _SYMBOL_END.search(lead)
        ):
            return False
    if modal.strip() in ("'d", "would") and not _SAID_BEFORE.search(clause[:start]):
        return False  # "I'd rather..." is not a promise; "I said I'd look into it" is
    if pronoun:
        return True
    if _AND_JOINER.search(subj):
        return True
    return ctx.people.resolve(subj) is not None or bool(_TWO_WORD_NAME.fullmatch(subj))


def _predicate_ok(modal: str, pred: str, subj: str, due: DueMatch | None) -> bool:
    m = modal.strip().lower().replace("’", "'")
    supplies_verb = m.endswith(("taking", "owns", "owes", "owe", "for", "hook to"))
    if pred.lstrip()[:1] in (",", ".", ";", ":", "") and not supplies_verb:
        return False  # "Beth Lyons will, and she knows": nothing is promised after the modal
    first = _FIRST_TWO_WORDS.match(pred)
    word = first.group(1).lower() if first else ""
    nxt = (first.group(2) or "").strip().lower() if first else ""
    if m == "to" and not T.is_task_verb(T.base_verb(word)):
        return False
    if m == "can" and (due is None or due.vague):
        return False
    if m.startswith("need") and subj.lower() not in ("i", "me"):
        return False
    if word == "have":
        return nxt in ("a", "an", "the", "it", "my", "his", "her", "that", "them", "those")
    if m == "owns" and word in _DETERMINERS and due is None:
        return False  # "Security owns the migration": existing ownership, reported
    if supplies_verb:
        return word not in _STATIVE  # the modal supplies the verb ("owns the deck")
    # "is going to Brazil", "will the team": a noun after the modal is no task.
    if first and first.group(1)[:1].isupper() and not T.is_task_verb(word):
        return False
    return word not in _STATIVE and word not in _DETERMINERS


def _task_from(
    pred: str, pred_start: int, due: DueMatch | None, modal: str, meeting: dt.date
) -> str:
    text = T.remove_dates(pred, pred_start, due, meeting)
    m = modal.strip().lower()
    if text.startswith(","):
        text = ""  # "Victor owns, draft to me 10/8": the owned thing is named before
    if m.endswith("taking"):
        text = "take " + text
    elif m.endswith(("for", "hook to")) and "hook" in m:
        text = "deliver " + text
    elif m in ("owe", "owes"):
        text = "give " + text
    elif m == "owns":
        text = "own " + text
    if _HAVE_PREFIX.match(text) and _TO_WORD.search(text):
        text = "send " + text[5:]
    return text


def _split_sequence(pred: str, meeting: dt.date) -> list[tuple[str, int]]:
    """'update X next week and then start Y' is two tasks; plain 'X and Y' stays one, unless
    each part has its own deadline ('collect the forms by the 13th and get me the roster a
    week before the tournament')."""
    parts: list[tuple[str, int]] = []
    pos = 0
    for m in _THEN_SEQUENCE.finditer(pred):
        if T.starts_with_verb(pred[m.end() :]):
            parts.append((pred[pos : m.start()], pos))
            pos = m.end()
    for m in _AND_VERB.finditer(pred, pos):
        head, tail = pred[pos : m.start()], pred[m.end() :]
        own = T.remove_dates(tail, 0, None, meeting)
        if (
            T.starts_with_verb(tail)
            and _dated(head, meeting)
            and T.content_size(own) >= 2
            and not T.has_pronoun_object(own)  # "finalize X by Friday and send it to Y"
        ):
            parts.append((head, pos))
            pos = m.end()
    parts.append((pred[pos:], pos))
    return parts


def _dated(text: str, meeting: dt.date) -> bool:
    return any(not d.vague for d in find_dues(text, meeting))


# "- Søren: I'll send the poll" in minutes: a person's name, then what they said.
_SPEAKER_LABEL = re.compile(
    r"^\s*(?:[-*•+]|\d{1,2}[.)])?\s*(?P<who>[^:\n]{1,40}?)\s*:\s+(?P<rest>\S.*)$"
)
_NAME_WORD_RE = re.compile(NAME_WORD)
_SAID_BY_SPEAKER = re.compile(r"\b(?:I|I'll|I’ll|I'm|I’m|I've|my)\b")


def _names_someone(text: str, ctx: SentenceContext) -> bool:
    return any(ctx.people.resolve(m.group(0)) for m in _NAME_WORD_RE.finditer(text))


def _line_speaker(sentence: Sentence, ctx: SentenceContext) -> Person | None:
    """Who says "I" in a labelled line of minutes (not a transcript: that has speakers)."""
    if ctx.speaker is not None or not _SAID_BY_SPEAKER.search(sentence.text):
        return None
    m = _SPEAKER_LABEL.match(sentence.line_text)
    if m is None or len(m.group("who").split()) > 3:
        return None
    return ctx.people.resolve(m.group("who").strip(), speaker=ctx.people.writer)


def detect_sentence(sentence: Sentence, ctx: SentenceContext) -> list[Candidate]:
    """Commitments stated in one sentence; shared 'we' ones only lend context."""
    # "@dmitri will ..." reads as "dmitri will ..."; same length keeps offsets verbatim.
    # "@marco.bellini" reads as " Marco Bellini" (same length again).
    if "@" in sentence.text:
        handled = handle_item(sentence, ctx)
        if handled:
            return handled
        text = _HANDLE.sub(lambda h: f" {h.group(1).title()} {h.group(2).title()}", sentence.text)
        sentence = replace(sentence, text=text.replace("@", " "))
    speaker = _line_speaker(sentence, ctx)
    if speaker is not None:
        ctx = replace(ctx, speaker=speaker)  # "- Dariusz: I'll send a poll": his "I"
    labelled = (
        standup_items(sentence, ctx)
        or subjectless_future(sentence, ctx)
        or labelled_item(sentence, ctx)
        or arrow_items(sentence, ctx)
    )
    if labelled:
        return labelled
    found: list[Candidate] = []
    shared_context: list[str] = []
    clauses = clauses_of(sentence)
    produced_prior = True
    for ci, clause in enumerate(clauses):
        prior = clauses[ci - 1].text if ci > 0 and not produced_prior else None
        before_count = len(found)
        matches = [_narrowed(m, clause.text, ctx) for m in COMMIT.finditer(clause.text)]
        # "...to ask if we can use the fund": a subordinate clause is part of the task.
        valid = [
            m
            for m in matches
            if _valid_subject(m.group("subj"), m.group("modal"), clause.text, m.start(), ctx)
            and (m is matches[0] or not _SUBORDINATE.search(clause.text[: m.start()]))
            and _apposition_ok(m, clause.text)
        ]
        for mi, m in enumerate(valid):
            end = valid[mi + 1].start() if mi + 1 < len(valid) else len(clause.text)
            raw = clause.text[m.end() : end]
            pred = _TRAILING_CONNECTOR.sub("", raw).strip()
            pred_start = clause.start + m.end() + (len(raw) - len(raw.lstrip()))
            lead = clause.text[: m.start()]
            label = lead[: lead.rfind(":")] if ":" in lead else None
            if label is not None and DISCOURSE.fullmatch(label.strip(" -*")):
                label = lead[lead.rfind(":") + 1 :].strip(" ,")  # "Kindly note: X is pending, I'll"
            # A lead-in fragment ("IEP notes due - Ben to submit") completes a bare task; a
            # title in front of the name ("AP lead Dominic Hale has agreed") does not.
            separated = _LEAD_SEPARATED.search(lead) is not None and not m.group("comma")
            if label is None and separated and T.content_size(lead) >= 2:
                label = lead
            if shared_context:
                label = shared_context[-1]
            found += _from_match(
                sentence,
                clause,
                m,
                pred,
                pred_start,
                end,
                label or prior,
                ctx,
                shared_context,
                found[-1].task if found else None,
            )
        found += from_let_me(sentence, clause, ctx)
        if not valid and prior:
            found += from_volunteer(sentence, clause, ctx, prior)
        if not valid:
            # "G + Ahmed Saleh to recount aisle 14 — Ahmed leads": the shared task is his.
            shared = shared_context[-1] if shared_context else None
            found += plan_statement(sentence, clause, ctx, shared)
            found += from_passive(sentence, clause, ctx)
        if len(found) == before_count:
            found += imposed_or_granted(sentence, clause, ctx)
        found += told_to(sentence, clause, ctx)
        found += suggestion(sentence, clause, ctx)
        if CORRECTION.match(clause.text) and 0 < before_count < len(found):
            reassign(found, before_count)
        produced_prior = len(found) > before_count
    if not found:
        found += action_bullet(sentence, ctx)
    fill_sentence_due(sentence, found, ctx)
    same_day(found)
    return found


def _from_match(
    sentence: Sentence,
    clause: Clause,
    m: re.Match[str],
    pred: str,
    pred_start: int,
    end: int,
    label: str | None,
    ctx: SentenceContext,
    shared_context: list[str],
    earlier_task: str | None = None,
) -> list[Candidate]:
    subj, modal = m.group("subj"), m.group("modal")
    out: list[Candidate] = []
    # "chase them today and escalate if nothing by Monday": keep the unconditional part;
    # "talk to Marco about X and let you know": the courtesy is no separate promise.
    kept = contingent_cut(pred)
    if kept is not None and kept != pred:
        raw = clause.text[m.end() : end]
        end = m.end() + len(raw) - len(raw.lstrip()) + len(kept)
        pred = kept.rstrip(" ,")
    for part, offset in _split_sequence(pred, ctx.meeting):
        part_start = pred_start + offset
        due = find_due(part, part_start, ctx.meeting)
        if not _predicate_ok(modal, part, subj, due):
            return out
        before = sentence.text[: clause.start - sentence.start + m.start()]
        after = sentence.text[clause.start - sentence.start + end :]
        if vetoed(sentence, clause.text[m.start() : end], before, after):
            return out
        named = _named_before(before, ctx) if subj.lower() in ("he", "she") else None
        owner, flags = ctx.resolver.resolve(
            subj, speaker=ctx.speaker, addressee=ctx.addressee, named_before=named
        )
        task = _task_from(part, part_start, due, modal, ctx.meeting)
        if owner is not None and "shared" in flags and _names_someone(after, ctx):
            owner = None  # "S + Ahmed to recount aisle 14 — Ahmed leads": the later clause says
        if owner is None:
            shared_context.append(task)
            continue
        cand = Candidate(
            task=task,
            owner=owner,
            owner_text=subj,
            due=due,
            spans=[(sentence.start, sentence.end)],
            order=clause.start + m.start() + offset,
            confidence=0.8 if modal.strip() not in ("can", "to") else 0.75,
            flags=set(flags),
        )
        finish_task(cand, ctx, label, earlier_task)
        out.append(cand)
    return out
