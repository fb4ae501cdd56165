"""KnowledgeIndex: chunking, metadata, incremental sync by content hash, edits and deletions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.errors import BadInputError
from assistant.knowledge.chunking import (
    MAX_WORDS,
    chunk_guidance,
    chunk_note,
    pack_blocks,
    split_blocks,
)
from assistant.knowledge.documents import load_guidance_file
from assistant.knowledge.index import KnowledgeIndex
from tests.knowledge.conftest import CountingEmbedding, IndexFactory, note


def _chroma_docs(index: KnowledgeIndex, manager_id: int | None = None) -> dict[str, str]:
    col = index.guidance() if manager_id is None else index.notes(manager_id)
    assert col is not None
    got = col.get(include=["documents"])
    return dict(zip(got["ids"], got["documents"] or [], strict=True))


def _keyword_keys(index: KnowledgeIndex, kind: str, manager_id: int | None = None) -> set[str]:
    return set(index.keyword.doc_hashes(kind, manager_id))  # type: ignore[arg-type]


# -- chunking ------------------------------------------------------------------------------


def test_guidance_is_chunked_by_heading_with_its_path(guidance_dir: Path) -> None:
    chunks = chunk_guidance(load_guidance_file(guidance_dir / "giving-feedback.md"))
    assert [c.heading for c in chunks] == ["Make feedback question-based", "Explain the impact"]
    first_line = chunks[0].text.split("\n", 1)[0]
    assert first_line == "Giving feedback › Make feedback question-based (feedback)"
    assert "title:" not in chunks[0].text  # front matter is not indexed
    assert {c.source for c in chunks} == {"giving-feedback.md"}


def test_long_notes_split_at_bullet_boundaries() -> None:
    bullets = "\n".join(f"- item {i}: " + "word " * 20 for i in range(30))
    chunks = chunk_note(note(1, bullets))
    assert len(chunks) > 1
    for chunk in chunks:
        body = chunk.text.split("\n", 1)[1]
        assert len(body.split()) <= MAX_WORDS
        assert body.startswith("- item")  # every passage starts on a bullet
    assert chunks[0].text.startswith("1:1 with Sam Lee on 2026-03-04\n")


def test_a_block_without_breaks_is_still_cut() -> None:
    passages = pack_blocks(split_blocks("word " * 1000), max_words=100)
    assert len(passages) == 10
    assert all(len(p.split()) <= 100 for p in passages)


def test_note_metadata_has_numeric_date_and_owner() -> None:
    (chunk,) = chunk_note(note(7, "Short note.", manager_id=3, report_id=9, day=date(2026, 3, 5)))
    meta = chunk.metadata()
    assert meta["date"] == 20260305
    assert (meta["manager_id"], meta["report_id"], meta["meeting_id"]) == (3, 9, 7)
    assert meta["kind"] == "note"


# -- guidance sync ---------------------------------------------------------------------------


def test_guidance_sync_indexes_files_but_not_readme(
    index: KnowledgeIndex, guidance_dir: Path
) -> None:
    stats = index.sync_guidance(guidance_dir)
    assert stats.added == 3
    docs = _chroma_docs(index)
    assert not any("Not guidance" in d for d in docs.values())
    metas = index.guidance().get(include=["metadatas"])["metadatas"] or []
    assert {m["source"] for m in metas} == {"giving-feedback.md", "cadence.md", "praise.md"}
    assert all(m["kind"] == "guidance" and m["title"] and m["heading"] for m in metas)
    assert _keyword_keys(index, "guidance") == {
        "guidance:giving-feedback.md",
        "guidance:cadence.md",
        "guidance:praise.md",
    }


def test_unchanged_guidance_is_not_embedded_again(
    index: KnowledgeIndex, guidance_dir: Path, counting: CountingEmbedding
) -> None:
    index.sync_guidance(guidance_dir)
    assert counting.texts_embedded > 0
    counting.reset()
    stats = index.sync_guidance(guidance_dir)
    assert counting.texts_embedded == 0
    assert (stats.unchanged, stats.chunks_embedded) == (3, 0)


def test_reopened_index_does_no_embedding_work(
    make_index: IndexFactory, tmp_path: Path, guidance_dir: Path, counting: CountingEmbedding
) -> None:
    make_index(tmp_path / "store").sync_guidance(guidance_dir)
    counting.reset()
    make_index(tmp_path / "store").sync_guidance(guidance_dir)
    assert counting.texts_embedded == 0


def test_edited_guidance_file_replaces_only_its_chunks(
    index: KnowledgeIndex, guidance_dir: Path, counting: CountingEmbedding
) -> None:
    index.sync_guidance(guidance_dir)
    counting.reset()
    path = guidance_dir / "cadence.md"
    path.write_text(
        path.read_text().replace("## How often to meet", "## Rhythm of meetings"), encoding="utf-8"
    )
    stats = index.sync_guidance(guidance_dir)
    assert (stats.updated, stats.unchanged) == (1, 2)
    assert counting.texts_embedded == 1  # cadence.md has a single section
    docs = _chroma_docs(index)
    assert any("Rhythm of meetings" in d for d in docs.values())
    assert not any("How often to meet" in d for d in docs.values())


def test_deleted_guidance_file_leaves_both_indexes(
    index: KnowledgeIndex, guidance_dir: Path
) -> None:
    index.sync_guidance(guidance_dir)
    (guidance_dir / "praise.md").unlink()
    stats = index.sync_guidance(guidance_dir)
    assert stats.removed == 1
    assert not any(k.startswith("guidance:praise.md") for k in _chroma_docs(index))
    assert "guidance:praise.md" not in _keyword_keys(index, "guidance")


def test_missing_guidance_folder_is_bad_input(index: KnowledgeIndex, tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="not found"):
        index.sync_guidance(tmp_path / "nowhere")


# -- notes sync ------------------------------------------------------------------------------


def test_notes_sync_is_incremental(index: KnowledgeIndex, counting: CountingEmbedding) -> None:
    docs = [note(1, "Talked about the roadmap."), note(2, "Career goals: wants to lead.")]
    assert index.sync_notes(1, docs).added == 2
    counting.reset()
    stats = index.sync_notes(1, docs)
    assert (stats.unchanged, stats.chunks_embedded, counting.texts_embedded) == (2, 0, 0)


def test_edited_notes_replace_the_meeting_chunks(
    index: KnowledgeIndex, counting: CountingEmbedding
) -> None:
    long_text = "\n\n".join("Paragraph about hiring plans. " * 12 for _ in range(4))
    index.sync_notes(1, [note(1, long_text), note(2, "Unrelated meeting.")])
    assert len([k for k in _chroma_docs(index, 1) if k.startswith("note:1:1:")]) > 1
    counting.reset()
    stats = index.sync_notes(
        1, [note(1, "Now only: budget freeze."), note(2, "Unrelated meeting.")]
    )
    assert (stats.updated, stats.unchanged, counting.texts_embedded) == (1, 1, 1)
    docs = _chroma_docs(index, 1)
    assert [d for k, d in docs.items() if k.startswith("note:1:1:")] == [
        "1:1 with Sam Lee on 2026-03-04\nNow only: budget freeze."
    ]
    hits = index.keyword.search("hiring", kind="note", manager_id=1, limit=5)
    assert hits == []


def test_meetings_missing_or_emptied_are_removed(index: KnowledgeIndex) -> None:
    index.sync_notes(1, [note(1, "First."), note(2, "Second."), note(3, "Third.")])
    stats = index.sync_notes(1, [note(1, "First."), note(2, "   \n")])
    assert stats.removed == 2
    assert {k.split(":")[2] for k in _chroma_docs(index, 1)} == {"1"}
    assert _keyword_keys(index, "note", 1) == {"note:1:1"}


def test_remove_meeting(index: KnowledgeIndex) -> None:
    index.sync_notes(1, [note(1, "First."), note(2, "Second.")])
    index.remove_meeting(1, 2)
    assert {k.split(":")[2] for k in _chroma_docs(index, 1)} == {"1"}
    assert _keyword_keys(index, "note", 1) == {"note:1:1"}


def test_syncing_one_manager_leaves_the_other_alone(index: KnowledgeIndex) -> None:
    index.sync_notes(1, [note(1, "Manager one notes.")])
    index.sync_notes(2, [note(5, "Manager two notes.", manager_id=2)])
    index.sync_notes(1, [])
    assert _chroma_docs(index, 1) == {}
    assert list(_chroma_docs(index, 2)) == ["note:2:5:0"]


def test_notes_of_another_manager_are_refused(index: KnowledgeIndex) -> None:
    with pytest.raises(BadInputError, match="belongs to manager 2"):
        index.sync_notes(1, [note(1, "x", manager_id=2)])


def test_lost_keyword_sidecar_is_refilled_without_embedding(
    make_index: IndexFactory, tmp_path: Path, guidance_dir: Path, counting: CountingEmbedding
) -> None:
    first = make_index(tmp_path / "store")
    first.sync_guidance(guidance_dir)
    first.sync_notes(1, [note(1, "Quarterly planning.")])
    first.keyword.clear()
    counting.reset()
    first.sync_guidance(guidance_dir)
    first.sync_notes(1, [note(1, "Quarterly planning.")])
    assert counting.texts_embedded == 0
    assert first.keyword.search("quarterly", kind="note", manager_id=1, limit=3)


def test_rebuild_embeds_everything_again(
    index: KnowledgeIndex, guidance_dir: Path, counting: CountingEmbedding
) -> None:
    index.sync_guidance(guidance_dir)
    index.sync_notes(1, [note(1, "Planning.")])
    counting.reset()
    stats = index.rebuild(guidance_dir, [note(1, "Planning.")])
    assert stats.added == 4
    assert counting.texts_embedded == stats.chunks_embedded > 0


def test_update_meeting_touches_only_that_meeting(
    index: KnowledgeIndex, counting: CountingEmbedding
) -> None:
    index.sync_notes(1, [note(1, "First."), note(2, "Second.")])
    counting.reset()
    assert index.update_meeting(note(2, "Second.")).unchanged == 1
    assert counting.texts_embedded == 0
    stats = index.update_meeting(note(2, "Second, edited."))
    assert (stats.updated, stats.removed, counting.texts_embedded) == (1, 0, 1)
    assert index.update_meeting(note(3, "Third, new.")).added == 1
    assert index.update_meeting(note(1, "  ")).removed == 1
    assert sorted(k.split(":")[2] for k in _chroma_docs(index, 1)) == ["2", "3"]
    assert _keyword_keys(index, "note", 1) == {"note:1:2", "note:1:3"}
