"""Whose notes they are: "I" follows the author at every entry point (engine, service, CLI)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.db.repositories import ManagerRepository
from assistant.recap.builtin import extract_recap
from assistant.recap.service import draft_recap
from assistant.services import Services
from tests.support.cli import Coach

DAY = dt.date(2026, 3, 4)  # a Wednesday
MANAGER, REPORT = "Dana Whitfield", "Søren Łukasiewicz"
NOTES = "Weekly 1:1\n- I will send the draft chapter to the committee by Friday\n"


def _owner(author: str) -> str:
    draft = extract_recap(NOTES, meeting_date=DAY, manager=MANAGER, report=REPORT, author=author)
    (item,) = draft.action_items
    assert item.due == dt.date(2026, 3, 6)
    return item.owner


@pytest.mark.parametrize(
    ("author", "owner"),
    [("manager", MANAGER), ("report", REPORT), ("Zoë Nguyễn", "Zoë Nguyễn"), ("søren", REPORT)],
)
def test_i_resolves_to_whoever_wrote_the_notes(author: str, owner: str) -> None:
    assert _owner(author) == owner


def test_the_manager_is_the_default_author() -> None:
    draft = extract_recap(NOTES, meeting_date=DAY, manager=MANAGER, report=REPORT)
    assert [i.owner for i in draft.action_items] == [MANAGER]


def test_in_report_written_notes_you_is_the_manager() -> None:
    notes = "Supervisor meeting\nYou will read the first draft by the 10th."
    draft = extract_recap(notes, meeting_date=DAY, manager=MANAGER, report=REPORT, author="report")
    assert [(i.owner, i.due) for i in draft.action_items] == [(MANAGER, dt.date(2026, 3, 10))]


def test_draft_recap_passes_the_author_to_the_engine() -> None:
    draft = draft_recap(NOTES, meeting_date=DAY, manager=MANAGER, report=REPORT, author="report")
    assert [i.owner for i in draft.action_items] == [REPORT]


def test_recap_service_draft_and_draft_for_take_the_author(services: Services) -> None:
    with services.session() as session:
        manager_id = ManagerRepository(session).create(MANAGER).id
    with services.repos(manager_id) as repos:
        report_id = repos.reports.add(REPORT).id
    stored = services.recap.draft(manager_id, report_id, NOTES, DAY, author="report")
    assert [i.owner for i in stored.action_items] == [REPORT]
    by_hand = services.recap.draft_for(
        NOTES, meeting_date=DAY, manager=MANAGER, report=REPORT, author="report"
    )
    assert [i.owner for i in by_hand.action_items] == [REPORT]
    default = services.recap.draft_for(NOTES, meeting_date=DAY, manager=MANAGER, report=REPORT)
    assert [i.owner for i in default.action_items] == [MANAGER]


@pytest.mark.slow
def test_cli_author_option_keeps_the_json_shape(coach: Coach, tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(NOTES, encoding="utf-8")
    args = ["recap", "--file", str(path), "--date", "2026-03-04", "--json"]
    args += ["--manager", MANAGER, "--report", REPORT]
    as_report = coach(*args, "--author", "report")
    assert as_report.code == 0, as_report.err
    data = as_report.json()
    assert [i["owner"] for i in data["action_items"]] == [REPORT]
    assert set(data) >= {"summary", "decisions", "action_items", "follow_ups", "engine"}
    default = coach(*args)
    assert [i["owner"] for i in default.json()["action_items"]] == [MANAGER]
    blank = coach(*args, "--author", " ")
    assert blank.code == 2 and blank.err.count("\n") <= 1
