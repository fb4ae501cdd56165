"""What goes out to a model, exactly: the redaction applied to a call's messages.

Shared by `LLMClient` (every call) and the Settings page's preview, so the preview shows the
request body's text as it is really sent. Light: no chat-model import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from langchain_core.messages import BaseMessage

from assistant.llm.messages import Messages
from assistant.llm.names import find_names
from assistant.llm.prompts import PromptMessage, Role
from assistant.llm.redaction import Redactor

# A data fence's own line (`prompts.fence`: "<notes>", "</draft>"). Names are looked for block
# by block: a word one block writes in lower case ("covering parser, łukasz nowak" in the
# built-in draft's summary) must not make it an everyday word in the notes beside it.
_FENCE_LINE = re.compile(r"^</?[a-z][a-z0-9_-]*>$", re.MULTILINE)


def redactor_for(
    messages: Messages,
    *,
    people: Iterable[str] = (),
    known_people: Iterable[str] = (),
    redact: bool = True,
) -> Redactor:
    """The given people, everyone the database knows and names found in the non-system
    messages become placeholders, with contact details; nothing at all when `redact` is off."""
    if not redact:
        return Redactor((), contacts=False)
    named = [*people, *known_people]
    known = Redactor(named, contacts=False)
    found: list[str] = []
    for message in messages:
        if _role(message) != "system":
            for block in _FENCE_LINE.split(_plain_text(message)):
                found += find_names(block)
    # A found "Maria" is the known Maria Santos, not someone new sharing her first name.
    return Redactor([*named, *(n for n in found if known.redact(n) == n)])


def as_sent(messages: Messages, redactor: Redactor) -> list[PromptMessage]:
    """Plain role/content messages after redaction: what the request body carries."""
    return [
        {"role": _role(m), "content": _plain_text(m)} for m in redact_messages(messages, redactor)
    ]


def _role(message: PromptMessage | BaseMessage) -> Role:
    if isinstance(message, BaseMessage):
        return {"system": "system", "ai": "assistant"}.get(message.type, "user")  # type: ignore[return-value]
    return message["role"]


def _plain_text(message: PromptMessage | BaseMessage) -> str:
    content: Any = message.content if isinstance(message, BaseMessage) else message["content"]
    if isinstance(content, str):
        return content
    return "\n".join(
        part if isinstance(part, str) else str(part.get("text", ""))
        for part in content
        if isinstance(part, str) or isinstance(part.get("text"), str)
    )


def redact_messages(messages: Messages, redactor: Redactor) -> list[PromptMessage | BaseMessage]:
    """Copies of the messages with every text part redacted."""
    redacted: list[PromptMessage | BaseMessage] = []
    for message in messages:
        if isinstance(message, BaseMessage):
            content = _redact_content(message.content, redactor)
            redacted.append(message.model_copy(update={"content": content}))
        else:
            content = redactor.redact(message["content"])
            redacted.append({"role": message["role"], "content": content})
    return redacted


def _redact_content(content: str | list[str | dict[str, Any]], redactor: Redactor) -> Any:
    if isinstance(content, str):
        return redactor.redact(content)
    parts: list[str | dict[str, Any]] = []
    for part in content:
        if isinstance(part, str):
            parts.append(redactor.redact(part))
        elif isinstance(part.get("text"), str):
            parts.append({**part, "text": redactor.redact(part["text"])})
        else:
            parts.append(part)
    return parts
