"""The question bank (`knowledge/questions.yaml`): loaded once, validated, looked up by id."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.errors import ConfigError
from assistant.paths import KNOWLEDGE_DIR

QUESTIONS_FILE = KNOWLEDGE_DIR / "questions.yaml"

SECTION_IDS: tuple[str, ...] = (
    "getting_to_know",
    "connection",
    "action_review",
    "wins",
    "goals_alignment",
    "work_issues",
    "roadblocks",
    "growth_career",
    "wellbeing_workload",
    "feedback_for_report",
    "feedback_for_manager",
    "praise",
    "closing",
)
KNOWN_TAGS = frozenset(
    {
        "light",
        "deep",
        "remote",
        "new-report",
        "quiet",
        "sales",
        "engineering",
        "support",
        "stressed",
    }
)


class BankQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    text: str = Field(min_length=1)
    tags: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _known_tags(self) -> BankQuestion:
        unknown = set(self.tags) - KNOWN_TAGS
        if unknown:
            raise ValueError(f"question {self.id} has unknown tags: {sorted(unknown)}")
        return self


class BankSection(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str
    questions: tuple[BankQuestion, ...]


class QuestionBank(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    sections: tuple[BankSection, ...]

    @model_validator(mode="after")
    def _consistent(self) -> QuestionBank:
        seen: set[str] = set()
        for section in self.sections:
            if section.id not in SECTION_IDS:
                raise ValueError(f"unknown section id {section.id!r}")
            for question in section.questions:
                if question.id in seen:
                    raise ValueError(f"question id {question.id!r} is used twice")
                seen.add(question.id)
        missing = set(SECTION_IDS) - {s.id for s in self.sections}
        if missing:
            raise ValueError(f"sections missing: {sorted(missing)}")
        return self

    def section(self, section_id: str) -> BankSection:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def questions(self, section_id: str) -> tuple[BankQuestion, ...]:
        return self.section(section_id).questions

    def question(self, question_id: str) -> BankQuestion | None:
        return self._by_id().get(question_id)

    def _by_id(self) -> dict[str, BankQuestion]:
        return {q.id: q for s in self.sections for q in s.questions}


def parse_question_bank(text: str, *, origin: str = "questions.yaml") -> QuestionBank:
    try:
        data = yaml.safe_load(text)
        return QuestionBank.model_validate(data)
    except (yaml.YAMLError, ValidationError) as exc:
        raise ConfigError(f"The question bank {origin} is invalid: {exc}") from exc


@lru_cache(maxsize=4)
def load_question_bank(path: Path = QUESTIONS_FILE) -> QuestionBank:
    """Parsed once per process: the bank is read on every agenda draft."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"Cannot read the question bank at {path}: {exc}") from exc
    return parse_question_bank(text, origin=str(path))
