"""Feedback coach models: the request a manager fills in and the draft the engine returns."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

FeedbackKind = Literal["praise", "constructive"]
FeedbackStyle = Literal["direct", "gentle", "written_first", "in_the_moment"]
MeetingFormat = Literal["conversational", "bulleted"]
WordingCategory = Literal[
    "label",
    "absolute",
    "vague",
    "but_undoing",
    "but_softening",
    "sarcasm",
    "comparison",
    "generic_praise",
]


class FeedbackRequest(BaseModel):
    """What the manager tells us: who, which kind, what happened, and what we know about them.

    Give either `what` (free text, split heuristically) or the S/B/I parts; explicit parts win
    over whatever the split finds. Size and emptiness are checked by the engine so that the CLI
    and UI get a `BadInputError` with one readable line.
    """

    model_config = ConfigDict(extra="forbid")

    report_name: str = Field(min_length=1, max_length=120, description="The report's name.")
    kind: FeedbackKind
    what: str | None = Field(default=None, description="Free-text description of what happened.")
    situation: str | None = Field(default=None, description="When/where it happened.")
    behaviour: str | None = Field(default=None, description="What they did or said.")
    impact: str | None = Field(default=None, description="What it changed for team or goals.")
    style: FeedbackStyle | None = Field(
        default=None, description="How this report prefers to receive feedback, if known."
    )
    recent_praise_count: int | None = Field(
        default=None, ge=0, description="Praise given in the last 90 days; None if unknown."
    )
    recent_constructive_count: int | None = Field(
        default=None, ge=0, description="Constructive feedback, last 90 days; None if unknown."
    )
    days_since_last_praise: int | None = Field(
        default=None,
        ge=0,
        description="Days since the last recorded praise; None if never/unknown.",
    )
    goals: list[str] = Field(default_factory=list, description="The report's active goals.")
    meeting_format: MeetingFormat | None = Field(
        default=None, description="Whether the report likes informal chats or bulleted points."
    )
    manager_name: str = Field(
        default="", max_length=200, description="Who gives the feedback (redacted for models)."
    )


class SBIStatement(BaseModel):
    """Situation, behaviour and impact, as they read in the statement (second person)."""

    model_config = ConfigDict(extra="forbid")

    situation: str = Field(description="When/where, e.g. 'In Tuesday's demo', or a [prompt].")
    behaviour: str = Field(description="What they did, addressed to them ('you ...').")
    impact: str = Field(
        description="Effect on team/goals as a sentence, or an [Impact: ...] prompt."
    )
    situation_missing: bool = False
    impact_missing: bool = False
    goal: str | None = Field(default=None, description="The active goal this seems to touch.")


class WordingIssue(BaseModel):
    """One problem in the manager's wording, located by character offsets into the text."""

    model_config = ConfigDict(extra="forbid")

    category: WordingCategory
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(description="Exactly text[start:end].")
    explanation: str
    suggestion: str = Field(description="A behaviour-focused rewrite of the sentence.")


class WordingCheck(BaseModel):
    """The result of checking a piece of feedback wording."""

    model_config = ConfigDict(extra="forbid")

    issues: list[WordingIssue] = Field(default_factory=list)
    ok: bool
    summary: str

    def to_json_dict(self) -> dict[str, Any]:
        """Stable JSON shape, used inside `coach feedback --json` and by wording checks."""
        return {
            "ok": self.ok,
            "summary": self.summary,
            "issues": [
                {
                    "category": issue.category,
                    "start": issue.start,
                    "end": issue.end,
                    "text": issue.text,
                    "explanation": issue.explanation,
                    "suggestion": issue.suggestion,
                }
                for issue in self.issues
            ],
        }


class FeedbackDraft(BaseModel):
    """A feedback conversation the manager can edit: statement, openers, plan and follow-up."""

    model_config = ConfigDict(extra="forbid")

    report_name: str
    kind: FeedbackKind
    sbi: SBIStatement
    statement: str = Field(description="The full wording the manager could say or adapt.")
    openers: list[str] = Field(min_length=3, description="Questions that let the report reflect.")
    plan: list[str] = Field(description="Open, ask, listen, agree a next step.")
    follow_up: str = Field(description="What to check later, with a timeframe.")
    tailoring_notes: list[str] = Field(default_factory=list)
    written_note: str | None = Field(default=None, description="Pre-1:1 note (written_first).")
    wording_check: WordingCheck = Field(description="The check run on `statement`.")
    engine: str = "built-in"
    notices: list[str] = Field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        """The stable JSON shape printed by `coach feedback --json`."""
        return {
            "report_name": self.report_name,
            "kind": self.kind,
            "statement": self.statement,
            "sbi": {
                "situation": self.sbi.situation,
                "behaviour": self.sbi.behaviour,
                "impact": self.sbi.impact,
                "situation_missing": self.sbi.situation_missing,
                "impact_missing": self.sbi.impact_missing,
                "goal": self.sbi.goal,
            },
            "openers": list(self.openers),
            "plan": list(self.plan),
            "follow_up": self.follow_up,
            "tailoring_notes": list(self.tailoring_notes),
            "written_note": self.written_note,
            "wording_check": self.wording_check.to_json_dict(),
            "engine": self.engine,
            "notices": list(self.notices),
        }
