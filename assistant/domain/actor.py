"""Who is acting: the signed-in manager or report (team mode), or the manager at this machine
(local mode). Stamped on what they write (topics, comments, shares) and on audit rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ActorRoleName = Literal["manager", "report", "unknown"]


@dataclass(frozen=True)
class Actor:
    role: ActorRoleName
    name: str
    email: str | None = None  # None in local mode (nobody signed in)

    @property
    def label(self) -> str:
        """ "Dana Reyes" or "Dana Reyes <dana@example.com>", for the audit log and CLI."""
        return f"{self.name} <{self.email}>" if self.email else self.name
