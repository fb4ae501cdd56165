"""Feedback job: gather the report's context, draft question-based wording, log what was delivered.

The built-in engine (assistant.feedback.builtin) always drafts first; an optional refiner (the LLM
engine) may rewrite the wording, and the same wording check runs on whatever it returns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from assistant.db.models import FeedbackEntry, FeedbackKind, Report
from assistant.db.repositories import Repositories
from assistant.domain.feedback import FeedbackDraft, FeedbackRequest
from assistant.feedback.builtin import draft_feedback as builtin_draft

BALANCE_WINDOW_DAYS = 90

# (built-in draft, request) -> refined draft; raises nothing (falls back inside, with notices).
FeedbackRefiner = Callable[[FeedbackDraft, FeedbackRequest], FeedbackDraft]


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
    entries = repos.feedback.of_report(report_id, since=since)
    last_praise = repos.feedback.last_given_by_report(FeedbackKind.PRAISE).get(report_id)
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
    draft = builtin_draft(request)
    return refiner(draft, request) if refiner is not None else draft


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
