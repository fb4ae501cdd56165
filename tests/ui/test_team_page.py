"""Team page in Streamlit's AppTest: demo team, empty state, demo removal."""

from __future__ import annotations

from pathlib import Path

from assistant.demo.loader import load_demo_team
from tests.ui.conftest import run_app, table_with


def test_team_page_lists_every_demo_report_with_cadence_health(demo_data_dir: Path) -> None:
    at = run_app()
    assert not at.exception
    assert at.title[0].value == "Team"
    table = table_with(at, "Overdue (days)")
    assert set(table["Report"]) == {r.name for r in load_demo_team().reports}
    assert "overdue" in set(table["Status"])
    assert any("demo team" in info.value for info in at.info)


def test_first_launch_without_data_explains_how_to_start(data_dir: Path) -> None:
    at = run_app()
    assert not at.exception
    assert any("No team yet" in info.value for info in at.info)
    at.button(key="load_demo").click().run()
    assert not at.exception
    assert at.title[0].value == "Team"
    assert len(table_with(at, "Overdue (days)")) == len(load_demo_team().reports)


def test_removing_the_demo_team_returns_to_an_empty_start(demo_data_dir: Path) -> None:
    at = run_app()
    at.button(key="remove_demo").click().run()
    assert not at.exception
    assert any("No team yet" in info.value for info in at.info)


def test_creating_my_team_adds_the_first_report(data_dir: Path) -> None:
    at = run_app()
    at.text_input(key="new_manager_name").input("Robin Real")
    at.text_input(key="first_report_name").input("Kim Yu")
    at.button[0].click().run()  # the form's submit button
    assert not at.exception
    assert list(table_with(at, "Overdue (days)")["Report"]) == ["Kim Yu"]
