"""The shared recap carries what the report should read: no internal labels, no asides for the
manager, counts that follow the edited items."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.domain.recap import ActionItemDraft, RecapDraft
from assistant.recap.markdown import recap_markdown, shareable, sync_summary

DAY = dt.date(2026, 3, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Send the deck to Priya, tell him", "Send the deck to Priya"),
        ("Drafted by llm:llama3.1", None),
        ("Praised the demo [llm:gpt-4o-mini]", "Praised the demo"),
        ("Review Action item #13 together", "Review the action item together"),
        ("See knowledge/feedback/sbi.md for tips", "See the guidance for tips"),
        ("note to self: he seemed tired", None),
        ("Agreed to ship Friday (private)", "Agreed to ship Friday"),
        ("Keep the private repo for now", "Keep the private repo for now"),
        ("Tell Priya the plan", "Tell Priya the plan"),
    ],
)
def test_shareable(text: str, expected: str | None) -> None:
    assert shareable(text) == expected


def _item(task: str, owner: str) -> ActionItemDraft:
    return ActionItemDraft(task=task, owner=owner, owner_role="other", evidence="", confidence=1.0)


def test_shared_markdown_has_no_internal_labels_and_shows_unassigned_items() -> None:
    draft = RecapDraft(
        summary="1:1 between Dana and Jordan on 2026-03-04. 3 action items, 0 decisions, "
        "0 concerns; owners: Jordan Sims, Lee.",
        praise=["Great demo (refined by llm:llama3.1)"],
        follow_ups=["Ask about the move, tell him I asked"],
        action_items=[_item("Send the deck, tell him", "Jordan Sims"), _item("Ask finance", "")],
        engine="llm:llama3.1",
    )

    text = recap_markdown(draft, report="Jordan Sims", meeting_date=DAY)

    assert "llm:" not in text and "tell him" not in text
    assert "2 action items, 0 decisions, 0 concerns; owners: Jordan Sims." in text
    assert "- [ ] Send the deck (Jordan Sims)" in text
    assert "- [ ] Ask finance (unassigned)" in text


def test_sync_summary_leaves_a_summary_without_counts_alone() -> None:
    draft = RecapDraft(summary="We talked.", engine="built-in")
    assert sync_summary("We talked.", draft) == "We talked."
