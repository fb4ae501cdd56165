"""The manager's side on SQLite and PostgreSQL: the report's topics lead the agenda draft,
marked as theirs with who and when; sharing is recorded; nothing of another team is reachable;
every change lands in the audit trail."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from assistant.db.models import OwnerRole
from assistant.errors import NotFoundError
from tests.access.conftest import Org, tomorrow_at


def test_the_reports_topics_lead_the_agenda_marked_as_theirs(org: Org) -> None:
    sam = org.signed_in("sam@example.com")
    meeting = org.meetings[org.sam]
    org.svc.report_side.add_topic(sam, meeting, "Move to the platform team?")
    org.svc.report_side.add_topic(sam, meeting, "On-call load in March")
    shown = org.svc.sharing.topics(org.dana, meeting)
    assert [(t.text, t.author_name, t.signed) for t in shown] == [
        ("Move to the platform team?", "Sam Lee", True),
        ("On-call load in March", "Sam Lee", True),
    ]
    draft = org.svc.agenda.draft(org.dana, org.sam, search=False)
    check_in, first, second = draft.items[:3]
    assert check_in.section in ("connection", "getting_to_know")
    assert (first.source, second.source) == ("report", "report")
    assert "Move to the platform team?" in first.title and "Sam" in first.title
    assert "On-call load in March" in second.title
    added = shown[0].added_at.strftime("%a %d %b %H:%M")
    assert f"Added by Sam Lee, {added}" in first.detail
    assert "*(your topic)*" in draft.to_markdown()


def test_topics_typed_before_sign_in_are_adopted_once_and_move_with_a_reschedule(
    org: Org,
) -> None:
    svc = org.svc
    day = tomorrow_at() + dt.timedelta(days=2)
    with svc.repos(org.dana) as repos:  # how the manager recorded "topics they asked for"
        old = repos.meetings.schedule(org.zoe, day, report_topics=["Visa renewal", "Zoë's goals"])
        old_id = old.id
    (topics_before) = svc.sharing.topics(org.dana, old_id)
    assert [(t.text, t.author_name, t.signed) for t in topics_before] == [
        ("Visa renewal", "Zoë Ødegaard", False),
        ("Zoë's goals", "Zoë Ødegaard", False),
    ]
    assert svc.sharing.topics(org.dana, old_id) == topics_before  # adopted once
    moved = svc.team.reschedule_meeting(org.dana, old_id, day + dt.timedelta(days=1))
    assert [t.text for t in svc.sharing.topics(org.dana, moved.id)] == [
        "Visa renewal",
        "Zoë's goals",
    ]
    assert svc.sharing.topics(org.dana, old_id) == []


def test_a_manager_reaches_nothing_of_another_team(org: Org) -> None:
    svc = org.svc
    sam = org.signed_in("sam@example.com")
    svc.report_side.add_topic(sam, org.meetings[org.sam], "Sam's topic")
    with pytest.raises(NotFoundError):
        svc.sharing.topics(org.lukasz, org.meetings[org.sam])
    with pytest.raises(NotFoundError):
        svc.sharing.share_agenda(org.lukasz, org.meetings[org.sam])
    with pytest.raises(NotFoundError):
        svc.sharing.share_recap(org.lukasz, org.meetings[org.sam])
    with pytest.raises(NotFoundError):
        svc.sharing.state(org.lukasz, org.meetings[org.sam])
    assert svc.sharing.comments(org.lukasz, list(org.theirs.values())) == {}
    assert [e.action for e in svc.access.activity(org.lukasz)] == []
    assert {r.name for r in svc.team.reports(org.lukasz)} == {"王伟"}
    with pytest.raises(NotFoundError):
        svc.agenda.draft(org.lukasz, org.sam, search=False)


def test_the_audit_trail_records_who_did_what(org: Org) -> None:
    svc = org.svc
    sam = org.signed_in("sam@example.com", "Sam Lee")
    svc.access.record_sign_in(sam)
    svc.access.record_sign_in(org.signed_in("dana@example.com"))
    svc.access.record_sign_in(org.signed_in("mallory@example.com", "Mallory"))
    meeting = org.meetings[org.sam]
    topic = svc.report_side.add_topic(sam, meeting, "Budget")
    svc.report_side.edit_topic(sam, topic.id, "Budget for the conference")
    svc.report_side.remove_topic(sam, topic.id)
    svc.report_side.comment(sam, org.theirs[org.sam], "On it")
    svc.report_side.mark_done(sam, org.theirs[org.sam])
    draft = svc.agenda.draft(org.dana, org.sam, search=False)
    svc.agenda.save(org.dana, org.sam, draft)
    svc.sharing.share_agenda(org.dana, meeting)
    svc.agenda.save(org.dana, org.sam, draft)  # changed after it was shared

    events = list(reversed(svc.access.activity(org.dana)))
    assert [(e.who, e.role, e.action) for e in events] == [
        ("Sam Lee", "report", "signed_in"),
        ("Dana Reyes", "manager", "signed_in"),
        ("Sam Lee", "report", "topic_added"),
        ("Sam Lee", "report", "topic_edited"),
        ("Sam Lee", "report", "topic_removed"),
        ("Sam Lee", "report", "action_commented"),
        ("Sam Lee", "report", "action_done"),
        ("Dana Reyes", "manager", "agenda_shared"),
        ("Dana Reyes", "manager", "shared_agenda_changed"),
    ]
    assert events[0].email == "sam@example.com" and events[0].report_id == org.sam
    assert events[3].detail == "Budget → Budget for the conference"
    assert events[6].target == f"action item {org.theirs[org.sam]}"
    assert all(e.when.tzinfo is not None for e in events)
    # One report's lines, and nothing of it in the other team's log.
    assert {e.report_id for e in svc.access.activity(org.dana, report_id=org.sam)} == {org.sam}
    assert svc.access.activity(org.lukasz) == []


def _archive_text(archive: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        return "\n".join(z.read(name).decode("utf-8") for name in z.namelist())


def test_removing_a_report_removes_their_topics_comments_and_audit_lines(org: Org) -> None:
    svc = org.svc
    sam = org.signed_in("sam@example.com")
    svc.report_side.add_topic(sam, org.meetings[org.sam], "Confidential: moving cities")
    svc.report_side.comment(sam, org.theirs[org.sam], "Confidential comment")
    before = _archive_text(svc.data.export_archive())
    assert "Confidential" in before  # the export carries the new tables...
    svc.data.remove_report(org.dana, org.sam)
    assert "Confidential" not in _archive_text(svc.data.export_archive())  # ...and now nothing
    assert not org.signed_in("sam@example.com").known


def test_an_item_the_report_closed_is_closed_for_the_manager(org: Org) -> None:
    sam = org.signed_in("sam@example.com")
    org.svc.report_side.mark_done(sam, org.theirs[org.sam])
    open_tasks = [i.task for i in org.svc.team.action_items(org.dana, report=org.sam)]
    assert open_tasks == ["Ask finance about Sam Lee's conference budget"]
    with org.svc.repos(org.dana) as repos:
        item = repos.action_items.get(org.theirs[org.sam])
        assert (item.owner_role, item.closed_by) == (OwnerRole.REPORT, "Sam Lee")


def test_the_manager_sees_who_closed_an_item_and_the_reports_comments(org: Org) -> None:
    sam = org.signed_in("sam@example.com", "Sam Lee")
    item = org.theirs[org.sam]
    org.svc.report_side.comment(sam, item, "Draft is in the shared drive — Łukasz reviewed it")
    org.svc.report_side.mark_done(sam, item)
    (done,) = [i for i in org.svc.team.action_items(org.dana, status="done") if i.id == item]
    assert done.closed_by == "Sam Lee"
    assert done.comments == ("Sam Lee: Draft is in the shared drive — Łukasz reviewed it",)
    as_json = done.as_json(dt.date.today())
    assert as_json["closed_by"] == "Sam Lee" and as_json["comments"] == list(done.comments)
    # Nothing of it reaches the other team's list.
    assert all(i.id != item for i in org.svc.team.action_items(org.lukasz, status="all"))
