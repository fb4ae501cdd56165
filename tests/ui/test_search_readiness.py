"""After `coach index` (here: the session's real, already-built Chroma folder), the app's very
first agenda draft uses the index: it waits briefly for the background warm-up instead of
saying "the search index is not ready". A search server that is down fails fast and says so."""

from __future__ import annotations

import time
from pathlib import Path

from assistant.services import Services
from tests.ui.conftest import demo_services, run_app, texts

PAGE = "app_pages/prepare.py"
NOT_READY = ("not ready", "being built")


def _tomas() -> tuple[int, int]:
    svc = demo_services()
    manager_id = svc.resolve_manager().id
    with svc.repos(manager_id) as repos:
        return manager_id, repos.reports.find("Tomás").id


def test_a_built_index_is_waited_for_and_used_by_the_first_draft(
    demo_data_dir: Path, search_index: Path
) -> None:
    manager_id, report_id = _tomas()
    svc = Services.from_settings(background_index=True)  # as the app builds it at start
    assert svc.index_on_disk()
    draft = svc.agenda.draft(manager_id, report_id)
    assert not any(word in n for n in draft.notices for word in NOT_READY), draft.notices
    # Guidance came from the index: retrieved passages are cited with their heading.
    assert any(" › " in item.source_ref for item in draft.items)


def test_the_first_prepare_draft_in_the_app_has_no_not_ready_notice(
    demo_data_dir: Path, search_index: Path
) -> None:
    _, report_id = _tomas()
    at = run_app(PAGE, timeout=120)
    at.selectbox(key="prepare_report").set_value(report_id).run()
    at.button(key="prepare_draft").click().run()
    assert not at.exception
    page = texts(at)
    assert not any(word in page for word in NOT_READY)
    assert "unavailable" not in page
    sources = [c.value for c in at.caption if c.value.startswith("Source: ")]
    assert any("›" in s for s in sources)


def test_a_dead_search_server_fails_fast_and_says_so(demo_data_dir: Path) -> None:
    # The UI tests' default: Chroma "server" on a closed port.
    manager_id, report_id = _tomas()
    svc = Services.from_settings(background_index=True)
    started = time.monotonic()
    draft = svc.agenda.draft(manager_id, report_id)
    assert time.monotonic() - started < 15
    assert any("search is unavailable" in n for n in draft.notices)
    assert not any(word in n for n in draft.notices for word in NOT_READY)
