"""The fake server itself, talked to with the real openai SDK."""

from __future__ import annotations

import json
import urllib.request

import openai
import pytest

from tests.support.fake_openai import FakeOpenAIServer, Respond, iter_sse


@pytest.fixture
def client(fake_openai: FakeOpenAIServer) -> openai.OpenAI:
    return openai.OpenAI(base_url=fake_openai.base_url, api_key="test-key", max_retries=0)


def test_models_lists_configured_models(client: openai.OpenAI) -> None:
    assert [m.id for m in client.models.list()] == ["gpt-4o-mini"]


def test_embeddings_are_deterministic_unit_vectors(
    client: openai.OpenAI, fake_openai: FakeOpenAIServer
) -> None:
    first = client.embeddings.create(model="text-embedding-3-small", input=["a", "b"])
    again = client.embeddings.create(model="text-embedding-3-small", input="a")

    vectors = [d.embedding for d in first.data]
    assert len(vectors) == 2 and len(vectors[0]) == fake_openai.embedding_dim
    assert vectors[0] == pytest.approx(again.data[0].embedding)
    assert vectors[0] != pytest.approx(vectors[1])
    assert sum(v * v for v in vectors[0]) == pytest.approx(1.0, abs=1e-5)


def test_plain_chat_answers_text_then_default(
    client: openai.OpenAI, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.enqueue(Respond.text("Hello"))

    first = client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}]
    )
    second = client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}]
    )

    assert first.choices[0].message.content == "Hello"
    assert second.choices[0].message.content == "OK"


def test_stream_has_usage_chunk_and_done(fake_openai: FakeOpenAIServer) -> None:
    fake_openai.enqueue(Respond.chunks("a", "b"))
    body = {
        "model": "gpt-4o-mini",
        "stream": True,
        "stream_options": {"include_usage": True},
        "messages": [{"role": "user", "content": "hi there"}],
    }
    request = urllib.request.Request(
        f"{fake_openai.base_url}/chat/completions",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )

    with urllib.request.urlopen(request, timeout=5) as response:
        lines = response.read().splitlines()

    assert [line for line in lines if line][-1] == b"data: [DONE]"
    events = list(iter_sse(lines))
    assert all(e["object"] == "chat.completion.chunk" for e in events)
    text = "".join(e["choices"][0]["delta"].get("content") or "" for e in events if e["choices"])
    assert text == "ab"
    assert events[-1]["choices"] == [] and events[-1]["usage"]["prompt_tokens"] == 2


def test_requests_are_recorded_without_the_key(
    client: openai.OpenAI, fake_openai: FakeOpenAIServer
) -> None:
    client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "private words"}]
    )

    recorded = fake_openai.last_request
    assert recorded.method == "POST"
    assert "test-key" not in json.dumps(dict(recorded.headers))
    assert recorded.prompt_text == "private words"


def test_rate_limit_fault_carries_retry_after(
    client: openai.OpenAI, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.enqueue(Respond.rate_limit(retry_after=2))

    with pytest.raises(openai.RateLimitError) as caught:
        client.chat.completions.create(
            model="gpt-4o-mini", messages=[{"role": "user", "content": "x"}]
        )

    assert caught.value.response.headers["retry-after"] == "2"


def test_unknown_route_is_404(client: openai.OpenAI) -> None:
    with pytest.raises(openai.NotFoundError):
        client.post("/nope", cast_to=object, body={})
