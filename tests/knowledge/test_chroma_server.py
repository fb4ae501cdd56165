"""Server mode: the same index and retriever against a real `chroma run` HTTP server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.knowledge.index import KnowledgeIndex
from assistant.knowledge.retriever import Retriever
from tests.knowledge.conftest import note

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _chroma_cli() -> str:
    beside_python = Path(sys.executable).parent / "chroma"
    found = str(beside_python) if beside_python.exists() else shutil.which("chroma")
    if not found:
        pytest.fail("the `chroma` CLI is not installed (it ships with the chromadb package)")
    return found


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    port = _free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    log = (data / "server.log").open("wb")
    proc = subprocess.Popen(
        [
            _chroma_cli(),
            "run",
            "--path",
            str(data / "db"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                url = f"http://127.0.0.1:{port}/api/v2/heartbeat"
                with urllib.request.urlopen(url, timeout=1) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(f"chroma server did not start: {(data / 'server.log').read_text()}")
            time.sleep(0.1)
        yield "127.0.0.1", port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_index_and_search_through_a_chroma_server(
    chroma_server: tuple[str, int], tmp_path: Path, guidance_dir: Path
) -> None:
    host, port = chroma_server
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, data_dir=tmp_path, chroma_host=host, chroma_port=port
    )
    index = KnowledgeIndex.from_settings(settings)
    try:
        assert index.sync_guidance(guidance_dir).added == 3
        index.sync_notes(1, [note(1, "Dana wants to run the Q3 offsite.", report_name="Dana Cole")])
        index.sync_notes(2, [note(2, "Eli is moving to the Lisbon office.", manager_id=2)])
        assert index.sync_guidance(guidance_dir).chunks_embedded == 0  # incremental over HTTP too

        results = Retriever(index, 1).search("offsite planning", limit=3)
        assert results[0].citation == "Dana Cole, 1:1 on 2026-03-04"
        assert not any("Lisbon" in r.text for r in Retriever(index, 1).search("Lisbon office"))

        # A second client (another app instance) sees the same collections, with our embedder.
        other = KnowledgeIndex.from_settings(settings)
        reopened = other.client.get_collection(other.guidance_collection_name())
        found = reopened.query(query_texts=["how often should we meet"], n_results=1)
        assert (found["metadatas"] or [[{}]])[0][0]["source"] == "cadence.md"
        other.close()

        index.remove_meeting(1, 1)
        notes = index.notes(1)
        assert notes is not None and notes.count() == 0
    finally:
        index.close()
