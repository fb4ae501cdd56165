"""`coach recap`: raw notes in, recap out (JSON or readable); `--save` stores notes first."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli.context import parse_date, print_json, services
from assistant.errors import BadInputError
from assistant.recap.markdown import recap_markdown
from assistant.recap.notes import prepare_notes

if TYPE_CHECKING:
    from assistant.domain.recap import RecapDraft


def recap(
    file: Annotated[str, typer.Option("--file", "-f", help="Notes file, or - for stdin.")],
    date: Annotated[str, typer.Option(help="Meeting date, YYYY-MM-DD.")],
    manager: Annotated[
        str | None, typer.Option(help="Manager's full name (wrote the notes).")
    ] = None,
    report: Annotated[str | None, typer.Option(help="The report's full name.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the stable JSON shape.")] = False,
    save: Annotated[
        bool, typer.Option("--save", help="Store notes, recap and action items for a known report.")
    ] = False,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print the shareable Markdown recap.")
    ] = False,
    author: Annotated[
        str,
        typer.Option(
            "--author",
            help="Who wrote the notes: manager (default), report, or a person's name. "
            '"I" and "me" in the notes are that person.',
        ),
    ] = "manager",
) -> None:
    """Recap raw 1:1 notes: summary, decisions, action items (owner, due date) and more."""
    if not author.strip():
        raise BadInputError("--author needs manager, report or a name")
    meeting_date = parse_date(date)
    assert meeting_date is not None
    raw = _read(file)
    # Without --save nothing touches the database: the notes are only read and drafted.
    svc = services(migrate_db=save)
    if save:
        if not report:
            raise BadInputError("--save needs --report with the name of someone in your team")
        who = svc.resolve_manager(manager)
        stored = svc.recap.store_notes(who.id, report, raw, meeting_date)  # committed first
        _warn(stored.warnings)
        draft = svc.recap.draft(who.id, report, stored.text, meeting_date, author=author)
        count = svc.recap.save(who.id, stored.meeting_id, draft)
        typer.echo(f"Saved: notes, recap and {count} action items.", err=True)
    else:
        if not manager or not report:
            raise BadInputError("--manager and --report are needed (full names)")
        prepared = prepare_notes(raw, max_bytes=svc.settings.max_note_bytes)
        _warn(prepared.warnings)
        draft = svc.recap.draft_for(
            prepared.text, meeting_date=meeting_date, manager=manager, report=report, author=author
        )
    if as_json:
        print_json(draft.to_public_dict())
    elif markdown:
        typer.echo(recap_markdown(draft, report=report or "", meeting_date=meeting_date), nl=False)
    else:
        _print_readable(draft)


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        typer.echo(f"Warning: {warning}", err=True)


def _read(file: str) -> bytes:
    if file == "-":
        return sys.stdin.buffer.read()
    path = Path(file)
    if not path.is_file():
        raise BadInputError(f"No such notes file: {file}")
    return path.read_bytes()


def _print_readable(draft: RecapDraft) -> None:
    typer.echo(f"Recap  [engine: {draft.engine}]")
    for notice in draft.notices:
        typer.echo(f"! {notice}")
    typer.echo(f"\n{draft.summary}")
    for title, entries in [
        ("Decisions", draft.decisions),
        ("Praise", draft.praise),
        ("Concerns", draft.concerns),
        ("Personal (not shared unless you keep it)", draft.personal),
        ("Follow up next time", draft.follow_ups),
    ]:
        if entries:
            typer.echo(f"\n{title}:")
            for entry in entries:
                typer.echo(f"  - {entry}")
    typer.echo("\nAction items:")
    if not draft.action_items:
        typer.echo("  (none found: nobody committed to a specific task)")
    for item in draft.action_items:
        due = item.due.isoformat() if item.due else "no date"
        flags = f"  [check: {', '.join(item.flags)}]" if item.flags else ""
        typer.echo(f"  - {item.task} | {item.owner} | {due}{flags}")
        typer.echo(f'      from: "{item.evidence}"')


def register(app: typer.Typer) -> None:
    app.command()(recap)
