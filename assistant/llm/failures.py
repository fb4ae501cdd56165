"""Classify what went wrong with a model call, and back off before retrying.

Classification works on LangChain's provider-neutral `Model*Error` hierarchy first (the
OpenAI integration raises subclasses of both it and the openai SDK errors), then on the
openai SDK errors, then on answer-parsing errors. Anything else is a bug and propagates.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass

import openai
import pydantic
from langchain_core import exceptions as lc
from langchain_openai.chat_models.base import OpenAIRefusalError

from assistant.llm.errors import (
    Failure,
    FailureKind,
    InvalidAnswerError,
)


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
