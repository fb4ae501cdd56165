"""Prepare page: agenda draft with reasons and questions, editing, their topics, save, export."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from assistant.db.models import AgendaItem, Meeting
from tests.ui.conftest import demo_services, run_app, table_with, texts

PAGE = "app_pages/prepare.py"


def _report_with_open_items() -> tuple[int, str, set[str]]:
    svc = demo_services()
    with svc.repos(svc.resolve_manager().id) as repos:
        for report in repos.reports.all():
            items = repos.action_items.open_items(report_id=report.id)
            if items:
                return report.id, report.name, {i.task for i in items}
    raise AssertionError("the demo team has no open action items")


def _drafted(report_id: int):  # type: ignore[no-untyped-def]
    at = run_app(PAGE)
    at.selectbox(key="prepare_report").set_value(report_id).run()
    at.button(key="prepare_draft").click().run()
    assert not at.exception
    return at


def test_prepare_without_a_draft_says_what_to_do(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    assert not at.exception
    assert at.title[0].value == "Prepare"
    assert any("Draft agenda" in i.value for i in at.info)


def test_agenda_draft_shows_reasons_questions_engine_and_open_items_first(
    demo_data_dir: Path,
) -> None:
    report_id, _, tasks = _report_with_open_items()
    at = _drafted(report_id)
    table = table_with(at, "Why")
    assert len(table) >= 3
    assert table["Why"].str.len().gt(0).all()  # every item says why it is there
    assert table["Questions"].str.len().gt(0).any()  # suggested questions
    first_rows = " ".join(table["Title"].head(3)) + " ".join(table["Detail"].head(3))
    assert "open action item" in set(table["Source"].head(3))
    assert any(task.split()[0].lower() in first_rows.lower() for task in tasks)
    page = texts(at)
    assert "Drafted by: **built-in engine**" in page
    assert "minutes" in page and " of " in page  # total vs meeting length


def test_adding_their_topics_puts_them_on_the_agenda(demo_data_dir: Path) -> None:
    report_id, _, _ = _report_with_open_items()
    at = _drafted(report_id)
    before = len(table_with(at, "Why"))
    at.text_area(key="agenda_their_topics").input("Conference budget\nOn-call rotation")
    at.button(key="agenda_add_topics").click().run()
    assert not at.exception
    table = table_with(at, "Why")
    assert len(table) == before + 2
    theirs = table[table["Source"] == "their topic"]
    assert list(theirs["Title"])[-2:] == ["Conference budget", "On-call rotation"]


def test_saving_the_edited_agenda_stores_it_in_order(demo_data_dir: Path) -> None:
    report_id, _, _ = _report_with_open_items()
    at = _drafted(report_id)
    table = table_with(at, "Why")
    last = len(table) - 1
    at.session_state["agenda_editor"] = {
        "edited_rows": {0: {"#": 99, "Minutes": 7}},  # move the first item to the end
        "added_rows": [{"Title": "Team offsite dates", "Minutes": 4, "#": 2}],
        "deleted_rows": [last],
    }
    at.run()
    at.button(key="agenda_save").click().run()
    assert not at.exception
    assert any("Agenda saved" in s.value for s in at.success)
    svc = demo_services()
    with svc.session() as session:
        meeting = session.scalars(
            select(Meeting)
            .where(Meeting.report_id == report_id, Meeting.agenda_approved_at.is_not(None))
            .order_by(Meeting.agenda_approved_at.desc())
        ).first()
        assert meeting is not None
        saved = session.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting.id)
            .order_by(AgendaItem.position)
        ).all()
    titles = [i.title for i in saved]
    assert titles[-1] == table["Title"].iloc[0] and saved[-1].minutes == 7
    assert "Team offsite dates" in titles[:3]
    assert table["Title"].iloc[last] not in titles
    assert len(saved) == len(table)  # one removed, one added
    # The Markdown to share is on the page, with a download button.
    assert any("# 1:1 agenda" in c.value for c in at.code)
    assert at.get("download_button")
