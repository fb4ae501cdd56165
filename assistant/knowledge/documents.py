"""What goes into the knowledge index: guidance files and past meeting notes, and their chunks."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

import yaml

logger = logging.getLogger(__name__)

Kind = Literal["guidance", "note"]
KINDS: tuple[Kind, ...] = ("guidance", "note")

# Bumped whenever chunking changes, so every document is re-chunked on the next sync.
CHUNKER_VERSION = "1"

EXCLUDED_GUIDANCE_FILES = frozenset({"readme.md"})


@dataclass(frozen=True)
class NoteDocument:
    """The raw notes of one meeting, as the DB layer hands them over (never private notes)."""

    manager_id: int
    report_id: int
    meeting_id: int
    meeting_date: date
    report_name: str
    text: str

    @property
    def content_hash(self) -> str:
        return content_hash(
            self.text, self.report_name, self.meeting_date.isoformat(), str(self.report_id)
        )


@dataclass(frozen=True)
class GuidanceDocument:
    """One Markdown guidance file: front matter fields plus the Markdown body."""

    source: str  # file name, e.g. "feedback.md"
    title: str
    body: str
    topics: tuple[str, ...] = ()
    raw_hash: str = ""


@dataclass(frozen=True)
class Chunk:
    """One indexed passage. `text` is what is embedded and keyword-indexed."""

    id: str
    doc_key: str
    doc_hash: str
    kind: Kind
    text: str
    title: str
    heading: str
    source: str
    manager_id: int | None = None
    report_id: int | None = None
    meeting_id: int | None = None
    date: int | None = None  # YYYYMMDD: Chroma range filters only work on numbers
    report_name: str | None = None

    def metadata(self) -> dict[str, str | int]:
        meta: dict[str, str | int] = {
            "doc_key": self.doc_key,
            "doc_hash": self.doc_hash,
            "kind": self.kind,
            "title": self.title,
            "heading": self.heading,
            "source": self.source,
        }
        optional: dict[str, str | int | None] = {
            "manager_id": self.manager_id,
            "report_id": self.report_id,
            "meeting_id": self.meeting_id,
            "date": self.date,
            "report_name": self.report_name,
        }
        meta.update({k: v for k, v in optional.items() if v is not None})
        return meta


def content_hash(*parts: str) -> str:
    digest = hashlib.sha256(CHUNKER_VERSION.encode())
    for part in parts:
        digest.update(b"\x00" + part.encode("utf-8"))
    return digest.hexdigest()[:32]


def date_key(day: date) -> int:
    return day.year * 10_000 + day.month * 100 + day.day


def date_from_key(key: int) -> date:
    return date(key // 10_000, key // 100 % 100, key % 100)


def note_doc_key(manager_id: int, meeting_id: int) -> str:
    return f"note:{manager_id}:{meeting_id}"


def guidance_doc_key(source: str) -> str:
    return f"guidance:{source}"


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """YAML front matter between leading `---` lines, and the rest. Bad YAML -> no fields."""
    if not text.startswith("---"):
        return {}, text
    lines = text.splitlines(keepends=True)
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            try:
                data = yaml.safe_load("".join(lines[1:i])) or {}
            except yaml.YAMLError as e:
                logger.warning("Ignoring unreadable front matter: %s", e)
                data = {}
            return (data if isinstance(data, dict) else {}), "".join(lines[i + 1 :])
    return {}, text


def load_guidance_file(path: Path) -> GuidanceDocument:
    raw = path.read_text(encoding="utf-8")
    meta, body = split_front_matter(raw)
    title = str(meta.get("title") or "").strip()
    if not title:
        first_h1 = next((ln[2:].strip() for ln in body.splitlines() if ln.startswith("# ")), "")
        title = first_h1 or path.stem.replace("-", " ").replace("_", " ").capitalize()
    topics_raw = meta.get("topics") or []
    topics = tuple(str(t) for t in topics_raw) if isinstance(topics_raw, list) else ()
    return GuidanceDocument(
        source=path.name,
        title=title,
        body=body,
        topics=topics,
        raw_hash=content_hash(raw),
    )


def load_guidance_dir(directory: Path) -> list[GuidanceDocument]:
    """Every `*.md` in the folder (not recursive), except README.md, sorted by name."""
    docs = []
    for path in sorted(directory.glob("*.md")):
        if path.name.lower() in EXCLUDED_GUIDANCE_FILES or not path.is_file():
            continue
        docs.append(load_guidance_file(path))
    return docs
