"""`coach init`, `demo`, `team`: what a user sees, and exit code 2 with one line on bad input."""

from __future__ import annotations

from assistant.demo.loader import load_demo_team
from tests.support.cli import Coach


def test_init_seeds_the_demo_team_only_on_an_empty_database(coach: Coach) -> None:
    first = coach("init", "--seed-demo-if-empty")
    assert first.code == 0, first.err
    assert "Seeded the demo team" in first.out
    again = coach("init", "--seed-demo-if-empty")
    assert again.code == 0 and "Seeded" not in again.out


def test_team_json_lists_cadence_health_for_every_demo_report(coach: Coach) -> None:
    assert coach("demo").code == 0
    result = coach("team", "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["demo"] is True
    names = {r["name"] for r in data["reports"]}
    assert names == {r.name for r in load_demo_team().reports}
    row = data["reports"][0]
    for field in (
        "last_held",
        "next_scheduled",
        "overdue_days",
        "canceled_without_reschedule",
        "open_action_items",
        "overdue_action_items",
        "alerts",
    ):
        assert field in row


def test_team_table_is_readable(coach: Coach) -> None:
    coach("demo")
    result = coach("team")
    assert result.code == 0
    assert "(demo data)" in result.out and "Last 1:1" in result.out


def test_demo_remove_leaves_no_team(coach: Coach) -> None:
    coach("demo")
    assert "removed" in coach("demo", "--remove").out
    result = coach("team")
    assert result.code == 2
    assert result.err.strip().startswith("Error: No team yet")
    assert len(result.err.strip().splitlines()) == 1


def test_bad_input_exits_2_with_one_clear_line(coach: Coach) -> None:
    coach("demo")
    unknown = coach("team", "--manager", "Nobody Here")
    assert unknown.code == 2
    assert unknown.err.strip().splitlines() == [
        "Error: No manager called 'Nobody Here'. Create it: coach init --manager NAME"
    ]
    bad_date = coach("team", "--today", "31/02/2026")
    assert bad_date.code == 2
    assert "--today must be a date like 2026-03-04" in bad_date.err
    unknown_option = coach("team", "--nope")
    assert unknown_option.code == 2
