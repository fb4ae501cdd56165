"""The feedback job's model adapter: one structured call that rewrites the wording (the same
wording check runs on what comes back), and the streamed "Polish wording" action."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from assistant.domain.feedback import FeedbackDraft, FeedbackRequest
from assistant.feedback.builtin import check_wording
from assistant.llm.prompts import PromptLibrary, default_library

if TYPE_CHECKING:
    from assistant.llm.client import LLMClient

logger = logging.getLogger(__name__)


class FeedbackPromptInputs(BaseModel):
    """Everything `prompts/feedback/*.j2` may use (checked against the templates by a test)."""

    model_config = ConfigDict(extra="forbid")

    kind: str
    report: str
    style: str
    goals: list[str]
    history: str
    description: str
    builtin_draft: str


class FeedbackPolishInputs(BaseModel):
    """Variables of `prompts/feedback_polish/*.j2` (the streamed "Polish wording" action)."""

    model_config = ConfigDict(extra="forbid")

    statement: str
    kind: str
    style: str


class LLMFeedback(BaseModel):
    model_config = ConfigDict(extra="forbid")

    statement: str = Field(description="The full wording the manager could say.")
    openers: list[str] = Field(description="At least three open questions.")
    plan: list[str] = Field(description="Open, ask, listen, agree a next step.")
    follow_up: str = Field(description="What to check later, with a timeframe.")


def _history(request: FeedbackRequest) -> str:
    parts = []
    if request.recent_praise_count is not None:
        parts.append(f"{request.recent_praise_count} praise")
    if request.recent_constructive_count is not None:
        parts.append(f"{request.recent_constructive_count} constructive")
    text = " and ".join(parts) + " conversations in the last 90 days" if parts else "unknown"
    if request.days_since_last_praise is not None:
        text += f"; last praise {request.days_since_last_praise} days ago"
    return text


def _description(request: FeedbackRequest) -> str:
    if request.what:
        return request.what
    fields = [("Situation", request.situation), ("Behaviour", request.behaviour)]
    fields.append(("Impact", request.impact))
    return "\n".join(f"{label}: {value}" for label, value in fields if value)


class LLMFeedbackRefiner:
    """`Refiner[FeedbackDraft, FeedbackRequest]` backed by a model client (raises LLMError)."""

    what = "wording"

    def __init__(self, llm: LLMClient, prompts: PromptLibrary | None = None) -> None:
        self.llm = llm
        self.prompts = prompts or default_library()

    def refine(self, draft: FeedbackDraft, request: FeedbackRequest) -> FeedbackDraft:
        inputs = FeedbackPromptInputs(
            kind=request.kind,
            report=request.report_name,
            style=(request.style or "no preference recorded").replace("_", " "),
            goals=request.goals,
            history=_history(request),
            description=_description(request),
            builtin_draft=json.dumps(draft.to_json_dict(), ensure_ascii=False, indent=1),
        )
        messages = self.prompts.render_model("feedback", inputs)
        people = [p for p in (request.report_name, request.manager_name) if p]
        answer = self.llm.structured(messages, LLMFeedback, people=people)
        refined = answer.value
        openers = [q.strip() for q in refined.openers if q.strip().endswith("?")]
        if len(openers) < 3:  # the model ignored the format: keep ours rather than show fewer
            openers = draft.openers
        check = check_wording(refined.statement, request.kind)
        notices = list(draft.notices)
        if not check.ok:
            notices.append(
                "The AI wording has issues flagged below; review them before you use it."
            )
        return draft.model_copy(
            update={
                "statement": refined.statement.strip(),
                "openers": openers,
                "plan": [step for step in refined.plan if step.strip()] or draft.plan,
                "follow_up": refined.follow_up.strip() or draft.follow_up,
                "wording_check": check,
                "engine": answer.engine,
                "notices": notices,
            }
        )


class LLMFeedbackPolisher:
    """Streams a polished version of the manager's own wording (raises LLMError, possibly
    part-way through the stream)."""

    def __init__(self, llm: LLMClient, prompts: PromptLibrary | None = None) -> None:
        self.llm = llm
        self.prompts = prompts or default_library()

    def polish(self, statement: str, *, kind: str, style: str, people: list[str]) -> Iterator[str]:
        inputs = FeedbackPolishInputs(statement=statement, kind=kind, style=style)
        messages = self.prompts.render_model("feedback_polish", inputs)
        return self.llm.stream(messages, people=people)
