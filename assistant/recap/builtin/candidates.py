"""The candidate action item type shared by the detectors, merging and the engine."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.recap.builtin.dates import DueMatch
from assistant.recap.builtin.people import Person


@dataclass
class Candidate:
    """A commitment found in the notes, before merging duplicates."""

    task: str
    owner: Person | None
    owner_text: str
    due: DueMatch | None
    spans: list[tuple[int, int]]
    order: int
    confidence: float
    flags: set[str] = field(default_factory=set)
    recap: bool = False  # came from a closing recap line: merges into earlier items
    via_pronoun: bool = False  # a "him"/"her" in the task was resolved to a named person
    context_filled: bool = False  # the task's object came from a nearby sentence
