"""A person's timeline through `svc.team.timeline` and `coach timeline`: every 1:1 with its
status, agenda and approved recap, action items both ways, feedback, goals; private notes only
when asked for, and the Markdown says which copy it is."""

from __future__ import annotations

import datetime as dt

from assistant.db.models import FeedbackKind
from assistant.db.repositories.agenda_items import AgendaItemRow
from assistant.domain.recap import ActionItemDraft, RecapDraft
from assistant.recap.service import save_recap
from assistant.services import Services
from assistant.team.timeline_export import PRIVATE_NOTICE, SHAREABLE_NOTICE
from tests.support.cli import Coach
from tests.team.conftest import PARIS, add_team

REPORT = "Mary-Kate D'Souza"
SECRET = "Thinking about a move to the platform team"
MEETING_SECRET = "Seemed tired; ask about the house move"


def _at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=PARIS)


def _history(svc: Services) -> tuple[int, int]:
    """Held (agenda + approved recap + notes), canceled, moved, and a planned 1:1."""
    mid, (rid,) = add_team(svc, REPORT)
    svc.team.update_report(mid, rid, private_notes=SECRET)
    held = svc.team.schedule(mid, rid, _at("2026-05-04"))
    with svc.repos(mid) as repos:
        repos.agenda_items.replace(
            held.id, [AgendaItemRow("Check-in", 5), AgendaItemRow("Career", 10)]
        )
        meeting = repos.meetings.mark_held(
            repos.meetings.save_raw_notes(held.id, "- she'll send the plan by Friday").id
        )
        meeting.private_notes = MEETING_SECRET
    recap = RecapDraft(
        summary="We planned the rollout.",
        decisions=["Ship in two steps"],
        action_items=[
            ActionItemDraft(
                task="Send the rollout plan",
                owner=REPORT,
                owner_role="report",
                due=dt.date(2026, 5, 8),
                evidence="she'll send the plan by Friday",
                confidence=0.9,
            ),
            ActionItemDraft(
                task="Book the offsite room",
                owner="Avery Stone",
                owner_role="manager",
                evidence="I'll book the room",
                confidence=0.9,
            ),
        ],
        engine="built-in",
    )
    with svc.repos(mid) as repos:  # what Recap's save does, without re-indexing the notes
        save_recap(repos, repos.meetings.get(held.id), recap)
    gone = svc.team.schedule(mid, rid, _at("2026-05-11"))
    svc.team.cancel_meeting(mid, gone.id)
    moved = svc.team.schedule(mid, rid, _at("2026-05-18"))
    svc.team.reschedule_meeting(mid, moved.id, _at("2026-05-19", 15))
    svc.team.add_goal(mid, rid, "Lead the billing migration", target_date=dt.date(2026, 9, 30))
    with svc.repos(mid) as repos:
        repos.feedback.add(
            report_id=rid,
            kind=FeedbackKind.PRAISE,
            given_on=dt.date(2026, 5, 4),
            wording="Your rollout plan made the risks easy to see.",
        )
    return mid, rid


def test_timeline_json_has_every_1on1_both_ways_items_feedback_and_goals(paris: Services) -> None:
    mid, rid = _history(paris)
    data = paris.team.timeline(mid, REPORT).as_json()
    assert set(data) >= {"report", "meetings", "action_items", "feedback", "goals"}
    assert data["report"]["name"] == REPORT and "private_notes" not in data["report"]
    meetings = [(m["date"], m["status"]) for m in data["meetings"]]
    assert meetings == [
        ("2026-05-19", "scheduled"),
        ("2026-05-18", "rescheduled"),
        ("2026-05-11", "canceled"),
        ("2026-05-04", "held"),
    ]
    moved = data["meetings"][1]
    assert moved["rescheduled_to"].startswith("2026-05-19T15:00")
    held = data["meetings"][3]
    assert held["time"] == "10:00"  # Paris time, as entered
    assert [a["title"] for a in held["agenda"]] == ["Check-in", "Career"]
    assert held["recap"]["summary"] == "We planned the rollout."
    assert held["notes"] == "- she'll send the plan by Friday"
    assert all("private_notes" not in m for m in data["meetings"])
    roles = {a["task"]: a["owner_role"] for a in data["action_items"]}
    assert roles == {"Send the rollout plan": "report", "Book the offsite room": "manager"}
    assert [f["kind"] for f in data["feedback"]] == ["praise"]
    assert [(g["title"], g["target_date"]) for g in data["goals"]] == [
        ("Lead the billing migration", "2026-09-30")
    ]
    private = paris.team.timeline(mid, rid).as_json(include_private=True)
    assert private["report"]["private_notes"] == SECRET
    assert private["meetings"][3]["private_notes"] == MEETING_SECRET


def test_markdown_has_one_header_per_1on1_and_says_which_copy_it_is(paris: Services) -> None:
    mid, rid = _history(paris)
    record = paris.team.timeline(mid, rid)
    shareable = record.to_markdown()
    assert shareable.startswith(f"# 1:1 timeline: {REPORT}\n\n{SHAREABLE_NOTICE}")
    headers = [line for line in shareable.splitlines() if line.startswith("## ")]
    assert headers == ["## 2026-05-19", "## 2026-05-18", "## 2026-05-11", "## 2026-05-04"]
    assert "Moved to 2026-05-19 15:00" in shareable and "Canceled" in shareable
    assert "1. Check-in (5 min)" in shareable and "We planned the rollout." in shareable
    assert "### What I owe Mary-Kate" in shareable and "### What Mary-Kate owes me" in shareable
    assert "Your rollout plan made the risks easy to see." in shareable
    assert SECRET not in shareable and MEETING_SECRET not in shareable
    assert "she'll send the plan" not in shareable  # raw notes only on request
    assert "she'll send the plan" in record.to_markdown(include_notes=True)
    private = record.to_markdown(include_private=True)
    assert PRIVATE_NOTICE in private and SECRET in private and MEETING_SECRET in private


def test_goals_are_created_edited_and_closed_through_the_service(paris: Services) -> None:
    mid, (rid,) = add_team(paris, "王伟")
    goal = paris.team.add_goal(mid, "王伟", "Present at the all-hands")
    paris.team.update_goal(mid, goal.id, title="Present the roadmap at the all-hands")
    closed = paris.team.close_goal(mid, rid, goal.id, outcome="achieved")
    assert (closed.title, closed.status.value) == (
        "Present the roadmap at the all-hands",
        "achieved",
    )
    assert paris.team.goals(mid, rid, active_only=True) == []


def test_archiving_keeps_the_history(paris: Services) -> None:
    mid, rid = _history(paris)
    paris.team.archive_report(mid, rid)
    assert paris.team.reports(mid) == []
    assert paris.team.timeline(mid, rid).person.archived
    assert len(paris.team.timeline(mid, rid).meetings) == 4
    paris.team.archive_report(mid, rid, archived=False)
    assert [r.name for r in paris.team.reports(mid)] == [REPORT]


def test_cli_timeline_goal_and_meeting_commands(coach: Coach) -> None:
    assert coach("init", "--manager", "Avery Stone").code == 0
    add = coach("meeting", "schedule", "Nobody", "--at", "2030-01-07 10:00")
    assert add.code == 2 and "No one called 'Nobody'" in add.err
    env = {"COACH_TIME_ZONE": "America/New_York"}
    seeded = coach("demo", **env)
    assert seeded.code == 0
    assert coach("timeline", "Amara", "--json", "--manager", "Alex Morgan", **env).code == 0

    made = coach(
        "meeting",
        "schedule",
        "Amara",
        "--at",
        "2030-01-05 09:30",
        "--series",
        "2",
        "--manager",
        "Alex Morgan",
        **env,
    )
    assert made.code == 0, made.err
    # Saturday 5 Jan 2030 moves to Monday; the time stays 09:30 New York time.
    assert "Mon 2030-01-07 09:30 (America/New_York)" in made.out
    moved = coach(
        "meeting",
        "reschedule",
        "Amara",
        "--date",
        "2030-01-07",
        "--to",
        "2030-01-08 11:00",
        "--manager",
        "Alex Morgan",
        **env,
    )
    assert moved.code == 0 and "Tue 2030-01-08 11:00" in moved.out
    canceled = coach(
        "meeting", "cancel", "Amara", "--date", "2030-01-14", "--manager", "Alex Morgan", **env
    )
    assert canceled.code == 0, canceled.err

    data = coach("timeline", "Amara", "--json", "--manager", "Alex Morgan", **env).json()
    statuses = {m["date"]: m["status"] for m in data["meetings"]}
    assert statuses["2030-01-07"] == "rescheduled" and statuses["2030-01-08"] == "scheduled"
    assert statuses["2030-01-14"] == "canceled"
    assert data["time_zone"] == "America/New_York" and data["private"] is False

    goal = coach(
        "goal",
        "add",
        "Amara",
        "Mentor the new grad",
        "--target",
        "2030-06-30",
        "--manager",
        "Alex Morgan",
    )
    assert goal.code == 0 and "Mentor the new grad" in goal.out
    listed = coach("goal", "list", "Amara", "--json", "--manager", "Alex Morgan").json()
    mine = next(g for g in listed if g["title"] == "Mentor the new grad")
    assert mine == {**mine, "status": "active", "target_date": "2030-06-30"}
    closed = coach("goal", "close", "Amara", str(mine["id"]), "--manager", "Alex Morgan")
    assert closed.code == 0 and "achieved" in closed.out
    bad = coach("goal", "add", "Amara", "X", "--target", "next week", "--manager", "Alex Morgan")
    assert bad.code == 2 and "--target must be a date" in bad.err

    markdown = coach("timeline", "Amara", "--markdown", "--manager", "Alex Morgan", **env).out
    assert SHAREABLE_NOTICE in markdown and "## 2030-01-08" in markdown
    assert "Mentor the new grad (achieved, target 2030-06-30)" in markdown
