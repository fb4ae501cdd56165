"""Retrieval benchmark: embedding throughput, indexing time, query latency at scale, memory.

    .venv/bin/python -m benchmarks.bench_retrieval [--quick] [--out FILE.md]

Full run: embeds and indexes 20,000 synthetic note chunks for real, then grows the notes
collection to 100,000 chunks for the latency measurements. The extra 80,000 chunks get
*perturbed copies* of real vectors (a real embedding plus small noise, renormalised) so the run
stays feasible on a 2-core machine; their text and metadata are real synthetic notes, so the
keyword side and the metadata filters see the full volume. `--quick` uses 1,000 / 10,000.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from assistant.config import Settings
from assistant.knowledge.chunking import chunk_note
from assistant.knowledge.documents import Chunk, NoteDocument
from assistant.knowledge.embeddings import LocalMiniLMEmbedding
from assistant.knowledge.index import KnowledgeIndex
from assistant.knowledge.retriever import Retriever
from assistant.paths import KNOWLEDGE_DIR

MANAGER = 1
REPORTS = 40

_SUBJECTS = """migration roadmap on-call pager hiring budget promotion onboarding incident
postmortem deadline customer escalation design review mentoring feedback workload burnout
vacation conference offsite dashboard billing refund release rollout sprint backlog estimate
architecture database queue latency outage interview intern training certification goal okr
metric churn renewal contract vendor security audit compliance handoff""".split()
_VERBS = """discussed agreed worried raised asked proposed decided shared flagged suggested
promised reviewed planned delayed shipped blocked unblocked escalated celebrated""".split()
_FIRST = "Ana Ben Cleo Dev Eli Fay Gus Hal Ivy Jo Kai Lea Max Nia Oto Pia Quin Rae Sol Tia".split()
_LAST = "Ruiz Ode Park Shah Lund Moss Reyes Bell Tran Kim Berg Vos Hale Diaz Roth Lima Okoye Chen"
_NAMES = [
    f"{f} {last}" for f, last in zip(_FIRST * 2, [*_LAST.split(), "Nagy", "Ito"] * 2, strict=True)
]
QUERIES = [
    "what did we decide about the on-call pager rotation",
    "worried about burnout and workload",
    "promotion to staff engineer and career goals",
    "customer escalation about billing refund",
    "hiring plan for the new intern",
    "postmortem of the database outage",
    "feedback on design review comments",
    "conference budget approval",
    "roadmap slipped because of migration",
    "security audit deadline",
]


def _corpus_vocabulary() -> tuple[list[str], list[float]]:
    """Words of the guidance corpus with Zipf weights (1/rank), for realistic term frequencies.

    A tiny vocabulary would put every query word in a third of all chunks, which no real notes
    do and which makes any BM25 engine look far slower than it is.
    """
    counts: dict[str, int] = {}
    for path in KNOWLEDGE_DIR.glob("*.md"):
        for word in re.findall(r"[a-z][a-z'-]+", path.read_text(encoding="utf-8").lower()):
            counts[word] = counts.get(word, 0) + 1
    words = sorted(counts, key=lambda w: -counts[w]) or _SUBJECTS
    return words, [1.0 / (rank + 1) for rank in range(len(words))]


_VOCAB, _WEIGHTS = _corpus_vocabulary()


def synthetic_note(rng: random.Random, sentences: int) -> str:
    lines = []
    for _ in range(sentences):
        words = [rng.choice(_VERBS), rng.choice(_SUBJECTS)]
        words += rng.choices(_VOCAB, weights=_WEIGHTS, k=rng.randint(5, 12))
        lines.append("- " + " ".join(words))
    return "\n".join(lines)


def synthetic_docs(chunks: int, seed: int) -> tuple[list[NoteDocument], list[Chunk]]:
    """Meetings with ~40-110 words of notes (one chunk each), over 40 reports and ~3 years."""
    rng = random.Random(seed)
    docs: list[NoteDocument] = []
    out: list[Chunk] = []
    start = date(2024, 1, 1)
    while len(out) < chunks:
        report = rng.randrange(REPORTS)
        doc = NoteDocument(
            MANAGER,
            report + 1,
            seed * 1_000_000 + len(docs) + 1,
            start + timedelta(days=rng.randrange(1000)),
            _NAMES[report],
            synthetic_note(rng, rng.randint(4, 9)),
        )
        docs.append(doc)
        out.extend(chunk_note(doc))
    return docs, out


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return percentiles(samples)


def peak_rss_mb() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def bench_embedding(texts: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for threads in (1, 2):
        ef = LocalMiniLMEmbedding(threads=threads)
        ef.embed_array(texts[:8])  # load + warm up
        t0 = time.perf_counter()
        ef.embed_array(texts)
        out[f"threads={threads}"] = len(texts) / (time.perf_counter() - t0)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark offline embeddings and retrieval.")
    parser.add_argument("--quick", action="store_true", help="1,000 real + 10,000 total chunks")
    parser.add_argument("--out", default="test-artifacts/bench_retrieval.md")
    parser.add_argument("--real", type=int, help="chunks embedded for real (default 20,000)")
    parser.add_argument("--total", type=int, help="chunks for latency (default 100,000)")
    parser.add_argument("--profile", action="store_true", help="cProfile the hybrid query")
    args = parser.parse_args(argv)
    real_n, total_n = (1_000, 10_000) if args.quick else (20_000, 100_000)
    real_n, total_n = args.real or real_n, args.total or total_n
    queries = 60 if args.quick else 200
    lines: list[str] = []

    def say(text: str = "") -> None:
        print(text, flush=True)
        lines.append(text)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    say("# Retrieval benchmark")
    say()
    cmd = " ".join(["python -m benchmarks.bench_retrieval", *(argv or sys.argv[1:])])
    say(
        f"Command: `.venv/bin/{cmd}` — {date.today().isoformat()}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}, "
        f"load average at start {load:.2f} (the machine is shared; numbers are noisy)."
    )
    say()

    note_docs, real = synthetic_docs(real_n, seed=1)
    words = statistics.mean(len(c.text.split()) for c in real)
    say("## Embedding throughput (all-MiniLM-L6-v2 int8, onnxruntime, pad to batch longest)")
    say()
    sample = [c.text for c in real[:300]]
    for name, rate in bench_embedding(sample).items():
        say(f"- note chunks (~{words:.0f} words): {rate:.0f} docs/s with {name}")
    short = [f"Short status line number {i} about the roadmap" for i in range(300)]
    say(f"- short texts (8 words): {bench_embedding(short)['threads=2']:.0f} docs/s with threads=2")
    say()

    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        settings = Settings(_env_file=None, data_dir=Path(tmp))
        index = KnowledgeIndex.from_settings(settings)
        say(f"## Indexing {real_n:,} note chunks (real embeddings, Chroma + FTS5)")
        say()
        t0 = time.perf_counter()
        stats = index.sync_notes(MANAGER, note_docs)
        took = time.perf_counter() - t0
        say(
            f"- first sync: {took:.1f} s for {stats.chunks_embedded:,} chunks "
            f"({stats.chunks_embedded / took:.0f} chunks/s end to end)"
        )
        t0 = time.perf_counter()
        again = index.sync_notes(MANAGER, note_docs)
        say(
            f"- re-sync, nothing changed: {time.perf_counter() - t0:.2f} s, "
            f"{again.chunks_embedded} chunks embedded"
        )
        say()

        # Grow to total_n with perturbed copies of real vectors (see module docstring).
        col = index.notes(MANAGER)
        assert col is not None
        base = np.asarray(
            col.get(include=["embeddings"], limit=2_000)["embeddings"], dtype=np.float32
        )
        rng = np.random.default_rng(7)
        _, extra = synthetic_docs(total_n - len(real), seed=2)
        t0 = time.perf_counter()
        for start in range(0, len(extra), 5_000):
            part = extra[start : start + 5_000]
            vecs = base[rng.integers(0, len(base), len(part))]
            vecs = vecs + rng.normal(0, 0.03, vecs.shape).astype(np.float32)
            vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
            col.upsert(
                ids=[c.id for c in part],
                embeddings=vecs,
                documents=[c.text for c in part],
                metadatas=[c.metadata() for c in part],
            )
            by_doc: dict[str, list[Chunk]] = {}
            for c in part:
                by_doc.setdefault(c.doc_key, []).append(c)
            index.keyword.replace_documents(by_doc)  # type: ignore[arg-type]
        say(
            f"## Query latency at {col.count():,} note chunks "
            f"({total_n - real_n:,} with perturbed vectors, inserted in "
            f"{time.perf_counter() - t0:.0f} s)"
        )
        say()
        index.sync_guidance()
        retriever = Retriever(index, MANAGER)
        qvecs = [index.embed([q])[0] for q in QUERIES]
        it = iter(range(10**9))

        def q() -> str:
            return QUERIES[next(it) % len(QUERIES)]

        def vec_only() -> None:
            i = next(it) % len(qvecs)
            col.query(query_embeddings=[qvecs[i]], n_results=20, include=["documents", "metadatas"])

        rows: list[tuple[str, Callable[[], object]]] = [
            ("embed one query", lambda: index.embed([q()])),
            ("vector only (Chroma query, no filter, k=20)", vec_only),
            (
                "keyword only (FTS5 BM25, k=20)",
                lambda: index.keyword.search(q(), kind="note", manager_id=MANAGER, limit=20),
            ),
            (
                "hybrid end to end (embed + guidance + notes, both sides, RRF)",
                lambda: retriever.search(q(), limit=5),
            ),
            (
                "hybrid, notes only, report filter",
                lambda: retriever.search(q(), kind="note", report_id=7, limit=5),
            ),
            (
                "hybrid, notes only, last 90 days",
                lambda: retriever.search(q(), kind="note", date_from=date(2026, 7, 1), limit=5),
            ),
        ]
        if args.profile:
            import cProfile
            import pstats

            with cProfile.Profile() as prof:
                for _ in range(30):
                    retriever.search(q(), limit=5)
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        say("| query | p50 ms | p95 ms |")
        say("|---|---:|---:|")
        for name, fn in rows:
            fn()
            p50, p95 = timed(fn, queries)
            say(f"| {name} | {p50:.1f} | {p95:.1f} |")
        say()
        index.close()
    say(f"Peak RSS of the benchmark process: {peak_rss_mb():.0f} MB.")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"Wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
