"""Nothing lost: one 1:1 per report per day, a second paste drafts from all the day's notes,
and saving merges with what the 1:1 already has (also when two saves run at once)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.db.models import MeetingStatus
from assistant.db.repositories import ManagerRepository
from assistant.domain.recap import ActionItemDraft
from assistant.services import Services
from tests.conftest import make_settings
from tests.support.net import closed_port

DAY = dt.date(2026, 3, 4)
FIRST = "- Jordan to send the architecture deck to Priya by Friday\n- I'll book the offsite venue\n"
SECOND = "- Jordan to fix the flaky export test by Monday\n- shipped the billing fix\n"


@pytest.fixture
def services(db_url: str, tmp_path: Path) -> Iterator[Services]:
    """Services on both backends without a search index (re-indexing after a save is not
    what these tests are about, and embedding the guidance would dominate their time)."""
    svc = Services.from_settings(
        make_settings(tmp_path, db_url, chroma_host="127.0.0.1", chroma_port=closed_port())
    )
    yield svc
    svc.engine.dispose()


def _team(svc: Services) -> tuple[int, int]:
    with svc.session() as session:
        manager = ManagerRepository(session).create("Dana Whitfield")
    with svc.repos(manager.id) as repos:
        return manager.id, repos.reports.add("Jordan Sims").id


def _paste_and_save(svc: Services, mid: int, rid: int, notes: str) -> None:
    stored = svc.recap.store_notes(mid, rid, notes, DAY)
    draft = svc.recap.draft(mid, rid, stored.text, DAY, meeting_id=stored.meeting_id)
    svc.recap.save(mid, stored.meeting_id, draft)


def _open_tasks(svc: Services, mid: int, rid: int) -> list[str]:
    with svc.repos(mid) as repos:
        return sorted(i.task for i in repos.action_items.open_items(report_id=rid))


def test_a_second_paste_keeps_the_first_pastes_items(services: Services) -> None:
    mid, rid = _team(services)
    _paste_and_save(services, mid, rid, FIRST)
    first_items = _open_tasks(services, mid, rid)

    stored = services.recap.store_notes(mid, rid, SECOND, DAY)
    draft = services.recap.draft(mid, rid, stored.text, DAY, meeting_id=stored.meeting_id)
    services.recap.save(mid, stored.meeting_id, draft)

    assert stored.appended and FIRST.strip() in stored.text and SECOND.strip() in stored.text
    assert any("added below" in w for w in stored.warnings)
    tasks = _open_tasks(services, mid, rid)
    assert set(first_items) < set(tasks)  # nothing of the first paste was lost
    assert any("flaky export test" in t for t in tasks)
    assert len(tasks) == len(set(tasks))  # and nothing doubled
    with services.repos(mid) as repos:
        assert len(repos.meetings.of_report(rid)) == 1


def test_drafting_does_not_record_the_meeting_as_held_saving_does(services: Services) -> None:
    mid, rid = _team(services)
    stored = services.recap.store_notes(mid, rid, FIRST, DAY)
    draft = services.recap.draft(mid, rid, stored.text, DAY, meeting_id=stored.meeting_id)
    with services.repos(mid) as repos:
        assert repos.meetings.get(stored.meeting_id).status is MeetingStatus.SCHEDULED

    services.recap.save(mid, stored.meeting_id, draft)

    with services.repos(mid) as repos:
        assert repos.meetings.get(stored.meeting_id).status is MeetingStatus.HELD


def test_an_item_added_by_hand_without_an_owner_is_saved_as_unassigned(
    services: Services,
) -> None:
    mid, rid = _team(services)
    stored = services.recap.store_notes(mid, rid, FIRST, DAY)
    draft = services.recap.draft(mid, rid, stored.text, DAY, meeting_id=stored.meeting_id)
    by_hand = ActionItemDraft(
        task="Ask Dana about the budget", owner="", owner_role="other", evidence="", confidence=1
    )
    edited = draft.model_copy(update={"action_items": [*draft.action_items, by_hand]})

    saved = services.recap.save(mid, stored.meeting_id, edited)

    assert saved.items == len(draft.action_items) + 1
    assert saved.unassigned == 1
    assert "1 without an owner (saved as unassigned)" in saved.message
    with services.repos(mid) as repos:
        owners = {i.task: i.owner_name for i in repos.action_items.open_items(report_id=rid)}
    assert owners["Ask Dana about the budget"] == ""


def test_the_manager_edit_sticks_when_the_day_is_drafted_again(services: Services) -> None:
    mid, rid = _team(services)
    stored = services.recap.store_notes(mid, rid, FIRST, DAY)
    draft = services.recap.draft(mid, rid, stored.text, DAY, meeting_id=stored.meeting_id)
    first = draft.action_items[0].model_copy(update={"task": "Send Priya the deck (v2)"})
    services.recap.save(mid, stored.meeting_id, draft.model_copy(update={"action_items": [first]}))

    again = services.recap.draft(mid, rid, stored.text, DAY, meeting_id=stored.meeting_id)

    assert again.action_items[0].task == "Send Priya the deck (v2)"
    assert again.action_items[0].saved_id is not None


def test_items_saved_after_the_draft_was_made_are_not_removed_by_it(services: Services) -> None:
    mid, rid = _team(services)
    stored = services.recap.store_notes(mid, rid, FIRST, DAY)
    stale = services.recap.draft(mid, rid, stored.text, DAY, meeting_id=stored.meeting_id)
    _paste_and_save(services, mid, rid, SECOND)  # another window saves meanwhile
    after_other = _open_tasks(services, mid, rid)

    services.recap.save(mid, stored.meeting_id, stale.model_copy(update={"action_items": []}))

    assert _open_tasks(services, mid, rid) == after_other


def _at_once(*calls: Callable[[], None]) -> None:
    barrier = threading.Barrier(len(calls))
    errors: list[BaseException] = []

    def run(call: Callable[[], None]) -> None:
        barrier.wait()
        try:
            call()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


def test_two_saves_at_once_make_one_meeting_and_lose_nothing(services: Services) -> None:
    mid, rid = _team(services)
    for _ in range(3):  # a race may not show on the first try; it must never show
        day = DAY + dt.timedelta(days=_)
        _at_once(
            lambda d=day: _save_on(services, mid, rid, FIRST, d),
            lambda d=day: _save_on(services, mid, rid, SECOND, d),
        )
        with services.repos(mid) as repos:
            meetings = [m for m in repos.meetings.of_report(rid) if m.meeting_day == day]
            assert len(meetings) == 1
            notes = meetings[0].raw_notes
            tasks = [i.task for i in repos.action_items.for_meeting(meetings[0].id)]
        assert FIRST.strip() in notes and SECOND.strip() in notes
        assert any("architecture deck" in t for t in tasks)
        assert any("flaky export test" in t for t in tasks)
        assert len(tasks) == len(set(tasks))


def _save_on(svc: Services, mid: int, rid: int, notes: str, day: dt.date) -> None:
    stored = svc.recap.store_notes(mid, rid, notes, day)
    draft = svc.recap.draft(mid, rid, stored.text, day, meeting_id=stored.meeting_id)
    svc.recap.save(mid, stored.meeting_id, draft)
