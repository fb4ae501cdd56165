"""The feedback job's flow: gather the report's context, draft question-based wording, log
what was delivered, and keep the praise : constructive balance.

The built-in engine (`builtin/`) always drafts first; the model adapter (`llm.py`), when a
model is configured, may rewrite the wording, and the same wording check runs on its answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.db.models import FeedbackEntry, FeedbackKind, Report
from assistant.db.repositories import Repositories
from assistant.domain.feedback import FeedbackDraft, FeedbackRequest
from assistant.errors import LLMError
from assistant.feedback.builtin import draft_feedback as builtin_draft
from assistant.llm.refine import Refiner, refine_or_fallback

if TYPE_CHECKING:
    from assistant.services import Services

BALANCE_WINDOW_DAYS = 90

FeedbackRefiner = Refiner[FeedbackDraft, FeedbackRequest]


@dataclass(frozen=True)
class FeedbackBalance:
    """Praise : constructive over the last 90 days, as the team view and agenda show it."""

    praise: int
    constructive: int
    days_since_praise: int | None

    @property
    def constructive_dominates(self) -> bool:
        return self.constructive > self.praise


def feedback_balance(
    repos: Repositories, report_id: int, *, today: dt.date | None = None
) -> FeedbackBalance:
    today = today or dt.date.today()
    since = today - dt.timedelta(days=BALANCE_WINDOW_DAYS)
    # As of `today`: feedback logged for a later day does not count (nor make days negative).
    entries = repos.feedback.of_report(report_id, since=since, until=today)
    last_praise = repos.feedback.last_given(report_id, FeedbackKind.PRAISE, until=today)
    return FeedbackBalance(
        praise=sum(1 for e in entries if e.kind is FeedbackKind.PRAISE),
        constructive=sum(1 for e in entries if e.kind is FeedbackKind.CONSTRUCTIVE),
        days_since_praise=(today - last_praise).days if last_praise else None,
    )


def build_request(
    repos: Repositories,
    report: Report,
    kind: FeedbackKind,
    *,
    what: str | None = None,
    situation: str | None = None,
    behaviour: str | None = None,
    impact: str | None = None,
    today: dt.date | None = None,
) -> FeedbackRequest:
    """The engine's input: what happened plus how this person likes feedback and their history."""
    balance = feedback_balance(repos, report.id, today=today)
    goals = [g.title for g in repos.goals.of_report(report.id, active_only=True)]
    return FeedbackRequest(
        report_name=report.name,
        kind=kind,
        what=what,
        situation=situation,
        behaviour=behaviour,
        impact=impact,
        style=report.feedback_style,
        recent_praise_count=balance.praise,
        recent_constructive_count=balance.constructive,
        days_since_last_praise=balance.days_since_praise,
        goals=goals,
        meeting_format=report.meeting_format,
        manager_name=report.manager.name,
    )


def draft_feedback(
    repos: Repositories,
    report: Report,
    kind: FeedbackKind,
    *,
    what: str | None = None,
    situation: str | None = None,
    behaviour: str | None = None,
    impact: str | None = None,
    refiner: FeedbackRefiner | None = None,
    today: dt.date | None = None,
) -> FeedbackDraft:
    """SBI wording, openers and a plan tailored to this report; refined if a refiner is given."""
    request = build_request(
        repos,
        report,
        kind,
        what=what,
        situation=situation,
        behaviour=behaviour,
        impact=impact,
        today=today,
    )
    return refine_or_fallback(refiner, builtin_draft(request), request)


def log_feedback(
    repos: Repositories,
    report: Report,
    kind: FeedbackKind,
    *,
    wording: str,
    situation: str = "",
    behaviour: str = "",
    impact: str = "",
    response: str = "",
    given_on: dt.date | None = None,
    meeting_id: int | None = None,
) -> FeedbackEntry:
    """Record feedback as delivered, so the balance and the next agenda take it into account."""
    return repos.feedback.add(
        report_id=report.id,
        kind=kind,
        given_on=given_on or dt.date.today(),
        situation=situation,
        behaviour=behaviour,
        impact=impact,
        wording=wording,
        response=response,
        meeting_id=meeting_id,
    )


class FeedbackService:
    """The feedback job for the CLI and the Feedback page (same calls, same arguments)."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def balance(
        self, manager_id: int, report: int | str, *, today: dt.date | None = None
    ) -> FeedbackBalance:
        with self.services.repos(manager_id) as repos:
            return feedback_balance(repos, repos.reports.resolve(report).id, today=today)

    def draft(
        self,
        manager_id: int,
        report: int | str,
        kind: FeedbackKind,
        *,
        what: str | None = None,
        situation: str | None = None,
        behaviour: str | None = None,
        impact: str | None = None,
        today: dt.date | None = None,
    ) -> FeedbackDraft:
        """Wording, openers and a plan tailored to this report (refined by the model, if any)."""
        with self.services.repos(manager_id) as repos:
            return draft_feedback(
                repos,
                repos.reports.resolve(report),
                kind,
                what=what,
                situation=situation,
                behaviour=behaviour,
                impact=impact,
                refiner=self.services.refiners.feedback,
                today=today,
            )

    @property
    def can_polish(self) -> bool:
        return self.services.refiners.polish is not None

    def polish(
        self, manager_id: int, report: int | str, statement: str, kind: FeedbackKind
    ) -> Iterator[str]:
        """The model's polished wording, streamed; raises LLMError (also part-way through)."""
        polisher = self.services.refiners.polish
        if polisher is None:
            raise LLMError("No AI model is configured; choose one in Settings to polish wording.")
        with self.services.repos(manager_id) as repos:
            person = repos.reports.resolve(report)
            style, people = person.feedback_style.value, [person.name, person.manager.name]
        return polisher.polish(statement, kind=kind.value, style=style, people=people)

    def log(
        self,
        manager_id: int,
        report: int | str,
        kind: FeedbackKind,
        *,
        wording: str,
        situation: str = "",
        behaviour: str = "",
        impact: str = "",
        response: str = "",
        given_on: dt.date | None = None,
    ) -> FeedbackEntry:
        """Record feedback as delivered (it feeds the balance and the next agenda)."""
        with self.services.repos(manager_id) as repos:
            return log_feedback(
                repos,
                repos.reports.resolve(report),
                kind,
                wording=wording,
                situation=situation,
                behaviour=behaviour,
                impact=impact,
                response=response,
                given_on=given_on,
            )
