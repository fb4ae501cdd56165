"""`coach ui` stops its server when it is stopped: no server left behind on the port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.net import closed_port


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
            return bool(r.read() == b"ok")
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="signals")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_stopping_coach_ui_stops_the_server(tmp_path: Path, sig: signal.Signals) -> None:
    port = closed_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
    env["COACH_DATA_DIR"] = str(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "ui", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not _healthy(port):
            assert proc.poll() is None, "the server did not start"
            assert time.monotonic() < deadline, "the server did not answer in 60 s"
            time.sleep(0.3)

        proc.send_signal(sig)
        proc.wait(timeout=20)

        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0  # nothing listens any more
    finally:
        if proc.poll() is None:
            proc.kill()
