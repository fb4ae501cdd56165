"""Team: one row per person (status, last and next 1:1, alerts) that opens their page, Prepare or
Recap; open action items; add a report; schedule a 1:1 (in the manager's time zone)."""

from __future__ import annotations

import streamlit as st

from assistant.db.models import Report
from assistant.team.health import CadenceHealth
from ui import times
from ui.components import demo_banner, relative_day
from ui.data_controls import remove_report_panel
from ui.report_form import report_form
from ui.schedule_form import schedule_form
from ui.state import get_services, require_manager

PERSON_PAGE = "app_pages/person.py"
STATUS_BADGES = {
    "overdue": ":red-badge[overdue]",
    "at risk": ":orange-badge[at risk]",
    "new": ":blue-badge[new]",
    "ok": ":green-badge[ok]",
}
CALM_ALERTS = ("first 1:1 to schedule", "no 1:1 held yet")

manager = require_manager()
svc = get_services()
today = times.today()

st.title("Team")
st.caption(
    f"How your 1:1s are going with each person, and what is still open. Times in {times.zone()}."
)
demo_banner(manager)

rows = svc.team.health(manager.id)
open_items = svc.team.open_action_items(manager.id).items
reports = svc.team.reports(manager.id)
report_names = {r.id: r.name for r in reports}


def _open(page: str, report_id: int) -> None:
    """Prepare or Recap preselect the report picked last on any page."""
    st.session_state["last_report_id"] = report_id
    st.switch_page(page)


def _alerts(row: CadenceHealth) -> str:
    badges = [
        f":blue-badge[{short}]" if full in CALM_ALERTS else f":orange-badge[{short}]"
        for short, full in row.alert_labels
    ]
    return " ".join(badges) or ":green-badge[:material/check: nothing to chase]"


def _person_row(row: CadenceHealth) -> None:
    c1, c2, c3, c4 = st.columns([3, 3, 6, 2], vertical_alignment="center")
    with c1:
        st.page_link(
            PERSON_PAGE,
            label=row.name,
            query_params={"report": str(row.report_id)},
            icon=":material/person:",
            help=f"Open {row.name}'s page: 1:1s, action items, feedback, goals",
        )
    nxt = times.show(row.next_scheduled) if row.next_scheduled else "nothing planned"
    c2.markdown(
        f"{STATUS_BADGES[row.status]} :small[last {relative_day(row.last_held, today)}]  \n"
        f":small[next: {nxt}]"
    )
    neglected = (
        f" · not discussed 4+ weeks: {', '.join(row.neglected_topics)}"
        if row.neglected_topics
        else ""
    )
    c3.markdown(
        _alerts(row)
        + f"  \n:small[:gray[{row.open_action_items} open items · praise : constructive "
        f"{row.praise_90d} : {row.constructive_90d} (90 d){neglected}]]"
    )
    with c4:
        b1, b2 = st.columns(2)
        if b1.button(
            "",
            key=f"team_prepare_{row.report_id}",
            icon=":material/event_note:",
            help=f"Prepare the next 1:1 with {row.name}",
        ):
            _open("app_pages/prepare.py", row.report_id)
        if b2.button(
            "",
            key=f"team_recap_{row.report_id}",
            icon=":material/edit_note:",
            help=f"Recap a 1:1 with {row.name}",
        ):
            _open("app_pages/recap.py", row.report_id)


flash = st.session_state.pop("team_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")

if not rows:
    st.info(
        "No reports yet. Add your first report below to start planning 1:1s.",
        icon=":material/person_add:",
    )
else:
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Reports", len(rows))
    c2.metric("1:1s overdue", sum(1 for r in rows if r.overdue_days > 0))
    c3.metric("Open action items", len(open_items))
    c4.metric("Overdue action items", sum(r.overdue_action_items for r in rows))

    st.subheader("Cadence health")
    st.caption(
        ":red-badge[overdue] past their cadence · :orange-badge[at risk] nothing scheduled or "
        "a 1:1 canceled without a new date · :blue-badge[new] before their first 1:1 · "
        ":green-badge[ok] on track. Click a name for their page; the icons open Prepare or Recap."
    )
    with st.container(border=True, key="cadence_rows", gap="small"):
        for row in rows:
            _person_row(row)

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
                }
                for item in open_items
            ],
            hide_index=True,
            width="stretch",
            key="open_items_table",
            column_config={"Task": st.column_config.TextColumn(width="large")},
        )
        st.page_link(
            "app_pages/action_items.py",
            label="Close or filter action items",
            icon=":material/task_alt:",
        )


def _added(saved: Report) -> None:
    st.session_state["team_flash"] = f"{saved.name} added to your team."
    st.rerun()


st.subheader("Manage")
tab_people, tab_schedule = st.tabs(["Add a report", "Schedule a 1:1"])
with tab_people:
    st.caption("To edit or archive someone, open their page from the list above.")
    report_form(manager.id, "rf", None, _added)
with tab_schedule:
    if reports:
        done = schedule_form(manager.id, reports, prefix="schedule")
        if done:
            st.session_state["team_flash"] = done
            st.rerun()
    else:
        st.info("Add a report first, then schedule your first 1:1 with them.")
remove_report_panel(manager.id, reports)
