"""Retrieval quality: recall@5 and MRR of the hybrid retriever on labelled queries.

Guidance cases (`{"id", "query", "relevant": [file names]}`) are scored at file level: a hit
when any of the top-k results comes from a relevant file. Note cases (`{"id", "query",
"report"?, "relevant_meeting_keys": [...]}`) are scored at meeting level; meeting keys are
resolved to meeting ids by a mapping or callable the caller provides (the DB seeding knows
them). When a case names a report it is searched with that report filter, as a manager would.

    python -m assistant.evaluation.retrieval_eval [--guidance FILE] [--notes FILE|none]
        [--knowledge-dir DIR] [--k 5]

Without a database, `--notes` cases run against the demo team's notes (assistant/demo), with
meeting ids assigned here.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import BadInputError

if TYPE_CHECKING:
    from assistant.knowledge.documents import NoteDocument
    from assistant.knowledge.retriever import Retriever

logger = logging.getLogger(__name__)

DEFAULT_K = 5
MRR_DEPTH = 10  # MRR looks this deep; beyond it a case counts 0
TARGET_RECALL = 0.90

KeyResolver = Mapping[str, int] | Callable[[str], int | None]


@dataclass(frozen=True)
class GuidanceCase:
    id: str
    query: str
    relevant: frozenset[str]


@dataclass(frozen=True)
class NoteCase:
    id: str
    query: str
    relevant_meeting_keys: tuple[str, ...]
    report: str | None = None


@dataclass
class CaseResult:
    id: str
    query: str
    rank: int | None  # 1-based rank of the first relevant result, within MRR_DEPTH
    top: list[str]  # citations of the top-k, for reading misses


@dataclass
class EvalReport:
    name: str
    k: int
    cases: list[CaseResult] = field(default_factory=list)

    @property
    def recall(self) -> float:
        if not self.cases:
            return 0.0
        return sum(1 for c in self.cases if c.rank is not None and c.rank <= self.k) / len(
            self.cases
        )

    @property
    def mrr(self) -> float:
        if not self.cases:
            return 0.0
        return sum(1.0 / c.rank for c in self.cases if c.rank) / len(self.cases)

    @property
    def misses(self) -> list[CaseResult]:
        return [c for c in self.cases if c.rank is None or c.rank > self.k]


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise BadInputError(f"{path}:{n}: not valid JSON: {e}") from e
        if not isinstance(row, dict) or not str(row.get("query", "")).strip():
            raise BadInputError(f"{path}:{n}: expected an object with a 'query'")
        rows.append(row)
    return rows


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def load_guidance_cases(path: Path) -> list[GuidanceCase]:
    return [
        GuidanceCase(str(r.get("id", n)), str(r["query"]), frozenset(_strings(r.get("relevant"))))
        for n, r in enumerate(_read_jsonl(path), start=1)
    ]


def load_note_cases(path: Path) -> list[NoteCase]:
    return [
        NoteCase(
            str(r.get("id", n)),
            str(r["query"]),
            tuple(_strings(r.get("relevant_meeting_keys"))),
            str(r["report"]) if r.get("report") else None,
        )
        for n, r in enumerate(_read_jsonl(path), start=1)
    ]


def _resolve(resolver: KeyResolver | None, key: str) -> int | None:
    if resolver is None:
        return None
    if isinstance(resolver, Mapping):
        return resolver.get(key)
    return resolver(key)


def _first_rank(found: Sequence[object], relevant: Collection[object]) -> int | None:
    """1-based rank of the first relevant item, or None."""
    return next((i for i, item in enumerate(found, start=1) if item in relevant), None)


def evaluate_guidance(
    retriever: Retriever, cases: Iterable[GuidanceCase], k: int = DEFAULT_K
) -> EvalReport:
    report = EvalReport("guidance", k)
    for case in cases:
        results = retriever.search(case.query, kind="guidance", limit=max(k, MRR_DEPTH))
        rank = _first_rank([r.source for r in results], case.relevant)
        report.cases.append(
            CaseResult(case.id, case.query, rank, [r.citation for r in results[:k]])
        )
    return report


def evaluate_notes(
    retriever: Retriever,
    cases: Iterable[NoteCase],
    meeting_ids: KeyResolver,
    report_ids: KeyResolver | None = None,
    k: int = DEFAULT_K,
) -> EvalReport:
    """Meeting-level recall@k/MRR. Unknown meeting keys are an error (bad labels, not a miss)."""
    report = EvalReport("notes", k)
    for case in cases:
        relevant: set[int] = set()
        for key in case.relevant_meeting_keys:
            meeting_id = _resolve(meeting_ids, key)
            if meeting_id is None:
                raise BadInputError(f"{case.id}: unknown meeting key {key!r}")
            relevant.add(meeting_id)
        report_id = _resolve(report_ids, case.report) if case.report else None
        results = retriever.search(
            case.query, kind="note", report_id=report_id, limit=max(k, MRR_DEPTH)
        )
        rank = _first_rank([r.meeting_id for r in results], relevant)
        report.cases.append(
            CaseResult(case.id, case.query, rank, [r.citation for r in results[:k]])
        )
    return report


def format_table(reports: Sequence[EvalReport]) -> str:
    lines = [
        f"{'set':<10} {'cases':>5} {'recall@' + str(reports[0].k if reports else DEFAULT_K):>9} "
        f"{'MRR':>6}  target",
    ]
    for rep in reports:
        ok = "ok" if rep.recall >= TARGET_RECALL else "BELOW"
        lines.append(
            f"{rep.name:<10} {len(rep.cases):>5} {rep.recall:>9.3f} {rep.mrr:>6.3f}  "
            f">= {TARGET_RECALL:.2f} {ok}"
        )
    for rep in reports:
        for miss in rep.misses:
            where = f"rank {miss.rank}" if miss.rank else f"not in top {MRR_DEPTH}"
            lines.append(f"  miss {rep.name} {miss.id} ({where}): {miss.query}")
    return "\n".join(lines)


# -- running without a database: the demo team's notes ---------------------------------------

DEMO_MANAGER_ID = 1


def demo_note_documents(
    today: date | None = None,
) -> tuple[list[NoteDocument], dict[str, int], dict[str, int]]:
    """The demo team's held meetings as NoteDocuments, with key->meeting id and name->report id."""
    from assistant.demo import load_demo_team
    from assistant.knowledge.documents import NoteDocument

    today = today or date.today()
    team = load_demo_team()
    docs: list[NoteDocument] = []
    meeting_ids: dict[str, int] = {}
    report_ids: dict[str, int] = {}
    for report_id, rep in enumerate(team.reports, start=1):
        report_ids[rep.name] = report_id
        for meeting in rep.meetings:
            meeting_ids[meeting.key] = len(meeting_ids) + 1
            if meeting.raw_notes:
                docs.append(
                    NoteDocument(
                        manager_id=DEMO_MANAGER_ID,
                        report_id=report_id,
                        meeting_id=meeting_ids[meeting.key],
                        meeting_date=today - timedelta(days=meeting.days_ago),
                        report_name=rep.name,
                        text=meeting.raw_notes,
                    )
                )
    return docs, meeting_ids, report_ids


def main(argv: Sequence[str] | None = None) -> int:
    from assistant.config import Settings
    from assistant.knowledge.index import KnowledgeIndex
    from assistant.knowledge.retriever import Retriever
    from assistant.paths import KNOWLEDGE_DIR, PROJECT_ROOT

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    evals = PROJECT_ROOT / "evals"
    parser.add_argument("--guidance", default=str(evals / "retrieval_guidance.jsonl"))
    parser.add_argument("--notes", default=str(evals / "retrieval_notes.jsonl"))
    parser.add_argument("--knowledge-dir", default=str(KNOWLEDGE_DIR))
    parser.add_argument("--k", type=int, default=DEFAULT_K)
    parser.add_argument("--rrf-k", type=int, help="override the fusion constant (tuning)")
    parser.add_argument("--candidates", type=int, help="override candidates per side (tuning)")
    args = parser.parse_args(argv)

    reports: list[EvalReport] = []
    with tempfile.TemporaryDirectory(prefix="coach-eval-") as tmp:
        index = KnowledgeIndex.from_settings(Settings(data_dir=Path(tmp)))
        try:
            index.sync_guidance(Path(args.knowledge_dir))
            retriever = Retriever(index, DEMO_MANAGER_ID)
            if args.rrf_k:
                retriever.rrf_k = args.rrf_k
            if args.candidates:
                retriever.candidates = args.candidates
            if args.guidance != "none" and Path(args.guidance).is_file():
                cases = load_guidance_cases(Path(args.guidance))
                reports.append(evaluate_guidance(retriever, cases, args.k))
            if args.notes != "none" and Path(args.notes).is_file():
                docs, meeting_ids, report_ids = demo_note_documents()
                index.sync_notes(DEMO_MANAGER_ID, docs)
                note_cases = load_note_cases(Path(args.notes))
                reports.append(
                    evaluate_notes(retriever, note_cases, meeting_ids, report_ids, args.k)
                )
        finally:
            index.close()
    if not reports:
        print("No eval files found.", file=sys.stderr)
        return 2
    print(format_table(reports))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
