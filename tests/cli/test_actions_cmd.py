"""`coach actions`: the Action items page's data on the command line (text and JSON)."""

from __future__ import annotations

import pytest

from tests.support.cli import Coach


@pytest.fixture
def demo(coach: Coach) -> Coach:
    assert coach("demo").code == 0
    return coach


def test_actions_json_lists_open_items_with_owner_report_and_due(demo: Coach) -> None:
    result = demo("actions", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["status"] == "open" and data["action_items"]
    row = data["action_items"][0]
    assert set(row) >= {"task", "owner", "report", "due", "status", "overdue_days"}
    assert {r["status"] for r in data["action_items"]} == {"open"}
    everything = demo("actions", "--status", "all", "--json").json()["action_items"]
    assert len(everything) > len(data["action_items"])
    assert {r["status"] for r in everything} >= {"open", "done"}


def test_actions_for_one_report_as_text(demo: Coach) -> None:
    result = demo("actions", "--report", "Tomás")
    assert result.code == 0, result.err
    assert result.out.startswith("Open action items: ")
    assert "(Tomás Ferreira)" in result.out.splitlines()[0]
    assert "owner " in result.out and "1:1s with" not in result.out
    tasks = [line for line in result.out.splitlines() if line.startswith("- ")]
    data = demo("actions", "--report", "Tomás", "--json").json()["action_items"]
    assert len(tasks) == len(data) and {r["report"] for r in data} == {"Tomás Ferreira"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("actions", "--status", "closed"), "--status must be one of open, done, all"),
        (("actions", "--report", "Nobody"), "No one called 'Nobody'"),
    ],
)
def test_actions_bad_input_is_one_line_and_exit_2(
    demo: Coach, args: tuple[str, ...], message: str
) -> None:
    result = demo(*args)
    assert result.code == 2
    assert message in result.err and len(result.err.strip().splitlines()) == 1
