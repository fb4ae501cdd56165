"""A 1:1's life: scheduled (once or as a series from the person's cadence), then held,
canceled, skipped or moved to a new slot (the old one points at the new one).

Times come in as timezone-aware datetimes in the manager's zone and are stored in UTC. A series
keeps the wall-clock time across daylight-saving changes (10:00 stays 10:00 in Paris).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from assistant.db.models import Meeting, MeetingStatus, Report
from assistant.db.repositories import Repositories
from assistant.errors import BadInputError

MAX_SERIES = 26  # half a year of weekly 1:1s
SATURDAY = 5
MOVABLE = (MeetingStatus.SCHEDULED, MeetingStatus.CANCELED, MeetingStatus.SKIPPED)


@dataclass(frozen=True)
class Scheduled:
    """What scheduling a series did: the new 1:1s, and the days left alone."""

    meetings: list[Meeting]
    already_booked: list[dt.date] = field(default_factory=list)


def next_workday(day: dt.date) -> dt.date:
    """The day itself, or the Monday after when it falls on a weekend."""
    while day.weekday() >= SATURDAY:
        day += dt.timedelta(days=1)
    return day


def suggested_day(today: dt.date, *, last_held: dt.date | None, cadence_days: int) -> dt.date:
    """Where the next 1:1 belongs: a cadence after the last one, never before tomorrow, never on
    a weekend."""
    candidate = today + dt.timedelta(days=1)
    if last_held is not None:
        candidate = max(candidate, last_held + dt.timedelta(days=cadence_days))
    return next_workday(candidate)


def series_times(first: dt.datetime, *, cadence_days: int, count: int) -> list[dt.datetime]:
    """`count` slots every `cadence_days` from `first`, at the same local time; a slot on a
    weekend moves to the Monday after."""
    if first.tzinfo is None:
        raise BadInputError("A 1:1's time needs its time zone")
    if not 1 <= count <= MAX_SERIES:
        raise BadInputError(f"A series has between 1 and {MAX_SERIES} meetings, not {count}")
    times = []
    for number in range(count):
        day = next_workday(first.date() + dt.timedelta(days=number * cadence_days))
        times.append(dt.datetime.combine(day, first.time(), tzinfo=first.tzinfo))
    return list(dict.fromkeys(times))  # two slots moved to the same Monday count once


def _booked(repos: Repositories, report_id: int, when: dt.datetime) -> Meeting | None:
    """A 1:1 planned or held with this person on the day of `when`, in `when`'s own zone."""
    midnight = when.replace(hour=0, minute=0, second=0, microsecond=0)
    found = repos.meetings.of_report(
        report_id,
        since=midnight,
        until=midnight + dt.timedelta(days=1),  # wall-clock day, 23 or 25 hours at DST changes
        statuses=[MeetingStatus.SCHEDULED, MeetingStatus.HELD],
        newest_first=False,
        limit=1,
    )
    return found[0] if found else None


def schedule(
    repos: Repositories,
    report: Report,
    when: dt.datetime,
    *,
    duration_minutes: int | None = None,
) -> Meeting:
    """One 1:1; refused when one is already planned or held with this person that day."""
    clash = _booked(repos, report.id, when)
    if clash is not None:
        raise BadInputError(
            f"There is already a 1:1 with {report.name} that day "
            f"({clash.status.value}); reschedule that one instead"
        )
    return repos.meetings.schedule(report.id, when, duration_minutes=duration_minutes)


def schedule_series(
    repos: Repositories,
    report: Report,
    first: dt.datetime,
    *,
    count: int,
    duration_minutes: int | None = None,
) -> Scheduled:
    """A recurring series from the person's cadence; days already booked are left as they are."""
    made: list[Meeting] = []
    booked: list[dt.date] = []
    for when in series_times(first, cadence_days=report.cadence_days, count=count):
        if _booked(repos, report.id, when) is not None:
            booked.append(when.date())
            continue
        made.append(repos.meetings.schedule(report.id, when, duration_minutes=duration_minutes))
    return Scheduled(made, booked)


def _require(meeting: Meeting, allowed: tuple[MeetingStatus, ...], verb: str) -> None:
    if meeting.status not in allowed:
        kinds = " or ".join(s.value for s in allowed)
        raise BadInputError(
            f"Only a {kinds} 1:1 can be {verb}; the one on "
            f"{meeting.scheduled_at:%Y-%m-%d} is {meeting.status.value}"
        )


def cancel(repos: Repositories, meeting_id: int) -> Meeting:
    """Cancel a planned 1:1 (it counts as canceled-not-rescheduled until it is moved)."""
    meeting = repos.meetings.get(meeting_id)
    _require(meeting, (MeetingStatus.SCHEDULED,), "canceled")
    return repos.meetings.set_status(meeting.id, MeetingStatus.CANCELED)


def skip(repos: Repositories, meeting_id: int) -> Meeting:
    """Record that a planned 1:1 did not happen."""
    meeting = repos.meetings.get(meeting_id)
    _require(meeting, (MeetingStatus.SCHEDULED,), "marked skipped")
    return repos.meetings.set_status(meeting.id, MeetingStatus.SKIPPED)


def reschedule(repos: Repositories, meeting_id: int, when: dt.datetime) -> Meeting:
    """Move a planned, canceled or skipped 1:1 to `when`; returns the meeting now planned.

    A new day gives a new meeting (the old one is marked rescheduled and points at it, and its
    saved agenda moves along); a new time on the same day just moves the meeting (and a
    canceled or skipped one is back on).
    """
    if when.tzinfo is None:
        raise BadInputError("A 1:1's time needs its time zone")
    meeting = repos.meetings.get(meeting_id)
    _require(meeting, MOVABLE, "rescheduled")
    if when.date() == meeting.scheduled_at.astimezone(when.tzinfo).date():
        repos.meetings.set_status(meeting.id, MeetingStatus.SCHEDULED)
        return repos.meetings.move(meeting.id, when)
    clash = _booked(repos, meeting.report_id, when)
    if clash is not None and clash.id != meeting.id:
        raise BadInputError(
            f"There is already a 1:1 with {meeting.report.name} on {when:%Y-%m-%d}; "
            "pick another day"
        )
    moved_to = repos.meetings.schedule(
        meeting.report_id,
        when,
        duration_minutes=meeting.duration_minutes,
        report_topics=list(meeting.report_topics or []),
    )
    repos.agenda_items.move(meeting.id, moved_to.id)
    repos.meeting_topics.move_to(meeting.id, moved_to.id)  # the report's topics go along
    repos.meetings.set_status(meeting.id, MeetingStatus.RESCHEDULED, rescheduled_to_id=moved_to.id)
    return moved_to
