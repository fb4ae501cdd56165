"""Core commands: init (migrate), demo (seed/remove), team (cadence health), ui (launch app)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from typing import Annotated

import typer

from assistant.cli.context import parse_date, print_json, services


def init(
    manager: Annotated[
        str | None, typer.Option(help="Create your manager profile with this name.")
    ] = None,
    seed_demo_if_empty: Annotated[
        bool, typer.Option(help="Seed the demo team when the database has no managers yet.")
    ] = False,
) -> None:
    """Create or upgrade the database (Alembic migrations), optionally add your profile."""
    svc = services()  # migrates on construction
    typer.echo(
        f"Database ready: {svc.settings.resolved_database_url.split('://')[0]} "
        f"in {svc.settings.data_dir}"
    )
    if manager:
        created = svc.team.create_team(manager)
        typer.echo(f"Manager profile: {created.name}")
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
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8501,
) -> None:
    """Launch the Streamlit app on 127.0.0.1 (local only)."""
    cmd = [
        sys.executable,
        "-m",
        "ui.launch",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "minimal",
    ]
    typer.echo(f"1:1 Coach is starting on http://127.0.0.1:{port} (Ctrl+C to stop)")
    if os.name == "posix":
        # The server replaces this process: stopping `coach ui` (Ctrl+C, SIGTERM from a
        # service manager, closing the terminal) stops the server, and nothing is orphaned.
        sys.stdout.flush()
        os.execv(sys.executable, cmd)
    raise typer.Exit(subprocess.call(cmd, env=os.environ.copy()))


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(demo)
    app.command()(team)
    app.command()(ui)
