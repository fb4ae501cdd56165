"""Fitting items into the meeting: few enough to talk rather than tick boxes, minutes that sum
exactly to its length, no 0-minute items.

Suggestions are cut first, then the check-in and closing; the report's topics and the review of
open action items are never cut (their topics are grouped into one item only when even their
minimums don't fit).
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.agenda.builtin.candidates import STRUCTURE, Candidate, plural
from assistant.domain.agenda import item_budget

Compressor = Callable[[list[Candidate]], Candidate]
# Nice-to-have items (priority >= 4) stay only while the ideal plan overruns by at most this
# much: a 30-minute 1:1 with fourteen 2-minute items would be a checklist, not a conversation.
COMFORT = 1.25
NICE_TO_HAVE = 4


def _minimum(items: list[Candidate]) -> int:
    return sum(c.min_minutes for c in items)


def _compress(items: list[Candidate], kind: str, compressor: Compressor) -> list[Candidate]:
    group = [c for c in items if c.kind == kind]
    if len(group) < 2:
        return items
    merged = compressor(group)
    first = items.index(group[0])
    rest = [c for c in items if c.kind != kind]
    return [*rest[:first], merged, *rest[first:]]


def fit(
    items: list[Candidate], total: int, *, compress_topics: Compressor
) -> tuple[list[Candidate], list[Candidate], list[str]]:
    """Choose which items stay. Returns (kept, left out, notices); both lists keep their order."""
    notices: list[str] = []
    kept = list(items)
    dropped: list[Candidate] = []

    def drop_one(pool: list[Candidate]) -> None:
        victim = max(pool, key=lambda c: (c.priority, c.order, c.seq))
        kept.remove(victim)
        dropped.append(victim)

    def suggestions() -> list[Candidate]:
        return [c for c in kept if c.priority > STRUCTURE]

    budget = item_budget(total)
    while len(kept) > budget and suggestions():
        drop_one(suggestions())
    while sum(c.ideal_minutes for c in kept) > total * COMFORT:
        extras = [c for c in kept if c.priority >= NICE_TO_HAVE]
        if not extras:
            break
        drop_one(extras)
    while _minimum(kept) > total and suggestions():
        drop_one(suggestions())
    if _minimum(kept) > total and sum(c.kind == "report_topic" for c in kept) > 1:
        kept = _compress(kept, "report_topic", compress_topics)
        notices.append("Their topics are grouped into one item to fit the time.")
    while _minimum(kept) > total:
        optional = [c for c in kept if not c.required]
        if not optional:
            break
        drop_one(optional)
    if _minimum(kept) > total:
        for c in kept:
            c.min_minutes = 1  # only the untouchable items are left: give each a minute
    if dropped:
        # One short line; the items themselves travel with the draft (`left_out`).
        notices.append(
            f"Left out to keep {total} minutes focused: "
            f"{plural(len(dropped), 'suggestion', 'suggestions')} you can add back."
        )
    left_out = sorted(dropped, key=lambda c: (c.order, c.seq))
    return kept, left_out, notices


def allocate(items: list[Candidate], total: int) -> list[int]:
    """Minutes per item (same order): proportional to the ideal, at least the minimum, summing
    exactly to `total` (largest remainder, ties to the earlier item, so it is deterministic)."""
    if not items:
        return []
    ideal_sum = sum(max(c.ideal_minutes, 1) for c in items)
    raw = [total * max(c.ideal_minutes, 1) / ideal_sum for c in items]
    minutes = [max(c.min_minutes, int(r)) for c, r in zip(items, raw, strict=True)]
    diff = total - sum(minutes)
    if diff > 0:
        by_remainder = sorted(range(len(items)), key=lambda i: (-(raw[i] - int(raw[i])), i))
        step = 0
        while diff > 0:
            minutes[by_remainder[step % len(items)]] += 1
            diff -= 1
            step += 1
    while diff < 0:
        spare = [i for i in range(len(items)) if minutes[i] > items[i].min_minutes]
        if not spare:
            break  # fit() guarantees this does not happen
        take = max(spare, key=lambda i: (minutes[i] - items[i].min_minutes, -i))
        minutes[take] -= 1
        diff += 1
    return minutes
