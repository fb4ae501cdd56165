"""Coaching: your own trends as a manager, month by month: 1:1s held vs planned, praise and
constructive feedback per report, your share of the talking, action items closed on time."""

from __future__ import annotations

import streamlit as st

from ui import times
from ui.components import demo_banner
from ui.state import get_services, require_manager
from ui.trend_charts import actions_chart, feedback_chart, meetings_chart, talk_chart

WINDOWS = {3: "3 months", 6: "6 months", 12: "12 months"}

manager = require_manager()
svc = get_services()

st.title("Coaching")
st.caption("How you are doing as a 1:1 manager, from your own records.")
demo_banner(manager)

months = st.segmented_control(
    "Period", list(WINDOWS), format_func=WINDOWS.__getitem__, default=6, key="coaching_months"
)
trends = svc.team.trends(manager.id, months=months or 6, today=times.today())

if trends.empty:
    st.info(
        "Nothing to chart yet: hold and recap a few 1:1s, and log feedback as you give it.",
        icon=":material/insights:",
    )
    st.stop()

held = sum(m.held for m in trends.meetings)
planned = sum(m.planned for m in trends.meetings)
mine_on_time = sum(a.count for a in trends.actions if a.owner == "You" and a.outcome == "on time")
mine_due = sum(a.count for a in trends.actions if a.owner == "You")
c1, c2, c3 = st.columns(3)
c1.metric("1:1s held / planned", f"{held} / {planned}")
c2.metric("Your action items on time", f"{mine_on_time} / {mine_due}" if mine_due else "—")
shares = [p.manager_share for p in trends.talk]
c3.metric(
    "Your average talk share",
    f"{round(100 * sum(shares) / len(shares))}%" if shares else "—",
    help="From transcripts you measured and kept on a 1:1 (target about 20%)",
)

st.altair_chart(meetings_chart(trends), key="chart_meetings")
st.caption("A moved 1:1 counts once, at its new date; canceled and skipped ones stay planned.")

if trends.feedback:
    st.altair_chart(feedback_chart(trends), key="chart_feedback")
else:
    st.info("No feedback logged in this period.", icon=":material/forum:")

if trends.talk:
    st.altair_chart(talk_chart(trends), key="chart_talk")
else:
    st.info(
        "No talk ratios yet: measure a transcript on a person's **Talk time** tab and keep it "
        "on the 1:1 to chart your share of the talking here.",
        icon=":material/record_voice_over:",
    )

if trends.actions:
    st.altair_chart(actions_chart(trends), key="chart_actions")
    st.caption(
        "Items with a due date in the month; dropped items and items not yet due are left out."
    )
else:
    st.info("No action items were due in this period.", icon=":material/task_alt:")
