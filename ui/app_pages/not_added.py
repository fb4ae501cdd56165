"""Team mode, signed in but on no team: a polite page that shows nothing else."""

from __future__ import annotations

import streamlit as st

from ui.components import escape_inline
from ui.identity import current_access, sign_out_button

access = current_access()
st.title("Welcome to 1:1 Coach")
if access is None:
    st.stop()
who = access.identity
if who.problem:
    st.warning(who.problem, icon=":material/mail:")
    st.markdown(
        "Ask your IT team to make sure your work account shares a verified e-mail address, "
        "then sign in again."
    )
else:
    st.markdown(
        f"You are signed in as **{escape_inline(who.email or who.display)}**, but nobody here "
        "has added that address to a team yet."
    )
    st.info(
        "Ask your manager to add you with this e-mail address, then sign in again.",
        icon=":material/waving_hand:",
    )
sign_out_button("not_added_sign_out")
