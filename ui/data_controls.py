"""Data ownership widgets: removing a report (Team page) and export/import (Settings page).

Kept out of the pages themselves so each page needs one call; the work is done by
`svc.data` (assistant/data/service.py), the same calls as `coach report remove`, `coach export`
and `coach import`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import streamlit as st

from assistant.db.models import Report
from assistant.errors import CoachError
from ui.state import get_services, reset_services

FLASH = "team_flash"  # the Team page shows this after its rerun


def remove_report_panel(manager_id: int, reports: Sequence[Report]) -> None:
    """An expander to pick a report and, after typing their name, delete them for good."""
    if not reports:
        return
    by_id = {r.id: r for r in reports}
    with st.expander("Remove someone from your team", icon=":material/person_remove:"):
        chosen = st.selectbox(
            "Who", list(by_id), format_func=lambda i: by_id[i].name, key="remove_report_pick"
        )
        report = by_id[chosen]
        st.warning(
            f"This deletes {report.name} and everything about them, for good: 1:1s, notes, "
            "action items, feedback, goals and search entries, with no copy left in the data "
            "folder. Export your data first (Settings) if you may need it. To keep their "
            "history instead, archive them from their page.",
            icon=":material/warning:",
        )
        typed = st.text_input(f"Type “{report.name}” to confirm", key=f"remove_confirm_{report.id}")
        confirmed = " ".join(typed.split()) == report.name
        if st.button(
            "Delete for good",
            type="primary",
            key=f"remove_report_{report.id}",
            icon=":material/delete_forever:",
            disabled=not confirmed,
        ):
            try:
                with st.spinner(f"Removing {report.name} and cleaning the search index…"):
                    result = get_services().data.remove_report(manager_id, report.id)
            except CoachError as exc:
                st.error(str(exc))
                return
            st.session_state[FLASH] = result.message
            for key in ("remove_report_pick", f"remove_confirm_{report.id}"):
                st.session_state.pop(key, None)
            st.rerun()


def export_import_controls() -> None:
    """Download everything as one zip; restore a zip into an empty data folder."""
    svc = get_services()
    st.markdown(
        "**Export** everything (every team, 1:1, note, action item, feedback and goal) as one "
        "zip of JSON files plus each report's notes as Markdown. **Import** restores such a zip "
        "into an empty data folder (a demo team alone is replaced)."
    )
    if st.button("Prepare export", key="set_export", icon=":material/archive:"):
        try:
            st.session_state["set_export_zip"] = svc.data.export_archive()
        except CoachError as exc:
            st.error(str(exc))
    ready = st.session_state.get("set_export_zip")
    if ready:
        st.download_button(
            "Download the export (.zip)",
            data=ready,
            file_name=f"coach-export-{dt.date.today().isoformat()}.zip",
            mime="application/zip",
            key="set_export_download",
            icon=":material/download:",
        )
    upload = st.file_uploader("Import an export (.zip)", type=["zip"], key="set_import_file")
    if upload is not None and st.button("Import", key="set_import", icon=":material/unarchive:"):
        try:
            with st.spinner("Importing…"):
                result = svc.data.import_archive(upload.getvalue())
        except CoachError as exc:
            st.error(str(exc))
        else:
            st.session_state["settings_flash"] = result.message
            reset_services()
            st.rerun()
