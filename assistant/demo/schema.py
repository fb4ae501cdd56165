"""Pydantic models for the demo team YAML (``assistant/demo/data``).

Dates are relative to the day of seeding: ``days_ago`` is positive in the past and negative
in the future; ``due_in_days`` is relative to the meeting the action item came from;
``target_days_from_now`` is relative to the day of seeding.

Cross-references are checked here, so a typo in the YAML fails loudly at load time:
meeting keys are unique, ``rescheduled_to`` and ``closed_in`` point at a later meeting of
the same report, every action item's ``evidence`` is a verbatim substring of its meeting's
``raw_notes``, held meetings have notes and scheduled meetings are today or in the future.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

Theme = Literal[
    "connection",
    "wins",
    "goals",
    "customers",
    "work",
    "roadblocks",
    "career",
    "wellbeing",
    "workload",
    "feedback",
    "personal",
]
THEMES: tuple[Theme, ...] = (
    "connection",
    "wins",
    "goals",
    "customers",
    "work",
    "roadblocks",
    "career",
    "wellbeing",
    "workload",
    "feedback",
    "personal",
)
MeetingStatus = Literal["scheduled", "held", "canceled", "rescheduled", "skipped"]
ActionStatus = Literal["open", "done", "dropped"]
GoalStatus = Literal["active", "achieved", "dropped"]
FeedbackKind = Literal["praise", "constructive"]
MeetingFormat = Literal["conversational", "bulleted"]
FeedbackStyle = Literal["direct", "gentle", "written_first", "in_the_moment"]

OWNER_MANAGER = "manager"
OWNER_REPORT = "report"

_KEY = r"^[a-z][a-z0-9-]*$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


class Manager(_Model):
    name: str = Field(min_length=3)
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]+$")
    title: str | None = None
    company: str | None = None


class Goal(_Model):
    title: str = Field(min_length=3)
    status: GoalStatus = "active"
    target_days_from_now: int | None = None
    notes: str | None = None


class ActionItem(_Model):
    task: str = Field(min_length=3)
    owner: str = Field(min_length=3)
    """``manager``, ``report`` or the full name of a third person named in the notes
    (the notes may use the first name only)."""
    due_in_days: int | None = Field(default=None, ge=0)
    """Days after the meeting; ``None`` when the notes give no due date."""
    status: ActionStatus = "open"
    closed_in: str | None = None
    """Key of the (later) meeting where a done/dropped item was closed."""
    evidence: str = Field(min_length=3)
    """A verbatim substring of the meeting's ``raw_notes``."""

    @property
    def is_third_party(self) -> bool:
        return self.owner not in (OWNER_MANAGER, OWNER_REPORT)

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.closed_in is not None and self.status == "open":
            raise ValueError(f"open action item {self.task!r} cannot have closed_in")
        if self.is_third_party and len(self.owner.split()) < 2:
            raise ValueError(f"third-party owner {self.owner!r} must be a full name")
        return self


class Feedback(_Model):
    kind: FeedbackKind
    situation: str = Field(min_length=3)
    behaviour: str = Field(min_length=3)
    impact: str = Field(min_length=3)
    wording: str = Field(min_length=3)
    """What the manager actually said (or wrote)."""
    response: str = Field(min_length=3)
    """How the report took it."""


class Meeting(_Model):
    key: str = Field(pattern=_KEY)
    days_ago: int
    minutes: int = Field(gt=0, le=180)
    status: MeetingStatus
    rescheduled_to: str | None = None
    reason: str | None = None
    """Why a meeting was canceled, skipped or moved (shown in the history)."""
    topics: list[Theme] = Field(default_factory=list)
    report_topics: list[str] = Field(default_factory=list)
    """Topics the report added to an upcoming (scheduled) meeting's agenda."""
    raw_notes: str | None = None
    private_notes: str | None = None
    """The manager's private notes: never shared with the report or sent to an LLM."""
    action_items: list[ActionItem] = Field(default_factory=list)
    feedback: list[Feedback] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> Self:
        k = self.key
        if self.status == "held":
            if not (self.raw_notes and self.raw_notes.strip()):
                raise ValueError(f"{k}: a held meeting needs raw_notes")
            if self.days_ago < 0:
                raise ValueError(f"{k}: a held meeting cannot be in the future")
            if not self.topics:
                raise ValueError(f"{k}: a held meeting needs at least one topic")
        else:
            if self.raw_notes is not None:
                raise ValueError(f"{k}: only held meetings have raw_notes")
            if self.action_items or self.feedback:
                raise ValueError(f"{k}: only held meetings have action items or feedback")
        if self.status == "scheduled":
            if self.days_ago > 0:
                raise ValueError(f"{k}: a scheduled meeting must be today or in the future")
        elif self.report_topics:
            raise ValueError(f"{k}: report_topics are only for scheduled meetings")
        if self.status != "held" and self.status != "scheduled" and self.days_ago < 0:
            raise ValueError(f"{k}: a {self.status} meeting must be in the past")
        if self.status == "rescheduled" and self.rescheduled_to is None:
            raise ValueError(f"{k}: a rescheduled meeting needs rescheduled_to")
        if self.rescheduled_to is not None and self.status not in ("rescheduled", "canceled"):
            raise ValueError(f"{k}: only rescheduled or canceled meetings have rescheduled_to")
        notes = self.raw_notes or ""
        for item in self.action_items:
            if item.evidence not in notes:
                raise ValueError(f"{k}: evidence {item.evidence!r} is not in raw_notes")
            if item.is_third_party and item.owner.split()[0] not in notes:
                # notes often use the first name only; the YAML gives the full name
                raise ValueError(f"{k}: owner {item.owner!r} is not named in raw_notes")
        return self

    def due_days_ago(self, item: ActionItem) -> int | None:
        """Days since the item's due date (negative = still in the future), or None."""
        if item.due_in_days is None:
            return None
        return self.days_ago - item.due_in_days


class Report(_Model):
    key: str = Field(pattern=_KEY)
    name: str = Field(min_length=3)
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[a-z]+$")
    role: str = Field(min_length=2)
    start_days_ago: int = Field(gt=0)
    cadence_days: Literal[7, 14]
    meeting_minutes: Literal[25, 30, 45, 60]
    meeting_format: MeetingFormat
    feedback_style: FeedbackStyle
    topics_favour: list[str] = Field(default_factory=list)
    topics_avoid: list[str] = Field(default_factory=list)
    private_notes: str | None = None
    goals: list[Goal] = Field(default_factory=list)
    meetings: list[Meeting] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> Self:
        by_key = {m.key: m for m in self.meetings}
        if len(by_key) != len(self.meetings):
            raise ValueError(f"{self.key}: duplicate meeting keys")
        previous: Meeting | None = None
        for m in self.meetings:
            if not m.key.startswith(f"{self.key}-"):
                raise ValueError(f"{m.key}: meeting keys start with the report key {self.key!r}")
            if m.days_ago > self.start_days_ago:
                raise ValueError(f"{m.key}: meeting before {self.name} started")
            if previous is not None and m.days_ago >= previous.days_ago:
                raise ValueError(f"{m.key}: meetings must be listed oldest first")
            previous = m
            if m.rescheduled_to is not None:
                target = by_key.get(m.rescheduled_to)
                if target is None:
                    raise ValueError(f"{m.key}: rescheduled_to {m.rescheduled_to!r} not found")
                if target.days_ago >= m.days_ago:
                    raise ValueError(f"{m.key}: rescheduled_to must be a later meeting")
            for item in m.action_items:
                if item.closed_in is None:
                    continue
                closer = by_key.get(item.closed_in)
                if closer is None:
                    raise ValueError(f"{m.key}: closed_in {item.closed_in!r} not found")
                if closer.days_ago >= m.days_ago or closer.status != "held":
                    raise ValueError(f"{m.key}: closed_in must be a later held meeting")
        return self

    def held_meetings(self) -> list[Meeting]:
        return [m for m in self.meetings if m.status == "held"]

    def last_held(self) -> Meeting | None:
        held = self.held_meetings()
        return held[-1] if held else None

    def next_scheduled(self) -> Meeting | None:
        upcoming = [m for m in self.meetings if m.status == "scheduled"]
        return upcoming[0] if upcoming else None

    def meeting(self, key: str) -> Meeting:
        for m in self.meetings:
            if m.key == key:
                return m
        raise KeyError(key)


class DemoTeam(_Model):
    manager: Manager
    reports: list[Report] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Self:
        keys = [r.key for r in self.reports]
        if len(set(keys)) != len(keys):
            raise ValueError("duplicate report keys")
        names = [r.name for r in self.reports]
        if len(set(names)) != len(names):
            raise ValueError("duplicate report names")
        meeting_keys = [m.key for r in self.reports for m in r.meetings]
        if len(set(meeting_keys)) != len(meeting_keys):
            raise ValueError("duplicate meeting keys across reports")
        return self

    def report(self, key: str) -> Report:
        for r in self.reports:
            if r.key == key:
                return r
        raise KeyError(key)

    def all_meetings(self) -> list[tuple[Report, Meeting]]:
        return [(r, m) for r in self.reports for m in r.meetings]
