"""`coach agenda NAME`: draft (and optionally save or export) the next 1:1's agenda."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from assistant.agenda.service import check_minutes
from assistant.cli.context import parse_date, print_json, services
from assistant.domain.agenda import SOURCE_LABELS, AgendaDraft


def _print_text(draft: AgendaDraft) -> None:
    kind = "first 1:1, " if draft.first_meeting else ""
    typer.echo(
        f"Agenda for {draft.report_name}, {draft.meeting_date.isoformat()} "
        f"({kind}{draft.minutes_total} min, engine: {draft.engine})"
    )
    for notice in draft.notices:
        typer.echo(f"Note: {notice}")
    if draft.left_out:
        typer.echo("Left out: " + "; ".join(i.title for i in draft.left_out))
    for number, item in enumerate(draft.items, start=1):
        typer.echo("")
        typer.echo(
            f"{number:>2}. [{item.minutes:>2} min] {item.title}  ({SOURCE_LABELS[item.source]})"
        )
        for line in item.detail.splitlines():
            typer.echo(f"      {line}")
        for question in item.questions:
            typer.echo(f"      ? {question.text}  [{question.id}]")
        if item.reason:
            typer.echo(f"      why: {item.reason}")
        if item.source_ref:
            typer.echo(f"      source: {item.source_ref}")


def agenda(
    name: Annotated[str, typer.Argument(help="The report's name (first name is enough).")],
    date: Annotated[
        str | None, typer.Option("--date", help="Date of the 1:1 (YYYY-MM-DD); default: next.")
    ] = None,
    minutes: Annotated[
        int | None, typer.Option("--minutes", help="Meeting length; default: their usual.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the draft as JSON.")] = False,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print shareable Markdown (no reasons).")
    ] = False,
    reasons: Annotated[
        bool, typer.Option("--reasons", help="With --markdown: include reasons and sources.")
    ] = False,
    save: Annotated[
        bool, typer.Option("--save", help="Save this draft as the meeting's agenda.")
    ] = False,
    manager: Annotated[str | None, typer.Option(help="Whose team (default: yours).")] = None,
    search: Annotated[
        bool,
        typer.Option(
            "--search", help="Cite retrieved guidance and past notes (run `coach index`)."
        ),
    ] = False,
    today: Annotated[
        str | None, typer.Option("--today", help="Draft as of this date (YYYY-MM-DD).")
    ] = None,
) -> None:
    """Draft a tailored agenda for the next 1:1 with NAME: open action items, their topics,
    wins, goals, roadblocks, growth and feedback, each with a reason, source and questions."""
    day = parse_date(date)
    as_of = parse_date(today, option="--today") or dt.date.today()
    if minutes is not None:
        check_minutes(minutes)
    svc = services()
    who = svc.resolve_manager(manager)
    draft = svc.agenda.draft(
        who.id, name, meeting_date=day, minutes=minutes, today=as_of, search=search
    )
    if save:
        meeting_id = svc.agenda.save(who.id, name, draft)
        draft = draft.model_copy(update={"meeting_id": meeting_id})
    if as_json:
        print_json(draft.to_json_dict())
    elif markdown:
        typer.echo(draft.to_markdown(include_reasons=reasons), nl=False)
    else:
        _print_text(draft)
    if save:
        typer.echo(f"Saved as the agenda of meeting {draft.meeting_id}.", err=as_json or markdown)


def register(app: typer.Typer) -> None:
    app.command()(agenda)
