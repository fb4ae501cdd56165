"""One structured-output call with bounded retries, returning a validated pydantic object.

Retries (with backoff) on timeouts, rate limits, 5xx, connection errors and answers that do
not validate against the schema; gives up at once on 400/401/403/404. After the last attempt
an `LLMCallError` (an `LLMError`) carries a user-facing reason; job services catch it and fall
back to the built-in engine (see `fallback.run_with_fallback`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from pydantic import BaseModel

from assistant.llm import guard
from assistant.llm.errors import InvalidAnswerError, LLMCallError
from assistant.llm.failures import DEFAULT_BACKOFF, Backoff, classify
from assistant.llm.messages import Messages, to_langchain

logger = logging.getLogger(__name__)

T = TypeVar("T", bound=BaseModel)
U = TypeVar("U")
V = TypeVar("V")
StructuredMethod = Literal["json_schema", "function_calling", "json_mode"]
Sleep = Callable[[float], None]


@dataclass(frozen=True)
class TokenUsage:
    input_tokens: int
    output_tokens: int


@dataclass(frozen=True)
class StructuredResult(Generic[U]):
    """The validated answer plus where it came from."""

    value: U
    model: str
    attempts: int
    latency_ms: float  # wall time of all attempts, backoff included
    usage: TokenUsage | None = None

    @property
    def engine(self) -> str:
        return f"llm:{self.model}"

    def map(self, fn: Callable[[U], V]) -> StructuredResult[V]:
        """Same metadata, new value (e.g. the LLM schema turned into the job's draft)."""
        return StructuredResult(
            fn(self.value), self.model, self.attempts, self.latency_ms, self.usage
        )


def model_name(chat_model: BaseChatModel) -> str:
    name = getattr(chat_model, "model_name", None) or getattr(chat_model, "model", None)
    return str(name) if name else type(chat_model).__name__


def call_structured(
    chat_model: BaseChatModel,
    messages: Messages,
    schema: type[T],
    *,
    max_retries: int,
    method: StructuredMethod = "json_schema",
    backoff: Backoff = DEFAULT_BACKOFF,
    sleep: Sleep = time.sleep,
) -> StructuredResult[T]:
    """Ask for `schema`; at most `max_retries + 1` attempts. Raises LLMCallError on failure."""
    guard.check_chat_model(chat_model)
    name = model_name(chat_model)
    runnable = chat_model.with_structured_output(schema, method=method, include_raw=True)
    prompt = to_langchain(messages)
    started = time.perf_counter()
    attempt = 0
    while True:
        attempt += 1
        try:
            output = runnable.invoke(prompt)
            value, raw = _parsed(output, schema)
        except Exception as exc:
            failure = classify(exc)
            if failure is None:
                raise
            # Only the kind and status are logged: error texts can echo the notes.
            logger.warning(
                "LLM call to %s failed (attempt %d of %d): %s status=%s",
                name,
                attempt,
                max_retries + 1,
                failure.kind,
                failure.status,
            )
            if not failure.retryable or attempt > max_retries:
                raise LLMCallError.from_failure(failure, attempts=attempt, model=name) from exc
            sleep(backoff.delay(attempt, failure.retry_after))
            continue
        latency_ms = (time.perf_counter() - started) * 1000
        logger.info("LLM call to %s succeeded in %.0f ms (%d attempts)", name, latency_ms, attempt)
        return StructuredResult(value, name, attempt, latency_ms, _usage(raw))


def _parsed(output: Any, schema: type[T]) -> tuple[T, BaseMessage | None]:
    """Pull the parsed object out of `include_raw=True` output, or raise InvalidAnswerError."""
    if not isinstance(output, dict):
        raise InvalidAnswerError(f"unexpected structured output type {type(output).__name__}")
    raw = output.get("raw")
    error = output.get("parsing_error")
    if error is not None:
        raise InvalidAnswerError("the answer did not validate against the schema") from error
    parsed = output.get("parsed")
    if isinstance(parsed, schema):
        return parsed, raw if isinstance(raw, BaseMessage) else None
    if isinstance(parsed, dict):  # json_mode with some parsers yields a dict
        return schema.model_validate(parsed), raw if isinstance(raw, BaseMessage) else None
    raise InvalidAnswerError("the model returned no structured answer")


def _usage(raw: BaseMessage | None) -> TokenUsage | None:
    metadata = getattr(raw, "usage_metadata", None)
    if not metadata:
        return None
    return TokenUsage(int(metadata.get("input_tokens", 0)), int(metadata.get("output_tokens", 0)))
