from __future__ import annotations

import socket

from pydantic import SecretStr

from assistant.config import LLMSettings, Settings
from assistant.llm.health import test_connection as check_connection
from tests.support.fake_openai import FakeOpenAIServer, Respond, llm_settings_for


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_connection_ok(fake_openai: FakeOpenAIServer, llm_settings: Settings) -> None:
    fake_openai.enqueue(Respond.text("OK"))

    report = check_connection(llm_settings)

    assert report.ok
    assert report.model == "gpt-4o-mini"
    assert report.latency_ms is not None and report.latency_ms > 0
    assert report.message.startswith("Connected to gpt-4o-mini at http://127.0.0.1:")
    request = fake_openai.last_request
    assert "Connection check" in request.prompt_text
    assert len(fake_openai.chat_requests) == 1


def test_connection_unreachable_is_friendly() -> None:
    llm = LLMSettings(
        provider="openai_compatible",
        base_url=f"http://127.0.0.1:{_closed_port()}/v1",
        timeout_seconds=1,
    )

    report = check_connection(Settings(llm=llm))

    assert not report.ok
    assert report.latency_ms is None
    assert "Could not connect to http://127.0.0.1:" in report.message
    assert "Is the server running" in report.message


def test_connection_timeout(fake_openai: FakeOpenAIServer) -> None:
    fake_openai.enqueue(Respond.slow(1.0))

    report = check_connection(llm_settings_for(fake_openai, timeout_seconds=0.2))

    assert not report.ok
    assert "did not answer within 0.2 s" in report.message
    assert len(fake_openai.chat_requests) == 1  # no retries for a connection test


def test_connection_bad_key(fake_openai: FakeOpenAIServer, llm_settings: Settings) -> None:
    fake_openai.enqueue(Respond.unauthorized())

    report = check_connection(llm_settings)

    assert not report.ok
    assert "rejected the API key" in report.message
    assert "test-key" not in report.message


def test_connection_provider_none() -> None:
    report = check_connection(Settings(llm=LLMSettings(provider="none")))

    assert not report.ok
    assert "built-in engine" in report.message


def test_connection_blocked_remote_url_under_tests() -> None:
    llm = LLMSettings(provider="openai", api_key=SecretStr("sk-test"))

    report = check_connection(Settings(llm=llm))

    assert not report.ok
    assert report.message == "remote model calls are disabled in tests"


def test_connection_url_credentials_are_not_shown() -> None:
    llm = LLMSettings(
        provider="openai_compatible", base_url=f"http://user:secret@127.0.0.1:{_closed_port()}/v1"
    )

    report = check_connection(Settings(llm=llm))

    assert "secret" not in report.message
