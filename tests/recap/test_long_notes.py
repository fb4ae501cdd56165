"""Notes longer than the model's budget are sent in parts and merged, never silently cut."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.llm.client import LLMClient
from assistant.recap.llm import LLMRecapRefiner, notes_budget, split_notes
from assistant.recap.service import draft_recap
from tests.support.fake_openai import FakeOpenAIServer, RecordedRequest, Reply, Respond
from tests.support.llm_answers import recap_answer

DAY = dt.date(2026, 3, 4)
FILLER = "- talked through the clinic rollout, the import errors and the support queue\n"


def _notes_sent(request: RecordedRequest) -> str:
    user = request.messages[-1]["content"]
    found = re.search(r"<notes>\n(.*)\n</notes>", user, re.DOTALL)
    assert found, "the notes are fenced in every request"
    return found.group(1)


def _echo_last_line(request: RecordedRequest) -> Reply:
    """Answer each part with one action item taken from that part's last bullet."""
    notes = _notes_sent(request)
    last = [line for line in notes.splitlines() if "to send" in line]
    items = [
        {"task": "Send the part report", "owner": "Person B", "due": None, "evidence": last[-1]}
    ]
    return Respond.json(recap_answer(summary="", action_items=items if last else []))


def test_long_notes_are_sent_in_parts_and_every_line_reaches_the_model(
    fake_openai: FakeOpenAIServer, llm_client: LLMClient
) -> None:
    llm_client.max_prompt_chars = 6_000
    blocks = [FILLER * 40 + f"- Jordan to send the part {n} report\n\n" for n in range(5)]
    notes = "".join(blocks)
    assert len(notes) > 3 * notes_budget(6_000)
    fake_openai.default = Respond.call(_echo_last_line)

    draft = draft_recap(
        notes,
        meeting_date=DAY,
        manager="Dana Whitfield",
        report="Jordan Sims",
        refiner=LLMRecapRefiner(llm_client),
    )

    sent = [_notes_sent(r) for r in fake_openai.chat_requests]
    assert len(sent) > 1
    assert all(len(part) <= notes_budget(6_000) for part in sent)
    for n in range(5):
        assert any(f"part {n} report" in part for part in sent)  # nothing was cut
    assert draft.engine == "llm:gpt-4o-mini"
    assert any("in" in n and "parts" in n for n in draft.notices)
    evidence = {i.evidence for i in draft.action_items}
    assert {f"Jordan to send the part {n} report" for n in range(5)} <= evidence


def test_one_deadline_covers_all_the_parts(
    fake_openai: FakeOpenAIServer, llm_client: LLMClient
) -> None:
    llm_client.max_prompt_chars = 3_000
    llm_client.deadline_seconds = 0.4
    fake_openai.default = Respond.slow(0.25, Respond.json(recap_answer()))
    notes = FILLER * 200

    draft = draft_recap(
        notes,
        meeting_date=DAY,
        manager="Dana Whitfield",
        report="Jordan Sims",
        refiner=LLMRecapRefiner(llm_client),
    )

    assert draft.engine == "built-in"
    assert len(fake_openai.chat_requests) == 2  # the third part was never started
    assert any("within 0.4 s" in n or "no answer" in n for n in draft.notices)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(5, 60))
def test_split_notes_keeps_every_character(text: str, size: int) -> None:
    parts = split_notes(text, size)
    assert "".join(parts) == text
    assert all(len(p) <= size for p in parts)
