"""One settings tree for the whole app.

Sources, highest priority first: values passed in code (tests), the choices saved on the
Settings page (`settings.json` in the data folder), `COACH_*` environment variables. There is
no `.env` file: one in whatever folder a command happens to run in could silently send the
notes to another server or switch redaction off, so settings that redirect notes come only
from the environment the manager set up or from the data folder.
"""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from assistant.paths import default_data_dir


class LLMProvider(StrEnum):
    """Which engine refines drafts. `none` keeps everything on this machine."""

    NONE = "none"
    OPENAI = "openai"
    OPENAI_COMPATIBLE = "openai_compatible"


class AppMode(StrEnum):
    """How the app is run. `local`: one manager on this machine, no sign-in (the default).
    `team`: a server for many managers and their reports, behind OpenID Connect sign-in."""

    LOCAL = "local"
    TEAM = "team"


class EmbeddingProvider(StrEnum):
    """Which model embeds text for retrieval. `local` ships with the app and runs offline."""

    LOCAL = "local"
    OPENAI = "openai"


class LLMSettings(BaseModel):
    """How to reach a language model, if the manager configured one (COACH_LLM__*)."""

    model_config = ConfigDict(extra="ignore")

    provider: LLMProvider = Field(
        default=LLMProvider.NONE,
        description="none (built-in engine only), openai, or openai_compatible (Ollama, vLLM...).",
    )
    model: str = Field(default="gpt-4o-mini", description="Chat model name sent to the provider.")
    base_url: str | None = Field(
        default=None,
        description="Base URL of an OpenAI-compatible server, e.g. http://127.0.0.1:11434/v1.",
    )
    api_key: SecretStr | None = Field(default=None, description="API key; never logged or shown.")
    timeout_seconds: float = Field(default=30.0, gt=0, description="Per-request timeout.")
    deadline_seconds: float = Field(
        default=30.0,
        gt=0,
        le=600,
        description="Longest wait for one draft, retries included; then the built-in draft.",
    )
    max_retries: int = Field(
        default=2,
        ge=0,
        le=5,
        description="Retries before falling back (never after a timeout, never past the deadline).",
    )
    max_prompt_chars: int = Field(
        default=24_000,
        ge=2_000,
        description="Longest notes text sent in one request; longer notes are sent in parts.",
    )
    temperature: float = Field(default=0.2, ge=0, le=2, description="Sampling temperature.")

    @property
    def enabled(self) -> bool:
        return self.provider is not LLMProvider.NONE

    @property
    def destination_host(self) -> str | None:
        """Where drafts' text is sent ("api.openai.com", "127.0.0.1"); None without a model."""
        if not self.enabled:
            return None
        url = self.base_url or "https://api.openai.com/v1"
        try:
            return urlsplit(url).hostname or url
        except ValueError:
            return url

    @property
    def destination_is_local(self) -> bool:
        host = self.destination_host or ""
        return host in ("localhost", "::1") or host.startswith("127.")


class Settings(BaseSettings):
    """Application settings. Every field maps to COACH_<NAME> (nested: COACH_LLM__MODEL)."""

    model_config = SettingsConfigDict(
        env_prefix="COACH_",
        env_nested_delimiter="__",
        env_file=None,
        extra="ignore",
    )

    mode: AppMode = Field(
        default=AppMode.LOCAL,
        description="local (one manager, no sign-in) or team (sign-in with OpenID Connect, "
        "roles from the e-mail claim, PostgreSQL and a Chroma server; see README).",
    )
    team_allow_local_storage: bool = Field(
        default=False,
        description="Team mode only: start even on the SQLite file or the embedded Chroma "
        "folder (a trial on one machine), with a warning, instead of refusing.",
    )
    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Folder for the SQLite database, the Chroma index and exports.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL; default is a SQLite file coach.db in data_dir. "
        "PostgreSQL: postgresql+psycopg://user:pass@host:5432/dbname",
    )
    chroma_path: Path | None = Field(
        default=None, description="Embedded Chroma folder; default data_dir/chroma."
    )
    chroma_host: str | None = Field(
        default=None, description="Chroma server host; when set, the HTTP client is used."
    )
    chroma_port: int = Field(default=8000, description="Chroma server port.")
    embedding_provider: EmbeddingProvider = Field(
        default=EmbeddingProvider.LOCAL,
        description="local (bundled all-MiniLM-L6-v2, offline) or openai (needs an API key).",
    )
    embedding_model: str = Field(
        default="text-embedding-3-small", description="Embedding model when provider is openai."
    )
    llm: LLMSettings = Field(default_factory=LLMSettings, description="Language model settings.")
    redact: bool = Field(
        default=True,
        description="Replace names of people with placeholders before text is sent to an LLM.",
    )
    manager_name: str | None = Field(
        default=None,
        description="Your name as the manager. Unset: the first real manager, else the demo team.",
    )
    max_note_bytes: int = Field(
        default=200_000, gt=0, description="Largest raw note accepted (bytes, UTF-8)."
    )
    time_zone: str | None = Field(
        default=None,
        description="IANA time zone in which 1:1 times are shown and entered (e.g. "
        "Europe/Paris). Unset: this machine's zone. Times are stored in UTC.",
    )
    tracing: bool = Field(
        default=False,
        description="Allow LangSmith/LangChain tracing (copies prompts to LangSmith). Off: the "
        "LANGCHAIN_TRACING_V2 / LANGSMITH_TRACING variables are forced off in this process.",
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        from assistant.config.saved import SavedChoicesSource

        # No dotenv source at all (see the module docstring), even if `_env_file` is passed.
        saved = SavedChoicesSource(settings_cls, init_settings, env_settings)
        return init_settings, saved, env_settings

    @field_validator("time_zone")
    @classmethod
    def _check_time_zone(cls, value: str | None) -> str | None:
        from assistant.config.zones import check_time_zone

        return check_time_zone(value) if value else None

    @model_validator(mode="after")
    def _check_llm(self) -> Settings:
        if self.llm.provider is LLMProvider.OPENAI_COMPATIBLE and not self.llm.base_url:
            from assistant.errors import ConfigError

            raise ConfigError("COACH_LLM__BASE_URL is required for an openai_compatible provider")
        return self

    @property
    def team_mode(self) -> bool:
        return self.mode is AppMode.TEAM

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'coach.db'}"

    @property
    def resolved_chroma_path(self) -> Path:
        return self.chroma_path or self.data_dir / "chroma"

    @property
    def zone(self) -> ZoneInfo:
        """The manager's time zone: the one chosen, else this machine's."""
        from assistant.config.zones import machine_time_zone

        return ZoneInfo(self.time_zone or machine_time_zone())


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings read once per process; tests call get_settings.cache_clear()."""
    return Settings()
