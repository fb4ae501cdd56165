"""draft_feedback end to end: validation, JSON shape, determinism, clean generated wording."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from assistant.domain.feedback import FeedbackRequest
from assistant.errors import BadInputError, InputTooLargeError
from assistant.feedback.builtin import check_wording, draft_feedback
from tests.feedback.builtin.samples import DEMO_TEXT, PRAISE_TEXT, RequestFactory

CLEAN_INPUTS: list[tuple[str, str]] = [
    ("constructive", DEMO_TEXT),
    ("praise", PRAISE_TEXT),
    (
        "constructive",
        "On the Lakeside call Sam skipped the agenda, which meant we lost 20 minutes.",
    ),
    ("constructive", "Sam sends status updates that are three pages long"),
    ("constructive", "Yesterday Sam pushed to main without a review, causing a two-hour outage."),
    ("praise", "During the outage on Friday Sam kept the status page updated every 15 minutes."),
    ("praise", "Sam fixed the flaky checkout test"),
    ("constructive", "In the retro Sam talked over Maria twice. The team stopped sharing ideas."),
]
STYLES = [None, "direct", "gentle", "written_first", "in_the_moment"]


@pytest.mark.parametrize(("kind", "text"), CLEAN_INPUTS)
@pytest.mark.parametrize("style", STYLES)
def test_generated_statements_pass_the_wording_check(
    make_request: RequestFactory, kind: str, text: str, style: str | None
) -> None:
    draft = draft_feedback(make_request(kind=kind, what=text, style=style, goals=["Ship v2"]))
    assert draft.wording_check.ok, draft.wording_check.issues
    assert check_wording(draft.statement, draft.kind).ok
    if draft.written_note:
        assert check_wording(draft.written_note, draft.kind).ok
    for opener in draft.openers:
        assert check_wording(opener, draft.kind).ok


def test_labels_in_the_managers_description_are_flagged_not_hidden(
    make_request: RequestFactory,
) -> None:
    draft = draft_feedback(make_request(what="In standup Sam was sloppy with the release notes."))
    assert not draft.wording_check.ok
    assert [i.category for i in draft.wording_check.issues] == ["label"]
    assert any("wording check flags" in notice for notice in draft.notices)


def test_draft_is_deterministic(make_request: RequestFactory) -> None:
    request = make_request(style="written_first", goals=["Improve client discovery calls"])
    first = draft_feedback(request).to_json_dict()
    for _ in range(5):
        assert draft_feedback(request).to_json_dict() == first


def test_json_shape_is_stable(make_request: RequestFactory) -> None:
    data = draft_feedback(make_request()).to_json_dict()
    assert list(data) == [
        "report_name",
        "kind",
        "statement",
        "sbi",
        "openers",
        "plan",
        "follow_up",
        "tailoring_notes",
        "written_note",
        "wording_check",
        "engine",
        "notices",
    ]
    assert list(data["sbi"]) == [
        "situation",
        "behaviour",
        "impact",
        "situation_missing",
        "impact_missing",
        "goal",
    ]
    assert list(data["wording_check"]) == ["ok", "summary", "issues"]
    assert data["engine"] == "built-in"
    json.dumps(data)  # plain JSON types only


@pytest.mark.parametrize(
    "fields",
    [{"what": ""}, {"what": "   "}, {"what": None}, {"what": None, "situation": "in standup"}],
)
def test_empty_description_is_bad_input(
    make_request: RequestFactory, fields: dict[str, str]
) -> None:
    with pytest.raises(BadInputError, match="Describe what happened"):
        draft_feedback(make_request(**fields))


def test_oversized_description_is_rejected(make_request: RequestFactory) -> None:
    with pytest.raises(InputTooLargeError):
        draft_feedback(make_request(what="Sam skipped the review. " * 250))


@pytest.mark.parametrize(
    "data",
    [
        {"report_name": "Sam", "kind": "constructive", "what": "x", "mood": "grumpy"},
        {"report_name": "Sam", "kind": "criticism", "what": "x"},
        {"report_name": "Sam", "kind": "praise", "what": "x", "recent_praise_count": -1},
        {"report_name": "Sam", "kind": "praise", "what": "x", "style": "loud"},
        {"report_name": "", "kind": "praise", "what": "x"},
    ],
)
def test_request_rejects_unknown_fields_and_bad_values(data: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        FeedbackRequest.model_validate(data)


def test_praise_statement_avoids_generic_superlatives(make_request: RequestFactory) -> None:
    draft = draft_feedback(make_request(report_name="Priya", kind="praise", what=PRAISE_TEXT))
    assert draft.statement.startswith("Last week, I noticed you wrote the onboarding guide")
    assert "This meant both new engineers shipped code in their first week." in draft.statement
    for word in ("great job", "awesome", "good work"):
        assert word not in draft.statement.lower()
