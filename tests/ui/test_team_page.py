"""Team page in Streamlit's AppTest: cadence health, empty state, demo removal, report form,
scheduling."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from assistant.db.models import FeedbackStyle, MeetingFormat, MeetingStatus
from assistant.demo.loader import load_demo_team
from tests.ui.conftest import demo_services, run_app, table_with


def test_team_page_lists_every_demo_report_with_cadence_health(demo_data_dir: Path) -> None:
    at = run_app()
    assert not at.exception
    assert at.title[0].value == "Team"
    table = table_with(at, "Overdue (days)")
    assert set(table["Report"]) == {r.name for r in load_demo_team().reports}
    assert ["overdue"] in [list(s) for s in table["Status"]]
    assert {"Praise : constructive (90d)", "Not discussed for 4+ weeks"} <= set(table.columns)
    assert any("demo team" in info.value for info in at.info)
    assert len(table_with(at, "Owner")) > 0  # open action items across the team


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
    at.button(key="create_team_submit").click().run()
    assert not at.exception
    assert list(table_with(at, "Overdue (days)")["Report"]) == ["Kim Yu"]


def test_adding_a_report_with_preferences_saves_them(demo_data_dir: Path) -> None:
    at = run_app()
    at.text_input(key="rf_name").input("Noor Haddad")
    at.text_input(key="rf_role").input("QA Engineer")
    at.number_input(key="rf_cadence").set_value(14)
    at.number_input(key="rf_minutes").set_value(45)
    at.selectbox(key="rf_format").set_value(MeetingFormat.BULLETED)
    at.selectbox(key="rf_style").set_value(FeedbackStyle.WRITTEN_FIRST)
    at.multiselect(key="rf_favour").set_value(["career", "conference talks"])
    at.text_area(key="rf_private").input("Prefers mornings.")
    at.button(key="rf_submit").click().run()
    assert not at.exception
    assert any("Noor Haddad added" in s.value for s in at.success)
    assert "Noor Haddad" in set(table_with(at, "Overdue (days)")["Report"])
    svc = demo_services()
    with svc.repos(svc.resolve_manager().id) as repos:
        noor = repos.reports.find("Noor Haddad")
        assert (noor.role, noor.cadence_days, noor.meeting_minutes) == ("QA Engineer", 14, 45)
        assert noor.meeting_format is MeetingFormat.BULLETED
        assert noor.feedback_style is FeedbackStyle.WRITTEN_FIRST
        assert noor.topics_favour == ["career", "conference talks"]
        assert noor.private_notes == "Prefers mornings."


def test_editing_a_report_prefills_the_form_and_saves_changes(demo_data_dir: Path) -> None:
    at = run_app()
    svc = demo_services()
    with svc.repos(svc.resolve_manager().id) as repos:
        hana = repos.reports.find("Hana")
    at.selectbox(key="rf_choice").set_value(hana.id).run()
    assert at.text_input(key="rf_name").value == hana.name
    assert at.text_input(key="rf_role").value == hana.role
    at.text_input(key="rf_role").input("Director, Platform")
    at.button(key="rf_submit").click().run()
    assert not at.exception
    assert any("updated" in s.value for s in at.success)
    with svc.repos(svc.resolve_manager().id) as repos:
        assert repos.reports.get(hana.id).role == "Director, Platform"


def test_duplicate_report_name_shows_a_friendly_error(demo_data_dir: Path) -> None:
    at = run_app()
    at.text_input(key="rf_name").input("Hana Kobayashi")
    at.button(key="rf_submit").click().run()
    assert not at.exception
    assert any("already in your team" in e.value for e in at.error)


def test_scheduling_the_next_one_on_one(demo_data_dir: Path) -> None:
    at = run_app()
    svc = demo_services()
    with svc.repos(svc.resolve_manager().id) as repos:
        amara = repos.reports.find("Amara")
    day = dt.date.today() + dt.timedelta(days=3)
    at.selectbox(key="schedule_report").set_value(amara.id)
    at.date_input(key="schedule_date").set_value(day)
    at.time_input(key="schedule_time").set_value(dt.time(15, 30))
    at.button(key="schedule_submit").click().run()
    assert not at.exception
    assert any("scheduled for" in s.value for s in at.success)
    with svc.repos(svc.resolve_manager().id) as repos:
        meetings = repos.meetings.of_report(amara.id, statuses=[MeetingStatus.SCHEDULED])
        assert any(m.scheduled_at.date() == day and m.scheduled_at.hour == 15 for m in meetings)
