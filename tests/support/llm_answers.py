"""Valid model answers for each job, for tests that need the model to succeed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.support.fake_openai import RecordedRequest, Reply, Respond


def recap_answer(**overrides: Any) -> dict[str, Any]:
    """An `LLMRecap` with no action items and a summary the test can look for."""
    answer: dict[str, Any] = {
        "summary": "Model summary of the 1:1.",
        "decisions": [],
        "action_items": [],
        "praise": [],
        "concerns": [],
        "personal": [],
        "follow_ups": [],
    }
    answer.update(overrides)
    return answer


def agenda_answer(**overrides: Any) -> dict[str, Any]:
    """An `LLMAgenda` that keeps the built-in items (an empty list means: no rewrite)."""
    answer: dict[str, Any] = {"items": []}
    answer.update(overrides)
    return answer


def feedback_answer(
    statement: str = "In Tuesday's demo you walked the client through it.",
) -> dict[str, Any]:
    """An `LLMFeedback` with three open questions."""
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


def answer_each_job(request: RecordedRequest) -> Reply:
    """A fake-server handler that answers any job's structured request validly (by schema
    name), and streamed requests (Polish wording) with plain text."""
    if request.stream:
        return Respond.text("A polished version from the model.")
    schema = (request.response_format or {}).get("json_schema", {}).get("name", "")
    answers: dict[str, Callable[[], dict[str, Any]]] = {
        "LLMRecap": recap_answer,
        "LLMAgenda": agenda_answer,
        "LLMFeedback": feedback_answer,
    }
    return Respond.json(answers[schema]())
