"""Every job falls back to the built-in engine the same way, with a visible notice."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, NamedTuple, TypeVar

from assistant.errors import LLMError
from assistant.llm.failures import UNREACHABLE, LLMCallError
from assistant.llm.structured import StructuredResult

logger = logging.getLogger(__name__)

T = TypeVar("T")

BUILTIN_ENGINE = "built-in"


class EngineOutcome(NamedTuple, Generic[T]):
    """What the UI shows: the draft, which engine made it, and notices to display."""

    result: T
    engine: str  # "built-in" or "llm:<model>"
    notices: tuple[str, ...] = ()

    @property
    def used_llm(self) -> bool:
        return self.engine != BUILTIN_ENGINE


def fallback_notice(error: LLMError, what: str = "draft") -> str:
    """E.g. 'The AI model could not be reached (timed out 3 times); showing the built-in draft.'"""
    if isinstance(error, LLMCallError):
        verb = "reached" if error.kind in UNREACHABLE else "used"
        reason = error.reason
    else:
        verb, reason = "used", str(error)
    return f"The AI model could not be {verb} ({reason}); showing the built-in {what}."


def run_with_fallback(
    llm_fn: Callable[[], StructuredResult[T]] | None,
    builtin_result: T,
    *,
    what: str = "draft",
) -> EngineOutcome[T]:
    """Run `llm_fn` (None when no model is configured); on LLMError keep `builtin_result`.

    Only LLMError is caught: anything else is a bug and should surface.
    """
    if llm_fn is None:
        return EngineOutcome(builtin_result, BUILTIN_ENGINE)
    try:
        answer = llm_fn()
    except LLMError as e:
        logger.warning("falling back to the built-in engine: %s", type(e).__name__)
        return EngineOutcome(builtin_result, BUILTIN_ENGINE, (fallback_notice(e, what),))
    return EngineOutcome(answer.value, answer.engine)
