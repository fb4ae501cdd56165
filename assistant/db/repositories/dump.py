"""Every table as plain JSON-ready rows, and back: the SQL side of `coach export` / `coach import`.

Tables come from the models' metadata in dependency order, so a table added by a later
migration is exported without code here changing. Rows keep their ids, which is what makes
export -> import -> export give the same content; on PostgreSQL the id sequences are moved past
the imported ids afterwards.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Date, Enum, Table, func, insert, select, text, update
from sqlalchemy.orm import Session

from assistant.db.models import Base, Manager
from assistant.db.types import UTCDateTime
from assistant.errors import BadInputError

Row = dict[str, Any]


def tables() -> list[Table]:
    """Every table of the schema, parents before children."""
    return list(Base.metadata.sorted_tables)


def _to_json(column_type: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(column_type, UTCDateTime) or isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _from_json(column_type: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, UTCDateTime):
        parsed = dt.datetime.fromisoformat(value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(value)
    if isinstance(column_type, Enum) and column_type.enum_class is not None:
        return column_type.enum_class(value)
    return value


class DataRepository:
    """Unscoped: it reads and writes whole managers (the data owner's export and import)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def is_empty(self) -> bool:
        return not self.session.scalar(select(func.count()).select_from(Manager))

    def dump(self, manager_ids: Iterable[int] | None = None) -> dict[str, list[Row]]:
        """{table: rows sorted by id}; only these managers' rows when `manager_ids` is given."""
        wanted = None if manager_ids is None else set(manager_ids)
        kept: dict[str, set[Any]] = {}
        out: dict[str, list[Row]] = {}
        for table in tables():
            stmt = select(table)
            if wanted is not None:
                if table.name == "managers":
                    stmt = stmt.where(table.c.id.in_(wanted))
                elif "manager_id" in table.c:
                    stmt = stmt.where(table.c.manager_id.in_(wanted))
                else:  # a table without an owner column: keep rows whose parents were kept
                    for fk in table.foreign_keys:
                        parent = kept.get(fk.column.table.name)
                        if parent is not None:
                            stmt = stmt.where(fk.parent.in_(parent))
            if "id" in table.c:
                stmt = stmt.order_by(table.c.id)
            rows = [
                {c.name: _to_json(c.type, r._mapping[c.name]) for c in table.columns}
                for r in self.session.execute(stmt)
            ]
            out[table.name] = rows
            if "id" in table.c:
                kept[table.name] = {r["id"] for r in rows}
        return out

    def load(self, data: dict[str, list[Row]]) -> dict[str, int]:
        """Insert exported rows as they were (ids kept); returns rows per table."""
        known = {t.name: t for t in tables()}
        unknown = sorted(set(data) - set(known))
        if unknown:
            raise BadInputError(
                f"The export has tables this version does not know ({', '.join(unknown)}); "
                "it was made by a newer version of 1:1 Coach."
            )
        counts: dict[str, int] = {}
        for table in tables():
            rows = data.get(table.name, [])
            counts[table.name] = len(rows)
            if not rows:
                continue
            extra = sorted({k for r in rows for k in r} - set(table.c.keys()))
            if extra:
                raise BadInputError(
                    f"The export's {table.name} has fields this version does not know "
                    f"({', '.join(extra)}); it was made by a newer version of 1:1 Coach."
                )
            # A row may point at a later row of its own table (a rescheduled 1:1): insert
            # those links after every row is there.
            self_refs = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
            prepared = [
                {
                    name: (None if name in self_refs else _from_json(table.c[name].type, value))
                    for name, value in row.items()
                }
                for row in rows
            ]
            self.session.execute(insert(table), prepared)
            for name in self_refs:
                for row in rows:
                    if row.get(name) is not None:
                        self.session.execute(
                            update(table).where(table.c.id == row["id"]).values({name: row[name]})
                        )
        self.session.flush()
        self._advance_sequences()
        return counts

    def _advance_sequences(self) -> None:
        if self.session.get_bind().dialect.name != "postgresql":
            return  # SQLite hands out max(id) + 1 by itself
        for table in tables():
            if "id" not in table.c:
                continue
            self.session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM {table.name}"
                )
            )
