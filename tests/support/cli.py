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

    def __call__(self, *args: str, stdin: str | bytes | None = None, **env: str) -> CliResult:
        data = stdin.encode() if isinstance(stdin, str) else stdin
        proc = subprocess.run(
            [sys.executable, "-m", "assistant.cli", *args],
            input=data if data is not None else b"",
            capture_output=True,
            env={**self.env, **env},
            timeout=120,
        )
        out, err = (s.decode("utf-8", errors="replace") for s in (proc.stdout, proc.stderr))
        return CliResult(proc.returncode, out, err)
