"""settings.json: choices from the Settings page, a settings source above the environment."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pydantic import SecretStr

from assistant.config import LLMProvider, Settings
from assistant.config.saved import (
    forget_api_key,
    load_user_settings,
    save_user_settings,
    settings_path,
)
from assistant.errors import BadInputError


def _environment(monkeypatch: pytest.MonkeyPatch, **llm: str) -> None:
    for name, value in llm.items():
        monkeypatch.setenv(f"COACH_LLM__{name.upper()}", value)


def _base(tmp_path: Path) -> Settings:
    """What get_settings() reads: the environment, with settings.json on top."""
    return Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]


def _environment_only(tmp_path: Path) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path / "elsewhere")  # type: ignore[call-arg]


def test_without_a_file_the_environment_settings_are_used_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _environment(monkeypatch, provider="openai", api_key="env-key")
    base = _base(tmp_path)
    assert base.llm == _environment_only(tmp_path).llm
    assert base.llm.api_key == SecretStr("env-key")


def test_saved_choices_override_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _environment(monkeypatch, provider="openai", model="gpt-4o", api_key="env-key")
    save_user_settings(
        tmp_path,
        provider=LLMProvider.OPENAI_COMPATIBLE,
        model="llama3.1",
        base_url="http://127.0.0.1:11434/v1",
        redact=False,
    )
    eff = _base(tmp_path)
    assert eff.llm.provider is LLMProvider.OPENAI_COMPATIBLE
    assert (eff.llm.model, eff.llm.base_url, eff.redact) == (
        "llama3.1",
        "http://127.0.0.1:11434/v1",
        False,
    )
    assert eff.llm.api_key is not None and eff.llm.api_key.get_secret_value() == "env-key"
    assert _base(tmp_path) == eff  # read again: the same settings


def test_key_not_remembered_stays_in_memory_only(tmp_path: Path) -> None:
    save_user_settings(
        tmp_path,
        provider=LLMProvider.OPENAI,
        model="gpt-4o-mini",
        base_url=None,
        redact=True,
        api_key="sk-memory",
    )
    assert "sk-memory" not in settings_path(tmp_path).read_text()
    eff = _base(tmp_path)
    assert eff.llm.api_key is not None and eff.llm.api_key.get_secret_value() == "sk-memory"
    forget_api_key(tmp_path)
    assert _base(tmp_path).llm.api_key is None


def test_remembered_key_is_in_a_private_file(tmp_path: Path) -> None:
    save_user_settings(
        tmp_path,
        provider=LLMProvider.OPENAI,
        model="gpt-4o-mini",
        base_url=None,
        redact=True,
        api_key="sk-disk",
        remember_key=True,
    )
    path = settings_path(tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_user_settings(tmp_path).remembers_key
    forget_api_key(tmp_path)
    assert not load_user_settings(tmp_path).remembers_key


@pytest.mark.parametrize(
    ("provider", "model", "base_url", "message"),
    [
        (LLMProvider.OPENAI_COMPATIBLE, "m", None, "needs its base URL"),
        (LLMProvider.OPENAI, "", None, "model name"),
        (LLMProvider.OPENAI, "m", "ftp://x", "must start with http"),
    ],
)
def test_invalid_choices_are_refused(
    tmp_path: Path, provider: LLMProvider, model: str, base_url: str | None, message: str
) -> None:
    with pytest.raises(BadInputError, match=message):
        save_user_settings(tmp_path, provider=provider, model=model, base_url=base_url, redact=True)
    assert not settings_path(tmp_path).exists()


def test_a_corrupt_file_is_ignored(tmp_path: Path) -> None:
    settings_path(tmp_path).write_text("{not json")
    assert _base(tmp_path) == _environment_only(tmp_path).model_copy(update={"data_dir": tmp_path})
