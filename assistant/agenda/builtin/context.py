"""What the built-in agenda engine knows: a typed snapshot gathered from the DB (and retrieval).

Plain frozen dataclasses, so the engine is pure and tests can build a context by hand.
Nothing here carries private notes: only the shareable raw notes of past meetings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReportProfile:
    id: int
    name: str
    role: str = ""
    start_date: dt.date | None = None
    cadence_days: int = 7
    meeting_minutes: int = 30
    meeting_format: str = "conversational"  # or "bulleted"
    feedback_style: str = "direct"
    topics_favour: tuple[str, ...] = ()
    topics_avoid: tuple[str, ...] = ()

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else self.name

    @property
    def bulleted(self) -> bool:
        return self.meeting_format == "bulleted"


@dataclass(frozen=True)
class PastMeeting:
    id: int
    date: dt.date
    status: str
    notes: str = ""  # raw (shareable) notes only


@dataclass(frozen=True)
class OpenAction:
    id: int
    task: str
    owner_role: str  # manager | report | other
    owner_name: str
    due_date: dt.date | None = None
    meeting_id: int | None = None
    meeting_date: dt.date | None = None
    meeting_status: str | None = None
    created_on: dt.date | None = None


@dataclass(frozen=True)
class GoalInfo:
    id: int
    title: str
    target_date: dt.date | None = None


@dataclass(frozen=True)
class FeedbackInfo:
    kind: str  # praise | constructive
    given_on: dt.date
    situation: str = ""


@dataclass(frozen=True)
class RetrievedPassage:
    """A retrieved guidance passage or past note, with its citation."""

    citation: str
    source: str
    text: str
    meeting_date: dt.date | None = None


@dataclass(frozen=True)
class AgendaContext:
    report: ReportProfile
    meeting_date: dt.date
    minutes: int
    meeting_id: int | None = None
    manager_name: str = ""  # named in model requests only to be redacted
    held_count: int = 0
    recent_held: tuple[PastMeeting, ...] = ()  # newest first, bounded
    missed_since_last: tuple[PastMeeting, ...] = ()  # canceled/skipped since the last held one
    open_actions: tuple[OpenAction, ...] = ()  # oldest first
    report_topics: tuple[str, ...] = ()
    # Who added each of their topics and when ("Sam Lee, Tue 03 Mar 14:05"), when they added
    # it signed in; topics typed by the manager before sign-in have no entry.
    topic_added: Mapping[str, str] = field(default_factory=dict)
    goals: tuple[GoalInfo, ...] = ()
    topic_last: Mapping[str, dt.date] = field(default_factory=dict)
    feedback_90d: tuple[FeedbackInfo, ...] = ()
    last_praise: dt.date | None = None
    recent_question_ids: frozenset[str] = frozenset()
    guidance: Mapping[str, RetrievedPassage] = field(default_factory=dict)  # by section id
    topic_notes: Mapping[str, RetrievedPassage] = field(default_factory=dict)  # by report topic

    @property
    def first_meeting(self) -> bool:
        return self.held_count == 0

    @property
    def last_held(self) -> PastMeeting | None:
        return self.recent_held[0] if self.recent_held else None
