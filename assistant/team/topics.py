"""Which themes a meeting touched, inferred from its notes and recap (feeds topic rotation)."""

from __future__ import annotations

import re

from assistant.db.models import Topic
from assistant.domain.recap import RecapDraft

# Word stems per theme; matched at word starts so "career" hits "careers" but not "scarecrow".
_KEYWORDS: dict[Topic, tuple[str, ...]] = {
    Topic.CAREER: (
        "career",
        "promot",
        "growth",
        "grow into",
        "learn",
        "course",
        "certif",
        "mentor",
        "conference",
        "senior",
        "lead role",
        "next role",
        "stretch",
    ),
    Topic.WELLBEING: (
        "tired",
        "stress",
        "burn",
        "health",
        "sick",
        "exhaust",
        "fumes",
        "vacation",
        "pto",
        "time off",
        "leave",
        "overwhelm",
    ),
    Topic.WORKLOAD: (
        "workload",
        "overload",
        "stretched",
        "capacity",
        "on-call",
        "on call",
        "overtime",
        "hours",
        "too much",
        "bandwidth",
    ),
    Topic.GOALS: ("goal", "okr", "quota", "target", "kpi", "priorit", "roadmap", "plan"),
    Topic.CUSTOMERS: ("customer", "client", "account", "prospect", "renewal", "deal"),
    Topic.FEEDBACK: ("feedback", "kudos", "praise", "great job", "nice work", "well done"),
    Topic.PERSONAL: (
        "family",
        "wedding",
        "kid",
        "daughter",
        "son ",
        "wife",
        "husband",
        "partner",
        "moving",
        "weekend",
        "birthday",
        "holiday",
    ),
    Topic.ROADBLOCKS: ("block", "stuck", "waiting on", "depend", "access", "risk", "issue"),
    Topic.WINS: ("shipped", "launched", "closed", "won ", "record", "best", "great", "congrat"),
}
_PATTERNS = {
    topic: re.compile(r"\b(?:" + "|".join(re.escape(k) for k in words) + ")", re.IGNORECASE)
    for topic, words in _KEYWORDS.items()
}


def infer_topics(notes: str, draft: RecapDraft | None = None) -> list[Topic]:
    """Themes present in the notes; praise and personal sections of the recap count too."""
    topics = [topic for topic, pattern in _PATTERNS.items() if pattern.search(notes)]
    if draft is not None:
        if draft.praise:
            topics += [Topic.WINS, Topic.FEEDBACK]
        if draft.personal:
            topics.append(Topic.PERSONAL)
        if draft.concerns:
            topics.append(Topic.ROADBLOCKS)
    topics.append(Topic.WORK)
    return list(dict.fromkeys(topics))
