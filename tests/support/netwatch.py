"""Run the `coach` CLI with every network attempt recorded, for the "nothing leaves the
machine" test: `python -m tests.support.netwatch LOG -- coach-args...`.

An audit hook (PEP 578) writes one line per Python-level `socket.connect`,
`socket.getaddrinfo`, `socket.gethostbyname` and `socket.sendto` whose target is not this
machine. Native code (onnxruntime's telemetry is C++) bypasses audit hooks, so the test also
runs this under strace when it is installed; see tests/test_offline.py.
"""

from __future__ import annotations

import ipaddress
import sys
from typing import Any

LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


def _is_local(host: Any) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    host = str(host).strip("[]")
    if host.lower() in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _target(event: str, args: tuple[Any, ...]) -> str | None:
    """The non-local host an event reaches for, or None."""
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex"):
        return None if _is_local(args[0]) else str(args[0])
    if event in ("socket.connect", "socket.sendto"):
        address = args[1]
        if isinstance(address, tuple) and address:
            return None if _is_local(address[0]) else str(address[0])
        return None  # AF_UNIX paths: checked by the strace run
    return None


def main() -> None:
    log_path, rest = sys.argv[1], sys.argv[sys.argv.index("--") + 1 :]
    log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115  (kept open for the hook)

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event.startswith("socket."):
            target = _target(event, args)
            if target is not None:
                log.write(f"{event} {target}\n")
                log.flush()

    sys.addaudithook(hook)
    sys.argv = ["coach", *rest]
    from assistant.cli import main as coach

    coach()


if __name__ == "__main__":
    main()
