"""What went wrong with a model call, whether retrying may help, and how to say it to a user.

Classification works on LangChain's provider-neutral `Model*Error` hierarchy first (the
OpenAI integration raises subclasses of both it and the openai SDK errors), then on the
openai SDK errors, then on answer-parsing errors. Anything else is a bug and propagates.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from enum import StrEnum

import openai
import pydantic
from langchain_core import exceptions as lc
from langchain_openai.chat_models.base import OpenAIRefusalError

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


def classify(exc: BaseException) -> Failure | None:
    """Map an exception from a model call to a Failure; None when it is not a model failure."""
    status = _status(exc)
    # Timeout before connection: the SDK's timeout error subclasses its connection error.
    if isinstance(exc, lc.ModelTimeoutError | openai.APITimeoutError | TimeoutError):
        return Failure(FailureKind.TIMEOUT)
    if isinstance(exc, lc.ModelConnectionError | openai.APIConnectionError | ConnectionError):
        return Failure(FailureKind.CONNECTION)
    if isinstance(exc, lc.ContextOverflowError):
        return Failure(FailureKind.CONTEXT_TOO_LONG, status)
    if isinstance(exc, lc.ModelRateLimitError | openai.RateLimitError):
        return Failure(FailureKind.RATE_LIMIT, status or 429, _retry_after(exc))
    if isinstance(exc, lc.ModelAuthenticationError | openai.AuthenticationError):
        return Failure(FailureKind.AUTH, status or 401)
    if isinstance(exc, lc.ModelPermissionDeniedError | openai.PermissionDeniedError):
        return Failure(FailureKind.PERMISSION, status or 403)
    if isinstance(exc, lc.ModelNotFoundError | openai.NotFoundError):
        return Failure(FailureKind.NOT_FOUND, status or 404)
    if isinstance(exc, lc.ModelAPIError | openai.InternalServerError):
        return Failure(FailureKind.SERVER, status)
    if isinstance(exc, lc.ModelInvalidRequestError | openai.BadRequestError):
        return Failure(FailureKind.BAD_REQUEST, status or 400)
    if isinstance(exc, openai.APIStatusError):
        if status is not None and (status >= 500 or status in (408, 409)):
            return Failure(FailureKind.SERVER, status, _retry_after(exc))
        return Failure(FailureKind.BAD_REQUEST, status)
    if isinstance(exc, OpenAIRefusalError | openai.ContentFilterFinishReasonError):
        return Failure(FailureKind.REFUSED)
    if isinstance(
        exc,
        InvalidAnswerError
        | pydantic.ValidationError
        | json.JSONDecodeError
        | lc.OutputParserException
        | openai.LengthFinishReasonError
        | openai.APIResponseValidationError,
    ):
        return Failure(FailureKind.INVALID_ANSWER, status)
    if isinstance(exc, openai.APIError):  # e.g. an error event in the middle of a stream
        return Failure(FailureKind.SERVER, status)
    if isinstance(exc, openai.OpenAIError | lc.ModelError):
        return Failure(FailureKind.UNKNOWN, status)
    return None


def _status(exc: BaseException) -> int | None:
    status = getattr(exc, "status_code", None)
    return status if isinstance(status, int) else None


def _retry_after(exc: BaseException) -> float | None:
    """Seconds from `retry-after-ms` or `Retry-After` (numeric form only)."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            seconds = float(value) * scale
        except ValueError:
            continue  # an HTTP date; our own backoff is good enough
        if seconds >= 0:
            return seconds
    return None


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


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff between attempts; the server's Retry-After wins when given."""

    initial: float = 0.5
    factor: float = 2.0
    maximum: float = 8.0
    jitter: float = 0.1  # fraction of the delay, so parallel jobs do not retry in lockstep

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait after failed attempt number `attempt` (1-based)."""
        if retry_after is not None:
            return min(retry_after, self.maximum)
        base = min(self.initial * self.factor ** max(attempt - 1, 0), self.maximum)
        return base * (1 + random.uniform(-self.jitter, self.jitter)) if self.jitter else base


DEFAULT_BACKOFF = Backoff()
NO_BACKOFF = Backoff(initial=0.0, maximum=0.0, jitter=0.0)
