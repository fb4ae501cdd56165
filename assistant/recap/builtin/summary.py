"""A short, factual summary line for the top of the recap."""

from __future__ import annotations

import datetime as dt

from assistant.domain.recap import ActionItemDraft
from assistant.recap.builtin.people import PeopleDirectory
from assistant.recap.builtin.sections import Sections
from assistant.recap.builtin.segmentation import Sentence


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def build_summary(
    sentences: list[Sentence],
    items: list[ActionItemDraft],
    sections: Sections,
    people: PeopleDirectory,
    meeting: dt.date,
) -> str:
    if not sentences:
        who = f"{people.manager.full} and {people.report.full}"
        return f"1:1 between {who} on {meeting.isoformat()}: no notes."
    generic = ("action", "followup", "decision")
    topics = [s.section for s in sentences if s.section and s.section_kind not in generic]
    unique_topics = list(dict.fromkeys(t for t in topics if len(t) < 40))[:5]
    parts = [f"1:1 between {people.manager.full} and {people.report.full} on {meeting.isoformat()}"]
    if unique_topics:
        parts.append("covering " + ", ".join(t.lower() for t in unique_topics))
    head = " ".join(parts) + "."
    counts = [
        _plural(len(items), "action item"),
        _plural(len(sections.decisions), "decision"),
        _plural(len(sections.concerns), "concern"),
    ]
    owners = sorted({i.owner for i in items})
    tail = f" {', '.join(counts)}"
    if owners:
        tail += f"; owners: {', '.join(owners)}"
    return head + tail + "."
