"""The report's side of their 1:1s on SQLite and PostgreSQL: their topics (add, edit, order,
remove), the agenda and recaps once shared, their action items (done, comment) — and every
method refuses the ids of another report, in the same team or another one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from assistant.access.roles import Access
from assistant.domain.agenda import new_item
from assistant.errors import BadInputError, NotFoundError
from tests.access.conftest import Org, tomorrow_at

TODAY = dt.date.today()


@pytest.fixture
def sam(org: Org) -> Access:
    return org.signed_in("sam@example.com", "Sam Lee")


def test_a_report_adds_edits_orders_and_removes_their_topics(org: Org, sam: Access) -> None:
    side = org.svc.report_side
    nxt = side.next_one_on_one(sam, today=TODAY)
    assert nxt is not None and nxt.meeting_id == org.meetings[org.sam]
    assert nxt.manager_name == "Dana Reyes" and nxt.topics == [] and nxt.agenda is None
    first = side.add_topic(sam, nxt.meeting_id, "  Career path:   staff engineer? ")
    second = side.add_topic(sam, nxt.meeting_id, "Søren's handover — who owns on-call")
    assert first.text == "Career path: staff engineer?"
    assert (first.author_name, first.author_role, first.author_email) == (
        "Sam Lee",
        "report",
        "sam@example.com",
    )
    side.edit_topic(sam, first.id, "Career path: staff or manager?")
    side.move_topic(sam, second.id, -1)
    topics = side.topics(sam, nxt.meeting_id)
    assert [t.text for t in topics] == [
        "Søren's handover — who owns on-call",
        "Career path: staff or manager?",
    ]
    assert topics[1].edited_at is not None
    side.remove_topic(sam, second.id)
    assert [t.text for t in side.topics(sam, nxt.meeting_id)] == ["Career path: staff or manager?"]


def test_bad_topics_are_refused_and_nothing_is_lost(org: Org, sam: Access) -> None:
    side = org.svc.report_side
    meeting = org.meetings[org.sam]
    side.add_topic(sam, meeting, "Budget")
    with pytest.raises(BadInputError, match="already on the list"):
        side.add_topic(sam, meeting, "budget")
    with pytest.raises(BadInputError, match="needs some words"):
        side.add_topic(sam, meeting, "   ")
    with pytest.raises(BadInputError, match="at most 500"):
        side.add_topic(sam, meeting, "x" * 501)
    assert [t.text for t in side.topics(sam, meeting)] == ["Budget"]


def test_topics_of_a_held_1on1_stay_as_they_were(org: Org, sam: Access) -> None:
    side = org.svc.report_side
    past = org.svc.team.schedule(org.dana, org.sam, tomorrow_at() - dt.timedelta(days=8))
    with pytest.raises(BadInputError, match="This 1:1 is over"):
        side.add_topic(sam, past.id, "Too late")


# -- no crossing the lines ---------------------------------------------------------------------


def _refusals(org: Org, sam: Access) -> dict[str, Callable[[], Any]]:
    """Every report-facing call, aimed at ids that are not Sam's."""
    side = org.svc.report_side
    zoe = org.signed_in("zoë.odegaard@example.com")
    wang = org.signed_in("wang.wei@example.com")
    zoe_topic = side.add_topic(zoe, org.meetings[org.zoe], "Zoë's private worry")
    wang_topic = side.add_topic(wang, org.meetings[org.wang], "王伟的话题")
    calls: dict[str, Callable[[], Any]] = {}
    for who, report in (("zoe", org.zoe), ("wang", org.wang)):
        meeting = org.meetings[report]
        calls[f"topics of {who}'s 1:1"] = lambda m=meeting: side.topics(sam, m)
        calls[f"add to {who}'s 1:1"] = lambda m=meeting: side.add_topic(sam, m, "mine")
        calls[f"order {who}'s 1:1"] = lambda m=meeting: side.reorder_topics(sam, m, [])
        calls[f"agenda of {who}'s 1:1"] = lambda m=meeting: side.shared_agenda(sam, m)
        calls[f"mark {who}'s item done"] = lambda r=report: side.mark_done(sam, org.theirs[r])
        calls[f"comment on {who}'s item"] = lambda r=report: side.comment(sam, org.theirs[r], "x")
    for who, topic in (("zoe", zoe_topic.id), ("wang", wang_topic.id)):
        calls[f"edit {who}'s topic"] = lambda t=topic: side.edit_topic(sam, t, "hijacked")
        calls[f"remove {who}'s topic"] = lambda t=topic: side.remove_topic(sam, t)
        calls[f"move {who}'s topic"] = lambda t=topic: side.move_topic(sam, t, 1)
    # Sam's own 1:1, but an item his manager owns: not his to close or comment on.
    calls["mark the manager's item done"] = lambda: side.mark_done(sam, org.managers_item[org.sam])
    calls["comment on the manager's item"] = lambda: side.comment(
        sam, org.managers_item[org.sam], "x"
    )
    return calls


def test_every_report_facing_method_refuses_another_reports_ids(org: Org, sam: Access) -> None:
    calls = _refusals(org, sam)
    passed = []
    for label, call in calls.items():
        try:
            call()
        except NotFoundError:
            continue
        passed.append(label)
    assert passed == [], f"these calls crossed the line: {passed}"
    # ...and nothing changed for the others.
    zoe = org.signed_in("zoë.odegaard@example.com")
    assert [t.text for t in org.svc.report_side.topics(zoe, org.meetings[org.zoe])] == [
        "Zoë's private worry"
    ]
    assert [i.status for i in org.svc.report_side.action_items(zoe)] == ["open"]


def test_an_unknown_identity_or_a_manager_has_no_report_side(org: Org) -> None:
    for access in (org.signed_in("mallory@example.com"), org.signed_in("dana@example.com")):
        with pytest.raises(NotFoundError):
            org.svc.report_side.next_one_on_one(access, today=TODAY)
        with pytest.raises(NotFoundError):
            org.svc.report_side.action_items(access)


# -- what the manager shared ---------------------------------------------------------------------


def _save_agenda(org: Org) -> None:
    draft = org.svc.agenda.draft(org.dana, org.sam, search=False)
    draft = draft.insert_item(new_item("Dana's private prep: ask about the reorg", minutes=5))
    org.svc.agenda.save(org.dana, org.sam, draft)


def test_the_agenda_is_visible_only_once_shared(org: Org, sam: Access) -> None:
    side = org.svc.report_side
    meeting = org.meetings[org.sam]
    _save_agenda(org)
    assert side.shared_agenda(sam, meeting) is None
    assert side.next_one_on_one(sam, today=TODAY).agenda is None  # type: ignore[union-attr]
    org.svc.sharing.share_agenda(org.dana, meeting)
    shared = side.shared_agenda(sam, meeting)
    assert shared is not None
    assert shared.shared_by == "Dana Reyes"
    assert "# 1:1 agenda: Sam Lee" in shared.markdown
    assert "_Why:" not in shared.markdown  # the manager's reasons stay with the manager


def test_only_shared_recaps_and_never_notes(org: Org, sam: Access) -> None:
    svc = org.svc
    day = dt.date.today() - dt.timedelta(days=3)
    notes = "- Sam shipped the importer\n- Sam to write the runbook by Friday\n"
    stored = svc.recap.store_notes(org.dana, org.sam, notes, day)
    with svc.repos(org.dana) as repos:
        repos.meetings.get(stored.meeting_id).private_notes = "PRIVATE: thinking about a PIP"
    draft = svc.recap.draft(org.dana, org.sam, stored.text, day)
    svc.recap.save(org.dana, stored.meeting_id, draft)
    assert svc.report_side.shared_recaps(sam) == []
    svc.sharing.share_recap(org.dana, stored.meeting_id)
    (recap,) = svc.report_side.shared_recaps(sam)
    assert recap.day == day and recap.shared_by == "Dana Reyes"
    assert "runbook" in recap.markdown
    assert "PRIVATE" not in recap.markdown
    zoe = org.signed_in("zoë.odegaard@example.com")
    assert svc.report_side.shared_recaps(zoe) == []


def test_a_recap_must_be_saved_before_it_is_shared(org: Org) -> None:
    with pytest.raises(BadInputError, match="Save the recap"):
        org.svc.sharing.share_recap(org.dana, org.meetings[org.sam])
    with pytest.raises(BadInputError, match="Save the agenda"):
        org.svc.sharing.share_agenda(org.dana, org.meetings[org.sam])


# -- action items ------------------------------------------------------------------------------


def test_a_report_marks_their_item_done_and_comments_and_the_manager_sees_it(
    org: Org, sam: Access
) -> None:
    side = org.svc.report_side
    (item,) = side.action_items(sam)
    assert item.task == "Sam Lee sends the rollout plan"  # only the one Sam owns
    side.comment(sam, item.id, "Draft is in the shared folder — review by Thursday?")
    done = side.mark_done(sam, item.id)
    assert done.status == "done" and done.closed_by == "Sam Lee"
    assert side.action_items(sam) == []
    with pytest.raises(BadInputError, match="already closed"):
        side.mark_done(sam, item.id)
    # The manager's view of the team.
    listed = org.svc.team.action_items(org.dana, status="done")
    assert [i.task for i in listed] == ["Sam Lee sends the rollout plan"]
    comments = org.svc.sharing.comments(org.dana, [item.id])
    assert [(c.author_name, c.author_role) for c in comments[item.id]] == [("Sam Lee", "report")]
    assert org.svc.sharing.comments(org.lukasz, [item.id]) == {}
