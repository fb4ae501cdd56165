"""Knowledge commands: `coach index` (sync guidance + notes) and `coach search`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli.context import parse_date, print_json, services
from assistant.errors import BadInputError

if TYPE_CHECKING:
    from assistant.knowledge.documents import Kind
    from assistant.knowledge.index import KnowledgeIndex, SyncStats
    from assistant.services import Services


# Hidden: tests and packagers point at another guidance folder; users never need it.
_GuidanceDir = Annotated[Path | None, typer.Option(hidden=True, help="Guidance folder.")]


def _report_id(svc: Services, manager_id: int, name: str) -> int:
    return svc.team.report(manager_id, name).id


def _open_index(svc: Services) -> KnowledgeIndex:
    from assistant.knowledge.index import KnowledgeIndex

    return KnowledgeIndex.from_settings(svc.settings)


def _describe(stats: SyncStats) -> str:
    return (
        f"{stats.added} added, {stats.updated} updated, {stats.removed} removed, "
        f"{stats.unchanged} unchanged ({stats.chunks_embedded} passages embedded)"
    )


def index(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Drop the index and build it again from scratch.")
    ] = False,
    manager: Annotated[str | None, typer.Option(help="Whose notes (default: yours).")] = None,
    guidance_dir: _GuidanceDir = None,
) -> None:
    """Index the guidance and your meeting notes for search (only changes are re-embedded)."""
    from assistant.paths import KNOWLEDGE_DIR

    folder = guidance_dir or KNOWLEDGE_DIR
    svc = services()
    idx = _open_index(svc)
    try:
        if rebuild:
            # Rebuilding drops every manager's notes, so every manager's notes come back.
            docs = [d for m in svc.managers() for d in svc.note_documents(m.id)]
            typer.echo(f"Rebuilt the index: {_describe(idx.rebuild(folder, docs))}")
            return
        who = svc.resolve_manager(manager)
        typer.echo(f"Guidance: {_describe(idx.sync_guidance(folder))}")
        notes = idx.sync_notes(who.id, svc.note_documents(who.id))
        typer.echo(f"Notes of {who.name}: {_describe(notes)}")
    finally:
        idx.close()


def search(
    query: Annotated[str, typer.Argument(help="What to look for, in your own words.")],
    report: Annotated[str | None, typer.Option(help="Only notes about this report.")] = None,
    kind: Annotated[
        str | None, typer.Option(help="guidance or note (default: both).", show_default=False)
    ] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Notes on or after YYYY-MM-DD.")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Notes on or before YYYY-MM-DD.")
    ] = None,
    limit: Annotated[int, typer.Option(help="How many passages.", min=1, max=50)] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    manager: Annotated[str | None, typer.Option(help="Whose notes (default: yours).")] = None,
    sync: Annotated[
        bool, typer.Option(help="Index changed guidance and notes first (hash check only).")
    ] = True,
    guidance_dir: _GuidanceDir = None,
) -> None:
    """Search the guidance and your past 1:1 notes (semantic + keyword)."""
    from assistant.knowledge.documents import KINDS
    from assistant.knowledge.retriever import Retriever, validate_query
    from assistant.paths import KNOWLEDGE_DIR

    validate_query(query)  # fail fast, before loading anything
    if kind is not None and kind not in KINDS:
        raise BadInputError(f"--kind must be one of: {', '.join(KINDS)}")
    chosen: Kind | None = kind  # narrowed by the check above
    start: dt.date | None = parse_date(date_from, option="--from")
    end: dt.date | None = parse_date(date_to, option="--to")
    svc = services()
    who = svc.resolve_manager(manager)
    report_id = _report_id(svc, who.id, report) if report else None
    idx = _open_index(svc)
    try:
        if sync:  # cheap when nothing changed (hash comparison only), keeps results current
            idx.sync_guidance(guidance_dir or KNOWLEDGE_DIR)
            idx.sync_notes(who.id, svc.note_documents(who.id))
        results = Retriever(idx, who.id).search(
            query, kind=chosen, report_id=report_id, date_from=start, date_to=end, limit=limit
        )
    finally:
        idx.close()
    if as_json:
        print_json([r.model_dump(mode="json") for r in results])
        return
    if not results:
        typer.echo("No matches.")
    for n, r in enumerate(results, start=1):
        where = f" (meeting {r.meeting_id})" if r.meeting_id is not None else ""
        typer.echo(f"{n}. [{r.kind}] {r.citation}{where}")
        typer.echo("   " + " ".join(r.body.split())[:300])


def register(app: typer.Typer) -> None:
    app.command("index")(index)
    app.command("search")(search)
