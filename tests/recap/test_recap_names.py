"""`coach recap` without --save: who the names are (the stable interface outside tools use).

Rule: a --manager the database does not know means "use the names as given"; with a known or
default manager, --report must be in that team (exit 2 otherwise); names never prefix-match."""

from __future__ import annotations

import pytest

from tests.support.cli import Coach

NOTES = "- Jordan to send the deck to Priya by Friday\n- I'll book the venue\n"
DATE = ["--date", "2026-03-04"]


@pytest.fixture
def demo(coach: Coach) -> Coach:
    assert coach("init", "--seed-demo-if-empty").code == 0
    return coach


@pytest.mark.slow
def test_an_unknown_manager_means_names_as_given(demo: Coach) -> None:
    result = demo(
        "recap", "--file", "-", *DATE, "--manager", "Dana Whitfield", "--report", "Jordan Sims",
        "--json", stdin=NOTES,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "Jordan Sims" in {i["owner"] for i in result.json()["action_items"]}


@pytest.mark.slow
def test_no_database_at_all_is_fine_with_names_given(coach: Coach, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = coach(
        "recap", "--file", "-", *DATE, "--manager", "Dana Whitfield", "--report", "Jordan Sims",
        "--json", stdin=NOTES,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert not (tmp_path / "coach.db").exists()  # reading names never creates a database


@pytest.mark.slow
@pytest.mark.parametrize(
    "who",
    [
        ["--manager", "Alex Morgan", "--report", "Jordan Sims"],  # known manager
        ["--report", "Jordan Sims"],  # default manager
        ["--report", "a"],  # a prefix of Amara
    ],
    ids=["known-manager", "default-manager", "prefix"],
)
def test_an_unknown_report_of_a_known_team_exits_2(demo: Coach, who: list[str]) -> None:
    result = demo("recap", "--file", "-", *DATE, *who, "--json", stdin=NOTES)
    assert result.code == 2
    assert "No one called" in result.err and len(result.err.strip().splitlines()) == 1


@pytest.mark.slow
def test_a_known_report_uses_the_team(demo: Coach) -> None:
    result = demo(
        "recap", "--file", "-", *DATE, "--manager", "Alex Morgan", "--report", "Amara Okonkwo",
        "--json", stdin="- Amara to send the rollout plan to Hana by Friday\n",
    )  # fmt: skip
    assert result.code == 0, result.err
    owners = {i["owner"] for i in result.json()["action_items"]}
    assert owners == {"Amara Okonkwo"}
