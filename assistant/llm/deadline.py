"""One overall deadline per draft: however the provider fails, the manager waits at most this long.

A `Deadline` is shared by every call a draft makes (a long note split in parts makes several).
`run_within` runs one blocking model call in a daemon thread and stops waiting for it when the
deadline passes; the abandoned call ends on its own at the HTTP timeout, which the provider
factory sets no longer than the deadline, so nothing lingers for long.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

R = TypeVar("R")


class DeadlineExceeded(TimeoutError):
    """The draft's time budget ran out before the model answered."""


@dataclass
class Deadline:
    """`seconds` from creation; `math.inf` means no deadline (tests of one call, scripts)."""

    seconds: float
    started: float = field(default_factory=time.monotonic)

    @classmethod
    def none(cls) -> Deadline:
        return cls(math.inf)

    @property
    def bounded(self) -> bool:
        return math.isfinite(self.seconds)

    def remaining(self) -> float:
        return max(0.0, self.seconds - (time.monotonic() - self.started))

    def expired(self) -> bool:
        return self.remaining() <= 0.0


def run_within(deadline: Deadline, call: Callable[[], R]) -> R:
    """`call()`'s result, or DeadlineExceeded once the deadline passes (call left running)."""
    if not deadline.bounded:
        return call()
    if deadline.expired():
        raise DeadlineExceeded("no time left for another model call")
    box: dict[str, object] = {}
    done = threading.Event()

    def work() -> None:
        try:
            box["value"] = call()
        except BaseException as exc:  # handed to the waiting thread, re-raised there
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=work, name="llm-call", daemon=True).start()
    if not done.wait(deadline.remaining()):
        raise DeadlineExceeded(f"the model did not answer within {deadline.seconds:g} s")
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]
