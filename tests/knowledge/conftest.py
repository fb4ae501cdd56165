"""Knowledge fixtures: the real embedding model (loaded once), real Chroma and FTS5 in tmp_path."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import chromadb
import numpy as np
import numpy.typing as npt
import pytest

from assistant.knowledge.chroma import chroma_settings
from assistant.knowledge.documents import NoteDocument
from assistant.knowledge.embeddings import LocalMiniLMEmbedding
from assistant.knowledge.index import KnowledgeIndex
from assistant.knowledge.keyword import KeywordIndex


class CountingEmbedding(LocalMiniLMEmbedding):
    """The real model, counting how many texts it was asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.texts_embedded = 0
        self.calls = 0

    def embed_array(self, texts: list[str]) -> npt.NDArray[np.float32]:
        self.calls += 1
        self.texts_embedded += len(texts)
        return super().embed_array(texts)

    def reset(self) -> None:
        self.texts_embedded = 0
        self.calls = 0


@pytest.fixture(scope="session")
def model() -> LocalMiniLMEmbedding:
    """Loads the ONNX model once per session (later instances share the loaded session)."""
    ef = LocalMiniLMEmbedding()
    ef.embed_array(["warm up"])
    return ef


@pytest.fixture
def counting(model: LocalMiniLMEmbedding) -> CountingEmbedding:
    return CountingEmbedding()


IndexFactory = Callable[[Path], KnowledgeIndex]


@pytest.fixture
def make_index(counting: CountingEmbedding) -> Iterator[IndexFactory]:
    opened: list[KnowledgeIndex] = []

    def make(folder: Path) -> KnowledgeIndex:
        client = chromadb.PersistentClient(path=str(folder / "chroma"), settings=chroma_settings())
        index = KnowledgeIndex(client, KeywordIndex(folder / "chroma-keyword.sqlite3"), counting)
        opened.append(index)
        return index

    yield make
    for index in opened:
        index.close()


@pytest.fixture
def index(make_index: IndexFactory, tmp_path: Path) -> KnowledgeIndex:
    return make_index(tmp_path / "store")


FEEDBACK_MD = """---
title: "Giving feedback"
topics: [feedback]
sections: [feedback_for_report]
sources: []
---

# Giving feedback

## Make feedback question-based

Ask how it went before you say what you saw: "What do you think happened there?" The report
reaches their own conclusion, which makes hard conversations easier.

## Explain the impact

Constructive feedback lands when you explain how the behaviour affects the team and its goals.
Be specific about what happened, when, and what it caused.
"""

CADENCE_MD = """---
title: "Cadence and scheduling"
topics: [cadence]
---

# Cadence and scheduling

## How often to meet

Weekly or biweekly one-on-ones work for most teams; meet at least monthly. Keep the slot
sacred and reschedule instead of cancelling.
"""

PRAISE_MD = """---
title: "Praise and recognition"
---

## Make praise specific

Generic compliments are easy to dismiss. Name the action, the skill behind it and the result,
and praise often: a lack of praise reads as disapproval.
"""


@pytest.fixture
def guidance_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    folder.mkdir()
    (folder / "giving-feedback.md").write_text(FEEDBACK_MD, encoding="utf-8")
    (folder / "cadence.md").write_text(CADENCE_MD, encoding="utf-8")
    (folder / "praise.md").write_text(PRAISE_MD, encoding="utf-8")
    (folder / "README.md").write_text("# About this folder\n\nNot guidance at all.\n")
    (folder / "questions.yaml").write_text("questions: []\n")
    return folder


def note(
    meeting_id: int,
    text: str,
    *,
    manager_id: int = 1,
    report_id: int = 10,
    report_name: str = "Sam Lee",
    day: date = date(2026, 3, 4),
) -> NoteDocument:
    return NoteDocument(manager_id, report_id, meeting_id, day, report_name, text)
