"""Recap draft models: what a recap engine returns and the UI lets the manager edit."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

ActionFlag = Literal[
    "owner_unclear",
    "owner_guessed",
    "due_unclear",
    "due_vague",
    "shared",
    "model_dropped",  # the built-in engine found it, the model left it out: the manager decides
    "saved_earlier",  # saved with this 1:1 before; not found again in the notes drafted now
]
OwnerRole = Literal["manager", "report", "other"]
Section = Literal[
    "summary", "decisions", "action_items", "praise", "concerns", "personal", "follow_ups"
]
UNASSIGNED = ""  # owner of an item nobody took on (shown as "Unassigned")


class ActionItemDraft(BaseModel):
    """One commitment found in the notes: who does what, by when, and where it was written."""

    model_config = ConfigDict(extra="forbid")

    task: str = Field(description="Short imperative, e.g. 'Send the deck to Priya Nair'.")
    owner: str = Field(description="Full name of the person who committed.")
    owner_role: OwnerRole
    due: dt.date | None = None
    due_text: str | None = Field(default=None, description="The phrase the due date came from.")
    evidence: str = Field(description="Verbatim line(s) of the notes the item came from.")
    confidence: float = Field(ge=0.0, le=1.0)
    flags: list[ActionFlag] = Field(default_factory=list)
    saved_id: int | None = Field(
        default=None, description="The stored action item this is, when saved before."
    )

    @property
    def proposed(self) -> bool:
        """Whether the draft proposes keeping it: not when the model judged it no commitment.

        The Recap page starts such rows unticked (still listed and flagged): on real notes by
        other writers nearly all of them were not action items, so ticked by default they
        would be saved unless the manager spotted each one.
        """
        return "model_dropped" not in self.flags

    def to_public_dict(self) -> dict[str, Any]:
        """The stable JSON shape used by `coach recap --json`."""
        return {
            "task": self.task,
            "owner": self.owner,
            "due": self.due.isoformat() if self.due else None,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 2),
            "flags": list(self.flags),
        }


class UncheckedLine(BaseModel):
    """Text the model wrote that the notes do not support: shown flagged, never saved."""

    model_config = ConfigDict(extra="forbid")

    section: Section
    text: str
    reason: str

    def to_public_dict(self) -> dict[str, Any]:
        return {"section": self.section, "text": self.text, "reason": self.reason}


class RecapDraft(BaseModel):
    """A structured recap of one 1:1, produced by an engine and edited before saving."""

    model_config = ConfigDict(extra="forbid")

    summary: str
    decisions: list[str] = Field(default_factory=list)
    action_items: list[ActionItemDraft] = Field(default_factory=list)
    praise: list[str] = Field(default_factory=list)
    concerns: list[str] = Field(default_factory=list)
    personal: list[str] = Field(default_factory=list)
    follow_ups: list[str] = Field(default_factory=list)
    engine: str
    notices: list[str] = Field(default_factory=list)
    unchecked: list[UncheckedLine] = Field(
        default_factory=list, description="Model text the notes do not support (never saved)."
    )
    saved_item_ids: list[int] = Field(
        default_factory=list,
        description="Ids of this 1:1's items already saved when the draft was made: saving "
        "may remove only these (items saved meanwhile from elsewhere stay).",
    )

    def as_ticked(self) -> RecapDraft:
        """The draft with only the items the Recap page ticks by default (`proposed`): what an
        unchanged save keeps, and what the shared Markdown holds."""
        return self.model_copy(
            update={"action_items": [item for item in self.action_items if item.proposed]}
        )

    def to_public_dict(self) -> dict[str, Any]:
        """The stable JSON interface other tools rely on (see DESIGN.md), plus `unchecked`."""
        return {
            "summary": self.summary,
            "decisions": list(self.decisions),
            "action_items": [item.to_public_dict() for item in self.action_items],
            "praise": list(self.praise),
            "concerns": list(self.concerns),
            "personal": list(self.personal),
            "follow_ups": list(self.follow_ups),
            "engine": self.engine,
            "notices": list(self.notices),
            "unchecked": [line.to_public_dict() for line in self.unchecked],
        }
