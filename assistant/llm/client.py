"""`LLMClient`: the one object job services receive to talk to a model.

It bundles the chat model with the retry policy and redaction settings, so a job only says
what it wants (messages, schema, the people named in them):

    result = client.structured(messages, RecapAnswer, people=[manager, report])
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from pydantic import BaseModel

from assistant.config import Settings
from assistant.llm.failures import DEFAULT_BACKOFF, Backoff
from assistant.llm.messages import Messages
from assistant.llm.prompts import PromptMessage
from assistant.llm.providers import build_chat_model
from assistant.llm.redaction import Redactor
from assistant.llm.streaming import stream_text
from assistant.llm.structured import (
    Sleep,
    StructuredMethod,
    StructuredResult,
    call_structured,
    model_name,
)

T = TypeVar("T", bound=BaseModel)


class LLMClient:
    def __init__(
        self,
        chat_model: BaseChatModel,
        *,
        max_retries: int = 2,
        redact: bool = True,
        method: StructuredMethod = "json_schema",
        backoff: Backoff = DEFAULT_BACKOFF,
        sleep: Sleep = time.sleep,
    ) -> None:
        self.chat_model = chat_model
        self.max_retries = max_retries
        self.redact = redact
        self.method: StructuredMethod = method
        self.backoff = backoff
        self.sleep = sleep

    @classmethod
    def from_settings(
        cls, settings: Settings, *, backoff: Backoff = DEFAULT_BACKOFF, sleep: Sleep = time.sleep
    ) -> LLMClient | None:
        """None when the provider is `none` (the built-in engine is used)."""
        chat_model = build_chat_model(settings)
        if chat_model is None:
            return None
        return cls(
            chat_model,
            max_retries=settings.llm.max_retries,
            redact=settings.redact,
            backoff=backoff,
            sleep=sleep,
        )

    @property
    def model(self) -> str:
        return model_name(self.chat_model)

    @property
    def engine_label(self) -> str:
        return f"llm:{self.model}"

    def redactor(self, people: Iterable[str]) -> Redactor:
        return Redactor(people if self.redact else ())

    def structured(
        self,
        messages: Messages,
        schema: type[T],
        *,
        people: Iterable[str] = (),
        method: StructuredMethod | None = None,
    ) -> StructuredResult[T]:
        """Validated answer with names redacted on the way out and restored on the way back."""
        redactor = self.redactor(people)
        result = call_structured(
            self.chat_model,
            redact_messages(messages, redactor),
            schema,
            max_retries=self.max_retries,
            method=method or self.method,
            backoff=self.backoff,
            sleep=self.sleep,
        )
        return result.map(redactor.restore_model)

    def stream(self, messages: Messages, *, people: Iterable[str] = ()) -> Iterator[str]:
        """Text chunks for `st.write_stream`; raises LLMError (possibly mid-stream)."""
        redactor = self.redactor(people)
        chunks = stream_text(
            self.chat_model,
            redact_messages(messages, redactor),
            max_retries=self.max_retries,
            backoff=self.backoff,
            sleep=self.sleep,
        )
        return redactor.restore_stream(chunks)


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
