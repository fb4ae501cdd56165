"""Export, import and removal for the CLI (`coach export/import`, `coach report remove`) and the
Settings and Team pages: the same calls, the same checks.

`remove_report` deletes the report and everything about them from the database, then makes sure
no copy of their notes stays anywhere in the data folder: the search index is rebuilt without
them (Chroma keeps written text in its queue otherwise), and the database, the index and the
keyword index are compacted (VACUUM; WAL files emptied).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.data.archive import build_archive, read_archive
from assistant.db import migrate
from assistant.db.repositories import ManagerRepository
from assistant.db.repositories.dump import DataRepository
from assistant.db.session import compact_database
from assistant.errors import BadInputError, CoachError

if TYPE_CHECKING:
    from assistant.services import Services

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    managers: list[str]
    counts: dict[str, int]
    replaced_demo: bool

    @property
    def message(self) -> str:
        who = ", ".join(self.managers) or "nobody"
        parts = [
            f"Imported the data of {who}: {self.counts.get('reports', 0)} reports, "
            f"{self.counts.get('meetings', 0)} meetings, "
            f"{self.counts.get('action_items', 0)} action items"
        ]
        if self.replaced_demo:
            parts.append("the demo team was removed first")
        return "; ".join(parts) + "."


@dataclass(frozen=True)
class RemovalResult:
    name: str
    meetings: int
    index_cleaned: bool

    @property
    def message(self) -> str:
        tail = "" if self.index_cleaned else " (the search index could not be opened: run "
        tail += "" if self.index_cleaned else "`coach index --rebuild`)"
        return f"Removed {self.name} and everything about them ({self.meetings} 1:1s).{tail}"


class DataService:
    """The manager's data, whole: out, in, and gone."""

    def __init__(self, services: Services) -> None:
        self.services = services

    # -- export ----------------------------------------------------------------------------------

    def export_archive(
        self, manager: str | None = None, *, now: dt.datetime | None = None
    ) -> bytes:
        """All managers' data (or one manager's) as the export zip's bytes."""
        with self.services.session() as session:
            ids = None
            if manager is not None:
                found = ManagerRepository(session).find_by_name(manager)
                if found is None:
                    raise BadInputError(f"No manager called '{manager}' to export.")
                ids = [found.id]
            tables = DataRepository(session).dump(ids)
        schema = migrate.current_revision(self.services.settings.resolved_database_url)
        return build_archive(tables, schema=schema, exported_at=now or dt.datetime.now(dt.UTC))

    # -- import ----------------------------------------------------------------------------------

    def import_archive(self, data: bytes) -> ImportResult:
        """Restore an export into an empty database (a demo team alone is removed first)."""
        archive = read_archive(data)
        replaced_demo = False
        with self.services.session() as session:
            managers = ManagerRepository(session).all()
        if managers and all(m.is_demo for m in managers):
            self.services.remove_demo_team()
            replaced_demo = True
        elif managers:
            raise BadInputError(
                "Import restores into an empty data folder, and this one has data. Point "
                "COACH_DATA_DIR (or COACH_DATABASE_URL) at a new place, then import."
            )
        with self.services.session() as session:
            repo = DataRepository(session)
            if not repo.is_empty():
                raise BadInputError("The data folder is not empty; nothing was imported.")
            counts = repo.load(archive.tables)
        names = [m["name"] for m in archive.tables.get("managers", [])]
        for row in archive.tables.get("managers", []):
            self.services.reindex_notes(int(row["id"]))
        return ImportResult(names, counts, replaced_demo)

    # -- removal ---------------------------------------------------------------------------------

    def remove_report(self, manager_id: int, report: int | str) -> RemovalResult:
        """Delete a report and every trace of their notes from the data folder."""
        with self.services.repos(manager_id) as repos:
            person = repos.reports.resolve(report)
            name, report_id = person.name, person.id
            meetings = len(repos.meetings.of_report(report_id))
            repos.reports.remove(report_id)
        index_cleaned = self._purge_index(manager_id)
        compact_database(self.services.engine)
        logger.info("removed report %s (%d meetings)", report_id, meetings)
        return RemovalResult(name, meetings, index_cleaned)

    def _purge_index(self, manager_id: int) -> bool:
        try:
            return self.services.purge_notes(manager_id)
        except (CoachError, OSError) as exc:
            logger.warning("could not clean the search index: %s", exc)
            return False
