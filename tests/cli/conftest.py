"""Temporary re-export while tests move to tests.support.cli and the root `coach` fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.cli import Coach


@pytest.fixture
def coach(tmp_path: Path) -> Coach:
    return Coach(tmp_path)
