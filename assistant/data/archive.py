"""The export file: one zip of JSON files (one per table) plus each report's notes as Markdown.

Layout (everything under `coach-export/`):
- `manifest.json`: format, version, schema revision, row counts and `exported_at` (the only
  thing that differs between two exports of the same data);
- `data/<table>.json`: the rows, sorted by id, keys sorted;
- `notes/<manager>/<report>/<YYYY-MM-DD>-<meeting id>.md`: each 1:1's notes, for reading.

Entries are written in a fixed order with a fixed timestamp, so the same data gives the same
bytes. `read_archive` checks what it is given before anything is imported.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assistant.errors import BadInputError, InputTooLargeError

ROOT = "coach-export"
FORMAT = "1on1-coach-export"
VERSION = 1
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
MAX_UNPACKED_BYTES = 1_000_000_000  # a zip bomb is refused before it is read
Rows = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class Archive:
    manifest: dict[str, Any]
    tables: Rows


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def _slug(name: str) -> str:
    return re.sub(r"[^\w.-]+", "-", name, flags=re.UNICODE).strip("-.") or "unnamed"


def notes_markdown(tables: Rows) -> dict[str, str]:
    """path -> Markdown of each meeting with notes (what a person reads in the export)."""
    managers = {m["id"]: m["name"] for m in tables.get("managers", [])}
    reports = {r["id"]: r for r in tables.get("reports", [])}
    files: dict[str, str] = {}
    for meeting in tables.get("meetings", []):
        notes, private = meeting.get("raw_notes") or "", meeting.get("private_notes") or ""
        if not notes.strip() and not private.strip():
            continue
        report = reports.get(meeting["report_id"], {"name": "unknown", "manager_id": None})
        day = str(meeting["scheduled_at"])[:10]
        path = (
            f"notes/{_slug(managers.get(report['manager_id'], 'unknown'))}/"
            f"{_slug(report['name'])}/{day}-{meeting['id']}.md"
        )
        text = [f"# 1:1 with {report['name']}, {day}", "", f"Status: {meeting['status']}", ""]
        if notes.strip():
            text += ["## Notes", "", notes.rstrip(), ""]
        if private.strip():
            text += ["## Private notes (yours only)", "", private.rstrip(), ""]
        files[path] = "\n".join(text)
    return files


def build_archive(tables: Rows, *, schema: str, exported_at: dt.datetime) -> bytes:
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "schema": schema,
        "exported_at": exported_at.astimezone(dt.UTC).isoformat(timespec="seconds"),
        "counts": {name: len(rows) for name, rows in sorted(tables.items())},
    }
    entries: dict[str, bytes] = {"manifest.json": _json(manifest)}
    for name, rows in tables.items():
        entries[f"data/{name}.json"] = _json(rows)
    for path, text in notes_markdown(tables).items():
        entries[path] = text.encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(entries):
            info = zipfile.ZipInfo(f"{ROOT}/{path}", date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, entries[path])
    return buffer.getvalue()


def read_archive(data: bytes) -> Archive:
    """The manifest and tables of an export; BadInputError for anything else."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise BadInputError("That file is not a 1:1 Coach export (not a zip file).") from exc
    with archive:
        if sum(i.file_size for i in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise InputTooLargeError("That export unpacks to more than 1 GB; nothing imported.")
        names = set(archive.namelist())
        if f"{ROOT}/manifest.json" not in names:
            raise BadInputError("That zip is not a 1:1 Coach export (no manifest.json).")
        manifest = _load(archive, f"{ROOT}/manifest.json")
        if not isinstance(manifest, Mapping) or manifest.get("format") != FORMAT:
            raise BadInputError("That zip is not a 1:1 Coach export.")
        if manifest.get("version") != VERSION:
            raise BadInputError(
                f"That export has format version {manifest.get('version')}; this version of "
                f"1:1 Coach reads version {VERSION}."
            )
        tables: Rows = {}
        for name in manifest.get("counts", {}):
            path = f"{ROOT}/data/{name}.json"
            if path not in names:
                raise BadInputError(f"The export is incomplete: {name}.json is missing.")
            rows = _load(archive, path)
            if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
                raise BadInputError(f"The export's {name}.json is damaged.")
            tables[name] = rows
        return Archive(dict(manifest), tables)


def _load(archive: zipfile.ZipFile, path: str) -> Any:
    try:
        return json.loads(archive.read(path).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, zipfile.BadZipFile) as exc:
        raise BadInputError(f"The export's {path.split('/')[-1]} is damaged.") from exc
