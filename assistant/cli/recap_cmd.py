"""`coach recap`: raw notes in, recap out (JSON or readable); `--save` stores notes first."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli.context import parse_date, print_json, services
from assistant.errors import BadInputError
from assistant.recap.markdown import recap_markdown
from assistant.recap.notes import check_meeting_date, prepare_notes

if TYPE_CHECKING:
    from assistant.db.models import Manager
    from assistant.domain.recap import ActionItemDraft, RecapDraft
    from assistant.services import Services


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
    """Recap raw 1:1 notes: summary, decisions, action items (owner, due date) and more.

    Names: with --save, the manager (given or the default one) and the report must exist.
    Without --save, a --manager the database does not know means "use the names as given"
    (for tools that recap anyone's notes); with a known or default manager, --report must be
    someone in that team.
    """
    if not author.strip():
        raise BadInputError("--author needs manager, report or a name")
    meeting_date = check_meeting_date(parse_date(date) or dt.date.min)
    raw = _read(file)
    # Without --save nothing is written: the database is only read, never created or migrated.
    svc = services(migrate_db=save)
    if save:
        if not report:
            raise BadInputError("--save needs --report with the name of someone in your team")
        who = svc.resolve_manager(manager)
        stored = svc.recap.store_notes(who.id, report, raw, meeting_date)  # committed first
        _warn(stored.warnings)
        draft = svc.recap.draft(
            who.id, report, stored.text, meeting_date, author=author, meeting_id=stored.meeting_id
        )
        # Only checked content is stored, and the recap stays unapproved until reviewed.
        saved = svc.recap.save(who.id, stored.meeting_id, draft, reviewed=False)
        typer.echo(f"Saved: notes and the recap ({saved.message})", err=True)
        report_name = svc.team.report(who.id, report).name
    else:
        known = _known_manager(svc, manager)
        prepared = prepare_notes(raw, max_bytes=svc.settings.max_note_bytes)
        if known is not None:
            if not report:
                raise BadInputError("--report is needed: the name of someone in your team")
            person = svc.team.report(known.id, report)  # unknown report: exit 2
            _warn(prepared.warnings)
            draft = svc.recap.draft(known.id, person.id, prepared.text, meeting_date, author=author)
            report_name = person.name
        else:
            if not manager or not report:
                raise BadInputError("--manager and --report are needed (full names)")
            _warn(prepared.warnings)
            draft = svc.recap.draft_for(
                prepared.text,
                meeting_date=meeting_date,
                manager=manager,
                report=report,
                author=author,
            )
            report_name = report
    if as_json:
        print_json(draft.to_public_dict())
    elif markdown:
        # The shareable recap holds what the Recap page ticks by default.
        shared = draft.as_ticked()
        typer.echo(recap_markdown(shared, report=report_name, meeting_date=meeting_date), nl=False)
    else:
        _print_readable(draft)


def _known_manager(svc: Services, name: str | None) -> Manager | None:
    """The manager the draft is for, if the database knows them (see `recap`'s docstring)."""
    if not svc.has_database():
        return None
    if name:
        return svc.find_manager(name)
    return svc.resolve_manager()


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
    proposed = [item for item in draft.action_items if item.proposed]
    left_out = [item for item in draft.action_items if not item.proposed]
    typer.echo("\nAction items:")
    if not proposed:
        typer.echo("  (none found: nobody committed to a specific task)")
    _print_items(proposed)
    if left_out:
        # As on the Recap page, where these rows start unticked; --save keeps them, unapproved.
        typer.echo("\nThe AI left these out (the built-in engine found them; check them):")
        _print_items(left_out)
    if draft.unchecked:
        typer.echo("\nNot in your notes (left out, never saved):")
        for line in draft.unchecked:
            typer.echo(f"  - [{line.section}] {line.text} ({line.reason})")


def _print_items(items: list[ActionItemDraft]) -> None:
    for item in items:
        due = item.due.isoformat() if item.due else "no date"
        flags = [f for f in item.flags if f != "model_dropped"]
        check = f"  [check: {', '.join(flags)}]" if flags else ""
        typer.echo(f"  - {item.task} | {item.owner or 'unassigned'} | {due}{check}")
        typer.echo(f'      from: "{item.evidence}"')


def register(app: typer.Typer) -> None:
    app.command()(recap)
