"""Third-party telemetry and prompt tracing are off at the source."""

from __future__ import annotations

import os
import subprocess
import sys

from assistant.config.privacy import quiet_third_parties


def test_tracing_is_forced_off_unless_the_manager_asks() -> None:
    env = {"LANGCHAIN_TRACING_V2": "true", "LANGSMITH_TRACING": "true"}
    quiet_third_parties(env)
    assert env["LANGCHAIN_TRACING_V2"] == env["LANGSMITH_TRACING"] == "false"
    assert env["ORT_DISABLE_TELEMETRY"] == "1"
    assert env["ANONYMIZED_TELEMETRY"] == "False"

    allowed = {"LANGSMITH_TRACING": "true", "COACH_TRACING": "true"}
    quiet_third_parties(allowed)
    assert allowed["LANGSMITH_TRACING"] == "true"


def test_importing_the_app_switches_them_off_before_any_library_loads() -> None:
    env = {**os.environ, "LANGCHAIN_TRACING_V2": "true", "ORT_DISABLE_TELEMETRY": "0"}
    env.pop("COACH_TRACING", None)
    code = (
        "import assistant, os, sys;"
        "assert 'onnxruntime' not in sys.modules and 'langsmith' not in sys.modules;"
        "print(os.environ['LANGCHAIN_TRACING_V2'], os.environ['ORT_DISABLE_TELEMETRY'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["false", "1"]
