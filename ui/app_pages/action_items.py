"""Action items: everything still open across the team, who owns what, and closing items;
done and dropped ones on request. Same data as `coach actions` (svc.team.action_items)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from assistant.db.models import ActionStatus
from assistant.errors import CoachError
from ui.components import demo_banner, relative_day
from ui.state import get_services, require_manager

EDITOR = "items_editor"
SHOW = {"open": "Open", "done": "Done", "all": "All"}

manager = require_manager()
svc = get_services()
today = dt.date.today()

st.title("Action items")
st.caption("What was promised in your 1:1s and is still open, by whom, and by when.")
demo_banner(manager)

show = st.segmented_control(
    "Show",
    list(SHOW),
    format_func=SHOW.__getitem__,
    default="open",
    key="items_status",
    required=True,
)
status = str(show or "open")
listed = svc.team.action_items(manager.id, status=status)
items = [i for i in listed if i.status == "open"]

flash = st.session_state.pop("items_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")

if status != "open":
    if not listed:
        st.info("Nothing here yet: items are closed on this page or in a recap.")
        st.stop()
    st.dataframe(
        [
            {
                "Task": i.task,
                "Owner": i.owner_name,
                "Report": i.report_name,
                "Status": i.status,
                "Due": i.due_date,
                "Closed on": i.closed_on,
                "Closed by": i.closed_by or "",
                "Comments": " · ".join(i.comments),
                "From 1:1": i.meeting_date,
            }
            for i in listed
        ],
        hide_index=True,
        width="stretch",
        key="items_closed_table",
        column_order=[
            "Task",
            "Owner",
            "Report",
            "Status",
            "Due",
            "Closed on",
            # who closed it and the report's comments exist in team mode only
            *(["Closed by"] if any(i.closed_by for i in listed) else []),
            *(["Comments"] if any(i.comments for i in listed) else []),
            "From 1:1",
        ],
        column_config={
            "Task": st.column_config.TextColumn("Task", width="large"),
            "Comments": st.column_config.TextColumn("Comments", width="medium"),
            "Due": st.column_config.DateColumn("Due", format="ddd D MMM"),
            "Closed on": st.column_config.DateColumn("Closed on", format="D MMM YYYY"),
            "From 1:1": st.column_config.DateColumn("From 1:1", format="D MMM"),
        },
    )
    st.stop()

if not items:
    st.info(
        "No open action items. They are created when you save a recap on the **Recap** page.",
        icon=":material/task_alt:",
    )
    st.page_link("app_pages/recap.py", label="Write a recap", icon=":material/edit_note:")
    st.stop()

owners = sorted({i.owner_name for i in items})
teams = sorted({i.report_name for i in items})
c1, c2, c3 = st.columns([2, 2, 1])
with c1:
    pick_owners = st.multiselect("Owner", owners, key="items_owner", placeholder="Everyone")
with c2:
    pick_reports = st.multiselect("Report", teams, key="items_report", placeholder="Whole team")
with c3:
    overdue_only = st.toggle("Overdue only", key="items_overdue")


def _due(day: dt.date | None) -> str:
    if day is None:
        return "no date"
    if day < today:
        return f"⚠ overdue by {(today - day).days} d"
    return relative_day(day, today)


shown = [
    i
    for i in items
    if (not pick_owners or i.owner_name in pick_owners)
    and (not pick_reports or i.report_name in pick_reports)
    and (not overdue_only or (i.due_date is not None and i.due_date < today))
]
overdue_count = sum(1 for i in items if i.due_date and i.due_date < today)
m1, m2, m3 = st.columns(3)
m1.metric("Open", len(items))
m2.metric("Overdue", overdue_count)
m3.metric("Shown", len(shown))

if not shown:
    st.info("Nothing matches these filters. Clear a filter to see more.")
    st.stop()

table = pd.DataFrame(
    [
        {
            "Done": False,
            "Drop": False,
            "Task": i.task,
            "Owner": i.owner_name,
            "Report": i.report_name,
            "Due": i.due_date,
            "Status": _due(i.due_date),
            "From 1:1": i.meeting_date,
            "Comments": " · ".join(i.comments),
            "_id": i.id,
        }
        for i in shown
    ]
)
st.caption("Tick **Done** or **Drop**, then apply.")
edited = st.data_editor(
    table,
    key=EDITOR,
    hide_index=True,
    width="stretch",
    num_rows="fixed",
    column_order=[
        "Done",
        "Drop",
        "Task",
        "Owner",
        "Report",
        "Due",
        "Status",
        "From 1:1",
        *(["Comments"] if any(i.comments for i in shown) else []),
    ],
    disabled=["Task", "Owner", "Report", "Due", "Status", "From 1:1", "Comments"],
    column_config={
        "Done": st.column_config.CheckboxColumn("Done", width="small"),
        "Drop": st.column_config.CheckboxColumn("Drop", width="small", help="No longer needed"),
        "Task": st.column_config.TextColumn("Task", width="large"),
        "Due": st.column_config.DateColumn("Due", format="ddd D MMM"),
        "From 1:1": st.column_config.DateColumn("From 1:1", format="D MMM"),
    },
)
done = [int(r["_id"]) for r in edited.to_dict("records") if r["Done"] and not r["Drop"]]
dropped = [int(r["_id"]) for r in edited.to_dict("records") if r["Drop"] and not r["Done"]]
both = [r["Task"] for r in edited.to_dict("records") if r["Done"] and r["Drop"]]
for task in both:
    st.warning(f"“{task}” is ticked both Done and Drop: pick one.")

label = "Apply"
if done or dropped:
    parts = [f"{len(done)} done"] if done else []
    parts += [f"{len(dropped)} dropped"] if dropped else []
    label = f"Apply: {', '.join(parts)}"
if st.button(
    label,
    type="primary",
    key="items_apply",
    disabled=not (done or dropped) or bool(both),
    icon=":material/done_all:",
):
    try:
        svc.team.close_action_items(manager.id, done, ActionStatus.DONE)
        svc.team.close_action_items(manager.id, dropped, ActionStatus.DROPPED)
    except CoachError as exc:
        st.error(str(exc))
    else:
        st.session_state.pop(EDITOR, None)
        st.session_state["items_flash"] = (
            f"Closed {len(done) + len(dropped)} action item"
            f"{'s' if len(done) + len(dropped) != 1 else ''}."
        )
        st.rerun()

st.subheader("Who owns what")
by_owner: dict[str, dict[str, int]] = {}
for i in items:
    row = by_owner.setdefault(i.owner_name, {"Open": 0, "Overdue": 0})
    row["Open"] += 1
    row["Overdue"] += int(bool(i.due_date and i.due_date < today))
st.dataframe(
    [
        {"Owner": name, **counts}
        for name, counts in sorted(by_owner.items(), key=lambda kv: (-kv[1]["Overdue"], kv[0]))
    ],
    hide_index=True,
    width="stretch",
    key="owners_table",
)
