"""A person's 1:1s: the planned ones (reschedule, cancel, skip), scheduling more, and the
history (status, saved agenda, approved recap, raw notes on request, private notes)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from assistant.db.models import MeetingStatus, Report
from assistant.errors import CoachError
from assistant.team.lifecycle import next_workday
from assistant.team.timeline import MeetingEntry, Timeline
from assistant.team.timeline_export import RECAP_LISTS, status_label
from ui import times
from ui.components import escape_md
from ui.schedule_form import schedule_form
from ui.state import get_services

HISTORY_SHOWN = 12
STATUS_ICONS = {
    MeetingStatus.HELD: ":material/check_circle:",
    MeetingStatus.SCHEDULED: ":material/event:",
    MeetingStatus.CANCELED: ":material/event_busy:",
    MeetingStatus.SKIPPED: ":material/block:",
    MeetingStatus.RESCHEDULED: ":material/update:",
}


def _done(message: str) -> None:
    st.session_state["person_flash"] = message
    st.rerun()


def _act(action: str, manager_id: int, meeting: MeetingEntry) -> None:
    svc = get_services()
    when = times.show(meeting.when)
    try:
        if action == "cancel":
            svc.team.cancel_meeting(manager_id, meeting.id)
            message = f"1:1 of {when} canceled. Reschedule it when you have a new slot."
        else:
            svc.team.skip_meeting(manager_id, meeting.id)
            message = f"1:1 of {when} marked as skipped."
    except CoachError as exc:
        st.error(str(exc))
        return
    _done(message)


def _reschedule(manager_id: int, meeting: MeetingEntry) -> None:
    """A popover with the new date and time (the manager's zone)."""
    today = times.today()
    start = times.local(meeting.when)
    with st.popover("Reschedule", icon=":material/update:", key=f"move_pop_{meeting.id}"):
        day = st.date_input(
            "New date",
            # Moving usually means another day: the next working day after it (or after today).
            value=next_workday(max(start.date(), today) + dt.timedelta(days=1)),
            min_value=today,
            key=f"move_date_{meeting.id}",
        )
        at = st.time_input(
            f"New time ({times.zone()})",
            value=start.time().replace(tzinfo=None),
            key=f"move_time_{meeting.id}",
        )
        if st.button("Move the 1:1", key=f"move_{meeting.id}", type="primary"):
            if day is None or at is None:
                st.error("Pick the new date and time.")
                return
            try:
                moved = get_services().team.reschedule_meeting(
                    manager_id, meeting.id, times.combine(day, at)
                )
            except CoachError as exc:
                st.error(str(exc))
                return
            _done(f"1:1 of {times.show(meeting.when)} moved to {times.show(moved.scheduled_at)}.")


def _planned(manager_id: int, meeting: MeetingEntry) -> None:
    c1, c2, c3, c4 = st.columns([4, 2, 2, 2], vertical_alignment="center")
    agenda = f"agenda saved ({len(meeting.agenda)} items)" if meeting.agenda else "no agenda yet"
    c1.markdown(f"**{times.show(meeting.when)}** · {meeting.minutes} min · {agenda}")
    with c2:
        _reschedule(manager_id, meeting)
    if c3.button("Cancel", key=f"cancel_{meeting.id}", icon=":material/event_busy:"):
        _act("cancel", manager_id, meeting)
    if c4.button(
        "Skipped",
        key=f"skip_{meeting.id}",
        icon=":material/block:",
        help="It did not happen (and will not be moved)",
    ):
        _act("skip", manager_id, meeting)


def _recap(recap: dict[str, Any]) -> None:
    st.markdown("**Recap** (as approved)")
    if recap.get("summary"):
        st.markdown(escape_md(str(recap["summary"])))
    for key, title in RECAP_LISTS:
        entries = [str(e) for e in recap.get(key) or [] if str(e).strip()]
        if entries:
            st.markdown(f"*{title}*\n" + "\n".join(f"- {escape_md(e)}" for e in entries))
    items = recap.get("action_items") or []
    if items:
        lines = []
        for item in items:
            due = f", due {item['due']}" if item.get("due") else ""
            owner = item.get("owner") or "unassigned"
            lines.append(f"- {escape_md(str(item.get('task', '')))} ({escape_md(owner)}{due})")
        st.markdown("*Action items*\n" + "\n".join(lines))


def _history_entry(
    manager_id: int, meeting: MeetingEntry, timeline: Timeline, show_notes: bool
) -> None:
    local = times.local(meeting.when)
    extras = []
    if meeting.recap:
        extras.append("recap")
    if meeting.agenda:
        extras.append("agenda")
    if meeting.notes.strip():
        extras.append("notes")
    if meeting.talk:
        extras.append(f"you talked {round(meeting.talk.manager_share * 100)}%")
    label = f"{local:%a %d %b %Y} · {status_label(meeting, timeline)}"
    if extras:
        label += f" · {', '.join(extras)}"
    with st.expander(label, icon=STATUS_ICONS[meeting.status]):
        if meeting.status in (MeetingStatus.CANCELED, MeetingStatus.SKIPPED):
            st.caption("Canceled or skipped without a new date: it counts on the Team page.")
            _reschedule(manager_id, meeting)
        if meeting.agenda:
            st.markdown(
                "**Agenda**\n"
                + "\n".join(
                    f"{n}. {escape_md(a.title)} ({a.minutes} min)"
                    + (" · *their topic*" if a.theirs else "")
                    for n, a in enumerate(meeting.agenda, start=1)
                )
            )
        if meeting.recap:
            _recap(meeting.recap)
        elif meeting.status is MeetingStatus.HELD:
            st.caption("No approved recap for this 1:1.")
        if meeting.notes.strip():
            if show_notes:
                st.markdown("**Raw notes**")
                st.text(meeting.notes)
            else:
                st.caption("Raw notes hidden: turn on **Show raw notes** above to read them.")
        if meeting.private_notes.strip():
            st.info(
                f"**Private notes (only you see these):** {escape_md(meeting.private_notes)}",
                icon=":material/lock:",
            )


def meetings_tab(manager_id: int, report: Report, timeline: Timeline) -> None:
    svc = get_services()
    st.markdown("#### Planned")
    upcoming = timeline.upcoming
    if not upcoming:
        st.info(f"Nothing planned with {report.name}.", icon=":material/event_available:")
    for meeting in upcoming:
        _planned(manager_id, meeting)
    with st.expander("Schedule 1:1s", expanded=not upcoming, icon=":material/add:"):
        st.caption(
            f"Suggested from their cadence (every {report.cadence_days} days), never on a weekend."
        )
        done = schedule_form(
            manager_id,
            [report],
            prefix="person_schedule",
            default_when=svc.team.suggested_slot(manager_id, report.id, today=times.today()),
        )
        if done:
            _done(done)

    st.markdown("#### History")
    past = timeline.past
    if not past:
        st.caption("No 1:1s yet.")
        return
    c1, c2 = st.columns(2)
    show_notes = c1.toggle("Show raw notes", key="person_show_notes")
    show_all = len(past) > HISTORY_SHOWN and c2.toggle(
        f"Show all {len(past)} 1:1s", key="person_show_all"
    )
    for meeting in past if show_all else past[:HISTORY_SHOWN]:
        _history_entry(manager_id, meeting, timeline, show_notes)


def next_planned(timeline: Timeline) -> dt.datetime | None:
    upcoming = timeline.upcoming
    return upcoming[0].when if upcoming else None
