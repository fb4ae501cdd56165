"""Access for the pages and the CLI: who an identity is, the sign-in addresses of managers and
reports, and the audit trail a manager can read.

`resolve` is the one place an identity becomes ids: the signed-in address is looked up as a
manager (`managers.email`) and as a report (`reports.email`); demo people and archived reports
never match. Someone who is both (a manager who reports to someone) gets both seats: their own
team, and their own side of the 1:1s with their manager.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.access.identity import Identity, normalize_email, optional_email
from assistant.access.roles import Access, ManagerSeat, ReportSeat
from assistant.db.models import Manager, Report
from assistant.db.repositories import AuditRepository, IdentityRepository, ManagerRepository
from assistant.domain.actor import Actor

if TYPE_CHECKING:
    from assistant.services import Services

SIGN_IN = "signed_in"


@dataclass(frozen=True)
class AuditEntry:
    """One line of the activity log, as a manager reads it."""

    when: dt.datetime
    who: str
    email: str | None
    role: str
    action: str
    target: str
    detail: str
    report_id: int | None

    def as_json(self) -> dict[str, object]:
        return {
            "when": self.when.isoformat(),
            "who": self.who,
            "email": self.email,
            "role": self.role,
            "action": self.action,
            "target": self.target,
            "detail": self.detail,
            "report_id": self.report_id,
        }


class AccessService:
    def __init__(self, services: Services) -> None:
        self.services = services

    # -- who is this -------------------------------------------------------------------------------

    def resolve(self, identity: Identity) -> Access:
        if identity.email is None:
            return Access(identity)
        with self.services.session() as session:
            repo = IdentityRepository(session)
            manager = repo.manager_by_email(identity.email)
            report = repo.report_by_email(identity.email)
            return Access(
                identity,
                manager=ManagerSeat(manager.id, manager.name) if manager else None,
                report=ReportSeat(report.id, report.manager_id, report.name, report.manager.name)
                if report
                else None,
            )

    def record_sign_in(self, access: Access) -> None:
        """One audit row per team the person touches (as manager, as report), or one row
        without a team when nobody matches."""
        with self.services.session() as session:
            if not access.known:
                actor = Actor("unknown", access.identity.display, access.identity.email)
                detail = access.identity.problem or "No manager or report has this address."
                AuditRepository(session, 0).record_unmatched(actor, SIGN_IN, detail=detail)
                return
            if access.manager is not None:
                _, actor = access.as_manager()
                AuditRepository(session, access.manager.manager_id).record(
                    actor, SIGN_IN, detail="as manager"
                )
            if access.report is not None:
                seat, actor = access.as_report()
                AuditRepository(session, seat.manager_id).record(
                    actor, SIGN_IN, detail="as report", report_id=seat.report_id
                )

    # -- addresses (coach init --email, coach report email, the person page) --------------------

    def set_manager_email(self, manager_id: int, email: str | None) -> Manager:
        with self.services.session() as session:
            return IdentityRepository(session).set_manager_email(manager_id, optional_email(email))

    def set_report_email(self, manager_id: int, report: int | str, email: str | None) -> Report:
        with self.services.repos(manager_id) as repos:
            person = repos.reports.resolve(report)
            return IdentityRepository(repos.session).set_report_email(
                manager_id, person.id, optional_email(email)
            )

    def manager_email(self, manager_id: int) -> str | None:
        with self.services.session() as session:
            return ManagerRepository(session).get(manager_id).email

    def who_is(self, email: str) -> Access:
        """What an address would get on signing in (`coach access check`)."""
        clean = normalize_email(email)
        return self.resolve(Identity(clean, clean))

    # -- the audit trail ---------------------------------------------------------------------------

    def activity(
        self, manager_id: int, *, report_id: int | None = None, limit: int = 200
    ) -> list[AuditEntry]:
        """What happened in this manager's team, newest first (one report's when given)."""
        with self.services.repos(manager_id) as repos:
            return [
                AuditEntry(
                    when=e.created_at,
                    who=e.actor_name,
                    email=e.actor_email,
                    role=e.actor_role.value,
                    action=e.action,
                    target=e.target,
                    detail=e.detail,
                    report_id=e.report_id,
                )
                for e in repos.audit.recent(report_id=report_id, limit=limit)
            ]
