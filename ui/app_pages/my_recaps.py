"""The recaps the signed-in report's manager shared with them, newest first (shareable text
only: never the notes, private notes or anything the manager did not share)."""

from __future__ import annotations

import streamlit as st

from ui import times
from ui.components import escape_inline
from ui.identity import require_report
from ui.state import get_services

access = require_report()
seat = access.report
assert seat is not None

st.title("Shared recaps")
st.caption(f"Recaps of your 1:1s that {escape_inline(seat.manager_name)} shared with you.")
recaps = get_services().report_side.shared_recaps(access)
if not recaps:
    st.info("No recap shared yet.", icon=":material/summarize:")
for number, recap in enumerate(recaps):
    with st.expander(
        f"1:1 of {recap.day:%A %d %B %Y}", expanded=number == 0, key=f"my_recap_{recap.meeting_id}"
    ):
        st.caption(f"Shared by {escape_inline(recap.shared_by)} · {times.show(recap.shared_at)}")
        st.markdown(recap.markdown)
