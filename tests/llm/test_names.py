from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from assistant.llm.everyday_words import is_everyday_word
from assistant.llm.names import find_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ask Dana from finance about the budget; Lee will review.", {"Dana", "Lee"}),
        ("Sam to send the rollout plan by Friday.", {"Sam"}),
        ("Priya: wants to move to days", {"Priya"}),
        ("Zoë's demo went well. Mary-Kate D'Souza joined late.", {"Zoë", "Mary-Kate", "D'Souza"}),
        ("- Łukasz to write the runbook\n- review with Søren and Siobhán", {"Łukasz", "Søren"}),
        ("Met Nguyễn Thị Hương about the launch", {"Nguyễn", "Thị", "Hương"}),
        ("Send Alex the deck", {"Alex"}),
    ],
)
def test_names_in_notes_are_found(text: str, expected: set[str]) -> None:
    assert expected <= set(find_names(text))


@pytest.mark.parametrize(
    "text",
    [
        "Discussed the roadmap on Monday. Next steps: ship in March.",
        "Billing is slow; the billing fix ships today.",
        "The API and the OKRs need work. I will check.",
        "Action items:\n- Write the doc\n- Review PRs",
    ],
)
def test_everyday_capitalised_words_are_not_names(text: str) -> None:
    assert find_names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "- Link to the recording: https://example.org/rec",
        "- Mail to the dev list about the release",
        "Convert to markdown and post it to the repo",
        "Reminder: book the room\nAttending: the whole team",
        "- Assigned to the platform group\n- Postponed to next week",
    ],
)
def test_line_initial_everyday_words_before_to_or_a_colon_are_not_names(text: str) -> None:
    assert find_names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("- Mark to send the deck", "Mark"),  # given names that are also words stay names
        ("Grace: happy with the plan", "Grace"),
        ("- Rose to book the room", "Rose"),
        ("Bishop will review the draft", "Bishop"),  # a strong cue ("will") outweighs the word
        ("Link's demo went well", "Link"),  # so does a possessive
        ("- Ngozi to draft the survey", "Ngozi"),
        ("- Siobhán (facilitator): notes below", "Siobhán"),
    ],
)
def test_names_at_a_line_start_are_still_found(text: str, name: str) -> None:
    assert name in find_names(text)


def test_full_names_come_back_whole_and_in_parts() -> None:
    found = find_names("We met Dana Kim and Lee.")
    assert {"Dana Kim", "Dana", "Kim", "Lee"} <= set(found)


_letters = st.characters(categories=["Lu"]), st.characters(categories=["Ll"])


@st.composite
def capitalised_names(draw: st.DrawFn) -> str:
    first = draw(st.characters(categories=["Lu"]))
    rest = draw(st.text(st.characters(categories=["Ll"]), min_size=2, max_size=8))
    return first + rest


@settings(max_examples=60, deadline=None)
@given(capitalised_names())
def test_any_cased_script_name_mid_sentence_is_found(name: str) -> None:
    found = find_names(f"Yesterday we asked {name} about the launch.")
    assert name in found or name.casefold() in {"about", "the", "launch"}


@settings(max_examples=60, deadline=None)
@given(capitalised_names())
def test_a_line_initial_name_in_any_cased_script_is_found_before_to(name: str) -> None:
    """What is a name mid-sentence is one at a line start before "to" too, unless it is an
    everyday English word ("Cat"); letters outside A-Z never are."""
    assume(name in find_names(f"Yesterday we asked {name} about it."))
    found = find_names(f"- {name} to send the deck by Friday")
    assert name in found or (name.isascii() and is_everyday_word(name))
