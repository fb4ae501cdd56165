"""Coaching page in AppTest: the manager's trends as Altair charts whose data is what the
records say (1:1s held vs planned, feedback per report, talk share, action items on time)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

from assistant.db.models import MeetingStatus
from tests.ui.conftest import demo_services, run_app, texts

PAGE = "app_pages/coaching.py"
TRANSCRIPT = (
    "Alex Morgan: How is the migration going?\n"
    "Hana Kobayashi: Slower than planned, the vendor API keeps timing out.\n"
    "Alex Morgan: What have you tried so far?\n"
    "Hana Kobayashi: Retries with backoff, and a support ticket.\n"
)


def _charts(at: Any) -> dict[str, tuple[dict[str, Any], pd.DataFrame]]:
    """Each chart's title -> (Vega-Lite spec, its data as a DataFrame)."""
    found = {}
    for chart in at.get("vega_lite_chart"):
        spec = json.loads(chart.proto.spec)
        title = spec.get("title")
        title = title.get("text") if isinstance(title, dict) else title
        # The main mark's data (a layered chart also carries its 20% target line).
        main = spec.get("data") or spec["layer"][0]["data"]
        (dataset,) = [d for d in chart.proto.datasets if d.name == main["name"]]
        frame = pa.ipc.open_stream(dataset.data.data).read_pandas()
        found[str(title)] = (spec, frame)
    return found


def test_charts_show_what_the_records_say(demo_data_dir: Path) -> None:
    svc = demo_services()
    mid = svc.resolve_manager().id
    hana = svc.team.report(mid, "Hana")
    held = [m for m in svc.team.timeline(mid, hana.id).past if m.status is MeetingStatus.HELD]
    ratio = svc.team.talk_ratio(TRANSCRIPT, manager="Alex Morgan", report="Hana Kobayashi")
    svc.team.attach_talk_ratio(mid, held[0].id, ratio)
    trends = svc.team.trends(mid, months=6)

    at = run_app(PAGE)
    assert not at.exception
    assert at.title[0].value == "Coaching"
    charts = _charts(at)
    assert set(charts) == {
        "1:1s held vs planned",
        "Praise : constructive per report",
        "Your share of the talking (target about 20%)",
        "Action items closed on time",
    }

    spec, meetings = charts["1:1s held vs planned"]
    assert spec["mark"]["type"] == "bar"
    planned = meetings[meetings["Kind"] == "planned"].set_index("Month")["Meetings"]
    held_n = meetings[meetings["Kind"] == "held"].set_index("Month")["Meetings"]
    assert planned.to_dict() == {m.month: m.planned for m in trends.meetings}
    assert held_n.to_dict() == {m.month: m.held for m in trends.meetings}
    assert sum(planned) > 0

    spec, feedback = charts["Praise : constructive per report"]
    assert spec["facet"]["field"] == "Report"
    assert set(feedback["Report"]) == {f.report for f in trends.feedback}
    praise = feedback[feedback["Kind"] == "praise"]["Given"].sum()
    assert praise == sum(f.praise for f in trends.feedback)

    _, talk = charts["Your share of the talking (target about 20%)"]
    assert talk.to_dict("records") == [
        {
            "Day": held[0].when.astimezone(svc.settings.zone).date().isoformat(),
            "Report": "Hana Kobayashi",
            "Your share": ratio.manager_share,
        }
    ]

    spec, actions = charts["Action items closed on time"]
    assert spec["facet"]["column"]["field"] == "Owner"
    assert actions["Items"].sum() == sum(a.count for a in trends.actions)
    assert set(actions["Outcome"]) <= {"on time", "late", "still open, overdue"}


def test_without_transcripts_the_talk_chart_says_how_to_get_one(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    assert not at.exception
    assert "Your share of the talking (target about 20%)" not in _charts(at)
    assert "Talk time" in texts(at)
    at.button_group[0].set_value(3).run()
    assert not at.exception
    (_, meetings) = _charts(at)["1:1s held vs planned"]
    assert meetings["Month"].nunique() == 3


def test_a_team_with_no_history_gets_a_plain_message(data_dir: Path) -> None:
    svc = demo_services()
    svc.team.create_team("Robin Real", "Zoë Nouvelle")
    at = run_app(PAGE)
    assert not at.exception
    assert any("Nothing to chart yet" in i.value for i in at.info)
