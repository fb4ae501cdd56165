"""Read and validate the demo team YAML shipped inside the package."""

from __future__ import annotations

import functools
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import yaml
from pydantic import ValidationError

from assistant.demo.schema import DemoTeam
from assistant.errors import CoachError

MANAGER_FILE = "manager.yaml"
REPORTS_DIR = "reports"


class DemoDataError(CoachError):
    """The packaged demo YAML is missing or invalid (a bug in the release, not user input)."""


def data_dir() -> Traversable:
    """The ``assistant/demo/data`` directory, wherever the package is installed."""
    return files("assistant.demo").joinpath("data")


def _read_yaml(resource: Traversable) -> Any:
    try:
        return yaml.safe_load(resource.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DemoDataError(f"cannot read demo data {resource.name}: {exc}") from exc


def load_demo_team_from(directory: Traversable) -> DemoTeam:
    """Load ``manager.yaml`` and ``reports/*.yaml`` (in file-name order) from ``directory``."""
    manager = _read_yaml(directory.joinpath(MANAGER_FILE))
    reports_dir = directory.joinpath(REPORTS_DIR)
    report_files = sorted(
        (p for p in reports_dir.iterdir() if p.name.endswith((".yaml", ".yml"))),
        key=lambda p: p.name,
    )
    if not report_files:
        raise DemoDataError(f"no report files in demo data {reports_dir}")
    raw = {"manager": manager, "reports": [_read_yaml(p) for p in report_files]}
    try:
        return DemoTeam.model_validate(raw)
    except ValidationError as exc:
        raise DemoDataError(f"invalid demo data: {exc}") from exc


@functools.cache
def load_demo_team() -> DemoTeam:
    """The validated demo team (cached; treat the result as read-only)."""
    return load_demo_team_from(data_dir())
