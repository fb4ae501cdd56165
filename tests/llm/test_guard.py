from __future__ import annotations

import pytest
from langchain_openai import ChatOpenAI
from pydantic import BaseModel, SecretStr

from assistant.config import LLMSettings
from assistant.errors import LLMError
from assistant.llm.guard import (
    ALLOW_ENV,
    display_url,
    is_local_url,
    remote_calls_blocked,
    set_remote_calls_blocked,
)
from assistant.llm.providers import build_chat_model
from assistant.llm.streaming import stream_text
from assistant.llm.structured import call_structured

BLOCKED = "remote model calls are disabled in tests"


class Answer(BaseModel):
    text: str


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8000/v1", True),
        ("http://localhost:11434/v1", True),
        ("http://LOCALHOST/v1", True),
        ("http://[::1]:8000/v1", True),
        ("http://127.0.0.2:8000/v1", True),
        ("https://api.openai.com/v1", False),
        ("http://10.0.0.5:8000/v1", False),
        ("http://0.0.0.0:8000/v1", False),
        ("http://localhost.evil.example/v1", False),
        ("http://127.0.0.1.nip.io/v1", False),
        ("", False),
        (None, False),
    ],
)
def test_is_local_url(url: str | None, local: bool) -> None:
    assert is_local_url(url) is local


def test_guard_is_on_under_pytest() -> None:
    assert remote_calls_blocked()


@pytest.mark.parametrize(
    "llm",
    [
        LLMSettings(provider="openai", api_key=SecretStr("sk-test")),  # default OpenAI URL
        LLMSettings(
            provider="openai", api_key=SecretStr("sk-test"), base_url="https://api.openai.com/v1"
        ),
        LLMSettings(provider="openai_compatible", base_url="http://10.1.2.3:8000/v1"),
    ],
    ids=["openai-default-url", "openai-explicit-url", "lan-server"],
)
def test_guard_blocks_non_local_base_url(llm: LLMSettings) -> None:
    with pytest.raises(LLMError, match=BLOCKED):
        build_chat_model(llm)


def test_guard_allows_loopback_base_url() -> None:
    llm = LLMSettings(provider="openai_compatible", base_url="http://localhost:11434/v1")
    assert build_chat_model(llm) is not None


def test_env_opt_in_allows_remote_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ALLOW_ENV, "1")
    # Building makes no request, so this opt-in test still never reaches the network.
    assert build_chat_model(LLMSettings(provider="openai", api_key=SecretStr("sk"))) is not None


def test_module_switch_forces_blocking_outside_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ALLOW_ENV, "1")
    set_remote_calls_blocked(True)
    with pytest.raises(LLMError, match=BLOCKED):
        build_chat_model(LLMSettings(provider="openai", api_key=SecretStr("sk")))


def test_call_time_guard_blocks_directly_built_remote_model() -> None:
    remote = ChatOpenAI(model="gpt-4o-mini", api_key=SecretStr("sk"), max_retries=0)
    with pytest.raises(LLMError, match=BLOCKED):
        call_structured(remote, [{"role": "user", "content": "hi"}], Answer, max_retries=0)
    with pytest.raises(LLMError, match=BLOCKED):
        stream_text(remote, [{"role": "user", "content": "hi"}])


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://user:secret@127.0.0.1:8000/v1?key=abc", "http://127.0.0.1:8000/v1"),
        ("http://[::1]:11434/v1", "http://[::1]:11434/v1"),
        (None, "OpenAI"),
        ("http://127.0.0.1:99999999/v1", "the configured server"),
    ],
)
def test_display_url_hides_credentials(url: str | None, shown: str) -> None:
    assert display_url(url) == shown
