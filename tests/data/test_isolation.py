"""Manager isolation holds for the trust features: one manager cannot remove, recap or save
for another manager's report, and an export of one manager carries nobody else."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.errors import NotFoundError
from assistant.services import Services
from tests.conftest import make_settings
from tests.support.net import closed_port


@pytest.fixture
def two_teams(db_url: str, tmp_path: Path) -> tuple[Services, int, int, int]:
    svc = Services.from_settings(
        make_settings(tmp_path, db_url, chroma_host="127.0.0.1", chroma_port=closed_port())
    )
    a = svc.team.create_team("Ana Alves", "Zoë Ødegaard")
    b = svc.team.create_team("Bo Berg", "Lee Park")
    zoe = svc.team.reports(a.id)[0].id
    return svc, a.id, b.id, zoe


def test_another_manager_cannot_remove_or_recap_my_report(
    two_teams: tuple[Services, int, int, int],
) -> None:
    svc, a, b, zoe = two_teams
    with pytest.raises(NotFoundError):
        svc.data.remove_report(b, zoe)
    with pytest.raises(NotFoundError):
        svc.data.remove_report(b, "Zoë Ødegaard")
    with pytest.raises(NotFoundError):
        svc.recap.store_notes(b, zoe, "- Zoë to send the deck", dt.date(2026, 3, 4))
    stored = svc.recap.store_notes(a, zoe, "- Zoë to send the deck", dt.date(2026, 3, 4))
    draft = svc.recap.draft(a, zoe, stored.text, dt.date(2026, 3, 4))
    with pytest.raises(NotFoundError):
        svc.recap.save(b, stored.meeting_id, draft)
    assert [r.name for r in svc.team.reports(a)] == ["Zoë Ødegaard"]
    svc.engine.dispose()
