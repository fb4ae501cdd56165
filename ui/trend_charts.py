"""Altair charts of the manager's own trends (built from `svc.team.trends`, one per question)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from assistant.talk.ratio import TARGET_SHARE
from assistant.team.trends import OUTCOMES, CoachingTrends

MONTH = alt.X("Month:O", title=None, axis=alt.Axis(labelAngle=0))
KIND_COLORS = alt.Scale(domain=["praise", "constructive"], range=["#2e9e5b", "#e8912d"])
OUTCOME_COLORS = alt.Scale(domain=list(OUTCOMES), range=["#2e9e5b", "#e8912d", "#d64545"])


def meetings_chart(trends: CoachingTrends) -> alt.Chart:
    """1:1s held vs planned, side by side per month."""
    data = pd.DataFrame(
        [
            {"Month": m.month, "Kind": kind, "Meetings": count}
            for m in trends.meetings
            for kind, count in (("planned", m.planned), ("held", m.held))
        ]
    )
    chart: alt.Chart = (
        alt.Chart(data, title="1:1s held vs planned")
        .mark_bar()
        .encode(
            x=MONTH,
            xOffset=alt.XOffset("Kind:N", sort=["planned", "held"]),
            y=alt.Y("Meetings:Q", title="1:1s"),
            color=alt.Color(
                "Kind:N",
                sort=["planned", "held"],
                scale=alt.Scale(range=["#b7c9e2", "#2f6db5"]),
                title=None,
            ),
            tooltip=["Month", "Kind", "Meetings"],
        )
        .properties(height=240)
    )
    return chart


def feedback_chart(trends: CoachingTrends) -> alt.FacetChart:
    """Praise and constructive feedback per report and month (one small chart per report)."""
    data = pd.DataFrame(
        [
            {"Report": f.report, "Month": f.month, "Kind": kind, "Given": count}
            for f in trends.feedback
            for kind, count in (("praise", f.praise), ("constructive", f.constructive))
        ]
    )
    chart: alt.FacetChart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("Month:O", title=None, scale=alt.Scale(domain=trends.months)),
            xOffset=alt.XOffset("Kind:N", sort=["praise", "constructive"]),
            y=alt.Y("Given:Q", title="given", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("Kind:N", scale=KIND_COLORS, title=None),
            tooltip=["Report", "Month", "Kind", "Given"],
        )
        .properties(width=190, height=110)
        .facet(facet=alt.Facet("Report:N", title=None), columns=3)
        .properties(title="Praise : constructive per report")
    )
    return chart


def talk_chart(trends: CoachingTrends) -> alt.LayerChart:
    """Your share of the talking in 1:1s with a transcript, against the ~20% guidance."""
    data = pd.DataFrame(
        [
            {"Day": p.day.isoformat(), "Report": p.report, "Your share": p.manager_share}
            for p in trends.talk
        ]
    )
    line = (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=alt.X("Day:T", title=None),
            y=alt.Y("Your share:Q", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("Report:N", title=None),
            tooltip=["Day:T", "Report", alt.Tooltip("Your share:Q", format=".0%")],
        )
    )
    target = (
        alt.Chart(pd.DataFrame({"Your share": [TARGET_SHARE]}))
        .mark_rule(strokeDash=[4, 4], color="gray")
        .encode(y="Your share:Q")
    )
    chart: alt.LayerChart = (line + target).properties(
        height=240, title="Your share of the talking (target about 20%)"
    )
    return chart


def actions_chart(trends: CoachingTrends) -> alt.FacetChart:
    """Action items due each month: closed on time, closed late, still open past due."""
    data = pd.DataFrame(
        [
            {"Month": a.month, "Owner": a.owner, "Outcome": a.outcome, "Items": a.count}
            for a in trends.actions
        ]
    )
    chart: alt.FacetChart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("Month:O", title=None, scale=alt.Scale(domain=trends.months)),
            y=alt.Y("Items:Q", title="items due", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("Outcome:N", scale=OUTCOME_COLORS, title=None),
            order=alt.Order("Outcome:N", sort="descending"),
            tooltip=["Owner", "Month", "Outcome", "Items"],
        )
        .properties(width=280, height=200)
        .facet(column=alt.Column("Owner:N", title=None, sort=["You", "Your reports"]))
        .properties(title="Action items closed on time")
    )
    return chart
