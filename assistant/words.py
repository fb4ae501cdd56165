"""Words of any script, for comparing texts: the product's one tokeniser for evidence checks.

Letters and digits of every alphabet make words (NFKC, casefolded), with combining marks kept
inside them (Devanagari, Thai vowel signs). Scripts written without spaces between words (Han,
kana, Thai, Lao, Khmer, Myanmar) would otherwise give one "word" per clause, so their runs are
cut into overlapping character pairs, the usual unit for matching such text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from itertools import pairwise

# Unicode blocks of scripts that do not separate words with spaces.
_UNSEGMENTED: tuple[tuple[int, int], ...] = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F),  # half-width katakana
    (0x20000, 0x3134F),  # CJK extensions B-G
)


def unsegmented(ch: str) -> bool:
    """Is `ch` in a script written without spaces between words?"""
    code = ord(ch)
    return any(low <= code <= high for low, high in _UNSEGMENTED)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def _runs(text: str) -> Iterator[tuple[str, bool]]:
    """Maximal runs of word characters, each with whether it is in an unsegmented script."""
    run: list[str] = []
    kind = False
    for ch in text:
        if not _word_char(ch):
            if run:
                yield "".join(run), kind
                run = []
            continue
        this = unsegmented(ch) or (bool(run) and kind and unicodedata.category(ch).startswith("M"))
        if run and this != kind:
            yield "".join(run), kind
            run = []
        run.append(ch)
        kind = this
    if run:
        yield "".join(run), kind


def _clusters(run: str) -> list[str]:
    """Characters with their combining marks (a Thai consonant and its tone mark are one)."""
    out: list[str] = []
    for ch in run:
        if out and unicodedata.category(ch).startswith("M"):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def words(text: str) -> list[str]:
    """The words of `text` in order; unsegmented runs as overlapping character pairs."""
    out: list[str] = []
    for run, spaceless in _runs(unicodedata.normalize("NFKC", text).casefold()):
        if spaceless:
            clusters = _clusters(run)
            if len(clusters) > 1:
                out.extend(a + b for a, b in pairwise(clusters))
            else:
                out.extend(clusters)
        else:
            out.append(run)
    return out


def fold(text: str) -> str:
    """Single-spaced, lower case, without accents: 'Tomás  Herrera' and 'tomas herrera' fold
    alike (for comparing names as people type them)."""
    spaced = " ".join(unicodedata.normalize("NFC", text).split())
    decomposed = unicodedata.normalize("NFKD", spaced.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Letters that have no accent to drop but are written plainly ("Søren" -> "soren", "Łukasz"
# -> "lukasz"): `fold(text).translate(PLAIN_LETTERS)`.
PLAIN_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ı": "i"}
)
