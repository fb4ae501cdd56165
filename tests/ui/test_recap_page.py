"""Recap page: notes are stored before drafting; action items are checked, edited and saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from assistant.db.models import ActionItem, Meeting, OwnerRole
from tests.support.fake_openai import FakeOpenAIServer, Respond
from tests.ui.conftest import demo_services, run_app, table_with, texts, use_fake_llm

PAGE = "app_pages/recap.py"
NOTES = """- Amara shipped the import validation fix, clinic happy
- Amara to send the rollout plan to Hana by Friday
- I'll ask finance about the conference budget next week
- she is moving flat in December
"""


def _amara() -> tuple[int, str]:
    svc = demo_services()
    with svc.repos(svc.resolve_manager().id) as repos:
        amara = repos.reports.find("Amara")
        return amara.id, amara.name


def _draft(notes: str = NOTES):  # type: ignore[no-untyped-def]
    report_id, _ = _amara()
    at = run_app(PAGE)
    at.selectbox(key="recap_report").set_value(report_id)
    at.text_area(key="recap_notes").input(notes)
    at.button(key="recap_draft").click().run()
    assert not at.exception
    return at


def _meetings_with_notes(report_id: int, text: str) -> list[Meeting]:
    svc = demo_services()
    with svc.session() as session:
        return list(
            session.scalars(
                select(Meeting).where(
                    Meeting.report_id == report_id, Meeting.raw_notes.contains(text)
                )
            )
        )


def test_recap_page_starts_with_what_to_do(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    assert not at.exception
    assert any("Draft recap" in i.value for i in at.info)


def test_drafting_saves_notes_first_and_shows_checked_action_items(demo_data_dir: Path) -> None:
    at = _draft()
    assert any("Notes saved" in s.value for s in at.success)
    report_id, _ = _amara()
    assert len(_meetings_with_notes(report_id, "rollout plan to Hana")) == 1
    items = table_with(at, "From the notes")
    assert len(items) == 2
    assert "Amara to send the rollout plan to Hana by Friday" in set(items["From the notes"])
    vague = items[items["Task"].str.contains("finance")]
    assert vague["Check"].iloc[0].startswith("⚠ vague date")
    assert "Drafted by: **built-in engine**" in texts(at)
    assert "moving flat" in at.text_area(key="recap_personal").value


def test_notes_are_stored_even_when_the_model_fails(
    demo_data_dir: Path, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.default = Respond.server_error()
    use_fake_llm(demo_data_dir, fake_openai)
    at = _draft()
    report_id, _ = _amara()
    assert len(_meetings_with_notes(report_id, "rollout plan to Hana")) == 1
    assert fake_openai.chat_requests  # the model was asked...
    page = texts(at)
    assert "Drafted by: **built-in engine**" in page  # ...and the built-in draft stands in
    assert any("showing the built-in" in c.value for c in at.caption)  # a one-line notice
    assert len(table_with(at, "From the notes")) == 2


def test_empty_notes_give_a_friendly_error_and_store_nothing(demo_data_dir: Path) -> None:
    at = _draft("   ")
    assert any("notes are empty" in e.value for e in at.error)
    assert not any("Notes saved" in s.value for s in at.success)


def test_uploaded_file_is_used_as_the_notes(demo_data_dir: Path) -> None:
    report_id, _ = _amara()
    at = run_app(PAGE)
    at.selectbox(key="recap_report").set_value(report_id)
    at.file_uploader(key="recap_upload").set_value(
        ("notes.md", b"- Amara to book the venue by 2026-12-01\n", "text/markdown")
    )
    at.run()
    at.button(key="recap_draft").click().run()
    assert not at.exception
    assert len(_meetings_with_notes(report_id, "book the venue")) == 1
    assert "Book the venue" in " ".join(table_with(at, "From the notes")["Task"])


def test_saving_creates_action_items_with_the_edited_owner(demo_data_dir: Path) -> None:
    at = _draft()
    report_id, name = _amara()
    items = table_with(at, "From the notes")
    finance = int(items.index[items["Task"].str.contains("finance")][0])
    at.session_state["recap_items"] = {
        "edited_rows": {finance: {"Owner": name, "Due": "2026-12-04"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.button(key="recap_save").click().run()
    assert not at.exception
    assert any("Recap saved with 2 action items" in s.value for s in at.success)
    svc = demo_services()
    with svc.session() as session:
        meeting = _meetings_with_notes(report_id, "rollout plan")[0]
        saved = session.scalars(select(ActionItem).where(ActionItem.meeting_id == meeting.id)).all()
    by_task = {i.task: i for i in saved}
    finance_item = next(i for t, i in by_task.items() if "finance" in t)
    assert finance_item.owner_name == name and finance_item.owner_role is OwnerRole.REPORT
    assert finance_item.due_date == dt.date(2026, 12, 4)
    assert any("rollout plan" in i.evidence for i in saved)
    shared = next(c.value for c in at.code if "# 1:1 recap" in c.value)
    assert "moving flat" not in shared  # personal updates stay out unless kept
    at.toggle(key="recap_keep_personal").set_value(True).run()
    shared = next(c.value for c in at.code if "# 1:1 recap" in c.value)
    assert "moving flat" in shared.lower() or "moving flat" in shared


def test_unticked_items_are_not_saved(demo_data_dir: Path) -> None:
    at = _draft()
    at.session_state["recap_items"] = {
        "edited_rows": {0: {"Keep": False}},
        "added_rows": [{"Task": "Share the clinic survey", "Owner": "Hana Kobayashi"}],
        "deleted_rows": [],
    }
    at.run()
    at.button(key="recap_save").click().run()
    assert not at.exception
    report_id, _ = _amara()
    svc = demo_services()
    with svc.session() as session:
        meeting = _meetings_with_notes(report_id, "rollout plan")[0]
        tasks = {
            i.task: i.owner_role
            for i in session.scalars(select(ActionItem).where(ActionItem.meeting_id == meeting.id))
        }
    assert len(tasks) == 2
    assert tasks["Share the clinic survey"] is OwnerRole.OTHER
