from __future__ import annotations

import pytest
from pydantic import BaseModel

from assistant.errors import LLMError
from assistant.llm import (
    BUILTIN_ENGINE,
    NO_BACKOFF,
    FailureKind,
    LLMCallError,
    LLMClient,
    StructuredResult,
    run_with_fallback,
)
from assistant.llm.fallback import fallback_notice
from tests.support.fake_openai import FakeOpenAIServer, Respond


class Draft(BaseModel):
    summary: str


BUILTIN = Draft(summary="built-in summary")


def test_no_model_configured_uses_builtin_without_notice() -> None:
    outcome = run_with_fallback(None, BUILTIN)

    assert outcome == (BUILTIN, "built-in", ())
    assert not outcome.used_llm


def test_llm_success_labels_engine_with_model() -> None:
    answer = StructuredResult(Draft(summary="llm"), "gpt-4o-mini", attempts=1, latency_ms=5.0)

    result, engine, notices = run_with_fallback(lambda: answer, BUILTIN)

    assert result == Draft(summary="llm")
    assert engine == "llm:gpt-4o-mini"
    assert notices == ()


@pytest.mark.parametrize(
    ("error", "notice"),
    [
        (
            LLMCallError(
                "x", kind=FailureKind.TIMEOUT, attempts=3, reason="timed out 3 times", model="m"
            ),
            "The AI model could not be reached (timed out 3 times); showing the built-in draft.",
        ),
        (
            LLMCallError(
                "x", kind=FailureKind.AUTH, attempts=1, reason="API key rejected", model="m"
            ),
            "The AI model could not be used (API key rejected); showing the built-in draft.",
        ),
        (
            LLMError("remote model calls are disabled in tests"),
            "The AI model could not be used (remote model calls are disabled in tests); "
            "showing the built-in draft.",
        ),
    ],
    ids=["timeout", "auth", "plain-llm-error"],
)
def test_fallback_notice_text(error: LLMError, notice: str) -> None:
    assert fallback_notice(error) == notice


def test_llm_failure_falls_back_to_builtin_with_notice(fake_openai: FakeOpenAIServer) -> None:
    from tests.support.fake_openai import llm_settings_for

    client = LLMClient.from_settings(llm_settings_for(fake_openai), backoff=NO_BACKOFF)
    assert client is not None
    fake_openai.enqueue(*[Respond.server_error()] * 3)

    outcome = run_with_fallback(
        lambda: client.structured([{"role": "user", "content": "notes"}], Draft),
        BUILTIN,
        what="recap",
    )

    assert outcome.result is BUILTIN
    assert outcome.engine == BUILTIN_ENGINE
    assert outcome.notices == (
        "The AI model could not be reached (server error 3 times, HTTP 500); "
        "showing the built-in recap.",
    )


def test_bugs_are_not_swallowed_by_fallback() -> None:
    def broken() -> StructuredResult[Draft]:
        raise KeyError("bug")

    with pytest.raises(KeyError):
        run_with_fallback(broken, BUILTIN)
