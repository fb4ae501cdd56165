"""Feedback page: SBI draft with question openers, wording check with highlights, logging."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.db.models import FeedbackKind
from tests.support.fake_openai import FakeOpenAIServer, Respond
from tests.support.llm_answers import feedback_answer
from tests.ui.conftest import demo_services, run_app, texts, use_fake_llm

PAGE = "app_pages/feedback.py"
WHAT = (
    "In Tuesday's clinic demo she walked the customer through the new import flow step by step; "
    "they signed up for the pilot the same day."
)


def _report_id(name: str = "Amara") -> int:
    svc = demo_services()
    with svc.repos(svc.resolve_manager().id) as repos:
        return repos.reports.find(name).id


def _drafted(kind: FeedbackKind = FeedbackKind.PRAISE):  # type: ignore[no-untyped-def]
    at = run_app(PAGE)
    at.selectbox(key="fb_report").set_value(_report_id())
    at.run()
    if kind is not FeedbackKind.PRAISE:
        at.button_group(key="fb_kind").set_value(kind).run()
    at.text_area(key="fb_what").input(WHAT)
    at.button(key="fb_draft").click().run()
    assert not at.exception
    return at


def test_feedback_draft_shows_statement_and_at_least_three_questions(
    demo_data_dir: Path,
) -> None:
    at = _drafted()
    openers = next(m.value for m in at.markdown if m.value.startswith("1. "))
    questions = re.findall(r"^\d+\. .+\?", openers, flags=re.M)
    assert len(questions) >= 3
    assert "Tuesday" in at.text_area(key="fb_statement").value
    page = texts(at)
    assert "Drafted by: **built-in engine**" in page
    assert "**Plan**" in page and "**Follow up**" in page


def test_sbi_fields_can_be_given_separately(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    at.toggle(key="fb_sbi_mode").set_value(True).run()
    at.text_input(key="fb_situation").input("In yesterday's standup")
    at.text_area(key="fb_behaviour").input("you interrupted Hana twice while she was presenting")
    at.text_input(key="fb_impact").input("she stopped sharing her update")
    at.button_group(key="fb_kind").set_value(FeedbackKind.CONSTRUCTIVE).run()
    at.button(key="fb_draft").click().run()
    assert not at.exception
    statement = at.text_area(key="fb_statement").value
    assert "standup" in statement and "interrupted" in statement


def test_empty_description_gets_a_friendly_error(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    at.button(key="fb_draft").click().run()
    assert not at.exception
    assert any("Describe what happened" in e.value for e in at.error)


def test_wording_check_flags_absolutes_generic_praise_and_softening_in_any_mode(
    demo_data_dir: Path,
) -> None:
    at = run_app(PAGE)
    at.text_area(key="fb_own_text").input("Good job on the demo. You never miss a deadline.")
    at.button(key="fb_check").click().run()  # praise mode
    assert not at.exception
    page = texts(at)
    assert ":red-background[Good job]" in page and ":red-background[never]" in page
    at.button_group(key="fb_kind").set_value(FeedbackKind.CONSTRUCTIVE).run()
    at.text_area(key="fb_own_text").input(
        "Good job on the demo. The report was late, but the analysis was great."
    )
    at.button(key="fb_check").click().run()
    page = texts(at)
    assert "Generic praise" in page and "“But” softens the criticism" in page


def test_wording_check_highlights_problems_and_suggests_rewrites(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    at.button_group(key="fb_kind").set_value(FeedbackKind.CONSTRUCTIVE).run()
    at.text_area(key="fb_own_text").input("You are always late and you're so lazy.")
    at.button(key="fb_check").click().run()
    assert not at.exception
    page = texts(at)
    assert ":red-background[always]" in page
    assert "Try:" in page


def _balance(at) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The praise : constructive counts the balance line at the top shows."""
    line = next(e.value for e in [*at.caption, *at.warning] if "Last 90 days with" in str(e.value))
    found = re.search(r"\*\*(\d+) praise : (\d+) constructive\*\*", line)
    assert found is not None, line
    return int(found.group(1)), int(found.group(2))


def test_logging_feedback_updates_the_balance_at_once(demo_data_dir: Path) -> None:
    at = _drafted()
    svc = demo_services()
    with svc.repos(svc.resolve_manager().id) as repos:
        before = len(repos.feedback.of_report(_report_id()))
    praise, constructive = _balance(at)
    at.text_area(key="fb_log_wording").input("Thanks for walking the clinic through the import.")
    at.text_area(key="fb_log_response").input("Smiled, wants to run the next demo.")
    at.button(key="fb_log_submit").click().run()
    assert not at.exception
    assert any("Logged praise for Amara Okonkwo" in s.value for s in at.success)
    # The balance line at the top already counts it (no second run needed).
    assert _balance(at) == (praise + 1, constructive)
    with svc.repos(svc.resolve_manager().id) as repos:
        entries = repos.feedback.of_report(_report_id())
    assert len(entries) == before + 1
    newest = max(entries, key=lambda e: e.id)
    assert newest.kind is FeedbackKind.PRAISE and "import" in newest.wording
    assert newest.response.startswith("Smiled")
    assert newest.situation  # the draft's SBI went with it


def test_the_log_tab_is_prefilled_with_the_drafted_wording(demo_data_dir: Path) -> None:
    at = _drafted()
    statement = at.text_area(key="fb_statement").value
    assert at.text_area(key="fb_log_wording").value == statement
    # Editing the statement carries over while the log box is untouched...
    at.text_area(key="fb_statement").input(statement + " I mean it.").run()
    assert at.text_area(key="fb_log_wording").value == statement + " I mean it."
    # ...but never overwrites what the manager typed there.
    at.text_area(key="fb_log_wording").input("What I actually said.").run()
    at.text_area(key="fb_statement").input(statement).run()
    assert at.text_area(key="fb_log_wording").value == "What I actually said."


def test_third_person_praise_becomes_second_person_wording(demo_data_dir: Path) -> None:
    at = run_app(PAGE)
    at.selectbox(key="fb_report").set_value(_report_id("Tomás")).run()
    at.text_area(key="fb_what").input(
        "He was great in the incident review last week: he walked the team through the timeline"
    )
    at.button(key="fb_draft").click().run()
    assert not at.exception
    statement = at.text_area(key="fb_statement").value
    assert statement.startswith(
        "In the incident review last week, you walked the team through the timeline."
    )
    assert " he " not in statement and "great review" not in statement
    assert "your goal" not in statement  # no goal shares more than the word "review"


def test_polish_button_is_hidden_without_a_model(demo_data_dir: Path) -> None:
    at = _drafted()
    assert not [b for b in at.button if b.key == "fb_polish"]


def test_polish_streams_the_model_answer(
    demo_data_dir: Path, fake_openai: FakeOpenAIServer
) -> None:
    use_fake_llm(demo_data_dir, fake_openai)
    fake_openai.enqueue(
        Respond.json(feedback_answer()),  # the draft
        Respond.text("Thank you for walking the clinic through the import."),  # the polish
    )
    at = _drafted()
    at.button(key="fb_polish").click().run()
    assert not at.exception
    assert fake_openai.last_request.stream
    assert "walking the clinic" in texts(at)


def test_after_logging_the_same_draft_is_not_offered_again(demo_data_dir: Path) -> None:
    at = _drafted()
    at.button(key="fb_log_submit").click().run()  # logs the prefilled draft wording
    assert not at.exception
    assert any("Logged praise" in s.value for s in at.success)
    assert not at.text_area(key="fb_log_wording").value
