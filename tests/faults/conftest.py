"""The fault suite reuses the privacy suite's services wired to the fake model."""

from tests.privacy.conftest import llm_services  # noqa: F401  (fixture)
