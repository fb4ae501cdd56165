"""Settings page, time zone section: choosing a zone changes how every page shows and takes
times; "this machine's" is the default."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.config.saved import settings_path
from assistant.config.zones import machine_time_zone
from tests.ui.conftest import run_app

PAGE = "app_pages/settings.py"


def test_the_default_is_this_machines_zone(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    assert not at.exception
    picker = at.selectbox(key="set_time_zone")
    assert picker.value == ""
    assert machine_time_zone() in picker.format_func("")


def test_choosing_a_zone_is_saved_and_used_by_the_team_page(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    at.selectbox(key="set_time_zone").set_value("Asia/Kolkata")
    at.button(key="set_time_zone_save").click().run()
    assert not at.exception
    assert any("Times now show in Asia/Kolkata" in s.value for s in at.success)
    saved = json.loads(settings_path(demo_data_dir).read_text(encoding="utf-8"))
    assert saved["time_zone"] == "Asia/Kolkata"
    assert at.selectbox(key="set_time_zone").value == "Asia/Kolkata"
    team = run_app()
    assert team.time_input(key="schedule_time").label == "Time (Asia/Kolkata)"
    # Back to the machine's zone.
    at.selectbox(key="set_time_zone").set_value("")
    at.button(key="set_time_zone_save").click().run()
    assert "time_zone" not in json.loads(settings_path(demo_data_dir).read_text("utf-8"))
