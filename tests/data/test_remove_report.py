"""Removing a report deletes everything about them and leaves no trace of their notes anywhere
in the data folder: every file (database, WAL, Chroma, keyword index) is searched for a word
that only their notes held."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from assistant.services import Services
from tests.data.conftest import UNIQUE, add_team_with_notes
from tests.support.cli import Coach


def files_containing(folder: Path, needle: str) -> list[str]:
    """Every file under `folder` whose bytes hold `needle` (UTF-8 or UTF-16)."""
    forms = [needle.encode(), needle.encode("utf-16-le")]
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and any(f in p.read_bytes() for f in forms)
    )


def _database_mentions(svc: Services, needle: str) -> int:
    """Rows of any text column that mention `needle` (PostgreSQL: not in the data folder)."""
    found = 0
    with svc.session() as session:
        for table, column in [
            ("meetings", "raw_notes"),
            ("action_items", "task"),
            ("action_items", "evidence"),
            ("feedback_entries", "wording"),
            ("goals", "title"),
            ("reports", "name"),
        ]:
            found += session.execute(
                text(f"SELECT count(*) FROM {table} WHERE {column} LIKE :n"), {"n": f"%{needle}%"}
            ).scalar_one()
    return found


def test_removing_a_report_leaves_no_trace_of_their_notes(team_services: Services) -> None:
    svc = team_services
    manager_id = add_team_with_notes(svc)
    assert svc.purge_notes(manager_id)  # index everything, so the word is in the index too
    data = svc.settings.data_dir
    before = files_containing(data, UNIQUE)
    assert any(p.startswith("chroma") for p in before)  # the search proves it can find it
    assert _database_mentions(svc, UNIQUE) > 0

    result = svc.data.remove_report(manager_id, "Jordan Sims")

    assert result.index_cleaned and result.meetings == 2
    assert files_containing(data, UNIQUE) == []
    assert files_containing(data, "Jordan Sims") == []
    assert _database_mentions(svc, UNIQUE) == 0
    names = [r.name for r in svc.team.reports(manager_id)]
    assert "Jordan Sims" not in names and len(names) == 3
    with svc.session() as session:
        for table in ("meetings", "action_items", "feedback_entries", "goals", "topic_mentions"):
            orphans = session.execute(
                text(
                    f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                    "(SELECT 1 FROM reports r WHERE r.id = t.report_id)"
                )
            ).scalar_one()
            assert orphans == 0, table
    retriever = svc.retriever(manager_id)
    assert retriever is not None
    hits = retriever.search("import fix", kind="note")
    assert hits and all("Jordan" not in (h.report_name or "") for h in hits)


def test_removing_the_demo_team_leaves_no_trace_of_its_notes(team_services: Services) -> None:
    svc = team_services
    svc.team.seed_demo()
    demo = svc.resolve_manager()
    svc.purge_notes(demo.id)
    phrase = "Tallgrass Vet Partners"  # a fictional customer only the demo notes mention
    assert files_containing(svc.settings.data_dir, phrase)

    assert svc.remove_demo_team()

    assert files_containing(svc.settings.data_dir, phrase) == []


@pytest.mark.slow
def test_coach_report_remove_asks_for_yes(coach: Coach, tmp_path: Path) -> None:
    coach.env["COACH_CHROMA_HOST"], coach.env["COACH_CHROMA_PORT"] = "127.0.0.1", "9"
    assert coach("init", "--seed-demo-if-empty").code == 0
    unconfirmed = coach("report", "remove", "Amara Okonkwo")
    assert unconfirmed.code == 2 and "--yes" in unconfirmed.err
    assert files_containing(tmp_path, "typo fix in the reminders email")  # before: there
    prefix = coach("report", "remove", "a", "--yes")
    assert prefix.code == 2 and "No one called 'a'" in prefix.err  # never a prefix match
    done = coach("report", "remove", "Amara Okonkwo", "--yes")
    assert done.code == 0 and "Removed Amara Okonkwo" in done.out
    team = coach("team", "--json").json()
    assert "Amara Okonkwo" not in {r["name"] for r in team["reports"]}
    # Her notes are gone from every file; other people's notes may still name her.
    assert files_containing(tmp_path, "typo fix in the reminders email") == []
