"""Typed drafts (pydantic) that jobs return and the UI edits. Never stored as final records."""
