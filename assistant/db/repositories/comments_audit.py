"""Comments on action items and the audit trail, both scoped by manager (the team concerned)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from assistant.db.models import ActionComment, AuditEvent
from assistant.db.repositories.base import ScopedRepository
from assistant.db.team_models import ActorRole
from assistant.domain.actor import Actor
from assistant.errors import BadInputError

MAX_COMMENT_CHARS = 2_000
AUDIT_LIMIT = 200


class ActionCommentRepository(ScopedRepository):
    def add(self, *, item_id: int, report_id: int, text: str, author: Actor) -> ActionComment:
        """A comment on an item the caller already checked is theirs to comment on."""
        clean = text.strip()
        if not clean:
            raise BadInputError("A comment needs some words")
        if len(clean) > MAX_COMMENT_CHARS:
            raise BadInputError(f"A comment is at most {MAX_COMMENT_CHARS} characters")
        comment = ActionComment(
            manager_id=self.manager_id,
            report_id=report_id,
            action_item_id=item_id,
            author_role=ActorRole(author.role),
            author_name=author.name,
            author_email=author.email,
            text=clean,
        )
        self.session.add(comment)
        self.session.flush()
        return comment

    def for_items(self, item_ids: Sequence[int]) -> dict[int, list[ActionComment]]:
        """item id -> its comments, oldest first, in one query."""
        if not item_ids:
            return {}
        stmt = (
            select(ActionComment)
            .where(
                ActionComment.manager_id == self.manager_id,
                ActionComment.action_item_id.in_(list(item_ids)),
            )
            .order_by(ActionComment.created_at, ActionComment.id)
        )
        grouped: dict[int, list[ActionComment]] = {}
        for comment in self.session.scalars(stmt):
            grouped.setdefault(comment.action_item_id, []).append(comment)
        return grouped


class AuditRepository(ScopedRepository):
    """Events of this manager's team; a sign-in nobody matches has no team (`record_unmatched`)."""

    def record(
        self,
        actor: Actor,
        action: str,
        *,
        target: str = "",
        detail: str = "",
        report_id: int | None = None,
    ) -> AuditEvent:
        return self._write(self.manager_id, actor, action, target, detail, report_id)

    def record_unmatched(self, actor: Actor, action: str, *, detail: str = "") -> AuditEvent:
        return self._write(None, actor, action, "", detail, None)

    def _write(
        self,
        manager_id: int | None,
        actor: Actor,
        action: str,
        target: str,
        detail: str,
        report_id: int | None,
    ) -> AuditEvent:
        event = AuditEvent(
            manager_id=manager_id,
            report_id=report_id,
            actor_email=actor.email,
            actor_name=actor.name[:200],
            actor_role=ActorRole(actor.role),
            action=action,
            target=target[:200],
            detail=detail,
        )
        self.session.add(event)
        self.session.flush()
        return event

    def recent(self, *, report_id: int | None = None, limit: int = AUDIT_LIMIT) -> list[AuditEvent]:
        """This team's events, newest first (one report's when `report_id` is given)."""
        stmt = select(AuditEvent).where(AuditEvent.manager_id == self.manager_id)
        if report_id is not None:
            stmt = stmt.where(AuditEvent.report_id == report_id)
        stmt = stmt.order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc()).limit(limit)
        return list(self.session.scalars(stmt))
