"""Shared CLI plumbing: build services once per command, resolve the manager, print JSON."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import typer

from assistant.errors import BadInputError
from assistant.services import Services


def services(*, migrate_db: bool = True) -> Services:
    return Services.from_settings(migrate_db=migrate_db)


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def parse_date(value: str | None, *, option: str = "--date") -> dt.date | None:
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise BadInputError(f"{option} must be a date like 2026-03-04, not '{value}'") from exc
    if not 1970 <= day.year <= 2100:
        raise BadInputError(f"{option} must be between 1970 and 2100, not {day.isoformat()}")
    return day
