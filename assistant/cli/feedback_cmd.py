"""`coach feedback` (draft wording), `coach wording-check` and `coach feedback-log`."""

from __future__ import annotations

from typing import Annotated

import typer

from assistant.cli.context import parse_date, print_json, services
from assistant.db.models import FeedbackKind
from assistant.errors import BadInputError

KindOption = Annotated[
    FeedbackKind, typer.Option("--kind", case_sensitive=False, help="praise or constructive")
]


def feedback(
    name: Annotated[str, typer.Argument(help="The report's name (full or first name).")],
    kind: KindOption,
    what: Annotated[str | None, typer.Option(help="What happened, in your words.")] = None,
    situation: Annotated[str | None, typer.Option(help="When/where it happened.")] = None,
    behaviour: Annotated[str | None, typer.Option(help="What they did or said.")] = None,
    impact: Annotated[str | None, typer.Option(help="What it changed for team or goals.")] = None,
    manager: Annotated[str | None, typer.Option(help="Whose team (default: yours).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Question-based feedback wording (SBI), openers, a plan and a follow-up for one report."""
    if not any(v and v.strip() for v in (what, situation, behaviour, impact)):
        raise BadInputError("Describe what happened with --what (or --situation/--behaviour)")
    svc = services()
    who = svc.resolve_manager(manager)
    draft = svc.feedback.draft(
        who.id, name, kind, what=what, situation=situation, behaviour=behaviour, impact=impact
    )
    if as_json:
        print_json(draft.to_json_dict())
        return
    typer.echo(f"{kind.value.capitalize()} for {draft.report_name}  [engine: {draft.engine}]")
    for notice in draft.notices:
        typer.echo(f"! {notice}")
    typer.echo(f"\nWhat to say:\n  {draft.statement}")
    typer.echo("\nQuestions to open with:")
    for question in draft.openers:
        typer.echo(f"  - {question}")
    typer.echo("\nPlan:")
    for step in draft.plan:
        typer.echo(f"  - {step}")
    typer.echo(f"\nFollow up: {draft.follow_up}")
    for note in draft.tailoring_notes:
        typer.echo(f"Tip: {note}")
    if draft.written_note:
        typer.echo(f"\nNote to send before the 1:1:\n{draft.written_note}")


def wording_check(
    text: Annotated[str, typer.Argument(help="Your draft wording.")],
    kind: KindOption,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Check your own feedback wording for labels, absolutes, vague or generic phrases."""
    from assistant.feedback.builtin import check_wording

    result = check_wording(text, kind.value)
    if as_json:
        print_json(result.to_json_dict())
        return
    typer.echo(result.summary)
    for issue in result.issues:
        typer.echo(f'- [{issue.category}] "{issue.text}": {issue.explanation}')
        typer.echo(f"  Try: {issue.suggestion}")


def feedback_log(
    name: Annotated[str, typer.Argument(help="The report's name.")],
    kind: KindOption,
    wording: Annotated[str, typer.Option(help="What you actually said.")],
    response: Annotated[str, typer.Option(help="How they responded.")] = "",
    date: Annotated[str | None, typer.Option(help="When (YYYY-MM-DD), default today.")] = None,
    manager: Annotated[str | None, typer.Option(help="Whose team (default: yours).")] = None,
) -> None:
    """Log feedback you delivered (it feeds the praise : constructive balance)."""
    if not wording.strip():
        raise BadInputError("--wording cannot be empty")
    svc = services()
    who = svc.resolve_manager(manager)
    report = svc.team.report(who.id, name)
    entry = svc.feedback.log(
        who.id, report.id, kind, wording=wording, response=response, given_on=parse_date(date)
    )
    typer.echo(f"Logged {kind.value} for {report.name} on {entry.given_on.isoformat()}.")


def register(app: typer.Typer) -> None:
    app.command()(feedback)
    app.command("wording-check")(wording_check)
    app.command("feedback-log")(feedback_log)
