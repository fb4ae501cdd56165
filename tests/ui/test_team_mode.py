"""Team mode in AppTest, on SQLite and PostgreSQL: the identity comes from `st.user` only; each
role is given its own pages and no others; a report adds topics and the manager's Prepare page
shows them; sharing is an explicit button; unknown people and broken set-ups see one page.

Real browser sign-in (OpenID Connect provider, typed URLs) is in tests/e2e/test_team_browser.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from assistant.config import get_settings
from assistant.db.models import OwnerRole
from assistant.services import Services
from tests.ui.conftest import APP, table_with, texts

AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "c" * 40,
    "client_id": "coach",
    "client_secret": "secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
MANAGER_PAGES = [
    "app_pages/team.py",
    "app_pages/person.py",
    "app_pages/prepare.py",
    "app_pages/recap.py",
    "app_pages/action_items.py",
    "app_pages/feedback.py",
    "app_pages/coaching.py",
    "app_pages/knowledge.py",
    "app_pages/settings.py",
    "app_pages/activity.py",
]
REPORT_PAGES = [
    "app_pages/my_one_on_one.py",
    "app_pages/my_action_items.py",
    "app_pages/my_recaps.py",
]


@dataclass
class Team:
    dana: int
    lukasz: int
    sam: int
    wang: int
    meeting: int  # Sam's next 1:1
    item: int  # an open item Sam owns


@pytest.fixture
def team(db_url: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Team]:
    monkeypatch.setenv("COACH_MODE", "team")
    monkeypatch.setenv("COACH_TEAM_ALLOW_LOCAL_STORAGE", "true")  # the SQLite run
    monkeypatch.setenv("COACH_DATABASE_URL", db_url)
    monkeypatch.setenv("COACH_TIME_ZONE", "UTC")
    get_settings.cache_clear()
    svc = Services.from_settings()
    dana = svc.team.create_team("Dana Reyes", "Sam Lee").id
    lukasz = svc.team.create_team("Łukasz Nowak", "王伟").id
    svc.team.seed_demo()  # present in the database, never offered in team mode
    sam = svc.team.reports(dana)[0].id
    wang = svc.team.reports(lukasz)[0].id
    svc.access.set_manager_email(dana, "dana@example.com")
    svc.access.set_manager_email(lukasz, "lukasz@example.com")
    svc.access.set_report_email(dana, sam, "sam@example.com")
    svc.access.set_report_email(lukasz, wang, "wang.wei@example.com")
    tomorrow = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(10), dt.UTC)
    meeting = svc.team.schedule(dana, sam, tomorrow).id
    svc.team.schedule(lukasz, wang, tomorrow)
    with svc.repos(dana) as repos:
        item = repos.action_items.add(
            report_id=sam,
            task="Send the rollout plan",
            owner_role=OwnerRole.REPORT,
            owner_name="Sam Lee",
        ).id
    svc.engine.dispose()
    st.cache_resource.clear()
    yield Team(dana, lukasz, sam, wang, meeting, item)
    # The app's own Services (cached per process) hold pooled connections: close them before
    # the database goes, so none is left for the garbage collector.
    from ui.state import get_services

    get_services().engine.dispose()
    st.cache_resource.clear()


def app_as(email: str | None, *, name: str = "", secrets: dict[str, Any] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["_coach_raise_errors"] = True
    at.secrets = {"auth": AUTH} if secrets is None else secrets
    at.user = (
        {"is_logged_in": False}
        if email is None
        else {"is_logged_in": True, "email": email, "name": name or email, "sub": email}
    )
    at.run()
    assert not at.exception, at.exception
    return at


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def not_registered(at: AppTest, page: str) -> bool:
    try:
        at.switch_page(page)
    except ValueError:
        return True
    return False


def test_nobody_signed_in_sees_only_the_sign_in_page(team: Team) -> None:
    at = app_as(None)
    assert titles(at) == ["1:1 Coach"]
    assert at.button(key="sign_in").label == "Sign in"
    assert all(not_registered(at, p) for p in MANAGER_PAGES + REPORT_PAGES)
    assert "Sam" not in texts(at) and "Dana" not in texts(at)


def test_an_unknown_identity_sees_only_the_polite_page(team: Team) -> None:
    at = app_as("mallory@example.com", name="Mallory")
    assert titles(at) == ["Welcome to 1:1 Coach"]
    assert "Ask your manager to add you" in texts(at)
    assert at.button(key="not_added_sign_out").label == "Sign out"
    assert all(not_registered(at, p) for p in MANAGER_PAGES + REPORT_PAGES)


def test_an_unverified_address_is_treated_as_unknown(team: Team) -> None:
    at = AppTest.from_file(APP, default_timeout=30)
    at.secrets = {"auth": AUTH}
    at.user = {"is_logged_in": True, "email": "sam@example.com", "email_verified": False}
    at.run()
    assert titles(at) == ["Welcome to 1:1 Coach"]
    assert "not verified" in texts(at)


def test_a_report_gets_their_pages_and_no_manager_page(team: Team) -> None:
    at = app_as("SAM@example.com", name="Sam Lee")
    assert titles(at) == ["Your next 1:1"]
    assert all(not_registered(at, p) for p in MANAGER_PAGES)
    assert "Signed in as **Sam Lee**" in texts(at)
    # A ?report= of someone else changes nothing: the page never reads it.
    at.query_params["report"] = str(team.wang)
    at.run()
    assert titles(at) == ["Your next 1:1"] and "王伟" not in texts(at)


def test_a_report_adds_a_topic_and_the_manager_sees_it_in_prepare(team: Team) -> None:
    at = app_as("sam@example.com", name="Sam Lee")
    at.text_input(key="my_topic_new").input("Moving to the platform team")
    at.button(key="my_topic_add_submit").click().run()
    assert "Added: Moving to the platform team" in texts(at)
    at.text_input(key="my_topic_new").input("Zoë's handover")
    at.button(key="my_topic_add_submit").click().run()
    second = [k for k in at.button if k.key and k.key.startswith("my_topic_up_")][1]
    second.click().run()
    shown = [m.value for m in at.markdown if m.value.startswith(("**1.", "**2."))]
    assert shown == ["**1. Zoë's handover**", "**2. Moving to the platform team**"]

    manager = app_as("dana@example.com", name="Dana Reyes")
    manager.switch_page("app_pages/prepare.py").run()
    assert "Sam's topics" in texts(manager)
    page = texts(manager)
    assert page.index("Zoë's handover") < page.index("Moving to the platform team")
    assert "added by Sam Lee" in page
    manager.button(key="prepare_draft").click().run()
    assert not manager.exception
    draft = manager.session_state["agenda"]["draft"]
    theirs = draft.items[1:3]  # right after the check-in, in Sam's order
    assert [i.source for i in theirs] == ["report", "report"]
    assert "Zoë's handover" in theirs[0].title and "platform team" in theirs[1].title
    assert theirs[0].detail.startswith("Added by Sam Lee, ")


def test_a_manager_sees_only_their_team_and_no_switcher(team: Team) -> None:
    at = app_as("dana@example.com", name="Dana Reyes")
    assert titles(at)[0] == "Team"
    assert "Sam Lee" in texts(at) + "".join(str(b.label) for b in at.button)
    assert not any(s.key == "sidebar_manager" for s in at.selectbox)
    assert not any(b.key == "remove_demo" for b in at.button)
    assert not_registered(at, "app_pages/settings.py")
    assert all(not_registered(at, p) for p in REPORT_PAGES)
    # ?report= of another team's person opens the manager's own person instead.
    at.query_params["report"] = str(team.wang)
    at.switch_page("app_pages/person.py").run()
    assert titles(at)[0] == "Sam Lee"
    assert "王伟" not in texts(at)
    assert [o for o in at.selectbox(key="person_pick").options] == ["Sam Lee"]


def test_sharing_is_an_explicit_act_the_report_then_sees(team: Team) -> None:
    manager = app_as("dana@example.com", name="Dana Reyes")
    manager.switch_page("app_pages/prepare.py").run()
    manager.button(key="prepare_draft").click().run()
    manager.button(key="agenda_save").click().run()
    report = app_as("sam@example.com", name="Sam Lee")
    assert "has not shared the agenda yet" in texts(report)
    manager.button(key="share_agenda").click().run()
    assert not manager.exception
    assert "Shared with Sam by Dana Reyes" in texts(manager)
    report.run()
    assert "Shared by Dana Reyes" in texts(report)
    assert "1:1 agenda: Sam Lee" in texts(report)
    activity = app_as("dana@example.com")
    activity.switch_page("app_pages/activity.py").run()
    log = activity.dataframe[0].value
    assert "shared the agenda" in set(log["What"])
    assert {"Sam Lee", "Dana Reyes"} <= set(log["Who"])


def test_a_report_marks_an_item_done_and_comments(team: Team) -> None:
    at = app_as("sam@example.com", name="Sam Lee")
    at.switch_page("app_pages/my_action_items.py").run()
    at.text_input(key=f"my_item_comment_{team.item}").input("Draft in the shared folder")
    at.button(key=f"my_item_comment_add_{team.item}").click().run()
    assert "Draft in the shared folder" in texts(at)
    at.button(key=f"my_item_done_{team.item}").click().run()
    assert "Done: Send the rollout plan" in texts(at)
    manager = app_as("dana@example.com")
    manager.switch_page("app_pages/person.py").run()
    log = table_with(manager, "What")
    assert list(log["What"])[:2] == ["marked an action item done", "commented on an action item"]
    assert "Draft in the shared folder" in set(log["Detail"])


def test_a_manager_who_reports_to_someone_gets_both_page_sets(team: Team) -> None:
    svc = Services.from_settings()
    own = svc.team.add_report(team.dana, "Łukasz Nowak").id
    svc.access.set_report_email(team.dana, own, "lukasz@example.com")
    svc.engine.dispose()
    at = app_as("lukasz@example.com", name="Łukasz Nowak")
    assert titles(at)[0] == "Team"
    at.switch_page("app_pages/my_one_on_one.py").run()
    assert titles(at) == ["Your next 1:1"]
    assert "No 1:1 with Dana Reyes is planned yet" in texts(at)


def test_no_auth_section_shows_the_set_up_page_only(team: Team) -> None:
    at = app_as("dana@example.com", secrets={"other": {"x": 1}})
    assert titles(at) == ["1:1 Coach is not set up yet"]
    assert "no [auth] section" in texts(at)
    assert all(not_registered(at, p) for p in MANAGER_PAGES + REPORT_PAGES)


def test_one_machines_storage_is_refused_without_the_override(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COACH_TEAM_ALLOW_LOCAL_STORAGE")
    monkeypatch.delenv("COACH_DATABASE_URL")
    get_settings.cache_clear()
    st.cache_resource.clear()
    at = app_as("dana@example.com")
    assert titles(at) == ["1:1 Coach is not set up yet"]
    assert "COACH_DATABASE_URL" in texts(at)
