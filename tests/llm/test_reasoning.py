from __future__ import annotations

import pytest

from assistant.llm.reasoning import parse_json_answer, strip_reasoning, strip_reasoning_stream


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<think>plan</think>Answer", "Answer"),
        ("<THINKING>\nplan\n</THINKING>\n\nAnswer", "Answer"),
        ("<reasoning>a</reasoning><think>b</think> Answer", "Answer"),
        ("plan only closed</think>Answer", "Answer"),
        ("<|begin_of_thought|>x<|end_of_thought|>Answer", "Answer"),
        ("<think>never closed", ""),
        ("Answer with <b>html</b>", "Answer with <b>html</b>"),
    ],
)
def test_strip_reasoning(text: str, expected: str) -> None:
    assert strip_reasoning(text) == expected


def test_parse_json_answer_reads_fenced_json_after_reasoning() -> None:
    assert parse_json_answer('<think>{"a": 0}</think>```json\n{"a": 1}\n```') == {"a": 1}


def test_parse_json_answer_without_json_raises() -> None:
    with pytest.raises(ValueError):
        parse_json_answer("<think>x</think>Sorry, I cannot help.")


@pytest.mark.parametrize(
    "chunks",
    [
        ["<think>", "let me see", "</think>", "Polished ", "text."],
        ["<thi", "nk>let me see</th", "ink>Polished text."],
        ["  <think>x</think>\n", "Polished text."],
        ["Polished ", "text."],
    ],
)
def test_strip_reasoning_stream_drops_a_leading_block(chunks: list[str]) -> None:
    assert "".join(strip_reasoning_stream(chunks)) == "Polished text."


def test_strip_reasoning_stream_passes_text_through_without_waiting() -> None:
    stream = strip_reasoning_stream(iter(["Hello", " world"]))
    assert next(stream) == "Hello"
