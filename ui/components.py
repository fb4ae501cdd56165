"""Small reusable widgets shared by pages."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assistant.db.models import Manager


def demo_banner(manager: Manager) -> None:
    if manager.is_demo:
        st.info(
            "You are looking at a **demo team** (fictional people). Remove it from the sidebar "
            "when you are ready to add your own team.",
            icon=":material/science:",
        )


def relative_day(day: dt.date | None, today: dt.date) -> str:
    if day is None:
        return "—"
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    return f"in {delta} days" if delta > 0 else f"{-delta} days ago"
