"""The recap job's model adapter: structured calls that refine the built-in recap.

The prompt carries the notes (fenced as data), the built-in draft and who was there; the answer
must match `LLMRecap`, and `verify.verify_llm_recap` checks it against the notes before the
manager sees it. Notes longer than the model's budget (`max_prompt_chars`) are never cut: they
are sent in parts (split at blank lines, else line ends), all within one deadline, and the
answers merged before the check.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from assistant.domain.recap import RecapDraft

if TYPE_CHECKING:
    from assistant.llm.client import LLMClient
from assistant.llm.prompts import PromptLibrary, PromptMessage, default_library
from assistant.recap.owner_support import looks_like_a_person
from assistant.recap.verify import verify_llm_recap


class RecapPromptInputs(BaseModel):
    """Everything `prompts/recap/*.j2` may use (checked against the templates by a test)."""

    model_config = ConfigDict(extra="forbid")

    notes: str
    meeting_date: str
    manager: str
    report: str
    first_person: str
    people: list[str]
    builtin_draft: str


class LLMActionItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    task: str = Field(description="Short imperative sentence.")
    owner: str = Field(description="Full name of the person who committed.")
    due: str | None = Field(description="YYYY-MM-DD, or null when the notes give no clear day.")
    evidence: str = Field(description="The line or sentence of the notes, copied verbatim.")


class LLMRecap(BaseModel):
    """The structured answer the recap prompt asks for (all fields required: strict schemas)."""

    model_config = ConfigDict(extra="forbid")

    summary: str
    decisions: list[str]
    action_items: list[LLMActionItem]
    praise: list[str]
    concerns: list[str]
    personal: list[str]
    follow_ups: list[str]


@dataclass(frozen=True)
class RecapContext:
    """What the recap job knows besides the draft: the notes and who was there."""

    notes: str
    meeting_date: dt.date
    manager: str
    report: str
    people: Sequence[str] = field(default_factory=tuple)
    author: str = "manager"  # who wrote the notes: "manager", "report" or a name

    @property
    def others(self) -> list[str]:
        return [p for p in self.people if p not in (self.manager, self.report)]

    @property
    def first_person(self) -> str:
        """Whom "I" and "me" in the notes mean."""
        return {"manager": self.manager, "report": self.report}.get(self.author, self.author)


class LLMRecapRefiner:
    """`Refiner[RecapDraft, RecapContext]` backed by a model client."""

    what = "recap"

    def __init__(self, llm: LLMClient, prompts: PromptLibrary | None = None) -> None:
        self.llm = llm
        self.prompts = prompts or default_library()

    def refine(self, draft: RecapDraft, context: RecapContext) -> RecapDraft:
        people = redaction_people(draft, context)
        parts = split_notes(context.notes, notes_budget(self.llm.max_prompt_chars))
        deadline = self.llm.deadline()  # one wait for the whole recap, however many parts
        answers = []
        engine = ""
        for part in parts:
            messages = recap_messages(self.prompts, draft, context, part, first=part is parts[0])
            answer = self.llm.structured(messages, LLMRecap, people=people, deadline=deadline)
            answers.append(answer.value)
            engine = answer.engine
        refined = verify_llm_recap(
            merge_answers(answers),
            notes=context.notes,
            builtin=draft,
            manager=context.manager,
            report=context.report,
            people=context.people,
            meeting_date=context.meeting_date,
            engine=engine,
            first_person=context.first_person,
        )
        if len(parts) > 1:
            refined = refined.model_copy(
                update={
                    "notices": [
                        f"The notes were long, so the AI read them in {len(parts)} parts "
                        "(nothing was cut).",
                        *refined.notices,
                    ]
                }
            )
        return refined


def redaction_people(draft: RecapDraft, context: RecapContext) -> list[str]:
    """Whose names a recap request replaces: the manager, the report, the people known to the
    manager, and every owner the built-in engine found (a name the name finder cannot see,
    such as "王伟" in a script without capitals, is still replaced once it owns an item). An
    owner the rules took from a line's everyday first word ("Mail to the dev list") is not a
    person, and replacing it would make the model read the line as someone's task."""
    owners = [
        o for o in (i.owner for i in draft.action_items) if o.strip() and looks_like_a_person(o)
    ]
    return list(dict.fromkeys([context.manager, context.report, *context.others, *owners]))


def recap_messages(
    prompts: PromptLibrary,
    draft: RecapDraft,
    context: RecapContext,
    notes: str,
    *,
    first: bool = True,
) -> list[PromptMessage]:
    """The recap prompt for (a part of) the notes, before redaction."""
    inputs = RecapPromptInputs(
        notes=notes,
        meeting_date=context.meeting_date.isoformat(),
        manager=context.manager,
        report=context.report,
        first_person=context.first_person,
        people=context.others,
        builtin_draft=json.dumps(
            _draft_for_part(draft, notes, first=first).to_public_dict(),
            ensure_ascii=False,
            indent=1,
        ),
    )
    return prompts.render_model("recap", inputs)


def notes_budget(max_prompt_chars: int) -> int:
    """Characters of notes per request: the rest of the prompt (instructions, the built-in
    draft of that part) needs room too."""
    return max(1_000, max_prompt_chars * 2 // 3)


def split_notes(notes: str, max_chars: int) -> list[str]:
    """Consecutive parts of at most `max_chars` whose concatenation is `notes` exactly, cut at
    a blank line when there is one in the second half of the window, else at a line end, a
    sentence end, a space, or (one 10,000-character word) anywhere."""
    parts: list[str] = []
    rest = notes
    while len(rest) > max_chars:
        window = rest[:max_chars]
        cut = -1
        for mark in ("\n\n", "\n", ". ", " "):
            found = window.rfind(mark)
            if found >= max_chars // 2:
                cut = found + len(mark)
                break
        if cut <= 0:
            cut = max_chars
        parts.append(rest[:cut])
        rest = rest[cut:]
    if rest or not parts:
        parts.append(rest)
    return parts


def _draft_for_part(draft: RecapDraft, part: str, *, first: bool) -> RecapDraft:
    """The built-in draft's items found in this part (its summary only with the first)."""
    flat = " ".join(part.split())
    items = [i for i in draft.action_items if " ".join(i.evidence.split()) in flat]
    return draft.model_copy(
        update={"action_items": items, "summary": draft.summary if first else ""}
    )


def merge_answers(answers: Sequence[LLMRecap]) -> LLMRecap:
    """One answer from the answers about each part: lists joined without repeats."""
    if len(answers) == 1:
        return answers[0]

    def joined(name: str) -> list[str]:
        seen: dict[str, str] = {}
        for answer in answers:
            for entry in getattr(answer, name):
                seen.setdefault(" ".join(entry.split()).casefold(), entry)
        return list(seen.values())

    items: dict[tuple[str, str], LLMActionItem] = {}
    for answer in answers:
        for item in answer.action_items:
            key = (" ".join(item.evidence.split()).casefold(), item.task.strip().casefold())
            items.setdefault(key, item)
    return LLMRecap(
        summary=" ".join(a.summary.strip() for a in answers if a.summary.strip()),
        decisions=joined("decisions"),
        action_items=list(items.values()),
        praise=joined("praise"),
        concerns=joined("concerns"),
        personal=joined("personal"),
        follow_ups=joined("follow_ups"),
    )
