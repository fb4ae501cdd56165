"""`coach` command line. Each command group lives in its own module and registers itself here."""

from __future__ import annotations

import logging
import os
import sys

import typer

from assistant.errors import BadInputError, CoachError

app = typer.Typer(
    name="coach",
    help="1:1 Coach: agendas, recaps and feedback wording for one-on-one meetings.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_commands() -> None:
    # Imported here so `import assistant.cli` stays cheap and modules can import `app`.
    from assistant.cli import (
        access_cmd,
        actions_cmd,
        agenda_cmd,
        core_cmd,
        data_cmd,
        eval_cmd,
        feedback_cmd,
        knowledge_cmd,
        person_cmd,
        recap_cmd,
        talk_cmd,
    )

    core_cmd.register(app)
    recap_cmd.register(app)
    agenda_cmd.register(app)
    actions_cmd.register(app)
    feedback_cmd.register(app)
    knowledge_cmd.register(app)
    eval_cmd.register(app)
    person_cmd.register(app)
    talk_cmd.register(app)

    data_cmd.register(app)
    access_cmd.register(app)  # adds `coach report email` beside `coach report remove`


_register_commands()


def main() -> None:
    """Entry point: our errors become one clear line on stderr; bad input exits with code 2.

    Typer itself reports usage errors (unknown option, missing argument) with exit code 2.
    """
    try:
        app()
    except BadInputError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    except CoachError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("COACH_DEBUG"):
            raise
        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        typer.echo(
            f"Error: unexpected {type(exc).__name__}: {exc}. Set COACH_DEBUG=1 for details.",
            err=True,
        )
        sys.exit(1)
