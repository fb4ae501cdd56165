"""Common base: a repository is bound to one session and one manager, and stays in that scope."""

from __future__ import annotations

from sqlalchemy.orm import Session


class ScopedRepository:
    def __init__(self, session: Session, manager_id: int) -> None:
        self.session = session
        self.manager_id = manager_id
