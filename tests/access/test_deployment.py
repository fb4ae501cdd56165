"""Team mode refuses one machine's storage (unless told to allow it) and a secrets file it
cannot sign anyone in with; local mode stays the default."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.access.deployment import auth_problems, check_secrets_file, check_team_storage
from assistant.config import AppMode, Settings
from assistant.errors import ConfigError
from tests.conftest import make_settings

PG = "postgresql+psycopg://coach:secret@db.internal:5432/coach"
GOOD_AUTH = {
    "redirect_uri": "https://coach.example.com/oauth2callback",
    "cookie_secret": "k" * 40,
    "client_id": "coach",
    "client_secret": "s3cret",
    "server_metadata_url": "https://id.example.com/.well-known/openid-configuration",
}


def test_local_mode_is_the_default(tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    assert settings.mode is AppMode.LOCAL and not settings.team_mode


def test_an_unknown_mode_is_refused_with_the_valid_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_MODE", "teams")
    with pytest.raises(ValueError, match="'local' or 'team'"):
        Settings()


def test_team_mode_refuses_the_sqlite_file_and_embedded_chroma(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, mode="team")
    with pytest.raises(ConfigError) as caught:
        check_team_storage(settings)
    message = str(caught.value)
    assert "COACH_DATABASE_URL" in message and "COACH_CHROMA_HOST" in message
    assert "COACH_TEAM_ALLOW_LOCAL_STORAGE=true" in message


def test_team_mode_on_shared_storage_has_no_warning(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, PG, mode="team", chroma_host="chroma.internal")
    assert check_team_storage(settings) == []


def test_the_override_turns_the_refusal_into_warnings(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, mode="team", team_allow_local_storage=True)
    warnings = check_team_storage(settings)
    assert len(warnings) == 2 and "SQLite" in warnings[0]


def test_a_complete_auth_section_passes() -> None:
    assert auth_problems(GOOD_AUTH) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"client_id": ""}, "[auth] needs client_id"),
        ({"redirect_uri": "https://coach.example.com/callback"}, "ending /oauth2callback"),
        ({"redirect_uri": "/oauth2callback"}, "absolute URL"),
        ({"server_metadata_url": "id.example.com/x"}, "absolute http(s) URL"),
        ({"cookie_secret": "short"}, "at least 32 characters"),
    ],
)
def test_a_broken_auth_section_says_what_to_fix(change: dict[str, str], problem: str) -> None:
    assert any(problem in p for p in auth_problems({**GOOD_AUTH, **change}))


def test_a_secrets_file_without_auth_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "secrets.toml"
    path.write_text('[other]\nkey = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="no \\[auth\\] section"):
        check_secrets_file(path)
    path.write_text("[auth\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        check_secrets_file(path)
    with pytest.raises(ConfigError, match="Cannot read"):
        check_secrets_file(tmp_path / "missing.toml")
