"""The question bank loads, validates and answers lookups by section and id."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.knowledge.question_bank import (
    SECTION_IDS,
    load_question_bank,
    parse_question_bank,
)


def test_bank_has_every_agenda_section_with_questions() -> None:
    bank = load_question_bank()
    assert {s.id for s in bank.sections} == set(SECTION_IDS)
    assert all(len(bank.questions(s)) >= 5 for s in SECTION_IDS)


def test_questions_are_found_by_id_and_ids_are_unique() -> None:
    bank = load_question_bank()
    question = bank.question("conn-06")
    assert question is not None and "last time" in question.text
    assert bank.question("nope-99") is None
    ids = [q.id for s in bank.sections for q in s.questions]
    assert len(ids) == len(set(ids))


def test_loading_is_cached() -> None:
    assert load_question_bank() is load_question_bank()


def test_unknown_section_raises_key_error() -> None:
    with pytest.raises(KeyError):
        load_question_bank().section("gossip")


_MINIMAL = "version: 1\nsections:\n" + "".join(
    f"  - id: {s}\n    title: {s}\n    questions:\n      - id: {s}-01\n        text: Q?\n"
    for s in SECTION_IDS
)


def test_a_minimal_valid_bank_parses() -> None:
    assert len(parse_question_bank(_MINIMAL).sections) == len(SECTION_IDS)


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (_MINIMAL.replace("closing-01", "wins-01"), "used twice"),
        (_MINIMAL.replace("id: praise\n", "id: gossip\n"), "unknown section"),
        (_MINIMAL.replace("text: Q?", "text: Q?\n        tags: [loud]", 1), "unknown tags"),
        ("sections: [", "invalid"),
    ],
)
def test_a_broken_bank_fails_with_a_clear_error(broken: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_question_bank(broken)


def test_a_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="Cannot read"):
        load_question_bank(tmp_path / "missing.yaml")
