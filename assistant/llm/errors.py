"""Kinds of model failure and how to say them to a user. Light: no SDK imports, so job code
can catch and word model failures without loading LangChain."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from assistant.errors import LLMError


class FailureKind(StrEnum):
    TIMEOUT = "timeout"
    RATE_LIMIT = "rate_limit"
    SERVER = "server"
    CONNECTION = "connection"
    INVALID_ANSWER = "invalid_answer"
    AUTH = "auth"
    PERMISSION = "permission"
    NOT_FOUND = "not_found"
    BAD_REQUEST = "bad_request"
    CONTEXT_TOO_LONG = "context_too_long"
    REFUSED = "refused"
    UNKNOWN = "unknown"


RETRYABLE = frozenset(
    {
        FailureKind.TIMEOUT,
        FailureKind.RATE_LIMIT,
        FailureKind.SERVER,
        FailureKind.CONNECTION,
        FailureKind.INVALID_ANSWER,
    }
)
# Failures where the server was never properly reached; the notice says "reached".
UNREACHABLE = frozenset(
    {FailureKind.TIMEOUT, FailureKind.RATE_LIMIT, FailureKind.SERVER, FailureKind.CONNECTION}
)


@dataclass(frozen=True)
class Failure:
    """A classified failure. Holds no prompt or answer text, so it is safe to log."""

    kind: FailureKind
    status: int | None = None
    retry_after: float | None = None

    @property
    def retryable(self) -> bool:
        return self.kind in RETRYABLE


class InvalidAnswerError(ValueError):
    """The model answered, but not with something that validates against the schema."""


class LLMCallError(LLMError):
    """An LLMError that also says what kind of failure it was and after how many attempts."""

    def __init__(
        self, message: str, *, kind: FailureKind, attempts: int, reason: str, model: str
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.attempts = attempts
        self.reason = reason
        self.model = model

    @classmethod
    def from_failure(cls, failure: Failure, *, attempts: int, model: str) -> LLMCallError:
        message, reason = describe(failure, attempts=attempts, model=model)
        return cls(message, kind=failure.kind, attempts=attempts, reason=reason, model=model)


def _times(attempts: int) -> str:
    if attempts <= 1:
        return ""
    if attempts == 2:
        return " twice"
    return f" {attempts} times"


def describe(failure: Failure, *, attempts: int, model: str) -> tuple[str, str]:
    """A user-facing sentence and a short reason for notices, e.g. 'timed out 3 times'."""
    times = _times(attempts)
    http = f" (HTTP {failure.status})" if failure.status else ""
    match failure.kind:
        case FailureKind.TIMEOUT:
            return f"The model timed out{times}.", f"timed out{times}"
        case FailureKind.RATE_LIMIT:
            return (
                f"The model server rate-limited the request{times} (HTTP 429); "
                "try again in a minute.",
                f"rate-limited{times}",
            )
        case FailureKind.SERVER:
            status = f", HTTP {failure.status}" if failure.status else ""
            return f"The model server failed{times}{http}.", f"server error{times}{status}"
        case FailureKind.CONNECTION:
            return (
                f"Could not connect to the model server{times}; "
                "check that it is running and that the base URL is right.",
                f"could not connect{times}",
            )
        case FailureKind.INVALID_ANSWER:
            return (
                f"The model's answer did not match the expected format{times}.",
                f"invalid answer{times}",
            )
        case FailureKind.AUTH:
            return (
                "The LLM server rejected the API key (HTTP 401); check the API key in Settings.",
                "API key rejected",
            )
        case FailureKind.PERMISSION:
            return (
                f"The LLM server refused access to model '{model}' (HTTP 403).",
                "access denied",
            )
        case FailureKind.NOT_FOUND:
            return (
                f"The LLM server does not know model '{model}' (HTTP 404); "
                "check the model name and the base URL.",
                "model not found",
            )
        case FailureKind.BAD_REQUEST:
            return f"The LLM server rejected the request{http}.", "request rejected"
        case FailureKind.CONTEXT_TOO_LONG:
            return (
                f"The text is too long for model '{model}'; shorten the notes or pick a model "
                "with a larger context window.",
                "text too long for the model",
            )
        case FailureKind.REFUSED:
            return "The model declined to answer.", "the model declined"
        case _:
            return f"The LLM server returned an unexpected error{http}.", "unexpected error"
