"""Latency of the built-in feedback engine: draft_feedback and check_wording (p50/p95, ms).

Run with `python -m benchmarks.bench_feedback`. Both calls are pure Python regex work, so a few
milliseconds is the budget; the UI calls check_wording on every edit of the draft.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial

from assistant.domain.feedback import FeedbackRequest
from assistant.feedback.builtin import check_wording, draft_feedback

_REQUESTS = [
    FeedbackRequest(
        report_name="Sam Lee",
        kind="constructive",
        what=(
            "In Tuesday's demo, Sam interrupted the client three times while they were "
            "explaining their requirements, so the client didn't get to finish and we ran out "
            "of time for the pricing discussion."
        ),
        style="gentle",
        recent_praise_count=0,
        recent_constructive_count=3,
        days_since_last_praise=75,
        goals=["Close the Acme renewal by Q3", "Improve client discovery calls"],
    ),
    FeedbackRequest(
        report_name="Priya Nair",
        kind="praise",
        what=(
            "Priya wrote the onboarding guide for new hires last week, which meant both new "
            "engineers shipped code in their first week."
        ),
        style="written_first",
        goals=["Publish the engineering onboarding guide"],
    ),
]
_DRAFT_TEXT = (
    "Great job on the demo, but the slides had typos. You always skip the checklist and "
    "honestly you're being careless. Why can't you be more like Sam? Nice of you to finally "
    "send the 'final' numbers. Your performance needs to improve. "
) * 4
_CLEAN_TEXT = (
    "In Tuesday's demo you walked the client through the pricing options one by one. "
    "They asked two follow-up questions and signed the order form the same afternoon. "
) * 30


def _timings(fn: Callable[[], object], runs: int) -> list[float]:
    for _ in range(10):  # warm up regex caches and imports
        fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _report(name: str, samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    print(f"{name:<32} p50 {p50:6.2f} ms   p95 {p95:6.2f} ms   (n={len(ordered)})")
    return {"p50_ms": p50, "p95_ms": p95}


def run(runs: int = 300) -> dict[str, dict[str, float]]:
    """Time both entry points; returns the numbers so a runner can collect them."""
    results: dict[str, dict[str, float]] = {}
    for request in _REQUESTS:
        results[f"draft_feedback[{request.kind}]"] = _report(
            f"draft_feedback[{request.kind}]", _timings(partial(draft_feedback, request), runs)
        )
    results["check_wording[1k chars, many issues]"] = _report(
        "check_wording[1k chars, many issues]",
        _timings(lambda: check_wording(_DRAFT_TEXT, "constructive"), runs),
    )
    results["check_wording[5k chars, clean]"] = _report(
        "check_wording[5k chars, clean]",
        _timings(lambda: check_wording(_CLEAN_TEXT, "praise"), runs),
    )
    results["check_wording[one sentence]"] = _report(
        "check_wording[one sentence]",
        _timings(lambda: check_wording("Great job!", "praise"), runs),
    )
    return results


if __name__ == "__main__":
    run()
