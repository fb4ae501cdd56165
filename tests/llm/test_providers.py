from __future__ import annotations

import pytest
from langchain_openai import ChatOpenAI
from pydantic import SecretStr

from assistant.config import LLMSettings, Settings
from assistant.errors import ConfigError
from assistant.llm.providers import (
    LOCAL_PLACEHOLDER_KEY,
    build_chat_model,
    get_factory,
    provider_names,
)

LOCAL = "http://127.0.0.1:9/v1"


def test_provider_names_lists_the_three_modes() -> None:
    assert provider_names() == ("none", "openai", "openai_compatible")


def test_build_chat_model_none_returns_none() -> None:
    assert build_chat_model(LLMSettings(provider="none")) is None


def test_unknown_mode_fails_listing_valid_modes() -> None:
    with pytest.raises(ConfigError) as caught:
        get_factory("anthropic")
    message = str(caught.value)
    assert "'anthropic'" in message
    assert "none, openai, openai_compatible" in message


def test_openai_compatible_builds_chat_openai_without_client_retries() -> None:
    llm = LLMSettings(
        provider="openai_compatible",
        base_url=LOCAL,
        api_key=SecretStr("k"),
        model="gpt-4o-mini",
        timeout_seconds=7,
        temperature=0.3,
    )
    model = build_chat_model(Settings(llm=llm))
    assert isinstance(model, ChatOpenAI)
    assert model.model_name == "gpt-4o-mini"
    assert model.openai_api_base == LOCAL
    assert model.max_retries == 0
    assert model.request_timeout == 7
    assert model.temperature == 0.3
    assert model.openai_api_key is not None
    assert model.openai_api_key.get_secret_value() == "k"


def test_openai_compatible_without_key_uses_placeholder_key() -> None:
    model = build_chat_model(LLMSettings(provider="openai_compatible", base_url=LOCAL))
    assert isinstance(model, ChatOpenAI)
    assert model.openai_api_key is not None
    assert model.openai_api_key.get_secret_value() == LOCAL_PLACEHOLDER_KEY


def test_openai_without_key_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="COACH_LLM__API_KEY"):
        build_chat_model(LLMSettings(provider="openai", base_url=LOCAL))


def test_openai_compatible_without_base_url_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="BASE_URL"):
        build_chat_model(LLMSettings(provider="openai_compatible"))
