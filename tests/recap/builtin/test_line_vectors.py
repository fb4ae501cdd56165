"""The dense part of the line classifier: MiniLM vectors of a few unsure lines, offline."""

from __future__ import annotations

import datetime as dt

import numpy as np

from assistant.recap.builtin.engine import MAX_EMBEDDED, analyse, decide
from assistant.recap.builtin.line_model import default_line_model
from assistant.recap.builtin.line_vectors import sentence_vectors

D = dt.date(2026, 3, 4)


def test_the_shipped_model_weighs_the_bundled_sentence_embedding() -> None:
    model = default_line_model()
    assert len(model.dense) == 384
    assert 0.0 < model.dense_floor < model.add_threshold


def test_vectors_are_unit_length_rounded_and_the_same_every_time() -> None:
    texts = [
        "Zoë to send the rota to Łukasz by Friday",
        "王伟 will book the room",
        "Mary-Kate D'Souza: slides for the offsite",
        "Nguyễn Thị Hương reviews the budget",
    ]
    first = sentence_vectors(texts)
    assert first is not None
    assert first.shape == (4, 384)
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0, atol=0.01)
    assert np.array_equal(first, np.round(first, 3))
    again = sentence_vectors(list(reversed(texts)))
    assert again is not None
    assert np.array_equal(first, again[::-1])  # batch order does not change a vector


def _long_note(n: int) -> str:
    topics = ["the rota", "the vendor list", "the lab manual", "the grant report", "the wiki"]
    lines = ["## Notes"]
    lines += [f"- Review {topics[k % 5]} section {k} with Zoë and Łukasz" for k in range(n)]
    return "\n".join(lines) + "\n"


def test_a_long_note_embeds_only_a_few_lines_no_rule_read() -> None:
    a = analyse(_long_note(80), meeting_date=D, manager="Søren Kierk", report="Zoë Adébáyọ̀")
    decide(a, default_line_model())
    assert 0 < len(a.vectors) <= MAX_EMBEDDED
    assert all(not a.rule_cands[i] for i in a.vectors)
