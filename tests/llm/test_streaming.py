from __future__ import annotations

import pytest
from langchain_core.language_models import BaseChatModel

from assistant.config import Settings
from assistant.errors import LLMError
from assistant.llm.client import LLMClient
from assistant.llm.errors import FailureKind, LLMCallError
from assistant.llm.failures import NO_BACKOFF
from assistant.llm.providers import build_chat_model
from assistant.llm.streaming import stream_text
from tests.support.fake_openai import FakeOpenAIServer, Respond

MESSAGES = [{"role": "user", "content": "How do I give Priya feedback?"}]


@pytest.fixture
def chat_model(llm_settings: Settings) -> BaseChatModel:
    model = build_chat_model(llm_settings)
    assert model is not None
    return model


def test_stream_yields_chunks_in_order(
    fake_openai: FakeOpenAIServer, chat_model: BaseChatModel
) -> None:
    fake_openai.enqueue(Respond.chunks("Try ", "asking: ", "what do you ", "think happened?"))

    chunks = list(stream_text(chat_model, MESSAGES))

    assert chunks == ["Try ", "asking: ", "what do you ", "think happened?"]
    request = fake_openai.last_request
    assert request.stream
    assert "Priya" in request.prompt_text


def test_stream_with_usage_chunk_still_yields_only_text(fake_openai: FakeOpenAIServer) -> None:
    from langchain_openai import ChatOpenAI

    model = ChatOpenAI(
        model="gpt-4o-mini",
        base_url=fake_openai.base_url,
        api_key="test-key",  # type: ignore[arg-type]
        max_retries=0,
        stream_usage=True,
    )
    fake_openai.enqueue(Respond.text("one two three"))

    assert list(stream_text(model, MESSAGES)) == ["one ", "two ", "three"]
    assert fake_openai.last_request.body["stream_options"] == {"include_usage": True}


def test_stream_retries_a_failure_before_the_first_chunk(
    fake_openai: FakeOpenAIServer, chat_model: BaseChatModel
) -> None:
    fake_openai.enqueue(Respond.server_error(502), Respond.chunks("ok"))

    chunks = list(stream_text(chat_model, MESSAGES, max_retries=1, backoff=NO_BACKOFF))

    assert chunks == ["ok"]
    assert len(fake_openai.chat_requests) == 2


def test_stream_auth_error_is_mapped_and_not_retried(
    fake_openai: FakeOpenAIServer, chat_model: BaseChatModel
) -> None:
    fake_openai.enqueue(Respond.unauthorized())

    with pytest.raises(LLMError, match="rejected the API key"):
        list(stream_text(chat_model, MESSAGES, max_retries=2, backoff=NO_BACKOFF))

    assert len(fake_openai.chat_requests) == 1


def test_stream_broken_midway_says_the_answer_was_cut_off(
    fake_openai: FakeOpenAIServer, chat_model: BaseChatModel
) -> None:
    fake_openai.enqueue(Respond.broken_stream("First ", "part"), Respond.chunks("never"))
    received: list[str] = []

    with pytest.raises(LLMCallError) as caught:
        for chunk in stream_text(chat_model, MESSAGES, max_retries=2, backoff=NO_BACKOFF):
            received.append(chunk)

    assert received == ["First ", "part"]
    assert str(caught.value).startswith("The answer was cut off")
    assert caught.value.kind is FailureKind.SERVER
    assert len(fake_openai.chat_requests) == 1  # no retry once text was shown


def test_client_stream_restores_placeholders_split_across_chunks(
    fake_openai: FakeOpenAIServer, llm_client: LLMClient
) -> None:
    fake_openai.enqueue(Respond.chunks("Ask Per", "son ", "A what ", "Person B's view is."))
    messages = [{"role": "user", "content": "Priya Shah and Tom Ito disagree."}]

    text = "".join(llm_client.stream(messages, people=["Priya Shah", "Tom Ito"]))

    assert text == "Ask Priya Shah what Tom Ito's view is."
    sent = fake_openai.last_request.prompt_text
    assert sent == "Person A and Person B disagree."


def test_stream_does_not_retry_after_a_timeout(fake_openai: FakeOpenAIServer) -> None:
    from tests.support.fake_openai import llm_settings_for

    model = build_chat_model(llm_settings_for(fake_openai, timeout_seconds=0.2))
    assert model is not None
    fake_openai.enqueue(Respond.slow(1.0, Respond.chunks("late")), Respond.chunks("ok"))

    with pytest.raises(LLMCallError) as caught:
        list(stream_text(model, MESSAGES, max_retries=2, backoff=NO_BACKOFF))

    assert caught.value.kind is FailureKind.TIMEOUT
    assert len(fake_openai.chat_requests) == 1


def test_the_first_chunk_must_arrive_before_the_deadline(
    fake_openai: FakeOpenAIServer, chat_model: BaseChatModel
) -> None:
    import time

    from assistant.llm.deadline import Deadline

    fake_openai.enqueue(Respond.slow(3.0, Respond.chunks("late")))
    started = time.monotonic()

    with pytest.raises(LLMCallError) as caught:
        list(stream_text(chat_model, MESSAGES, deadline=Deadline(0.3)))

    assert caught.value.kind is FailureKind.TIMEOUT
    assert time.monotonic() - started < 1.5


def test_client_stream_drops_reasoning_text(
    fake_openai: FakeOpenAIServer, llm_client: LLMClient
) -> None:
    fake_openai.enqueue(Respond.chunks("<think>", "Priya is ", "sensitive", "</think>", "Ask her."))

    assert "".join(llm_client.stream(MESSAGES)) == "Ask her."
