"""Managers are the top of the ownership tree; these queries are the only unscoped ones."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from assistant.db.models import ActionItem, Manager, Meeting, Report
from assistant.errors import NotFoundError


class ManagerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self) -> list[Manager]:
        return list(self.session.scalars(select(Manager).order_by(Manager.is_demo, Manager.id)))

    def get(self, manager_id: int) -> Manager:
        manager = self.session.get(Manager, manager_id)
        if manager is None:
            raise NotFoundError(f"No manager with id {manager_id}")
        return manager

    def find_by_name(self, name: str) -> Manager | None:
        stmt = select(Manager).where(func.lower(Manager.name) == name.strip().lower())
        return self.session.scalars(stmt.order_by(Manager.is_demo, Manager.id)).first()

    def demo(self) -> Manager | None:
        return self.session.scalars(select(Manager).where(Manager.is_demo.is_(True))).first()

    def create(self, name: str, *, email: str | None = None, is_demo: bool = False) -> Manager:
        manager = Manager(name=name.strip(), email=email, is_demo=is_demo)
        self.session.add(manager)
        self.session.flush()
        return manager

    def get_or_create(self, name: str) -> Manager:
        existing = self.session.scalars(
            select(Manager).where(
                func.lower(Manager.name) == name.strip().lower(), Manager.is_demo.is_(False)
            )
        ).first()
        return existing or self.create(name)

    def delete(self, manager_id: int) -> None:
        # Children go by ON DELETE CASCADE (enforced on SQLite by PRAGMA foreign_keys).
        self.session.execute(delete(Manager).where(Manager.id == manager_id))

    def people_names(self) -> list[str]:
        """Every manager's and report's name in the database (what redaction must hide)."""
        names = self.session.scalars(select(Manager.name).union(select(Report.name)))
        return sorted({n for n in names if n})

    def report_count(self, manager_id: int) -> int:
        return self.row_counts(manager_id)["reports"]

    def row_counts(self, manager_id: int) -> dict[str, int]:
        """How many reports, meetings and action items a manager owns."""
        counts: dict[str, int] = {}
        for label, model in (
            ("reports", Report),
            ("meetings", Meeting),
            ("action_items", ActionItem),
        ):
            stmt = select(func.count(model.id)).where(model.manager_id == manager_id)
            counts[label] = int(self.session.scalar(stmt) or 0)
        return counts
