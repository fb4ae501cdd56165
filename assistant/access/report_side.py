"""The report's side of their 1:1s: their next 1:1 with the topics they add, edit, order and
remove; the agenda once the manager shares it; the action items they own (mark done, comment);
the recaps the manager shared.

Every method takes the caller's `Access` (made by `AccessService.resolve` from the verified
sign-in) and scopes every query by its report seat: the manager_id and the report_id. Ids
from a page (a meeting, topic or item) are only ever looked up inside that scope, so someone
else's id is "not found". Nothing here reads private notes, raw notes, prep, drafts, feedback
or other reports. Each change is written to the audit trail.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from assistant.access.roles import Access
from assistant.access.views import (
    ItemView,
    NextOneOnOne,
    SharedAgenda,
    SharedRecap,
    TopicView,
)
from assistant.db.models import Meeting, MeetingStatus
from assistant.db.repositories import Repositories
from assistant.domain.recap import ActionItemDraft, RecapDraft
from assistant.errors import BadInputError

if TYPE_CHECKING:
    from assistant.services import Services

TOPIC_ADDED, TOPIC_EDITED, TOPIC_REMOVED, TOPICS_ORDERED = (
    "topic_added",
    "topic_edited",
    "topic_removed",
    "topics_reordered",
)
ITEM_DONE, ITEM_COMMENTED = "action_done", "action_commented"


def recap_from_saved(saved: dict[str, Any]) -> RecapDraft:
    """The saved recap (its public JSON shape) as a draft the shareable Markdown is made from."""

    def texts(key: str) -> list[str]:
        return [str(v) for v in saved.get(key) or [] if str(v).strip()]

    items = [
        ActionItemDraft(
            task=str(i.get("task") or ""),
            owner=str(i.get("owner") or ""),
            owner_role="other",
            due=dt.date.fromisoformat(i["due"]) if i.get("due") else None,
            evidence="",
            confidence=1.0,
        )
        for i in saved.get("action_items") or []
        if str(i.get("task") or "").strip()
    ]
    return RecapDraft(
        summary=str(saved.get("summary") or ""),
        decisions=texts("decisions"),
        action_items=items,
        praise=texts("praise"),
        concerns=texts("concerns"),
        personal=texts("personal"),
        follow_ups=texts("follow_ups"),
        engine="saved",
    )


class ReportSideService:
    def __init__(self, services: Services) -> None:
        self.services = services

    # -- the next 1:1 and its topics ---------------------------------------------------------------

    def next_one_on_one(self, access: Access, *, today: dt.date) -> NextOneOnOne | None:
        """The report's next planned 1:1 (from today on), or None when none is planned."""
        seat, _ = access.as_report()
        with self.services.repos(seat.manager_id) as repos:
            upcoming = repos.sharing.upcoming_of(seat.report_id, self._start(today), limit=1)
            if not upcoming:
                return None
            meeting = upcoming[0]
            return NextOneOnOne(
                meeting_id=meeting.id,
                when=meeting.scheduled_at,
                minutes=meeting.duration_minutes,
                manager_name=seat.manager_name,
                topics=self._topics(repos, seat.report_id, meeting.id),
                agenda=self._agenda(repos, meeting),
            )

    def topics(self, access: Access, meeting_id: int) -> list[TopicView]:
        seat, _ = access.as_report()
        with self.services.repos(seat.manager_id) as repos:
            return self._topics(repos, seat.report_id, meeting_id)

    def add_topic(self, access: Access, meeting_id: int, text: str) -> TopicView:
        seat, actor = access.as_report()
        with self.services.repos(seat.manager_id) as repos:
            meeting = self._open_meeting(repos, seat.report_id, meeting_id)
            topic = repos.meeting_topics.add(
                meeting.id, text, author=actor, report_id=seat.report_id
            )
            repos.audit.record(
                actor,
                TOPIC_ADDED,
                target=self._label(meeting),
                detail=topic.text,
                report_id=seat.report_id,
            )
            return TopicView.of(topic)

    def edit_topic(self, access: Access, topic_id: int, text: str) -> TopicView:
        seat, actor = access.as_report()
        with self.services.repos(seat.manager_id) as repos:
            before = repos.meeting_topics.get(topic_id, report_id=seat.report_id)
            meeting = self._open_meeting(repos, seat.report_id, before.meeting_id)
            old = before.text
            topic = repos.meeting_topics.edit(topic_id, text, report_id=seat.report_id)
            if topic.text != old:
                repos.audit.record(
                    actor,
                    TOPIC_EDITED,
                    target=self._label(meeting),
                    detail=f"{old} → {topic.text}",
                    report_id=seat.report_id,
                )
            return TopicView.of(topic)

    def remove_topic(self, access: Access, topic_id: int) -> None:
        seat, actor = access.as_report()
        with self.services.repos(seat.manager_id) as repos:
            topic = repos.meeting_topics.get(topic_id, report_id=seat.report_id)
            meeting = self._open_meeting(repos, seat.report_id, topic.meeting_id)
            removed = repos.meeting_topics.remove(topic_id, report_id=seat.report_id)
            repos.audit.record(
                actor,
                TOPIC_REMOVED,
                target=self._label(meeting),
                detail=removed.text,
                report_id=seat.report_id,
            )

    def reorder_topics(self, access: Access, meeting_id: int, topic_ids: list[int]) -> None:
        seat, actor = access.as_report()
        with self.services.repos(seat.manager_id) as repos:
            meeting = self._open_meeting(repos, seat.report_id, meeting_id)
            ordered = repos.meeting_topics.reorder(meeting.id, topic_ids, report_id=seat.report_id)
            repos.audit.record(
                actor,
                TOPICS_ORDERED,
                target=self._label(meeting),
                detail=" | ".join(t.text for t in ordered),
                report_id=seat.report_id,
            )

    def move_topic(self, access: Access, topic_id: int, step: int) -> None:
        """Move one topic up (step -1) or down (+1) in their order."""
        seat, _ = access.as_report()
        with self.services.repos(seat.manager_id) as repos:
            topic = repos.meeting_topics.get(topic_id, report_id=seat.report_id)
            order = [t.id for t in repos.meeting_topics.for_meeting(topic.meeting_id)]
            meeting_id = topic.meeting_id
        at = order.index(topic_id)
        to = max(0, min(len(order) - 1, at + step))
        if to == at:
            return
        order.insert(to, order.pop(at))
        self.reorder_topics(access, meeting_id, order)

    # -- action items they own ---------------------------------------------------------------------

    def action_items(self, access: Access, *, include_done: bool = False) -> list[ItemView]:
        seat, _ = access.as_report()
        with self.services.repos(seat.manager_id) as repos:
            items = repos.sharing.items_of(seat.report_id, include_done=include_done)
            comments = repos.comments.for_items([i.id for i in items])
            return [ItemView.of(i, comments.get(i.id, [])) for i in items]

    def mark_done(self, access: Access, item_id: int) -> ItemView:
        seat, actor = access.as_report()
        with self.services.repos(seat.manager_id) as repos:
            item = repos.sharing.close_item(seat.report_id, item_id, actor.name)
            repos.audit.record(
                actor,
                ITEM_DONE,
                target=f"action item {item.id}",
                detail=item.task,
                report_id=seat.report_id,
            )
            return ItemView.of(item, repos.comments.for_items([item.id]).get(item.id, []))

    def comment(self, access: Access, item_id: int, text: str) -> ItemView:
        seat, actor = access.as_report()
        with self.services.repos(seat.manager_id) as repos:
            item = repos.sharing.item_of(seat.report_id, item_id)
            added = repos.comments.add(
                item_id=item.id, report_id=seat.report_id, text=text, author=actor
            )
            repos.audit.record(
                actor,
                ITEM_COMMENTED,
                target=f"action item {item.id}",
                detail=added.text,
                report_id=seat.report_id,
            )
            return ItemView.of(item, repos.comments.for_items([item.id]).get(item.id, []))

    # -- what the manager shared -------------------------------------------------------------------

    def shared_agenda(self, access: Access, meeting_id: int) -> SharedAgenda | None:
        seat, _ = access.as_report()
        with self.services.repos(seat.manager_id) as repos:
            return self._agenda(repos, repos.sharing.meeting_of(seat.report_id, meeting_id))

    def shared_recaps(self, access: Access) -> list[SharedRecap]:
        from assistant.recap.markdown import recap_markdown

        seat, _ = access.as_report()
        zone = self.services.settings.zone
        with self.services.repos(seat.manager_id) as repos:
            found = []
            for m in repos.sharing.shared_recaps_of(seat.report_id):
                if m.recap is None or m.recap_shared_at is None:
                    continue
                day = m.scheduled_at.astimezone(zone).date()
                found.append(
                    SharedRecap(
                        meeting_id=m.id,
                        day=day,
                        markdown=recap_markdown(
                            recap_from_saved(m.recap),
                            report=seat.name,
                            meeting_date=day,
                            include_personal=bool(m.recap.get("personal")),
                        ),
                        shared_at=m.recap_shared_at,
                        shared_by=m.recap_shared_by or seat.manager_name,
                    )
                )
            return found

    # -- helpers -----------------------------------------------------------------------------------

    @staticmethod
    def _topics(repos: Repositories, report_id: int, meeting_id: int) -> list[TopicView]:
        rows = repos.meeting_topics.for_meeting(meeting_id, report_id=report_id)
        return [TopicView.of(t) for t in rows]

    def _open_meeting(self, repos: Repositories, report_id: int, meeting_id: int) -> Meeting:
        """A 1:1 of theirs that is still planned: topics of a held or canceled 1:1 are kept as
        they were."""
        meeting = repos.sharing.meeting_of(report_id, meeting_id)
        today = dt.datetime.now(self.services.settings.zone).date()
        if meeting.status is not MeetingStatus.SCHEDULED or meeting.scheduled_at < self._start(
            today
        ):
            raise BadInputError("This 1:1 is over; add your topics to the next one")
        return meeting

    def _start(self, day: dt.date) -> dt.datetime:
        """Midnight of `day` in the app's time zone."""
        return dt.datetime.combine(day, dt.time(0), tzinfo=self.services.settings.zone)

    def _label(self, meeting: Meeting) -> str:
        when = meeting.scheduled_at.astimezone(self.services.settings.zone)
        return f"1:1 of {when:%Y-%m-%d} (id {meeting.id})"

    @staticmethod
    def _agenda(repos: Repositories, meeting: Meeting) -> SharedAgenda | None:
        if meeting.agenda_shared_at is None:
            return None
        from assistant.agenda.storage import load_agenda

        draft = load_agenda(repos, meeting.id)
        if draft is None:
            return None
        return SharedAgenda(
            markdown=draft.to_markdown(include_reasons=False),
            shared_at=meeting.agenda_shared_at,
            shared_by=meeting.agenda_shared_by or "",
        )
