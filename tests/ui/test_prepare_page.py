"""Prepare page: a focused agenda as a checklist (reasons one click away), edits that stick
(move, remove, retime, add, their topics), a running total above the list, saving that keeps
the meeting's length unless asked, and reopening the saved agenda."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from assistant.db.models import AgendaItem, Meeting
from tests.ui.conftest import demo_services, run_app, texts

PAGE = "app_pages/prepare.py"
ROW = re.compile(r"^\*\*(\d+)\. (.+?)\*\* ")


def _report_with_open_items() -> tuple[int, str, set[str]]:
    """A demo report with a 30-minute 1:1 scheduled and open action items."""
    svc = demo_services()
    with svc.repos(svc.resolve_manager().id) as repos:
        for report in repos.reports.all():
            items = repos.action_items.open_items(report_id=report.id)
            if items and report.meeting_minutes == 30:
                return report.id, report.name, {i.task for i in items}
    raise AssertionError("the demo team has no 30-minute report with open action items")


def _drafted(report_id: int) -> AppTest:
    at = run_app(PAGE)
    at.selectbox(key="prepare_report").set_value(report_id).run()
    at.button(key="prepare_draft").click().run()
    assert not at.exception
    return at


def _walk(node: Any) -> Iterator[Any]:
    children = getattr(node, "children", None)
    if children is None:
        yield node
        return
    for key in sorted(children):
        yield from _walk(children[key])


def _rows(at: AppTest) -> list[str]:
    """The agenda's item titles as numbered on the page, in page order."""
    found = [ROW.match(m.value) for m in at.markdown]
    rows = [(int(m.group(1)), m.group(2)) for m in found if m]
    assert [n for n, _ in rows] == list(range(1, len(rows) + 1))  # numbering stays 1..n
    return [title.replace("\\", "") for _, title in rows]


def _labels(at: AppTest) -> list[str]:
    """Each row's source label ("their topic", "open action item", ...), in page order."""
    return [m.value.rsplit("_", 2)[-2] for m in at.markdown if ROW.match(m.value)]


def _uids(at: AppTest) -> list[str]:
    return [b.key.removeprefix("agenda_up_") for b in at.button if b.key.startswith("agenda_up_")]


def _saved_titles(report_id: int) -> tuple[list[str], int]:
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
        return [i.title for i in saved], meeting.duration_minutes


def test_prepare_without_a_draft_says_what_to_do(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    assert not at.exception
    assert at.title[0].value == "Prepare"
    assert any("Draft agenda" in i.value for i in at.info)


def test_agenda_is_a_focused_checklist_with_reasons_one_click_away(demo_data_dir: Path) -> None:
    report_id, _, tasks = _report_with_open_items()
    at = _drafted(report_id)
    rows = _rows(at)
    assert 3 <= len(rows) <= 8  # a 30-minute 1:1
    assert not at.dataframe  # no spreadsheet, so no empty "None" cells
    # One review item, with each open action item as a sub-point.
    review = [r for r in rows if r.lower().startswith(("action review", "review the open"))]
    assert len(review) == 1
    points = "\n".join(m.value for m in at.markdown if m.value.startswith("- "))
    assert all(task.split(" (")[0][:25] in points.replace("\\", "") for task in tasks)
    # Why each item is there, its source and questions: in a popover per item, not columns.
    assert len(at.get("popover")) == len(rows)
    assert sum(m.value.startswith("**Why:**") for m in at.markdown) == len(rows)
    assert sum(c.value.startswith("Source: ") for c in at.caption) == len(rows)
    assert any(m.value == "**Questions to ask**" for m in at.markdown)
    page = texts(at)
    assert "Drafted by: **built-in engine**" in page
    # The running total comes before the list.
    order = [getattr(e, "value", "") for e in _walk(at.main)]
    total = next(n for n, v in enumerate(order) if isinstance(v, str) and "of 30 minutes" in v)
    first = next(n for n, v in enumerate(order) if isinstance(v, str) and v.startswith("**1. "))
    assert total < first


def test_their_topics_go_right_after_the_check_in_and_their_other_topics(
    demo_data_dir: Path,
) -> None:
    report_id, _, _ = _report_with_open_items()
    at = _drafted(report_id)
    before = _rows(at)
    at.text_area(key="agenda_their_topics").input("Conference budget\nOn-call rotation")
    at.button(key="agenda_add_topics").click().run()
    assert not at.exception
    rows = _rows(at)
    assert len(rows) == len(before) + 2
    added = rows.index("Conference budget")
    assert rows[added + 1] == "On-call rotation"
    labels = _labels(at)
    # After the check-in and the topics they had already added; before everything else.
    assert labels[0] == "suggested" and set(labels[1 : added + 2]) == {"their topic"}
    assert labels[added + 2] == "open action item"
    assert rows[-1] == before[-1]  # the wrap-up stays last
    # Now over time: the warning and a one-click fix are above the list.
    assert any("over" in w.value for w in at.warning)
    at.button(key="agenda_fit").click().run()
    assert not at.exception
    assert not at.warning and "**30 of 30 minutes**" in texts(at)


def test_edit_save_and_reopen_keeps_the_order_and_the_meeting_length(
    demo_data_dir: Path,
) -> None:
    report_id, _, _ = _report_with_open_items()
    at = _drafted(report_id)
    rows = _rows(at)
    uids = _uids(at)
    at.button(key=f"agenda_down_{uids[0]}").click().run()  # the check-in one place down
    at.button(key=f"agenda_remove_{uids[-2]}").click().run()  # drop the last suggestion
    at.number_input(key=f"agenda_min_{uids[1]}").set_value(9).run()
    at.text_input(key="agenda_new_title").input("Team offsite dates")
    at.number_input(key="agenda_new_minutes").set_value(4)
    at.button(key="agenda_add_item").click().run()
    at.text_input(key=f"agenda_title_{uids[-1]}").input("Wrap up: Zoë’s recap")
    at.button(key=f"agenda_rename_{uids[-1]}").click().run()
    assert not at.exception
    edited = _rows(at)
    assert edited[:2] == [rows[1], rows[0]]
    assert rows[-2] not in edited
    assert edited[-2:] == ["Team offsite dates", "Wrap up: Zoë’s recap"]
    assert at.number_input(key=f"agenda_min_{uids[1]}").value == 9  # minutes moved with it

    at.button(key="agenda_save").click().run()
    assert not at.exception
    saved_message = " ".join(s.value for s in at.success)
    assert f"Saved {len(edited)} items" in saved_message and "stays 30 minutes" in saved_message
    titles, length = _saved_titles(report_id)
    assert titles == edited
    assert length == 30  # saving did not change the meeting's length

    # Reopen in a new session: the saved agenda comes back as it was.
    again = run_app(PAGE)
    again.selectbox(key="prepare_report").set_value(report_id).run()
    again.button(key="prepare_open_saved").click().run()
    assert not again.exception
    assert _rows(again) == edited
    assert "Loaded from your saved version" in texts(again)
    assert any("# 1:1 agenda" in c.value for c in again.code)
    assert again.get("download_button")


def test_the_meeting_length_changes_only_when_asked(demo_data_dir: Path) -> None:
    report_id, _, _ = _report_with_open_items()
    at = _drafted(report_id)
    uid = _uids(at)[0]
    planned = 30 - int(at.number_input(key=f"agenda_min_{uid}").value) + 15
    at.number_input(key=f"agenda_min_{uid}").set_value(15).run()
    assert any(f"{planned} of 30 minutes planned" in w.value for w in at.warning)
    box = at.checkbox(key="agenda_set_length")
    assert box.label == f"Also make this 1:1 {planned} minutes long (it is 30)"
    box.check().run()
    at.button(key="agenda_save").click().run()
    assert not at.exception
    _, length = _saved_titles(report_id)
    assert length == planned
    assert any(f"now {planned} minutes long" in s.value for s in at.success)
    assert not at.warning  # the plan now fits the (longer) meeting


def test_a_left_out_suggestion_can_be_added_back(demo_data_dir: Path) -> None:
    report_id, _, _ = _report_with_open_items()
    at = _drafted(report_id)
    before = _rows(at)
    spare = [b for b in at.button if b.key.startswith("agenda_readd_")]
    assert spare  # a 30-minute agenda leaves suggestions out, and says which
    title = spare[0].label.rsplit(" (", 1)[0]
    spare[0].click().run()
    assert not at.exception
    rows = _rows(at)
    assert title in rows and len(rows) == len(before) + 1
    assert rows[-1] == before[-1]
