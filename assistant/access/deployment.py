"""What team mode needs before it serves anyone: a shared database and search server (not the
files of one machine), and an `[auth]` section as Streamlit documents it.

`coach ui` checks both before it starts the server; the app checks the storage again at start
(the environment may differ) and shows the problem instead of any page.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.engine import make_url

from assistant.config import Settings
from assistant.errors import ConfigError

AUTH_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")
MIN_COOKIE_SECRET = 32


def storage_problems(settings: Settings) -> list[str]:
    """Why this storage is one machine's, not a team server's (empty when it is fine)."""
    problems = []
    if make_url(settings.resolved_database_url).get_backend_name() != "postgresql":
        problems.append(
            "the database is the SQLite file of this machine; set COACH_DATABASE_URL to a "
            "PostgreSQL server (postgresql+psycopg://user:password@host:5432/coach)"
        )
    if not settings.chroma_host:
        problems.append(
            "the search index is the embedded Chroma folder of this machine; run a Chroma "
            "server and set COACH_CHROMA_HOST and COACH_CHROMA_PORT"
        )
    return problems


def check_team_storage(settings: Settings) -> list[str]:
    """Refuse (ConfigError) team mode on one machine's storage, unless the override
    COACH_TEAM_ALLOW_LOCAL_STORAGE=true is set: then the problems come back as warnings."""
    problems = storage_problems(settings)
    if problems and not settings.team_allow_local_storage:
        raise ConfigError(
            "Team mode needs shared storage: "
            + "; ".join(problems)
            + ". For a trial on one machine, set COACH_TEAM_ALLOW_LOCAL_STORAGE=true."
        )
    return problems


def auth_problems(auth: Mapping[str, Any] | None) -> list[str]:
    """What is missing or wrong in a secrets file's `[auth]` section (empty when usable).

    Only the unnamed provider is checked (keys directly in `[auth]`), which is what the app's
    sign-in button uses."""
    if not auth:
        return ["the secrets file has no [auth] section"]
    problems = [f"[auth] needs {key}" for key in AUTH_KEYS if not str(auth.get(key) or "").strip()]
    redirect = str(auth.get("redirect_uri") or "")
    if redirect and not (_absolute(redirect) and redirect.rstrip("/").endswith("/oauth2callback")):
        problems.append("[auth] redirect_uri must be the app's absolute URL ending /oauth2callback")
    metadata = str(auth.get("server_metadata_url") or "")
    if metadata and not _absolute(metadata):
        problems.append("[auth] server_metadata_url must be an absolute http(s) URL")
    secret = str(auth.get("cookie_secret") or "")
    if secret and len(secret) < MIN_COOKIE_SECRET:
        problems.append(f"[auth] cookie_secret must be at least {MIN_COOKIE_SECRET} characters")
    return problems


def _absolute(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def check_secrets_file(path: Path) -> None:
    """Refuse (ConfigError) a secrets file team mode cannot sign anyone in with."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"Cannot read the secrets file {path}: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"The secrets file {path} is not valid TOML: {exc}") from exc
    problems = auth_problems(data.get("auth"))
    if problems:
        raise ConfigError(f"{path}: " + "; ".join(problems))
