"""Roles come from the verified address only: a manager, a report, both, or nobody; on SQLite
and PostgreSQL."""

from __future__ import annotations

import pytest

from assistant.access.identity import Identity
from assistant.errors import BadInputError, NotFoundError
from tests.access.conftest import Org


def test_a_manager_gets_their_own_team(org: Org) -> None:
    access = org.signed_in("DANA@example.com")
    assert access.manager is not None and access.manager.manager_id == org.dana
    assert access.report is None
    assert access.roles == ["manager"]


def test_a_report_gets_their_own_seat(org: Org) -> None:
    access = org.signed_in("ZOË.odegaard@example.com")  # stored from the decomposed spelling
    assert access.manager is None
    assert access.report is not None
    assert (access.report.report_id, access.report.manager_id) == (org.zoe, org.dana)
    assert access.report.manager_name == "Dana Reyes"


def test_an_unknown_address_gets_nothing(org: Org) -> None:
    access = org.signed_in("mallory@example.com")
    assert not access.known
    assert access.roles == []
    with pytest.raises(NotFoundError):
        access.as_manager()
    with pytest.raises(NotFoundError):
        access.as_report()


def test_no_address_gets_nothing(org: Org) -> None:
    access = org.svc.access.resolve(Identity(None, "Sam", problem="not verified"))
    assert not access.known


def test_a_manager_who_reports_to_someone_gets_both_seats(org: Org) -> None:
    # Łukasz manages team B and is also a report in Dana's team.
    lukasz_as_report = org.svc.team.add_report(org.dana, "Łukasz Nowak").id
    org.svc.access.set_report_email(org.dana, lukasz_as_report, "lukasz@example.com")
    access = org.signed_in("lukasz@example.com")
    assert access.roles == ["manager", "report"]
    assert access.manager is not None and access.manager.manager_id == org.lukasz
    assert access.report is not None
    assert (access.report.report_id, access.report.manager_id) == (lukasz_as_report, org.dana)


def test_demo_people_and_archived_reports_cannot_sign_in(org: Org) -> None:
    org.svc.team.seed_demo()
    demo = next(m for m in org.svc.managers() if m.is_demo)
    assert demo.email  # the demo manager has an address...
    assert not org.signed_in(demo.email).known  # ...which signs nobody in
    org.svc.team.archive_report(org.dana, org.sam)
    assert not org.signed_in("sam@example.com").known


def test_a_report_address_is_unique_across_the_organisation(org: Org) -> None:
    with pytest.raises(BadInputError, match="already the address of another report") as caught:
        org.svc.access.set_report_email(org.lukasz, org.wang, "SAM@example.com")
    assert "Sam" not in str(caught.value)  # nothing about the other team leaks
    with pytest.raises(BadInputError, match="already the address of manager"):
        org.svc.access.set_manager_email(org.lukasz, "dana@example.com")


def test_a_manager_sets_addresses_only_in_their_team(org: Org) -> None:
    with pytest.raises(NotFoundError):
        org.svc.access.set_report_email(org.lukasz, org.sam, "sam.new@example.com")
    with pytest.raises(NotFoundError):
        org.svc.access.set_report_email(org.lukasz, "Sam Lee", "sam.new@example.com")
    assert org.signed_in("sam@example.com").report is not None


def test_clearing_an_address_stops_the_sign_in(org: Org) -> None:
    org.svc.access.set_report_email(org.dana, "Sam", "")
    assert not org.signed_in("sam@example.com").known
    with pytest.raises(BadInputError, match="is not an e-mail address"):
        org.svc.access.set_report_email(org.dana, "Sam", "sam at example")
