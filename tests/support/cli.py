"""Run the real `coach` CLI in a subprocess with its own data dir."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Coach:
    def __init__(self, data_dir: Path) -> None:
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
        self.env["COACH_DATA_DIR"] = str(data_dir)

    def __call__(self, *args: str, stdin: str | None = None, **env: str) -> CliResult:
        proc = subprocess.run(
            [sys.executable, "-m", "assistant.cli", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env={**self.env, **env},
            timeout=120,
        )
        return CliResult(proc.returncode, proc.stdout, proc.stderr)
