"""Team page in Streamlit's AppTest: one row per person that leads to their page, Prepare or
Recap; alerts; a new report is "new"; the empty state; demo removal; adding a report; scheduling
in the manager's time zone, never defaulting to a weekend."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import streamlit as st

from assistant.config import get_settings
from assistant.config.saved import save_time_zone
from assistant.db.models import FeedbackStyle, MeetingFormat, MeetingStatus
from assistant.demo.loader import load_demo_team
from tests.ui.conftest import demo_services, run_app, table_with, texts

TEAM_ROWS_CAPTION = "Click a name for their page"


def _links(at) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Person links on the page: label -> query string (AppTest has no page_link accessor)."""
    return {link.proto.label: link.proto.query_string for link in at.get("page_link")}


def _statuses(at) -> list[str]:  # type: ignore[no-untyped-def]
    """The status badge of each person's row, top to bottom."""
    return [m.value.split(" ")[0] for m in at.markdown if ":small[last " in m.value]


def _ids() -> dict[str, int]:
    svc = demo_services()
    with svc.repos(svc.resolve_manager().id) as repos:
        return {r.name: r.id for r in repos.reports.all()}


def _use_zone(data_dir: Path, zone: str) -> None:
    save_time_zone(data_dir, zone)
    get_settings.cache_clear()
    st.cache_resource.clear()


def test_every_report_has_a_row_that_links_to_their_page(demo_data_dir: Path) -> None:
    at = run_app()
    assert not at.exception
    assert at.title[0].value == "Team"
    ids = _ids()
    links = _links(at)
    assert {name: links[name] for name in ids} == {
        name: f"report={rid}" for name, rid in ids.items()
    }
    assert set(ids) == {r.name for r in load_demo_team().reports}
    assert _statuses(at)[0] == ":red-badge[overdue]"  # most urgent first
    assert len(_statuses(at)) == len(ids)
    shown = texts(at)
    assert TEAM_ROWS_CAPTION in shown
    assert ":orange-badge[overdue 14 d]" in shown  # alerts on the page, not in a hidden column
    assert any("demo team" in info.value for info in at.info)
    assert len(table_with(at, "Owner")) > 0  # open action items across the team


def test_a_row_opens_prepare_or_recap_for_that_person(demo_data_dir: Path) -> None:
    ids = _ids()
    at = run_app()
    at.button(key=f"team_prepare_{ids['Yusuf Demir']}").click().run()
    assert not at.exception
    assert at.title[0].value == "Prepare"
    assert at.selectbox(key="prepare_report").value == ids["Yusuf Demir"]
    at = run_app()
    at.button(key=f"team_recap_{ids['Ingrid Solberg']}").click().run()
    assert not at.exception
    assert at.selectbox(key="recap_report").value == ids["Ingrid Solberg"]


def test_first_launch_without_data_explains_how_to_start(data_dir: Path) -> None:
    at = run_app()
    assert not at.exception
    assert any("No team yet" in info.value for info in at.info)
    at.button(key="load_demo").click().run()
    assert not at.exception
    assert at.title[0].value == "Team"
    assert set(_ids()) <= set(_links(at))


def test_removing_the_demo_team_returns_to_an_empty_start(demo_data_dir: Path) -> None:
    at = run_app()
    at.button(key="remove_demo").click().run()
    assert not at.exception
    assert any("No team yet" in info.value for info in at.info)


def test_creating_my_team_adds_a_new_report_who_is_not_at_risk(data_dir: Path) -> None:
    at = run_app()
    at.text_input(key="new_manager_name").input("Robin Real")
    at.text_input(key="first_report_name").input("Nguyễn Thị Hương")
    at.button(key="create_team_submit").click().run()
    assert not at.exception
    assert "Nguyễn Thị Hương" in _links(at)
    assert _statuses(at) == [":blue-badge[new]"]
    shown = texts(at)
    assert ":blue-badge[first 1:1 to plan]" in shown
    assert "no praise" not in shown


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
    assert "Noor Haddad" in _links(at)
    svc = demo_services()
    with svc.repos(svc.resolve_manager().id) as repos:
        noor = repos.reports.find("Noor Haddad")
        assert (noor.role, noor.cadence_days, noor.meeting_minutes) == ("QA Engineer", 14, 45)
        assert noor.meeting_format is MeetingFormat.BULLETED
        assert noor.feedback_style is FeedbackStyle.WRITTEN_FIRST
        assert noor.topics_favour == ["career", "conference talks"]
        assert noor.private_notes == "Prefers mornings."


def test_duplicate_report_name_shows_a_friendly_error(demo_data_dir: Path) -> None:
    at = run_app()
    at.text_input(key="rf_name").input("Hana Kobayashi")
    at.button(key="rf_submit").click().run()
    assert not at.exception
    assert any("already in your team" in e.value for e in at.error)


def test_the_schedule_form_never_defaults_to_a_weekend(demo_data_dir: Path) -> None:
    at = run_app()
    default = at.date_input(key="schedule_date").value
    assert default > dt.date.today() - dt.timedelta(days=1)
    assert default.weekday() < 5


def test_scheduling_is_entered_and_shown_in_the_managers_time_zone(demo_data_dir: Path) -> None:
    _use_zone(demo_data_dir, "America/New_York")
    zone = ZoneInfo("America/New_York")
    ids = _ids()
    at = run_app()
    assert at.time_input(key="schedule_time").label == "Time (America/New_York)"
    day = dt.date.today() + dt.timedelta(days=3)
    at.selectbox(key="schedule_report").set_value(ids["Amara Okonkwo"])
    at.date_input(key="schedule_date").set_value(day)
    at.time_input(key="schedule_time").set_value(dt.time(15, 30))
    at.button(key="schedule_submit").click().run()
    assert not at.exception
    (done,) = [s.value for s in at.success if "scheduled for" in s.value]
    assert f"{day:%a %d %b}, 15:30" in done  # said back in New York time
    svc = demo_services()
    with svc.repos(svc.resolve_manager().id) as repos:
        meetings = repos.meetings.of_report(
            ids["Amara Okonkwo"], statuses=[MeetingStatus.SCHEDULED]
        )
    expected = dt.datetime.combine(day, dt.time(15, 30), tzinfo=zone)
    assert expected in [m.scheduled_at for m in meetings]  # the same instant, stored in UTC


def test_scheduling_a_series_from_the_team_page(demo_data_dir: Path) -> None:
    ids = _ids()
    at = run_app()
    start = dt.date.today() + dt.timedelta(days=30)
    at.selectbox(key="schedule_report").set_value(ids["Tomás Ferreira"])
    at.date_input(key="schedule_date").set_value(start)
    at.number_input(key="schedule_count").set_value(3)
    at.button(key="schedule_submit").click().run()
    assert not at.exception
    assert any("3 1:1s with Tomás Ferreira scheduled" in s.value for s in at.success)
