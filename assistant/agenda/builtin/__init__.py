"""Built-in (offline, deterministic) agenda engine: a typed context in, an AgendaDraft out."""

from assistant.agenda.builtin.builder import ENGINE, build_agenda
from assistant.agenda.builtin.context import (
    AgendaContext,
    FeedbackInfo,
    GoalInfo,
    OpenAction,
    PastMeeting,
    ReportProfile,
    RetrievedPassage,
)

__all__ = [
    "ENGINE",
    "AgendaContext",
    "FeedbackInfo",
    "GoalInfo",
    "OpenAction",
    "PastMeeting",
    "ReportProfile",
    "RetrievedPassage",
    "build_agenda",
]
