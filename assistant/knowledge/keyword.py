"""Keyword (BM25) side of hybrid retrieval: an SQLite FTS5 sidecar file next to the Chroma index.

Why FTS5 rather than an in-memory BM25 library: it updates one document at a time inside a
transaction (our sync is incremental), filters with plain SQL on the same rows, persists without
a load step, and needs nothing beyond the standard library.

Isolation: every note row carries scope tokens (`m<manager_id>`, `r<report_id>`) in an indexed
column of weight 0, and a note query ANDs them into the MATCH expression *and* checks
`manager_id` in SQL on every row it returns, so another manager's notes can neither match nor be
ranked. The scope tokens also make report filters cheap: FTS5 intersects posting lists instead
of scoring every match and filtering afterwards.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import StorageError
from assistant.knowledge.documents import Chunk, Kind

logger = logging.getLogger(__name__)

GUIDANCE_OWNER = "shared"
MAX_QUERY_TERMS = 32
# FTS5 runs bm25() on every row a query matches (~15-20 us a row here), so common terms make a
# query slow on a big index while adding little to BM25 (their IDF is low). On a big index the
# query keeps its rarest terms up to this many matched rows (always at least the rarest one):
# the classic "common terms" cut. See `_prune_common`.
ROW_BUDGET = 1_500
COMMON_SHARE = 0.4
MIN_SHARE_ROWS = 50

# Words that match nearly every passage: they cost time and add no signal to BM25.
STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself
    yourselves s t d ll re ve m""".split()
)

_TOKEN = re.compile(r"\w+", re.UNICODE)

# Bumped when the layout changes: the sidecar is derived data, so an old one is dropped and
# refilled by the next sync (no embedding work: the vectors live in Chroma).
SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS chunks (
    rowid INTEGER PRIMARY KEY,
    chunk_id TEXT NOT NULL UNIQUE,
    doc_key TEXT NOT NULL,
    doc_hash TEXT NOT NULL,
    kind TEXT NOT NULL,
    owner TEXT NOT NULL,
    manager_id INTEGER,
    report_id INTEGER,
    meeting_id INTEGER,
    date INTEGER,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    heading TEXT NOT NULL,
    report_name TEXT,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks (doc_key);
CREATE INDEX IF NOT EXISTS chunks_scope ON chunks (kind, manager_id);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5 (
    text, owner, content='chunks', content_rowid='rowid',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS chunks_ai AFTER INSERT ON chunks BEGIN
    INSERT INTO chunks_fts (rowid, text, owner) VALUES (new.rowid, new.text, new.owner);
END;
CREATE TRIGGER IF NOT EXISTS chunks_ad AFTER DELETE ON chunks BEGIN
    INSERT INTO chunks_fts (chunks_fts, rowid, text, owner)
    VALUES ('delete', old.rowid, old.text, old.owner);
END;
-- ORDER BY rank then uses BM25 on the text only (the scope column has weight 0).
INSERT INTO chunks_fts (chunks_fts, rank) VALUES ('rank', 'bm25(1.0, 0.0)');
"""
_DROP = """
DROP TRIGGER IF EXISTS chunks_ai;
DROP TRIGGER IF EXISTS chunks_ad;
DROP TABLE IF EXISTS chunks_fts;
DROP TABLE IF EXISTS chunks;
"""

_COLUMNS = (
    "chunk_id, doc_key, doc_hash, kind, manager_id, report_id, meeting_id, date, "
    "source, title, heading, report_name, text"
)


_SELECT = ", ".join("c." + col.strip() for col in _COLUMNS.split(","))


@dataclass(frozen=True)
class KeywordHit:
    chunk: Chunk
    score: float  # BM25, higher is better


def owner_token(manager_id: int | None) -> str:
    return GUIDANCE_OWNER if manager_id is None else f"m{manager_id}"


def scope_tokens(chunk: Chunk) -> str:
    if chunk.kind == "guidance" or chunk.manager_id is None:
        return GUIDANCE_OWNER
    report = f" r{chunk.report_id}" if chunk.report_id is not None else ""
    return owner_token(chunk.manager_id) + report


def query_terms(query: str) -> list[str]:
    """The query's distinct words, stopwords removed unless nothing else is left."""
    words = [w.lower() for w in _TOKEN.findall(query)]
    kept = [w for w in words if w not in STOPWORDS] or words
    return list(dict.fromkeys(kept))[:MAX_QUERY_TERMS]


def match_expression(query: str) -> str | None:
    """A safe FTS5 OR-query of the query's words (quoted, so no FTS syntax gets through)."""
    return _or_terms(query_terms(query))


def _or_terms(terms: list[str]) -> str | None:
    return " OR ".join(f'"{w}"' for w in terms) if terms else None


def _row_to_chunk(row: sqlite3.Row) -> Chunk:
    return Chunk(
        id=row["chunk_id"],
        doc_key=row["doc_key"],
        doc_hash=row["doc_hash"],
        kind=row["kind"],
        text=row["text"],
        title=row["title"],
        heading=row["heading"],
        source=row["source"],
        manager_id=row["manager_id"],
        report_id=row["report_id"],
        meeting_id=row["meeting_id"],
        date=row["date"],
        report_name=row["report_name"],
    )


class KeywordIndex:
    """BM25 search over chunks in one SQLite file (`:memory:` works for throwaway use)."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            # One connection guarded by a lock: Streamlit and the CLI call us from threads.
            self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:
                if version:
                    logger.info("Keyword index %s has layout %s; rebuilding", self.path, version)
                self._conn.executescript(_DROP + _SCHEMA)
                self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.Error as e:
            raise StorageError(f"Cannot open the keyword index at {self.path}: {e}") from e
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
                self._conn.execute("COMMIT")
            except sqlite3.Error as e:
                raise StorageError(f"Keyword index update failed ({self.path}): {e}") from e

    def doc_hashes(self, kind: Kind, manager_id: int | None = None) -> dict[str, str]:
        """doc_key -> content hash of what is indexed, for one kind (and one manager's notes)."""
        sql = "SELECT DISTINCT doc_key, doc_hash FROM chunks WHERE kind = ?"
        params: list[object] = [kind]
        if manager_id is not None:
            sql += " AND manager_id = ?"
            params.append(manager_id)
        with self._lock:
            return {row["doc_key"]: row["doc_hash"] for row in self._conn.execute(sql, params)}

    def replace_documents(self, chunks_by_doc: dict[str, Sequence[Chunk]]) -> None:
        """Swap the chunks of each document in one transaction (no chunks = remove it)."""
        with self._transaction() as conn:
            for doc_key, chunks in chunks_by_doc.items():
                conn.execute("DELETE FROM chunks WHERE doc_key = ?", (doc_key,))
                conn.executemany(
                    f"INSERT INTO chunks (owner, {_COLUMNS}) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            scope_tokens(c),
                            c.id,
                            c.doc_key,
                            c.doc_hash,
                            c.kind,
                            c.manager_id,
                            c.report_id,
                            c.meeting_id,
                            c.date,
                            c.source,
                            c.title,
                            c.heading,
                            c.report_name,
                            c.text,
                        )
                        for c in chunks
                    ],
                )

    def delete_documents(self, doc_keys: Iterable[str]) -> None:
        self.replace_documents({key: () for key in doc_keys})

    def clear(self) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM chunks")

    def compact(self) -> None:
        """Rewrite the file so deleted chunks leave no trace: merge the FTS index (deleted terms
        linger in its segments until then), VACUUM, and empty the WAL."""
        with self._lock:
            try:
                self._conn.execute("INSERT INTO chunks_fts (chunks_fts) VALUES ('optimize')")
                if self.path != ":memory:":
                    self._conn.execute("VACUUM")
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error as e:
                raise StorageError(f"Could not compact the keyword index {self.path}: {e}") from e

    def count(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM chunks").fetchone()[0])

    def search(
        self,
        query: str,
        *,
        kind: Kind,
        manager_id: int | None,
        limit: int,
        report_id: int | None = None,
        date_from: int | None = None,
        date_to: int | None = None,
    ) -> list[KeywordHit]:
        """Best BM25 matches of one kind. Notes need `manager_id`; guidance ignores it."""
        terms = query_terms(query)
        if not terms:
            return []
        if kind == "note":
            if manager_id is None:
                raise ValueError("A note search needs the manager_id it is scoped to")
            scope = f'owner:"{owner_token(manager_id)}"'
            if report_id is not None:
                scope += f' AND owner:"r{int(report_id)}"'
        else:
            scope = f'owner:"{GUIDANCE_OWNER}"'
        # Rank inside FTS5 first (it only has to keep the best few), then read those rows.
        # A date window is not in the index, so then over-fetch and filter.
        windowed = date_from is not None or date_to is not None
        fetch = limit * 10 if windowed else limit
        try:
            with self._lock:
                match = f"{scope} AND ({_or_terms(self._prune_common(terms, scope))})"
                ranked = self._conn.execute(
                    "SELECT rowid, rank FROM chunks_fts WHERE chunks_fts MATCH ? "
                    "ORDER BY rank LIMIT ?",
                    (match, fetch),
                ).fetchall()
                hits = self._rows(ranked, kind, manager_id, date_from, date_to)
                if windowed and len(hits) < limit and len(ranked) == fetch:
                    hits = self._windowed(match, kind, manager_id, date_from, date_to, limit)
        except sqlite3.Error as e:
            raise StorageError(f"Keyword search failed ({self.path}): {e}") from e
        return hits[:limit]

    def _prune_common(self, terms: list[str], scope: str) -> list[str]:
        """Drop terms too common to help, keeping the rarest one; query order is kept.

        In a small scope, a term in over COMMON_SHARE of its passages is noise for BM25 (in
        this product "1:1" is in nearly every passage). In a big scope, keep the rarest terms
        whose matches fit ROW_BUDGET, so bm25() runs on a bounded number of rows.
        """
        if len(terms) < 2:
            return terms
        cap = ROW_BUDGET + 1
        scope_rows = self._count(scope, cap)
        rows = {term: self._count(f'{scope} AND text:"{term}"', cap) for term in terms}
        ordered = sorted(terms, key=lambda t: rows[t])
        if scope_rows < MIN_SHARE_ROWS:
            return terms  # too few passages to tell common from rare
        if scope_rows < cap:
            kept = {t for t in ordered if rows[t] <= COMMON_SHARE * scope_rows} or {ordered[0]}
        else:
            kept, used = set(), 0
            for term in ordered:
                if kept and used + rows[term] > ROW_BUDGET:
                    break
                kept.add(term)
                used += rows[term]
        return [t for t in terms if t in kept]

    def _count(self, match: str, cap: int) -> int:
        """Rows matching `match`, counted up to `cap` (cheap: no ranking)."""
        (n,) = self._conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM chunks_fts WHERE chunks_fts MATCH ? LIMIT ?)",
            (match, cap),
        ).fetchone()
        return int(n)

    def _rows(
        self,
        ranked: list[sqlite3.Row],
        kind: Kind,
        manager_id: int | None,
        date_from: int | None,
        date_to: int | None,
    ) -> list[KeywordHit]:
        if not ranked:
            return []
        score = {int(r["rowid"]): -float(r["rank"]) for r in ranked}  # bm25() is lower-better
        where, params = self._where(kind, manager_id, date_from, date_to)
        marks = ",".join("?" * len(score))
        rows = self._conn.execute(
            f"SELECT c.rowid AS rid, {_SELECT} FROM chunks AS c "
            f"WHERE c.rowid IN ({marks}) AND {where}",
            [*score, *params],
        ).fetchall()
        hits = [KeywordHit(_row_to_chunk(row), score[int(row["rid"])]) for row in rows]
        return sorted(hits, key=lambda h: -h.score)

    def _windowed(
        self,
        match: str,
        kind: Kind,
        manager_id: int | None,
        date_from: int | None,
        date_to: int | None,
        limit: int,
    ) -> list[KeywordHit]:
        where, params = self._where(kind, manager_id, date_from, date_to)
        rows = self._conn.execute(
            f"SELECT {_SELECT}, chunks_fts.rank AS rank "
            "FROM chunks_fts JOIN chunks AS c ON c.rowid = chunks_fts.rowid "
            f"WHERE chunks_fts MATCH ? AND {where} ORDER BY chunks_fts.rank LIMIT ?",
            [match, *params, limit],
        ).fetchall()
        return [KeywordHit(_row_to_chunk(row), -float(row["rank"])) for row in rows]

    @staticmethod
    def _where(
        kind: Kind, manager_id: int | None, date_from: int | None, date_to: int | None
    ) -> tuple[str, list[object]]:
        """SQL checks repeated on every returned row: kind, owner and the date window."""
        clauses = ["c.kind = ?"]
        params: list[object] = [kind]
        if kind == "note":
            clauses.append("c.manager_id = ?")
            params.append(manager_id)
        if date_from is not None:
            clauses.append("c.date >= ?")
            params.append(date_from)
        if date_to is not None:
            clauses.append("c.date <= ?")
            params.append(date_to)
        return " AND ".join(clauses), params
