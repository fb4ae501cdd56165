"""The provider seam: a registry from mode name (settings.llm.provider) to a chat-model factory.

`none` means "built-in engine only" and yields None. Both OpenAI modes yield a LangChain
`ChatOpenAI` with client-level retries off, because `structured.call_structured` retries with
its own error mapping and user-facing messages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_openai import ChatOpenAI
from pydantic import SecretStr

from assistant.config import LLMSettings, Settings
from assistant.errors import ConfigError
from assistant.llm import guard

logger = logging.getLogger(__name__)

ChatModelFactory = Callable[[LLMSettings], BaseChatModel | None]

# Local servers (Ollama, llama.cpp, vLLM) ignore the key, but the SDK insists on one.
LOCAL_PLACEHOLDER_KEY = "not-needed"


def _none(llm: LLMSettings) -> None:
    return None


def _chat_openai(llm: LLMSettings, base_url: str, api_key: SecretStr) -> ChatOpenAI:
    guard.check_base_url(base_url)
    options: dict[str, Any] = {
        "model": llm.model,
        "base_url": base_url,
        "api_key": api_key,
        # No single request may outlive the draft's deadline (see deadline.run_within).
        "timeout": min(llm.timeout_seconds, llm.deadline_seconds),
        "max_retries": 0,
        "temperature": llm.temperature,
    }
    logger.info(
        "LLM provider %s: model %s at %s", llm.provider, llm.model, guard.display_url(base_url)
    )
    return ChatOpenAI(**options)


def _openai(llm: LLMSettings) -> ChatOpenAI:
    if llm.api_key is None or not llm.api_key.get_secret_value():
        raise ConfigError("The openai provider needs an API key: set COACH_LLM__API_KEY")
    return _chat_openai(llm, llm.base_url or guard.OPENAI_DEFAULT_BASE_URL, llm.api_key)


def _openai_compatible(llm: LLMSettings) -> ChatOpenAI:
    if not llm.base_url:
        raise ConfigError("COACH_LLM__BASE_URL is required for an openai_compatible provider")
    key = llm.api_key if llm.api_key and llm.api_key.get_secret_value() else None
    return _chat_openai(llm, llm.base_url, key or SecretStr(LOCAL_PLACEHOLDER_KEY))


_REGISTRY: dict[str, ChatModelFactory] = {
    "none": _none,
    "openai": _openai,
    "openai_compatible": _openai_compatible,
}


def provider_names() -> tuple[str, ...]:
    return tuple(_REGISTRY)


def register_provider(name: str, factory: ChatModelFactory) -> None:
    """Add a mode (e.g. a future Azure or Anthropic seam); later registrations win."""
    _REGISTRY[name] = factory


def get_factory(mode: str) -> ChatModelFactory:
    try:
        return _REGISTRY[str(mode)]
    except KeyError:
        valid = ", ".join(_REGISTRY)
        raise ConfigError(f"Unknown LLM provider {str(mode)!r}; valid providers: {valid}") from None


def build_chat_model(settings: Settings | LLMSettings) -> BaseChatModel | None:
    """The configured chat model, or None for the built-in engine.

    Raises ConfigError for bad settings and LLMError when the test guard blocks the URL.
    """
    llm = settings.llm if isinstance(settings, Settings) else settings
    return get_factory(llm.provider)(llm)
