"""Team mode, for a manager: who signed in and who changed what in their team (topics, shared
agendas and recaps, action items), newest first. Kept in the database (audit_events)."""

from __future__ import annotations

import streamlit as st

from ui.state import get_services, require_manager
from ui.team_panels import activity_table

manager = require_manager()
svc = get_services()

st.title("Activity")
st.caption(
    "Who signed in, and who changed what on topics, shared agendas, recaps and action items."
)
people = {r.id: r.name for r in svc.team.reports(manager.id, include_archived=True)}
picked = st.selectbox(
    "Person",
    [0, *people],
    format_func=lambda i: "Everyone" if i == 0 else people[i],
    key="activity_person",
)
entries = svc.access.activity(manager.id, report_id=picked or None)
activity_table(entries, key="activity_table")
