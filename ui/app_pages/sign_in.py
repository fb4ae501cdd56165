"""Team mode, nobody signed in: one button to sign in with the organisation's identity
provider (OpenID Connect through Streamlit's `st.login`)."""

from __future__ import annotations

import streamlit as st

st.title("1:1 Coach")
st.markdown(
    "Prepare, run and follow up on your one-on-ones: your topics, the shared agenda, "
    "action items and recaps in one place."
)
st.info("Sign in with your work account to continue.", icon=":material/lock:")
if st.button("Sign in", key="sign_in", type="primary", icon=":material/login:"):
    st.login()
