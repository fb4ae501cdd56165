"""The LLM engine: provider seam, structured calls with retries, streaming, redaction,
fallback to the built-in engine, and the connection test.

Only this package imports `openai` / `langchain_openai`.
"""

from assistant.llm.client import LLMClient
from assistant.llm.failures import (
    DEFAULT_BACKOFF,
    NO_BACKOFF,
    Backoff,
    Failure,
    FailureKind,
    LLMCallError,
    classify,
)
from assistant.llm.fallback import BUILTIN_ENGINE, EngineOutcome, fallback_notice, run_with_fallback
from assistant.llm.guard import remote_calls_blocked, set_remote_calls_blocked
from assistant.llm.health import ConnectionReport, test_connection
from assistant.llm.providers import build_chat_model, provider_names, register_provider
from assistant.llm.redaction import Redactor
from assistant.llm.streaming import stream_text
from assistant.llm.structured import StructuredResult, TokenUsage, call_structured

__all__ = [
    "BUILTIN_ENGINE",
    "DEFAULT_BACKOFF",
    "NO_BACKOFF",
    "Backoff",
    "ConnectionReport",
    "EngineOutcome",
    "Failure",
    "FailureKind",
    "LLMCallError",
    "LLMClient",
    "Redactor",
    "StructuredResult",
    "TokenUsage",
    "build_chat_model",
    "call_structured",
    "classify",
    "fallback_notice",
    "provider_names",
    "register_provider",
    "remote_calls_blocked",
    "run_with_fallback",
    "set_remote_calls_blocked",
    "stream_text",
    "test_connection",
]
