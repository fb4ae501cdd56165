"""`coach agenda` end to end, in a subprocess (root `coach` fixture), on the demo team."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support.cli import Coach

TODAY = dt.date.today().isoformat()


@pytest.fixture
def demo(coach: Coach) -> Coach:
    result = coach("demo")
    assert result.code == 0, result.err
    return coach


def test_agenda_json_has_items_with_reasons_sources_and_exact_minutes(demo: Coach) -> None:
    result = demo("agenda", "Tomás", "--json", "--today", TODAY)
    assert result.code == 0, result.err
    data = result.json()
    assert data["report_name"] == "Tomás Ferreira" and data["engine"] == "built-in"
    items = data["items"]
    assert sum(i["minutes"] for i in items) == data["minutes_total"] == 45
    assert all(i["reason"] and i["source_ref"] for i in items)
    assert items[0]["section"] == "connection"
    assert any(i["source"] == "report" for i in items)
    assert len(items) <= 10  # a focused 45-minute agenda
    review = [i for i in items if i["source"] == "carried_over"]
    assert len(review) == 1 and review[0]["action_item_ids"]  # one review, every id kept
    assert review[0]["detail"].count("\n- ") == len(review[0]["action_item_ids"]) - 1


def test_agenda_text_minutes_and_date_options(demo: Coach) -> None:
    day = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    result = demo("agenda", "Marisol", "--minutes", "25", "--date", day, "--today", TODAY)
    assert result.code == 0, result.err
    assert f"Agenda for Marisol Vega, {day} (25 min, engine: built-in)" in result.out
    assert "why:" in result.out and "source:" in result.out


def test_agenda_markdown_is_shareable(demo: Coach) -> None:
    result = demo("agenda", "Hana", "--markdown", "--today", TODAY)
    assert result.code == 0, result.err
    assert result.out.startswith("# 1:1 agenda: Hana Kobayashi")
    assert "_Why:" not in result.out


def test_agenda_save_stores_it_on_the_meeting(demo: Coach) -> None:
    result = demo("agenda", "Amara", "--save", "--today", TODAY)
    assert result.code == 0, result.err
    assert "Saved as the agenda of meeting" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("agenda", "Nobody"), "No one called 'Nobody'"),
        (("agenda", "Tomás", "--date", "next tuesday"), "--date must be a date"),
        (("agenda", "Tomás", "--minutes", "2"), "between 5 and 240"),
    ],
)
def test_agenda_bad_input_is_one_line_and_exit_2(
    demo: Coach, args: tuple[str, ...], message: str
) -> None:
    result = demo(*args)
    assert result.code == 2
    assert message in result.err and len(result.err.strip().splitlines()) == 1
