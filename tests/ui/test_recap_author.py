"""Recap page: the "Notes written by" choice decides whose "I" the notes use."""

from __future__ import annotations

from pathlib import Path

from tests.ui.conftest import demo_services, run_app, table_with

PAGE = "app_pages/recap.py"
NOTES = "Weekly 1:1\n- I will send the onboarding checklist to Hana by Friday\n"


def _draft_as(choice: str | None) -> tuple[str, str]:
    svc = demo_services()
    with svc.repos(svc.resolve_manager().id) as repos:
        amara = repos.reports.find("Amara")
        manager_name = repos.reports.get(amara.id).manager.name
        report_id, report_name = amara.id, amara.name
    at = run_app(PAGE)
    at.selectbox(key="recap_report").set_value(report_id).run()
    if choice is not None:
        at.selectbox(key="recap_author").set_value(
            report_name if choice == "report" else choice
        ).run()
    at.text_area(key="recap_notes").input(NOTES)
    at.button(key="recap_draft").click().run()
    assert not at.exception
    (owner,) = table_with(at, "From the notes")["Owner"]
    return owner, report_name if choice == "report" else manager_name


def test_notes_default_to_the_managers_own(demo_data_dir: Path) -> None:
    owner, manager_name = _draft_as(None)
    assert owner == manager_name


def test_notes_written_by_the_report_give_their_i_to_the_report(demo_data_dir: Path) -> None:
    owner, report_name = _draft_as("report")
    assert owner == report_name
