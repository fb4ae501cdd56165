"""The agenda draft the manager sees, edits and saves (typed, `extra="forbid"`)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.errors import BadInputError

AgendaSourceName = Literal["report", "manager", "carried_over", "suggested"]

SOURCE_LABELS: dict[str, str] = {
    "report": "their topic",
    "manager": "added by you",
    "carried_over": "open action item",
    "suggested": "suggested",
}


class AgendaQuestion(BaseModel):
    """A question from the question bank; `id` is stable so it is not repeated too soon."""

    model_config = ConfigDict(extra="forbid")

    id: str
    text: str


class AgendaItemDraft(BaseModel):
    """One agenda item with why it is there and where that came from."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=500)
    detail: str = ""
    section: str = Field(default="", description="Question-bank section id, e.g. 'wins'.")
    source: AgendaSourceName = "manager"
    reason: str = Field(default="", description="Why it is on the agenda (manager-only).")
    source_ref: str = Field(
        default="",
        description="Where it came from: an action item and its 1:1, a past 1:1, a guidance file.",
    )
    minutes: int = Field(ge=0, le=240)
    questions: list[AgendaQuestion] = Field(default_factory=list)
    action_item_id: int | None = Field(
        default=None, description="The open action item this item reviews, if exactly one."
    )
    action_item_ids: list[int] = Field(
        default_factory=list,
        description="Every open action item this item covers (several when compressed).",
    )

    @model_validator(mode="after")
    def _ids_agree(self) -> AgendaItemDraft:
        # Keep both views consistent so checks can rely on `action_item_ids` alone.
        if self.action_item_id is not None and self.action_item_id not in self.action_item_ids:
            self.action_item_ids = [self.action_item_id, *self.action_item_ids]
        return self


class AgendaDraft(BaseModel):
    """An editable agenda for one 1:1; `engine`: built-in, llm:<model> or saved."""

    model_config = ConfigDict(extra="forbid")

    report_name: str
    meeting_date: dt.date
    minutes_total: int = Field(ge=0)
    items: list[AgendaItemDraft]
    engine: str = "built-in"
    notices: list[str] = Field(default_factory=list)
    first_meeting: bool = False
    meeting_id: int | None = Field(
        default=None, description="The meeting it belongs to, once known or saved."
    )

    @property
    def question_ids(self) -> list[str]:
        return [q.id for item in self.items for q in item.questions]

    @property
    def action_item_ids(self) -> set[int]:
        return {i for item in self.items for i in item.action_item_ids}

    # -- edits (the UI calls these; each returns a new draft, minutes_total follows the items) --

    def _with_items(self, items: list[AgendaItemDraft]) -> AgendaDraft:
        return self.model_copy(
            update={"items": items, "minutes_total": sum(i.minutes for i in items)}
        )

    def _check_index(self, index: int) -> None:
        if not 0 <= index < len(self.items):
            raise BadInputError(f"No agenda item number {index + 1}")

    def move_item(self, index: int, to: int) -> AgendaDraft:
        self._check_index(index)
        items = list(self.items)
        item = items.pop(index)
        items.insert(max(0, min(to, len(items))), item)
        return self._with_items(items)

    def remove_item(self, index: int) -> AgendaDraft:
        self._check_index(index)
        return self._with_items([i for n, i in enumerate(self.items) if n != index])

    def retime_item(self, index: int, minutes: int) -> AgendaDraft:
        self._check_index(index)
        if not 1 <= minutes <= 240:
            raise BadInputError("An item takes between 1 and 240 minutes")
        items = list(self.items)
        items[index] = items[index].model_copy(update={"minutes": minutes})
        return self._with_items(items)

    def add_item(
        self,
        title: str,
        *,
        detail: str = "",
        minutes: int = 5,
        section: str = "",
        source: AgendaSourceName = "manager",
        at: int | None = None,
    ) -> AgendaDraft:
        if not title.strip():
            raise BadInputError("A new agenda item needs a title")
        if not 1 <= minutes <= 240:
            raise BadInputError("An item takes between 1 and 240 minutes")
        item = AgendaItemDraft(
            title=title.strip(),
            detail=detail,
            minutes=minutes,
            section=section,
            source=source,
            reason="Added by you." if source == "manager" else "",
        )
        items = list(self.items)
        # New items go before the closing recap by default, which should stay last.
        default = len(items) - 1 if items and items[-1].section == "closing" else len(items)
        items.insert(default if at is None else max(0, min(at, len(items))), item)
        return self._with_items(items)

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_markdown(self, include_reasons: bool = False) -> str:
        """Shareable agenda. Reasons and sources are manager-only unless asked for."""
        lines = [
            f"# 1:1 agenda: {self.report_name}, {self.meeting_date.isoformat()}",
            "",
            f"{self.minutes_total} minutes"
            + (" · first 1:1" if self.first_meeting else "")
            + ". Add anything you want to talk about.",
            "",
        ]
        for number, item in enumerate(self.items, start=1):
            mark = " *(your topic)*" if item.source == "report" else ""
            lines.append(f"{number}. **{item.title}** ({item.minutes} min){mark}")
            if item.detail:
                lines.extend(f"   {line}" if line else "" for line in item.detail.splitlines())
            for question in item.questions:
                lines.append(f"   - {question.text}")
            if include_reasons and (item.reason or item.source_ref):
                why = item.reason + (f" (source: {item.source_ref})" if item.source_ref else "")
                lines.append(f"   - _Why: {why.strip()}_")
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"
