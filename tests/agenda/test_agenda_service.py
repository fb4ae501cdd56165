"""The agenda service on real databases (SQLite and PostgreSQL): context, save, reload, export."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.agenda.builtin import AgendaContext
from assistant.agenda.service import draft_agenda
from assistant.agenda.storage import agenda_markdown, load_agenda, save_agenda
from assistant.db.models import MeetingStatus
from assistant.db.repositories import ManagerRepository, Repositories
from assistant.db.repositories.agenda_items import AgendaItemRepository
from assistant.domain.agenda import AgendaDraft
from assistant.errors import BadInputError, LLMError, NotFoundError
from assistant.services import Services
from tests.agenda.support import TODAY, ScriptedRetriever, make_team


def _text(draft: AgendaDraft) -> str:
    return draft.model_dump_json()


def test_draft_reviews_every_open_item_from_all_earlier_meetings(services: Services) -> None:
    team = make_team(services)
    with services.repos(team.manager_id) as repos:
        draft = draft_agenda(repos, "Sam", today=TODAY)
    assert draft.meeting_id == team.target_id and draft.meeting_date == TODAY + dt.timedelta(2)
    assert draft.action_item_ids == set(team.open_ids.values())
    review = [i for i in draft.items if i.source == "carried_over"]
    assert len(review) == 1
    assert draft.items.index(review[0]) == 3  # after the opener and their two topics
    assert review[0].action_item_ids == list(team.open_ids.values())  # oldest first
    canceled = review[0].subpoints[1]
    assert canceled.startswith("Book the training course") and "canceled 1:1" in canceled
    assert "(canceled)" in review[0].source_ref
    text = _text(draft)
    assert "Rotate the API keys" not in text and "Migrate the wiki" not in text
    assert not draft.action_item_ids & set(team.closed_ids)


def test_report_topics_come_first_and_minutes_fit(services: Services) -> None:
    team = make_team(services)
    with services.repos(team.manager_id) as repos:
        draft = draft_agenda(repos, "Sam Lee", today=TODAY)
        custom = draft_agenda(repos, "Sam Lee", today=TODAY, minutes=50)
    sources = [i.source for i in draft.items]
    assert sources[:4] == ["suggested", "report", "report", "carried_over"]
    assert [i.title for i in draft.items if i.source == "report"] == [
        "Sam's topic: Promo timeline",
        "Sam's topic: Conference budget",
    ]
    assert sum(i.minutes for i in draft.items) == 30
    assert sum(i.minutes for i in custom.items) == 50 == custom.minutes_total


def test_private_notes_never_reach_the_draft_or_markdown(services: Services) -> None:
    team = make_team(services)
    with services.repos(team.manager_id) as repos:
        draft = draft_agenda(repos, "Sam", today=TODAY)
        assert "camping weekend" in draft.items[0].detail  # raw notes are used
        meeting_id = save_agenda(repos, "Sam", draft)
        shared = agenda_markdown(repos, meeting_id)
        full = agenda_markdown(repos, meeting_id, include_reasons=True)
    for text in (_text(draft), shared, full):
        assert "PRIVATE" not in text
    assert all(i.title in shared for i in draft.items)


def test_save_edit_reload_round_trip(services: Services) -> None:
    team = make_team(services)
    with services.repos(team.manager_id) as repos:
        draft = draft_agenda(repos, "Sam", today=TODAY)
        edited = (
            draft.move_item(len(draft.items) - 2, 1)
            .add_item("Offsite planning", detail="Dates and venue", minutes=4)
            .remove_item(0)
            .retime_item(0, 6)
        )
        meeting_id = save_agenda(repos, "Sam", edited)
        assert meeting_id == team.target_id
    with services.repos(team.manager_id) as repos:
        loaded = load_agenda(repos, meeting_id)
        meeting = repos.meetings.get(meeting_id)
        assert meeting.agenda_approved_at is not None
        # The plan runs over (4 minutes added), but saving keeps the meeting's length.
        assert edited.planned_minutes != 30 and meeting.duration_minutes == 30
    assert loaded is not None and loaded.engine == "saved"
    assert loaded.minutes_total == 30 and loaded.planned_minutes == edited.planned_minutes
    for saved, want in zip(loaded.items, edited.items, strict=True):
        assert (saved.title, saved.detail, saved.minutes, saved.section, saved.source) == (
            want.title,
            want.detail,
            want.minutes,
            want.section,
            want.source,
        )
        assert (saved.reason, saved.source_ref) == (want.reason, want.source_ref)
        assert saved.questions == want.questions
        assert saved.action_item_ids == want.action_item_ids
    # Saving again replaces the items rather than appending.
    with services.repos(team.manager_id) as repos:
        save_agenda(repos, meeting_id, edited.remove_item(0))
        assert len(
            AgendaItemRepository(repos.session, repos.manager_id).for_meeting(meeting_id)
        ) == (len(edited.items) - 1)


def test_save_schedules_the_next_cadence_slot_when_no_meeting_exists(services: Services) -> None:
    team = make_team(services, with_target=False)
    with services.repos(team.manager_id) as repos:
        draft = draft_agenda(repos, "Sam", today=TODAY)
        assert draft.meeting_id is None
        assert draft.meeting_date == TODAY  # last held 7 days ago + weekly cadence
        meeting_id = save_agenda(repos, "Sam", draft)
        meeting = repos.meetings.get(meeting_id)
        assert meeting.status is MeetingStatus.SCHEDULED
        assert meeting.scheduled_at.date() == TODAY
        given = draft_agenda(repos, "Sam", meeting_date=TODAY + dt.timedelta(days=9), today=TODAY)
        assert save_agenda(repos, "Sam", given) != meeting_id


def test_questions_are_not_repeated_from_the_last_four_saved_agendas(services: Services) -> None:
    team = make_team(services, with_target=False)
    history: list[set[str]] = []
    with services.repos(team.manager_id) as repos:
        for week in range(6):
            day = TODAY + dt.timedelta(days=7 * week)
            draft = draft_agenda(repos, "Sam", meeting_date=day, today=day)
            ids = set(draft.question_ids)
            for earlier in history[-4:]:
                assert not ids & earlier
            history.append(ids)
            meeting_id = save_agenda(repos, "Sam", draft)
            repos.meetings.mark_held(repos.meetings.save_raw_notes(meeting_id, "Weekly notes.").id)


def test_first_ever_one_on_one(services: Services) -> None:
    with services.session() as session:
        mid = ManagerRepository(session).create("Avery Stone").id
        Repositories(session, mid).reports.add("Noor Haddad", start_date=TODAY)
    with services.repos(mid) as repos:
        draft = draft_agenda(repos, "Noor", today=TODAY)
    assert draft.first_meeting and draft.meeting_date == TODAY
    assert any(i.section == "getting_to_know" for i in draft.items)
    assert sum(i.minutes for i in draft.items) == 30


def test_another_manager_cannot_draft_or_save_for_my_report(services: Services) -> None:
    team = make_team(services)
    with services.session() as session:
        other = ManagerRepository(session).create("Blake Other").id
    with services.repos(other) as repos:
        with pytest.raises(NotFoundError):
            draft_agenda(repos, "Sam Lee", today=TODAY)
        with pytest.raises(NotFoundError):
            draft_agenda(repos, team.report_id, today=TODAY)
    with services.repos(team.manager_id) as repos:
        draft = draft_agenda(repos, "Sam", today=TODAY)
    with services.repos(other) as repos, pytest.raises(NotFoundError):
        save_agenda(repos, team.target_id, draft)


def test_bad_minutes_are_rejected(services: Services) -> None:
    team = make_team(services)
    with services.repos(team.manager_id) as repos, pytest.raises(BadInputError, match="between"):
        draft_agenda(repos, "Sam", today=TODAY, minutes=3)


def test_retrieval_adds_citations_when_an_index_is_given(sqlite_services: Services) -> None:
    team = make_team(sqlite_services)
    retriever = ScriptedRetriever()
    with sqlite_services.repos(team.manager_id) as repos:
        draft = draft_agenda(repos, "Sam", today=TODAY, retriever=retriever)
    assert any(kind == "note" and rid == team.report_id for _, kind, rid in retriever.queries)
    topic = next(i for i in draft.items if i.source == "report")
    assert "Sam Lee, 1:1 on 2026-11-02" in topic.source_ref
    assert "knowledge/praise-and-recognition.md › Be specific" in draft.items[0].source_ref


class _BrokenRefiner:
    what = "agenda"

    def refine(self, draft: AgendaDraft, context: AgendaContext) -> AgendaDraft:
        raise LLMError("model timed out")


class _GreedyRefiner:
    """Rewrites titles but drops every open action item: the service must restore them."""

    what = "agenda"

    def refine(self, draft: AgendaDraft, context: AgendaContext) -> AgendaDraft:
        items = [
            i.model_copy(update={"title": i.title.upper()})
            for i in draft.items
            if i.source != "carried_over"
        ]
        return draft.model_copy(update={"items": items, "engine": "llm"})


def test_refiner_faults_fall_back_and_dropped_items_are_restored(
    sqlite_services: Services,
) -> None:
    team = make_team(sqlite_services)
    with sqlite_services.repos(team.manager_id) as repos:
        broken = draft_agenda(repos, "Sam", today=TODAY, refiner=_BrokenRefiner())
        greedy = draft_agenda(repos, "Sam", today=TODAY, refiner=_GreedyRefiner())
    assert broken.engine == "built-in" and any("model timed out" in n for n in broken.notices)
    assert greedy.engine == "llm"
    assert greedy.action_item_ids == set(team.open_ids.values())
    assert sum(i.minutes for i in greedy.items) == greedy.minutes_total == 30
