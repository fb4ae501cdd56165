"""`LLMClient`: the one object job services receive to talk to a model.

It bundles the chat model with the retry policy, the deadline and redaction, so a job only
says what it wants (messages, schema, the people it knows are named in them):

    result = client.structured(messages, RecapAnswer, people=[manager, report])

With redaction on, what is replaced before sending is wider than `people`: every name the
database knows (`known_people`, all managers and reports), names found in the user's text
(`names.find_names`), e-mails, links, phone and ID numbers (`sensitive`). `preview` returns the
exact messages a call would send, for the Settings page.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from langchain_core.language_models import BaseChatModel
from pydantic import BaseModel

from assistant.config import Settings
from assistant.llm.deadline import Deadline
from assistant.llm.failures import DEFAULT_BACKOFF, Backoff
from assistant.llm.messages import Messages
from assistant.llm.outbound import as_sent, redact_messages, redactor_for
from assistant.llm.prompts import PromptMessage
from assistant.llm.providers import build_chat_model
from assistant.llm.reasoning import strip_reasoning_stream
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
PeopleSource = Callable[[], Iterable[str]]


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
        deadline_seconds: float = 30.0,
        known_people: PeopleSource | None = None,
        max_prompt_chars: int = 24_000,
    ) -> None:
        self.chat_model = chat_model
        self.max_retries = max_retries
        self.redact = redact
        self.method: StructuredMethod = method
        self.backoff = backoff
        self.sleep = sleep
        self.deadline_seconds = deadline_seconds
        self.known_people = known_people
        self.max_prompt_chars = max_prompt_chars  # jobs split longer inputs (recap notes)

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        backoff: Backoff = DEFAULT_BACKOFF,
        sleep: Sleep = time.sleep,
        known_people: PeopleSource | None = None,
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
            deadline_seconds=settings.llm.deadline_seconds,
            known_people=known_people,
            max_prompt_chars=settings.llm.max_prompt_chars,
        )

    @property
    def model(self) -> str:
        return model_name(self.chat_model)

    @property
    def engine_label(self) -> str:
        return f"llm:{self.model}"

    def deadline(self) -> Deadline:
        """A fresh deadline for one draft (share it between the calls of that draft)."""
        return Deadline(self.deadline_seconds)

    def redactor(self, people: Iterable[str], messages: Messages = ()) -> Redactor:
        """Placeholders for one call (see `redactor_for`)."""
        known = self.known_people() if self.known_people and self.redact else ()
        return redactor_for(messages, people=people, known_people=known, redact=self.redact)

    def preview(self, messages: Messages, *, people: Iterable[str] = ()) -> list[PromptMessage]:
        """The messages exactly as a call with these arguments would send them."""
        return as_sent(messages, self.redactor(people, messages))

    def structured(
        self,
        messages: Messages,
        schema: type[T],
        *,
        people: Iterable[str] = (),
        method: StructuredMethod | None = None,
        deadline: Deadline | None = None,
    ) -> StructuredResult[T]:
        """Validated answer with names redacted on the way out and restored on the way back."""
        redactor = self.redactor(people, messages)
        result = call_structured(
            self.chat_model,
            redact_messages(messages, redactor),
            schema,
            max_retries=self.max_retries,
            method=method or self.method,
            backoff=self.backoff,
            sleep=self.sleep,
            deadline=deadline or self.deadline(),
        )
        return result.map(redactor.restore_model)

    def stream(self, messages: Messages, *, people: Iterable[str] = ()) -> Iterator[str]:
        """Text chunks for `st.write_stream`; raises LLMError (possibly mid-stream)."""
        redactor = self.redactor(people, messages)
        chunks = stream_text(
            self.chat_model,
            redact_messages(messages, redactor),
            max_retries=self.max_retries,
            backoff=self.backoff,
            sleep=self.sleep,
            deadline=self.deadline(),
        )
        return redactor.restore_stream(strip_reasoning_stream(chunks))


__all__ = ["LLMClient", "as_sent", "redact_messages", "redactor_for"]
