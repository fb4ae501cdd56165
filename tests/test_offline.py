"""Nothing leaves the machine without a provider: the main commands make no connection and no
DNS lookup outside this machine. Each runs in a subprocess with an audit hook on Python's
socket calls (tests/support/netwatch.py), under strace when it is installed (native code such
as onnxruntime's telemetry bypasses the hook), and without any network at all (`unshare -n`)
when this machine allows it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

STRACE = shutil.which("strace")
UNSHARE = shutil.which("unshare")
NOTES = "- Amara to send the rollout plan to Hana by Friday\n- I'll ask finance about budget\n"
COMMANDS = [
    ["init", "--seed-demo-if-empty"],
    ["demo"],
    ["index"],
    ["search", "how to give praise", "--json"],
    ["recap", "--file", "NOTES", "--date", "2026-03-04", "--report", "Amara Okonkwo", "--save"],
    ["agenda", "Amara Okonkwo", "--json"],
    ["feedback", "Amara Okonkwo", "--kind", "praise", "--what", "Great demo to the clinic"],
    ["team", "--json"],
]
_INET = re.compile(
    r'sa_family=AF_INET6?, .*?(?:inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)")'
)
_PORT = re.compile(r"htons\((\d+)\)")


def _can_unshare() -> bool:
    if UNSHARE is None:
        return False
    probe = subprocess.run([UNSHARE, "-n", "true"], capture_output=True, check=False)
    return probe.returncode == 0


def _violations(trace: str) -> list[str]:
    bad = []
    for line in trace.splitlines():
        if "connect(" not in line and "sendto(" not in line and "sendmsg(" not in line:
            continue
        if "AF_UNIX" in line:
            if "nscd" in line:
                bad.append(line)  # a name lookup through the name service cache
            continue
        address = _INET.search(line)
        port = _PORT.search(line)
        host = (address.group(1) or address.group(2)) if address else None
        if host is None:
            continue
        dns = bool(port and port.group(1) == "53")
        if dns or not (host.startswith("127.") or host in ("::1", "0.0.0.0")):
            bad.append(line)
    return bad


@pytest.mark.slow
def test_main_commands_stay_on_this_machine(tmp_path: Path) -> None:
    data = tmp_path / "data"
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    hook_log = tmp_path / "audit.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "PYTEST_"))}
    env["COACH_DATA_DIR"] = str(data)
    # A developer's shell may ask for LangSmith tracing; the app must switch it off itself.
    env["LANGCHAIN_TRACING_V2"] = env["LANGSMITH_TRACING"] = "true"
    prefix: list[str] = []
    if _can_unshare():
        prefix += [UNSHARE or "unshare", "-n"]
    traces: list[Path] = []
    for number, args in enumerate(COMMANDS):
        args = [str(notes) if a == "NOTES" else a for a in args]
        command = [sys.executable, "-m", "tests.support.netwatch", str(hook_log), "--", *args]
        if STRACE:
            trace = tmp_path / f"trace-{number}.log"
            traces.append(trace)
            watch = ["-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(trace)]
            command = [STRACE, *watch, *command]
        result = subprocess.run(
            [*prefix, *command],
            capture_output=True,
            env=env,
            timeout=600,
            cwd=Path(__file__).resolve().parent.parent,
            check=False,
        )
        assert result.returncode == 0, (args, result.stderr.decode()[-2000:])

    assert not hook_log.exists() or hook_log.read_text() == ""
    for trace in traces:
        assert _violations(trace.read_text(errors="replace")) == [], trace.name


def test_the_trace_parser_catches_what_onnxruntime_did() -> None:
    seen = (
        "1691  connect(23, {sa_family=AF_INET, sin_port=htons(53), "
        'sin_addr=inet_addr("10.255.255.53")}, 16) = 0\n'
        "7  connect(5, {sa_family=AF_INET, sin_port=htons(443), "
        'sin_addr=inet_addr("13.107.5.93")}, 16) = -1\n'
        "8  connect(5, {sa_family=AF_INET, sin_port=htons(8000), "
        'sin_addr=inet_addr("127.0.0.1")}, 16) = 0\n'
        '9  connect(6, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1\n'
    )
    assert len(_violations(seen)) == 3
