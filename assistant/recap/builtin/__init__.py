"""Built-in, offline, rule-based recap extraction. Entry point: `extract_recap`."""

from assistant.recap.builtin.engine import ENGINE_NAME, extract_recap

__all__ = ["ENGINE_NAME", "extract_recap"]
