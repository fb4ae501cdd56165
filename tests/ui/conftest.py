"""AppTest fixtures: the real app script over a temporary data dir (SQLite, demo team seeded).

The knowledge index is slow to build (embedding ~50 guidance passages), so by default UI tests
point the index at a Chroma server that is not running: search reports "unavailable" at once
and no background embedding competes for the CPU. Tests that search use `search_index`, a
Chroma folder shared by the session whose guidance is embedded once.
"""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from assistant.config import LLMProvider, get_settings
from assistant.config.saved import save_user_settings
from assistant.demo.seed import seed_demo
from assistant.paths import UI_APP
from assistant.services import Services
from tests.support.fake_openai import FakeOpenAIServer

APP = str(UI_APP)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(autouse=True)
def _no_search_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("COACH_CHROMA_PORT", str(_closed_port()))


@pytest.fixture(scope="session")
def _shared_chroma(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Guidance embedded once per session into a Chroma folder every search test reuses."""
    from assistant.config import Settings
    from assistant.knowledge.index import KnowledgeIndex

    folder = tmp_path_factory.mktemp("chroma") / "chroma"
    settings = Settings(_env_file=None, data_dir=folder.parent, chroma_path=folder)  # type: ignore[call-arg]
    index = KnowledgeIndex.from_settings(settings)
    index.sync_guidance()
    return folder


@pytest.fixture
def search_index(_shared_chroma: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("COACH_CHROMA_HOST", raising=False)
    monkeypatch.delenv("COACH_CHROMA_PORT", raising=False)
    monkeypatch.setenv("COACH_CHROMA_PATH", str(_shared_chroma))
    get_settings.cache_clear()
    return _shared_chroma


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("COACH_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    st.cache_resource.clear()
    yield tmp_path
    st.cache_resource.clear()
    get_settings.cache_clear()


@pytest.fixture
def demo_data_dir(data_dir: Path) -> Path:
    svc = Services.from_settings()
    with svc.session() as session:
        seed_demo(session, today=dt.date.today())
    svc.engine.dispose()
    return data_dir


def use_fake_llm(data_dir: Path, server: FakeOpenAIServer, model: str = "fake-model") -> None:
    """Configure the app as the Settings page would: an OpenAI-compatible server on 127.0.0.1."""
    save_user_settings(
        data_dir,
        provider=LLMProvider.OPENAI_COMPATIBLE,
        model=model,
        base_url=server.base_url,
        redact=True,
    )
    get_settings.cache_clear()
    st.cache_resource.clear()


def run_app(page: str | None = None, timeout: float = 30) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.session_state["_coach_raise_errors"] = True  # a bug fails the test (at.exception)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def table_with(at: AppTest, column: str):  # type: ignore[no-untyped-def]
    """The first dataframe shown that has `column` (AppTest exposes no dataframe keys)."""
    for frame in at.dataframe:
        if column in frame.value.columns:
            return frame.value
    raise AssertionError(f"no table with a '{column}' column on the page")


def texts(at: AppTest) -> str:
    """Every markdown, caption, info, warning, success and error text on the page, joined."""
    parts = [m.value for m in at.markdown]
    parts += [c.value for c in at.caption]
    for kind in (at.info, at.warning, at.success, at.error):
        parts += [e.value for e in kind]
    return "\n".join(str(p) for p in parts)


def demo_services() -> Services:
    return Services.from_settings()
