"""Choices made on the Settings page, kept in `settings.json` in the data directory.

`SavedChoicesSource` makes them a settings source that outranks the environment (`COACH_*`),
so `get_settings()` is the one entry point for the app and the CLI alike. The file is written
with 0600 permissions. The API key is written only when the manager ticks "remember the key on
this machine"; otherwise it lives in this process's memory until the app stops.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource

from assistant.config.files import secure_data_dir
from assistant.config.settings import LLMProvider, LLMSettings
from assistant.errors import BadInputError, StorageError
from assistant.paths import default_data_dir

logger = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
FILE_MODE = 0o600

# Keys given on the Settings page without "remember": kept per data dir for this process only.
_session_keys: dict[Path, SecretStr] = {}


class UserSettings(BaseModel):
    """What the Settings page stores. None means "not chosen here: keep the environment's"."""

    model_config = ConfigDict(extra="ignore")

    provider: LLMProvider | None = Field(default=None, description="LLM provider.")
    model: str | None = Field(default=None, description="Chat model name.")
    base_url: str | None = Field(default=None, description="OpenAI-compatible base URL.")
    redact: bool | None = Field(default=None, description="Replace names before sending.")
    api_key: SecretStr | None = Field(
        default=None, description="Only present when the manager asked to remember it."
    )
    time_zone: str | None = Field(default=None, description="IANA zone for showing times.")

    @property
    def remembers_key(self) -> bool:
        return self.api_key is not None and bool(self.api_key.get_secret_value())


def settings_path(data_dir: Path) -> Path:
    return data_dir / SETTINGS_FILE


def _key(data_dir: Path) -> Path:
    return data_dir.expanduser().resolve()


def load_user_settings(data_dir: Path) -> UserSettings:
    """The saved choices; an absent or unreadable file gives empty choices (logged, not raised)."""
    path = settings_path(data_dir)
    if not path.is_file():
        return UserSettings()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return UserSettings.model_validate(data)
    except (OSError, ValueError, ValidationError) as exc:
        logger.warning("Ignoring unreadable %s: %s", path, type(exc).__name__)
        return UserSettings()


def session_key(data_dir: Path) -> SecretStr | None:
    """A key entered this session without asking to remember it."""
    return _session_keys.get(_key(data_dir))


def validate_choice(provider: LLMProvider, model: str, base_url: str | None) -> None:
    """Raise BadInputError with a readable line when the combination cannot work."""
    if provider is LLMProvider.NONE:
        return
    if not model.strip():
        raise BadInputError("Give the model name, e.g. gpt-4o-mini.")
    if provider is LLMProvider.OPENAI_COMPATIBLE and not (base_url or "").strip():
        raise BadInputError(
            "An OpenAI-compatible provider needs its base URL, e.g. http://127.0.0.1:11434/v1."
        )
    if base_url and not base_url.strip().lower().startswith(("http://", "https://")):
        raise BadInputError("The base URL must start with http:// or https://.")


def save_user_settings(
    data_dir: Path,
    *,
    provider: LLMProvider,
    model: str,
    base_url: str | None,
    redact: bool,
    api_key: str | None = None,
    remember_key: bool = False,
) -> UserSettings:
    """Store the choices. `api_key` None or "" keeps the key already known (if any)."""
    validate_choice(provider, model, base_url)
    current = load_user_settings(data_dir)
    typed = SecretStr(api_key.strip()) if api_key and api_key.strip() else None
    known = typed or current.api_key or session_key(data_dir)
    stored_key = known if remember_key else None
    if known is not None and not remember_key:
        _session_keys[_key(data_dir)] = known
    elif remember_key:
        _session_keys.pop(_key(data_dir), None)
    prefs = UserSettings(
        provider=provider,
        model=model.strip() or None,
        base_url=(base_url or "").strip() or None,
        redact=redact,
        api_key=stored_key,
        time_zone=current.time_zone,
    )
    _write(settings_path(data_dir), prefs)
    return prefs


def save_time_zone(data_dir: Path, time_zone: str | None) -> UserSettings:
    """Store the manager's time zone (None: follow this machine's), keeping the other choices."""
    from assistant.config.zones import check_time_zone

    zone = check_time_zone(time_zone) if time_zone else None
    prefs = load_user_settings(data_dir).model_copy(update={"time_zone": zone})
    _write(settings_path(data_dir), prefs)
    return prefs


def forget_api_key(data_dir: Path) -> None:
    """Remove the key from the file and from memory."""
    _session_keys.pop(_key(data_dir), None)
    current = load_user_settings(data_dir)
    if current.api_key is not None:
        _write(settings_path(data_dir), current.model_copy(update={"api_key": None}))


def _write(path: Path, prefs: UserSettings) -> None:
    data: dict[str, Any] = prefs.model_dump(mode="json", exclude_none=True)
    if prefs.api_key is not None:
        data["api_key"] = prefs.api_key.get_secret_value()
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    try:
        secure_data_dir(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=path.parent)
        try:
            os.fchmod(fd, FILE_MODE)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        os.chmod(path, FILE_MODE)
    except OSError as exc:
        raise StorageError(f"Could not save your settings to {path}: {exc.strerror}") from exc


class SavedChoicesSource(PydanticBaseSettingsSource):
    """`settings.json` of the data folder as a settings source (see `Settings`).

    The data folder itself comes from the sources below this one (code, environment).
    A stored choice that no longer validates is ignored with a log line, so a bad file can never
    stop the app from starting; the environment's settings are used instead.
    """

    def __init__(
        self, settings_cls: type[BaseSettings], *lower: PydanticBaseSettingsSource
    ) -> None:
        super().__init__(settings_cls)
        self._lower = lower

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # unused: __call__ builds the whole dict at once

    def _data_dir(self) -> Path:
        for source in self._lower:
            value = source().get("data_dir")
            if value:
                return Path(value)
        return default_data_dir()

    def __call__(self) -> dict[str, Any]:
        data_dir = self._data_dir()
        prefs = load_user_settings(data_dir)
        key = prefs.api_key or session_key(data_dir)
        llm: dict[str, Any] = {}
        if prefs.provider is not None:
            llm["provider"] = prefs.provider
            # A base URL belongs to the provider chosen with it.
            llm["base_url"] = prefs.base_url
        if prefs.model:
            llm["model"] = prefs.model
        if key is not None:
            llm["api_key"] = key
        values: dict[str, Any] = {}
        if llm and _valid_llm_choice(llm, self._lower):
            values["llm"] = llm
        if prefs.redact is not None:
            values["redact"] = prefs.redact
        if prefs.time_zone and _valid_time_zone(prefs.time_zone):
            values["time_zone"] = prefs.time_zone
        return values


def _valid_time_zone(name: str) -> bool:
    from assistant.config.zones import check_time_zone

    try:
        check_time_zone(name)
    except BadInputError:
        logger.warning("Ignoring a saved time zone that does not exist: %r", name)
        return False
    return True


def _valid_llm_choice(saved: dict[str, Any], lower: tuple[PydanticBaseSettingsSource, ...]) -> bool:
    below: dict[str, Any] = {}
    for source in reversed(lower):  # lowest priority first, so higher ones overwrite
        found = source().get("llm") or {}
        below.update(found if isinstance(found, dict) else found.model_dump())
    try:
        llm = LLMSettings.model_validate({**below, **saved})
        validate_choice(llm.provider, llm.model, llm.base_url)
    except (ValidationError, BadInputError) as exc:
        logger.warning("Ignoring saved LLM settings that do not validate: %s", exc)
        return False
    return True
