"""Optional retrieval for the agenda: the best guidance passage per section and past notes on the
report's own topics. Works with any object that has the Retriever's `search` signature."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from typing import Literal, Protocol

from assistant.agenda.builtin.context import RetrievedPassage
from assistant.errors import CoachError

logger = logging.getLogger(__name__)

SearchKind = Literal["guidance", "note"]

# One query per agenda section, in manager language, to find the most useful guidance passage.
SECTION_QUERIES: dict[str, str] = {
    "getting_to_know": "first 1:1 with a new report getting to know them expectations",
    "connection": "start the 1:1 with connection and personal updates",
    "action_review": "review last time's action items at the start of the 1:1",
    "work_issues": "coach through work issues by asking questions instead of solving",
    "wins": "celebrate wins since the last 1:1",
    "goals_alignment": "check progress on goals and alignment on priorities",
    "roadblocks": "ask about roadblocks and where they need help",
    "growth_career": "growth and career development conversation",
    "wellbeing_workload": "check workload stress and wellbeing",
    "praise": "specific authentic praise and recognition",
    "feedback_for_report": "give question-based constructive feedback",
    "feedback_for_manager": "ask the report for feedback on me as a manager",
    "closing": "end the 1:1 with the report recapping action items",
}


class Passage(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def citation(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def meeting_date(self) -> dt.date | None: ...


class AgendaRetriever(Protocol):
    """What the agenda needs from `assistant.knowledge.retriever.Retriever`."""

    def search(
        self,
        query: str,
        *,
        kind: SearchKind | None = None,
        report_id: int | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        limit: int = 5,
    ) -> Sequence[Passage]: ...


def _passage(hit: Passage) -> RetrievedPassage:
    return RetrievedPassage(
        citation=hit.citation, source=hit.source, text=hit.text, meeting_date=hit.meeting_date
    )


def guidance_for_sections(
    retriever: AgendaRetriever, sections: Iterable[str], notices: list[str]
) -> dict[str, RetrievedPassage]:
    found: dict[str, RetrievedPassage] = {}
    for section in sections:
        query = SECTION_QUERIES.get(section)
        if query is None:
            continue
        try:
            hits = retriever.search(query, kind="guidance", limit=1)
        except CoachError as exc:
            logger.warning("Guidance search failed for %s: %s", section, exc)
            notices.append(f"Guidance search is unavailable ({exc}); citing guidance files.")
            return found
        if hits:
            found[section] = _passage(hits[0])
    return found


def notes_for_topics(
    retriever: AgendaRetriever,
    topics: Iterable[str],
    *,
    report_id: int,
    before: dt.date,
    notices: list[str],
) -> dict[str, RetrievedPassage]:
    """The past 1:1 (this report's notes only) where each of their topics came up before."""
    found: dict[str, RetrievedPassage] = {}
    for topic in topics:
        if not topic.strip():
            continue
        try:
            hits = retriever.search(
                topic,
                kind="note",
                report_id=report_id,
                date_to=before - dt.timedelta(days=1),
                limit=1,
            )
        except CoachError as exc:
            logger.warning("Note search failed: %s", exc)
            notices.append(f"Searching past notes failed ({exc}).")
            return found
        if hits:
            found[topic] = _passage(hits[0])
    return found
