"""`coach eval ...`: score engines against labelled data sets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from assistant.errors import BadInputError
from assistant.evaluation.recap_eval import (
    EvalCase,
    EvalResult,
    RecapEngine,
    breakdown,
    evaluate,
    format_loso,
    format_report,
    load_cases,
    no_action_share,
)

eval_app = typer.Typer(
    help="Score the built-in engines against labelled JSONL data (see evals/README.md).",
    no_args_is_help=True,
)


@eval_app.command("recap")
def recap(
    files: Annotated[
        list[Path],
        typer.Argument(help="One or more JSONL files of labelled notes (evals/README.md)."),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List misses per case.")] = False,
) -> None:
    """Precision, recall, F1, owner and due accuracy of the recap engines.

    Scores the built-in engine, and also the LLM engine when a provider is configured. Several
    files are scored together (micro-averaged), with a table per source and per layout tag
    when the records carry `source_id` / `layout`.
    """
    for file in files:
        if not file.is_file():
            raise BadInputError(f"{file} is not a file")
    # Imported here so `coach --help` stays fast.
    from assistant.recap.builtin import extract_recap
    from assistant.services import Services

    cases: list[EvalCase] = [case for file in files for case in load_cases(file)]
    engines: dict[str, RecapEngine] = {"built-in": extract_recap}
    svc = Services.from_settings(migrate_db=False)
    llm = svc.llm()
    if llm is not None:
        engines[llm.engine_label] = lambda notes, **kw: svc.recap.draft_for(
            notes,
            meeting_date=kw["meeting_date"],
            manager=kw["manager"],
            report=kw["report"],
            people=kw.get("known_people", ()),
            author=kw.get("author", "manager"),
        )
    results = {name: evaluate(cases, engine) for name, engine in engines.items()}
    if as_json:
        payload = {name: _payload(result, verbose) for name, result in results.items()}
        typer.echo(json.dumps(payload if llm else payload["built-in"], indent=2))
        return
    for name, result in results.items():
        if llm is not None:
            typer.echo(f"== engine: {name}")
        typer.echo(format_report(result, verbose=verbose))


def _payload(result: EvalResult, verbose: bool) -> dict[str, Any]:
    payload = result.as_dict()
    quiet, empty = no_action_share(result)
    payload["no_action_cases"] = {"cases": empty, "with_no_item": quiet}
    for by in ("source", "layout"):
        groups = breakdown(result, by)
        if set(groups) - {"-"}:
            payload[f"per_{by}"] = {key: group.as_dict() for key, group in groups.items()}
    if verbose:
        payload["misses"] = {
            c.case_id: {
                "missed": [m.task for m in c.missed_gold],
                "extra": [p.task for p in c.extra_predicted],
            }
            for c in result.cases
            if c.missed_gold or c.extra_predicted
        }
    return payload


@eval_app.command("recap-loso")
def recap_loso(
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    dev_only: Annotated[
        bool,
        typer.Option(
            "--dev-only",
            help="The older measurement: the 18 dev sources, trained without the former "
            "blind sets (evals/thirdparty/heldout.jsonl, evals/recap_written_unseen.jsonl).",
        ),
    ] = False,
) -> None:
    """Leave-one-source-out score of the built-in recap engine on real third-party notes.

    For each third-party source (evals/thirdparty/dev.jsonl, heldout.jsonl, dev2.jsonl,
    dev3.jsonl): trains the line classifier on all the other labelled data (as `make
    train-recap` does), runs the engine with it on that source's notes and scores them. The
    pooled result predicts the score on notes from sources never seen; the rules alone and
    the shipped (in-sample) model are printed beside it. Needs a source checkout (it reads the
    repository's labelled files).
    """
    from assistant.evaluation.recap_training import (
        DEV_ONLY_FILES,
        SHIPPED,
        dev_sources,
        load_examples,
        loso,
        third_party_sources,
    )

    if dev_only:
        examples = load_examples(DEV_ONLY_FILES)
        result = loso(examples, SHIPPED, dev_sources(examples))
    else:
        examples = load_examples()
        result = loso(examples, SHIPPED, third_party_sources(examples))
    rows = {"rules only": result.rules_only, "in-sample": result.in_sample, "LOSO": result.loso}
    if as_json:
        payload = {name: r.as_dict() for name, r in rows.items()}
        for name, r in rows.items():
            payload[name]["per_source"] = {
                k: v.as_dict() for k, v in breakdown(r, "source").items()
            }
        typer.echo(json.dumps(payload, indent=2))
        return
    typer.echo(format_loso(rows))


@eval_app.command("retrieval")
def retrieval(
    k: Annotated[int, typer.Option("--k", help="Cut-off for recall@k.")] = 5,
) -> None:
    """Recall@k and MRR of search on the labelled guidance and demo-notes queries (evals/).

    Builds a throwaway index (guidance + the demo team's notes) in a temporary folder.
    """
    from assistant.evaluation.retrieval_eval import main as run_eval

    code = run_eval(["--k", str(k)])
    if code:
        raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    """Attach `eval` to the main `coach` app."""
    app.add_typer(eval_app, name="eval")
