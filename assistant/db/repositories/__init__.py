"""Repositories: the only place that builds SQL. All but ManagerRepository are manager-scoped."""

from __future__ import annotations

from sqlalchemy.orm import Session

from assistant.db.repositories.action_items import ActionItemRepository
from assistant.db.repositories.agenda_items import AgendaItemRepository
from assistant.db.repositories.comments_audit import ActionCommentRepository, AuditRepository
from assistant.db.repositories.feedback import FeedbackRepository
from assistant.db.repositories.goals_topics import GoalRepository, TopicRepository
from assistant.db.repositories.history import HistoryRepository
from assistant.db.repositories.identities import IdentityRepository
from assistant.db.repositories.managers import ManagerRepository
from assistant.db.repositories.meeting_topics import MeetingTopicRepository
from assistant.db.repositories.meetings import MeetingRepository, NoteRecord
from assistant.db.repositories.reports import ReportRepository
from assistant.db.repositories.sharing import SharingRepository
from assistant.db.repositories.talk import TalkRatioRepository


class Repositories:
    """All scoped repositories for one manager in one session."""

    def __init__(self, session: Session, manager_id: int) -> None:
        self.session = session
        self.manager_id = manager_id
        self.reports = ReportRepository(session, manager_id)
        self.meetings = MeetingRepository(session, manager_id)
        self.action_items = ActionItemRepository(session, manager_id)
        self.agenda_items = AgendaItemRepository(session, manager_id)
        self.feedback = FeedbackRepository(session, manager_id)
        self.goals = GoalRepository(session, manager_id)
        self.topics = TopicRepository(session, manager_id)
        self.history = HistoryRepository(session, manager_id)
        self.talk = TalkRatioRepository(session, manager_id)
        # team mode: the report's topics, sharing, comments, audit
        self.meeting_topics = MeetingTopicRepository(session, manager_id)
        self.sharing = SharingRepository(session, manager_id)
        self.comments = ActionCommentRepository(session, manager_id)
        self.audit = AuditRepository(session, manager_id)


__all__ = [
    "ActionCommentRepository",
    "ActionItemRepository",
    "AgendaItemRepository",
    "AuditRepository",
    "FeedbackRepository",
    "GoalRepository",
    "HistoryRepository",
    "IdentityRepository",
    "ManagerRepository",
    "MeetingRepository",
    "MeetingTopicRepository",
    "NoteRecord",
    "ReportRepository",
    "Repositories",
    "SharingRepository",
    "TalkRatioRepository",
    "TopicRepository",
]
