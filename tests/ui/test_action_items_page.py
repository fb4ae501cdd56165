"""Action items page: every open item across the team, filters, closing items in the table."""

from __future__ import annotations

from pathlib import Path

from assistant.db.models import ActionStatus
from tests.ui.conftest import demo_services, run_app, table_with

PAGE = "app_pages/action_items.py"


def _open_items() -> list[tuple[int, str, str]]:
    svc = demo_services()
    with svc.repos(svc.resolve_manager().id) as repos:
        return [(i.id, i.task, i.owner_name) for i in repos.action_items.open_items()]


def test_action_items_table_shows_every_open_item_and_who_owns_it(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    assert not at.exception
    items = _open_items()
    table = table_with(at, "Task")
    assert set(table["Task"]) == {task for _, task, _ in items}
    owners = table_with(at, "Overdue")  # the "who owns what" summary
    assert set(owners["Owner"]) == {owner for _, _, owner in items}
    assert owners["Open"].sum() == len(items)


def test_filters_narrow_the_table(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    owner = _open_items()[0][2]
    at.multiselect(key="items_owner").set_value([owner]).run()
    table = table_with(at, "Task")
    assert set(table["Owner"]) == {owner}
    at.multiselect(key="items_owner").set_value([]).run()
    at.toggle(key="items_overdue").set_value(True).run()
    assert not at.exception
    shown = table_with(at, "Task") if any(f.value is not None for f in at.dataframe) else None
    if shown is not None and "Status" in shown.columns:
        assert shown["Status"].str.startswith("⚠ overdue").all()


def test_marking_items_done_and_dropped_closes_them(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    items = _open_items()
    table = table_with(at, "Task")
    first, second = table["Task"].iloc[0], table["Task"].iloc[1]
    at.session_state["items_editor"] = {
        "edited_rows": {0: {"Done": True}, 1: {"Drop": True}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert at.button(key="items_apply").label == "Apply: 1 done, 1 dropped"
    at.button(key="items_apply").click().run()
    assert not at.exception
    assert any("Closed 2 action items" in s.value for s in at.success)
    assert {first, second}.isdisjoint(set(table_with(at, "Task")["Task"]))
    svc = demo_services()
    ids = {task: item_id for item_id, task, _ in items}
    with svc.repos(svc.resolve_manager().id) as repos:
        assert repos.action_items.get(ids[first]).status is ActionStatus.DONE
        assert repos.action_items.get(ids[second]).status is ActionStatus.DROPPED


def test_no_open_items_explains_where_they_come_from(data_dir: Path) -> None:
    at = run_app()
    at.text_input(key="new_manager_name").input("Robin Real")
    at.text_input(key="first_report_name").input("Kim Yu")
    at.button(key="create_team_submit").click().run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    assert any("No open action items" in i.value for i in at.info)


def test_done_and_all_show_what_coach_actions_lists(demo_data_dir: Path) -> None:
    svc = demo_services()
    manager_id = svc.resolve_manager().id
    at = run_app(PAGE)
    at.button_group(key="items_status").set_value("done").run()
    assert not at.exception
    done = table_with(at, "Closed on")
    assert list(done["Task"]) == [i.task for i in svc.team.action_items(manager_id, status="done")]
    at.button_group(key="items_status").set_value("all").run()
    everything = table_with(at, "Closed on")
    assert set(everything["Status"]) >= {"open", "done"}
    assert len(everything) == len(svc.team.action_items(manager_id, status="all"))
