"""Nothing leaves the machine unless the manager configured a model: switch off, at the source,
what third-party libraries would send on their own.

- onnxruntime (the local embedding model) ships a telemetry client that looks up and posts to
  Microsoft's event collector; `ORT_DISABLE_TELEMETRY=1` must be set before it is imported
  (its `disable_telemetry_events()` alone does not stop it; see docs/reliability.md).
- Chroma's anonymized telemetry (PostHog): `ANONYMIZED_TELEMETRY=False` as well as the client
  setting in `knowledge/chroma.py`.
- LangChain / LangSmith tracing would copy every prompt (the notes) to LangSmith when a
  developer's shell has `LANGCHAIN_TRACING_V2` or `LANGSMITH_TRACING` set: forced off unless
  `COACH_TRACING=true` asks for it.

`quiet_third_parties()` runs when `assistant` is imported, before any of those libraries.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping

TRACING_ENV = "COACH_TRACING"
_TRACING_SWITCHES = ("LANGCHAIN_TRACING_V2", "LANGCHAIN_TRACING", "LANGSMITH_TRACING")
_TRUE = {"1", "true", "yes", "on"}


def tracing_allowed(env: MutableMapping[str, str] | None = None) -> bool:
    """True only when the manager asked for LangSmith tracing with COACH_TRACING=true."""
    env = os.environ if env is None else env
    return env.get(TRACING_ENV, "").strip().lower() in _TRUE


def quiet_third_parties(env: MutableMapping[str, str] | None = None) -> None:
    """Turn off third-party telemetry and, unless allowed, prompt tracing (idempotent)."""
    env = os.environ if env is None else env
    env["ORT_DISABLE_TELEMETRY"] = "1"
    env["ANONYMIZED_TELEMETRY"] = "False"
    env.setdefault("DO_NOT_TRACK", "1")
    env.setdefault("HF_HUB_OFFLINE", "1")  # the embedding model ships with the app
    if not tracing_allowed(env):
        for name in _TRACING_SWITCHES:
            env[name] = "false"
