"""LLM refinement of the agenda through a real local OpenAI-compatible server (fake_openai)."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.agenda.llm import AgendaPromptInputs, LLMAgendaRefiner
from assistant.agenda.service import draft_agenda
from assistant.llm.client import LLMClient
from assistant.llm.prompts import PromptLibrary, check_inputs
from assistant.services import Services
from tests.agenda.support import SECRET, TODAY, ScriptedRetriever, Team, make_team
from tests.support.fake_openai import FakeOpenAIServer, Respond


@pytest.fixture
def server(fake_openai: FakeOpenAIServer) -> FakeOpenAIServer:
    return fake_openai


@pytest.fixture
def refiner(llm_client: LLMClient) -> LLMAgendaRefiner:
    return LLMAgendaRefiner(llm_client)


def _answer(team: Team, svc: Services) -> dict[str, Any]:
    """A model answer that rewords the opener, retimes, drops the review of open action items
    and one suggestion, and adds an item of its own."""
    with svc.repos(team.manager_id) as repos:
        builtin = draft_agenda(repos, "Sam", today=TODAY)
    items = [
        {"ref": n, "title": i.title, "detail": i.detail, "minutes": i.minutes + 1, "note": ""}
        for n, i in enumerate(builtin.items)
        if i.source != "carried_over"
    ]
    del items[-2]  # the last suggestion before the wrap-up
    items[0].update(title="Catch up on the camping weekend", note="Personal follow-up first.")
    items.insert(-1, {"ref": -1, "title": "Plan the offsite", "detail": "", "minutes": 3,
                      "note": "Mentioned in the goals."})  # fmt: skip
    return {"items": items}


def test_refined_agenda_keeps_what_is_owed_and_says_which_engine(
    sqlite_services: Services, server: FakeOpenAIServer, refiner: LLMAgendaRefiner
) -> None:
    team = make_team(sqlite_services)
    server.enqueue(Respond.json(_answer(team, sqlite_services)))
    with sqlite_services.repos(team.manager_id) as repos:
        draft = draft_agenda(
            repos, "Sam", today=TODAY, retriever=ScriptedRetriever(), refiner=refiner
        )
    assert draft.engine == "llm:gpt-4o-mini"
    assert draft.items[0].title == "Catch up on the camping weekend"
    assert "Personal follow-up first." in draft.items[0].reason
    assert draft.action_item_ids == set(team.open_ids.values())  # restored after the call
    assert any("Restored" in n for n in draft.notices)
    assert any(i.title == "Plan the offsite" for i in draft.items)
    assert sum(i.minutes for i in draft.items) == draft.minutes_total == 30
    assert len(draft.items) <= 8  # a 30-minute agenda stays focused
    sources = [i.source for i in draft.items]
    assert sources.count("carried_over") == 1
    assert sources.index("report") < sources.index("carried_over")

    prompt = server.last_request.prompt_text
    for task in ("Write the design note", "Book the training course", "Fix the flaky test"):
        assert task in prompt
    assert "Specific praise lands." in prompt  # retrieved guidance went in
    assert "Promo timeline" in prompt
    assert "at most 8 items" in prompt
    assert "PRIVATE" not in prompt and SECRET not in prompt
    assert "Sam Lee" not in prompt  # names are redacted on the way out


@pytest.mark.parametrize(
    "faults",
    [
        [Respond.server_error(), Respond.server_error(), Respond.server_error()],
        [Respond.schema_mismatch(), Respond.schema_mismatch(), Respond.schema_mismatch()],
        [Respond.unauthorized()],
    ],
)
def test_model_faults_fall_back_to_the_builtin_draft_with_a_notice(
    sqlite_services: Services,
    server: FakeOpenAIServer,
    refiner: LLMAgendaRefiner,
    faults: list[Any],
) -> None:
    team = make_team(sqlite_services)
    server.enqueue(*faults)
    with sqlite_services.repos(team.manager_id) as repos:
        draft = draft_agenda(repos, "Sam", today=TODAY, refiner=refiner)
    assert draft.engine == "built-in"
    assert any("showing the built-in agenda" in n for n in draft.notices)
    assert draft.action_item_ids == set(team.open_ids.values())


def test_agenda_prompt_variables_match_the_input_model() -> None:
    problems = check_inputs(PromptLibrary(), "agenda", AgendaPromptInputs)
    assert problems == {"missing_in_model": frozenset(), "unused_fields": frozenset()}
