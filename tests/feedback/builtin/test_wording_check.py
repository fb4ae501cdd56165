"""Wording check: each category found on realistic sentences, clean sentences left alone."""

from __future__ import annotations

import time

import pytest

from assistant.errors import BadInputError, InputTooLargeError
from assistant.feedback.builtin import check_wording

# (kind, text, expected [(category, flagged text)]) — an empty list means "no issues".
CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # labels
    ("constructive", "You were lazy about the test plan.", [("label", "lazy")]),
    ("constructive", "Your work on the Q3 report was sloppy.", [("label", "sloppy")]),
    ("constructive", "You have a bad attitude in standups.", [("label", "bad attitude")]),
    ("constructive", "You're being difficult about the new process.", [("label", "difficult")]),
    ("constructive", "Honestly, you're not a team player.", [("label", "not a team player")]),
    ("constructive", "That reply to the vendor was unprofessional.", [("label", "unprofessional")]),
    ("constructive", "You've been careless with the release notes.", [("label", "careless")]),
    # absolutes
    ("constructive", "You always interrupt people in meetings.", [("absolute", "always")]),
    ("constructive", "You never update the tickets.", [("absolute", "never")]),
    ("constructive", "You interrupt me every time I present.", [("absolute", "every time")]),
    ("constructive", "You're constantly late to standup.", [("absolute", "constantly")]),
    # vague judgments
    ("constructive", "Your performance needs to improve.", [("vague", "needs to improve")]),
    ("constructive", "This is not good enough.", [("vague", "not good enough")]),
    ("constructive", "Honestly, this was poor performance.", [("vague", "poor performance")]),
    # "but" undoing praise
    (
        "constructive",
        "Great job on the demo, but the slides had typos.",
        [("generic_praise", "Great job"), ("but_undoing", "but")],
    ),
    (
        "constructive",
        "Thanks for the update. However, it came two days late.",
        [("but_undoing", "However")],
    ),
    (
        "constructive",
        "I liked how you ran the call, but next time loop me in.",
        [("but_undoing", "but")],
    ),
    # sarcasm
    (
        "constructive",
        "Nice of you to finally join us at standup.",
        [("sarcasm", "Nice of you to finally")],
    ),
    (
        "constructive",
        "Thanks for gracing us with your presence.",
        [("sarcasm", "Thanks for gracing us")],
    ),
    ("constructive", 'Your "urgent" fix broke the build.', [("sarcasm", '"urgent"')]),
    ("constructive", "You were late to the retro, as usual.", [("sarcasm", "as usual")]),
    # comparisons
    (
        "constructive",
        "Why can't you be more like Sam?",
        [("comparison", "Why can't you be more like Sam")],
    ),
    (
        "constructive",
        "Unlike the others, you missed the deadline.",
        [("comparison", "Unlike the others")],
    ),
    (
        "constructive",
        "Everyone else manages to submit on time.",
        [("comparison", "Everyone else manages")],
    ),
    # generic praise
    ("praise", "Great job!", [("generic_praise", "Great job")]),
    ("praise", "Good work this week, keep it up.", [("generic_praise", "Good work")]),
    ("praise", "Awesome.", [("generic_praise", "Awesome")]),
    (
        "praise",
        "Thanks for all your hard work.",
        [("generic_praise", "Thanks for all your hard work")],
    ),
    ("praise", "Keep up the good work!", [("generic_praise", "Keep up the good work")]),
    ("praise", "You're amazing, well done.", [("generic_praise", "You're amazing")]),
    # naming the thing is not saying what they did
    ("praise", "Good job on the demo.", [("generic_praise", "Good job")]),
    ("praise", "You were great in the incident review.", [("generic_praise", "You were great")]),
    (
        "constructive",
        "Good job on the demo. The pricing slide was missing.",
        [("generic_praise", "Good job")],
    ),
    # criticism, then "but" and praise: the sandwich that takes the point back
    (
        "constructive",
        "The report was two days late, but the analysis was great.",
        [("but_softening", "but")],
    ),
    (
        "praise",
        "You missed the handover. But your release notes were excellent.",
        [("but_softening", "But")],
    ),
    # more shapes of the same habits
    ("constructive", "You need to step up.", [("vague", "step up")]),
    ("constructive", "You were late again, like always.", [("sarcasm", "like always")]),
    ("praise", "Your demo was better than Priya's.", [("comparison", "better than Priya")]),
    ("constructive", "You can be a drama queen in reviews.", [("label", "drama queen")]),
    (
        "constructive",
        "You missed the handover all the time last month.",
        [("absolute", "all the time")],
    ),
    # absolutes in praise too
    ("praise", "You never missed a deadline this quarter.", [("absolute", "never")]),
    # clean sentences (false-positive guards)
    (
        "praise",
        "Great work on the incident review, walking everyone through the timeline.",
        [],
    ),
    ("constructive", "The build was slow, but we shipped on Friday.", []),
    ("praise", "You met all twelve deadlines this quarter.", []),
    ("praise", "You not only fixed the bug but also wrote a regression test for it.", []),
    (
        "constructive",
        "In Tuesday's demo you skipped the pricing slide, so the client asked about cost twice.",
        [],
    ),
    ("constructive", "It was a difficult conversation with the client, and you stayed calm.", []),
    ("constructive", "I'll always make time to help you prepare.", []),
    ("constructive", 'You said "we can ship Friday" in standup.', []),
    ("constructive", "The rest of the team had to wait an hour for the build.", []),
    ("constructive", "Always run the tests before you merge.", []),
    ("constructive", "What do you think happened there?", []),
    (
        "constructive",
        "The test coverage on the billing service needs to improve before the 4.2 release.",
        [],
    ),
    (
        "praise",
        "Great job on the Lakeside migration: you moved 40 accounts with zero downtime.",
        [],
    ),
    (
        "praise",
        "Great job! The onboarding guide cut setup time from two days to half a day.",
        [],
    ),
    (
        "praise",
        "You handled the angry customer calmly and kept them informed every hour.",
        [],
    ),
    (
        "praise",
        "You were never careless with the numbers in the board pack.",
        [("absolute", "never")],
    ),
    ("constructive", "I know you've been busy, but the handover notes were missing.", []),
]


@pytest.mark.parametrize(("kind", "text", "expected"), CASES)
def test_wording_check_table(kind: str, text: str, expected: list[tuple[str, str]]) -> None:
    result = check_wording(text, kind)  # type: ignore[arg-type]
    found = [(issue.category, issue.text) for issue in result.issues]
    assert found == expected
    assert result.ok is (not expected)
    for issue in result.issues:
        assert text[issue.start : issue.end] == issue.text
        assert issue.explanation and issue.suggestion


def test_spans_index_the_original_multi_sentence_text() -> None:
    text = "Thanks for joining early. You always skip the checklist. You are sloppy."
    result = check_wording(text, "constructive")
    assert [(i.category, i.start, i.end) for i in result.issues] == [
        ("absolute", 30, 36),
        ("label", 65, 71),
    ]


def test_but_suggestion_splits_the_praise_from_the_other_point() -> None:
    issues = check_wording("Great job on the demo, but the slides had typos.", "praise").issues
    issue = next(i for i in issues if i.category == "but_undoing")
    assert "“Great job on the demo.”" in issue.suggestion
    assert "“The slides had typos.”" in issue.suggestion


def test_absolute_suggestion_rewrites_the_sentence_with_specific_times() -> None:
    issue = check_wording("You never update the tickets.", "constructive").issues[0]
    assert "you didn't update the tickets" in issue.suggestion
    assert "[the specific times" in issue.suggestion


def test_label_suggestion_asks_for_behaviour() -> None:
    issue = check_wording("You were lazy about the test plan.", "constructive").issues[0]
    assert issue.suggestion.startswith("Describe the behaviour instead of the label")
    assert "In [when], you" in issue.suggestion


def test_summary_counts_categories() -> None:
    result = check_wording("You always miss standup. You're lazy.", "constructive")
    assert result.summary == "2 wording issues: 1 absolute, 1 label."
    assert not result.ok


def test_absolutes_are_flagged_whatever_the_kind_with_advice_for_each() -> None:
    text = "You always find time to review my PRs on the billing API."
    praise = check_wording(text, "praise").issues
    constructive = check_wording(text, "constructive").issues
    assert [i.category for i in praise] == [i.category for i in constructive] == ["absolute"]
    assert "record you saw" in praise[0].suggestion  # praise: name the record
    assert "[the specific times" in constructive[0].suggestion


def test_generic_praise_is_flagged_in_constructive_feedback_when_it_wraps_a_point() -> None:
    assert not check_wording("Nice!", "praise").ok
    assert check_wording("Nice!", "constructive").ok  # nothing to wrap: the toggle was off
    wrapped = check_wording("Nice work on the demo. The slides had typos.", "constructive")
    assert [i.category for i in wrapped.issues] == ["generic_praise"]
    assert "formula" in wrapped.issues[0].explanation


def test_softening_but_suggestion_keeps_the_point_and_the_praise_apart() -> None:
    issue = check_wording(
        "The report was two days late, but the analysis was great.", "constructive"
    ).issues[0]
    assert issue.category == "but_softening"
    assert "“The report was two days late.”" in issue.suggestion
    assert "“The analysis was great.”" in issue.suggestion
    assert (
        "softening criticism"
        in check_wording("The report was late, but the analysis was great.", "constructive").summary
    )


def test_empty_or_huge_text_is_rejected() -> None:
    with pytest.raises(BadInputError):
        check_wording("   ", "praise")
    with pytest.raises(InputTooLargeError):
        check_wording("You did fine. " * 400, "praise")


def test_check_is_deterministic_and_fast() -> None:
    text = " ".join(kind_text for _, kind_text, _ in CASES)[:4_900]
    first = check_wording(text, "constructive")
    started = time.perf_counter()
    for _ in range(20):
        assert check_wording(text, "constructive") == first
    assert (time.perf_counter() - started) / 20 < 0.05


def test_absolute_rewrite_keeps_only_its_own_clause() -> None:
    result = check_wording("Great job on the demo, but you always rush the Q&A.", "constructive")
    absolute = next(i for i in result.issues if i.category == "absolute")
    assert absolute.suggestion.endswith(
        "“In [the specific times, e.g. the last two standups], you rush the Q&A.”"
    )
