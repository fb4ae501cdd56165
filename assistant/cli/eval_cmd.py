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
    result_payload,
    service_engine,
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
        engines[llm.engine_label] = service_engine(svc, proposed_only=True)
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
    payload = result_payload(result)
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
    folds: Annotated[
        int,
        typer.Option(
            "--folds",
            min=0,
            help="Hold the sources out in this many groups instead of one at a time (0, the "
            "default: one at a time). Faster; each model is trained on fewer sources.",
        ),
    ] = 0,
) -> None:
    """Leave-one-source-out score of the built-in recap engine on real third-party notes.

    For each third-party source (evals/thirdparty/dev.jsonl, heldout.jsonl, dev2.jsonl,
    dev3.jsonl, dev4.jsonl): trains the line classifier on all the other labelled data (as
    `make train-recap` does), runs the engine with it on that source's notes and scores them.
    The pooled result predicts the score on notes from sources never seen; the rules alone and
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
        result = loso(examples, SHIPPED, dev_sources(examples), folds=folds or None)
    else:
        examples = load_examples()
        result = loso(examples, SHIPPED, third_party_sources(examples), folds=folds or None)
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


@eval_app.command("recap-select")
def recap_select(
    only: Annotated[
        list[str] | None,
        typer.Option("--setting", "-s", help="Run only this setting of the grid (repeatable)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Leave-one-source-out score of each candidate setting of the recap line classifier.

    Analyses every labelled note once, then for each setting of the grid (thresholds, L2,
    weight of third-party notes, feature source count, lines embedded per note; see
    assistant/evaluation/recap_select.py) trains one model per third-party source without it
    and scores that source. Prints pooled P/R/F1/owner on the 54 older sources (where settings
    are chosen) and F1 on each slice, dev3 being the confirmation slice. Slow: about 5 minutes
    per training setting on two cores. Needs a source checkout.
    """
    from assistant.evaluation.recap_select import GRID, HEADER, format_row, prepare, select
    from assistant.evaluation.recap_training import load_examples, third_party_sources

    settings = [s for s in GRID if not only or s.name in only]
    unknown = set(only or ()) - {s.name for s in GRID}
    if unknown:
        names = ", ".join(s.name for s in GRID)
        raise BadInputError(f"unknown setting {sorted(unknown)[0]!r}; the grid has: {names}")
    examples = load_examples()
    prepare(examples)
    if not as_json:
        typer.echo(HEADER)
    results = select(
        examples,
        settings,
        third_party_sources(examples),
        None if as_json else lambda s, slices: typer.echo(format_row(s, slices)),
    )
    if as_json:
        payload = {s.name: {k: r.as_dict() for k, r in slices.items()} for s, slices in results}
        typer.echo(json.dumps(payload, indent=2))


@eval_app.command("agreement")
def agreement_cmd(
    second: Annotated[
        list[Path],
        typer.Argument(help="JSONL files of a second annotation: {id, action_items} a line."),
    ],
    gold: Annotated[
        list[Path] | None,
        typer.Option(
            "--gold",
            help="A labelled JSONL file that holds the same ids (repeat for several); default: "
            "the third-party development files (evals/thirdparty/dev*.jsonl, heldout.jsonl).",
        ),
    ] = None,
    engine_folds: Annotated[
        int,
        typer.Option(
            "--engine-folds",
            min=0,
            help="Also score the built-in engine on the same notes, trained without their "
            "sources (leave-sources-out in this many groups over the repository's training "
            "data); 0 skips it.",
        ),
    ] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """How well a second annotator agrees with the gold, beside the engine on the same notes.

    The second annotation is scored against the gold exactly as an engine is (evals/README.md
    scoring rule). Two careful people do not agree perfectly on what counts as a committed
    action item in someone else's notes; that agreement is the ceiling for any engine.
    """
    from assistant.evaluation.agreement import (
        Items,
        agreement,
        engine_beside,
        load_annotations,
    )

    if not gold:
        from assistant.evaluation.recap_training import REPO_ROOT, THIRD_PARTY_FILES

        gold = [REPO_ROOT / name for name in THIRD_PARTY_FILES]
    for file in [*second, *gold]:
        if not file.is_file():
            raise BadInputError(f"{file} is not a file")
    annotations: Items = {}
    for file in second:
        for case_id, items in load_annotations(file).items():
            if case_id in annotations:
                raise BadInputError(f"{file}: id {case_id!r} is also in another file")
            annotations[case_id] = items
    cases = [case for file in gold for case in load_cases(file)]
    rows = {"second annotator vs gold": agreement(cases, annotations)}
    if engine_folds:
        from assistant.evaluation.recap_training import SHIPPED, load_examples

        rows |= engine_beside(load_examples(), cases, annotations, SHIPPED, engine_folds)
    if as_json:
        typer.echo(json.dumps({name: result_payload(r) for name, r in rows.items()}, indent=2))
        return
    typer.echo(format_loso(rows))
    for name, r in rows.items():
        quiet, empty = no_action_share(r)
        typer.echo(f"no-action notes with no item ({name}): {quiet}/{empty}")


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
