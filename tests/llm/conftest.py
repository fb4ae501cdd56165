"""Fixtures for LLM tests: a real local OpenAI-compatible server and settings pointing at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from assistant.config import Settings
from assistant.llm import Backoff, LLMClient, set_remote_calls_blocked
from tests.support.fake_openai import FakeOpenAIServer, llm_settings_for

# Tiny but non-zero, so tests exercise the real sleep path without slowing the suite.
FAST_BACKOFF = Backoff(initial=0.001, factor=2.0, maximum=0.01, jitter=0.0)


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def llm_settings(fake_openai: FakeOpenAIServer) -> Settings:
    """openai_compatible at the fake server, model gpt-4o-mini, 0.5 s timeout, 2 retries."""
    settings: Settings = llm_settings_for(fake_openai)
    return settings


@pytest.fixture
def sleeps() -> list[float]:
    """Backoff delays requested by the code under test (records instead of sleeping)."""
    return []


@pytest.fixture
def llm_client(llm_settings: Settings, sleeps: list[float]) -> LLMClient:
    client = LLMClient.from_settings(llm_settings, backoff=FAST_BACKOFF, sleep=sleeps.append)
    assert client is not None
    return client


@pytest.fixture(autouse=True)
def _guard_auto_mode() -> Iterator[None]:
    """Leave the guard's module switch as found, even if a test flips it."""
    yield
    set_remote_calls_blocked(None)
