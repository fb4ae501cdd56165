"""The manager's time zone: this machine's by default, chosen on the Settings page (kept in
settings.json beside the other choices) or set with COACH_TIME_ZONE."""

from __future__ import annotations

import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from assistant.config import LLMProvider, Settings
from assistant.config.saved import (
    load_user_settings,
    save_time_zone,
    save_user_settings,
    settings_path,
)
from assistant.config.zones import machine_time_zone, time_zone_names
from assistant.errors import BadInputError


def _settings(data_dir: Path) -> Settings:
    return Settings(_env_file=None, data_dir=data_dir)  # type: ignore[call-arg]


def test_by_default_times_follow_this_machine(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    assert settings.time_zone is None
    assert settings.zone == ZoneInfo(machine_time_zone())
    assert machine_time_zone() in time_zone_names()


def test_machine_zone_comes_from_tz(monkeypatch: pytest.MonkeyPatch) -> None:
    import tzlocal

    monkeypatch.setenv("TZ", "Asia/Kolkata")
    machine_time_zone.cache_clear()
    tzlocal.reload_localzone()
    try:
        assert machine_time_zone() == "Asia/Kolkata"
    finally:
        monkeypatch.undo()
        machine_time_zone.cache_clear()
        tzlocal.reload_localzone()


def test_a_saved_zone_wins_and_keeps_the_other_choices(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COACH_TIME_ZONE", "America/New_York")
    save_user_settings(
        tmp_path, provider=LLMProvider.NONE, model="gpt-4o-mini", base_url=None, redact=False
    )
    save_time_zone(tmp_path, "Europe/Paris")
    settings = _settings(tmp_path)
    assert (settings.time_zone, settings.redact) == ("Europe/Paris", False)
    # Saving the engine choices again keeps the zone.
    save_user_settings(
        tmp_path, provider=LLMProvider.NONE, model="gpt-4o-mini", base_url=None, redact=True
    )
    assert _settings(tmp_path).zone == ZoneInfo("Europe/Paris")
    # Back to "follow the machine": the environment's choice shows through again.
    save_time_zone(tmp_path, None)
    assert load_user_settings(tmp_path).time_zone is None
    assert _settings(tmp_path).time_zone == "America/New_York"


def test_unknown_zones_are_refused_or_ignored(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="not a time zone name"):
        save_time_zone(tmp_path, "Mars/Olympus_Mons")
    path = settings_path(tmp_path)
    path.write_text(json.dumps({"time_zone": "Mars/Olympus_Mons"}), encoding="utf-8")
    assert _settings(tmp_path).time_zone is None  # a bad file never stops the app
    with pytest.raises(BadInputError, match="not a time zone name"):
        Settings(_env_file=None, data_dir=tmp_path / "x", time_zone="../../etc/passwd")  # type: ignore[call-arg]
