"""Scoring of recap action items against gold labels, exactly as evals/README.md defines it.

1. task similarity = token-set F1 after lowercasing, splitting on non-alphanumerics and removing
   common stopwords; 2. a prediction matches a gold item of the same case when similarity >= 0.5,
   one-to-one, greedily, highest similarity first; 3. micro precision/recall/F1 over all cases;
4. owner accuracy and due accuracy over matched pairs (null == null counts as equal).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.domain.recap import RecapDraft
from assistant.errors import BadInputError
from assistant.words import words

if TYPE_CHECKING:
    from assistant.services import Services

MATCH_THRESHOLD = 0.5

# A common English stopword list (the classic NLTK set), fixed here so scores are reproducible.
STOPWORDS: frozenset[str] = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom this
    that these those am is are was were be been being have has had having do does did doing a an
    the and but if or because as until while of at by for with about against between into through
    during before after above below to from up down in out on off over under again further then
    once here there when where why how all any both each few more most other some such no nor not
    only own same so than too very s t can will just don should now d ll m o re ve y ain aren
    couldn didn doesn hadn hasn haven isn ma mightn mustn needn shan shouldn wasn weren won
    wouldn""".split()
)


# (notes, meeting_date, manager, report) -> draft; extract_recap fits via keyword arguments.
RecapEngine = Callable[..., RecapDraft]


def task_tokens(text: str) -> frozenset[str]:
    """Lowercased alphanumeric tokens of a task text (letters of any script), without stopwords.

    Scripts written without spaces (Chinese, Japanese, Thai) count in character pairs, since a
    split on non-alphanumerics alone would make each clause one token.
    """
    return frozenset(t for t in words(text) if t not in STOPWORDS)


def task_similarity(predicted: str, gold: str) -> float:
    """Token-set F1 between two task texts (0 when either has no content tokens)."""
    a, b = task_tokens(predicted), task_tokens(gold)
    if not a or not b:
        return 0.0
    common = len(a & b)
    if common == 0:
        return 0.0
    precision, recall = common / len(a), common / len(b)
    return 2 * precision * recall / (precision + recall)


def _norm_name(name: str | None) -> str:
    return " ".join((name or "").lower().split())


@dataclass(frozen=True)
class ScoredItem:
    """An action item reduced to what the scorer compares."""

    task: str
    owner: str
    due: dt.date | None


@dataclass(frozen=True)
class EvalCase:
    """One labelled example from a recap JSONL file."""

    case_id: str
    meeting_date: dt.date
    manager: str
    report: str
    notes: str
    gold: tuple[ScoredItem, ...]
    author: str = "manager"  # who wrote the notes: "manager", "report" or a name
    source_id: str = ""  # where the note came from (for per-source breakdowns)
    layout: tuple[str, ...] = ()  # layout tags ("action-section", "transcript", ...)


@dataclass(frozen=True)
class MatchedPair:
    predicted: ScoredItem
    gold: ScoredItem
    similarity: float

    @property
    def owner_ok(self) -> bool:
        return _norm_name(self.predicted.owner) == _norm_name(self.gold.owner)

    @property
    def due_ok(self) -> bool:
        return self.predicted.due == self.gold.due


@dataclass(frozen=True)
class CaseResult:
    """Per-case details: what matched, what was missed, what was extra."""

    case_id: str
    matches: tuple[MatchedPair, ...]
    missed_gold: tuple[ScoredItem, ...]
    extra_predicted: tuple[ScoredItem, ...]
    source_id: str = ""
    layout: tuple[str, ...] = ()

    @property
    def n_predicted(self) -> int:
        return len(self.matches) + len(self.extra_predicted)

    @property
    def n_gold(self) -> int:
        return len(self.matches) + len(self.missed_gold)


@dataclass(frozen=True)
class EvalResult:
    """Micro-averaged scores over all cases, plus the per-case details."""

    cases: tuple[CaseResult, ...] = field(default_factory=tuple)

    @property
    def matched(self) -> int:
        return sum(len(c.matches) for c in self.cases)

    @property
    def predicted(self) -> int:
        return sum(c.n_predicted for c in self.cases)

    @property
    def gold(self) -> int:
        return sum(c.n_gold for c in self.cases)

    @property
    def precision(self) -> float:
        # No predictions and no gold anywhere is a perfect (empty) answer.
        if self.predicted == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.matched / self.predicted

    @property
    def recall(self) -> float:
        if self.gold == 0:
            return 1.0 if self.predicted == 0 else 0.0
        return self.matched / self.gold

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    @property
    def owner_accuracy(self) -> float:
        pairs = [m for c in self.cases for m in c.matches]
        return sum(m.owner_ok for m in pairs) / len(pairs) if pairs else 1.0

    @property
    def due_accuracy(self) -> float:
        pairs = [m for c in self.cases for m in c.matches]
        return sum(m.due_ok for m in pairs) / len(pairs) if pairs else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "cases": len(self.cases),
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "owner_accuracy": round(self.owner_accuracy, 4),
            "due_accuracy": round(self.due_accuracy, 4),
        }


def match_items(
    predicted: Sequence[ScoredItem], gold: Sequence[ScoredItem], case_id: str = ""
) -> CaseResult:
    """Greedy one-to-one matching, highest similarity first (ties: earlier items first)."""
    candidates: list[tuple[float, int, int]] = []
    for pi, p in enumerate(predicted):
        for gi, g in enumerate(gold):
            sim = task_similarity(p.task, g.task)
            if sim >= MATCH_THRESHOLD:
                candidates.append((sim, pi, gi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[MatchedPair] = []
    for sim, pi, gi in candidates:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        pairs.append(MatchedPair(predicted[pi], gold[gi], sim))
    return CaseResult(
        case_id=case_id,
        matches=tuple(pairs),
        missed_gold=tuple(g for i, g in enumerate(gold) if i not in used_g),
        extra_predicted=tuple(p for i, p in enumerate(predicted) if i not in used_p),
    )


def _parse_date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadInputError(f"{where}: date must be 'YYYY-MM-DD' or null, got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise BadInputError(f"{where}: date must be 'YYYY-MM-DD', got {value!r}") from e


def parse_items(items: Any, where: str) -> tuple[ScoredItem, ...]:
    """A JSON list of `{"task", "owner", "due"}` action items (`where` names it in errors)."""
    if not isinstance(items, list):
        raise BadInputError(f"{where} must be a list")
    scored: list[ScoredItem] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or "task" not in item or "owner" not in item:
            raise BadInputError(f"{where}[{i}] needs task and owner")
        due = _parse_date(item.get("due"), f"{where}[{i}].due")
        scored.append(ScoredItem(str(item["task"]), str(item["owner"]), due))
    return tuple(scored)


def _parse_case(raw: Any, where: str) -> EvalCase:
    if not isinstance(raw, dict):
        raise BadInputError(f"{where}: each line must be a JSON object")
    missing = [k for k in ("notes", "meeting_date", "manager", "report", "gold") if k not in raw]
    if missing:
        raise BadInputError(f"{where}: missing field(s) {', '.join(missing)}")
    gold = raw["gold"]
    items = gold.get("action_items") if isinstance(gold, dict) else None
    scored = parse_items(items, f"{where}: gold.action_items")
    meeting = _parse_date(raw["meeting_date"], f"{where} meeting_date")
    if meeting is None:
        raise BadInputError(f"{where}: meeting_date is required")
    layout = raw.get("layout", ())
    if isinstance(layout, str):
        layout = [layout]
    if not isinstance(layout, list | tuple) or not all(isinstance(t, str) for t in layout):
        raise BadInputError(f"{where}: layout must be a tag or a list of tags")
    return EvalCase(
        case_id=str(raw.get("id", where)),
        meeting_date=meeting,
        manager=str(raw["manager"]),
        report=str(raw["report"]),
        notes=str(raw["notes"]),
        gold=tuple(scored),
        author=str(raw.get("author") or "manager"),
        source_id=str(raw.get("source_id") or ""),
        layout=tuple(layout),
    )


def json_lines(lines: Iterable[str], source: str = "<input>") -> Iterator[tuple[str, Any]]:
    """(where, value) for each non-blank JSONL line; `where` names the line in errors."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source} line {n}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as e:
            raise BadInputError(f"{where}: not valid JSON ({e.msg})") from e


def parse_cases(lines: Iterable[str], source: str = "<input>") -> list[EvalCase]:
    """Parse JSONL text lines into cases; blank lines are skipped."""
    return [_parse_case(raw, where) for where, raw in json_lines(lines, source)]


def load_cases(path: str | Path) -> list[EvalCase]:
    """Load a recap JSONL file (format in evals/README.md)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise BadInputError(f"cannot read {p}: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise BadInputError(f"{p} is not UTF-8 text") from e
    cases = parse_cases(text.splitlines(), source=str(p))
    if not cases:
        raise BadInputError(f"{p} contains no cases")
    return cases


def draft_items(draft: RecapDraft) -> list[ScoredItem]:
    return [ScoredItem(a.task, a.owner, a.due) for a in draft.action_items]


def evaluate(cases: Sequence[EvalCase], engine: RecapEngine) -> EvalResult:
    """Run `engine` on every case (telling it who wrote the notes) and score its items."""
    results: list[CaseResult] = []
    for case in cases:
        draft = engine(
            case.notes,
            meeting_date=case.meeting_date,
            manager=case.manager,
            report=case.report,
            author=case.author,
        )
        result = match_items(draft_items(draft), case.gold, case.case_id)
        results.append(replace(result, source_id=case.source_id, layout=case.layout))
    return EvalResult(tuple(results))


def breakdown(result: EvalResult, by: str) -> dict[str, EvalResult]:
    """Scores per source ("source") or per layout tag ("layout"; a case counts under each of
    its tags). Cases without a source or tag are grouped under "-"."""
    groups: dict[str, list[CaseResult]] = {}
    for case in result.cases:
        keys = [case.source_id or "-"] if by == "source" else list(case.layout) or ["-"]
        for key in keys:
            groups.setdefault(key, []).append(case)
    return {key: EvalResult(tuple(cases)) for key, cases in sorted(groups.items())}


def no_action_share(result: EvalResult) -> tuple[int, int]:
    """(cases with no gold item that also got no predicted item, cases with no gold item)."""
    empty = [c for c in result.cases if c.n_gold == 0]
    return sum(1 for c in empty if c.n_predicted == 0), len(empty)


def result_payload(result: EvalResult) -> dict[str, Any]:
    """The pooled scores as JSON, with how many no-action notes got no item."""
    payload = result.as_dict()
    quiet, empty = no_action_share(result)
    payload["no_action_cases"] = {"cases": empty, "with_no_item": quiet}
    return payload


def service_engine(svc: Services, *, proposed_only: bool = False) -> RecapEngine:
    """The recap as the product drafts it (`svc.recap`: the configured model, checked against
    the notes, or the built-in engine), as an engine to score. `proposed_only`: only the items
    the Recap page ticks by default (not those the model left out), what an unchanged save keeps.
    """

    def engine(notes: str, **kw: Any) -> RecapDraft:
        draft = svc.recap.draft_for(
            notes,
            meeting_date=kw["meeting_date"],
            manager=kw["manager"],
            report=kw["report"],
            people=kw.get("known_people", ()),
            author=kw.get("author", "manager"),
        )
        return draft.as_ticked() if proposed_only else draft

    return engine


def _fmt_item(item: ScoredItem) -> str:
    due = item.due.isoformat() if item.due else "null"
    return f"{item.task} | {item.owner} | {due}"


def _row(name: str, r: EvalResult) -> str:
    return (
        f"  {name[:28]:<28} {len(r.cases):>5} {r.gold:>5} {r.precision:>6.3f} {r.recall:>6.3f} "
        f"{r.f1:>6.3f} {r.owner_accuracy:>6.3f} {r.due_accuracy:>6.3f}"
    )


def format_breakdown(result: EvalResult, by: str) -> list[str]:
    """A table of scores per source or per layout tag (empty when the data has no tags)."""
    groups = breakdown(result, by)
    if set(groups) <= {"-"}:
        return []
    head = f"  {'per ' + by:<28} {'cases':>5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6} "
    return ["", head + f"{'owner':>6} {'due':>6}", *(_row(k, v) for k, v in groups.items())]


def format_report(result: EvalResult, *, verbose: bool = False) -> str:
    """A printable summary with per-source and per-layout tables; with verbose, the misses
    and wrong owners/dates per case."""
    quiet, empty = no_action_share(result)
    lines = [
        f"cases {len(result.cases)}  gold {result.gold}  predicted {result.predicted}  "
        f"matched {result.matched}",
        f"precision {result.precision:.3f}  recall {result.recall:.3f}  f1 {result.f1:.3f}",
        f"owner accuracy {result.owner_accuracy:.3f}  due accuracy {result.due_accuracy:.3f}",
    ]
    if empty:
        lines.append(f"no-action notes with no item: {quiet}/{empty}")
    lines += format_breakdown(result, "source") + format_breakdown(result, "layout")
    if verbose:
        for case in result.cases:
            bad = [m for m in case.matches if not (m.owner_ok and m.due_ok)]
            if not (case.missed_gold or case.extra_predicted or bad):
                continue
            lines.append(f"\n[{case.case_id}]")
            lines += [f"  MISSED  {_fmt_item(g)}" for g in case.missed_gold]
            lines += [f"  EXTRA   {_fmt_item(p)}" for p in case.extra_predicted]
            for m in bad:
                lines.append(f"  WRONG   {_fmt_item(m.predicted)}  (gold: {_fmt_item(m.gold)})")
    return "\n".join(lines)


def format_loso(rows: dict[str, EvalResult]) -> str:
    """Pooled scores of several runs over the same cases, then F1 per source side by side."""
    head = f"  {'run':<28} {'cases':>5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6} "
    head += f"{'owner':>6} {'due':>6}"
    lines = ["pooled", head, *(_row(name, r) for name, r in rows.items())]
    per = {name: breakdown(r, "source") for name, r in rows.items()}
    sources = sorted({k for groups in per.values() for k in groups})
    lines += ["", "F1 per source", f"  {'source':<28} " + " ".join(f"{n[:12]:>12}" for n in rows)]
    for src in sources:
        cells = [per[name].get(src) for name in rows]
        lines.append(
            f"  {src[:28]:<28} " + " ".join(f"{c.f1:>12.3f}" if c else f"{'-':>12}" for c in cells)
        )
    return "\n".join(lines)
