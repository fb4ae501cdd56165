"""Stream a model's text answer chunk by chunk, for `st.write_stream` in the UI.

Errors are mapped like structured calls. A failure before the first chunk is retried (the
user has seen nothing yet) unless it was a timeout; the first chunk must arrive within the
`Deadline`. Once text has been shown, a failure ends the stream with an LLMCallError so the UI
can say the answer was cut off.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Iterator

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from assistant.llm import guard
from assistant.llm.deadline import Deadline, DeadlineExceeded
from assistant.llm.errors import FailureKind, LLMCallError
from assistant.llm.failures import DEFAULT_BACKOFF, Backoff, classify
from assistant.llm.messages import Messages, to_langchain
from assistant.llm.structured import Sleep, model_name

logger = logging.getLogger(__name__)


def stream_text(
    chat_model: BaseChatModel,
    messages: Messages,
    *,
    max_retries: int = 0,
    backoff: Backoff = DEFAULT_BACKOFF,
    sleep: Sleep = time.sleep,
    deadline: Deadline | None = None,
) -> Iterator[str]:
    """Non-empty text chunks in order. The guard runs now, not at the first `next()`."""
    guard.check_chat_model(chat_model)
    return _chunks(
        chat_model, to_langchain(messages), max_retries, backoff, sleep, deadline or Deadline.none()
    )


def _chunks(
    chat_model: BaseChatModel,
    prompt: list[BaseMessage],
    max_retries: int,
    backoff: Backoff,
    sleep: Sleep,
    deadline: Deadline,
) -> Iterator[str]:
    name = model_name(chat_model)
    attempt = 0
    while True:
        attempt += 1
        started = False
        try:
            for text in _first_chunk_within(deadline, chat_model, prompt):
                started = True
                yield text
            return
        except Exception as exc:
            failure = classify(exc)
            if failure is None:
                raise
            logger.warning(
                "LLM stream from %s failed (attempt %d, started=%s): %s status=%s",
                name,
                attempt,
                started,
                failure.kind,
                failure.status,
            )
            delay = backoff.delay(attempt, failure.retry_after)
            if (
                started
                or not failure.retryable
                or failure.kind is FailureKind.TIMEOUT
                or attempt > max_retries
                or (deadline.bounded and delay >= deadline.remaining())
            ):
                error = LLMCallError.from_failure(failure, attempts=attempt, model=name)
                if started:
                    error = LLMCallError(
                        f"The answer was cut off: {error}",
                        kind=error.kind,
                        attempts=attempt,
                        reason=f"cut off: {error.reason}",
                        model=name,
                    )
                raise error from exc
            sleep(delay)


_END = object()


def _first_chunk_within(
    deadline: Deadline, chat_model: BaseChatModel, prompt: list[BaseMessage]
) -> Iterator[str]:
    """Non-empty text chunks; the first must come before the deadline (then no time limit:
    the manager sees text arriving, and the HTTP read timeout still bounds every pause)."""
    if not deadline.bounded:
        for chunk in chat_model.stream(prompt):
            if text := str(chunk.text):
                yield text
        return
    pipe: queue.Queue[object] = queue.Queue()

    def produce() -> None:
        try:
            for chunk in chat_model.stream(prompt):
                if text := str(chunk.text):
                    pipe.put(text)
        except BaseException as exc:  # re-raised in the consuming thread
            pipe.put(exc)
        pipe.put(_END)

    threading.Thread(target=produce, name="llm-stream", daemon=True).start()
    try:
        item = pipe.get(timeout=deadline.remaining())
    except queue.Empty:
        raise DeadlineExceeded(f"no answer within {deadline.seconds:g} s") from None
    while item is not _END:
        if isinstance(item, BaseException):
            raise item
        yield str(item)
        item = pipe.get()
