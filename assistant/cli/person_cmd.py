"""Per-person commands: `coach timeline`, `coach goal add|list|close`, `coach ics` and
`coach meeting schedule|cancel|skip|reschedule` (times in your time zone)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from assistant.cli.context import parse_date, print_json, services
from assistant.errors import BadInputError, StorageError
from assistant.team.timeline_export import status_label

NameArg = Annotated[str, typer.Argument(help="The report's name (full or first name).")]
ManagerOpt = Annotated[str | None, typer.Option(help="Whose team (default: yours).")]
DateOpt = Annotated[str, typer.Option("--date", help="Day of the 1:1 (YYYY-MM-DD, your zone).")]

goal_app = typer.Typer(help="A report's goals: add, list, close.", no_args_is_help=True)
meeting_app = typer.Typer(
    help="Plan 1:1s: schedule one or a series, cancel, skip, reschedule.", no_args_is_help=True
)


def parse_when(value: str, zone: ZoneInfo, *, option: str) -> dt.datetime:
    """'2026-05-12 14:00' (or with a T, or an offset) as an aware datetime; naive = `zone`."""
    try:
        when = dt.datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise BadInputError(
            f"{option} must be a date and time like '2026-05-12 14:00', not '{value}'"
        ) from exc
    return when if when.tzinfo else when.replace(tzinfo=zone)


def _required_date(value: str) -> dt.date:
    day = parse_date(value)
    assert day is not None
    return day


# -- timeline ----------------------------------------------------------------------------------


def timeline(
    name: NameArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print one Markdown document (the default).")
    ] = False,
    private: Annotated[
        bool, typer.Option("--private", help="Include your private notes (never share that).")
    ] = False,
    notes: Annotated[
        bool, typer.Option("--notes", help="Markdown: include each 1:1's raw notes.")
    ] = False,
    manager: ManagerOpt = None,
) -> None:
    """Everything about one report: every 1:1 (status, agenda, approved recap), action items
    both ways, feedback and goals. Private notes only with --private."""
    if as_json and markdown:
        raise BadInputError("Choose --json or --markdown, not both")
    svc = services()
    who = svc.resolve_manager(manager)
    record = svc.team.timeline(who.id, name)
    if as_json:
        print_json(record.as_json(include_private=private))
    else:
        typer.echo(record.to_markdown(include_private=private, include_notes=notes), nl=False)


# -- goals -------------------------------------------------------------------------------------


@goal_app.command("add")
def goal_add(
    name: NameArg,
    title: Annotated[str, typer.Argument(help="What they want to achieve.")],
    target: Annotated[str | None, typer.Option(help="Target date (YYYY-MM-DD).")] = None,
    manager: ManagerOpt = None,
) -> None:
    """Add a goal; agendas and feedback drafts tailor to active goals."""
    target_day = parse_date(target, option="--target")
    svc = services()
    who = svc.resolve_manager(manager)
    goal = svc.team.add_goal(who.id, name, title, target_date=target_day)
    when = f" (target {goal.target_date.isoformat()})" if goal.target_date else ""
    typer.echo(f"Goal {goal.id} added: {goal.title}{when}")


@goal_app.command("list")
def goal_list(
    name: NameArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    manager: ManagerOpt = None,
) -> None:
    """A report's goals, active and closed."""
    svc = services()
    who = svc.resolve_manager(manager)
    goals = svc.team.goals(who.id, name)
    if as_json:
        print_json(
            [
                {
                    "id": g.id,
                    "title": g.title,
                    "status": g.status.value,
                    "target_date": g.target_date.isoformat() if g.target_date else None,
                }
                for g in goals
            ]
        )
        return
    if not goals:
        typer.echo('No goals yet. Add one: coach goal add NAME "TITLE" [--target YYYY-MM-DD]')
    for g in goals:
        target = f"  target {g.target_date.isoformat()}" if g.target_date else ""
        typer.echo(f"{g.id:>5}  [{g.status.value}]  {g.title}{target}")


@goal_app.command("close")
def goal_close(
    name: NameArg,
    goal_id: Annotated[int, typer.Argument(help="The goal's id (see `coach goal list`).")],
    dropped: Annotated[
        bool, typer.Option("--dropped", help="Close it as dropped (default: achieved).")
    ] = False,
    manager: ManagerOpt = None,
) -> None:
    """Close a goal as achieved (or dropped)."""
    svc = services()
    who = svc.resolve_manager(manager)
    goal = svc.team.close_goal(who.id, name, goal_id, outcome="dropped" if dropped else "achieved")
    typer.echo(f"Goal {goal.id} closed as {goal.status.value}: {goal.title}")


# -- calendar ----------------------------------------------------------------------------------


def ics(
    name: NameArg,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="File to write ('-' for stdout); default: a name "
            "like 1on1-amara-okonkwo-2026-05-12.ics here.",
        ),
    ] = None,
    series: Annotated[
        bool, typer.Option("--series", help="Every planned 1:1 with them, not only the next.")
    ] = False,
    manager: ManagerOpt = None,
) -> None:
    """An RFC 5545 calendar file for the next 1:1 (or the series), agenda in the description."""
    svc = services()
    who = svc.resolve_manager(manager)
    made = svc.team.calendar(who.id, name, series=series)
    if output is not None and str(output) == "-":
        typer.echo(made.content.decode("utf-8"), nl=False)
        return
    target = output or Path(made.filename)
    try:
        target.write_bytes(made.content)
    except OSError as exc:
        raise StorageError(f"Could not write {target}: {exc.strerror}") from exc
    plural = "s" if made.events != 1 else ""
    typer.echo(f"Wrote {target} ({made.events} event{plural})")


# -- meetings ----------------------------------------------------------------------------------


@meeting_app.command("schedule")
def meeting_schedule(
    name: NameArg,
    at: Annotated[str, typer.Option("--at", help="When, in your time zone: 'YYYY-MM-DD HH:MM'.")],
    series: Annotated[
        int, typer.Option("--series", help="Plan this many 1:1s, one per their cadence.")
    ] = 1,
    minutes: Annotated[int | None, typer.Option(help="Length; default: their usual.")] = None,
    manager: ManagerOpt = None,
) -> None:
    """Schedule the next 1:1, or a series from the person's cadence (weekends move to Monday)."""
    svc = services()
    zone = svc.settings.zone
    when = parse_when(at, zone, option="--at")
    who = svc.resolve_manager(manager)
    if series == 1:
        meetings = [svc.team.schedule(who.id, name, when, duration_minutes=minutes)]
        booked: list[dt.date] = []
    else:
        made = svc.team.schedule_series(who.id, name, when, count=series, duration_minutes=minutes)
        meetings, booked = made.meetings, made.already_booked
    for meeting in meetings:
        typer.echo(f"Scheduled {meeting.scheduled_at.astimezone(zone):%a %Y-%m-%d %H:%M} ({zone})")
    for day in booked:
        typer.echo(f"Left {day.isoformat()} alone: a 1:1 is already planned that day")


@meeting_app.command("cancel")
def meeting_cancel(name: NameArg, date: DateOpt, manager: ManagerOpt = None) -> None:
    """Cancel a planned 1:1 (it shows as canceled-not-rescheduled until you move it)."""
    svc = services()
    who = svc.resolve_manager(manager)
    meeting = svc.team.meeting_on(who.id, name, _required_date(date))
    svc.team.cancel_meeting(who.id, meeting.id)
    typer.echo(f"Canceled the 1:1 of {date}. Reschedule it with `coach meeting reschedule`.")


@meeting_app.command("skip")
def meeting_skip(name: NameArg, date: DateOpt, manager: ManagerOpt = None) -> None:
    """Record that a planned 1:1 did not happen."""
    svc = services()
    who = svc.resolve_manager(manager)
    meeting = svc.team.meeting_on(who.id, name, _required_date(date))
    svc.team.skip_meeting(who.id, meeting.id)
    typer.echo(f"Marked the 1:1 of {date} as skipped.")


@meeting_app.command("reschedule")
def meeting_reschedule(
    name: NameArg,
    date: DateOpt,
    to: Annotated[str, typer.Option("--to", help="New time, your zone: 'YYYY-MM-DD HH:MM'.")],
    manager: ManagerOpt = None,
) -> None:
    """Move a planned (or canceled, or skipped) 1:1 to a new time."""
    svc = services()
    zone = svc.settings.zone
    when = parse_when(to, zone, option="--to")
    who = svc.resolve_manager(manager)
    meeting = svc.team.meeting_on(who.id, name, _required_date(date))
    moved = svc.team.reschedule_meeting(who.id, meeting.id, when)
    typer.echo(
        f"Moved the 1:1 of {date} to {moved.scheduled_at.astimezone(zone):%a %Y-%m-%d %H:%M} "
        f"({zone})"
    )


@meeting_app.command("list")
def meeting_list(
    name: NameArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    manager: ManagerOpt = None,
) -> None:
    """A report's 1:1s, newest first, with their status (times in your zone)."""
    svc = services()
    who = svc.resolve_manager(manager)
    record = svc.team.timeline(who.id, name)
    if as_json:
        print_json(record.as_json()["meetings"])
        return
    for meeting in record.meetings:
        local = record.local(meeting.when)
        typer.echo(f"{local:%a %Y-%m-%d %H:%M}  {status_label(meeting, record)}")


def register(app: typer.Typer) -> None:
    app.command()(timeline)
    app.command()(ics)
    app.add_typer(goal_app, name="goal")
    app.add_typer(meeting_app, name="meeting")
