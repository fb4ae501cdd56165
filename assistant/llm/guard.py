"""Refuse remote model calls while tests run, so no test can reach a paid model by accident.

Under pytest (detected by `PYTEST_CURRENT_TEST`) only loopback base URLs are allowed unless
`COACH_ALLOW_REMOTE_LLM=1`. `set_remote_calls_blocked` forces the rule on or off in code.
"""

from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit

from langchain_core.language_models import BaseChatModel

from assistant.errors import LLMError

OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1"
ALLOW_ENV = "COACH_ALLOW_REMOTE_LLM"
BLOCKED_MESSAGE = "remote model calls are disabled in tests"

_forced: bool | None = None  # None: decide from the environment


def set_remote_calls_blocked(blocked: bool | None) -> None:
    """True blocks remote calls everywhere, False never blocks, None restores auto-detection."""
    global _forced
    _forced = blocked


def remote_calls_blocked() -> bool:
    if _forced is not None:
        return _forced
    if os.environ.get(ALLOW_ENV) == "1":
        return False
    return "PYTEST_CURRENT_TEST" in os.environ


def is_local_url(url: str | None) -> bool:
    """True for http(s) URLs on localhost or a loopback IP (127.0.0.0/8, ::1)."""
    if not url:
        return False
    host = urlsplit(url).hostname
    if host is None:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str | None) -> None:
    """Raise LLMError when `base_url` (None means OpenAI's default) is remote and blocked."""
    if remote_calls_blocked() and not is_local_url(base_url or OPENAI_DEFAULT_BASE_URL):
        raise LLMError(BLOCKED_MESSAGE)


def check_chat_model(chat_model: BaseChatModel) -> None:
    """Second line of defence at call time, for chat models not built by our factory."""
    if not remote_calls_blocked():
        return
    # Only OpenAI-style models carry a base URL; local fakes (no network) pass.
    if not hasattr(chat_model, "openai_api_base"):
        return
    check_base_url(getattr(chat_model, "openai_api_base", None))
    root_client = getattr(chat_model, "root_client", None)
    if root_client is not None:
        check_base_url(str(root_client.base_url))


def display_url(url: str | None) -> str:
    """The URL without credentials or query string, safe to show and to log."""
    if not url:
        return "OpenAI"
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "the configured server"
    if ":" in host:
        host = f"[{host}]"
    return f"{parts.scheme}://{host}{port}{parts.path}"
