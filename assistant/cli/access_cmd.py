"""Team mode from the command line: sign-in addresses (`coach report email`), sharing an agenda
or recap with the report (`coach share`), and who can sign in / what happened (`coach access`).

The same service calls as the pages (svc.access, svc.sharing)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from assistant.access.identity import optional_email
from assistant.cli.context import parse_date, print_json, services
from assistant.cli.data_cmd import report_app
from assistant.errors import BadInputError
from assistant.services import Services

ManagerOpt = Annotated[str | None, typer.Option(help="Whose team (default: yours).")]
NameArg = Annotated[str, typer.Argument(help="The report's full name (or unique first name).")]


@report_app.command("add")
def report_add(
    name: Annotated[str, typer.Argument(help="Their full name.")],
    email: Annotated[
        str | None, typer.Option(help="The address they sign in with (team mode).")
    ] = None,
    role: Annotated[str, typer.Option(help="Their role, e.g. 'Backend engineer'.")] = "",
    cadence_days: Annotated[int, typer.Option(help="Days between 1:1s.")] = 7,
    manager: ManagerOpt = None,
) -> None:
    """Add a report to a team (and their sign-in address)."""
    optional_email(email)  # a mistyped address is refused before anything is written
    svc = services()
    who = svc.resolve_manager(manager)
    added = svc.team.add_report(who.id, name, role=role, cadence_days=cadence_days)
    typer.echo(f"{added.name} added to {who.name}'s team.")
    if email:
        saved = svc.access.set_report_email(who.id, added.id, email)
        typer.echo(f"{saved.name} signs in as {saved.email}.")


@report_app.command("email")
def report_email(
    name: NameArg,
    address: Annotated[str, typer.Argument(help='Their sign-in address ("" to clear it).')],
    manager: ManagerOpt = None,
) -> None:
    """Set the address a report signs in with in team mode (unique in the organisation)."""
    svc = services()
    who = svc.resolve_manager(manager)
    saved = svc.access.set_report_email(who.id, name, address)
    if saved.email:
        typer.echo(f"{saved.name} signs in as {saved.email}.")
    else:
        typer.echo(f"{saved.name} has no sign-in address any more.")


share_app = typer.Typer(help="Let a report see an agenda or recap (team mode).")


def _meeting(svc: Services, manager_id: int, name: str, date: str | None, *, next_: bool) -> int:
    day = parse_date(date)
    if day is not None:
        return svc.team.meeting_on(manager_id, name, day).id
    if not next_:
        raise BadInputError("Say which 1:1: --date YYYY-MM-DD")
    person = svc.team.report(manager_id, name)
    zone = svc.settings.zone
    upcoming = svc.team.upcoming(manager_id, person.id, today=dt.datetime.now(zone).date())
    if not upcoming:
        raise BadInputError(f"No 1:1 with {person.name} is planned; give --date YYYY-MM-DD")
    return upcoming[0].id


@share_app.command("agenda")
def share_agenda(
    name: NameArg,
    date: Annotated[
        str | None, typer.Option(help="The 1:1's date (default: the next planned one).")
    ] = None,
    manager: ManagerOpt = None,
) -> None:
    """Share the saved agenda of a 1:1 with the report."""
    svc = services()
    who = svc.resolve_manager(manager)
    shared = svc.sharing.share_agenda(who.id, _meeting(svc, who.id, name, date, next_=True))
    assert shared.agenda_at is not None
    typer.echo(f"Agenda shared by {shared.agenda_by} at {shared.agenda_at:%Y-%m-%d %H:%M} UTC.")


@share_app.command("recap")
def share_recap(
    name: NameArg,
    date: Annotated[str, typer.Option(help="The 1:1's date (YYYY-MM-DD).")],
    manager: ManagerOpt = None,
) -> None:
    """Share the saved recap of a 1:1 with the report (shareable text only)."""
    svc = services()
    who = svc.resolve_manager(manager)
    shared = svc.sharing.share_recap(who.id, _meeting(svc, who.id, name, date, next_=False))
    assert shared.recap_at is not None
    typer.echo(f"Recap shared by {shared.recap_by} at {shared.recap_at:%Y-%m-%d %H:%M} UTC.")


access_app = typer.Typer(help="Who can sign in (team mode), and what happened.")


@access_app.command("check")
def access_check(
    address: Annotated[str, typer.Argument(help="An e-mail address.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What this address sees after signing in: a team, their own 1:1s, both, or nothing."""
    access = services().access.who_is(address)
    manager = access.manager
    report = access.report
    if as_json:
        print_json(
            {
                "email": access.identity.email,
                "roles": access.roles,
                "manager_of": manager.name if manager else None,
                "report_of": report.manager_name if report else None,
                "report_name": report.name if report else None,
            }
        )
        return
    if manager:
        typer.echo(f"{access.identity.email}: manager ({manager.name}), sees their own team.")
    if report:
        typer.echo(
            f"{access.identity.email}: report ({report.name}), sees their own side of the "
            f"1:1s with {report.manager_name}."
        )
    if not access.known:
        typer.echo(f"{access.identity.email}: nobody here; sees only “ask your manager”.")


@access_app.command("log")
def access_log(
    manager: ManagerOpt = None,
    report: Annotated[str | None, typer.Option(help="Only what concerns this report.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="How many lines.")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Who signed in and who changed what (topics, shared agendas and recaps, action items)."""
    svc = services()
    zone = svc.settings.zone
    who = svc.resolve_manager(manager)
    report_id = svc.team.report(who.id, report).id if report else None
    events = svc.access.activity(who.id, report_id=report_id, limit=limit)
    if as_json:
        print_json([e.as_json() for e in events])
        return
    if not events:
        typer.echo("Nothing yet.")
    for e in events:
        when = e.when.astimezone(zone)
        target = f" · {e.target}" if e.target else ""
        detail = f" · {e.detail}" if e.detail else ""
        typer.echo(f"{when:%Y-%m-%d %H:%M}  {e.who} ({e.role})  {e.action}{target}{detail}")


def register(app: typer.Typer) -> None:
    app.add_typer(share_app, name="share")
    app.add_typer(access_app, name="access")
