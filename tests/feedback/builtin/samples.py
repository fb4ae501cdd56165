"""Sample descriptions shared by the feedback engine tests."""

from __future__ import annotations

from collections.abc import Callable

from assistant.domain.feedback import FeedbackRequest

DEMO_TEXT = (
    "In Tuesday's demo, Sam interrupted the client three times while they were explaining "
    "their requirements, so the client didn't get to finish and we ran out of time for the "
    "pricing discussion."
)
PRAISE_TEXT = (
    "Priya wrote the onboarding guide for new hires last week, which meant both new engineers "
    "shipped code in their first week."
)

RequestFactory = Callable[..., FeedbackRequest]
