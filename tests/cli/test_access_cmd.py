"""Team mode from the real `coach` command: addresses, sharing, who can sign in, the log, and
`coach ui` refusing what team mode (or local mode) must not start with."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.support.cli import Coach

NOTES = "- Sam shipped the importer\n- Sam to write the runbook by Friday\n"


def _team(coach: Coach) -> None:
    assert coach("init", "--manager", "Dana Reyes", "--email", "Dana@Example.com").code == 0
    added = coach("report", "add", "Sam Lee", "--email", "SAM@example.com", "--role", "Engineer")
    assert added.code == 0, added.err
    assert "Sam Lee signs in as sam@example.com" in added.out
    assert coach("report", "add", "Zoë Ødegaard").code == 0


def test_addresses_are_set_checked_and_unique(coach: Coach) -> None:
    _team(coach)
    zoe = coach("report", "email", "Zoë", "Zoe\u0308@Example.com")
    assert zoe.code == 0 and "signs in as zoë@example.com" in zoe.out
    taken = coach("report", "email", "Zoë", "sam@example.com")
    assert taken.code == 2 and "already the address of another report" in taken.err
    bad = coach("report", "add", "Mary-Kate D'Souza", "--email", "not-an-address")
    assert bad.code == 2 and "is not an e-mail address" in bad.err
    assert "Mary-Kate" not in coach("team", "--json").out  # refused before anything was written
    checked = coach("access", "check", "ZOË@example.com", "--json").json()
    assert checked == {
        "email": "zoë@example.com",
        "roles": ["report"],
        "manager_of": None,
        "report_of": "Dana Reyes",
        "report_name": "Zoë Ødegaard",
    }
    assert coach("access", "check", "dana@example.com", "--json").json()["roles"] == ["manager"]
    nobody = coach("access", "check", "mallory@example.com")
    assert nobody.code == 0 and "nobody here" in nobody.out
    cleared = coach("report", "email", "Zoë", "")
    assert "no sign-in address any more" in cleared.out
    assert coach("access", "check", "zoë@example.com", "--json").json()["roles"] == []


def test_sharing_from_the_command_line_is_logged(coach: Coach, tmp_path: Path) -> None:
    _team(coach)
    nxt = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert coach("meeting", "schedule", "Sam", "--at", f"{nxt} 10:00").code == 0
    early = coach("share", "agenda", "Sam")
    assert early.code == 2 and "Save the agenda before you share it" in early.err
    assert coach("agenda", "Sam", "--save").code == 0
    shared = coach("share", "agenda", "Sam")
    assert shared.code == 0 and "Agenda shared by Dana Reyes" in shared.out

    held = (dt.date.today() - dt.timedelta(days=2)).isoformat()
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    args = ("--file", str(notes), "--date", held, "--report", "Sam Lee")
    assert coach("recap", *args, "--manager", "Dana Reyes", "--save").code == 0
    # `recap --save` leaves the recap unapproved: nothing checked to share yet.
    unreviewed = coach("share", "recap", "Sam", "--date", held)
    assert unreviewed.code == 2 and "saved without review" in unreviewed.err
    assert "on the Recap page" in unreviewed.err
    no_date = coach("share", "recap", "Sam")
    assert no_date.code == 2

    log = coach("access", "log", "--json").json()
    assert [(e["who"], e["action"]) for e in log] == [("Dana Reyes", "agenda_shared")]
    assert "agenda_shared" in coach("access", "log", "--report", "Sam").out


def test_coach_ui_refuses_what_it_must_not_start(coach: Coach, tmp_path: Path) -> None:
    exposed = coach("ui", "--host", "0.0.0.0")
    assert exposed.code == 2 and "Local mode has no sign-in" in exposed.err
    assert coach("ui", "--secrets", str(tmp_path / "s.toml")).code == 2

    local_storage = coach("ui", COACH_MODE="team")
    assert local_storage.code == 1
    assert "Team mode needs shared storage" in local_storage.err
    assert "COACH_DATABASE_URL" in local_storage.err

    trial = {"COACH_MODE": "team", "COACH_TEAM_ALLOW_LOCAL_STORAGE": "true"}
    no_secrets = coach("ui", "--secrets", str(tmp_path / "missing.toml"), **trial)
    assert no_secrets.code == 2 and "No such secrets file" in no_secrets.err
    broken = tmp_path / "secrets.toml"
    broken.write_text('[auth]\nredirect_uri = "https://coach.example.com/login"\n', "utf-8")
    refused = coach("ui", "--secrets", str(broken), **trial)
    assert refused.code == 1
    assert "ending /oauth2callback" in refused.err and "[auth] needs client_id" in refused.err
