"""One structured-output call with bounded retries, returning a validated pydantic object.

Retries (with backoff) on rate limits, 5xx, connection errors and answers that do not validate
against the schema; gives up at once on 400/401/403/404 and after a timeout (a hung server
would hang again), and never waits past the draft's `Deadline`. After the last attempt an
`LLMCallError` (an `LLMError`) carries a user-facing reason; jobs fall back to the built-in
engine (`refine.refine_or_fallback`).

The answer is parsed here, not by the SDK: reasoning text (`<think>…</think>`) and Markdown
fences are removed first, so reasoning models work and a bad answer is a retryable
"invalid answer", never an exception from deep inside a parser.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.runnables import Runnable
from langchain_core.utils.function_calling import convert_to_openai_function
from langchain_openai.chat_models.base import OpenAIRefusalError
from pydantic import BaseModel, ValidationError

from assistant.llm import guard
from assistant.llm.deadline import Deadline, DeadlineExceeded, run_within
from assistant.llm.errors import FailureKind, InvalidAnswerError, LLMCallError
from assistant.llm.failures import DEFAULT_BACKOFF, Backoff, classify
from assistant.llm.messages import Messages, to_langchain
from assistant.llm.reasoning import parse_json_answer

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
    deadline: Deadline | None = None,
) -> StructuredResult[T]:
    """Ask for `schema`; at most `max_retries + 1` attempts, all within `deadline`.

    Raises LLMCallError on failure (kind TIMEOUT when the deadline ran out).
    """
    guard.check_chat_model(chat_model)
    deadline = deadline or Deadline.none()
    name = model_name(chat_model)
    runnable = _bound(chat_model, schema, method)
    prompt = to_langchain(messages)
    started = time.perf_counter()
    attempt = 0
    while True:
        attempt += 1
        try:
            output = run_within(deadline, lambda: runnable.invoke(prompt))
            value, raw = parse_answer(output, schema)
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
            delay = backoff.delay(attempt, failure.retry_after)
            out_of_time = deadline.bounded and delay >= deadline.remaining()
            if (
                not failure.retryable
                or failure.kind is FailureKind.TIMEOUT
                or attempt > max_retries
                or out_of_time
            ):
                error = LLMCallError.from_failure(failure, attempts=attempt, model=name)
                if isinstance(exc, DeadlineExceeded):
                    error = _out_of_time(error, deadline, name)
                raise error from exc
            sleep(delay)
            continue
        latency_ms = (time.perf_counter() - started) * 1000
        logger.info("LLM call to %s succeeded in %.0f ms (%d attempts)", name, latency_ms, attempt)
        return StructuredResult(value, name, attempt, latency_ms, _usage(raw))


def _out_of_time(error: LLMCallError, deadline: Deadline, model: str) -> LLMCallError:
    seconds = f"{deadline.seconds:g}"
    return LLMCallError(
        f"The model did not give a usable answer within {seconds} s.",
        kind=FailureKind.TIMEOUT,
        attempts=error.attempts,
        reason=f"no answer within {seconds} s",
        model=model,
    )


def _bound(
    chat_model: BaseChatModel, schema: type[BaseModel], method: StructuredMethod
) -> Runnable[Any, Any]:
    """The chat model set up to answer with `schema`; it returns the raw AIMessage."""
    function = convert_to_openai_function(schema, strict=True)
    if method == "function_calling":
        return chat_model.bind_tools([schema], tool_choice=function["name"], strict=True)
    if method == "json_mode":
        return chat_model.bind(response_format={"type": "json_object"})
    spec: dict[str, Any] = {
        "name": function["name"],
        "schema": function["parameters"],
        "strict": True,
    }
    if function.get("description"):
        spec["description"] = function["description"]
    return chat_model.bind(response_format={"type": "json_schema", "json_schema": spec})


def parse_answer(output: Any, schema: type[T]) -> tuple[T, BaseMessage | None]:
    """The validated object from a model's message (tool call or text), or InvalidAnswerError."""
    if not isinstance(output, AIMessage):
        raise InvalidAnswerError(f"unexpected answer type {type(output).__name__}")
    refusal = output.additional_kwargs.get("refusal")
    if refusal:
        raise OpenAIRefusalError(str(refusal))
    try:
        if output.tool_calls:
            return schema.model_validate(output.tool_calls[0]["args"]), output
        return schema.model_validate(parse_json_answer(_text(output))), output
    except (ValueError, ValidationError) as exc:  # JSONDecodeError is a ValueError
        raise InvalidAnswerError("the answer did not validate against the schema") from exc


def _text(message: AIMessage) -> str:
    content = message.content
    if isinstance(content, str):
        return content
    return "".join(
        part if isinstance(part, str) else str(part.get("text", ""))
        for part in content
        if isinstance(part, str) or part.get("type") in (None, "text")
    )


def _usage(raw: BaseMessage | None) -> TokenUsage | None:
    metadata = getattr(raw, "usage_metadata", None)
    if not metadata:
        return None
    return TokenUsage(int(metadata.get("input_tokens", 0)), int(metadata.get("output_tokens", 0)))
