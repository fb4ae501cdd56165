"""A person's action items (both ways), feedback log and goals (add, edit, close)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assistant.db.models import ActionStatus, GoalStatus, OwnerRole, Report
from assistant.errors import CoachError
from assistant.team.timeline import ActionEntry, GoalLine, Timeline
from ui import times
from ui.components import escape_md
from ui.state import get_services

KIND_BADGES = {"praise": ":green-badge[praise]", "constructive": ":orange-badge[constructive]"}


def _done(message: str) -> None:
    st.session_state["person_flash"] = message
    st.rerun()


# -- action items ------------------------------------------------------------------------------


def _item_line(item: ActionEntry, today: dt.date) -> str:
    due = ""
    if item.due:
        late = item.status is ActionStatus.OPEN and item.due < today
        due = f" · due {item.due:%d %b}" + (" :red-badge[overdue]" if late else "")
    return f"{escape_md(item.task)}{due}"


def _owed(manager_id: int, title: str, items: list[ActionEntry]) -> None:
    st.markdown(f"**{title}**")
    today = times.today()
    open_items = [i for i in items if i.status is ActionStatus.OPEN]
    if not open_items:
        st.caption("Nothing open.")
    for item in open_items:
        c1, c2 = st.columns([6, 1], vertical_alignment="center")
        c1.markdown(_item_line(item, today))
        if c2.button("", key=f"item_done_{item.id}", icon=":material/check:", help="Mark done"):
            get_services().team.close_action_items(manager_id, [item.id], ActionStatus.DONE)
            _done(f"Done: {item.task}")
    closed = [i for i in items if i.status is not ActionStatus.OPEN]
    if closed:
        with st.expander(f"{len(closed)} closed"):
            for item in closed:
                when = f" ({item.status.value} {item.closed:%d %b %Y})" if item.closed else ""
                st.markdown(f"~~{escape_md(item.task)}~~{when}")


def actions_tab(manager_id: int, report: Report, timeline: Timeline) -> None:
    first = report.name.split()[0]
    c1, c2 = st.columns(2)
    with c1:
        _owed(manager_id, f"What I owe {first}", timeline.owed(OwnerRole.MANAGER))
    with c2:
        _owed(manager_id, f"What {first} owes me", timeline.owed(OwnerRole.REPORT))
    others = timeline.owed(OwnerRole.OTHER)
    if others:
        _owed(manager_id, "Owned by someone else", others)


# -- feedback ----------------------------------------------------------------------------------


def feedback_tab(report: Report, timeline: Timeline) -> None:
    praise = sum(1 for f in timeline.feedback if f.kind == "praise")
    st.caption(
        f"{len(timeline.feedback)} entries: {praise} praise, "
        f"{len(timeline.feedback) - praise} constructive. How they like it: "
        f"{report.feedback_style.value.replace('_', ' ')}."
    )
    if st.button("Draft feedback for them", key="person_to_feedback", icon=":material/forum:"):
        st.session_state["last_report_id"] = report.id
        st.switch_page("app_pages/feedback.py")
    if not timeline.feedback:
        st.info("No feedback logged yet.", icon=":material/forum:")
    for entry in timeline.feedback:
        said = entry.wording or entry.behaviour or entry.situation or "(no wording saved)"
        line = f"{entry.given_on:%d %b %Y} {KIND_BADGES.get(entry.kind, entry.kind)} "
        line += escape_md(said)
        if entry.response:
            line += f"  \n*Their response:* {escape_md(entry.response)}"
        st.markdown(line)


# -- goals -------------------------------------------------------------------------------------


def _goal_row(manager_id: int, report: Report, goal: GoalLine) -> None:
    svc = get_services()
    c1, c2, c3, c4 = st.columns([6, 2, 2, 2], vertical_alignment="center")
    target = f" · target {goal.target_date:%d %b %Y}" if goal.target_date else ""
    c1.markdown(f"{escape_md(goal.title)}{target}")
    with c2, st.popover("Edit", icon=":material/edit:", key=f"goal_edit_pop_{goal.id}"):
        title = st.text_input("Goal", value=goal.title, key=f"goal_title_{goal.id}")
        day = st.date_input("Target date", value=goal.target_date, key=f"goal_target_{goal.id}")
        if st.button("Save goal", key=f"goal_save_{goal.id}", type="primary"):
            try:
                svc.team.update_goal(manager_id, goal.id, title=title, target_date=day)
            except CoachError as exc:
                st.error(str(exc))
            else:
                _done("Goal saved.")
    if c3.button("Achieved", key=f"goal_achieved_{goal.id}", icon=":material/flag:"):
        svc.team.close_goal(manager_id, report.id, goal.id, outcome="achieved")
        _done(f"Goal achieved: {goal.title}")
    if c4.button("Drop", key=f"goal_drop_{goal.id}", icon=":material/close:"):
        svc.team.close_goal(manager_id, report.id, goal.id, outcome="dropped")
        _done(f"Goal dropped: {goal.title}")


def goals_tab(manager_id: int, report: Report, timeline: Timeline) -> None:
    active = [g for g in timeline.goals if g.status == GoalStatus.ACTIVE.value]
    closed = [g for g in timeline.goals if g.status != GoalStatus.ACTIVE.value]
    st.caption("Agenda drafts and feedback wording tailor to active goals.")
    if not active:
        st.info("No active goals.", icon=":material/flag:")
    for goal in active:
        _goal_row(manager_id, report, goal)
    with st.form("goal_add_form", clear_on_submit=True):
        c1, c2 = st.columns([3, 1])
        title = c1.text_input("New goal", key="goal_add_title", max_chars=500)
        target = c2.date_input("Target date (optional)", value=None, key="goal_add_target")
        if st.form_submit_button("Add goal", icon=":material/add:", key="goal_add_submit"):
            try:
                get_services().team.add_goal(manager_id, report.id, title, target_date=target)
            except CoachError as exc:
                st.error(str(exc))
            else:
                _done(f"Goal added: {' '.join(title.split())}")
    if closed:
        with st.expander(f"{len(closed)} closed goals"):
            for goal in closed:
                st.markdown(f"{escape_md(goal.title)} · {goal.status}")
