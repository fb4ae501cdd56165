"""Calendar files (RFC 5545 .ics) for planned 1:1s, written with the `icalendar` library.

Each event carries the agenda in its description, starts in the manager's time zone (with the
zone's VTIMEZONE, so calendars show the right local time across daylight-saving changes) and
has a stable UID per meeting, so importing the file again updates the event instead of adding
a copy.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from anyascii import anyascii
from icalendar import Calendar, Event

PRODUCT_ID = "-//1:1 Coach//one-on-one-coach//EN"
UID_DOMAIN = "one-on-one-coach.local"


@dataclass(frozen=True)
class CalendarEntry:
    meeting_id: int
    manager_id: int
    start: dt.datetime  # aware
    minutes: int
    summary: str
    description: str

    @property
    def uid(self) -> str:
        return f"meeting-{self.manager_id}-{self.meeting_id}@{UID_DOMAIN}"


@dataclass(frozen=True)
class CalendarFile:
    filename: str
    content: bytes
    events: int


def build_calendar(
    entries: Sequence[CalendarEntry], zone: ZoneInfo, *, now: dt.datetime | None = None
) -> bytes:
    """One VCALENDAR with a VEVENT per entry, times in `zone`."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    for entry in entries:
        start = entry.start.astimezone(zone).replace(microsecond=0)
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=entry.minutes))
        event.add("summary", entry.summary)
        event.add("description", entry.description)
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    if entries and str(zone) != "UTC":
        first = min(e.start for e in entries).date()
        last = max(e.start for e in entries).date()
        calendar.add_missing_timezones(first - dt.timedelta(days=1), last + dt.timedelta(days=2))
    content: bytes = calendar.to_ical()
    return content


def file_slug(name: str) -> str:
    """'amara-okonkwo', 'wangwei' (王伟) for file names: ASCII, so every browser and mail
    client copes."""
    return re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-") or "report"


def ics_filename(name: str, day: dt.date, *, series: bool) -> str:
    """'1on1-amara-okonkwo-2026-05-12.ics' (or '…-series-from-2026-05-12.ics')."""
    return f"1on1-{file_slug(name)}-{'series-from-' if series else ''}{day.isoformat()}.ics"
