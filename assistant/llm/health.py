"""The Settings page's "Test connection" button: one tiny chat request, a friendly verdict."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from assistant.config import Settings
from assistant.errors import CoachError
from assistant.llm.errors import FailureKind, LLMCallError
from assistant.llm.failures import classify
from assistant.llm.guard import display_url
from assistant.llm.messages import to_langchain
from assistant.llm.prompts import PromptLibrary, default_library
from assistant.llm.providers import build_chat_model

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConnectionReport:
    ok: bool
    latency_ms: float | None
    model: str
    message: str


def test_connection(
    settings: Settings, *, prompts: PromptLibrary | None = None
) -> ConnectionReport:
    """Send the `ping` prompt once (no retries). Never raises for network or config problems."""
    llm = settings.llm
    where = display_url(llm.base_url)
    try:
        chat_model = build_chat_model(settings)
    except CoachError as e:  # bad settings or the test guard
        return ConnectionReport(False, None, llm.model, str(e))
    if chat_model is None:
        return ConnectionReport(
            False, None, llm.model, "No AI model is configured; drafts use the built-in engine."
        )
    messages = to_langchain((prompts or default_library()).render("ping"))
    started = time.perf_counter()
    try:
        answer = chat_model.invoke(messages)
    except Exception as e:
        failure = classify(e)
        if failure is None:
            logger.exception("unexpected error while testing the LLM connection")
            return ConnectionReport(
                False, None, llm.model, f"Unexpected error ({type(e).__name__}); see the log."
            )
        logger.warning("LLM connection test failed: %s status=%s", failure.kind, failure.status)
        if failure.kind is FailureKind.CONNECTION:
            text = f"Could not connect to {where}. Is the server running, and is the URL right?"
        elif failure.kind is FailureKind.TIMEOUT:
            text = f"{where} did not answer within {llm.timeout_seconds:g} s."
        else:
            text = str(LLMCallError.from_failure(failure, attempts=1, model=llm.model))
        return ConnectionReport(False, None, llm.model, text)
    latency_ms = (time.perf_counter() - started) * 1000
    if not str(answer.text).strip():
        return ConnectionReport(
            False, latency_ms, llm.model, f"{where} answered, but with an empty message."
        )
    return ConnectionReport(
        True, latency_ms, llm.model, f"Connected to {llm.model} at {where} in {latency_ms:.0f} ms."
    )


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test
