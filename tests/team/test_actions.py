"""`svc.team.action_items` on SQLite and PostgreSQL: by status and report, names in any
script, scoped to the manager, and a clear message for a bad status."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.db.models import ActionStatus, OwnerRole
from assistant.db.repositories import ManagerRepository, Repositories
from assistant.errors import BadInputError, NotFoundError
from assistant.services import Services

TODAY = dt.date(2026, 11, 23)


def _team(svc: Services) -> tuple[int, dict[str, int]]:
    with svc.session() as session:
        mid = ManagerRepository(session).create("Avery Stone").id
        repos = Repositories(session, mid)
        wei = repos.reports.add("王伟")
        zoe = repos.reports.add("Zoë Mary-Kate D'Souza")
        meeting = repos.meetings.schedule(wei.id, dt.datetime(2026, 11, 2, 10, tzinfo=dt.UTC))
        add = repos.action_items.add
        ids = {
            "late": add(
                report_id=wei.id,
                task="Send the Łódź rollout plan",
                owner_role=OwnerRole.REPORT,
                owner_name="王伟",
                meeting_id=meeting.id,
                due_date=TODAY - dt.timedelta(days=4),
            ).id,
            "mine": add(
                report_id=zoe.id,
                task="Book Søren for the design review",
                owner_role=OwnerRole.MANAGER,
                owner_name="Avery Stone",
            ).id,
            "done": add(
                report_id=zoe.id,
                task="Write the runbook",
                owner_role=OwnerRole.REPORT,
                owner_name="Zoë Mary-Kate D'Souza",
            ).id,
            "dropped": add(
                report_id=wei.id,
                task="Migrate the wiki",
                owner_role=OwnerRole.OTHER,
                owner_name="Dana",
            ).id,
        }
        repos.action_items.close(ids["done"], ActionStatus.DONE)
        repos.action_items.close(ids["dropped"], ActionStatus.DROPPED)
        return mid, ids


def test_action_items_by_status(services: Services) -> None:
    mid, ids = _team(services)
    open_items = services.team.action_items(mid)
    assert [i.id for i in open_items] == [ids["late"], ids["mine"]]
    late = open_items[0]
    assert (late.report_name, late.owner_name, late.meeting_date) == (
        "王伟",
        "王伟",
        dt.date(2026, 11, 2),
    )
    assert late.overdue_days(TODAY) == 4 and open_items[1].overdue_days(TODAY) == 0
    done = services.team.action_items(mid, status="done")
    assert [(i.id, i.status) for i in done] == [(ids["done"], "done")]
    assert done[0].closed_on is not None
    everything = services.team.action_items(mid, status="all")
    assert {i.status for i in everything} == {"open", "done", "dropped"}
    assert len(everything) == 4


def test_action_items_of_one_report_by_first_name(services: Services) -> None:
    mid, ids = _team(services)
    zoes = services.team.action_items(mid, report="Zoë", status="all")
    assert {i.id for i in zoes} == {ids["mine"], ids["done"]}
    assert services.team.action_items(mid, report="王伟") == [
        i for i in services.team.action_items(mid) if i.report_name == "王伟"
    ]
    json_row = zoes[0].as_json(TODAY)
    assert json_row["report"] == "Zoë Mary-Kate D'Souza" and json_row["due"] is None


def test_bad_status_or_report_is_a_clear_error_and_other_managers_see_nothing(
    services: Services,
) -> None:
    mid, _ = _team(services)
    with pytest.raises(BadInputError, match="open, done, all"):
        services.team.action_items(mid, status="closed")
    with pytest.raises(NotFoundError):
        services.team.action_items(mid, report="Nobody")
    with services.session() as session:
        other = ManagerRepository(session).create("Blake Other").id
    assert services.team.action_items(other, status="all") == []
