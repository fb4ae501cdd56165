"""Owner and false-positive error analysis of the leave-one-source-out recap runs.

For every third-party source, the line classifier is trained without it (as `coach eval
recap-loso` does) and the engine's items on its notes are compared with gold:

* matched items whose owner is wrong, bucketed by what the engine did (default owner guessed,
  a named owner that is another person, "I"/author, ...);
* predicted items that match no gold item (false positives), bucketed by the kind of line they
  came from (done, question/maybe, reported work, norm, agenda/topic, no-action note, ...).

Run: `.venv/bin/python -m assistant.evaluation.recap_owner_errors [--verbose]`.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass

import regex as re

from assistant.domain.recap import ActionItemDraft
from assistant.evaluation.recap_eval import ScoredItem, match_items
from assistant.evaluation.recap_training import (
    SHIPPED,
    Example,
    fit,
    load_examples,
    third_party_sources,
)
from assistant.recap.builtin.engine import recap_from_analysis


@dataclass(frozen=True)
class OwnerError:
    source: str
    case_id: str
    task: str
    gold_task: str
    predicted: str
    gold: str
    flags: tuple[str, ...]
    evidence: str
    bucket: str


@dataclass(frozen=True)
class FalsePositive:
    source: str
    case_id: str
    task: str
    owner: str
    evidence: str
    bucket: str
    no_action_note: bool
    origin: str


_DONE = re.compile(r"\[[xX*]\]|✅|✔|\b(?:done|completed?|finished|merged|fixed|closed)\b", re.I)
_TENTATIVE = re.compile(r"\?|\b(?:maybe|might|possibly|perhaps|could|if time|consider)\b", re.I)
_PAST = re.compile(r"\b(?:\w+ed|was|were|had|did|went|made|wrote|sent|got|found|ran)\b", re.I)
_NORM = re.compile(r"\b(?:always|every|each|should|must|never|weekly|regularly)\b", re.I)


def _fp_bucket(evidence: str) -> str:
    if _DONE.search(evidence):
        return "done"
    if _TENTATIVE.search(evidence):
        return "question/maybe"
    if _NORM.search(evidence):
        return "norm/should"
    if _PAST.search(evidence):
        return "reported/past"
    return "other (topic/agenda/statement)"


def _owner_bucket(item: ActionItemDraft, gold: str, a_people: object) -> str:
    flags = set(item.flags)
    if "owner_guessed" in flags or "owner_unclear" in flags:
        return "default owner (guessed)"
    role = item.owner_role
    if role in ("manager", "report"):
        return f"named/resolved to {role}"
    return "named other person"


def _origin(ex: Example, item: ActionItemDraft) -> str:
    """Where an item came from: a table or key block, a rule, or a line the classifier added."""
    a = ex.analysis
    if any(c.task == item.task for c in a.structured):
        return "table"
    for sentence, found in zip(a.sentences, a.rule_cands, strict=True):
        if sentence.text[:40] and sentence.text[:40] in item.evidence:
            return "rule" if found else "classifier-add"
    return "rule"


def analyse_errors(examples: list[Example]) -> tuple[list[OwnerError], list[FalsePositive]]:
    owner_errors: list[OwnerError] = []
    fps: list[FalsePositive] = []
    for source in third_party_sources(examples):
        model = fit([ex for ex in examples if ex.source != source], SHIPPED)
        for ex in (e for e in examples if e.source == source):
            draft = recap_from_analysis(ex.analysis, model)
            items = draft.action_items
            scored = [ScoredItem(i.task, i.owner, i.due) for i in items]
            result = match_items(scored, ex.case.gold, ex.case.case_id)
            by_scored = {id(s): it for s, it in zip(scored, items, strict=True)}
            for pair in result.matches:
                if pair.owner_ok:
                    continue
                item = by_scored[id(pair.predicted)]
                owner_errors.append(
                    OwnerError(
                        source,
                        ex.case.case_id,
                        item.task,
                        pair.gold.task,
                        item.owner,
                        pair.gold.owner,
                        tuple(item.flags),
                        item.evidence[:200],
                        _owner_bucket(item, pair.gold.owner, ex.analysis.people),
                    )
                )
            for extra in result.extra_predicted:
                item = by_scored[id(extra)]
                fps.append(
                    FalsePositive(
                        source,
                        ex.case.case_id,
                        item.task,
                        item.owner,
                        item.evidence[:200],
                        _fp_bucket(item.evidence),
                        not ex.case.gold,
                        _origin(ex, item),
                    )
                )
    return owner_errors, fps


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    examples = load_examples()
    owner_errors, fps = analyse_errors(examples)
    print(f"owner wrong on matched items: {len(owner_errors)}")
    for bucket, n in Counter(e.bucket for e in owner_errors).most_common():
        print(f"  {n:3d}  {bucket}")
    print(f"false positives: {len(fps)} ({sum(f.no_action_note for f in fps)} on no-action notes)")
    for bucket, n in Counter(f.bucket for f in fps).most_common():
        print(f"  {n:3d}  {bucket}")
    for origin, n in Counter(f.origin for f in fps).most_common():
        print(f"  {n:3d}  via {origin}")
    if verbose:
        print("\n# owner errors")
        for e in owner_errors:
            print(
                f"[{e.source} {e.case_id}] {e.bucket}: {e.predicted!r} vs gold {e.gold!r} "
                f"flags={list(e.flags)}\n   task: {e.task}\n   gold: {e.gold_task}\n"
                f"   evid: {e.evidence!r}"
            )
        print("\n# false positives")
        for f in fps:
            print(
                f"[{f.source} {f.case_id}] {f.bucket} via {f.origin}"
                f"{' NO-ACTION' if f.no_action_note else ''}: "
                f"{f.owner!r}\n   task: {f.task}\n   evid: {f.evidence!r}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
