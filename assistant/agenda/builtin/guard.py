"""Checks on a rewritten (e.g. LLM-refined) draft: nothing the report or the last 1:1s are owed
may disappear, their topics stay before yours, and minutes still add up to the meeting."""

from __future__ import annotations

from assistant.domain.agenda import AgendaDraft, AgendaItemDraft


def _mentions(items: list[AgendaItemDraft], needle: str) -> bool:
    needle = needle.lower()
    return any(needle in f"{i.title}\n{i.detail}".lower() for i in items)


def _ordered(items: list[AgendaItemDraft]) -> list[AgendaItemDraft]:
    """Opening items stay first; then open action items, then the report's topics, then the
    rest, each in the order given."""
    first_work = next(
        (n for n, i in enumerate(items) if i.source in ("carried_over", "report")), len(items)
    )
    head, tail = items[:first_work], items[first_work:]
    carried = [i for i in tail if i.source == "carried_over"]
    theirs = [i for i in tail if i.source == "report"]
    rest = [i for i in tail if i.source not in ("carried_over", "report")]
    return [*head, *carried, *theirs, *rest]


def rescale(minutes: list[int], total: int) -> list[int]:
    """Minutes proportional to `minutes`, each at least 1, summing exactly to `total`."""
    if not minutes:
        return []
    weights = [max(m, 1) for m in minutes]
    raw = [total * w / sum(weights) for w in weights]
    out = [max(1, int(r)) for r in raw]
    order = sorted(range(len(out)), key=lambda i: (-(raw[i] - int(raw[i])), i))
    step = 0
    while sum(out) < total:
        out[order[step % len(out)]] += 1
        step += 1
    while sum(out) > total and any(m > 1 for m in out):
        biggest = max(range(len(out)), key=lambda i: (out[i], -i))
        out[biggest] -= 1
    return out


def keep_required(builtin: AgendaDraft, refined: AgendaDraft) -> AgendaDraft:
    """`refined`, with any dropped open action item or report topic restored from `builtin`."""
    items = list(refined.items)
    notices = list(refined.notices)
    covered = {i for item in items for i in item.action_item_ids}
    restored = [
        item
        for item in builtin.items
        if item.source == "carried_over" and not set(item.action_item_ids) <= covered
    ]
    theirs = [item for item in items if item.source == "report"]
    for item in builtin.items:
        if item.source != "report":
            continue
        topic = item.title.split(": ", 1)[-1]
        if not _mentions(theirs, topic):
            restored.append(item)
    if restored:
        notices.append(
            f"Restored {len(restored)} item(s) the refinement left out "
            "(open action items and their topics always stay)."
        )
        items.extend(restored)
    items = _ordered(items)
    if sum(i.minutes for i in items) != builtin.minutes_total or any(i.minutes < 1 for i in items):
        new = rescale([i.minutes for i in items], builtin.minutes_total)
        items = [i.model_copy(update={"minutes": m}) for i, m in zip(items, new, strict=True)]
    return refined.model_copy(
        update={"items": items, "notices": notices, "minutes_total": builtin.minutes_total}
    )
