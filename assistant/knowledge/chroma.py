"""The Chroma client: embedded on disk by default, HTTP when a server is configured."""

from __future__ import annotations

import logging

import chromadb
from chromadb.api import ClientAPI
from chromadb.config import Settings as ChromaSettings

from assistant.config import Settings
from assistant.errors import StorageError

logger = logging.getLogger(__name__)


def chroma_settings() -> ChromaSettings:
    # Telemetry off: this app keeps managers' data on their machine and phones nobody.
    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def make_chroma_client(settings: Settings) -> ClientAPI:
    """`HttpClient(host, port)` when COACH_CHROMA_HOST is set, else a `PersistentClient`."""
    try:
        if settings.chroma_host:
            logger.info("Chroma server at %s:%s", settings.chroma_host, settings.chroma_port)
            return chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings()
            )
        path = settings.resolved_chroma_path
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings())
    except Exception as e:  # connection refused, bad path, incompatible store...
        where = (
            f"{settings.chroma_host}:{settings.chroma_port}"
            if settings.chroma_host
            else str(settings.resolved_chroma_path)
        )
        raise StorageError(f"Cannot open the Chroma index at {where}: {e}") from e
