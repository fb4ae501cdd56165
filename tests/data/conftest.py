"""Fixtures for the data-ownership tests: a team with notes in any script, and a search index
folder whose guidance is embedded once per session and copied for each test."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.services import Services
from tests.conftest import make_settings

UNIQUE = "zephyrquartz"  # a word no guidance or demo note contains
TEAM = ["Zoë Ødegaard", "Mary-Kate D'Souza", "王伟", "Jordan Sims"]


@pytest.fixture(scope="session")
def guidance_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from assistant.knowledge.index import KnowledgeIndex

    folder = tmp_path_factory.mktemp("index-template")
    settings: Settings = make_settings(folder)
    index = KnowledgeIndex.from_settings(settings)
    index.sync_guidance()
    index.close()
    return folder


def services_with_index(data_dir: Path, db_url: str | None, template: Path) -> Services:
    """Services over `db_url` whose data folder starts with the embedded guidance."""
    data_dir.mkdir(parents=True, exist_ok=True)
    for name in ("chroma", "chroma-keyword.sqlite3"):
        source = template / name
        if source.is_dir():
            shutil.copytree(source, data_dir / name)
        elif source.exists():
            shutil.copy2(source, data_dir / name)
    return Services.from_settings(make_settings(data_dir, db_url))


def add_team_with_notes(svc: Services) -> int:
    """A manager, four reports, two 1:1s each with notes (the unique word in Jordan's)."""
    manager = svc.team.create_team("Dana Whitfield")
    for offset, name in enumerate(TEAM):
        report = svc.team.add_report(manager.id, name, role="Engineer")
        for week in (1, 2):
            day = dt.date(2026, 3, 2) + dt.timedelta(days=7 * week + offset)
            secret = f" ({UNIQUE} migration, ask {name})" if name == "Jordan Sims" else ""
            notes = f"- {name} to ship the import fix by Friday{secret}\n- I'll book the room\n"
            stored = svc.recap.store_notes(manager.id, report.id, notes, day)
            draft = svc.recap.draft(
                manager.id, report.id, stored.text, day, meeting_id=stored.meeting_id
            )
            svc.recap.save(manager.id, stored.meeting_id, draft)
        with svc.repos(manager.id) as repos:
            repos.goals.add(report_id=report.id, title=f"Grow {name}")
            from assistant.db.models import FeedbackKind

            repos.feedback.add(
                report_id=report.id, kind=FeedbackKind.PRAISE, given_on=dt.date(2026, 3, 4),
                wording=f"Thank you {name}{' ' + UNIQUE if name == 'Jordan Sims' else ''}",
            )  # fmt: skip
    return manager.id


@pytest.fixture
def team_services(db_url: str, tmp_path: Path, guidance_index: Path) -> Iterator[Services]:
    svc = services_with_index(tmp_path / "data", db_url, guidance_index)
    yield svc
    svc.engine.dispose()
