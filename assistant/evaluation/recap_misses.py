"""Why the recap engine misses what it misses, under leave-one-source-out.

Each missed gold item of a LOSO run is filed in one bucket:

* ``a-no-sentence``: no sentence of the note holds half of the gold task's word stems (the
  gold paraphrases, or the text was not segmented into a sentence at all);
* ``a-line-refused``: the classifier picked the sentence, but the line reader made no item;
* ``b-vetoed``: a rule read the sentence, the classifier scored it below the keep threshold;
* ``b-not-added``: no rule read the sentence and it scored below the add threshold;
* ``c-text``: an item came from the sentence, but its task text scored below the match
  threshold against the gold (fragment, wrong span, or merged into another item).

Matched items with a wrong owner or due date are counted as ``d-owner`` and ``e-due``; false
positives by whether a rule or the classifier alone made them. Evaluation code only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.evaluation.recap_eval import draft_items, match_items, task_similarity
from assistant.evaluation.recap_training import (
    Example,
    TrainConfig,
    _stems,
    fit,
)
from assistant.recap.builtin.engine import decide, recap_from_analysis
from assistant.recap.builtin.line_items import line_item
from assistant.recap.builtin.line_model import LineModel


@dataclass
class MissReport:
    buckets: Counter[str] = field(default_factory=Counter)
    rows: list[tuple[str, str, str, str, float, str]] = field(default_factory=list)


def _best_sentence(ex: Example, gold_task: str) -> tuple[int | None, float]:
    gold_stems = _stems(gold_task)
    best, best_share = None, 0.0
    for i, s in enumerate(ex.analysis.sentences):
        share = len(gold_stems & _stems(s.text)) / len(gold_stems) if gold_stems else 0.0
        if share > best_share:
            best, best_share = i, share
    return (best, best_share) if best_share >= 0.5 else (None, best_share)


def explain_misses(ex: Example, model: LineModel, report: MissReport) -> None:
    a = ex.analysis
    draft = recap_from_analysis(a, model)
    result = match_items(draft_items(draft), ex.case.gold, ex.case.case_id)
    for m in result.matches:
        if not m.owner_ok:
            report.buckets["d-owner"] += 1
        if not m.due_ok:
            report.buckets["e-due"] += 1
    scores = model.scores(a.features)
    cands = decide(a, model)
    for gold in result.missed_gold:
        i, _share = _best_sentence(ex, gold.task)
        if i is None:
            bucket, detail, score = "a-no-sentence", "", 0.0
        else:
            s = a.sentences[i]
            score = scores[i]
            made = [c for c in cands if any(x < s.end and y > s.start for x, y in c.spans)]
            if made:
                best = max(made, key=lambda c: task_similarity(c.task, gold.task))
                bucket, detail = "c-text", best.task
            elif a.rule_cands[i]:
                bucket, detail = "b-vetoed", a.rule_cands[i][0].task
            elif score >= model.add_threshold:
                bucket, detail = "a-line-refused", ""
                if not line_item(a.sentences, i, a.people, a.meeting):
                    detail = "line_item gave nothing"
            else:
                bucket, detail = "b-not-added", ""
            detail = f"{detail} || {s.text[:160]}"
        report.buckets[bucket] += 1
        report.rows.append((bucket, ex.source, ex.case.case_id, gold.task, score, detail))
    report.buckets["fp"] += len(result.extra_predicted)


def loso_misses(
    examples: Sequence[Example], config: TrainConfig, held: Sequence[str]
) -> MissReport:
    report = MissReport()
    for source in sorted(set(held)):
        model = fit([ex for ex in examples if ex.source != source], config)
        for ex in examples:
            if ex.source == source:
                explain_misses(ex, model, report)
    return report


def format_misses(report: MissReport, *, verbose: bool = False) -> str:
    lines = ["bucket counts"] + [f"  {k:<16} {v:>4}" for k, v in sorted(report.buckets.items())]
    if verbose:
        for bucket, source, case, gold, score, detail in sorted(report.rows):
            lines.append(f"[{bucket}] {source} {case} p={score:.2f}\n   GOLD {gold}\n   {detail}")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - a developer's tool
    import sys

    from assistant.evaluation.recap_training import SHIPPED, load_examples, third_party_sources

    exs = load_examples()
    rep = loso_misses(exs, SHIPPED, third_party_sources(exs))
    print(format_misses(rep, verbose="-v" in sys.argv))
