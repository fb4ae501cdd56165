"""Worst-case speed: every input under the 200 KB limit finishes well within the 5 s budget.

These inputs used to be quadratic (a 199 KB paste of one sentence took 212 s). The bound
below is four times the 5 s target and far above what they take now (about 1-3 s each on a
loaded two-core machine), so the test only fails when something grows faster than linear.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import pytest

from assistant.recap.builtin import extract_recap
from assistant.recap.builtin.segmentation import MAX_SENTENCE, split_sentences

SIZE = 199_000
BOUND_S = 20.0


def _repeat(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


INPUTS: dict[str, Callable[[], str]] = {
    "one sentence repeated on one line": lambda: _repeat("Priya will send the deck by Friday. "),
    "spaces": lambda: " " * SIZE,
    "one endless clause": lambda: _repeat("and I will "),
    "dashes": lambda: _repeat("- "),
    "distinct bullets": lambda: "".join(
        f"- Sam to review report {i} by Monday\n" for i in range(SIZE // 34)
    )[:SIZE],
    "headings with items": lambda: "".join(
        f"## Action items {i}\n- do thing {i}\n" for i in range(SIZE // 30)
    )[:SIZE],
    "questions": lambda: _repeat("can you send it? "),
    "transcript": lambda: "".join(
        f"Dana: can you send draft {i}?\nPriya: yes, I will send it by Friday.\n"
        for i in range(SIZE // 60)
    )[:SIZE],
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(INPUTS))
def test_pathological_input_finishes_in_bounded_time(name: str) -> None:
    notes = INPUTS[name]()
    start = time.perf_counter()
    draft = extract_recap(
        notes, meeting_date=dt.date(2026, 3, 4), manager="Dana Whitfield", report="Priya Nair"
    )
    elapsed = time.perf_counter() - start
    assert elapsed < BOUND_S, f"{name}: {elapsed:.1f} s"
    assert all(len(i.evidence) <= 8 * (MAX_SENTENCE + 10) for i in draft.action_items)


def test_no_sentence_is_longer_than_the_bound() -> None:
    """The guard that keeps per-sentence rules linear: long runs are cut into pieces."""
    text = "word " * 2_000
    spans = split_sentences(text)
    assert max(b - a for a, b in spans) <= MAX_SENTENCE
    assert "".join(text[a:b] for a, b in spans).split() == text.split()
