"""The manager's own trends (`svc.team.trends`): 1:1s held vs planned per month, praise and
constructive per report, talk share where transcripts were kept, action items on time."""

from __future__ import annotations

import datetime as dt

from assistant.db.models import ActionStatus, FeedbackKind, OwnerRole
from assistant.services import Services
from assistant.team.trends import month_keys
from tests.team.conftest import PARIS, add_team

TODAY = dt.date(2026, 6, 15)
TRANSCRIPT = (
    "Avery: How did the launch go?\n"
    "Zoë: Well. We shipped on Tuesday and support is calm.\n"
    "Avery: What would you change?\n"
    "Zoë: I'd start the runbook earlier next time.\n"
)


def _at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=PARIS)


def test_month_keys_run_back_over_the_year_boundary() -> None:
    assert month_keys(dt.date(2026, 2, 10), 4) == ["2025-11", "2025-12", "2026-01", "2026-02"]


def test_trends_count_each_month_report_and_outcome(paris: Services) -> None:
    mid, (zoe, wei) = add_team(paris, "Zoë Park", "王伟")
    # Meetings: May has 3 slots (1 held, 1 canceled, 1 moved to June); June has the moved one
    # (held) plus one planned later this month. The 1 April one is outside a 2-month window.
    for day in ("2026-04-01", "2026-05-05", "2026-06-02"):
        held = paris.team.schedule(mid, zoe, _at(day))
        with paris.repos(mid) as repos:
            repos.meetings.mark_held(repos.meetings.save_raw_notes(held.id, "notes").id)
    paris.team.cancel_meeting(mid, paris.team.schedule(mid, wei, _at("2026-05-12")).id)
    moved = paris.team.schedule(mid, wei, _at("2026-05-26"))
    again = paris.team.reschedule_meeting(mid, moved.id, _at("2026-06-03"))
    with paris.repos(mid) as repos:
        repos.meetings.mark_held(repos.meetings.save_raw_notes(again.id, "notes").id)
    paris.team.schedule(mid, wei, _at("2026-06-29"))

    with paris.repos(mid) as repos:
        for rid, kind, day in (
            (zoe, FeedbackKind.PRAISE, "2026-05-05"),
            (zoe, FeedbackKind.PRAISE, "2026-05-20"),
            (zoe, FeedbackKind.CONSTRUCTIVE, "2026-06-02"),
            (wei, FeedbackKind.CONSTRUCTIVE, "2026-06-03"),
            (wei, FeedbackKind.PRAISE, "2026-03-01"),  # outside the window
        ):
            repos.feedback.add(report_id=rid, kind=kind, given_on=dt.date.fromisoformat(day))
        items = {}
        for task, role, due in (
            ("on time", OwnerRole.MANAGER, "2026-05-10"),
            ("late", OwnerRole.MANAGER, "2026-05-10"),
            ("overdue", OwnerRole.REPORT, "2026-06-01"),
            ("not due yet", OwnerRole.REPORT, "2026-06-30"),
            ("dropped", OwnerRole.MANAGER, "2026-06-01"),
        ):
            items[task] = repos.action_items.add(
                report_id=zoe,
                task=task,
                owner_role=role,
                owner_name="x",
                due_date=dt.date.fromisoformat(due),
            )
        for task, status, closed in (
            ("on time", ActionStatus.DONE, _at("2026-05-10", 22)),  # 20:00 UTC, same Paris day
            ("late", ActionStatus.DONE, _at("2026-05-11", 1)),  # 23:00 UTC on the 10th
            ("dropped", ActionStatus.DROPPED, _at("2026-05-30")),
        ):
            item = repos.action_items.close(items[task].id, status)
            item.closed_at = closed

    ratio = paris.team.talk_ratio(TRANSCRIPT, manager="Avery", report="Zoë")
    paris.team.attach_talk_ratio(
        mid, paris.team.meeting_on(mid, zoe, dt.date(2026, 6, 2)).id, ratio
    )

    trends = paris.team.trends(mid, months=2, today=TODAY)
    assert trends.months == ["2026-05", "2026-06"]
    assert [(m.month, m.planned, m.held) for m in trends.meetings] == [
        ("2026-05", 2, 1),  # the moved one counts at its new date
        ("2026-06", 3, 2),
    ]
    assert [(f.report, f.month, f.praise, f.constructive) for f in trends.feedback] == [
        ("Zoë Park", "2026-05", 2, 0),
        ("Zoë Park", "2026-06", 0, 1),
        ("王伟", "2026-06", 0, 1),
    ]
    assert [(a.month, a.owner, a.outcome, a.count) for a in trends.actions] == [
        ("2026-05", "You", "late", 1),
        ("2026-05", "You", "on time", 1),
        ("2026-06", "Your reports", "still open, overdue", 1),
    ]
    (point,) = trends.talk
    assert (point.report, point.day) == ("Zoë Park", dt.date(2026, 6, 2))
    assert point.manager_share == ratio.manager_share


def test_an_empty_team_has_nothing_to_chart(paris: Services) -> None:
    mid, _ = add_team(paris, "Nobody Yet")
    trends = paris.team.trends(mid, months=3, today=TODAY)
    assert trends.empty and trends.months == ["2026-04", "2026-05", "2026-06"]
    assert [m.planned for m in trends.meetings] == [0, 0, 0]
