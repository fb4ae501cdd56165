"""Settings page: provider choice, connection test against a local fake server, persistence,
privacy panel and data location."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from assistant.config import LLMProvider
from tests.support.fake_openai import FakeOpenAIServer
from tests.ui.conftest import run_app, texts

PAGE = "app_pages/settings.py"


def _choose_fake_server(at, server: FakeOpenAIServer) -> None:  # type: ignore[no-untyped-def]
    at.radio(key="set_provider").set_value(LLMProvider.OPENAI_COMPATIBLE).run()
    at.text_input(key="set_model").input("fake-model")
    at.text_input(key="set_base_url").input(server.base_url)


def test_default_settings_say_nothing_leaves_the_machine(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    assert not at.exception
    page = texts(at)
    assert "No AI model is set, so nothing you type is sent anywhere" in page
    assert "Private notes" in page
    assert at.text_input(key="set_data_dir").value == str(demo_data_dir)
    assert "SQLite" in at.text_input(key="set_db").label
    assert at.button(key="set_test").disabled


def test_test_connection_against_a_local_server_shows_success(
    demo_data_dir: Path, fake_openai: FakeOpenAIServer
) -> None:
    at = run_app(PAGE)
    _choose_fake_server(at, fake_openai)
    at.button(key="set_test").click().run()
    assert not at.exception
    assert any("Connected to fake-model" in s.value for s in at.success)
    assert fake_openai.last_request.model == "fake-model"
    assert not (demo_data_dir / "settings.json").exists()  # testing does not save


def test_failed_connection_is_explained(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    at.radio(key="set_provider").set_value(LLMProvider.OPENAI_COMPATIBLE).run()
    at.text_input(key="set_model").input("fake-model")
    at.text_input(key="set_base_url").input("http://127.0.0.1:9/v1")
    at.button(key="set_test").click().run()
    assert not at.exception
    assert any("Could not connect" in e.value for e in at.error)


def test_saving_persists_choices_without_the_key_unless_asked(
    demo_data_dir: Path, fake_openai: FakeOpenAIServer
) -> None:
    at = run_app(PAGE)
    _choose_fake_server(at, fake_openai)
    at.text_input(key="set_api_key").input("sk-secret-123")
    at.button(key="set_save").click().run()
    assert not at.exception
    assert any("Saved" in s.value for s in at.success)
    path = demo_data_dir / "settings.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    saved = json.loads(path.read_text())
    assert saved["provider"] == "openai_compatible" and saved["model"] == "fake-model"
    assert "api_key" not in saved and "sk-secret" not in path.read_text()
    # The new provider is in use at once (the sidebar says so), and the key is never shown.
    assert "llm:fake-model" in texts(at)
    assert at.text_input(key="set_api_key").value == ""
    assert "Sent to 127.0.0.1] (this machine)" in texts(at)
    assert "text for drafts is sent to **127.0.0.1** (this machine)" in texts(at)  # sidebar


def test_remembered_key_is_written_with_owner_only_permissions(
    demo_data_dir: Path, fake_openai: FakeOpenAIServer
) -> None:
    at = run_app(PAGE)
    _choose_fake_server(at, fake_openai)
    at.text_input(key="set_api_key").input("sk-secret-456")
    at.checkbox(key="set_remember").check()
    at.button(key="set_save").click().run()
    path = demo_data_dir / "settings.json"
    assert json.loads(path.read_text())["api_key"] == "sk-secret-456"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "sk-secret-456" not in texts(at)
    at.button(key="set_forget").click().run()
    assert "api_key" not in json.loads(path.read_text())


def test_invalid_choice_is_refused_with_a_clear_message(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    at.radio(key="set_provider").set_value(LLMProvider.OPENAI_COMPATIBLE).run()
    at.text_input(key="set_base_url").input("")
    at.button(key="set_save").click().run()
    assert not at.exception
    assert any("needs its base URL" in e.value for e in at.error)
    assert not (demo_data_dir / "settings.json").exists()
