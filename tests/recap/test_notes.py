"""Bad input gets one clear line and loses nothing: binary files, NUL bytes, encodings, dates."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from assistant.errors import BadInputError, InputTooLargeError
from assistant.recap.notes import check_meeting_date, prepare_notes
from tests.support.cli import Coach


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "Word"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "an image"),
        (os.urandom(64) + b"\x00" * 64, "binary"),
        (bytes(range(32)) * 20, "binary"),
    ],
    ids=["pdf", "docx", "png", "random", "control-characters"],
)
def test_binary_files_are_refused_like_oversized_ones(data: bytes, kind: str) -> None:
    with pytest.raises(InputTooLargeError, match=kind) as caught:
        prepare_notes(data)
    assert "Nothing was saved" in str(caught.value)


def test_a_few_nul_bytes_are_replaced_with_a_warning() -> None:
    prepared = prepare_notes(b"- Jordan to send\x00 the deck\x00 by Friday")
    assert "\x00" not in prepared.text
    assert prepared.text == "- Jordan to send\ufffd the deck\ufffd by Friday"
    assert "2 NUL characters" in prepared.warnings[0]


def test_utf16_with_a_bom_is_read_as_utf16() -> None:
    text = "- Zoë to send the deck"
    assert prepare_notes(text.encode("utf-16")).text == text


@pytest.mark.parametrize("day", [dt.date(1969, 12, 31), dt.date(2101, 1, 1), dt.date(1, 1, 1)])
def test_dates_outside_1970_to_2100_are_refused(day: dt.date) -> None:
    with pytest.raises(BadInputError, match="between 1970 and 2100"):
        check_meeting_date(day)


def test_dates_at_the_edges_are_fine() -> None:
    assert check_meeting_date(dt.date(1970, 1, 1)) and check_meeting_date(dt.date(2100, 12, 31))


def test_the_cli_refuses_bad_dates_and_binary_files(coach: Coach) -> None:
    args = ["--manager", "Dana Whitfield", "--report", "Jordan Sims", "--json"]
    old = coach("recap", "--file", "-", "--date", "1969-07-20", *args, stdin="- notes")
    assert old.code == 2 and "between 1970 and 2100" in old.err
    assert len(old.err.strip().splitlines()) == 1
    pdf = coach("recap", "--file", "-", "--date", "2026-03-04", *args, stdin=b"%PDF-1.4 x")
    assert pdf.code == 2 and "PDF" in pdf.err
