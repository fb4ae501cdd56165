"""Reasoning text some models put before their answer (`<think>…</think>` and the like).

Reasoning models (DeepSeek-R1, QwQ, some Ollama builds) prefix the answer with their chain of
thought, which is not the answer, may quote the notes loosely, and breaks JSON parsing. It is
removed before anything is parsed or shown; `strip_json_answer` also unwraps ```json fences.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

_TAGS = ("think", "thinking", "reasoning", "reflection", "thought")
_BLOCK = re.compile(
    r"<\s*(" + "|".join(_TAGS) + r")\s*>.*?<\s*/\s*\1\s*>", re.IGNORECASE | re.DOTALL
)
_OPEN = re.compile(r"<\s*(?:" + "|".join(_TAGS) + r")\s*>", re.IGNORECASE)
_CLOSE = re.compile(r"<\s*/\s*(?:" + "|".join(_TAGS) + r")\s*>", re.IGNORECASE)
_THOUGHT_MARKERS = re.compile(r"<\|begin_of_thought\|>.*?<\|end_of_thought\|>", re.DOTALL)
_FENCE = re.compile(r"^```(?:json|JSON)?\s*\n?(.*?)\n?```\s*$", re.DOTALL)


def strip_reasoning(text: str) -> str:
    """The answer without reasoning blocks; an unclosed block at the start is all reasoning."""
    text = _THOUGHT_MARKERS.sub("", _BLOCK.sub("", text))
    close = _CLOSE.search(text)
    if close is not None:  # "…reasoning…</think>answer": the opening tag was in the template
        text = text[close.end() :]
    elif (opening := _OPEN.search(text)) is not None and not text[: opening.start()].strip():
        return ""  # cut off while still thinking: there is no answer
    return text.strip()


def parse_json_answer(text: str) -> Any:
    """JSON from a model's text answer: reasoning and Markdown fences removed first.

    Raises ValueError when no JSON value can be read.
    """
    answer = strip_reasoning(text)
    fenced = _FENCE.match(answer)
    if fenced:
        answer = fenced.group(1).strip()
    try:
        return json.loads(answer)
    except json.JSONDecodeError:
        start, end = answer.find("{"), answer.rfind("}")
        if start < 0 or end <= start:
            raise ValueError("the answer holds no JSON object") from None
        return json.loads(answer[start : end + 1])  # prose around one object


def strip_reasoning_stream(chunks: Iterable[str]) -> Iterator[str]:
    """Streamed text without a leading reasoning block (held back until it closes)."""
    buffer = ""
    passing = False
    for chunk in chunks:
        if passing:
            yield chunk
            continue
        buffer += chunk
        head = buffer.lstrip()
        if not head:
            continue
        if _OPEN.match(head) or (head.startswith("<") and len(head) < 12 and ">" not in head):
            close = _CLOSE.search(buffer)
            if close is None:
                continue  # still thinking (or a tag still arriving)
            buffer = buffer[close.end() :].lstrip()
        passing = True
        if buffer:
            yield buffer
        buffer = ""
    if not passing and buffer and not _OPEN.match(buffer.lstrip()):
        yield buffer
