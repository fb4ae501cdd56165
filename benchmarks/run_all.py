"""Run every benchmark once, in quick mode where one exists (`make bench`).

Full-size numbers (20,000 indexed chunks, 100,000-chunk latency, 5 years of agendas) take
several minutes; the commands for them are in docs/benchmarks.md.
"""

from __future__ import annotations

import subprocess
import sys

QUICK_RUNS: list[list[str]] = [
    ["benchmarks.bench_recap"],
    ["benchmarks.bench_feedback"],
    ["benchmarks.bench_agenda", "--reports", "20", "--years", "2", "--runs", "100"],
    ["benchmarks.bench_retrieval", "--quick"],
    ["benchmarks.bench_failing_provider", "--deadline", "2"],
    ["benchmarks.bench_trust_inputs"],
]


def main() -> int:
    failed = 0
    for module, *args in QUICK_RUNS:
        print(f"\n== {module} {' '.join(args)}", flush=True)
        failed += subprocess.call([sys.executable, "-m", module, *args]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
