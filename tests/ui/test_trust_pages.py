"""The trust features on the pages: Settings shows exactly what is sent and exports/imports the
data; the Team page removes a report after a typed confirmation; the Recap page keeps a
hand-added row without an owner, offers owners named in the notes and lists what the model
invented without saving it."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from sqlalchemy import select

from assistant.db.models import ActionItem, Meeting
from tests.support.fake_openai import FakeOpenAIServer, Respond
from tests.support.llm_answers import recap_answer
from tests.ui.conftest import demo_services, run_app, table_with, texts, use_fake_llm

NOTES = "- Amara to send the rollout plan to Hana by Friday\n- ask Dana from finance about it\n"
ROLLOUT_FROM_THE_MODEL = {
    "task": "Send the rollout plan to Hana",
    "owner": "Amara Okonkwo",
    "due": None,
    "evidence": "Amara to send the rollout plan to Hana by Friday",
}


def _amara() -> int:
    svc = demo_services()
    return svc.team.report(svc.resolve_manager().id, "Amara Okonkwo").id


def test_settings_shows_the_request_as_sent_with_names_and_contacts_replaced(
    demo_data_dir: Path, fake_openai: FakeOpenAIServer
) -> None:
    use_fake_llm(demo_data_dir, fake_openai)
    at = run_app("app_pages/settings.py")
    assert not at.exception

    shown = "\n".join(c.value for c in at.code)
    assert "<notes>" in shown
    for secret in ("Amara", "Okonkwo", "dana.kim@example.com", "415 555 0134", "Dana", "Lee"):
        assert secret not in shown
    assert "[email A]" in shown and "Person" in shown
    assert not fake_openai.requests  # the preview sends nothing
    page = texts(at)
    assert "Sent to 127.0.0.1" in page and "LangSmith tracing is off" in page


def test_settings_exports_everything_as_one_zip(demo_data_dir: Path) -> None:
    at = run_app("app_pages/settings.py")
    at.button(key="set_export").click().run()
    assert not at.exception
    data = at.session_state["set_export_zip"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("coach-export/manifest.json"))
    assert manifest["counts"]["reports"] == 7
    assert any(n.startswith("coach-export/notes/") for n in names)


def test_team_page_removes_a_report_only_after_the_name_is_typed(demo_data_dir: Path) -> None:
    amara = _amara()
    at = run_app("app_pages/team.py")
    at.selectbox(key="remove_report_pick").set_value(amara).run()
    assert at.button(key=f"remove_report_{amara}").disabled

    at.text_input(key=f"remove_confirm_{amara}").input("Amara Okonkwo").run()
    at.button(key=f"remove_report_{amara}").click().run()

    assert not at.exception
    assert any("Removed Amara Okonkwo" in s.value for s in at.success)
    svc = demo_services()
    names = [r.name for r in svc.team.reports(svc.resolve_manager().id)]
    assert "Amara Okonkwo" not in names


def _draft_recap(notes: str = NOTES):  # type: ignore[no-untyped-def]
    at = run_app("app_pages/recap.py")
    at.selectbox(key="recap_report").set_value(_amara())
    at.text_area(key="recap_notes").input(notes)
    at.button(key="recap_draft").click().run()
    assert not at.exception
    return at


def test_a_row_added_without_an_owner_is_saved_as_unassigned(demo_data_dir: Path) -> None:
    at = _draft_recap()
    drafted = len(table_with(at, "From the notes"))
    at.session_state["recap_items"] = {
        "edited_rows": {},
        "added_rows": [{"Task": "Book the training room"}],
        "deleted_rows": [],
    }
    at.run()
    assert any("saved as unassigned" in i.value for i in at.info)
    at.button(key="recap_save").click().run()

    assert not at.exception
    message = next(s.value for s in at.success if "Recap saved" in s.value)
    assert f"Recap saved with {drafted + 1} action items" in message
    assert "1 without an owner" in message
    shared = next(c.value for c in at.code if "# 1:1 recap" in c.value)
    assert "Book the training room (unassigned)" in shared


def test_people_named_in_the_notes_can_own_items(demo_data_dir: Path) -> None:
    at = _draft_recap()
    owners = at.session_state["recap"]["owners"]
    assert "Dana" in owners and "Amara Okonkwo" in owners


def test_drafting_leaves_the_meeting_scheduled(demo_data_dir: Path) -> None:
    _draft_recap()
    svc = demo_services()
    with svc.session() as session:
        meeting = session.scalars(
            select(Meeting).where(Meeting.raw_notes.contains("rollout plan to Hana"))
        ).one()
    assert meeting.status.value == "scheduled"


def test_invented_lines_are_listed_and_never_saved(
    demo_data_dir: Path, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.default = Respond.json(
        recap_answer(
            summary="Amara gets a 20% raise.",
            praise=["Best engineer ever, per the CEO"],
            action_items=[ROLLOUT_FROM_THE_MODEL],
        )
    )
    use_fake_llm(demo_data_dir, fake_openai)
    at = _draft_recap()
    page = texts(at)
    assert "Not in your notes" in " ".join(e.label for e in at.expander)
    assert "Amara gets a 20% raise." in page  # shown, flagged
    assert at.text_area(key="recap_summary").value != "Amara gets a 20% raise."

    at.button(key="recap_save").click().run()

    svc = demo_services()
    with svc.session() as session:
        meeting = session.scalars(
            select(Meeting).where(Meeting.raw_notes.contains("rollout plan to Hana"))
        ).one()
        tasks = session.scalars(select(ActionItem.task).where(ActionItem.meeting_id == meeting.id))
        saved = json.dumps(meeting.recap)
        assert "20% raise" not in saved and "CEO" not in saved
        assert list(tasks)


def test_items_the_model_left_out_start_unticked_and_are_saved_only_when_ticked(
    demo_data_dir: Path, fake_openai: FakeOpenAIServer
) -> None:
    """The model kept the rollout plan and left out the offsite booking the built-in engine
    found: that row is still listed and flagged, but unticked, so an unchanged save stores only
    the model's item; ticking it saves it too."""
    fake_openai.default = Respond.json(recap_answer(action_items=[ROLLOUT_FROM_THE_MODEL]))
    use_fake_llm(demo_data_dir, fake_openai)
    at = _draft_recap(NOTES + "- I'll book the offsite venue by Thursday\n")
    table = table_with(at, "From the notes")
    by_task = {row["Task"]: row for row in table.to_dict("records")}
    left_out = [row for row in by_task.values() if "the AI left this out" in row["Check"]]
    assert left_out, "the built-in engine's other item should be listed"
    assert all(row["Keep"] is False for row in left_out)
    assert by_task["Send the rollout plan to Hana"]["Keep"] is True
    assert "starts unticked" in texts(at) or "start unticked" in texts(at)

    at.button(key="recap_save").click().run()
    assert not at.exception
    assert _saved_tasks() == ["Send the rollout plan to Hana"]

    row = list(table["Task"]).index(left_out[0]["Task"])
    ticked = {row: {"Keep": True}}
    at.session_state["recap_items"] = {"edited_rows": ticked, "added_rows": [], "deleted_rows": []}
    at.run()
    at.button(key="recap_save").click().run()
    assert not at.exception
    assert len(_saved_tasks()) == 2


def _saved_tasks() -> list[str]:
    svc = demo_services()
    with svc.session() as session:
        meeting = session.scalars(
            select(Meeting).where(Meeting.raw_notes.contains("rollout plan to Hana"))
        ).one()
        return sorted(
            session.scalars(select(ActionItem.task).where(ActionItem.meeting_id == meeting.id))
        )
