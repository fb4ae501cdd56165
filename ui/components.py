"""Small reusable widgets shared by pages: engine badge, notices, pickers, exports, highlights."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

import streamlit as st

from assistant.db.models import Manager, Report

BUILTIN_NAMES = {"built-in", "builtin", "built_in", ""}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~:$<])")
# Inside a line that starts with our own marker only these change how text renders.
_MD_INLINE = re.compile(r"([\\`*_\[\]|>~$<])")


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


def engine_label(engine: str) -> str:
    """'built-in engine', 'llm:gpt-4o-mini' or 'your saved version', for captions."""
    if engine.strip().lower() in BUILTIN_NAMES:
        return "built-in engine"
    if engine == "saved":
        return "your saved version"
    return engine


def engine_badge(engine: str, notices: Iterable[str] = ()) -> None:
    """Which engine made a draft, and any notices it left (fallbacks, missing pieces), each
    on one compact line rather than a box."""
    label = engine_label(engine)
    if label == "your saved version":
        st.caption(":material/bookmark: Loaded from your saved version")
    else:
        icon = ":material/memory:" if label == "built-in engine" else ":material/auto_awesome:"
        st.caption(f"{icon} Drafted by: **{label}**")
    for notice in notices:
        notice_line(notice)


def notice_line(notice: str) -> None:
    """One notice as one line: an amber marker and the text (never a tall warning box)."""
    st.caption(f":orange[:material/info:] {escape_inline(notice)}")


def snippet(text: str, limit: int = 240) -> tuple[str, bool]:
    """The start of a passage (whole sentences or words, at most `limit` characters) and
    whether anything was left out."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat, False
    cut = flat[:limit]
    end = max(cut.rfind(". "), cut.rfind("? "), cut.rfind("! "))
    if end >= limit // 2:
        return cut[: end + 1], True
    return cut[: cut.rfind(" ")].rstrip(",;:") + "…", True


def report_picker(
    reports: Sequence[Report], *, key: str, label: str = "Report", default_id: int | None = None
) -> Report:
    """A selectbox of the team, remembering the last report picked on any page."""
    ids = [r.id for r in reports]
    by_id = {r.id: r for r in reports}
    remembered = default_id or st.session_state.get("last_report_id")
    if key not in st.session_state and remembered in by_id:
        st.session_state[key] = remembered
    if st.session_state.get(key) not in by_id:
        st.session_state.pop(key, None)
    picked = st.selectbox(
        label, ids, format_func=lambda i: _report_label(by_id[i]), key=key, width="stretch"
    )
    st.session_state["last_report_id"] = picked
    return by_id[picked]


def _report_label(report: Report) -> str:
    return f"{report.name} · {report.role}" if report.role else report.name


def require_reports(reports: Sequence[Report]) -> None:
    if not reports:
        st.info(
            "No reports in your team yet. Add your first report on the **Team** page.",
            icon=":material/person_add:",
        )
        st.page_link("app_pages/team.py", label="Go to Team", icon=":material/groups:")
        st.stop()


def markdown_export(
    markdown: str, *, filename: str, key: str, label: str, collapsed: bool = False
) -> None:
    """The Markdown in a code block (it has a copy button) plus a download button; with
    `collapsed`, the block sits in a closed "Preview" expander under the button."""
    if not collapsed:
        st.code(markdown, language="markdown", wrap_lines=True)
    st.download_button(
        label,
        data=markdown.encode("utf-8"),
        file_name=filename,
        mime="text/markdown",
        key=key,
        icon=":material/download:",
    )
    if collapsed:
        with st.expander("Preview and copy", icon=":material/visibility:", key=f"{key}_preview"):
            st.code(markdown, language="markdown", wrap_lines=True)


def escape_inline(text: str) -> str:
    """Text for the middle of a Markdown line: one line, markup characters escaped."""
    return _MD_INLINE.sub(r"\\\1", " ".join(text.split()))


def escape_md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


def highlighted(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Markdown of `text` with each (start, end) span on a red background."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos or end <= start:
            continue  # overlapping spans: the first one wins
        out.append(escape_md(text[pos:start]))
        out.append(f":red-background[{escape_md(text[start:end])}]")
        pos = end
    out.append(escape_md(text[pos:]))
    return "".join(out)


def lines(text: str) -> list[str]:
    """Non-empty lines of a text area, stripped of list markers."""
    result = []
    for line in text.splitlines():
        clean = line.strip().lstrip("-*•").strip()
        if clean:
            result.append(clean)
    return result


def as_date(value: Any) -> dt.date | None:
    """A data_editor cell (date, datetime, pandas Timestamp, NaT, None, ISO text) as a date."""
    if is_blank(value):
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:  # pandas Timestamp, numpy datetime64
        import pandas as pd

        day: dt.date = pd.Timestamp(value).date()
        return day
    except (TypeError, ValueError):
        return None


def is_blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        import pandas as pd

        return bool(pd.isna(value))  # NaN, NaT, pd.NA
    except (TypeError, ValueError):  # list-like values are never blank cells
        return False
