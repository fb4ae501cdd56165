"""Checks on a rewritten (e.g. LLM-refined) draft: nothing the report or the last 1:1s are owed
may disappear, the review of open action items stays one item with every item as a sub-point,
their topics come right after the check-in, the agenda stays focused, and minutes still add up
to the meeting."""

from __future__ import annotations

from assistant.domain.agenda import AgendaDraft, AgendaItemDraft, item_budget

OPENING_SECTIONS = ("connection", "getting_to_know")


def _mentions(items: list[AgendaItemDraft], needle: str) -> bool:
    needle = needle.lower()
    return any(needle in f"{i.title}\n{i.detail}".lower() for i in items)


def _ordered(items: list[AgendaItemDraft]) -> list[AgendaItemDraft]:
    """The check-in stays first; then the report's topics, then the action review, then the
    rest, each in the order given."""
    head = items[:1] if items and items[0].section in OPENING_SECTIONS else []
    tail = items[len(head) :]
    theirs = [i for i in tail if i.source == "report"]
    review = [i for i in tail if i.source == "carried_over"]
    rest = [i for i in tail if i.source not in ("carried_over", "report")]
    return [*head, *theirs, *review, *rest]


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


def _one_review(
    builtin: AgendaDraft, items: list[AgendaItemDraft]
) -> tuple[list[AgendaItemDraft], bool]:
    """Exactly one review item covering every open action item, each as a sub-point (the
    built-in wording of the sub-points: task, owner and due date are facts). Returns the items
    and whether anything had to be restored."""
    wanted = [
        i for item in builtin.items if item.source == "carried_over" for i in item.action_item_ids
    ]
    if not wanted:
        return items, False
    base = next(item for item in builtin.items if item.source == "carried_over")
    reviews = [n for n, item in enumerate(items) if item.source == "carried_over"]
    if not reviews:
        return [*items, base], True
    first = items[reviews[0]]
    lines = [
        line for item in builtin.items if item.source == "carried_over" for line in item.subpoints
    ]
    complete = set(wanted) <= set(first.action_item_ids) and all(
        line in first.subpoints for line in lines
    )
    merged = first.model_copy(
        update={
            "action_item_ids": list(dict.fromkeys([*wanted, *first.action_item_ids])),
            "action_item_id": None if len(wanted) > 1 else first.action_item_id,
            "detail": first.detail if complete else base.detail,
        }
    )
    kept = [item for n, item in enumerate(items) if n not in reviews[1:]]
    kept[reviews[0]] = merged
    return kept, not complete or len(reviews) > 1


def _focused(builtin: AgendaDraft, items: list[AgendaItemDraft]) -> list[AgendaItemDraft]:
    """No more items than the meeting's budget (or the built-in draft, if what is owed alone
    needs more): the model's own additions go first, then suggestions from the end."""
    cap = max(item_budget(builtin.minutes_total), len(builtin.items))
    items = list(items)
    while len(items) > cap:
        spare = [
            n
            for n, i in enumerate(items)
            if i.source == "suggested" and i.section not in ("closing", *OPENING_SECTIONS)
        ]
        if not spare:
            break
        added = [n for n in spare if not items[n].section]  # the model's new items
        items.pop((added or spare)[-1])
    return items


def keep_required(builtin: AgendaDraft, refined: AgendaDraft) -> AgendaDraft:
    """`refined`, with any dropped open action item or report topic restored from `builtin`."""
    notices = list(refined.notices)
    items, restored_review = _one_review(builtin, list(refined.items))
    theirs = [item for item in items if item.source == "report"]
    restored = [
        item
        for item in builtin.items
        if item.source == "report" and not _mentions(theirs, item.title.split(": ", 1)[-1])
    ]
    if restored or restored_review:
        count = len(restored) + int(restored_review)
        notices.append(
            f"Restored {count} item(s) the refinement left out or changed "
            "(open action items and their topics always stay)."
        )
        items.extend(restored)
    items = _focused(builtin, _ordered(items))
    if sum(i.minutes for i in items) != builtin.minutes_total or any(i.minutes < 1 for i in items):
        new = rescale([i.minutes for i in items], builtin.minutes_total)
        items = [i.model_copy(update={"minutes": m}) for i, m in zip(items, new, strict=True)]
    return refined.model_copy(
        update={"items": items, "notices": notices, "minutes_total": builtin.minutes_total}
    )
