"""Services whose manager lives in Paris (daylight saving, not UTC), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.db.repositories import ManagerRepository, Repositories
from assistant.services import Services
from tests.conftest import make_settings

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def paris(db_url: str, tmp_path: Path) -> Iterator[Services]:
    svc = Services.from_settings(make_settings(tmp_path, db_url, time_zone="Europe/Paris"))
    yield svc
    svc.engine.dispose()


def add_team(svc: Services, *reports: str, cadence_days: int = 7) -> tuple[int, list[int]]:
    """A manager 'Avery Stone' with these reports; returns (manager id, report ids)."""
    with svc.session() as session:
        mid = ManagerRepository(session).create("Avery Stone").id
        repos = Repositories(session, mid)
        ids = [repos.reports.add(name, cadence_days=cadence_days).id for name in reports]
    return mid, ids
