"""Fitting items into the meeting length: minutes that sum exactly to it, no 0-minute items.

Short meetings lose low-priority suggestions first; open action items and the report's topics
are never dropped, only compressed into one item each when even their minimums don't fit.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.agenda.builtin.candidates import Candidate

Compressor = Callable[[list[Candidate]], Candidate]
# Share of the meeting that one-item-per-action may take before the review is compressed anyway.
ACTION_SHARE = 0.4
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
    items: list[Candidate],
    total: int,
    *,
    compress_actions: Compressor,
    compress_topics: Compressor,
) -> tuple[list[Candidate], list[str]]:
    """Choose which items stay so their minimum minutes fit into `total`. Returns notices."""
    notices: list[str] = []
    kept = list(items)
    actions = [c for c in kept if c.kind == "action"]
    if len(actions) > 1 and _minimum(actions) > total * ACTION_SHARE:
        kept = _compress(kept, "action", compress_actions)
        notices.append(f"The {len(actions)} open action items are grouped into one review item.")

    dropped: list[str] = []
    while sum(c.ideal_minutes for c in kept) > total * COMFORT:
        extras = [c for c in kept if c.priority >= NICE_TO_HAVE]
        if not extras:
            break
        victim = max(extras, key=lambda c: (c.priority, c.order, c.seq))
        kept.remove(victim)
        dropped.append(victim.title)
    # Drop the least important suggestion (priority >= 2) until the minimums fit.
    while _minimum(kept) > total:
        optional = [c for c in kept if c.priority >= 2]
        if not optional:
            break
        victim = max(optional, key=lambda c: (c.priority, c.order, c.seq))
        kept.remove(victim)
        dropped.append(victim.title)
    if _minimum(kept) > total and sum(c.kind == "action" for c in kept) > 1:
        kept = _compress(kept, "action", compress_actions)
        notices.append("Open action items are grouped into one review item to fit the time.")
    if _minimum(kept) > total and sum(c.kind == "report_topic" for c in kept) > 1:
        kept = _compress(kept, "report_topic", compress_topics)
        notices.append("Their topics are grouped into one item to fit the time.")
    while _minimum(kept) > total:
        optional = [c for c in kept if not c.required]
        if not optional:
            break
        victim = max(optional, key=lambda c: (c.priority, c.order, c.seq))
        kept.remove(victim)
        dropped.append(victim.title)
    if _minimum(kept) > total:
        for c in kept:
            c.min_minutes = 1  # only the untouchable items are left: give each a minute
    if dropped:
        notices.append(f"Left out to fit {total} minutes: " + "; ".join(dropped) + ".")
    return kept, notices


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
