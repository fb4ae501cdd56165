"""The add / edit form for a report (Team adds people; a person's page edits them)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from assistant.db.models import FeedbackStyle, MeetingFormat, Report, Topic
from assistant.errors import CoachError
from ui.state import get_services

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


def load_form(prefix: str, report: Report | None) -> None:
    """Fill the form's widgets with this report's values (or blanks for a new report)."""
    state = st.session_state
    state[f"{prefix}_name"] = report.name if report else ""
    state[f"{prefix}_role"] = report.role if report else ""
    state[f"{prefix}_start"] = report.start_date if report else None
    state[f"{prefix}_cadence"] = report.cadence_days if report else 7
    state[f"{prefix}_minutes"] = report.meeting_minutes if report else 30
    state[f"{prefix}_format"] = report.meeting_format if report else MeetingFormat.CONVERSATIONAL
    state[f"{prefix}_style"] = report.feedback_style if report else FeedbackStyle.DIRECT
    state[f"{prefix}_favour"] = list(report.topics_favour) if report else []
    state[f"{prefix}_avoid"] = list(report.topics_avoid) if report else []
    state[f"{prefix}_private"] = report.private_notes if report else ""
    state[f"{prefix}_loaded_for"] = report.id if report else 0


def report_form(
    manager_id: int, prefix: str, report: Report | None, on_saved: Callable[[Report], None]
) -> None:
    """A form for a new report (`report` None) or for editing one; `on_saved` gets the row."""
    svc = get_services()
    if st.session_state.get(f"{prefix}_loaded_for") != (report.id if report else 0):
        load_form(prefix, report)
    chosen = set(st.session_state.get(f"{prefix}_favour", []))
    chosen |= set(st.session_state.get(f"{prefix}_avoid", []))
    options = TOPICS + sorted(chosen - set(TOPICS))
    with st.form(f"{prefix}_form"):
        c1, c2 = st.columns(2)
        name = c1.text_input("Full name", key=f"{prefix}_name", max_chars=200)
        role = c2.text_input("Role", key=f"{prefix}_role", max_chars=200)
        c1, c2, c3 = st.columns(3)
        start = c1.date_input("Start date", key=f"{prefix}_start", value=None)
        cadence = c2.number_input("Cadence (days)", 1, 90, step=1, key=f"{prefix}_cadence")
        minutes = c3.number_input(
            "Meeting length (minutes)", 5, 240, step=5, key=f"{prefix}_minutes"
        )
        c1, c2 = st.columns(2)
        fmt = c1.selectbox(
            "Meeting format",
            list(MeetingFormat),
            format_func=FORMAT_LABELS.__getitem__,
            key=f"{prefix}_format",
        )
        style = c2.selectbox(
            "How they like feedback",
            list(FeedbackStyle),
            format_func=STYLE_LABELS.__getitem__,
            key=f"{prefix}_style",
        )
        c1, c2 = st.columns(2)
        favour = c1.multiselect(
            "Topics to favour", options, key=f"{prefix}_favour", accept_new_options=True
        )
        avoid = c2.multiselect(
            "Topics to avoid", options, key=f"{prefix}_avoid", accept_new_options=True
        )
        private = st.text_area(
            "Private notes",
            key=f"{prefix}_private",
            help="Only for you: never shared, never indexed, never sent to an AI model.",
        )
        label = "Add report" if report is None else "Save changes"
        if not st.form_submit_button(label, type="primary", key=f"{prefix}_submit"):
            return
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
        if report is None:
            saved = svc.team.add_report(manager_id, name, **fields)
        else:
            saved = svc.team.update_report(
                manager_id, report.id, name=" ".join(name.split()), **fields
            )
    except CoachError as exc:
        st.error(str(exc))
        return
    st.session_state.pop(f"{prefix}_loaded_for", None)
    on_saved(saved)
