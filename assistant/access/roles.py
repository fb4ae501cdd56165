"""What a signed-in identity may see: their own team as a manager, their own side of their 1:1s
as a report, both (a manager who also reports to someone), or nothing.

Seats carry the ids every service call is scoped by; they are made only by
`AccessService.resolve` from the verified address, never from anything a page or URL says.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.access.identity import Identity
from assistant.domain.actor import Actor
from assistant.errors import NotFoundError


@dataclass(frozen=True)
class ManagerSeat:
    manager_id: int
    name: str


@dataclass(frozen=True)
class ReportSeat:
    report_id: int
    manager_id: int
    name: str
    manager_name: str

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else self.name


@dataclass(frozen=True)
class Access:
    identity: Identity
    manager: ManagerSeat | None = None
    report: ReportSeat | None = None

    @property
    def known(self) -> bool:
        return self.manager is not None or self.report is not None

    @property
    def roles(self) -> list[str]:
        return [r for r, seat in (("manager", self.manager), ("report", self.report)) if seat]

    def as_manager(self) -> tuple[ManagerSeat, Actor]:
        if self.manager is None:
            raise NotFoundError("You do not manage a team here")
        return self.manager, Actor("manager", self.manager.name, self.identity.email)

    def as_report(self) -> tuple[ReportSeat, Actor]:
        if self.report is None:
            raise NotFoundError("You are not a report of anyone here")
        return self.report, Actor("report", self.report.name, self.identity.email)
