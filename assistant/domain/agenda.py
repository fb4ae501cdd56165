"""The agenda draft the manager sees, edits and saves (typed, `extra="forbid"`)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.errors import BadInputError

AgendaSourceName = Literal["report", "manager", "carried_over", "suggested"]

# A focused 1:1 has few items: about 8 for 30 minutes, 10 for 45, 12 for 60 (one more item
# per 7.5 minutes), never fewer than 4 and never more than 16.
BASE_ITEMS, MINUTES_PER_EXTRA_ITEM, MIN_ITEMS, MAX_ITEMS = 4, 7.5, 4, 16


def item_budget(minutes: int) -> int:
    """How many items a `minutes`-long 1:1 should have at most (suggestions are cut first)."""
    return max(MIN_ITEMS, min(MAX_ITEMS, BASE_ITEMS + round(minutes / MINUTES_PER_EXTRA_ITEM)))


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

    @property
    def subpoints(self) -> list[str]:
        """The detail's "- " lines: one per open action item in the review item."""
        return [line[2:].strip() for line in self.detail.splitlines() if line.startswith("- ")]


def new_item(
    title: str,
    *,
    detail: str = "",
    minutes: int = 5,
    section: str = "",
    source: AgendaSourceName = "manager",
) -> AgendaItemDraft:
    """An item the manager adds: a topic of theirs, or one of their own (checked)."""
    if not title.strip():
        raise BadInputError("A new agenda item needs a title")
    if not 1 <= minutes <= 240:
        raise BadInputError("An item takes between 1 and 240 minutes")
    return AgendaItemDraft(
        title=" ".join(title.split())[:500],
        detail=detail,
        minutes=minutes,
        section=section,
        source=source,
        reason={
            "manager": "Added by you.",
            "report": "They asked to talk about this: let them lead, and ask before you advise.",
        }.get(source, ""),
    )


class AgendaDraft(BaseModel):
    """An editable agenda for one 1:1; `engine`: built-in, llm:<model> or saved.

    `minutes_total` is the meeting's length; edits never change it (`planned_minutes` is what
    the items add up to, which may run over).
    """

    model_config = ConfigDict(extra="forbid")

    report_name: str
    meeting_date: dt.date
    minutes_total: int = Field(ge=0, description="The meeting's length in minutes.")
    items: list[AgendaItemDraft]
    engine: str = "built-in"
    notices: list[str] = Field(default_factory=list)
    first_meeting: bool = False
    meeting_id: int | None = Field(
        default=None, description="The meeting it belongs to, once known or saved."
    )
    left_out: list[AgendaItemDraft] = Field(
        default_factory=list,
        description="Suggestions left out to keep the agenda focused; the manager may add them.",
    )

    @property
    def planned_minutes(self) -> int:
        return sum(i.minutes for i in self.items)

    @property
    def over_by(self) -> int:
        """Minutes the items run over the meeting's length (0 when they fit)."""
        return max(0, self.planned_minutes - self.minutes_total)

    @property
    def question_ids(self) -> list[str]:
        return [q.id for item in self.items for q in item.questions]

    @property
    def action_item_ids(self) -> set[int]:
        return {i for item in self.items for i in item.action_item_ids}

    # -- edits (the UI calls these; each returns a new draft; the meeting's length stays) --

    def _with_items(self, items: list[AgendaItemDraft]) -> AgendaDraft:
        return self.model_copy(update={"items": items})

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

    def rename_item(self, index: int, title: str, detail: str | None = None) -> AgendaDraft:
        self._check_index(index)
        if not title.strip():
            raise BadInputError("An agenda item needs a title")
        update: dict[str, Any] = {"title": " ".join(title.split())[:500]}
        if detail is not None:
            update["detail"] = detail.strip()
        items = list(self.items)
        items[index] = items[index].model_copy(update=update)
        return self._with_items(items)

    def with_length(self, minutes: int) -> AgendaDraft:
        """The same items for a meeting of another length (the manager changed it)."""
        if not 1 <= minutes <= 240:
            raise BadInputError("A meeting takes between 1 and 240 minutes")
        return self.model_copy(update={"minutes_total": minutes})

    def fit_to_length(self) -> AgendaDraft:
        """Retime the items so they add up to the meeting's length: suggestions give time first,
        their topics and the action review last; every item keeps at least one minute."""
        over = self.planned_minutes - self.minutes_total
        if over == 0 or not self.items:
            return self
        minutes = [i.minutes for i in self.items]
        if over < 0:  # time to spare: the last non-closing item gets it
            spare = next(
                (n for n in range(len(minutes) - 1, -1, -1) if self.items[n].section != "closing"),
                len(minutes) - 1,
            )
            minutes[spare] -= over
        else:
            for protected in (False, True):
                while over > 0:
                    candidates = [
                        n
                        for n, item in enumerate(self.items)
                        if minutes[n] > 1
                        and (protected or item.source not in ("report", "carried_over"))
                    ]
                    if not candidates:
                        break
                    biggest = max(candidates, key=lambda n: (minutes[n], n))
                    minutes[biggest] -= 1
                    over -= 1
        items = [
            i.model_copy(update={"minutes": m}) for i, m in zip(self.items, minutes, strict=True)
        ]
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
        item = new_item(title, detail=detail, minutes=minutes, section=section, source=source)
        return self.insert_item(item, at=at)

    def insert_item(self, item: AgendaItemDraft, *, at: int | None = None) -> AgendaDraft:
        """Add a prepared item (e.g. a suggestion that was left out) where it belongs."""
        items = list(self.items)
        position = self.default_position(item) if at is None else max(0, min(at, len(items)))
        items.insert(position, item)
        left_out = [i for i in self.left_out if i != item]
        return self.model_copy(update={"items": items, "left_out": left_out})

    def default_position(self, item: AgendaItemDraft) -> int:
        """Where a new item goes: their topics after the check-in and their other topics,
        anything else before the closing recap."""
        items = self.items
        if item.source == "report":
            # Their topics go right after the check-in and their other topics.
            theirs = [n for n, i in enumerate(items) if i.source == "report"]
            if theirs:
                return theirs[-1] + 1
            return 1 if items and items[0].section in ("connection", "getting_to_know") else 0
        # Anything else goes before the closing recap, which should stay last.
        return len(items) - 1 if items and items[-1].section == "closing" else len(items)

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
