"""`coach actions`: the action items of your 1:1s (what the Action items page lists)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from assistant.cli.context import parse_date, print_json, services
from assistant.team.actions import STATUS_FILTERS, ActionItemView

_HEADINGS = {"open": "Open action items", "done": "Done action items", "all": "Action items"}


def _due(item: ActionItemView, today: dt.date) -> str:
    if item.due_date is None:
        return "no date"
    late = item.overdue_days(today)
    return f"{item.due_date.isoformat()} ({late} d late)" if late else item.due_date.isoformat()


def actions(
    report: Annotated[
        str | None,
        typer.Option("--report", help="Only this report's items (first name is enough)."),
    ] = None,
    status: Annotated[
        str, typer.Option("--status", help="open (default), done, or all (incl. dropped).")
    ] = "open",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    manager: Annotated[str | None, typer.Option(help="Whose team (default: yours).")] = None,
    today: Annotated[
        str | None, typer.Option("--today", help="Count overdue days as of this date.")
    ] = None,
) -> None:
    """List action items from your 1:1s: task, owner, report, due date, status."""
    status = status.strip().lower()
    as_of = parse_date(today, option="--today") or dt.date.today()
    svc = services()
    who = svc.resolve_manager(manager)
    items = svc.team.action_items(who.id, report=report, status=status)
    if as_json:
        print_json({"status": status, "action_items": [i.as_json(as_of) for i in items]})
        return
    heading = _HEADINGS.get(status, "Action items")
    typer.echo(
        f"{heading}: {len(items)}" + (f" ({items[0].report_name})" if report and items else "")
    )
    if not items:
        typer.echo("None. Action items are created when you save a recap (coach recap --save).")
        return
    for item in items:
        mark = "" if status == "open" else f" [{item.status}]"
        whose = "" if report else f" · 1:1s with {item.report_name}"
        origin = f" · from the 1:1 on {item.meeting_date.isoformat()}" if item.meeting_date else ""
        typer.echo(
            f"- {item.task}{mark}\n"
            f"    owner {item.owner_name}{whose} · due {_due(item, as_of)}{origin}"
        )


def register(app: typer.Typer) -> None:
    app.command(help=f"List action items by status ({', '.join(STATUS_FILTERS)}).")(actions)
