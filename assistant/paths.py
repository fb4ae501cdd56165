"""Where things live on disk: the repo's own folders and the user's data directory."""

from __future__ import annotations

from pathlib import Path

import platformdirs

PROJECT_ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE_DIR = PROJECT_ROOT / "knowledge"
PROMPTS_DIR = PROJECT_ROOT / "prompts"
UI_APP = PROJECT_ROOT / "ui" / "app.py"


def default_data_dir() -> Path:
    """Per-user data directory (e.g. ~/.local/share/one-on-one-coach on Linux)."""
    return Path(platformdirs.user_data_dir("one-on-one-coach", appauthor=False))
