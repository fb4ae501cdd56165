"""Saving a recap merges with what the 1:1 already has: nothing the manager did not remove is lost.

Identity of an action item across drafts and saves:
1. a draft item carrying `saved_id` is that stored item (the page and the CLI carry it);
2. otherwise a draft item with the same evidence line as a stored item and a similar task (or
   the same task) is that stored item: re-drafting the day's notes finds it again;
3. otherwise it is new.
On save, matched items are revised (the manager's wording, owner and due date), new ones added,
and a stored item is removed only if the draft knew it (`draft.saved_item_ids`), it is still
open, and the manager took it out. Items saved meanwhile from another window are unknown to
the draft and stay; closed items are never removed by a recap save.

When a draft is made, `attach_saved` marks the items found again with their ids, shows the
manager's saved wording for them, and lists the open stored items the notes no longer yield
(flag `saved_earlier`), so the manager sees everything that will be kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.domain.recap import ActionItemDraft, OwnerRole, RecapDraft

_WORD = re.compile(r"[^\W_]+")
SIMILAR_TASK = 0.6


@dataclass(frozen=True)
class SavedItem:
    """A stored action item of the meeting, as the merge needs it."""

    id: int
    task: str
    owner: str
    owner_role: OwnerRole
    due: dt.date | None
    evidence: str
    is_open: bool


@dataclass
class SavePlan:
    """What saving a draft does to the meeting's stored items."""

    revise: list[tuple[int, ActionItemDraft]] = field(default_factory=list)
    add: list[ActionItemDraft] = field(default_factory=list)
    remove: list[int] = field(default_factory=list)


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _similar(a: str, b: str) -> float:
    left, right = set(_WORD.findall(a.casefold())), set(_WORD.findall(b.casefold()))
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))


def same_item(draft: ActionItemDraft, saved: SavedItem) -> bool:
    """Rules 2 of the module docstring (rule 1 is the caller's `saved_id` check)."""
    if _norm(draft.task) == _norm(saved.task) and draft.owner.casefold() == saved.owner.casefold():
        return True
    evidence = _norm(draft.evidence)
    return (
        bool(evidence)
        and evidence == _norm(saved.evidence)
        and _similar(draft.task, saved.task) >= SIMILAR_TASK
    )


def _match(items: Sequence[ActionItemDraft], saved: Sequence[SavedItem]) -> list[SavedItem | None]:
    """For each draft item, the stored item it is (each stored item matched at most once)."""
    by_id = {s.id: s for s in saved}
    taken: set[int] = set()
    matches: list[SavedItem | None] = []
    for item in items:
        found = by_id.get(item.saved_id) if item.saved_id is not None else None
        if found is None and item.saved_id is None:
            found = next((s for s in saved if s.id not in taken and same_item(item, s)), None)
        if found is not None and found.id in taken:
            found = None  # the same stored item twice in one draft: the second one is new
        if found is not None:
            taken.add(found.id)
        matches.append(found)
    return matches


def attach_saved(draft: RecapDraft, saved: Sequence[SavedItem]) -> RecapDraft:
    """The draft as the manager should see it next to what this 1:1 already saved."""
    if not saved:
        return draft
    items: list[ActionItemDraft] = []
    for item, match in zip(draft.action_items, _match(draft.action_items, saved), strict=True):
        if match is None:
            items.append(item)
        else:  # the manager's saved wording wins over a fresh extraction of the same line
            items.append(
                item.model_copy(
                    update={
                        "saved_id": match.id,
                        "task": match.task,
                        "owner": match.owner,
                        "owner_role": match.owner_role,
                        "due": match.due,
                        "flags": [f for f in item.flags if f == "shared"],
                        "confidence": 1.0,
                    }
                )
            )
    found = {i.saved_id for i in items}
    for stored in saved:
        if stored.is_open and stored.id not in found:
            items.append(
                ActionItemDraft(
                    task=stored.task,
                    owner=stored.owner,
                    owner_role=stored.owner_role,
                    due=stored.due,
                    evidence=stored.evidence,
                    confidence=1.0,
                    flags=["saved_earlier"],
                    saved_id=stored.id,
                )
            )
    notices = list(draft.notices)
    if found - {None} or any("saved_earlier" in i.flags for i in items):
        notices.append(
            "This 1:1 already has saved action items: they are listed with your saved wording; "
            "untick one to remove it."
        )
    return draft.model_copy(
        update={"action_items": items, "saved_item_ids": [s.id for s in saved], "notices": notices}
    )


def plan_save(draft: RecapDraft, saved: Sequence[SavedItem]) -> SavePlan:
    """How to store the draft's items against the meeting's stored items (module docstring)."""
    plan = SavePlan()
    matches = _match(draft.action_items, saved)
    for item, match in zip(draft.action_items, matches, strict=True):
        if match is None:
            plan.add.append(item)
        else:
            plan.revise.append((match.id, item))
    kept = {m.id for m in matches if m is not None}
    known = set(draft.saved_item_ids)
    plan.remove = [s.id for s in saved if s.id in known and s.id not in kept and s.is_open]
    return plan
