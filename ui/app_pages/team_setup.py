"""Team mode that cannot serve anyone yet: what to fix, in one message (see README)."""

from __future__ import annotations

import streamlit as st

from ui.roles import PROBLEM_KEY

st.title("1:1 Coach is not set up yet")
st.error(st.session_state.get(PROBLEM_KEY, "Team mode is not set up."), icon=":material/build:")
st.caption("Whoever runs this server: see “Run it for a team” in the README.")
