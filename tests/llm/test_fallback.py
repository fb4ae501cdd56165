from __future__ import annotations

from collections.abc import Callable

import pytest
from pydantic import BaseModel

from assistant.errors import LLMError
from assistant.llm.client import LLMClient
from assistant.llm.errors import FailureKind, LLMCallError
from assistant.llm.failures import NO_BACKOFF
from assistant.llm.refine import BUILTIN_ENGINE, fallback_notice, refine_or_fallback
from assistant.llm.structured import StructuredResult
from tests.support.fake_openai import FakeOpenAIServer, Respond


class Draft(BaseModel):
    summary: str
    engine: str = BUILTIN_ENGINE
    notices: list[str] = []


BUILTIN = Draft(summary="built-in summary")


class ModelRefiner:
    """A job adapter in miniature: asks the model for a summary (or runs `call`)."""

    what = "recap"

    def __init__(self, call: Callable[[], StructuredResult[Draft]]) -> None:
        self.call = call

    def refine(self, draft: Draft, context: str) -> Draft:
        answer = self.call()
        return answer.value.model_copy(update={"engine": answer.engine})


def test_no_model_configured_uses_builtin_without_notice() -> None:
    result = refine_or_fallback(None, BUILTIN, "notes")

    assert result == BUILTIN
    assert (result.engine, result.notices) == ("built-in", [])


def test_llm_success_labels_engine_with_model() -> None:
    answer = StructuredResult(Draft(summary="llm"), "gpt-4o-mini", attempts=1, latency_ms=5.0)

    result = refine_or_fallback(ModelRefiner(lambda: answer), BUILTIN, "notes")

    assert result.summary == "llm"
    assert result.engine == "llm:gpt-4o-mini"
    assert result.notices == []


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

    refiner = ModelRefiner(lambda: client.structured([{"role": "user", "content": "notes"}], Draft))
    result = refine_or_fallback(refiner, BUILTIN, "notes")

    assert result.summary == BUILTIN.summary
    assert result.engine == BUILTIN_ENGINE
    assert result.notices == [
        "The AI model could not be reached (server error 3 times, HTTP 500); "
        "showing the built-in recap.",
    ]


def test_bugs_are_not_swallowed_by_fallback() -> None:
    def broken() -> StructuredResult[Draft]:
        raise KeyError("bug")

    with pytest.raises(KeyError):
        refine_or_fallback(ModelRefiner(broken), BUILTIN, "notes")
