"""Scheduling 1:1s from the Team page or a person's page: one, or a series from their cadence,
entered in the manager's time zone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from assistant.db.models import Report
from assistant.errors import CoachError
from assistant.team.lifecycle import MAX_SERIES, next_workday
from ui import times
from ui.state import get_services

DEFAULT_TIME = dt.time(10, 0)


def schedule_form(
    manager_id: int,
    reports: Sequence[Report],
    *,
    prefix: str,
    default_when: dt.datetime | None = None,
) -> str | None:
    """The form; returns a one-line summary of what was scheduled (None when nothing was).

    With one report the form is for them; with several, it offers a picker. The default day is
    never a weekend: the slot given, else the next working day after today.
    """
    svc = get_services()
    by_id = {r.id: r for r in reports}
    today = times.today()
    when = times.local(default_when) if default_when else None
    day_default = when.date() if when else next_workday(today + dt.timedelta(days=1))
    with st.form(f"{prefix}_form"):
        if len(reports) > 1:
            rid = st.selectbox(
                "With", list(by_id), format_func=lambda i: by_id[i].name, key=f"{prefix}_report"
            )
        else:
            rid = reports[0].id
        c1, c2, c3, c4 = st.columns(4)
        day = c1.date_input("Date", value=day_default, min_value=today, key=f"{prefix}_date")
        at = c2.time_input(
            f"Time ({times.zone()})",
            value=when.time().replace(tzinfo=None) if when else DEFAULT_TIME,
            key=f"{prefix}_time",
        )
        minutes = c3.number_input(
            "Minutes (blank: their usual)",
            min_value=5,
            max_value=240,
            step=5,
            value=None,
            key=f"{prefix}_minutes",
        )
        count = c4.number_input(
            "How many (one per their cadence)",
            min_value=1,
            max_value=MAX_SERIES,
            value=1,
            step=1,
            key=f"{prefix}_count",
            help="More than one plans a series; a slot on a weekend moves to the Monday after.",
        )
        if not st.form_submit_button("Schedule", icon=":material/event:", key=f"{prefix}_submit"):
            return None
    if rid is None or day is None or at is None:
        st.error("Pick who, the date and the time.")
        return None
    start = times.combine(day, at)
    length = int(minutes) if minutes else None
    try:
        if int(count) == 1:
            made = [svc.team.schedule(manager_id, rid, start, duration_minutes=length)]
            booked: list[dt.date] = []
        else:
            series = svc.team.schedule_series(
                manager_id, rid, start, count=int(count), duration_minutes=length
            )
            made, booked = series.meetings, series.already_booked
    except CoachError as exc:
        st.error(str(exc))
        return None
    name = by_id[rid].name
    if not made:
        return f"Nothing new: every slot already had a 1:1 with {name}."
    first = times.show(made[0].scheduled_at)
    summary = (
        f"1:1 with {name} scheduled for {first}."
        if len(made) == 1
        else f"{len(made)} 1:1s with {name} scheduled, from {first}."
    )
    if booked:
        summary += f" {len(booked)} day(s) already had one and were left as they were."
    return summary
