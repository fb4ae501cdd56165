"""Shared request builder for the feedback engine tests."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.domain.feedback import FeedbackRequest
from tests.feedback.builtin.samples import DEMO_TEXT, RequestFactory


@pytest.fixture
def make_request() -> RequestFactory:
    """Build a FeedbackRequest with sensible defaults; keyword arguments override them."""

    def _make(**overrides: Any) -> FeedbackRequest:
        fields: dict[str, Any] = {
            "report_name": "Sam Lee",
            "kind": "constructive",
            "what": DEMO_TEXT,
        }
        fields.update(overrides)
        return FeedbackRequest(**fields)

    return _make
