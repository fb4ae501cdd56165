"""Stream a model's text answer chunk by chunk, for `st.write_stream` in the UI.

Errors are mapped like structured calls. A failure before the first chunk is retried (the
user has seen nothing yet); once text has been shown, a failure ends the stream with an
LLMCallError so the UI can say the answer was cut off.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage

from assistant.llm import guard
from assistant.llm.errors import LLMCallError
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
) -> Iterator[str]:
    """Non-empty text chunks in order. The guard runs now, not at the first `next()`."""
    guard.check_chat_model(chat_model)
    return _chunks(chat_model, to_langchain(messages), max_retries, backoff, sleep)


def _chunks(
    chat_model: BaseChatModel,
    prompt: list[BaseMessage],
    max_retries: int,
    backoff: Backoff,
    sleep: Sleep,
) -> Iterator[str]:
    name = model_name(chat_model)
    attempt = 0
    while True:
        attempt += 1
        started = False
        try:
            for chunk in chat_model.stream(prompt):
                text = str(chunk.text)
                if text:
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
            if started or not failure.retryable or attempt > max_retries:
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
            sleep(backoff.delay(attempt, failure.retry_after))
