"""Knowledge page: search with citations (guidance and notes), question bank, no index."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from assistant.db.repositories import ManagerRepository, Repositories
from assistant.recap.service import store_raw_notes
from tests.ui.conftest import demo_services, run_app, texts

PAGE = "app_pages/knowledge.py"


def _my_team_with_notes() -> None:
    svc = demo_services()
    with svc.session() as session:
        manager = ManagerRepository(session).create("Robin Real")
        repos = Repositories(session, manager.id)
        kim = repos.reports.add("Kim Yu")
        store_raw_notes(
            repos, kim, dt.date(2026, 10, 6), "Kim worries about the pager rotation on weekends."
        )


def test_guidance_search_shows_citations(data_dir: Path, search_index: Path) -> None:
    _my_team_with_notes()
    at = run_app(PAGE, timeout=240)
    at.text_input(key="kb_query").input("how to give feedback")
    at.selectbox(key="kb_kind").set_value("guidance")
    at.button(key="kb_search").click().run()
    assert not at.exception
    sources = [c.value for c in at.caption if c.value.startswith("Source: ")]
    assert sources and all(".md › " in s for s in sources)
    # Less text: each result shows a short passage; the whole of it is one click away.
    more = [e for e in at.expander if e.label == "Read the whole passage"]
    assert more and len(more) <= len(sources)
    for expander in more:
        whole = " ".join(expander.markdown[0].value.split())
        assert len(whole) > 240
        assert any(
            len(m.value) <= 240 and whole.startswith(m.value.rstrip("…")[:60])
            for m in at.markdown
            if m.value != expander.markdown[0].value
        )


def test_note_search_cites_the_meeting(data_dir: Path, search_index: Path) -> None:
    _my_team_with_notes()
    at = run_app(PAGE, timeout=240)
    at.text_input(key="kb_query").input("pager rotation weekends")
    at.selectbox(key="kb_kind").set_value("note")
    at.button(key="kb_search").click().run()
    assert not at.exception
    assert "Source: Kim Yu, 1:1 on 2026-10-06" in texts(at)


def test_search_without_an_index_says_so(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    at.text_input(key="kb_query").input("feedback")
    at.button(key="kb_search").click().run()
    assert not at.exception
    assert any("Search is not available" in e.value for e in at.error)


def test_question_bank_lists_questions_by_section(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    at.selectbox(key="kb_section").set_value("growth_career").run()
    assert not at.exception
    questions = [m.value for m in at.markdown if m.value.startswith("- ")]
    assert len(questions) >= 3 and all("?" in q for q in questions[:3])
