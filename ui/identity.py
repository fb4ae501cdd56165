"""Who is signed in (team mode): taken from `st.user` only, which Streamlit fills from the
signed identity cookie its OpenID Connect flow set. Never from query parameters, widget values
or session keys: the access is resolved again from `st.user` on every run, and every page
scopes its service calls by the seats it carries.
"""

from __future__ import annotations

from typing import Any, NoReturn

import streamlit as st

from assistant.access.identity import identity_from_claims
from assistant.access.roles import Access
from ui.state import get_services

SIGN_IN_RECORDED = "_coach_sign_in_recorded"  # the address whose sign-in this session logged


def team_mode() -> bool:
    return get_services().settings.team_mode


def _claims() -> dict[str, Any]:
    try:
        return dict(st.user.to_dict())
    except (AttributeError, KeyError):  # no user information in this context
        return {}


def current_access() -> Access | None:
    """The signed-in person's access, or None when nobody is signed in. The sign-in is written
    to the audit trail once per session."""
    identity = identity_from_claims(_claims())
    if identity is None:
        return None
    access = get_services().access.resolve(identity)
    key = identity.email or f"sub:{identity.subject}"
    if st.session_state.get(SIGN_IN_RECORDED) != key:
        get_services().access.record_sign_in(access)
        st.session_state[SIGN_IN_RECORDED] = key
    return access


def _stop(message: str) -> NoReturn:
    st.info(message, icon=":material/lock:")
    st.stop()


def require_report() -> Access:
    """Guard for the report's pages: only someone signed in as a report gets past it."""
    access = current_access() if team_mode() else None
    if access is None or access.report is None:
        _stop("This page is for people who report to a manager here.")
    return access


def auth_section() -> dict[str, Any] | None:
    """The secrets file's `[auth]` section, or None when there is no secrets file."""
    try:
        section = st.secrets.get("auth")
    except FileNotFoundError:  # no secrets file at all (Streamlit's own error subclasses it)
        return None
    return dict(section) if section else None


def sign_out_button(key: str) -> None:
    if st.button("Sign out", key=key, icon=":material/logout:"):
        st.logout()
