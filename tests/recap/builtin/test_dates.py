"""The due-date rule table from evals/README.md, one row per phrase."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.recap.builtin.dates import find_dues, pick_due

WED = dt.date(2026, 3, 4)  # a Wednesday
FRI = dt.date(2026, 3, 6)  # a Friday


def due(text: str, meeting: dt.date = WED) -> dt.date | None:
    found = pick_due(find_dues(text, meeting), text)
    return None if found is None else found.date


@pytest.mark.parametrize(
    ("phrase", "meeting", "expected"),
    [
        ("write it up today", WED, dt.date(2026, 3, 4)),
        ("send it tonight", WED, dt.date(2026, 3, 4)),
        ("by tomorrow", WED, dt.date(2026, 3, 5)),
        ("tmrw", WED, dt.date(2026, 3, 5)),
        ("send deck Fri", WED, dt.date(2026, 3, 6)),
        ("send deck Fri", FRI, dt.date(2026, 3, 13)),  # never the meeting day itself
        ("COB Thurs", WED, dt.date(2026, 3, 5)),
        ("by Monday", WED, dt.date(2026, 3, 9)),
        ("next Tuesday", FRI, dt.date(2026, 3, 10)),
        ("by EOW", WED, dt.date(2026, 3, 6)),
        ("by end of next week", WED, dt.date(2026, 3, 13)),
        ("by EOM", WED, dt.date(2026, 3, 31)),
        ("by end of July", WED, dt.date(2026, 7, 31)),
        ("done in 2 wks", WED, dt.date(2026, 3, 18)),
        ("in two weeks", WED, dt.date(2026, 3, 18)),
        ("by the 24th", WED, dt.date(2026, 3, 24)),
        ("on the 2nd", WED, dt.date(2026, 4, 2)),
        ("by 3/13", WED, dt.date(2026, 3, 13)),
        ("by 3 July", WED, dt.date(2026, 7, 3)),
        ("May 30", WED, dt.date(2026, 5, 30)),
        ("by Jan 10", WED, dt.date(2027, 1, 10)),  # the year that keeps it ahead
        ("ahead of the customer audit on Feb 3", dt.date(2026, 1, 22), dt.date(2026, 2, 3)),
        ("by the forecast call on the 23rd", WED, dt.date(2026, 3, 23)),
        ("a week before the planting day (on the 23rd)", WED, dt.date(2026, 3, 16)),
        ("first Monday in October", WED, dt.date(2026, 10, 5)),
        ("by Friday the 13th", WED, dt.date(2026, 3, 13)),
        ("Tues/Wed next week", FRI, dt.date(2026, 3, 11)),
        ("starting tomorrow", WED, dt.date(2026, 3, 5)),
        ("before Friday's roll-up", WED, dt.date(2026, 3, 6)),
    ],
)
def test_due_phrase_resolves_per_rule_table(
    phrase: str, meeting: dt.date, expected: dt.date
) -> None:
    assert due(phrase, meeting) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "this week",
        "next week",
        "this month",
        "first week of Dec",
        "w/c 7 Dec",
        "the week of 3/9",
        "early February",
        "late May",
        "in January",
        "sometime in Q1",
        "for H2",
        "this sprint",
        "soon",
        "once the data is final",
        "after the draft",
        "Q3",
        "on Mondays",
    ],
)
def test_vague_phrase_gives_no_date(phrase: str) -> None:
    assert due(f"finish the plan {phrase}") is None


@pytest.mark.parametrize("text", ["post the 2nd shift schedule", "4x10 schedule", "a 9/80 plan"])
def test_numbers_that_are_not_dates_are_ignored(text: str) -> None:
    assert due(text) is None
