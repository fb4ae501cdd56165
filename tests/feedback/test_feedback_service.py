"""Feedback job on real data: tailored by style and history; LLM output checked again."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.db.models import FeedbackKind, FeedbackStyle
from assistant.db.repositories import ManagerRepository
from assistant.feedback.llm import LLMFeedbackRefiner
from assistant.feedback.service import draft_feedback, feedback_balance, log_feedback
from assistant.llm.client import LLMClient
from assistant.services import Services
from tests.support.cli import Coach
from tests.support.fake_openai import FakeOpenAIServer, Respond

TODAY = dt.date(2026, 6, 15)
WHAT = (
    "In Tuesday's demo Sam interrupted the client three times, so we ran out of time "
    "for the pricing discussion"
)


def _sam(svc: Services, style: FeedbackStyle = FeedbackStyle.GENTLE) -> tuple[int, int]:
    with svc.session() as session:
        manager = ManagerRepository(session).create("Avery Stone")
    with svc.repos(manager.id) as repos:
        report = repos.reports.add("Sam Lee", feedback_style=style)
        repos.goals.add(report_id=report.id, title="Run client discovery calls on my own")
        return manager.id, report.id


def test_draft_uses_the_reports_style_goals_and_history(services: Services) -> None:
    mid, rid = _sam(services)
    with services.repos(mid) as repos:
        report = repos.reports.get(rid)
        for days in (5, 20, 40):
            repos.feedback.add(
                report_id=rid, kind=FeedbackKind.CONSTRUCTIVE, given_on=TODAY - dt.timedelta(days)
            )
        draft = draft_feedback(repos, report, FeedbackKind.CONSTRUCTIVE, what=WHAT, today=TODAY)
    assert draft.engine == "built-in"
    assert len(draft.openers) >= 3 and all(q.endswith("?") for q in draft.openers)
    assert "Tuesday's demo" in draft.sbi.situation
    tips = " ".join(draft.tailoring_notes).lower()
    assert "praise" in tips  # constructive dominated lately: lead with specific praise
    assert "gentle" in tips
    assert draft.sbi.goal == "Run client discovery calls on my own"


def test_logged_feedback_updates_the_balance(services: Services) -> None:
    mid, rid = _sam(services)
    with services.repos(mid) as repos:
        report = repos.reports.get(rid)
        assert feedback_balance(repos, rid, today=TODAY).days_since_praise is None
        log_feedback(
            repos,
            report,
            FeedbackKind.PRAISE,
            wording="Thanks for the demo prep",
            given_on=TODAY - dt.timedelta(days=2),
        )
        log_feedback(
            repos,
            report,
            FeedbackKind.CONSTRUCTIVE,
            wording="Let's talk about Q&A",
            given_on=TODAY - dt.timedelta(days=1),
        )
        balance = feedback_balance(repos, rid, today=TODAY)
    assert (balance.praise, balance.constructive, balance.days_since_praise) == (1, 1, 2)
    assert not balance.constructive_dominates


def test_drafting_as_of_an_earlier_day_ignores_feedback_logged_later(services: Services) -> None:
    mid, rid = _sam(services)
    with services.repos(mid) as repos:
        report = repos.reports.get(rid)
        log_feedback(repos, report, FeedbackKind.PRAISE, wording="Thanks", given_on=TODAY)
        earlier = TODAY - dt.timedelta(days=10)
        balance = feedback_balance(repos, rid, today=earlier)
        draft = draft_feedback(repos, report, FeedbackKind.PRAISE, what=WHAT, today=earlier)
    assert (balance.praise, balance.days_since_praise) == (0, None)
    assert draft.statement  # drafts instead of failing on a negative day count


def _llm_answer(statement: str) -> dict[str, object]:
    return {
        "statement": statement,
        "openers": [
            "How did Tuesday's demo go from your side?",
            "What do you think the client needed from us there?",
            "What would you try differently next time?",
        ],
        "plan": ["Open", "Ask", "Listen", "Agree a next step"],
        "follow_up": "Ask at the next 1:1 how the following demo went.",
    }


def test_llm_refines_the_wording_and_sees_the_context(
    sqlite_services: Services, fake_openai: FakeOpenAIServer, llm_client: LLMClient
) -> None:
    mid, rid = _sam(sqlite_services)
    fake_openai.enqueue(
        Respond.json(
            _llm_answer(
                "In Tuesday's demo you interrupted the client three times, "
                "and we lost the pricing talk."
            )
        )
    )
    with sqlite_services.repos(mid) as repos:
        draft = draft_feedback(
            repos,
            repos.reports.get(rid),
            FeedbackKind.CONSTRUCTIVE,
            what=WHAT,
            refiner=LLMFeedbackRefiner(llm_client),
            today=TODAY,
        )
    assert draft.engine == "llm:gpt-4o-mini"
    assert draft.statement.startswith("In Tuesday's demo you interrupted")
    assert draft.wording_check.ok
    prompt = fake_openai.requests[0].prompt_text
    assert "gentle" in prompt and "Run client discovery calls on my own" in prompt
    assert "interrupted the client three times" in prompt
    assert "Sam Lee" not in prompt  # redacted before it left the machine


def test_llm_wording_gets_the_same_checks(
    sqlite_services: Services, fake_openai: FakeOpenAIServer, llm_client: LLMClient
) -> None:
    mid, rid = _sam(sqlite_services)
    fake_openai.enqueue(Respond.json(_llm_answer("You are always careless in demos.")))
    with sqlite_services.repos(mid) as repos:
        draft = draft_feedback(
            repos,
            repos.reports.get(rid),
            FeedbackKind.CONSTRUCTIVE,
            what=WHAT,
            refiner=LLMFeedbackRefiner(llm_client),
            today=TODAY,
        )
    categories = {issue.category for issue in draft.wording_check.issues}
    assert {"label", "absolute"} <= categories
    assert any("review them" in n for n in draft.notices)


def test_llm_failure_falls_back_to_the_builtin_wording(
    sqlite_services: Services, fake_openai: FakeOpenAIServer, llm_client: LLMClient
) -> None:
    mid, rid = _sam(sqlite_services)
    fake_openai.enqueue(Respond.server_error(), Respond.server_error(), Respond.server_error())
    with sqlite_services.repos(mid) as repos:
        report = repos.reports.get(rid)
        builtin = draft_feedback(repos, report, FeedbackKind.CONSTRUCTIVE, what=WHAT, today=TODAY)
        draft = draft_feedback(
            repos,
            report,
            FeedbackKind.CONSTRUCTIVE,
            what=WHAT,
            refiner=LLMFeedbackRefiner(llm_client),
            today=TODAY,
        )
    assert draft.engine == "built-in"
    assert draft.statement == builtin.statement
    assert any("showing the built-in wording" in n for n in draft.notices)


@pytest.mark.slow
def test_feedback_cli_json_and_bad_input(coach: Coach) -> None:
    coach("demo")
    result = coach(
        "feedback",
        "Yusuf",
        "--kind",
        "praise",
        "--what",
        "Yesterday Yusuf rebuilt the churn dashboard so support can filter by clinic",
        "--json",
    )
    assert result.code == 0, result.err
    data = result.json()
    assert len(data["openers"]) >= 3 and data["engine"] == "built-in"
    assert coach("feedback", "Nobody", "--kind", "praise", "--what", "x").code == 2
    empty = coach("feedback", "Yusuf", "--kind", "praise", "--what", "  ")
    assert empty.code == 2 and "Describe what happened" in empty.err
    check = coach(
        "wording-check", "Great job, but you never listen", "--kind", "constructive", "--json"
    )
    assert check.code == 0 and check.json()["issues"]
