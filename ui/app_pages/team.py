"""Team: cadence health for every report, open items, add/edit a report, schedule the next 1:1."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assistant.db.models import FeedbackStyle, MeetingFormat, Report, Topic
from assistant.errors import CoachError
from ui.components import demo_banner, relative_day
from ui.state import get_services, require_manager

STATUSES = ["overdue", "at risk", "ok"]
STATUS_COLORS = ["red", "orange", "green"]
NEW = 0  # the "add a new report" choice in the report form
FORMAT_LABELS = {
    MeetingFormat.CONVERSATIONAL: "Conversational (informal chat)",
    MeetingFormat.BULLETED: "Bulleted (a list of points)",
}
STYLE_LABELS = {
    FeedbackStyle.DIRECT: "Direct",
    FeedbackStyle.GENTLE: "Gentle",
    FeedbackStyle.WRITTEN_FIRST: "Written first, then talk",
    FeedbackStyle.IN_THE_MOMENT: "In the moment",
}
TOPICS = [t.value for t in Topic]

manager = require_manager()
svc = get_services()
today = dt.date.today()

st.title("Team")
st.caption("How your 1:1s are going with each person, and what is still open.")
demo_banner(manager)

rows = svc.team.health(manager.id)
open_items = svc.team.open_action_items(manager.id).items
reports = svc.team.reports(manager.id)
report_names = {r.id: r.name for r in reports}

if not rows:
    st.info(
        "No reports yet. Add your first report below to start planning 1:1s.",
        icon=":material/person_add:",
    )
else:
    overdue_meetings = sum(1 for r in rows if r.overdue_days > 0)
    overdue_items = sum(r.overdue_action_items for r in rows)
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Reports", len(rows))
    c2.metric("1:1s overdue", overdue_meetings)
    c3.metric("Open action items", len(open_items))
    c4.metric("Overdue action items", overdue_items)

    st.subheader("Cadence health")
    table = [
        {
            "Status": [r.status],
            "Report": r.name,
            "Role": r.role,
            "Last 1:1": relative_day(r.last_held, today),
            "Next 1:1": relative_day(r.next_scheduled.date() if r.next_scheduled else None, today),
            "Overdue (days)": r.overdue_days,
            "Canceled, not rescheduled (90d)": r.canceled_without_reschedule,
            "Open items": r.open_action_items,
            "Overdue items": r.overdue_action_items,
            "Praise : constructive (90d)": f"{r.praise_90d} : {r.constructive_90d}",
            "Not discussed for 4+ weeks": ", ".join(r.neglected_topics) or "—",
            "Alerts": "; ".join(r.alerts) or "—",
        }
        for r in rows
    ]
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="cadence_table",
        column_config={
            "Status": st.column_config.MultiselectColumn(
                "Status", options=STATUSES, color=STATUS_COLORS, width="small"
            ),
            "Overdue (days)": st.column_config.NumberColumn(help="Days past the cadence"),
            "Alerts": st.column_config.TextColumn(width="large"),
        },
    )
    st.caption(
        ":red-badge[overdue] past their cadence · :orange-badge[at risk] nothing scheduled or "
        "a 1:1 canceled without a new date · :green-badge[ok] on track"
    )

    st.subheader("Open action items")
    if not open_items:
        st.success("Nothing open. Action items from your recaps will show up here.")
    else:
        st.dataframe(
            [
                {
                    "Task": item.task,
                    "Owner": item.owner_name,
                    "Report": report_names.get(item.report_id, "?"),
                    "Due": item.due_date,
                    "Overdue": "⚠ overdue" if item.due_date and item.due_date < today else "",
                    "Open for (days)": (today - item.created_at.date()).days,
                }
                for item in open_items
            ],
            hide_index=True,
            width="stretch",
            key="open_items_table",
        )
        st.page_link(
            "app_pages/action_items.py",
            label="Close or filter action items",
            icon=":material/task_alt:",
        )


# -- schedule the next 1:1 ------------------------------------------------------------------------


def _schedule(reports: list[Report]) -> None:
    by_id = {r.id: r for r in reports}
    with st.form("schedule_form"):
        st.markdown("**Schedule the next 1:1**")
        rid = st.selectbox(
            "With", list(by_id), format_func=lambda i: by_id[i].name, key="schedule_report"
        )
        c1, c2, c3 = st.columns(3)
        day = c1.date_input(
            "Date", value=today + dt.timedelta(days=1), min_value=today, key="schedule_date"
        )
        at = c2.time_input("Time (UTC)", value=dt.time(10, 0), key="schedule_time")
        minutes = c3.number_input(
            "Minutes (blank: their usual length)",
            min_value=5,
            max_value=240,
            step=5,
            value=None,
            key="schedule_minutes",
        )
        if st.form_submit_button("Schedule", icon=":material/event:", key="schedule_submit"):
            try:
                meeting = svc.team.schedule(
                    manager.id,
                    rid,
                    dt.datetime.combine(day, at, tzinfo=dt.UTC),
                    duration_minutes=int(minutes) if minutes else None,
                )
                when = meeting.scheduled_at
            except CoachError as exc:
                st.error(str(exc))
            else:
                st.session_state["team_flash"] = (
                    f"1:1 with {by_id[rid].name} scheduled for {when:%a %d %b, %H:%M} UTC."
                )
                st.rerun()


# -- add or edit a report -------------------------------------------------------------------------


def _load_form(report: Report | None) -> None:
    """Fill the form's widgets with this report's values (or blanks for a new report)."""
    state = st.session_state
    state["rf_name"] = report.name if report else ""
    state["rf_role"] = report.role if report else ""
    state["rf_start"] = report.start_date if report else None
    state["rf_cadence"] = report.cadence_days if report else 7
    state["rf_minutes"] = report.meeting_minutes if report else 30
    state["rf_format"] = report.meeting_format if report else MeetingFormat.CONVERSATIONAL
    state["rf_style"] = report.feedback_style if report else FeedbackStyle.DIRECT
    state["rf_favour"] = list(report.topics_favour) if report else []
    state["rf_avoid"] = list(report.topics_avoid) if report else []
    state["rf_private"] = report.private_notes if report else ""


def _report_form(reports: list[Report]) -> None:
    by_id = {r.id: r for r in reports}
    if "rf_choice_next" in st.session_state:  # after a save: show the saved report
        st.session_state["rf_choice"] = st.session_state.pop("rf_choice_next")
    choice = st.selectbox(
        "Report",
        [NEW, *by_id],
        format_func=lambda i: "➕ Add a new report" if i == NEW else f"Edit {by_id[i].name}",
        key="rf_choice",
    )
    if st.session_state.get("rf_loaded_for") != choice:
        _load_form(by_id.get(choice))
        st.session_state["rf_loaded_for"] = choice
    extra = set(st.session_state.get("rf_favour", [])) | set(st.session_state.get("rf_avoid", []))
    options = TOPICS + sorted(extra - set(TOPICS))
    with st.form("report_form"):
        c1, c2 = st.columns(2)
        name = c1.text_input("Full name", key="rf_name", max_chars=200)
        role = c2.text_input("Role", key="rf_role", max_chars=200)
        c1, c2, c3 = st.columns(3)
        start = c1.date_input("Start date", key="rf_start", value=None)
        cadence = c2.number_input("Cadence (days)", 1, 90, step=1, key="rf_cadence")
        minutes = c3.number_input("Meeting length (minutes)", 5, 240, step=5, key="rf_minutes")
        c1, c2 = st.columns(2)
        fmt = c1.selectbox(
            "Meeting format",
            list(MeetingFormat),
            format_func=FORMAT_LABELS.__getitem__,
            key="rf_format",
        )
        style = c2.selectbox(
            "How they like feedback",
            list(FeedbackStyle),
            format_func=STYLE_LABELS.__getitem__,
            key="rf_style",
        )
        c1, c2 = st.columns(2)
        favour = c1.multiselect(
            "Topics to favour", options, key="rf_favour", accept_new_options=True
        )
        avoid = c2.multiselect("Topics to avoid", options, key="rf_avoid", accept_new_options=True)
        private = st.text_area(
            "Private notes",
            key="rf_private",
            help="Only for you: never shared, never indexed, never sent to an AI model.",
        )
        label = "Add report" if choice == NEW else "Save changes"
        if st.form_submit_button(label, type="primary", key="rf_submit"):
            fields = {
                "role": role,
                "start_date": start,
                "cadence_days": int(cadence),
                "meeting_minutes": int(minutes),
                "meeting_format": MeetingFormat(fmt or MeetingFormat.CONVERSATIONAL),
                "feedback_style": FeedbackStyle(style or FeedbackStyle.DIRECT),
                "topics_favour": list(favour),
                "topics_avoid": list(avoid),
                "private_notes": private,
            }
            try:
                if choice == NEW:
                    saved = svc.team.add_report(manager.id, name, **fields)
                else:
                    saved = svc.team.update_report(
                        manager.id, choice, name=" ".join(name.split()), **fields
                    )
                saved_id, saved_name = saved.id, saved.name
            except CoachError as exc:
                st.error(str(exc))
            else:
                verb = "added to your team" if choice == NEW else "updated"
                st.session_state["team_flash"] = f"{saved_name} {verb}."
                st.session_state.pop("rf_loaded_for", None)
                st.session_state["rf_choice_next"] = saved_id
                st.rerun()


flash = st.session_state.pop("team_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")

st.subheader("Manage")
tab_people, tab_schedule = st.tabs(["Add or edit a report", "Schedule a 1:1"])
with tab_people:
    _report_form(reports)
with tab_schedule:
    if reports:
        _schedule(reports)
    else:
        st.info("Add a report first, then schedule your first 1:1 with them.")
