"""`coach recap`: raw notes in, recap out (JSON or readable); `--save` stores notes first."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli.context import parse_date, print_json, services
from assistant.config import get_settings
from assistant.errors import BadInputError

if TYPE_CHECKING:
    from assistant.domain.recap import RecapDraft
    from assistant.llm import LLMClient


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
) -> None:
    """Recap raw 1:1 notes: summary, decisions, action items (owner, due date) and more."""
    # Job code (and LangChain) load only when a recap is asked for: other commands start fast.
    from assistant.llm import LLMClient
    from assistant.recap.service import draft_recap, prepare_notes, recap_markdown

    meeting_date = parse_date(date)
    assert meeting_date is not None
    from assistant.config.saved import effective_settings

    settings = effective_settings(get_settings())
    prepared = prepare_notes(_read(file), max_bytes=settings.max_note_bytes)
    for warning in prepared.warnings:
        typer.echo(f"Warning: {warning}", err=True)
    llm = LLMClient.from_settings(settings)

    if save:
        draft = _recap_and_save(prepared.text, meeting_date, manager, report, llm)
    else:
        if not manager or not report:
            raise BadInputError("--manager and --report are needed (full names)")
        draft = draft_recap(
            prepared.text, meeting_date=meeting_date, manager=manager, report=report, llm=llm
        )
    if as_json:
        print_json(draft.to_public_dict())
    elif markdown:
        typer.echo(recap_markdown(draft, report=report or "", meeting_date=meeting_date), nl=False)
    else:
        _print_readable(draft)


def _recap_and_save(
    notes: str,
    meeting_date: dt.date,
    manager: str | None,
    report_name: str | None,
    llm: LLMClient | None,
) -> RecapDraft:
    from assistant.recap.service import draft_recap, save_recap, store_raw_notes

    if not report_name:
        raise BadInputError("--save needs --report with the name of someone in your team")
    svc = services()
    who = svc.resolve_manager(manager)
    with svc.repos(who.id) as repos:
        report = repos.reports.find(report_name)
        meeting = store_raw_notes(repos, report, meeting_date, notes)  # committed before drafting
        team = [r.name for r in repos.reports.all()]
        draft = draft_recap(
            notes,
            meeting_date=meeting_date,
            manager=who.name,
            report=report.name,
            people=team,
            llm=llm,
        )
        save_recap(repos, meeting, draft)
    typer.echo(f"Saved: notes, recap and {len(draft.action_items)} action items.", err=True)
    return draft


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
