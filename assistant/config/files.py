"""The data folder is private: created 0700, its files 0600 (database, WAL/SHM, the Chroma
index, the keyword index, settings.json), whatever the user's umask.

`secure_data_dir` runs before anything is written: it sets this process's umask to 0o077, so
every file the app or its libraries create later (SQLite's -wal/-shm, Chroma's segments) is
private from the start, and it tightens what an older version may have left readable.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

logger = logging.getLogger(__name__)

DIR_MODE = 0o700
FILE_MODE = 0o600
PRIVATE_UMASK = 0o077
# What the app keeps in the data folder (anything else there is left alone).
OWN_NAMES = ("coach.db", "settings.json", "chroma", "chroma-keyword.sqlite3", "exports")


def _own(path: Path, data_dir: Path) -> bool:
    name = path.relative_to(data_dir).parts[0]
    return any(name == own or name.startswith(f"{own}-") for own in OWN_NAMES)


def secure_data_dir(data_dir: Path, *extra: Path) -> Path:
    """Create `data_dir` (0700) and make the app's files in it (and `extra` paths) private."""
    os.umask(PRIVATE_UMASK)
    data_dir = data_dir.expanduser()
    data_dir.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    _chmod(data_dir, DIR_MODE)
    for path in data_dir.iterdir():
        if _own(path, data_dir):
            _tighten(path)
    for path in extra:
        if path.exists():
            _tighten(path)
    return data_dir


def _tighten(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        _chmod(path, DIR_MODE)
        for child in path.rglob("*"):
            if not child.is_symlink():
                _chmod(child, DIR_MODE if child.is_dir() else FILE_MODE)
    elif path.is_file():
        _chmod(path, FILE_MODE)


def _chmod(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except OSError as exc:  # not ours (e.g. a shared mount): say so, do not fail
        logger.warning("could not make %s private: %s", path, exc.strerror)
