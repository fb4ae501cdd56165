"""Data ownership: `coach export`, `coach import`, `coach report remove`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.context import services
from assistant.errors import BadInputError, StorageError


def export(
    path: Annotated[Path, typer.Argument(help="Zip file to write, e.g. coach-export.zip.")],
    manager: Annotated[
        str | None, typer.Option(help="Only this manager's data (default: everyone's).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write everything to one zip: JSON per table plus each report's notes as Markdown."""
    if path.exists() and not force:
        raise BadInputError(f"{path} exists; choose another name or add --force.")
    data = services().data.export_archive(manager)
    try:
        # The export holds private notes: readable by you only, like the data folder.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise StorageError(f"Could not write {path}: {exc.strerror}") from exc
    typer.echo(f"Exported to {path} ({len(data) // 1024 + 1} KB).")


def import_(
    path: Annotated[Path, typer.Argument(help="A zip written by `coach export`.")],
) -> None:
    """Restore an export into an empty data folder (a demo team alone is replaced)."""
    if not path.is_file():
        raise BadInputError(f"No such file: {path}")
    result = services().data.import_archive(path.read_bytes())
    typer.echo(result.message)


report_app = typer.Typer(help="Manage the people in your team.", no_args_is_help=True)


@report_app.command("remove")
def remove(
    name: Annotated[str, typer.Argument(help="The report's full name (or unique first name).")],
    yes: Annotated[
        bool, typer.Option("--yes", help="Confirm: this deletes everything about them.")
    ] = False,
    manager: Annotated[str | None, typer.Option(help="Whose team (default: yours).")] = None,
) -> None:
    """Delete a report and everything about them: 1:1s, notes, action items, feedback, goals
    and search-index entries, leaving no copy of their notes in the data folder."""
    svc = services()
    who = svc.resolve_manager(manager)
    person = svc.team.report(who.id, name)
    if not yes:
        raise BadInputError(
            f"This deletes {person.name} and everything about them, for good. "
            "Add --yes to confirm (export first if you may need it: coach export FILE)."
        )
    typer.echo(svc.data.remove_report(who.id, person.id).message)


def register(app: typer.Typer) -> None:
    app.command()(export)
    app.command("import")(import_)
    app.add_typer(report_app, name="report")
