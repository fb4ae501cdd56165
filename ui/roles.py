"""Team mode's navigation: the pages each identity is given, and no others.

- storage or sign-in not set up: one page that says what to fix;
- nobody signed in: the sign-in page;
- signed in but on no team: the polite "ask your manager to add you" page;
- a manager: the manager's pages (their own team; no Settings page, which changes the server
  for everyone) and their activity log;
- a report: their side of their 1:1s;
- both (a manager who reports to someone): their team, then their own 1:1s.

Streamlit runs only a page given to `st.navigation`; any other URL gets the first page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from assistant.access.deployment import auth_problems, check_team_storage
from assistant.errors import ConfigError
from ui.identity import auth_section, current_access
from ui.state import get_services

PROBLEM_KEY = "_coach_setup_problem"
LOCAL_ONLY = ("settings",)  # url paths: the server-wide Settings page is not for team mode

Pages = dict[str, list[StreamlitPage]]


def _page(path: str, title: str, icon: str, *, default: bool = False) -> StreamlitPage:
    return st.Page(path, title=title, icon=icon, default=default)


def _report_pages(default: bool) -> list[StreamlitPage]:
    return [
        _page("app_pages/my_one_on_one.py", "Your next 1:1", ":material/event:", default=default),
        _page("app_pages/my_action_items.py", "Your action items", ":material/task_alt:"),
        _page("app_pages/my_recaps.py", "Shared recaps", ":material/summarize:"),
    ]


def _manager_pages(pages: Mapping[str, Sequence[StreamlitPage]]) -> Pages:
    kept: Pages = {}
    for section, listed in pages.items():
        kept[section] = [p for p in listed if p.url_path not in LOCAL_ONLY]
    kept.setdefault("Reference", []).append(
        _page("app_pages/activity.py", "Activity", ":material/history:")
    )
    return kept


def _setup_problem() -> str | None:
    settings = get_services().settings
    try:
        warnings = check_team_storage(settings)
    except ConfigError as exc:
        return str(exc)
    problems = auth_problems(auth_section())
    if problems:
        return "Sign-in is not set up: " + "; ".join(problems) + "."
    for warning in warnings:
        st.sidebar.warning(f"Team mode on one machine's storage: {warning}.", icon="⚠️")
    return None


def team_pages(pages: Mapping[str, Sequence[StreamlitPage]]) -> Pages | list[StreamlitPage]:
    problem = _setup_problem()
    if problem is not None:
        st.session_state[PROBLEM_KEY] = problem
        return [_page("app_pages/team_setup.py", "Set-up needed", ":material/build:")]
    access = current_access()
    if access is None:
        return [_page("app_pages/sign_in.py", "Sign in", ":material/login:", default=True)]
    if not access.known:
        return [_page("app_pages/not_added.py", "Welcome", ":material/waving_hand:", default=True)]
    if access.manager is None:
        return {"Your 1:1s": _report_pages(default=True)}
    kept = _manager_pages(pages)
    if access.report is not None:
        kept["Your own 1:1s"] = _report_pages(default=False)
    return kept
