"""Every drafting page uses the configured model: its draft with its badge, or the built-in
draft with a notice when the model fails. Each case runs the real page against the local fake
OpenAI server and checks that the request reached it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.support.fake_openai import FakeOpenAIServer, Respond
from tests.support.llm_answers import answer_each_job
from tests.ui.conftest import demo_services, run_app, texts, use_fake_llm

MODEL = "fake-model"
NOTES = "- Amara to send the rollout plan to Hana by Friday\n- she shipped the import fix\n"
WHAT = "In Tuesday's demo she walked the clinic through the new import flow step by step."


def _amara() -> int:
    svc = demo_services()
    return svc.team.report(svc.resolve_manager().id, "Amara").id


def _prepare() -> AppTest:
    at = run_app("app_pages/prepare.py")
    at.selectbox(key="prepare_report").set_value(_amara()).run()
    at.button(key="prepare_draft").click().run()
    return at


def _recap() -> AppTest:
    at = run_app("app_pages/recap.py")
    at.selectbox(key="recap_report").set_value(_amara())
    at.text_area(key="recap_notes").input(NOTES)
    at.button(key="recap_draft").click().run()
    return at


def _feedback() -> AppTest:
    at = run_app("app_pages/feedback.py")
    at.selectbox(key="fb_report").set_value(_amara()).run()
    at.text_area(key="fb_what").input(WHAT)
    at.button(key="fb_draft").click().run()
    return at


@dataclass(frozen=True)
class Job:
    draft: Callable[[], AppTest]
    schema: str  # the structured answer the page's request asks for
    what: str  # how the fallback notice names the draft


JOBS = {
    "prepare": Job(_prepare, "LLMAgenda", "agenda"),
    "recap": Job(_recap, "LLMRecap", "recap"),
    "feedback": Job(_feedback, "LLMFeedback", "wording"),
}


def _schemas(server: FakeOpenAIServer) -> list[str]:
    return [
        (r.response_format or {}).get("json_schema", {}).get("name", "")
        for r in server.chat_requests
    ]


@pytest.mark.parametrize("page", list(JOBS))
def test_the_page_drafts_with_the_model_and_shows_its_badge(
    page: str, demo_data_dir: Path, fake_openai: FakeOpenAIServer
) -> None:
    job = JOBS[page]
    fake_openai.default = Respond.call(answer_each_job)
    use_fake_llm(demo_data_dir, fake_openai, model=MODEL)

    at = job.draft()

    assert not at.exception
    assert _schemas(fake_openai) == [job.schema]  # the request reached the model
    assert fake_openai.last_request.model == MODEL
    shown = texts(at)
    assert f"Drafted by: **llm:{MODEL}**" in shown
    assert "showing the built-in" not in shown


@pytest.mark.parametrize("page", list(JOBS))
def test_when_the_model_fails_the_page_shows_the_builtin_draft_and_a_notice(
    page: str, demo_data_dir: Path, fake_openai: FakeOpenAIServer
) -> None:
    job = JOBS[page]
    fake_openai.default = Respond.server_error()
    use_fake_llm(demo_data_dir, fake_openai, model=MODEL)

    at = job.draft()

    assert not at.exception
    assert fake_openai.chat_requests and set(_schemas(fake_openai)) == {job.schema}
    shown = texts(at)
    assert "Drafted by: **built-in engine**" in shown
    assert f"showing the built-in {job.what}." in shown
    assert "could not be reached (server error" in shown


def test_polish_wording_streams_from_the_model(
    demo_data_dir: Path, fake_openai: FakeOpenAIServer
) -> None:
    fake_openai.default = Respond.call(answer_each_job)
    use_fake_llm(demo_data_dir, fake_openai, model=MODEL)
    at = _feedback()
    at.button(key="fb_polish").click().run()
    assert not at.exception
    assert fake_openai.last_request.stream
    assert "A polished version from the model." in texts(at)
