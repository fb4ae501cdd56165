"""Team: cadence health for every report and the open action items across the team."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assistant.team import team_health
from ui.components import demo_banner, relative_day
from ui.state import get_services, require_manager

manager = require_manager()
svc = get_services()
today = dt.date.today()

st.title("Team")
demo_banner(manager)

with svc.repos(manager.id) as repos:
    rows = team_health(repos)
    open_items = repos.action_items.open_items()
    report_names = {r.id: r.name for r in repos.reports.all()}

if not rows:
    st.info("No reports yet. Add your first report below to start planning 1:1s.")
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
            "Report": r.name,
            "Role": r.role,
            "Status": r.status,
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
    st.dataframe(table, hide_index=True, width="stretch", key="cadence_table")

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
                    "Overdue": bool(item.due_date and item.due_date < today),
                    "Open for (days)": (today - item.created_at.date()).days,
                }
                for item in open_items
            ],
            hide_index=True,
            width="stretch",
            key="open_items_table",
        )
