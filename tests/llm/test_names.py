from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
