"""Prepare: a focused agenda for the next 1:1 (their topics first, one review of open action
items, a few suggestions), edited like a checklist, saved to the meeting and shared."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from assistant.domain.agenda import AgendaDraft
from assistant.errors import CoachError
from ui.agenda_checklist import STATE, add_items, checklist, start, total_line
from ui.components import (
    demo_banner,
    engine_badge,
    markdown_export,
    report_picker,
    require_reports,
)
from ui.state import get_services, require_manager
from ui.team_panels import share_button, their_topics

ANOTHER_DATE = "date"
NEXT = "next"

manager = require_manager()
svc = get_services()
today = dt.date.today()

st.title("Prepare")
st.caption("A focused agenda for your next 1:1: their topics first, then what is still open.")
demo_banner(manager)

reports = svc.team.reports(manager.id)
require_reports(reports)

report = report_picker(reports, key="prepare_report")
first_name = report.name.split()[0]
upcoming = svc.team.upcoming(manager.id, report.id, today=today)
meeting_labels: dict[str, str] = {
    str(m.id): f"{m.scheduled_at:%a %d %b, %H:%M} (scheduled, {m.duration_minutes} min)"
    for m in upcoming
}
if not upcoming:
    meeting_labels[NEXT] = "Next 1:1 by their cadence"
meeting_labels[ANOTHER_DATE] = "Another date…"
meeting_dates = {str(m.id): m.scheduled_at.date() for m in upcoming}
meeting_lengths = {str(m.id): m.duration_minutes for m in upcoming}

c1, c2 = st.columns([2, 1])
with c1:
    choice = st.selectbox(
        "Which 1:1",
        list(meeting_labels),
        format_func=meeting_labels.__getitem__,
        key="prepare_meeting",
    )
with c2:
    minutes = st.number_input(
        "Meeting length (minutes)",
        min_value=5,
        max_value=240,
        step=5,
        value=None,
        placeholder=f"{meeting_lengths.get(choice, report.meeting_minutes)} (as scheduled)",
        key="prepare_minutes",
    )
picked_date: dt.date | None = meeting_dates.get(choice)
if choice == ANOTHER_DATE:
    picked_date = st.date_input("Date", value=today, key="prepare_date")

# The topics they added to this 1:1 (signed in, or noted for them): they lead the draft.
if choice.isdigit():
    their_topics(svc.sharing.topics(manager.id, int(choice)), first_name)

selection = (report.id, choice, picked_date.isoformat() if picked_date else None)
state: dict[str, Any] | None = st.session_state.get(STATE)
if state is not None and state["for"] != selection:
    state = None

saved_meeting_id = next(
    (m.id for m in upcoming if str(m.id) == choice and m.agenda_approved_at is not None), None
)

b1, b2 = st.columns([1, 1])
with b1:
    draft_clicked = st.button(
        "Draft agenda" if state is None else "Draft again",
        type="primary" if state is None else "secondary",
        key="prepare_draft",
        icon=":material/auto_awesome:",
        width="stretch",
    )
with b2:
    open_saved = saved_meeting_id is not None and st.button(
        "Open saved agenda", key="prepare_open_saved", icon=":material/bookmark:", width="stretch"
    )

if draft_clicked:
    try:
        with st.spinner(f"Reviewing past notes, open items and goals for {report.name}…"):
            draft = svc.agenda.draft(
                manager.id,
                report.id,
                meeting_date=picked_date,
                minutes=int(minutes) if minutes else None,
            )
    except CoachError as exc:
        st.error(str(exc))
    else:
        start(selection, draft, meeting_lengths.get(choice))
        st.rerun()
if open_saved and saved_meeting_id is not None:
    try:
        saved = svc.agenda.load(manager.id, saved_meeting_id)
    except CoachError as exc:
        st.error(str(exc))
    else:
        if saved is not None:
            start(selection, saved, meeting_lengths.get(choice))
            st.rerun()

if state is None:
    if saved_meeting_id is not None:
        st.info("You already saved an agenda for this 1:1. Open it, or draft a new one.")
    else:
        st.info(
            f"Press **Draft agenda** for a starting point for your 1:1 with {report.name}: "
            "their own topics first, one review of the open action items, and a few "
            "suggestions from past notes, goals and how they like to meet.",
            icon=":material/lightbulb:",
        )
    st.stop()

current: AgendaDraft = state["draft"]
st.subheader(f"Agenda · {report.name} · {current.meeting_date:%A %d %B}")
engine_badge(current.engine, current.notices)
if current.first_meeting:
    st.caption(":material/waving_hand: Your first 1:1 with them: getting to know each other.")

total_line(current)
checklist(current, state["uids"])
add_items(current, first_name)

# -- save ---------------------------------------------------------------------------------------
# The meeting keeps its length unless the manager ticks the box (a new 1:1 gets the chosen one).
scheduled_length: int | None = state.get("meeting_minutes")
length_now = scheduled_length or current.minutes_total
change_length = False
if current.planned_minutes != length_now:
    change_length = st.checkbox(
        f"Also make this 1:1 {current.planned_minutes} minutes long (it is {length_now})",
        key="agenda_set_length",
    )
if st.button("Save agenda", type="primary", key="agenda_save", icon=":material/save:"):
    try:
        meeting_id = svc.agenda.save(
            manager.id,
            report.id,
            current,
            meeting_minutes=current.planned_minutes if change_length else None,
        )
    except CoachError as exc:
        st.error(str(exc))
    else:
        new_length = current.planned_minutes if change_length else length_now
        state["draft"] = current.model_copy(
            update={"meeting_id": meeting_id, "minutes_total": new_length}
        )
        state["meeting_minutes"] = new_length
        scheduled = " (added to your calendar as a new 1:1)" if current.meeting_id is None else ""
        length_note = (
            f"The 1:1 is now {new_length} minutes long."
            if change_length
            else f"The 1:1 stays {new_length} minutes long."
        )
        st.session_state["agenda_saved"] = (
            f"Saved {len(current.items)} items ({current.planned_minutes} min) as the agenda of "
            f"your 1:1 with {report.name} on {current.meeting_date:%a %d %b}{scheduled}. "
            f"{length_note}"
        )
        st.session_state.pop("agenda_set_length", None)
        st.rerun()
saved_flash = st.session_state.get("agenda_saved")
if saved_flash:
    st.success(saved_flash, icon=":material/check_circle:")

st.subheader("Share before the meeting")
if svc.settings.team_mode:
    share_button("agenda", manager.id, current.meeting_id, first_name)
include_reasons = st.toggle("Include why each item is there", key="agenda_md_reasons")
markdown_export(
    current.to_markdown(include_reasons=include_reasons),
    filename=f"agenda-{first_name.lower()}-{current.meeting_date.isoformat()}.md",
    key="agenda_download",
    label="Download Markdown",
    collapsed=True,
)
