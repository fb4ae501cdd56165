"""An agenda item before time and questions are assigned, plus the wording helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from assistant.agenda.builtin.context import AgendaContext, RetrievedPassage
from assistant.agenda.builtin.guidance import guidance_ref
from assistant.domain.agenda import AgendaSourceName

# Ordering groups: connection first, then the report's own topics (their meeting), the review
# of open action items, the suggestions in the guidance's running order, closing last.
ORDER = {
    "connection": 0,
    "report_topic": 2,
    "getting_to_know": 5,
    "action_review": 10,
    "wins": 30,
    "goals_alignment": 40,
    "favoured": 45,
    "work_issues": 46,
    "roadblocks": 50,
    "growth_career": 60,
    "wellbeing_workload": 65,
    "praise": 69,
    "feedback_for_report": 70,
    "feedback_for_manager": 80,
    "closing": 90,
}
REQUIRED = 0  # priority of items that are never dropped (open action items, their topics)
STRUCTURE = 1  # the check-in and the closing recap: kept unless only what is owed fits


@dataclass
class Candidate:
    title: str
    detail: str
    section: str
    source: AgendaSourceName
    reason: str
    source_ref: str
    order: int
    priority: int  # 0 = never dropped; higher numbers are dropped first when time is short
    min_minutes: int
    ideal_minutes: int
    questions: int = 1
    prefer: tuple[str, ...] = ()
    action_ids: tuple[int, ...] = ()
    kind: str = ""  # "action" and "report_topic" can be compressed into one item
    seq: int = field(default=0)  # tie-breaker inside an order group (stable input order)

    @property
    def required(self) -> bool:
        return self.priority == REQUIRED


def say(ctx: AgendaContext, conversational: str, bulleted: str) -> str:
    """The report's preferred format decides the wording: a sentence or a terse label."""
    return bulleted if ctx.report.bulleted else conversational


def cite(ctx: AgendaContext, section: str, *extra: str) -> str:
    """Source reference: what the item came from, then the guidance behind it."""
    passage = ctx.guidance.get(section)
    guidance = _passage_ref(passage) if passage else guidance_ref(section)
    return "; ".join(part for part in (*extra, guidance) if part)


def guidance_hint(ctx: AgendaContext, section: str) -> str:
    """A retrieved guidance sentence to add to the reason, when an index answered."""
    passage = ctx.guidance.get(section)
    if passage is None:
        return ""
    body = passage.text.split("\n", 1)[-1].strip()
    first = body.split(". ")[0].strip().rstrip(".")
    return f" Guidance: {first}." if first else ""


def _passage_ref(passage: RetrievedPassage) -> str:
    if passage.source.endswith(".md") and not passage.citation.startswith("knowledge/"):
        return f"knowledge/{passage.citation}"
    return passage.citation


def meeting_ref(day: dt.date | None, status: str | None = None) -> str:
    if day is None:
        return "outside a 1:1"
    label = f"1:1 on {day.isoformat()}"
    if status in ("canceled", "skipped", "rescheduled"):
        label += f" ({status})"
    return label


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
