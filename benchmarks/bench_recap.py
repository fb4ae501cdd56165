"""Latency of the built-in recap engine on a ~2,000-word note.

Run: `python -m benchmarks.bench_recap [--runs N] [--words N]`. Prints p50/p95 in ms.
The note is synthetic (fictional people), mixing prose, bullets, checklists and a transcript,
so every rule family is exercised.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time

from assistant.recap.builtin import extract_recap

_BLOCKS = [
    """Weekly 1:1 with Priya Ansel

Priya walked me through the billing migration. About 70% of accounts have moved; the rest are
blocked on the tax export. She will finish the tax export fix by Thursday, and I'll ask Marco
Lindgren (finance ops) to review the reconciliation report on Monday. If the export slips we
might delay the cutover, but nobody wants that.""",
    """AI list:
- Priya: write up the incident review today
- Owen: order two more test devices by EOW
- Priya: draft the Q3 hiring plan by the 14th
- [x] Priya: send the vendor contract to legal
- ~~Owen: book the offsite venue~~ cancelled""",
    """Owen: Can you send me the latency numbers from last week?
Priya: Yes, I'll pull them by tomorrow.
Owen: Great. Would it help to move you off the on-call rotation for a sprint?
Priya: Honestly no, I'd rather stay on it.
Owen: OK. I'll put your name forward for the architecture guild by end of next week.""",
    """| Action | Owner | Due |
|---|---|---|
| Update the runbook for the queue service | Priya | Fri |
| Share the capacity plan with Hana Ito (SRE lead) | Owen | 3/20 |""",
    """Kudos: the dashboard redesign got great feedback from support. Priya is worried about the
on-call load - three pages after midnight last week. Decision: from now on, alerts below P2 go
to the daytime queue. She's training for a half marathon in May. Next time: hiring plan,
on-call load. We talked about the conference budget; not this quarter, revisit in Q3.""",
]


def build_note(words: int) -> str:
    parts: list[str] = []
    count = 0
    i = 0
    while count < words:
        block = _BLOCKS[i % len(_BLOCKS)]
        parts.append(block)
        count += len(block.split())
        i += 1
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--words", type=int, default=2000)
    args = parser.parse_args()
    note = build_note(args.words)
    people = {"manager": "Owen Mbeki", "report": "Priya Ansel"}
    base = dt.date(2026, 3, 11)
    extract_recap(note, meeting_date=base, **people)  # warm-up: imports, regex compilation
    timings: list[float] = []
    for i in range(args.runs):
        # A new meeting date each run, so the engine's small date cache never helps.
        meeting = base + dt.timedelta(days=i + 1)
        start = time.perf_counter()
        extract_recap(note, meeting_date=meeting, **people)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    print(f"words {len(note.split())}  runs {args.runs}")
    print(f"p50 {p50:.1f} ms  p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
