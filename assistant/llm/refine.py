"""The one way every job uses a model: refine the built-in draft, or keep it with a notice.

A job's model adapter implements `Refiner` (one method, `refine`, that raises `LLMError` when
the model cannot help). `refine_or_fallback` runs it: on success the refined draft, on an
`LLMError` the built-in draft plus a one-line notice for the manager. Anything else is a bug
and propagates. `Services` builds each job's refiner once from settings.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, Protocol, Self, TypeVar

from assistant.errors import LLMError
from assistant.llm.errors import UNREACHABLE, LLMCallError

logger = logging.getLogger(__name__)

BUILTIN_ENGINE = "built-in"


class Draft(Protocol):
    """What every job's draft has: the engine that wrote it and notices for the manager."""

    engine: str
    notices: list[str]

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy with some fields replaced (pydantic's BaseModel.model_copy)."""
        ...


DraftT = TypeVar("DraftT", bound=Draft)
ContextT = TypeVar("ContextT", contravariant=True)


class Refiner(Protocol[DraftT, ContextT]):
    """Rewrites a job's built-in draft with a model, given what the job knows (`context`)."""

    @property
    def what(self) -> str:
        """How notices name the draft: "recap", "agenda", "wording"."""
        ...

    def refine(self, draft: DraftT, context: ContextT) -> DraftT:
        """The refined draft; raises LLMError when the model fails or cannot be used."""
        ...


def fallback_notice(error: LLMError, what: str = "draft") -> str:
    """E.g. 'The AI model could not be reached (timed out 3 times); showing the built-in draft.'"""
    if isinstance(error, LLMCallError):
        verb = "reached" if error.kind in UNREACHABLE else "used"
        reason = error.reason
    else:
        verb, reason = "used", str(error)
    return f"The AI model could not be {verb} ({reason}); showing the built-in {what}."


def with_notices(draft: DraftT, *notices: str) -> DraftT:
    return draft.model_copy(update={"notices": [*draft.notices, *notices]})


def refine_or_fallback(
    refiner: Refiner[DraftT, ContextT] | None, draft: DraftT, context: ContextT
) -> DraftT:
    """The model's refinement of `draft`, or `draft` itself (with a notice if the model failed).

    `refiner` is None when no model is configured: the built-in draft is the answer.
    """
    if refiner is None:
        return draft
    try:
        return refiner.refine(draft, context)
    except LLMError as exc:
        logger.warning("%s falls back to the built-in engine: %s", refiner.what, type(exc).__name__)
        return with_notices(draft, fallback_notice(exc, refiner.what))
