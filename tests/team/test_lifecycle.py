"""A 1:1's life through `svc.team`, in the manager's time zone (Paris), on SQLite and
PostgreSQL: one or a series from the cadence, cancel, skip, reschedule (linked to the new 1:1),
and what the Team page counts as canceled-not-rescheduled."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.db.models import MeetingStatus
from assistant.db.repositories.agenda_items import AgendaItemRow
from assistant.errors import BadInputError
from assistant.services import Services
from assistant.team.lifecycle import next_workday, suggested_day
from tests.team.conftest import PARIS, add_team

NOW = dt.datetime(2026, 10, 16, 12, tzinfo=dt.UTC)  # a Friday


def local(day: str, hour: int = 10, minute: int = 0) -> dt.datetime:
    """That day and time in Paris, as the manager types it."""
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, minute), tzinfo=PARIS)


def _canceled_count(svc: Services, mid: int) -> int:
    (row,) = svc.team.health(mid, now=NOW)
    return row.canceled_without_reschedule


def test_a_series_keeps_the_local_time_across_daylight_saving(paris: Services) -> None:
    mid, (rid,) = add_team(paris, "Nguyễn Thị Hương")
    made = paris.team.schedule_series(mid, rid, local("2026-10-19"), count=3)
    utc_hours = [m.scheduled_at.astimezone(dt.UTC).hour for m in made.meetings]
    shown = [m.scheduled_at.astimezone(PARIS) for m in made.meetings]
    assert [t.date().isoformat() for t in shown] == ["2026-10-19", "2026-10-26", "2026-11-02"]
    assert {t.hour for t in shown} == {10}
    assert utc_hours == [8, 9, 9]  # summer time ends on 25 October


def test_a_series_moves_weekend_slots_to_monday_and_leaves_booked_days(paris: Services) -> None:
    mid, (rid,) = add_team(paris, "Søren Ødegaard", cadence_days=10)
    booked = paris.team.schedule(mid, rid, local("2026-10-29", 15))
    made = paris.team.schedule_series(mid, rid, local("2026-10-19"), count=3)
    days = [m.scheduled_at.astimezone(PARIS).date().isoformat() for m in made.meetings]
    # 19 Oct, then 29 Oct (already booked at 15:00), then Sunday 8 Nov -> Monday 9 Nov.
    assert days == ["2026-10-19", "2026-11-09"]
    assert made.already_booked == [dt.date(2026, 10, 29)]
    assert booked.scheduled_at == local("2026-10-29", 15)


def test_one_1on1_per_person_per_day(paris: Services) -> None:
    mid, (rid,) = add_team(paris, "Mary-Kate D'Souza")
    paris.team.schedule(mid, rid, local("2026-10-20", 9))
    with pytest.raises(BadInputError, match="already a 1:1 with Mary-Kate D'Souza that day"):
        paris.team.schedule(mid, rid, local("2026-10-20", 16))
    with pytest.raises(BadInputError, match="between 1 and 26"):
        paris.team.schedule_series(mid, rid, local("2026-10-27"), count=27)


def test_cancel_then_reschedule_links_the_new_1on1_and_clears_the_alert(paris: Services) -> None:
    mid, (rid,) = add_team(paris, "王伟")
    held = paris.team.schedule(mid, rid, local("2026-10-12"))
    with paris.repos(mid) as repos:
        repos.meetings.mark_held(repos.meetings.save_raw_notes(held.id, "notes").id)
    planned = paris.team.schedule(mid, rid, local("2026-10-19"))
    with paris.repos(mid) as repos:
        repos.agenda_items.replace(planned.id, [AgendaItemRow("Career", 10)])

    canceled = paris.team.cancel_meeting(mid, planned.id)
    assert canceled.status is MeetingStatus.CANCELED
    assert _canceled_count(paris, mid) == 1
    (row,) = paris.team.health(mid, now=NOW)
    assert row.status == "at risk"

    moved = paris.team.reschedule_meeting(mid, planned.id, local("2026-10-21", 14, 30))
    assert moved.scheduled_at == local("2026-10-21", 14, 30)
    assert moved.status is MeetingStatus.SCHEDULED
    with paris.repos(mid) as repos:
        old = repos.meetings.get(planned.id)
        assert (old.status, old.rescheduled_to_id) == (MeetingStatus.RESCHEDULED, moved.id)
        assert [a.title for a in repos.agenda_items.for_meeting(moved.id)] == ["Career"]
    assert _canceled_count(paris, mid) == 0
    (row,) = paris.team.health(mid, now=NOW)
    assert row.next_scheduled == moved.scheduled_at and row.status == "ok"


def test_a_new_time_on_the_same_day_moves_the_1on1_itself(paris: Services) -> None:
    mid, (rid,) = add_team(paris, "Siobhán")
    planned = paris.team.schedule(mid, rid, local("2026-10-22", 9))
    moved = paris.team.reschedule_meeting(mid, planned.id, local("2026-10-22", 16))
    assert moved.id == planned.id and moved.status is MeetingStatus.SCHEDULED
    assert moved.scheduled_at == local("2026-10-22", 16)
    # Canceled, then on again later that day: the same 1:1, planned again.
    paris.team.cancel_meeting(mid, planned.id)
    back = paris.team.reschedule_meeting(mid, planned.id, local("2026-10-22", 17, 30))
    assert (back.id, back.status) == (planned.id, MeetingStatus.SCHEDULED)
    assert _canceled_count(paris, mid) == 0


def test_a_day_is_the_managers_day_when_checking_for_a_clash(paris: Services) -> None:
    mid, (rid,) = add_team(paris, "Wei")
    paris.team.schedule(mid, rid, local("2026-10-20", 23, 30))  # 21:30 UTC on the 20th
    # 00:30 on the 21st in Paris is 22:30 UTC on the 20th: another day for the manager.
    nxt = paris.team.schedule(mid, rid, local("2026-10-21", 0, 30))
    assert nxt.scheduled_at.astimezone(dt.UTC).date() == dt.date(2026, 10, 20)


def test_skipped_and_the_transitions_that_make_no_sense(paris: Services) -> None:
    mid, (rid,) = add_team(paris, "Łukasz")
    held = paris.team.schedule(mid, rid, local("2026-10-05"))
    with paris.repos(mid) as repos:
        repos.meetings.mark_held(repos.meetings.save_raw_notes(held.id, "notes").id)
    planned = paris.team.schedule(mid, rid, local("2026-10-13"))
    skipped = paris.team.skip_meeting(mid, planned.id)
    assert skipped.status is MeetingStatus.SKIPPED
    assert _canceled_count(paris, mid) == 1  # skipped without a new date counts too
    with pytest.raises(BadInputError, match="Only a scheduled 1:1 can be canceled"):
        paris.team.cancel_meeting(mid, held.id)
    with pytest.raises(BadInputError, match="can be rescheduled"):
        paris.team.reschedule_meeting(mid, held.id, local("2026-10-30"))
    with pytest.raises(BadInputError, match="already a 1:1"):
        paris.team.reschedule_meeting(mid, planned.id, local("2026-10-05", 15))
    # A skipped 1:1 can still get a new date, which clears the alert.
    paris.team.reschedule_meeting(mid, planned.id, local("2026-10-20"))
    assert _canceled_count(paris, mid) == 0


def test_the_day_of_a_1on1_is_the_managers_day(paris: Services) -> None:
    mid, (rid,) = add_team(paris, "Zoë")
    late = paris.team.schedule(mid, rid, local("2026-10-20", 23, 30))  # 21:30 UTC
    assert paris.team.meeting_on(mid, rid, dt.date(2026, 10, 20)).id == late.id
    with pytest.raises(BadInputError, match="No 1:1 with Zoë on 2026-10-21"):
        paris.team.meeting_on(mid, "Zoë", dt.date(2026, 10, 21))


def test_the_suggested_slot_follows_the_cadence_and_skips_weekends(paris: Services) -> None:
    mid, (rid,) = add_team(paris, "Amara", cadence_days=14)
    held = paris.team.schedule(mid, rid, local("2026-10-06", 15, 30))
    with paris.repos(mid) as repos:
        repos.meetings.mark_held(repos.meetings.save_raw_notes(held.id, "notes").id)
    slot = paris.team.suggested_slot(mid, rid, today=dt.date(2026, 10, 9))
    assert slot == local("2026-10-20", 15, 30)  # a cadence after the last one, same time
    # Nothing held yet: tomorrow, or the Monday after when tomorrow is a weekend.
    assert next_workday(dt.date(2026, 10, 17)) == dt.date(2026, 10, 19)
    assert suggested_day(dt.date(2026, 10, 16), last_held=None, cadence_days=7) == dt.date(
        2026, 10, 19
    )
