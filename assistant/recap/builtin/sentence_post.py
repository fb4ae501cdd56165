"""Fix-ups across the commitments found in one sentence: a due stated elsewhere in it,
"the same day", and corrections that hand a task to someone else."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from assistant.recap.builtin import tasks as T
from assistant.recap.builtin.candidates import Candidate
from assistant.recap.builtin.context import SentenceContext
from assistant.recap.builtin.dates import DueMatch, find_dues
from assistant.recap.builtin.segmentation import Sentence

_SHIFT_BEFORE = re.compile(r"\b(a|one|\d+)\s+(weeks?|days?)\s+before\b", re.IGNORECASE)
# "EM to call them — no, PN will do it": the correction takes the task over.
CORRECTION = re.compile(r"^(?:no|nope|actually|correction|scratch that|wait)\b[,:;]?\s", re.I)
_TAKE_OVER = re.compile(r"^(?:do|take|handle|own|cover|make)\b", re.I)


def reassign(found: list[Candidate], first_new: int) -> None:
    old = found[first_new - 1]
    for cand in found[first_new:]:
        if _TAKE_OVER.match(cand.task) and T.content_size(cand.task) <= 3:
            cand.task, cand.due = old.task, cand.due or old.due
    del found[first_new - 1]


_SAME_DAY = re.compile(r"\b(?:the\s+same|that)\s+day\b", re.IGNORECASE)


def same_day(found: list[Candidate]) -> None:
    """'Pablo has it ready by Monday and she'll review it the same day' -> Monday too."""
    for prev, cand in itertools.pairwise(found):
        same = cand.due is not None and cand.due.vague and _SAME_DAY.search(cand.due.phrase)
        if same and prev.due is not None and not prev.due.vague:
            cand.due = prev.due


def fill_sentence_due(sentence: Sentence, found: list[Candidate], ctx: SentenceContext) -> None:
    """A due date stated elsewhere in the sentence ("- by 3/27", "target is EOM")."""
    if len(found) != 1 or found[0].due is not None:
        return
    dues = [d for d in find_dues(sentence.text, ctx.meeting) if not d.vague]
    if len(dues) == 1:
        d = dues[0]
        date = d.date
        # "Summit is Feb 12 - Hanna will book the venue a week before the summit."
        before = _SHIFT_BEFORE.search(found[0].task)
        if before and date is not None:
            n = int(before.group(1)) if before.group(1).isdigit() else 1
            unit = 7 if before.group(2).lower().startswith("week") else 1
            date = date - dt.timedelta(days=n * unit)
        found[0].due = DueMatch(date, d.phrase, d.start + sentence.start, d.end + sentence.start)
