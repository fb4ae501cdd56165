"""AppTest fixtures: the real app script over a temporary data dir (SQLite, demo team seeded)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from assistant.config import get_settings
from assistant.demo.seed import seed_demo
from assistant.paths import UI_APP
from assistant.services import Services

APP = str(UI_APP)


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


def run_app(page: str | None = None, timeout: float = 30) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=timeout)
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
