"""Calendar files (.ics), parsed back with the icalendar library: times, zone, length, title,
the agenda in the description, one event per planned 1:1 for a series; `coach ics`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar

from assistant.db.repositories.agenda_items import AgendaItemRow
from assistant.errors import BadInputError
from assistant.services import Services
from assistant.team.calendar import ics_filename
from tests.support.cli import Coach
from tests.team.conftest import PARIS, add_team

NOW = dt.datetime(2026, 10, 14, 8, tzinfo=dt.UTC)


def _at(day: str, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, minute), tzinfo=PARIS)


def _events(content: bytes) -> list:  # type: ignore[type-arg]
    calendar = Calendar.from_ical(content)
    assert str(calendar["VERSION"]) == "2.0" and "1:1 Coach" in str(calendar["PRODID"])
    return list(calendar.walk("VEVENT"))


def test_the_next_1on1_with_its_saved_agenda(paris: Services) -> None:
    mid, (rid,) = add_team(paris, "Zoë Łukasiewicz")
    first = paris.team.schedule(mid, rid, _at("2026-10-20", 14, 30), duration_minutes=45)
    paris.team.schedule(mid, rid, _at("2026-10-27"))
    with paris.repos(mid) as repos:
        repos.agenda_items.replace(
            first.id, [AgendaItemRow("Check-in", 5), AgendaItemRow("Career: the staff path", 20)]
        )
    made = paris.team.calendar(mid, "Zoë", now=NOW)
    (event,) = _events(made.content)
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start == first.scheduled_at  # the same instant as stored
    assert start.tzinfo is not None and str(start.tzinfo) == "Europe/Paris"
    assert (start.hour, start.minute) == (14, 30)  # shown in the manager's zone
    assert end - start == dt.timedelta(minutes=45)
    assert str(event["SUMMARY"]) == "1:1 with Zoë Łukasiewicz"
    description = str(event["DESCRIPTION"])
    assert "1. **Check-in** (5 min)" in description
    assert "Career: the staff path" in description and "Draft agenda" not in description
    assert str(event["UID"]) == f"meeting-{mid}-{first.id}@one-on-one-coach.local"
    zones = [str(tz["TZID"]) for tz in Calendar.from_ical(made.content).walk("VTIMEZONE")]
    assert zones == ["Europe/Paris"]
    assert made.filename == "1on1-zoe-lukasiewicz-2026-10-20.ics" and made.events == 1


def test_without_a_saved_agenda_the_description_is_a_fresh_draft(paris: Services) -> None:
    mid, (rid,) = add_team(paris, "Amara Okonkwo")
    held = paris.team.schedule(mid, rid, _at("2026-10-07"))
    with paris.repos(mid) as repos:
        repos.meetings.mark_held(
            repos.meetings.save_raw_notes(held.id, "- Amara shipped the retry fix").id
        )
    paris.team.schedule(mid, rid, _at("2026-10-21"))
    paris.team.add_goal(mid, rid, "Take a primary on-call shift")
    (event,) = _events(paris.team.calendar(mid, rid, now=NOW).content)
    description = str(event["DESCRIPTION"])
    # The same draft the agenda job gives for that 1:1 (Prepare, `coach agenda`).
    drafted = paris.agenda.draft(mid, rid, meeting_date=dt.date(2026, 10, 21), search=False)
    assert description == "Draft agenda (not yet reviewed):\n\n" + drafted.to_markdown()
    assert "# 1:1 agenda: Amara Okonkwo, 2026-10-21" in description


def test_a_series_has_one_event_per_planned_1on1_across_daylight_saving(paris: Services) -> None:
    mid, (rid,) = add_team(paris, "王伟")
    made = paris.team.schedule_series(mid, rid, _at("2026-10-19"), count=3)
    canceled = made.meetings[1]
    paris.team.cancel_meeting(mid, canceled.id)
    calendar = paris.team.calendar(mid, rid, series=True, now=NOW)
    events = _events(calendar.content)
    starts = [e.decoded("DTSTART") for e in events]
    assert starts == [made.meetings[0].scheduled_at, made.meetings[2].scheduled_at]
    assert [(s.hour, s.utcoffset()) for s in starts] == [
        (10, dt.timedelta(hours=2)),
        (10, dt.timedelta(hours=1)),
    ]
    assert calendar.filename == "1on1-wangwei-series-from-2026-10-19.ics"


def test_nothing_planned_is_said_plainly(paris: Services) -> None:
    mid, (rid,) = add_team(paris, "Siobhán")
    with pytest.raises(BadInputError, match="Nothing is planned with Siobhán"):
        paris.team.calendar(mid, rid, now=NOW)


def test_file_names_are_ascii() -> None:
    assert ics_filename("Nguyễn Thị Hương", dt.date(2026, 1, 2), series=False) == (
        "1on1-nguyen-thi-huong-2026-01-02.ics"
    )


def test_cli_writes_a_calendar_file(coach: Coach, tmp_path: Path) -> None:
    env = {"COACH_TIME_ZONE": "Asia/Tokyo"}
    assert coach("demo", **env).code == 0
    made = coach(
        "meeting",
        "schedule",
        "Hana",
        "--at",
        "2031-03-04 09:00",
        "--manager",
        "Alex Morgan",
        **env,
    )
    assert made.code == 0, made.err
    target = tmp_path / "next.ics"
    wrote = coach("ics", "Hana", "-o", str(target), "--manager", "Alex Morgan", **env)
    assert wrote.code == 0, wrote.err
    assert f"Wrote {target} (1 event)" in wrote.out
    (event,) = _events(target.read_bytes())
    assert str(event.decoded("DTSTART").tzinfo) == "Asia/Tokyo"
    # The demo's next 1:1 comes first; the series file has ours too, at 09:00 in Tokyo.
    series = tmp_path / "series.ics"
    assert (
        coach("ics", "Hana", "--series", "-o", str(series), "--manager", "Alex Morgan", **env).code
        == 0
    )
    starts = [e.decoded("DTSTART") for e in _events(series.read_bytes())]
    tokyo = dt.datetime(2031, 3, 4, 9, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    assert tokyo in starts and len(starts) >= 2
    missing = coach("ics", "Nobody", "-o", str(tmp_path / "x.ics"), "--manager", "Alex Morgan")
    assert missing.code == 2 and "No one called 'Nobody'" in missing.err
