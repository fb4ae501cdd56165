"""Goals of a report and the themes their meetings touched (for rotating neglected topics)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import func, select

from assistant.db.models import Goal, GoalStatus, Meeting, Report, Topic, TopicMention
from assistant.db.repositories.base import ScopedRepository
from assistant.db.types import as_date
from assistant.errors import BadInputError, NotFoundError

MAX_GOAL_TITLE = 500


class Unset:
    """Marks an argument that was not given (None is a value: "no target date")."""


UNSET = Unset()


class GoalRepository(ScopedRepository):
    def of_report(self, report_id: int, *, active_only: bool = False) -> list[Goal]:
        stmt = select(Goal).where(Goal.manager_id == self.manager_id, Goal.report_id == report_id)
        if active_only:
            stmt = stmt.where(Goal.status == GoalStatus.ACTIVE)
        return list(self.session.scalars(stmt.order_by(Goal.target_date, Goal.id)))

    def add(
        self,
        *,
        report_id: int,
        title: str,
        status: GoalStatus = GoalStatus.ACTIVE,
        target_date: dt.date | None = None,
    ) -> Goal:
        report = self.session.get(Report, report_id)
        if report is None or report.manager_id != self.manager_id:
            raise NotFoundError(f"No report with id {report_id} in your team")
        goal = Goal(
            manager_id=self.manager_id,
            report_id=report_id,
            title=_title(title),
            status=status,
            target_date=target_date,
        )
        self.session.add(goal)
        self.session.flush()
        return goal

    def get(self, goal_id: int) -> Goal:
        goal = self.session.scalars(
            select(Goal).where(Goal.id == goal_id, Goal.manager_id == self.manager_id)
        ).first()
        if goal is None:
            raise NotFoundError(f"No goal with id {goal_id}")
        return goal

    def update(
        self,
        goal_id: int,
        *,
        title: str | None = None,
        status: GoalStatus | None = None,
        target_date: dt.date | Unset | None = UNSET,
    ) -> Goal:
        """Change a goal's title, status or target date (None clears the date)."""
        goal = self.get(goal_id)
        if title is not None:
            goal.title = _title(title)
        if status is not None:
            goal.status = status
        if not isinstance(target_date, Unset):
            goal.target_date = target_date
        self.session.flush()
        return goal


def _title(title: str) -> str:
    clean = " ".join(title.split())
    if not clean:
        raise BadInputError("A goal needs a title")
    if len(clean) > MAX_GOAL_TITLE:
        raise BadInputError(f"A goal's title is at most {MAX_GOAL_TITLE} characters")
    return clean


class TopicRepository(ScopedRepository):
    def record(self, meeting_id: int, topics: Iterable[Topic]) -> list[TopicMention]:
        meeting = self.session.get(Meeting, meeting_id)
        if meeting is None or meeting.manager_id != self.manager_id:
            raise NotFoundError(f"No meeting with id {meeting_id}")
        already = {m.topic for m in meeting.topic_mentions}
        added = []
        for topic in dict.fromkeys(topics):
            if topic in already:
                continue
            mention = TopicMention(
                manager_id=self.manager_id,
                report_id=meeting.report_id,
                meeting_id=meeting_id,
                topic=topic,
                mentioned_on=meeting.scheduled_at.date(),
            )
            self.session.add(mention)
            added.append(mention)
        self.session.flush()
        return added

    def last_mentioned(self, report_id: int) -> dict[Topic, dt.date]:
        stmt = (
            select(TopicMention.topic, func.max(TopicMention.mentioned_on))
            .where(TopicMention.manager_id == self.manager_id, TopicMention.report_id == report_id)
            .group_by(TopicMention.topic)
        )
        return {Topic(topic): as_date(day) for topic, day in self.session.execute(stmt)}

    def last_mentioned_by_report(self) -> dict[int, dict[Topic, dt.date]]:
        stmt = (
            select(TopicMention.report_id, TopicMention.topic, func.max(TopicMention.mentioned_on))
            .where(TopicMention.manager_id == self.manager_id)
            .group_by(TopicMention.report_id, TopicMention.topic)
        )
        result: dict[int, dict[Topic, dt.date]] = {}
        for rid, topic, day in self.session.execute(stmt):
            result.setdefault(rid, {})[Topic(topic)] = as_date(day)
        return result
