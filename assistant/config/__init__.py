"""Configuration: one settings tree (environment `COACH_*` plus the choices saved on the
Settings page in `settings.json`), read through `get_settings()`.

- `settings.py`: the `Settings` model and its sources.
- `saved.py`: reading and writing `settings.json` (the Settings page's choices, the API key).
"""

from assistant.config.settings import (
    AppMode,
    EmbeddingProvider,
    LLMProvider,
    LLMSettings,
    Settings,
    get_settings,
)

__all__ = ["AppMode", "EmbeddingProvider", "LLMProvider", "LLMSettings", "Settings", "get_settings"]
