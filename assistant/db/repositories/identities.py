"""Sign-in addresses: who an e-mail is (a manager, a report, both, nobody) and setting them.

The lookups are the only unscoped reads of team mode: they turn a verified address into the
manager_id / report_id every later query is scoped by. Addresses arrive normalized
(assistant/access/identity.py); demo people and archived reports never match.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assistant.db.models import Manager, Report
from assistant.errors import BadInputError, NotFoundError


class IdentityRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def manager_by_email(self, email: str) -> Manager | None:
        stmt = select(Manager).where(Manager.email == email, Manager.is_demo.is_(False))
        return self.session.scalars(stmt).first()

    def report_by_email(self, email: str) -> Report | None:
        """The (not archived) report with this address in a real team, with their manager."""
        stmt = (
            select(Report)
            .join(Manager, Manager.id == Report.manager_id)
            .where(
                Report.email == email,
                Report.archived.is_(False),
                Manager.is_demo.is_(False),
            )
        )
        return self.session.scalars(stmt).first()

    def set_manager_email(self, manager_id: int, email: str | None) -> Manager:
        manager = self.session.get(Manager, manager_id)
        if manager is None:
            raise NotFoundError(f"No manager with id {manager_id}")
        if email is not None:
            other = self.session.scalars(
                select(Manager).where(Manager.email == email, Manager.id != manager_id)
            ).first()
            if other is not None:
                raise BadInputError(f"{email} is already the address of manager {other.name}")
        manager.email = email
        self.session.flush()
        return manager

    def set_report_email(self, manager_id: int, report_id: int, email: str | None) -> Report:
        """Set a report's address; the report must be in this manager's team, and the address
        must not belong to another report anywhere in the organisation."""
        report = self.session.scalars(
            select(Report).where(Report.id == report_id, Report.manager_id == manager_id)
        ).first()
        if report is None:
            raise NotFoundError(f"No report with id {report_id} in your team")
        if email is not None:
            taken = self.session.scalar(
                select(func.count(Report.id)).where(Report.email == email, Report.id != report_id)
            )
            if taken:
                # Not who: the other report may be in another manager's team.
                raise BadInputError(f"{email} is already the address of another report")
        report.email = email
        self.session.flush()
        return report
