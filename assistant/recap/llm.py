"""The recap job's model adapter: one structured call that refines the built-in recap.

The prompt carries the notes (fenced as data), the built-in draft and who was there; the answer
must match `LLMRecap`, and `verify.verify_llm_recap` checks it against the notes before the
manager sees it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from assistant.domain.recap import RecapDraft

if TYPE_CHECKING:
    from assistant.llm.client import LLMClient
from assistant.llm.prompts import PromptLibrary, default_library
from assistant.recap.verify import verify_llm_recap


class RecapPromptInputs(BaseModel):
    """Everything `prompts/recap/*.j2` may use (checked against the templates by a test)."""

    model_config = ConfigDict(extra="forbid")

    notes: str
    meeting_date: str
    manager: str
    report: str
    people: list[str]
    builtin_draft: str


class LLMActionItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    task: str = Field(description="Short imperative sentence.")
    owner: str = Field(description="Full name of the person who committed.")
    due: str | None = Field(description="YYYY-MM-DD, or null when the notes give no clear day.")
    evidence: str = Field(description="The line or sentence of the notes, copied verbatim.")


class LLMRecap(BaseModel):
    """The structured answer the recap prompt asks for (all fields required: strict schemas)."""

    model_config = ConfigDict(extra="forbid")

    summary: str
    decisions: list[str]
    action_items: list[LLMActionItem]
    praise: list[str]
    concerns: list[str]
    personal: list[str]
    follow_ups: list[str]


@dataclass(frozen=True)
class RecapContext:
    """What the recap job knows besides the draft: the notes and who was there."""

    notes: str
    meeting_date: dt.date
    manager: str
    report: str
    people: Sequence[str] = field(default_factory=tuple)

    @property
    def others(self) -> list[str]:
        return [p for p in self.people if p not in (self.manager, self.report)]


class LLMRecapRefiner:
    """`Refiner[RecapDraft, RecapContext]` backed by a model client."""

    what = "recap"

    def __init__(self, llm: LLMClient, prompts: PromptLibrary | None = None) -> None:
        self.llm = llm
        self.prompts = prompts or default_library()

    def refine(self, draft: RecapDraft, context: RecapContext) -> RecapDraft:
        inputs = RecapPromptInputs(
            notes=context.notes,
            meeting_date=context.meeting_date.isoformat(),
            manager=context.manager,
            report=context.report,
            people=context.others,
            builtin_draft=json.dumps(draft.to_public_dict(), ensure_ascii=False, indent=1),
        )
        messages = self.prompts.render_model("recap", inputs)
        people = [context.manager, context.report, *context.others]
        answer = self.llm.structured(messages, LLMRecap, people=people)
        return verify_llm_recap(
            answer.value,
            notes=context.notes,
            builtin=draft,
            manager=context.manager,
            report=context.report,
            people=context.people,
            meeting_date=context.meeting_date,
            engine=answer.engine,
        )
