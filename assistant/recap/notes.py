"""Pasted or uploaded notes: decoded, checked for size, type and emptiness, before anything else.

- UTF-8 (with or without BOM) and UTF-16 with a BOM are read as such; other bytes that are not
  UTF-8 are read as Windows-1252 / Latin-1 (what older editors on Windows and macOS save), with
  a warning, rather than turned into replacement characters.
- A binary file (PDF, Word, image, archive) is refused like an oversized one: nothing is
  stored, and the message says what to do.
- NUL characters (which PostgreSQL cannot store in text) are replaced, with a warning.
- The meeting date must be between 1970 and 2100.
"""

from __future__ import annotations

import codecs
import datetime as dt
from dataclasses import dataclass, field

from assistant.errors import BadInputError, InputTooLargeError

DEFAULT_MAX_NOTE_BYTES = 200_000
EARLIEST_DAY = dt.date(1970, 1, 1)
LATEST_DAY = dt.date(2100, 12, 31)
REPLACEMENT = "\ufffd"
# File signatures of formats people upload by mistake instead of a text file.
_MAGIC = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a Word/Excel file or a zip archive",
    b"\xd0\xcf\x11\xe0": "an old Word/Excel file",
    b"\x89PNG": "an image",
    b"\xff\xd8\xff": "an image",
    b"GIF8": "an image",
    b"{\\rtf": "an RTF document",
}
_BINARY_SHARE = 0.10  # control characters beyond this share of the text mean "not text"


@dataclass(frozen=True)
class PreparedNotes:
    text: str
    warnings: list[str] = field(default_factory=list)


def _not_text(kind: str) -> BadInputError:
    return InputTooLargeError(
        f"This looks like {kind}, not text notes. Copy the text and paste it, or save it as "
        ".txt or .md. Nothing was saved."
    )


def _decode(raw: bytes, warnings: list[str]) -> str:
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            raise _not_text(kind)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if raw.count(0) > len(raw) * _BINARY_SHARE:
        raise _not_text("a binary file")
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:  # five bytes cp1252 leaves undefined: plain Latin-1 reads all
        text = raw.decode("latin-1")
    warnings.append(
        "The notes were not UTF-8; they were read as Latin-1 (Windows-1252). "
        "Check accented letters."
    )
    return text


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f\v") or c == REPLACEMENT)
    return bad / len(text)


def prepare_notes(raw: str | bytes, *, max_bytes: int = DEFAULT_MAX_NOTE_BYTES) -> PreparedNotes:
    """Decode and validate pasted or uploaded notes; raise a clear error (nothing stored) for
    empty, oversized or binary input."""
    warnings: list[str] = []
    size = len(raw) if isinstance(raw, bytes) else len(raw.encode("utf-8", errors="replace"))
    if size > max_bytes:
        raise InputTooLargeError(
            f"The notes are {size // 1000} KB; the limit is {max_bytes // 1000} KB. "
            "Split them into one paste per meeting. Nothing was saved."
        )
    text = _decode(raw, warnings) if isinstance(raw, bytes) else raw
    if _control_share(text.replace("\x00", "")) > _BINARY_SHARE:
        raise _not_text("a binary file")
    nuls = text.count("\x00")
    if nuls:
        if nuls > len(text) * _BINARY_SHARE:
            raise _not_text("a binary file")
        text = text.replace("\x00", REPLACEMENT)
        warnings.append(
            f"The notes held {nuls} NUL character{'s' if nuls != 1 else ''} (invisible bytes "
            f"some tools leave); {'they were' if nuls != 1 else 'it was'} replaced with "
            f"{REPLACEMENT}."
        )
    if not text.strip().replace(REPLACEMENT, ""):
        raise BadInputError("The notes are empty: paste what you wrote during the 1:1.")
    return PreparedNotes(text, warnings)


def check_meeting_date(day: dt.date) -> dt.date:
    """The date of a 1:1 must be a real working date: 1970 to 2100."""
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise BadInputError(
            f"The date {day.isoformat()} is out of range: give a date between "
            f"{EARLIEST_DAY.year} and {LATEST_DAY.year}."
        )
    return day
