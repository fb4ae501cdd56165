"""The built-in recap engine's action items as (owner, task) pairs, for the layout/owner tests."""

from __future__ import annotations

import datetime as dt

from assistant.recap.builtin import extract_recap

MEETING = dt.date(2026, 3, 4)


def owner_task_pairs(
    notes: str, manager: str = "Zoë Lambert", report: str = "Łukasz Nowak"
) -> list[tuple[str, str]]:
    """What a manager would see in the draft's action-item table: owner and task, in order."""
    draft = extract_recap(notes, meeting_date=MEETING, manager=manager, report=report)
    return [(i.owner, i.task) for i in draft.action_items]
