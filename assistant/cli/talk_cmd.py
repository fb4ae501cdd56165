"""`coach talk-ratio`: who spoke how much in a transcript, and how the manager asked."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.context import parse_date, print_json, services
from assistant.errors import BadInputError
from assistant.talk.ratio import MAX_TRANSCRIPT_BYTES, TalkRatio


def read_transcript(path: str) -> str:
    """A file (or '-' for stdin) as text: UTF-8 (a BOM is fine), bad bytes replaced."""
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise BadInputError(f"Cannot read {path}: {exc.strerror}") from exc
    if len(raw) > MAX_TRANSCRIPT_BYTES:
        raise BadInputError(
            f"{path} is over {MAX_TRANSCRIPT_BYTES // 1_000_000} MB; split the transcript first"
        )
    return raw.decode("utf-8-sig", errors="replace")


def _print_text(ratio: TalkRatio) -> None:
    typer.echo(f"Talk ratio ({ratio.format} transcript, {ratio.total_words} words)")
    width = max(len(s.name) + len(s.role) + 3 for s in ratio.speakers)
    for s in ratio.speakers:
        label = f"{s.name} ({s.role})"
        seconds = (
            f", {s.longest_monologue_seconds:g} s"
            if s.longest_monologue_seconds is not None
            else ""
        )
        typer.echo(
            f"  {label:<{width}}  {s.words:>5} words  {round(s.share * 100):>3}%  "
            f"{s.questions} questions ({s.open_questions} open, {s.closed_questions} closed)  "
            f"longest monologue {s.longest_monologue_words} words{seconds}"
        )
    typer.echo("Advice:")
    for advice in ratio.advice:
        typer.echo(f"  - {advice.text} [{advice.citation}]")


def talk_ratio(
    file: Annotated[
        str,
        typer.Option("--file", help="Transcript: `Name: text` lines, .vtt, .srt ('-' for stdin)."),
    ],
    manager: Annotated[str, typer.Option(help="Your name as the transcript shows it.")],
    report: Annotated[str, typer.Option(help="The report's name as the transcript shows it.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    attach: Annotated[
        str | None,
        typer.Option(help="Keep the counts on your 1:1 with REPORT that day (YYYY-MM-DD)."),
    ] = None,
) -> None:
    """Each speaker's share of the words, questions asked (open vs closed), longest monologue,
    and a note against the 80/20 listening guidance, with its citation."""
    day = parse_date(attach, option="--attach")
    svc = services(migrate_db=day is not None)
    ratio = svc.team.talk_ratio(read_transcript(file), manager=manager, report=report)
    if day is not None:
        who = svc.resolve_manager()
        meeting = svc.team.meeting_on(who.id, report, day)
        svc.team.attach_talk_ratio(who.id, meeting.id, ratio)
    if as_json:
        print_json(ratio.as_json())
    else:
        _print_text(ratio)
    if day is not None:
        typer.echo(f"Kept on your 1:1 with {report} of {day.isoformat()}.", err=as_json)


def register(app: typer.Typer) -> None:
    app.command("talk-ratio")(talk_ratio)
