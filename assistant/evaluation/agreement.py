"""How far two people agree when they annotate the same notes, scored like the engine.

A second annotator labels notes that already have gold, without seeing it. Their items are
scored against the first annotator's gold by the same rule as the engine (token-set task
similarity >= 0.5, one-to-one, owner and due on matched pairs). Two careful people rarely
agree perfectly on what counts as a committed action item in someone else's minutes, so
this is the ceiling any engine can be measured against on such notes. Evaluation code only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from assistant.errors import BadInputError
from assistant.evaluation.recap_eval import (
    CaseResult,
    EvalCase,
    EvalResult,
    ScoredItem,
    evaluate,
    json_lines,
    match_items,
    parse_items,
)
from assistant.evaluation.recap_training import Example, TrainConfig, held_out_scores

Annotations = Mapping[str, tuple[ScoredItem, ...]]
Items = dict[str, tuple[ScoredItem, ...]]


def parse_annotations(lines: Sequence[str], source: str = "<input>") -> Items:
    """A second annotation file: one JSON object a line, `{"id", "action_items": [{"task",
    "owner", "due"}]}` (blank lines skipped); ids must be unique."""
    out: Items = {}
    for where, raw in json_lines(lines, source):
        if not isinstance(raw, dict) or not isinstance(raw.get("id"), str):
            raise BadInputError(f"{where}: each line needs an 'id' string")
        if raw["id"] in out:
            raise BadInputError(f"{where}: id {raw['id']!r} appears twice")
        out[raw["id"]] = parse_items(raw.get("action_items"), f"{where}: action_items")
    return out


def load_annotations(path: str | Path) -> Items:
    file = Path(path)
    if not file.is_file():
        raise BadInputError(f"{file} is not a file")
    return parse_annotations(file.read_text(encoding="utf-8").splitlines(), str(file))


def annotated_cases(cases: Sequence[EvalCase], second: Annotations) -> list[EvalCase]:
    """The gold cases the second annotator labelled; an id with no gold case is an error
    (a typo would otherwise shrink the sample silently)."""
    known = {c.case_id for c in cases}
    unknown = sorted(set(second) - known)
    if unknown:
        raise BadInputError(f"no gold case with id {unknown[0]!r} ({len(unknown)} unknown ids)")
    return [c for c in cases if c.case_id in second]


def agreement(cases: Sequence[EvalCase], second: Annotations) -> EvalResult:
    """The second annotation scored against the gold of the same notes (gold = reference)."""
    results = []
    for case in annotated_cases(cases, second):
        r = match_items(second[case.case_id], case.gold, case.case_id)
        results.append(replace(r, source_id=case.source_id, layout=case.layout))
    return EvalResult(tuple(results))


def predicted_items(case: CaseResult) -> tuple[ScoredItem, ...]:
    """What an engine predicted on a case, recovered from its scored result."""
    return tuple(m.predicted for m in case.matches) + case.extra_predicted


def rescore(result: EvalResult, reference: Annotations) -> EvalResult:
    """An engine's predictions on the annotated cases, scored against another reference."""
    return EvalResult(
        tuple(
            replace(
                match_items(predicted_items(c), reference[c.case_id], c.case_id),
                source_id=c.source_id,
                layout=c.layout,
            )
            for c in result.cases
            if c.case_id in reference
        )
    )


def engine_beside(
    examples: Sequence[Example],
    cases: Sequence[EvalCase],
    annotations: Annotations,
    config: TrainConfig,
    folds: int,
) -> dict[str, EvalResult]:
    """The built-in engine on the annotated notes, scored against the gold and against the
    second annotation. A note the classifier decides is run by a model trained without its
    source (sources held out in `folds` groups); a transcript, which the classifier does not
    decide (`load_examples` leaves it out), is run by the engine as shipped."""
    annotated = annotated_cases(cases, annotations)
    chosen = [ex for ex in examples if ex.case.case_id in annotations]
    by_model = {ex.case.case_id for ex in chosen}
    held = sorted({ex.source for ex in chosen})
    groups = min(folds, len(held))
    scored: list[CaseResult] = []
    if held:
        pooled = held_out_scores(examples, config, held, folds=groups)
        scored += [c for c in pooled.cases if c.case_id in by_model]
    rest = [c for c in annotated if c.case_id not in by_model]
    if rest:
        from assistant.recap.builtin import extract_recap

        scored += evaluate(rest, extract_recap).cases
    order = {c.case_id: n for n, c in enumerate(annotated)}
    engine = EvalResult(tuple(sorted(scored, key=lambda c: order[c.case_id])))
    return {
        f"engine (LOSO {groups}) vs gold": engine,
        f"engine (LOSO {groups}) vs second": rescore(engine, annotations),
    }
