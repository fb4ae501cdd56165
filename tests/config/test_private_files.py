"""The data folder is private: 0700, and every file the app writes in it 0600 (the database
and its WAL/SHM files, the Chroma index, the keyword index, settings.json)."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import LLMProvider
from assistant.config.files import secure_data_dir
from assistant.config.saved import save_user_settings
from assistant.knowledge.documents import NoteDocument
from assistant.knowledge.index import KnowledgeIndex
from assistant.services import Services
from tests.conftest import make_settings


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """A umask that would leave files world-readable, as on many desktops."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def _modes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): stat.S_IMODE(p.stat().st_mode) for p in root.rglob("*")}


def test_everything_in_the_data_folder_is_private(tmp_path: Path, loose_umask: None) -> None:
    data = tmp_path / "coach-data"
    svc = Services.from_settings(make_settings(data))
    manager = svc.team.create_team("Dana Whitfield", "Jordan Sims")
    report = svc.team.reports(manager.id)[0]
    svc.recap.store_notes(manager.id, report.id, "- Jordan to send the deck", dt.date.today())
    index = KnowledgeIndex.from_settings(svc.settings)
    index.sync_notes(
        manager.id,
        [NoteDocument(manager.id, report.id, 1, dt.date.today(), report.name, "a private note")],
    )
    save_user_settings(data, provider=LLMProvider.NONE, model="", base_url=None, redact=True)

    modes = _modes(data)
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert "coach.db" in modes and "settings.json" in modes
    assert any(name.startswith("chroma/") for name in modes)
    assert any(name.endswith("-wal") for name in modes)  # SQLite's WAL inherits the mode
    loose = {
        name: oct(mode)
        for name, mode in modes.items()
        if mode & 0o077 or ((data / name).is_dir() and mode != 0o700)
    }
    assert loose == {}
    svc.engine.dispose()


def test_files_left_readable_by_an_older_version_are_tightened(tmp_path: Path) -> None:
    data = tmp_path / "old"
    (data / "chroma" / "segment").mkdir(parents=True)
    for name in ("coach.db", "coach.db-wal", "chroma/chroma.sqlite3", "chroma/segment/x.bin"):
        (data / name).write_text("x")
        os.chmod(data / name, 0o644)
    os.chmod(data, 0o755)
    (data / "not-ours.txt").write_text("left alone")
    os.chmod(data / "not-ours.txt", 0o644)

    secure_data_dir(data)

    modes = _modes(data)
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert modes["coach.db"] == modes["coach.db-wal"] == modes["chroma/segment/x.bin"] == 0o600
    assert modes["chroma/segment"] == 0o700
    assert modes["not-ours.txt"] == 0o644
