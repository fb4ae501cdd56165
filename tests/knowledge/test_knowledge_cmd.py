"""`coach index` and `coach search`, in-process over a real SQLite file and a real index."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from assistant.cli import knowledge_cmd
from assistant.config import get_settings
from assistant.db.repositories import ManagerRepository, Repositories
from assistant.services import Services


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    knowledge_cmd.register(app)
    return app


@pytest.fixture
def team(sqlite_services: Services, monkeypatch: pytest.MonkeyPatch) -> Services:
    """One manager with one report and two meetings' notes; the CLI reads the same settings."""
    settings = sqlite_services.settings
    monkeypatch.setenv("COACH_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("COACH_DATABASE_URL", settings.resolved_database_url)
    monkeypatch.setenv("COACH_MANAGER_NAME", "Robin Hale")
    get_settings.cache_clear()
    with sqlite_services.session() as session:
        manager = ManagerRepository(session).create("Robin Hale")
        repos = Repositories(session, manager.id)
        report = repos.reports.add("Jo Park", role="Engineer")
        for day, notes in [
            (
                dt.datetime(2026, 3, 4, 10, tzinfo=dt.UTC),
                "Jo is worried about the Kestrel launch date.",
            ),
            (dt.datetime(2026, 3, 18, 10, tzinfo=dt.UTC), "Jo wants to mentor the new intern."),
        ]:
            meeting = repos.meetings.schedule(report.id, day)
            repos.meetings.mark_held(repos.meetings.save_raw_notes(meeting.id, notes).id)
    return sqlite_services


def test_index_then_search_notes_as_json(
    app: typer.Typer, team: Services, guidance_dir: Path
) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["index", "--guidance-dir", str(guidance_dir)])
    assert first.exit_code == 0, first.output
    assert "2 added" in first.output
    again = runner.invoke(app, ["index", "--guidance-dir", str(guidance_dir)])
    assert "0 passages embedded" in again.output

    found = runner.invoke(
        app,
        [
            "search",
            "Kestrel launch",
            "--report",
            "Jo",
            "--kind",
            "note",
            "--json",
            "--limit",
            "1",
            "--guidance-dir",
            str(guidance_dir),
        ],
    )
    assert found.exit_code == 0, found.output
    (hit,) = json.loads(found.output)
    assert hit["citation"] == "Jo Park, 1:1 on 2026-03-04"
    assert hit["meeting_id"] is not None


def test_search_prints_citations(app: typer.Typer, team: Services, guidance_dir: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "search",
            "how often should we meet",
            "--kind",
            "guidance",
            "--guidance-dir",
            str(guidance_dir),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "1. [guidance] cadence.md › How often to meet" in result.output


def test_rebuild(app: typer.Typer, team: Services, guidance_dir: Path) -> None:
    result = CliRunner().invoke(app, ["index", "--rebuild", "--guidance-dir", str(guidance_dir)])
    assert result.exit_code == 0, result.output
    assert "Rebuilt the index: 5 added" in result.output
