"""Choosing suggested questions: fresh (not used with this person in the last agendas), fitting
their tags, never touching an avoided topic, and rotating deterministically between meetings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

from assistant.agenda.builtin.context import AgendaContext
from assistant.agenda.builtin.textscan import STRESS, Avoider, keywords, mentions
from assistant.domain.agenda import AgendaQuestion
from assistant.knowledge.question_bank import BankQuestion, QuestionBank

DOMAIN_TAGS = frozenset({"sales", "engineering", "support"})
NEW_REPORT_DAYS = 90

_ROLE_TAGS = {
    "engineering": ("engineer", "developer", "sre", "devops", "programmer", "architect"),
    "sales": ("sales", "account executive", "account manager", "sdr", "bdr", "business develop"),
    "support": ("support", "customer success", "cx ", "service desk", "helpdesk"),
}


def report_tags(ctx: AgendaContext) -> frozenset[str]:
    """Question-bank tags that describe this person right now."""
    tags: set[str] = set()
    role = f" {ctx.report.role.lower()} "
    tags.update(tag for tag, words in _ROLE_TAGS.items() if any(w in role for w in words))
    start = ctx.report.start_date
    if ctx.first_meeting or (start and (ctx.meeting_date - start) < dt.timedelta(NEW_REPORT_DAYS)):
        tags.add("new-report")
    last = ctx.last_held
    if last and mentions(last.notes, STRESS):
        tags.add("stressed")
    if last and mentions(last.notes, r"quiet|didn't say much|few words|hard to read"):
        tags.add("quiet")
    profile = " ".join((ctx.report.role, *ctx.report.topics_favour)).lower()
    if "remote" in profile:
        tags.add("remote")
    return frozenset(tags)


@lru_cache(maxsize=1024)
def _words(text: str) -> frozenset[str]:
    # The bank is fixed for the process: tokenise each question once, not on every draft.
    return frozenset(keywords(text))


class QuestionPicker:
    """Hands out questions for one draft; remembers what it gave so nothing repeats."""

    def __init__(
        self,
        bank: QuestionBank,
        *,
        recent: frozenset[str],
        tags: frozenset[str],
        rotation: int,
        avoid: Avoider,
    ) -> None:
        self._bank = bank
        self._recent = recent
        self._tags = tags
        self._rotation = rotation
        self._avoid = avoid
        self._used: set[str] = set()

    def pick(
        self, section: str, count: int, prefer: Iterable[str] = (), *, about: str = ""
    ) -> list[AgendaQuestion]:
        """Up to `count` questions; `about` (the item's text) favours questions sharing words."""
        if count <= 0:
            return []
        topic = frozenset(keywords(about))
        pool = [q for q in self._bank.questions(section) if self._allowed(q, section)]
        chosen: list[BankQuestion] = []
        by_id = {q.id: q for q in pool}
        for qid in prefer:
            if qid in by_id and len(chosen) < count:
                chosen.append(by_id.pop(qid))
        rest = list(by_id.values())
        if rest and len(chosen) < count:
            offset = self._rotation % len(rest)
            order = {q.id: (i - offset) % len(rest) for i, q in enumerate(rest)}
            rest.sort(key=lambda q: (-self._score(q, topic), order[q.id]))
            chosen.extend(rest[: count - len(chosen)])
        self._used.update(q.id for q in chosen)
        return [AgendaQuestion(id=q.id, text=q.text) for q in chosen]

    def _allowed(self, q: BankQuestion, section: str) -> bool:
        if q.id in self._recent or q.id in self._used or self._avoid.hits(q.text):
            return False
        domain = set(q.tags) & DOMAIN_TAGS
        if domain and not domain & self._tags:
            return False  # a sales question makes no sense to an engineer
        return not (
            "new-report" in q.tags
            and section != "getting_to_know"
            and "new-report" not in self._tags
        )

    def _score(self, q: BankQuestion, topic: frozenset[str]) -> int:
        score = 2 * len(set(q.tags) & self._tags) + 2 * len(topic & _words(q.text))
        if "stressed" in q.tags and "stressed" not in self._tags:
            score -= 1  # fine to ask, but not the first choice for someone who seems fine
        return score
