"""The manager owns the data: export -> import -> export gives the same content, on SQLite and
PostgreSQL and across them; import only into an empty data folder; bad files say so."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from assistant.errors import BadInputError
from assistant.services import Services
from tests.conftest import make_settings
from tests.data.conftest import TEAM, add_team_with_notes
from tests.support.cli import Coach
from tests.support.net import closed_port


def _no_index(data_dir: Path, db_url: str | None) -> Services:
    return Services.from_settings(
        make_settings(data_dir, db_url, chroma_host="127.0.0.1", chroma_port=closed_port())
    )


def _entries(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        return {name: z.read(name) for name in z.namelist()}


def assert_same_content(first: bytes, second: bytes) -> None:
    """Every entry byte-identical, except the manifest's exported_at."""
    a, b = _entries(first), _entries(second)
    assert sorted(a) == sorted(b)
    for name in a:
        if name.endswith("manifest.json"):
            left, right = json.loads(a[name]), json.loads(b[name])
            left.pop("exported_at"), right.pop("exported_at")
            assert left == right
        else:
            assert a[name] == b[name], name


@pytest.fixture
def exported(db_url: str, tmp_path: Path) -> bytes:
    svc = _no_index(tmp_path / "source", db_url)
    from assistant.demo.seed import seed_demo

    with svc.session() as session:
        seed_demo(session)
    add_team_with_notes(svc)
    data = svc.data.export_archive()
    svc.engine.dispose()
    return data


@pytest.mark.parametrize("target", ["sqlite", "postgres"])
def test_export_import_export_gives_the_same_content(
    exported: bytes, target: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = None
    if target == "postgres":
        url = request.getfixturevalue("fresh_postgres_url")
    svc = _no_index(tmp_path / "target", url)

    result = svc.data.import_archive(exported)
    again = svc.data.export_archive()

    assert "Dana Whitfield" in result.managers and result.counts["meetings"] > 100
    assert_same_content(exported, again)
    entries = _entries(again)
    notes = [n for n in entries if "/notes/" in n]
    assert any("Zoë-Ødegaard" in n for n in notes) and any("王伟" in n for n in notes)
    assert all(n.startswith("coach-export/") for n in entries)
    svc.engine.dispose()


def test_the_app_keeps_working_after_an_import(exported: bytes, tmp_path: Path) -> None:
    svc = _no_index(tmp_path / "target", None)
    svc.data.import_archive(exported)
    manager = svc.find_manager("Dana Whitfield")
    assert manager is not None
    jordan = svc.team.report(manager.id, "Jordan Sims")

    new = svc.team.add_report(manager.id, "Noor Haddad")  # ids continue after the imported ones
    stored = svc.recap.store_notes(manager.id, jordan.id, "- Jordan to call Lee", svc_today())

    assert new.id > max(r.id for r in svc.team.reports(manager.id) if r.id != new.id)
    assert stored.meeting_id


def svc_today():  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.date(2026, 6, 1)


def test_import_refuses_a_folder_with_data(exported: bytes, tmp_path: Path) -> None:
    svc = _no_index(tmp_path / "busy", None)
    svc.team.create_team("Someone Else")
    with pytest.raises(BadInputError, match="empty data folder"):
        svc.data.import_archive(exported)


def test_import_replaces_a_demo_team_alone(exported: bytes, tmp_path: Path) -> None:
    svc = _no_index(tmp_path / "demo", None)
    svc.team.seed_demo()
    result = svc.data.import_archive(exported)
    assert result.replaced_demo


@pytest.mark.parametrize(("data", "message"), [(b"not a zip", "not a zip"), (b"", "not a zip")])
def test_a_file_that_is_not_an_export_is_refused(data: bytes, message: str, tmp_path: Path) -> None:
    svc = _no_index(tmp_path / "x", None)
    with pytest.raises(BadInputError, match=message):
        svc.data.import_archive(data)


def test_a_zip_that_is_not_ours_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("hello.txt", "hi")
    svc = _no_index(tmp_path / "x", None)
    with pytest.raises(BadInputError, match="not a 1:1 Coach export"):
        svc.data.import_archive(buffer.getvalue())


def test_one_managers_export_holds_only_their_data(tmp_path: Path) -> None:
    svc = _no_index(tmp_path / "two", None)
    svc.team.seed_demo()
    add_team_with_notes(svc)

    data = svc.data.export_archive("Dana Whitfield")

    tables = {n: json.loads(b) for n, b in _entries(data).items() if "/data/" in n}
    assert [m["name"] for m in tables["coach-export/data/managers.json"]] == ["Dana Whitfield"]
    reports = {r["name"] for r in tables["coach-export/data/reports.json"]}
    assert reports == set(TEAM)
    manager_id = tables["coach-export/data/managers.json"][0]["id"]
    for name, rows in tables.items():
        assert all(r.get("manager_id", manager_id) == manager_id for r in rows), name


@pytest.mark.slow
def test_the_cli_round_trip_and_file_permissions(coach: Coach, tmp_path: Path) -> None:
    assert coach("init", "--seed-demo-if-empty").code == 0
    first, second = tmp_path / "first.zip", tmp_path / "second.zip"
    assert coach("export", str(first)).code == 0
    assert os.stat(first).st_mode & 0o077 == 0  # private notes: readable by the owner only
    assert coach("export", str(first)).code == 2  # no silent overwrite
    other = Coach(tmp_path / "other")
    other.env["COACH_CHROMA_HOST"], other.env["COACH_CHROMA_PORT"] = "127.0.0.1", "9"
    imported = other("import", str(first))
    assert imported.code == 0, imported.err
    assert "Imported the data of Alex Morgan" in imported.out
    assert other("export", str(second)).code == 0
    assert_same_content(first.read_bytes(), second.read_bytes())
    busy = Coach(tmp_path / "busy")
    assert busy("init", "--manager", "Someone Else").code == 0
    refused = busy("import", str(first))
    assert refused.code == 2 and "empty data folder" in refused.err
