"""The knowledge index: guidance and meeting notes in Chroma (vectors) and FTS5 (keywords).

Layout: one shared guidance collection and one notes collection *per manager*. Separate note
collections make isolation structural (a manager's query can only open their own collection)
and keep queries fast: Chroma's `where` filtering over 100k chunks costs 100-600 ms, an
unfiltered query 3-8 ms (see docs/benchmarks.md). Collection names carry the embedding
model, so switching provider never mixes vectors of different models.

Sync is incremental by content hash: each chunk stores its document's hash; a document whose
hash is unchanged costs no embedding work. Chroma and the keyword sidecar are checked
separately, so either one can be lost and rebuilt without touching the other.
"""

from __future__ import annotations

import logging
import re
import shutil
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.api.types import Documents, EmbeddingFunction

from assistant.config import Settings
from assistant.errors import BadInputError, StorageError
from assistant.knowledge.chroma import make_chroma_client
from assistant.knowledge.chunking import chunk_guidance, chunk_note
from assistant.knowledge.documents import (
    Chunk,
    Kind,
    NoteDocument,
    guidance_doc_key,
    load_guidance_dir,
    note_doc_key,
)
from assistant.knowledge.embeddings import (
    embed_texts,
    embedding_model_key,
    make_embedding_function,
)
from assistant.knowledge.keyword import KeywordIndex
from assistant.paths import KNOWLEDGE_DIR

logger = logging.getLogger(__name__)

COLLECTION_PREFIX = "coach"
EMBED_BATCH = 256  # chunks embedded and written per Chroma call, bounds memory on big syncs


@dataclass
class SyncStats:
    """What one sync did. `chunks_embedded` is the embedding work actually paid for."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    chunks_embedded: int = 0
    chunks_removed: int = 0

    def __iadd__(self, other: SyncStats) -> SyncStats:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self


CHROMA_DB = "chroma.sqlite3"
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def compact_chroma_folder(folder: Path) -> None:
    """VACUUM Chroma's SQLite file and delete vector-segment folders no segment uses any more
    (Chroma leaves them behind when a collection is dropped)."""
    db = folder / CHROMA_DB
    try:
        conn = sqlite3.connect(db, timeout=10, isolation_level=None)
        try:
            live = {row[0] for row in conn.execute("SELECT id FROM segments")}
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error as e:
        raise StorageError(f"Could not compact the Chroma index at {folder}: {e}") from e
    for child in folder.iterdir():
        if child.is_dir() and _UUID.match(child.name) and child.name not in live:
            shutil.rmtree(child, ignore_errors=True)


def keyword_path_for(settings: Settings) -> Path:
    """The FTS5 sidecar lives next to the Chroma folder (also in server mode: it is local)."""
    chroma = settings.resolved_chroma_path
    return chroma.parent / f"{chroma.name}-keyword.sqlite3"


class KnowledgeIndex:
    """Writes guidance and notes into the index; `Retriever` reads it."""

    def __init__(
        self,
        client: ClientAPI,
        keyword: KeywordIndex,
        embedding_function: EmbeddingFunction[Documents],
        *,
        model_key: str = "minilm",
        chroma_folder: Path | None = None,
    ) -> None:
        self.client = client
        self.chroma_folder = chroma_folder  # embedded mode: where Chroma keeps its files
        self.keyword = keyword
        self.embedding_function = embedding_function
        self.model_key = model_key
        self._collections: dict[str, Collection] = {}
        # Chroma's stubs want an embedder of text *or* images; ours only does text.
        self._chroma_ef: Any = embedding_function

    @classmethod
    def from_settings(cls, settings: Settings) -> KnowledgeIndex:
        return cls(
            make_chroma_client(settings),
            KeywordIndex(keyword_path_for(settings)),
            make_embedding_function(settings),
            model_key=embedding_model_key(settings),
            chroma_folder=None if settings.chroma_host else settings.resolved_chroma_path,
        )

    # -- collections -------------------------------------------------------------------------

    def guidance_collection_name(self) -> str:
        return f"{COLLECTION_PREFIX}_guidance_{self.model_key}"

    def notes_collection_name(self, manager_id: int) -> str:
        if not isinstance(manager_id, int) or isinstance(manager_id, bool) or manager_id < 0:
            raise BadInputError(f"Invalid manager id: {manager_id!r}")
        return f"{COLLECTION_PREFIX}_notes_m{manager_id}_{self.model_key}"

    def collection(self, name: str, *, create: bool = True) -> Collection | None:
        """The named collection (cached), created on demand; None if absent and not `create`."""
        if name in self._collections:
            return self._collections[name]
        try:
            if create:
                col = self.client.get_or_create_collection(
                    name,
                    embedding_function=self._chroma_ef,
                    configuration={"hnsw": {"space": "cosine"}},
                )
            else:
                if name not in {c.name for c in self.client.list_collections()}:
                    return None
                col = self.client.get_collection(name, embedding_function=self._chroma_ef)
        except Exception as e:  # chromadb raises many types, incl. connection errors
            raise StorageError(f"Chroma collection {name!r} is not available: {e}") from e
        self._collections[name] = col
        return col

    def guidance(self) -> Collection:
        return cast(Collection, self.collection(self.guidance_collection_name()))

    def notes(self, manager_id: int, *, create: bool = True) -> Collection | None:
        return self.collection(self.notes_collection_name(manager_id), create=create)

    def embed(self, texts: list[str]) -> np.ndarray[Any, np.dtype[np.float32]]:
        return embed_texts(self.embedding_function, texts)

    # -- sync ----------------------------------------------------------------------------------

    def sync_guidance(self, directory: Path = KNOWLEDGE_DIR) -> SyncStats:
        """Index every guidance file in `directory`; files no longer there leave the index."""
        if not directory.is_dir():
            raise BadInputError(f"Guidance folder not found: {directory}")
        docs = load_guidance_dir(directory)
        wanted = {guidance_doc_key(d.source): chunk_guidance(d) for d in docs}
        hashes = {guidance_doc_key(d.source): d.raw_hash for d in docs}
        stats = self._sync(self.guidance(), "guidance", None, wanted, hashes)
        logger.info("Guidance sync from %s: %s", directory, stats)
        return stats

    def sync_notes(self, manager_id: int, docs: Iterable[NoteDocument]) -> SyncStats:
        """Make the index hold exactly `docs` for this manager (the complete current set)."""
        wanted: dict[str, list[Chunk]] = {}
        hashes: dict[str, str] = {}
        for doc in docs:
            if doc.manager_id != manager_id:
                raise BadInputError(
                    f"Meeting {doc.meeting_id} belongs to manager {doc.manager_id}, "
                    f"not {manager_id}"
                )
            chunks = chunk_note(doc)
            if chunks:  # empty notes are the same as no notes
                key = note_doc_key(manager_id, doc.meeting_id)
                wanted[key] = chunks
                hashes[key] = doc.content_hash
        col = cast(Collection, self.notes(manager_id))
        stats = self._sync(col, "note", manager_id, wanted, hashes)
        logger.info("Notes sync for manager %s: %s", manager_id, stats)
        return stats

    def update_meeting(self, doc: NoteDocument) -> SyncStats:
        """Index one meeting's current notes (after a save); other meetings are not read."""
        key = note_doc_key(doc.manager_id, doc.meeting_id)
        chunks = chunk_note(doc)
        col = cast(Collection, self.notes(doc.manager_id))
        found = self._chroma_call(lambda: col.get(where={"doc_key": key}, include=["metadatas"]))
        in_chroma = self._state(found["ids"], found["metadatas"] or [])
        in_keyword = {
            k: v for k, v in self.keyword.doc_hashes("note", doc.manager_id).items() if k == key
        }
        wanted = {key: chunks} if chunks else {}
        hashes = {key: doc.content_hash} if chunks else {}
        return self._sync(col, "note", doc.manager_id, wanted, hashes, in_chroma, in_keyword)

    def remove_meeting(self, manager_id: int, meeting_id: int) -> None:
        """Drop one meeting's chunks (meeting deleted, or its notes emptied)."""
        key = note_doc_key(manager_id, meeting_id)
        col = self.notes(manager_id, create=False)
        if col is not None:
            self._chroma_call(lambda: col.delete(where={"doc_key": key}))
        self.keyword.delete_documents([key])

    def purge_notes(self, manager_id: int, keep: Iterable[NoteDocument]) -> None:
        """Remove every note of this manager not in `keep`, leaving no copy of their text.

        Deleting chunks is not enough: Chroma keeps each write's full text in its queue
        (`embeddings_queue`) until a segment flush that small collections never reach. So the
        manager's collection is dropped (which clears its queue), recreated with the kept
        chunks (their vectors reused, nothing re-embedded), and both stores compacted.
        """
        keep_keys = {note_doc_key(manager_id, d.meeting_id) for d in keep}
        name = self.notes_collection_name(manager_id)
        old = self.notes(manager_id, create=False)
        kept: dict[str, Any] = {"ids": []}
        if old is not None:
            found = self._chroma_call(
                lambda: old.get(include=["embeddings", "documents", "metadatas"])
            )
            rows = [
                (i, e, d, m)
                for i, e, d, m in zip(
                    found["ids"],
                    found["embeddings"] if found["embeddings"] is not None else [],
                    found["documents"] or [],
                    found["metadatas"] or [],
                    strict=True,
                )
                if str(m["doc_key"]) in keep_keys
            ]
            kept = {
                "ids": [r[0] for r in rows],
                "embeddings": [r[1] for r in rows],
                "documents": [r[2] for r in rows],
                "metadatas": [r[3] for r in rows],
            }
            self._chroma_call(lambda: self.client.delete_collection(name))
            self._collections.pop(name, None)
        if kept["ids"]:
            col = cast(Collection, self.notes(manager_id))
            for start in range(0, len(kept["ids"]), EMBED_BATCH):
                part = {k: v[start : start + EMBED_BATCH] for k, v in kept.items()}
                self._chroma_call(lambda part=part: col.add(**part))
        gone = [k for k in self.keyword.doc_hashes("note", manager_id) if k not in keep_keys]
        self.keyword.delete_documents(gone)
        self.compact()

    def compact(self) -> None:
        """Rewrite both stores so deleted text is gone from their files (embedded mode only):
        the keyword index, Chroma's SQLite file, and segment folders of dropped collections."""
        self.keyword.compact()
        if self.chroma_folder is not None and (self.chroma_folder / CHROMA_DB).is_file():
            compact_chroma_folder(self.chroma_folder)

    def rebuild(
        self, guidance_dir: Path = KNOWLEDGE_DIR, notes: Iterable[NoteDocument] = ()
    ) -> SyncStats:
        """Drop this model's collections and the keyword index, then index everything again."""
        for col in self.client.list_collections():
            if col.name.startswith(f"{COLLECTION_PREFIX}_") and col.name.endswith(
                f"_{self.model_key}"
            ):
                self._chroma_call(lambda name=col.name: self.client.delete_collection(name))
        self._collections.clear()
        self.keyword.clear()
        stats = self.sync_guidance(guidance_dir)
        by_manager: dict[int, list[NoteDocument]] = defaultdict(list)
        for doc in notes:
            by_manager[doc.manager_id].append(doc)
        for manager_id, docs in sorted(by_manager.items()):
            stats += self.sync_notes(manager_id, docs)
        return stats

    def _sync(
        self,
        col: Collection,
        kind: Kind,
        manager_id: int | None,
        wanted: dict[str, list[Chunk]],
        hashes: dict[str, str],
        in_chroma: dict[str, tuple[str, list[str]]] | None = None,
        in_keyword: dict[str, str] | None = None,
    ) -> SyncStats:
        """Bring `col` and the keyword index to `wanted`; the states default to the whole scope."""
        stats = SyncStats()
        if in_chroma is None:
            in_chroma = self._chroma_state(col)
        if in_keyword is None:
            in_keyword = self.keyword.doc_hashes(kind, manager_id)

        # Vector side: embed only documents whose hash changed.
        to_embed: list[Chunk] = []
        stale_ids: list[str] = []
        for key, chunks in wanted.items():
            old = in_chroma.get(key)
            if old is None or old[0] != hashes[key]:
                to_embed.extend(chunks)
                new_ids = {c.id for c in chunks}
                stale_ids.extend(i for i in (old[1] if old else []) if i not in new_ids)
                if old is None:
                    stats.added += 1
                else:
                    stats.updated += 1
            else:
                stats.unchanged += 1
        for key, (_, ids) in in_chroma.items():
            if key not in wanted:
                stale_ids.extend(ids)
                stats.removed += 1
        if stale_ids:
            self._chroma_call(lambda: col.delete(ids=stale_ids))
            stats.chunks_removed = len(stale_ids)
        for start in range(0, len(to_embed), EMBED_BATCH):
            batch = to_embed[start : start + EMBED_BATCH]
            vectors = self.embed([c.text for c in batch])
            self._chroma_call(
                lambda batch=batch, vectors=vectors: col.upsert(
                    ids=[c.id for c in batch],
                    embeddings=vectors,
                    documents=[c.text for c in batch],
                    metadatas=[c.metadata() for c in batch],
                )
            )
        stats.chunks_embedded = len(to_embed)

        # Keyword side: no model involved, so it is simply brought in line.
        changes: dict[str, Sequence[Chunk]] = {
            key: chunks for key, chunks in wanted.items() if in_keyword.get(key) != hashes[key]
        }
        changes.update({key: () for key in in_keyword if key not in wanted})
        if changes:
            self.keyword.replace_documents(changes)
        return stats

    def _chroma_state(self, col: Collection) -> dict[str, tuple[str, list[str]]]:
        """doc_key -> (hash, chunk ids) of what the collection holds."""
        result = self._chroma_call(lambda: col.get(include=["metadatas"]))
        return self._state(result["ids"], result["metadatas"] or [])

    @staticmethod
    def _state(ids: list[str], metadatas: list[Any]) -> dict[str, tuple[str, list[str]]]:
        state: dict[str, tuple[str, list[str]]] = {}
        for chunk_id, meta in zip(ids, metadatas, strict=True):
            key, digest = str(meta["doc_key"]), str(meta["doc_hash"])
            entry = state.setdefault(key, (digest, []))
            if entry[0] != digest:  # a half-written document: force its re-index
                state[key] = ("", entry[1])
            state[key][1].append(chunk_id)
        return state

    @staticmethod
    def _chroma_call(fn: Any) -> Any:
        try:
            return fn()
        except Exception as e:  # chromadb raises many types, incl. connection errors
            raise StorageError(f"Chroma operation failed: {e}") from e

    def close(self) -> None:
        self.keyword.close()
