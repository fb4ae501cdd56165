"""Streamlit user interface. Pages only call assistant/ services; no business logic here."""
