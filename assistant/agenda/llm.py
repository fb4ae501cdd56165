"""LLM refinement of the built-in agenda: one structured call that rewords and tailors items.

The model may reword titles and details, retime, reorder and drop suggestions, and add at most
two items; it never chooses questions (those keep the bank's no-repeat rule), cannot remove
open action items or the report's topics, and cannot rewrite the review's sub-points (one per
open action item: task, owner, due date are facts) — `guard.keep_required` puts them back and
keeps the agenda within its item budget. Not part of the pure engine: it is imported only when
a refiner is used, since it needs the LLM client.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from assistant.agenda.builtin.context import AgendaContext
from assistant.agenda.builtin.guard import keep_required
from assistant.agenda.builtin.textscan import Avoider, shorten
from assistant.domain.agenda import AgendaDraft, AgendaItemDraft, item_budget

if TYPE_CHECKING:
    from assistant.llm.client import LLMClient
from assistant.llm.prompts import PromptLibrary, default_library

MAX_NEW_ITEMS = 2
NOTES_CHARS = 1_500  # per past meeting: enough for tailoring, bounded prompt size


class AgendaPromptInputs(BaseModel):
    """Everything `prompts/agenda/*.j2` may use (checked against the templates by a test)."""

    model_config = ConfigDict(extra="forbid")

    report_name: str
    meeting_date: str
    minutes_total: int
    max_items: int
    meeting_format: str
    feedback_style: str
    topics_avoid: list[str]
    first_meeting: bool
    builtin_draft: str
    open_action_items: list[str]
    report_topics: list[str]
    guidance: list[str]
    past_notes: list[str]


class LLMAgendaItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ref: int = Field(description="Index of the draft item this rewrites, or -1 for a new item.")
    title: str
    detail: str
    minutes: int
    note: str = Field(description="Why you changed or added it, for the manager; may be empty.")


class LLMAgenda(BaseModel):
    """The structured answer the agenda prompt asks for."""

    model_config = ConfigDict(extra="forbid")

    items: list[LLMAgendaItem]


def prompt_inputs(draft: AgendaDraft, ctx: AgendaContext) -> AgendaPromptInputs:
    public = [
        {"ref": n, **item.model_dump(mode="json", exclude={"action_item_ids"})}
        for n, item in enumerate(draft.items)
    ]
    return AgendaPromptInputs(
        report_name=ctx.report.name,
        meeting_date=ctx.meeting_date.isoformat(),
        minutes_total=draft.minutes_total,
        max_items=max(item_budget(draft.minutes_total), len(draft.items)),
        meeting_format=ctx.report.meeting_format,
        feedback_style=ctx.report.feedback_style,
        topics_avoid=list(ctx.report.topics_avoid),
        first_meeting=draft.first_meeting,
        builtin_draft=json.dumps(public, ensure_ascii=False, indent=1),
        open_action_items=[
            f"#{a.id} {a.task} (owner {a.owner_name}, due {a.due_date or 'none'})"
            for a in ctx.open_actions
        ],
        report_topics=list(ctx.report_topics),
        guidance=[f"{p.citation}: {shorten(p.text, 400)}" for p in ctx.guidance.values()],
        # Shareable raw notes only; the context never holds private notes.
        past_notes=[
            f"1:1 on {m.date.isoformat()}: {shorten(m.notes, NOTES_CHARS)}"
            for m in ctx.recent_held[:2]
            if m.notes.strip()
        ],
    )


def apply_answer(
    answer: LLMAgenda, draft: AgendaDraft, ctx: AgendaContext, *, engine: str
) -> AgendaDraft:
    """Map the model's items back onto the draft, keeping sources, references and questions."""
    avoid = Avoider(ctx.report.topics_avoid)
    items: list[AgendaItemDraft] = []
    used: set[int] = set()
    added = 0
    for proposed in answer.items:
        title = " ".join(proposed.title.split())[:500]
        if not title:
            continue
        note = f" {proposed.note.strip()}" if proposed.note.strip() else ""
        if 0 <= proposed.ref < len(draft.items) and proposed.ref not in used:
            used.add(proposed.ref)
            base = draft.items[proposed.ref]
            if avoid.hits(f"{title}\n{proposed.detail}") and base.source == "suggested":
                continue
            # The review's sub-points (task, owner, due date) are facts: only its title changes.
            detail = base.detail if base.source == "carried_over" else proposed.detail.strip()
            items.append(
                base.model_copy(
                    update={
                        "title": title,
                        "detail": detail,
                        "minutes": max(1, min(proposed.minutes, 240)),
                        "reason": base.reason + note,
                    }
                )
            )
        elif proposed.ref == -1 and added < MAX_NEW_ITEMS:
            if avoid.hits(f"{title}\n{proposed.detail}"):
                continue
            added += 1
            items.append(
                AgendaItemDraft(
                    title=title,
                    detail=proposed.detail.strip(),
                    source="suggested",
                    reason=note.strip() or "Suggested by the AI model.",
                    source_ref=f"AI suggestion ({engine})",
                    minutes=max(1, min(proposed.minutes, 240)),
                )
            )
    refined = draft.model_copy(update={"items": items or list(draft.items), "engine": engine})
    return keep_required(draft, refined)


class LLMAgendaRefiner:
    """`Refiner[AgendaDraft, AgendaContext]` backed by a model client (raises LLMError)."""

    what = "agenda"

    def __init__(self, llm: LLMClient, *, prompts: PromptLibrary | None = None) -> None:
        self.llm = llm
        self.prompts = prompts or default_library()

    def refine(self, draft: AgendaDraft, context: AgendaContext) -> AgendaDraft:
        messages = self.prompts.render_model("agenda", prompt_inputs(draft, context))
        people = [p for p in (context.report.name, context.manager_name) if p]
        answer = self.llm.structured(messages, LLMAgenda, people=people)
        return apply_answer(answer.value, draft, context, engine=answer.engine)
