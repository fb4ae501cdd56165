"""Error hierarchy. Each docstring says who sees the error and how it is shown."""

from __future__ import annotations


class CoachError(Exception):
    """Base class; the CLI prints the message on one line, the UI shows it as st.error."""


class BadInputError(CoachError):
    """The user gave input we cannot use (unknown report, bad date, empty notes). CLI exit 2."""


class NotFoundError(BadInputError):
    """A named thing (report, meeting, action item) does not exist for this manager."""


class ConflictError(BadInputError):
    """A change collided with one saved meanwhile (e.g. a second 1:1 the same day); nothing was
    changed. Shown like bad input: one line, CLI exit 2."""


class InputTooLargeError(BadInputError):
    """Pasted text or a query is over the documented size limit; nothing was stored."""


class ConfigError(CoachError):
    """Settings are inconsistent (e.g. provider chosen but no model); shown at start-up."""


class StorageError(CoachError):
    """The database or index could not be reached or migrated; shown with the location used."""


class LLMError(CoachError):
    """An LLM call failed after retries; callers fall back to the built-in engine with a notice."""


class RetrievalError(CoachError):
    """The knowledge index could not answer (bad query, index unavailable)."""
