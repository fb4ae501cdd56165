"""Core commands: init (migrate), demo (seed/remove), team (cadence health), ui (launch app)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.context import parse_date, print_json, services
from assistant.config import Settings
from assistant.errors import BadInputError


def init(
    manager: Annotated[
        str | None, typer.Option(help="Create your manager profile with this name.")
    ] = None,
    seed_demo_if_empty: Annotated[
        bool, typer.Option(help="Seed the demo team when the database has no managers yet.")
    ] = False,
    email: Annotated[
        str | None,
        typer.Option(help="With --manager: the address they sign in with (team mode)."),
    ] = None,
) -> None:
    """Create or upgrade the database (Alembic migrations), optionally add your profile."""
    if email is not None and not manager:
        raise BadInputError("--email needs --manager NAME (whose address it is)")
    svc = services()  # migrates on construction
    typer.echo(
        f"Database ready: {svc.settings.resolved_database_url.split('://')[0]} "
        f"in {svc.settings.data_dir}"
    )
    if manager:
        created = svc.team.create_team(manager)
        typer.echo(f"Manager profile: {created.name}")
        if email is not None:
            saved = svc.access.set_manager_email(created.id, email)
            typer.echo(f"Signs in as: {saved.email or 'nobody (address cleared)'}")
    if seed_demo_if_empty and not svc.managers():
        result = svc.team.seed_demo()
        typer.echo(
            f"Seeded the demo team: {result.reports} reports, {result.meetings} meetings "
            f"(remove it any time with `coach demo --remove`)."
        )


def demo(
    remove: Annotated[bool, typer.Option("--remove", help="Delete the demo team.")] = False,
) -> None:
    """Seed the demo team (idempotent), or remove it and everything it owns."""
    svc = services()
    if remove:
        removed = svc.remove_demo_team()
        typer.echo("Demo team removed." if removed else "There was no demo team.")
        return
    result = svc.team.seed_demo()
    if result.created:
        typer.echo(
            f"Seeded the demo team: {result.reports} reports, {result.meetings} meetings, "
            f"{result.action_items} action items. Remove it with `coach demo --remove`."
        )
    else:
        typer.echo("The demo team is already there (nothing changed).")


def team(
    manager: Annotated[str | None, typer.Option(help="Whose team (default: yours).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    today: Annotated[
        str | None, typer.Option("--today", help="Compute as of this date (YYYY-MM-DD).")
    ] = None,
) -> None:
    """Cadence health per report: last/next 1:1, overdue days, cancellations, action items."""
    svc = services()
    who = svc.resolve_manager(manager)
    day = parse_date(today, option="--today")
    now = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC) if day else dt.datetime.now(dt.UTC)
    rows = svc.team.health(who.id, now=now)
    if as_json:
        print_json(
            {"manager": who.name, "demo": who.is_demo, "reports": [r.as_json() for r in rows]}
        )
        return
    label = f"{who.name}'s team" + (" (demo data)" if who.is_demo else "")
    typer.echo(label)
    if not rows:
        typer.echo("No reports yet. Add one in the app (Team page).")
        return
    header = f"{'Report':<22} {'Last 1:1':<11} {'Next 1:1':<11} {'Overdue':>7} {'Canc.':>5} "
    header += f"{'Open':>4} {'Late':>4}  Alerts"
    typer.echo(header)
    for r in rows:
        nxt = r.next_scheduled.date().isoformat() if r.next_scheduled else "-"
        last = r.last_held.isoformat() if r.last_held else "never"
        typer.echo(
            f"{r.name[:22]:<22} {last:<11} {nxt:<11} {r.overdue_days:>7} "
            f"{r.canceled_without_reschedule:>5} {r.open_action_items:>4} "
            f"{r.overdue_action_items:>4}  {'; '.join(r.alerts)}"
        )


def ui(
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8501,
    host: Annotated[
        str,
        typer.Option(
            help="Address to listen on. Other than 127.0.0.1/localhost only in team mode "
            "(COACH_MODE=team), behind HTTPS."
        ),
    ] = "127.0.0.1",
    secrets: Annotated[
        Path | None,
        typer.Option(
            help="Team mode: the secrets file with the [auth] section (default: "
            ".streamlit/secrets.toml here, then ~/.streamlit/secrets.toml)."
        ),
    ] = None,
) -> None:
    """Launch the Streamlit app: on 127.0.0.1 for you alone, or (team mode) as a server with
    sign-in."""
    from assistant.config import get_settings

    settings = get_settings()
    extra: list[str] = []
    if settings.team_mode:
        extra = _team_mode_flags(settings, secrets)
    else:
        if host not in LOOPBACK:
            raise BadInputError(
                "Local mode has no sign-in, so it listens on this machine only. To serve a "
                "team, set COACH_MODE=team (see README: Run it for a team)."
            )
        if secrets is not None:
            raise BadInputError("--secrets is for team mode (COACH_MODE=team)")
    cmd = [
        sys.executable,
        "-m",
        "ui.launch",
        "--server.address",
        host,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "minimal",
        *extra,
    ]
    shown = "127.0.0.1" if host in LOOPBACK else host
    mode = " in team mode (sign-in required)" if settings.team_mode else ""
    typer.echo(f"1:1 Coach is starting{mode} on http://{shown}:{port} (Ctrl+C to stop)")
    if os.name == "posix":
        # The server replaces this process: stopping `coach ui` (Ctrl+C, SIGTERM from a
        # service manager, closing the terminal) stops the server, and nothing is orphaned.
        sys.stdout.flush()
        os.execv(sys.executable, cmd)
    raise typer.Exit(subprocess.call(cmd, env=os.environ.copy()))


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _team_mode_flags(settings: Settings, secrets: Path | None) -> list[str]:
    """Check what team mode needs before the server starts; the flags that give Streamlit
    the secrets file."""
    from assistant.access.deployment import check_secrets_file, check_team_storage

    for warning in check_team_storage(settings):  # refuses unless the override is set
        typer.echo(f"Warning: team mode on one machine's storage: {warning}.", err=True)
    if secrets is None:
        found = [p for p in DEFAULT_SECRETS if p.expanduser().is_file()]
        if not found:
            raise BadInputError(
                "Team mode needs a secrets file with an [auth] section: pass --secrets PATH "
                "(see README: Run it for a team)."
            )
        check_secrets_file(found[0].expanduser())
        return []  # Streamlit reads these default places itself
    if not secrets.is_file():
        raise BadInputError(f"No such secrets file: {secrets}")
    check_secrets_file(secrets)
    return ["--secrets.files", str(secrets.resolve())]


DEFAULT_SECRETS = (Path(".streamlit/secrets.toml"), Path("~/.streamlit/secrets.toml"))


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(demo)
    app.command()(team)
    app.command()(ui)
