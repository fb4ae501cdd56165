"""Prepare: an agenda draft for the next 1:1 with reasons, sources and questions; edit and share."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from assistant.domain.agenda import SOURCE_LABELS, AgendaDraft, AgendaItemDraft
from assistant.errors import CoachError
from ui.components import (
    demo_banner,
    engine_badge,
    is_blank,
    lines,
    markdown_export,
    report_picker,
    require_reports,
)
from ui.state import get_services, require_manager

STATE = "agenda"  # {"for": (report_id, choice), "base": AgendaDraft, "length": int}
EDITOR = "agenda_editor"
ANOTHER_DATE = "date"
NEXT = "next"

manager = require_manager()
svc = get_services()
today = dt.date.today()

st.title("Prepare")
st.caption("A tailored agenda for your next 1:1: why each item is there, and questions to ask.")
demo_banner(manager)

reports = svc.team.reports(manager.id)
require_reports(reports)

report = report_picker(reports, key="prepare_report")
upcoming = svc.team.upcoming(manager.id, report.id, today=today)
meeting_labels: dict[str, str] = {
    str(m.id): f"{m.scheduled_at:%a %d %b, %H:%M} (scheduled, {m.duration_minutes} min)"
    for m in upcoming
}
if not upcoming:
    meeting_labels[NEXT] = "Next 1:1 by their cadence"
meeting_labels[ANOTHER_DATE] = "Another date…"
meeting_dates = {str(m.id): m.scheduled_at.date() for m in upcoming}

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
        placeholder=f"{report.meeting_minutes} (usual)",
        key="prepare_minutes",
    )
picked_date: dt.date | None = meeting_dates.get(choice)
if choice == ANOTHER_DATE:
    picked_date = st.date_input("Date", value=today, key="prepare_date")

selection = (report.id, choice, picked_date.isoformat() if picked_date else None)
state: dict[str, Any] | None = st.session_state.get(STATE)
if state is not None and state["for"] != selection:
    state = None

saved_meeting_id = next(
    (m.id for m in upcoming if str(m.id) == choice and m.agenda_approved_at is not None), None
)


def _start(draft: AgendaDraft, length: int) -> None:
    st.session_state[STATE] = {"for": selection, "base": draft, "length": length}
    st.session_state.pop(EDITOR, None)
    st.session_state.pop("agenda_saved", None)


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
        _start(draft, int(minutes) if minutes else draft.minutes_total or report.meeting_minutes)
        st.rerun()
if open_saved and saved_meeting_id is not None:
    try:
        saved = svc.agenda.load(manager.id, saved_meeting_id)
    except CoachError as exc:
        st.error(str(exc))
    else:
        if saved is not None:
            _start(saved, saved.minutes_total)
            st.rerun()

if state is None:
    if saved_meeting_id is not None:
        st.info("You already saved an agenda for this 1:1. Open it, or draft a new one.")
    else:
        st.info(
            f"Press **Draft agenda** to get a starting point for your 1:1 with {report.name}. "
            "It reviews their open action items first, then wins, goals, roadblocks and growth, "
            "based on past notes and how they like to meet.",
            icon=":material/lightbulb:",
        )
    st.stop()

base: AgendaDraft = state["base"]
length: int = state["length"]


def _rows(draft: AgendaDraft) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "#": n,
                "Title": item.title,
                "Minutes": item.minutes,
                "Detail": item.detail,
                "Source": SOURCE_LABELS.get(item.source, item.source),
                "Why": item.reason,
                "From": item.source_ref,
                "Questions": " · ".join(q.text for q in item.questions),
                "_i": n - 1,
            }
            for n, item in enumerate(draft.items, start=1)
        ],
        columns=["#", "Title", "Minutes", "Detail", "Source", "Why", "From", "Questions", "_i"],
    )


def _from_editor(draft: AgendaDraft, table: pd.DataFrame) -> AgendaDraft:
    """The draft as edited in the table: order by '#', retimed, renamed, added, removed."""
    ordered: list[tuple[float, int, AgendaItemDraft]] = []
    for order, row in enumerate(table.to_dict("records")):
        title = "" if is_blank(row.get("Title")) else str(row["Title"]).strip()
        if not title:
            continue
        mins = 5 if is_blank(row.get("Minutes")) else int(row["Minutes"])
        detail = "" if is_blank(row.get("Detail")) else str(row["Detail"])
        index = row.get("_i")
        if not is_blank(index) and 0 <= int(index) < len(draft.items):
            item = draft.items[int(index)].model_copy(
                update={"title": title, "minutes": mins, "detail": detail}
            )
            AgendaItemDraft.model_validate(item.model_dump())  # range checks on edited values
        else:
            item = AgendaItemDraft(
                title=title, minutes=mins, detail=detail, source="manager", reason="Added by you."
            )
        position = row.get("#")
        key = math.inf if is_blank(position) else float(position)
        ordered.append((key, order, item))
    items = [item for _, _, item in sorted(ordered, key=lambda t: (t[0], t[1]))]
    return draft.model_copy(update={"items": items, "minutes_total": sum(i.minutes for i in items)})


st.subheader(f"Agenda · {report.name} · {base.meeting_date:%A %d %B}")
engine_badge(base.engine, base.notices)
if base.first_meeting:
    st.info("This is your first 1:1 with them: the agenda focuses on getting to know each other.")

edited = st.data_editor(
    _rows(base),
    key=EDITOR,
    num_rows="dynamic",
    hide_index=True,
    width="stretch",
    column_order=["#", "Title", "Minutes", "Detail", "Source", "Why", "From", "Questions"],
    column_config={
        "#": st.column_config.NumberColumn(
            "#", help="Change the numbers to reorder", min_value=1, step=1, width="small"
        ),
        "Title": st.column_config.TextColumn("Title", required=True, width="medium"),
        "Minutes": st.column_config.NumberColumn(
            "Min", min_value=0, max_value=240, step=1, default=5, width="small"
        ),
        "Detail": st.column_config.TextColumn("Detail", width="medium"),
        "Source": st.column_config.TextColumn("Source", disabled=True, width="small"),
        "Why": st.column_config.TextColumn("Why it is here", disabled=True, width="medium"),
        "From": st.column_config.TextColumn("From", disabled=True, width="medium"),
        "Questions": st.column_config.TextColumn("Suggested questions", disabled=True),
    },
)
try:
    current = _from_editor(base, edited)
except (ValidationError, ValueError) as exc:
    st.error(
        f"Check the table: {exc.errors()[0]['msg'] if isinstance(exc, ValidationError) else exc}"
    )
    st.stop()

total = current.minutes_total
if total > length:
    st.warning(
        f"**{total} of {length} minutes planned**: {total - length} over. "
        "Shorten or drop something so they have room to talk.",
        icon=":material/timer:",
    )
else:
    st.caption(
        f":material/timer: **{total} of {length} minutes** planned · {len(current.items)} items"
    )

with st.expander("Why each item is there, and questions to ask", expanded=False):
    for n, item in enumerate(current.items, start=1):
        source = SOURCE_LABELS.get(item.source, item.source)
        st.markdown(f"**{n}. {item.title}** · {item.minutes} min · _{source}_")
        if item.reason:
            st.caption(item.reason + (f" — source: {item.source_ref}" if item.source_ref else ""))
        for question in item.questions:
            st.markdown(f"- {question.text}")

with st.form("their_topics_form", border=True):
    topics = st.text_area(
        f"Topics {report.name.split()[0]} asked for (one per line)",
        key="agenda_their_topics",
        placeholder="e.g. Conference budget\nOn-call rotation",
        height=90,
    )
    if st.form_submit_button("Add their topics", key="agenda_add_topics", icon=":material/add:"):
        added = current
        try:
            for title in lines(topics):
                added = added.add_item(title, source="report", minutes=5)
        except CoachError as exc:
            st.error(str(exc))
        else:
            if added is current:
                st.warning("Type at least one topic first.")
            else:
                state["base"] = added
                st.session_state.pop(EDITOR, None)
                st.rerun()

if st.button("Save agenda", type="primary", key="agenda_save", icon=":material/save:"):
    try:
        meeting_id = svc.agenda.save(manager.id, report.id, current)
    except CoachError as exc:
        st.error(str(exc))
    else:
        state["base"] = current.model_copy(update={"meeting_id": meeting_id})
        st.session_state.pop(EDITOR, None)
        st.session_state["agenda_saved"] = (
            f"Agenda saved for your 1:1 with {report.name} on {current.meeting_date:%a %d %b}."
        )
        st.rerun()
saved_flash = st.session_state.get("agenda_saved")
if saved_flash:
    st.success(saved_flash, icon=":material/check_circle:")

st.subheader("Share before the meeting")
include_reasons = st.toggle("Include why each item is there", key="agenda_md_reasons")
markdown_export(
    current.to_markdown(include_reasons=include_reasons),
    filename=f"agenda-{report.name.split()[0].lower()}-{current.meeting_date.isoformat()}.md",
    key="agenda_download",
    label="Download Markdown",
)
