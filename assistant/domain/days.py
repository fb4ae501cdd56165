"""Days and times as the app stores them: timezone-aware datetimes in UTC."""

from __future__ import annotations

import datetime as dt


def start_of_day(value: dt.date | dt.datetime) -> dt.datetime:
    """Midnight at the start of that day: a date is taken in UTC; a datetime keeps its zone."""
    if isinstance(value, dt.datetime):
        return value.replace(hour=0, minute=0, second=0, microsecond=0)
    return dt.datetime.combine(value, dt.time(0), tzinfo=dt.UTC)


def at_hour(day: dt.date, hour: int) -> dt.datetime:
    """That day at `hour`:00 UTC."""
    return dt.datetime.combine(day, dt.time(hour % 24), tzinfo=dt.UTC)
