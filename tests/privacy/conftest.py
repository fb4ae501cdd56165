"""Services wired to the local fake OpenAI server, over a demo team plus people whose names
use accents, apostrophes, hyphens and non-Latin scripts, and a second manager's team."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr

from assistant.config import LLMSettings
from assistant.demo.seed import seed_demo
from assistant.services import Services
from tests.conftest import make_settings
from tests.support.fake_openai import FakeOpenAIServer
from tests.support.llm_answers import answer_each_job

EXTRA_REPORTS = ["Zoë Ødegaard", "Mary-Kate D'Souza", "Nguyễn Thị Hương", "王伟", "Siobhán Łukasik"]
OTHER_MANAGER = "Priyanka Raman"
OTHER_TEAM = ["Bartholomew Quince", "Ingeborg Vasquez"]


def llm_services_for(
    data_dir: Path, db_url: str | None, server: FakeOpenAIServer, **llm: object
) -> Services:
    settings = make_settings(
        data_dir,
        db_url,
        llm=LLMSettings(
            provider="openai_compatible",
            base_url=server.base_url,
            api_key=SecretStr("test-key"),
            model="gpt-4o-mini",
            **{"timeout_seconds": 2.0, "max_retries": 0, **llm},  # type: ignore[arg-type]
        ),
        chroma_host="127.0.0.1",  # no index: retrieval is not what these tests are about
        chroma_port=9,
    )
    return Services.from_settings(settings)


def seed_people(svc: Services) -> int:
    """Demo team + extra reports; a second manager with a team. Returns the demo manager id."""
    with svc.session() as session:
        seed_demo(session, today=dt.date.today())
    manager = svc.resolve_manager()
    for name in EXTRA_REPORTS:
        svc.team.add_report(manager.id, name)
    other = svc.team.create_team(OTHER_MANAGER)
    for name in OTHER_TEAM:
        svc.team.add_report(other.id, name)
    return manager.id


@pytest.fixture
def llm_services(
    db_url: str, tmp_path: Path, fake_openai: FakeOpenAIServer
) -> Iterator[tuple[Services, int]]:
    """(services using the fake model, id of the demo manager), on SQLite and PostgreSQL."""
    fake_openai.default = answer_each_job_handler()
    svc = llm_services_for(tmp_path, db_url, fake_openai)
    manager_id = seed_people(svc)
    yield svc, manager_id
    svc.engine.dispose()


def answer_each_job_handler():  # type: ignore[no-untyped-def]
    from tests.support.fake_openai import Respond

    return Respond.call(answer_each_job)
