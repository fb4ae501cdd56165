"""Hybrid retrieval: semantic (Chroma) + keyword (FTS5 BM25), fused by reciprocal rank fusion.

A `Retriever` is bound to one manager when it is built; no search parameter can widen it.
Guidance is shared by every manager; notes come only from that manager's own collection and
keyword rows, checked again on every result. Report and date filters narrow the notes only
(guidance has no report or date); `kind` picks one side.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Final

import numpy as np
from chromadb.api.models.Collection import Collection
from pydantic import BaseModel, ConfigDict, Field

from assistant.errors import BadInputError, InputTooLargeError, RetrievalError, StorageError
from assistant.knowledge.chunking import HEADING_SEPARATOR
from assistant.knowledge.documents import KINDS, Chunk, Kind, date_from_key, date_key
from assistant.knowledge.index import KnowledgeIndex

logger = logging.getLogger(__name__)

MAX_QUERY_CHARS: Final = 2_000
MAX_LIMIT: Final = 50
RRF_K: Final = 60  # the usual constant: damps the difference between rank 1 and rank 2
CANDIDATES: Final = 10  # per side and kind: deeper lists let weak double matches outrank a top hit
# Filtered Chroma queries are slow at scale, so a filtered note search first over-fetches
# unfiltered neighbours and filters them here; only when too few pass does it ask Chroma.
OVERFETCH: Final = 150


class SearchResult(BaseModel):
    """One retrieved passage with where it came from, ready to cite."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    chunk_id: str
    kind: Kind
    text: str = Field(description="The passage, starting with its 'Title › Heading' line.")
    score: float = Field(description="Reciprocal-rank-fusion score; higher is better.")
    citation: str = Field(description="'file.md › Heading' or 'Name, 1:1 on YYYY-MM-DD'.")
    title: str
    heading: str
    source: str = Field(description="Guidance file name, or 'meeting:<id>' for notes.")
    report_id: int | None = None
    report_name: str | None = None
    meeting_id: int | None = None
    meeting_date: date | None = None
    semantic_rank: int | None = Field(default=None, description="1-based; None if not found.")
    keyword_rank: int | None = Field(default=None, description="1-based; None if not found.")

    @property
    def body(self) -> str:
        """The passage without its context line."""
        return self.text.split("\n", 1)[1] if "\n" in self.text else self.text


def citation_for(chunk: Chunk) -> str:
    if chunk.kind == "guidance":
        return f"{chunk.source}{HEADING_SEPARATOR}{chunk.heading}"
    day = date_from_key(chunk.date).isoformat() if chunk.date else "unknown date"
    return f"{chunk.report_name}, 1:1 on {day}"


def validate_query(query: str) -> str:
    if not isinstance(query, str) or not query.strip():
        raise BadInputError("The search query is empty; type a few words to search for.")
    if len(query) > MAX_QUERY_CHARS:
        raise InputTooLargeError(
            f"The search query is {len(query):,} characters; the limit is {MAX_QUERY_CHARS:,}. "
            "Search with a shorter question or a few key words."
        )
    return query.strip()


def _chunk_from_chroma(chunk_id: str, text: str, meta: Mapping[str, Any]) -> Chunk:
    def opt_int(name: str) -> int | None:
        value = meta.get(name)
        return int(value) if value is not None else None

    return Chunk(
        id=chunk_id,
        doc_key=str(meta.get("doc_key", "")),
        doc_hash=str(meta.get("doc_hash", "")),
        kind="note" if meta.get("kind") == "note" else "guidance",
        text=text,
        title=str(meta.get("title", "")),
        heading=str(meta.get("heading", "")),
        source=str(meta.get("source", "")),
        manager_id=opt_int("manager_id"),
        report_id=opt_int("report_id"),
        meeting_id=opt_int("meeting_id"),
        date=opt_int("date"),
        report_name=str(meta["report_name"]) if meta.get("report_name") is not None else None,
    )


class Retriever:
    """Searches guidance plus the notes of the one manager it was built for."""

    def __init__(
        self,
        index: KnowledgeIndex,
        manager_id: int,
        *,
        rrf_k: int = RRF_K,
        candidates: int = CANDIDATES,
        overfetch: int = OVERFETCH,
    ) -> None:
        index.notes_collection_name(manager_id)  # validates the id
        self._index = index
        self._manager_id = manager_id
        self.rrf_k = rrf_k
        self.candidates = candidates
        self.overfetch = overfetch

    @property
    def manager_id(self) -> int:
        return self._manager_id

    def search(
        self,
        query: str,
        *,
        kind: Kind | None = None,
        report_id: int | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int = 5,
    ) -> list[SearchResult]:
        """The best `limit` passages for `query`, best first."""
        text = validate_query(query)
        if kind is not None and kind not in KINDS:
            raise BadInputError(f"Unknown kind {kind!r}; use one of: {', '.join(KINDS)}")
        if not 1 <= limit <= MAX_LIMIT:
            raise BadInputError(f"limit must be between 1 and {MAX_LIMIT}")
        if date_from and date_to and date_from > date_to:
            raise BadInputError("date_from is after date_to")
        filters = _NoteFilters(
            report_id,
            date_key(date_from) if date_from else None,
            date_key(date_to) if date_to else None,
        )
        n = max(self.candidates, limit)
        vector = self._index.embed([text])[0]
        ranked: list[list[tuple[Chunk, str]]] = []
        try:
            if kind in (None, "guidance"):
                ranked.append(self._vector(self._index.guidance(), vector, n, None))
                ranked.append(self._keyword(text, "guidance", n, None))
            if kind in (None, "note"):
                notes = self._index.notes(self._manager_id, create=False)
                if notes is not None:
                    ranked.append(self._vector(notes, vector, n, filters))
                ranked.append(self._keyword(text, "note", n, filters))
        except StorageError as e:
            raise RetrievalError(f"The knowledge index could not answer: {e}") from e
        return self._fuse(ranked, limit)

    # -- sides ---------------------------------------------------------------------------------

    def _vector(
        self,
        col: Collection,
        vector: np.ndarray[Any, np.dtype[np.float32]],
        n: int,
        filters: _NoteFilters | None,
    ) -> list[tuple[Chunk, str]]:
        filtered = filters is not None and filters.active
        fetch = max(self.overfetch, n) if filtered else n
        chunks = self._query(col, vector, fetch, None)
        if filtered and filters is not None:
            saw_all = len(chunks) < fetch  # the collection is smaller than the over-fetch
            chunks = [c for c in chunks if filters.accepts(c)]
            if len(chunks) < n and not saw_all:
                # Too few among the nearest: ask Chroma for an exact filtered search (slower).
                chunks = self._query(col, vector, n, filters.where())
        return [(c, "semantic") for c in chunks[:n] if self._allowed(c)]

    def _query(
        self,
        col: Collection,
        vector: np.ndarray[Any, np.dtype[np.float32]],
        n: int,
        where: dict[str, Any] | None,
    ) -> list[Chunk]:
        try:
            res = col.query(
                query_embeddings=[vector],  # type: ignore[arg-type]  # float32 is what Chroma stores
                n_results=n,
                where=where,
                include=["documents", "metadatas"],
            )
        except Exception as e:  # chromadb raises many types, incl. connection errors
            raise StorageError(f"Chroma query on {col.name!r} failed: {e}") from e
        ids = res["ids"][0]
        docs = (res["documents"] or [[]])[0]
        metas = (res["metadatas"] or [[]])[0]
        return [_chunk_from_chroma(i, d, m) for i, d, m in zip(ids, docs, metas, strict=True)]

    def _keyword(
        self, text: str, kind: Kind, n: int, filters: _NoteFilters | None
    ) -> list[tuple[Chunk, str]]:
        hits = self._index.keyword.search(
            text,
            kind=kind,
            manager_id=self._manager_id if kind == "note" else None,
            limit=n,
            report_id=filters.report_id if filters else None,
            date_from=filters.date_from if filters else None,
            date_to=filters.date_to if filters else None,
        )
        return [(h.chunk, "keyword") for h in hits if self._allowed(h.chunk)]

    def _allowed(self, chunk: Chunk) -> bool:
        """Second line of defence: a note must belong to this retriever's manager."""
        if chunk.kind == "guidance":
            return True
        if chunk.manager_id != self._manager_id:
            logger.error("Dropped a note of manager %s from a search", chunk.manager_id)
            return False
        return True

    # -- fusion --------------------------------------------------------------------------------

    def _fuse(self, ranked: Sequence[list[tuple[Chunk, str]]], limit: int) -> list[SearchResult]:
        scores: dict[str, float] = {}
        chunks: dict[str, Chunk] = {}
        ranks: dict[str, dict[str, int]] = {}
        for hits in ranked:
            for rank, (chunk, side) in enumerate(hits, start=1):
                scores[chunk.id] = scores.get(chunk.id, 0.0) + 1.0 / (self.rrf_k + rank)
                chunks.setdefault(chunk.id, chunk)
                ranks.setdefault(chunk.id, {}).setdefault(side, rank)
        best = sorted(scores, key=lambda cid: (-scores[cid], cid))[:limit]
        return [self._result(chunks[cid], scores[cid], ranks[cid]) for cid in best]

    @staticmethod
    def _result(chunk: Chunk, score: float, ranks: dict[str, int]) -> SearchResult:
        return SearchResult(
            chunk_id=chunk.id,
            kind=chunk.kind,
            text=chunk.text,
            score=score,
            citation=citation_for(chunk),
            title=chunk.title,
            heading=chunk.heading,
            source=chunk.source,
            report_id=chunk.report_id,
            report_name=chunk.report_name,
            meeting_id=chunk.meeting_id,
            meeting_date=date_from_key(chunk.date) if chunk.date else None,
            semantic_rank=ranks.get("semantic"),
            keyword_rank=ranks.get("keyword"),
        )


class _NoteFilters:
    def __init__(self, report_id: int | None, date_from: int | None, date_to: int | None) -> None:
        self.report_id = report_id
        self.date_from = date_from
        self.date_to = date_to

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.report_id, self.date_from, self.date_to))

    def accepts(self, chunk: Chunk) -> bool:
        if self.report_id is not None and chunk.report_id != self.report_id:
            return False
        if self.date_from is not None and (chunk.date or 0) < self.date_from:
            return False
        return not (self.date_to is not None and (chunk.date or 0) > self.date_to)

    def where(self) -> dict[str, Any]:
        clauses: list[dict[str, Any]] = []
        if self.report_id is not None:
            clauses.append({"report_id": self.report_id})
        if self.date_from is not None:
            clauses.append({"date": {"$gte": self.date_from}})
        if self.date_to is not None:
            clauses.append({"date": {"$lte": self.date_to}})
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}
