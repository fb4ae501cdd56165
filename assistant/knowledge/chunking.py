"""Cut guidance files and meeting notes into passages for the index.

Guidance is cut at `##` headings; each chunk starts with "Title › Heading (topics)" so a
passage keeps its context both for the embedding and for keyword search. Notes are cut into
passages at paragraph and bullet boundaries. MiniLM reads at most 256 word pieces (~180
words), so passages stay under that: a longer passage would be embedded by its first part only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.knowledge.documents import (
    Chunk,
    GuidanceDocument,
    NoteDocument,
    date_key,
    guidance_doc_key,
    note_doc_key,
)

MAX_WORDS = 170
MIN_SECTION_WORDS = 5  # an intro shorter than this (e.g. only "# Title") is not a chunk
HEADING_SEPARATOR = " › "
# The file's front-matter topics go on each chunk's context line: they name the subject in
# the words people search with (measured: guidance MRR 0.802 -> 0.809, same recall).
TOPICS_IN_CHUNKS = True

_BULLET = re.compile(r"^\s{0,3}(?:[-*+•]|\d{1,3}[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _words(text: str) -> int:
    return len(text.split())


def split_blocks(text: str) -> list[str]:
    """Paragraphs and list items, in order. Indented lines stay with the item above them."""
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            block = "\n".join(current).strip()
            if block:
                blocks.append(block)
            current.clear()

    for line in text.splitlines():
        if not line.strip():
            flush()
        elif _BULLET.match(line) and not line.startswith(("    ", "\t")):
            flush()
            current.append(line.rstrip())
        else:
            current.append(line.rstrip())
    flush()
    return blocks


def _split_long_block(block: str, max_words: int) -> Iterator[str]:
    """A block over the limit is cut at sentence ends, and at word counts as a last resort."""
    piece: list[str] = []
    count = 0
    for sentence in _SENTENCE_END.split(block):
        words = sentence.split()
        while len(words) > max_words:  # one very long "sentence" (e.g. pasted without stops)
            if piece:
                yield " ".join(piece)
                piece, count = [], 0
            yield " ".join(words[:max_words])
            words = words[max_words:]
        if count + len(words) > max_words and piece:
            yield " ".join(piece)
            piece, count = [], 0
        if words:
            piece.append(" ".join(words))
            count += len(words)
    if piece:
        yield " ".join(piece)


def pack_blocks(blocks: list[str], max_words: int = MAX_WORDS) -> list[str]:
    """Greedily join consecutive blocks into passages of at most `max_words` words."""
    passages: list[str] = []
    current: list[str] = []
    count = 0
    for block in blocks:
        n = _words(block)
        if n > max_words:
            if current:
                passages.append("\n".join(current))
                current, count = [], 0
            passages.extend(_split_long_block(block, max_words))
            continue
        if current and count + n > max_words:
            passages.append("\n".join(current))
            current, count = [], 0
        current.append(block)
        count += n
    if current:
        passages.append("\n".join(current))
    return passages


def _sections(body: str, title: str) -> list[tuple[str, str]]:
    """(heading, section text) per `##` heading; text before the first one is "Overview"."""
    sections: list[tuple[str, list[str]]] = [("Overview", [])]
    in_fence = False
    for line in body.splitlines():
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        if not in_fence and line.startswith("## "):
            sections.append((line[3:].strip().strip("#").strip(), []))
        elif not in_fence and line.startswith("# ") and line[2:].strip() == title:
            continue  # the title heading repeats the front matter
        else:
            sections[-1][1].append(line)
    return [(heading, "\n".join(lines).strip()) for heading, lines in sections]


def chunk_guidance(doc: GuidanceDocument, max_words: int = MAX_WORDS) -> list[Chunk]:
    doc_key = guidance_doc_key(doc.source)
    chunks: list[Chunk] = []
    for heading, text in _sections(doc.body, doc.title):
        if _words(text) < MIN_SECTION_WORDS:
            continue
        prefix = f"{doc.title}{HEADING_SEPARATOR}{heading}"
        if doc.topics and TOPICS_IN_CHUNKS:
            prefix += f" ({', '.join(doc.topics)})"
        for passage in pack_blocks(split_blocks(text), max_words):
            chunks.append(
                Chunk(
                    id=f"{doc_key}:{len(chunks)}",
                    doc_key=doc_key,
                    doc_hash=doc.raw_hash,
                    kind="guidance",
                    text=f"{prefix}\n{passage}",
                    title=doc.title,
                    heading=heading,
                    source=doc.source,
                )
            )
    return chunks


def chunk_note(doc: NoteDocument, max_words: int = MAX_WORDS) -> list[Chunk]:
    """Passages of one meeting's notes; empty notes give no chunks (and so leave the index)."""
    doc_key = note_doc_key(doc.manager_id, doc.meeting_id)
    title = f"1:1 with {doc.report_name}"
    prefix = f"{title} on {doc.meeting_date.isoformat()}"
    doc_hash = doc.content_hash
    return [
        Chunk(
            id=f"{doc_key}:{i}",
            doc_key=doc_key,
            doc_hash=doc_hash,
            kind="note",
            text=f"{prefix}\n{passage}",
            title=title,
            heading="",
            source=f"meeting:{doc.meeting_id}",
            manager_id=doc.manager_id,
            report_id=doc.report_id,
            meeting_id=doc.meeting_id,
            date=date_key(doc.meeting_date),
            report_name=doc.report_name,
        )
        for i, passage in enumerate(pack_blocks(split_blocks(doc.text), max_words))
    ]
