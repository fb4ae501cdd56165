"""The manager's side of sharing: the topics their report added to a 1:1 (with who and when),
sharing a saved agenda or recap (an explicit act, recorded with who and when), comments on
the team's action items, and the audit rows these write. Scoped by the manager's id.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from assistant.access.views import CommentView, Shared, TopicView
from assistant.db.repositories import Repositories
from assistant.domain.actor import Actor
from assistant.errors import BadInputError

if TYPE_CHECKING:
    from assistant.db.models import Meeting
    from assistant.services import Services

AGENDA_SHARED, RECAP_SHARED, SHARED_AGENDA_CHANGED = (
    "agenda_shared",
    "recap_shared",
    "shared_agenda_changed",
)


def manager_actor(repos: Repositories) -> Actor:
    """The manager of this scope as the one acting (the CLI, local mode)."""
    from assistant.db.repositories import ManagerRepository

    manager = ManagerRepository(repos.session).get(repos.manager_id)
    return Actor("manager", manager.name, manager.email)


class SharingService:
    def __init__(self, services: Services) -> None:
        self.services = services

    def topics(self, manager_id: int, meeting_id: int) -> list[TopicView]:
        """The topics the report added to this 1:1, in their order."""
        with self.services.repos(manager_id) as repos:
            return [TopicView.of(t) for t in repos.meeting_topics.for_meeting(meeting_id)]

    def state(self, manager_id: int, meeting_id: int) -> Shared:
        with self.services.repos(manager_id) as repos:
            return Shared.of(repos.meetings.get(meeting_id))

    def share_agenda(self, manager_id: int, meeting_id: int, actor: Actor | None = None) -> Shared:
        """Let the report see this 1:1's saved agenda (as saved now and after later saves)."""
        with self.services.repos(manager_id) as repos:
            meeting = repos.meetings.get(meeting_id)
            if not repos.agenda_items.for_meeting(meeting.id):
                raise BadInputError("Save the agenda before you share it")
            who = actor or manager_actor(repos)
            repos.sharing.share_agenda(meeting.id, who.name)
            self._audit_shared(repos, who, AGENDA_SHARED, meeting)
            return Shared.of(meeting)

    def share_recap(self, manager_id: int, meeting_id: int, actor: Actor | None = None) -> Shared:
        """Let the report read this 1:1's saved recap (shareable text only)."""
        with self.services.repos(manager_id) as repos:
            meeting = repos.meetings.get(meeting_id)
            who = actor or manager_actor(repos)
            repos.sharing.share_recap(meeting.id, who.name)
            self._audit_shared(repos, who, RECAP_SHARED, meeting)
            return Shared.of(meeting)

    def _audit_shared(self, repos: Repositories, who: Actor, action: str, meeting: Meeting) -> None:
        """One audit line per share: which 1:1, with whom (the same shape for agenda and recap)."""
        repos.audit.record(
            who,
            action,
            target=f"1:1 of {self._day(meeting.scheduled_at)} (id {meeting.id})",
            detail=f"with {meeting.report.name}",
            report_id=meeting.report_id,
        )

    def comments(self, manager_id: int, item_ids: list[int]) -> dict[int, list[CommentView]]:
        """Comments on these action items of the team, oldest first."""
        with self.services.repos(manager_id) as repos:
            grouped = repos.comments.for_items(item_ids)
            return {i: [CommentView.of(c) for c in cs] for i, cs in grouped.items()}

    def _day(self, when: dt.datetime) -> str:
        return when.astimezone(self.services.settings.zone).date().isoformat()
