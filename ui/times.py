"""Times as the manager reads and types them: in their time zone (Settings), stored in UTC."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from ui.state import get_services


def zone() -> ZoneInfo:
    return get_services().settings.zone


def today() -> dt.date:
    """Today in the manager's time zone (not the server's, not UTC)."""
    return dt.datetime.now(zone()).date()


def local(when: dt.datetime) -> dt.datetime:
    return when.astimezone(zone())


def show(when: dt.datetime | None, *, with_day: bool = True) -> str:
    """'Tue 12 May, 14:00' in the manager's zone ('—' for nothing)."""
    if when is None:
        return "—"
    moment = local(when)
    return f"{moment:%a %d %b, %H:%M}" if with_day else f"{moment:%H:%M}"


def combine(day: dt.date, at: dt.time) -> dt.datetime:
    """A date and a time typed by the manager, as an aware datetime in their zone."""
    return dt.datetime.combine(day, at, tzinfo=zone())
