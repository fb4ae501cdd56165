"""Pasted or uploaded notes: decoded, checked for size and emptiness, before anything else."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.errors import BadInputError, InputTooLargeError

DEFAULT_MAX_NOTE_BYTES = 200_000


@dataclass(frozen=True)
class PreparedNotes:
    text: str
    warnings: list[str] = field(default_factory=list)


def prepare_notes(raw: str | bytes, *, max_bytes: int = DEFAULT_MAX_NOTE_BYTES) -> PreparedNotes:
    """Decode and validate pasted or uploaded notes; raise a clear error for empty/oversized."""
    warnings: list[str] = []
    if isinstance(raw, bytes):
        size = len(raw)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("utf-8", errors="replace")
            warnings.append(
                "The notes were not valid UTF-8; unreadable characters were replaced with \ufffd."
            )
    else:
        text = raw
        size = len(raw.encode("utf-8", errors="replace"))
    if size > max_bytes:
        raise InputTooLargeError(
            f"The notes are {size // 1000} KB; the limit is {max_bytes // 1000} KB. "
            "Split them into one paste per meeting. Nothing was saved."
        )
    if not text.strip():
        raise BadInputError("The notes are empty: paste what you wrote during the 1:1.")
    return PreparedNotes(text, warnings)
