"""The demo team data: it loads, validates, and contains every situation the product surfaces.

Each situation is computed from the YAML (never looked up by key), so the data can be edited
freely as long as the demo still shows what a new user needs to see.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from assistant.demo import DemoTeam, load_demo_team
from assistant.demo.loader import MANAGER_FILE, REPORTS_DIR, data_dir
from assistant.demo.schema import THEMES, Meeting, Report

REPO = Path(__file__).resolve().parents[2]
EVAL_FILE = REPO / "evals" / "retrieval_notes.jsonl"

SIX_MONTHS_DAYS = 175  # about six months (25 weeks): the oldest 1:1 of a long-tenured report
SIX_WEEKS_DAYS = 42
TWO_MONTHS_DAYS = 60


@pytest.fixture(scope="module")
def team() -> DemoTeam:
    return load_demo_team()


def _long_tenured(team: DemoTeam) -> list[Report]:
    return [r for r in team.reports if r.start_days_ago > 365]


def _new_grad(team: DemoTeam) -> Report:
    grads = [r for r in team.reports if "new grad" in r.role.lower()]
    assert len(grads) == 1, "exactly one new-grad report"
    return grads[0]


def _overdue(team: DemoTeam) -> list[Report]:
    """Last held 1:1 longer ago than the cadence and nothing scheduled."""
    out = []
    for r in team.reports:
        last = r.last_held()
        assert last is not None
        if last.days_ago > r.cadence_days and r.next_scheduled() is None:
            out.append(r)
    return out


# --- loading and packaging -------------------------------------------------------------------


def test_packaged_data_files_exist() -> None:
    d = data_dir()
    assert d.joinpath(MANAGER_FILE).is_file()
    assert any(p.name.endswith(".yaml") for p in d.joinpath(REPORTS_DIR).iterdir())


def test_loads_validates_and_is_cached(team: DemoTeam) -> None:
    assert isinstance(team, DemoTeam)
    assert load_demo_team() is team
    assert team.manager.name and "@" in team.manager.email


def test_team_size_and_diverse_roles(team: DemoTeam) -> None:
    assert len(team.reports) >= 7
    roles = " | ".join(r.role.lower() for r in team.reports)
    for needle in ("backend", "new grad", "designer", "support", "account executive", "data"):
        assert needle in roles, needle
    assert "engineering manager" in roles or "tech lead" in roles
    assert len({r.role for r in team.reports}) == len(team.reports)
    assert {r.cadence_days for r in team.reports} == {7, 14}
    assert len({r.meeting_minutes for r in team.reports}) >= 3
    assert {r.meeting_format for r in team.reports} == {"conversational", "bulleted"}
    assert {r.feedback_style for r in team.reports} == {
        "direct",
        "gentle",
        "written_first",
        "in_the_moment",
    }
    assert any(r.topics_avoid for r in team.reports)
    assert all(r.private_notes and r.goals and r.topics_favour for r in team.reports)


# --- history -----------------------------------------------------------------------------------


def test_long_tenured_reports_have_six_months_of_history(team: DemoTeam) -> None:
    long_tenured = _long_tenured(team)
    assert len(long_tenured) >= 6
    for r in long_tenured:
        assert r.meetings[0].days_ago >= SIX_MONTHS_DAYS, r.key
        assert len(r.held_meetings()) >= 10, r.key


def test_cadence_is_roughly_kept(team: DemoTeam) -> None:
    """No silent gaps: consecutive past meetings are at most ~2 cadences apart."""
    for r in _long_tenured(team):
        past = [m for m in r.meetings if m.days_ago >= 0]
        for a, b in itertools.pairwise(past):
            assert a.days_ago - b.days_ago <= 2 * r.cadence_days + 2, (a.key, b.key)


def test_new_grad_is_recent_with_few_meetings(team: DemoTeam) -> None:
    grad = _new_grad(team)
    assert 40 <= grad.start_days_ago <= 75
    assert len(grad.meetings) <= 8
    assert 4 <= len(grad.held_meetings()) <= 8


def test_all_meeting_statuses_are_used(team: DemoTeam) -> None:
    statuses = Counter(m.status for _, m in team.all_meetings())
    assert set(statuses) == {"scheduled", "held", "canceled", "rescheduled", "skipped"}
    assert statuses["held"] >= 80


def test_rescheduled_meetings_point_at_a_held_meeting_soon_after(team: DemoTeam) -> None:
    for r in team.reports:
        for m in r.meetings:
            if m.rescheduled_to:
                target = r.meeting(m.rescheduled_to)
                assert target.status in ("held", "scheduled")
                assert 0 < m.days_ago - target.days_ago <= 7


def test_every_held_meeting_has_themes_from_the_catalogue(team: DemoTeam) -> None:
    used: set[str] = set()
    for _, m in team.all_meetings():
        if m.status == "held":
            assert m.topics
            used.update(m.topics)
        if m.feedback:
            assert "feedback" in m.topics, m.key
    assert used == set(THEMES)


# --- notes -------------------------------------------------------------------------------------

_STYLES = {
    "bullets": re.compile(r"^\s*- ", re.M),
    "ai_lines": re.compile(r"^\s*AI:", re.M),
    "checklist": re.compile(r"^\s*\[[ x]\]", re.M),
    "todo_me": re.compile(r"TODO\(me\)"),
    "transcript": re.compile(r"(?:^[A-Z][a-zá]+: .+\n){6,}", re.M),
    "prose": re.compile(r"^[A-Z][^\n]{180,}$", re.M),
}


def _styles(notes: str) -> set[str]:
    return {name for name, rx in _STYLES.items() if rx.search(notes)}


def test_note_length_and_styles(team: DemoTeam) -> None:
    all_styles: Counter[str] = Counter()
    for r in team.reports:
        per_report: set[str] = set()
        for m in r.held_meetings():
            assert m.raw_notes is not None
            words = len(m.raw_notes.split())
            assert 40 <= words <= 250, (m.key, words)
            styles = _styles(m.raw_notes)
            per_report |= styles
            all_styles.update(styles)
        assert len(per_report) >= 2, (r.key, per_report)
    assert set(all_styles) == set(_STYLES), all_styles
    assert all_styles["transcript"] >= 2


def test_non_held_meetings_have_a_reason(team: DemoTeam) -> None:
    for _, m in team.all_meetings():
        if m.status in ("canceled", "rescheduled", "skipped"):
            assert m.reason, m.key


def test_scheduled_meetings_can_carry_report_topics(team: DemoTeam) -> None:
    scheduled = [m for _, m in team.all_meetings() if m.status == "scheduled"]
    assert scheduled
    assert all(m.raw_notes is None for m in scheduled)
    assert sum(1 for m in scheduled if m.report_topics) >= 3


# --- action items and feedback -----------------------------------------------------------------


def test_action_item_mix(team: DemoTeam) -> None:
    items = [(m, i) for _, m in team.all_meetings() for i in m.action_items]
    assert len(items) >= 80
    assert {i.status for _, i in items} == {"open", "done", "dropped"}
    assert any(i.due_in_days is None for _, i in items)
    assert sum(1 for _, i in items if i.due_in_days is not None) > len(items) / 2
    owners = Counter(i.owner for _, i in items)
    assert owners["manager"] >= 15 and owners["report"] >= 30
    assert sum(1 for _, i in items if i.is_third_party) >= 3
    for m, i in items:
        assert m.raw_notes is not None and i.evidence in m.raw_notes
        if i.status != "open":
            assert i.closed_in, (m.key, i.task)


def test_feedback_mix(team: DemoTeam) -> None:
    entries = [f for _, m in team.all_meetings() for f in m.feedback]
    kinds = Counter(f.kind for f in entries)
    assert kinds["praise"] >= 12 and kinds["constructive"] >= 8
    for r in team.reports:
        assert any(f.kind == "praise" for m in r.meetings for f in m.feedback), r.key


# --- the situations the team view surfaces ----------------------------------------------------


def test_exactly_one_report_is_overdue_for_a_one_on_one(team: DemoTeam) -> None:
    overdue = _overdue(team)
    assert len(overdue) == 1, [r.key for r in overdue]


def test_everyone_else_has_a_one_on_one_in_the_next_ten_days(team: DemoTeam) -> None:
    overdue = {r.key for r in _overdue(team)}
    for r in team.reports:
        if r.key in overdue:
            continue
        nxt = r.next_scheduled()
        assert nxt is not None, r.key
        assert -10 <= nxt.days_ago <= -1, (r.key, nxt.days_ago)


def test_a_recent_meeting_was_canceled_and_never_rescheduled(team: DemoTeam) -> None:
    found = [
        m.key
        for _, m in team.all_meetings()
        if m.status == "canceled" and m.rescheduled_to is None and 0 <= m.days_ago <= 90
    ]
    assert found


def test_a_report_has_no_recent_praise_but_recent_constructive_feedback(team: DemoTeam) -> None:
    def recent(r: Report, kind: str) -> list[Meeting]:
        return [
            m
            for m in r.meetings
            if 0 <= m.days_ago <= TWO_MONTHS_DAYS and any(f.kind == kind for f in m.feedback)
        ]

    found = [r.key for r in team.reports if not recent(r, "praise") and recent(r, "constructive")]
    assert len(found) == 1, found


def test_an_action_item_has_been_open_for_five_weeks(team: DemoTeam) -> None:
    found = [
        (m.key, i.task)
        for _, m in team.all_meetings()
        for i in m.action_items
        if i.status == "open" and m.days_ago >= 35
    ]
    assert found


def test_several_open_action_items_are_overdue(team: DemoTeam) -> None:
    overdue = [
        (m.key, i.task)
        for _, m in team.all_meetings()
        for i in m.action_items
        if i.status == "open" and (m.due_days_ago(i) or 0) > 0
    ]
    assert len(overdue) >= 5, overdue
    assert len({key.split("-")[0] for key, _ in overdue}) >= 3


def test_a_report_has_not_talked_career_for_six_weeks(team: DemoTeam) -> None:
    stale = []
    for r in _long_tenured(team):
        career = [m for m in r.held_meetings() if "career" in m.topics]
        if career and career[-1].days_ago >= SIX_WEEKS_DAYS:
            stale.append(r.key)
    assert len(stale) == 1, stale


# --- schema validators -------------------------------------------------------------------------


def _report(meetings: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "key": "sam",
        "name": "Sam Example",
        "role": "Engineer",
        "start_days_ago": 400,
        "cadence_days": 14,
        "meeting_minutes": 30,
        "meeting_format": "bulleted",
        "feedback_style": "direct",
        "meetings": meetings,
    }


def _held(key: str, days_ago: int, **extra: Any) -> dict[str, Any]:
    return {
        "key": key,
        "days_ago": days_ago,
        "minutes": 30,
        "status": "held",
        "topics": ["work"],
        "raw_notes": "- AI: Sam - send the deck\n",
        **extra,
    }


def _team(meetings: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "manager": {"name": "Alex Example", "email": "alex@example.com"},
        "reports": [_report(meetings)],
    }


def test_minimal_team_validates() -> None:
    item = {"task": "Send the deck", "owner": "report", "evidence": "AI: Sam - send the deck"}
    DemoTeam.model_validate(_team([_held("sam-m01", 10, action_items=[item])]))


def _item(**fields: Any) -> dict[str, Any]:
    return {"task": "Send the deck", "owner": "report", "evidence": "send the deck", **fields}


_INVALID: dict[str, list[dict[str, Any]]] = {
    "evidence-not-in-notes": [_held("sam-m01", 10, action_items=[_item(evidence="nope")])],
    "duplicate-keys": [_held("sam-m01", 10), _held("sam-m01", 5)],
    "not-oldest-first": [_held("sam-m01", 5), _held("sam-m02", 10)],
    "rescheduled-to-unknown": [
        {
            "key": "sam-m01",
            "days_ago": 10,
            "minutes": 30,
            "status": "rescheduled",
            "rescheduled_to": "sam-m09",
        }
    ],
    "closed-in-earlier-meeting": [
        _held("sam-m01", 10),
        _held("sam-m02", 5, action_items=[_item(status="done", closed_in="sam-m01")]),
    ],
    "held-without-notes": [
        {"key": "sam-m01", "days_ago": 10, "minutes": 30, "status": "held", "topics": ["work"]}
    ],
    "scheduled-in-the-past": [
        {"key": "sam-m01", "days_ago": 3, "minutes": 30, "status": "scheduled"}
    ],
    "third-party-not-named": [_held("sam-m01", 10, action_items=[_item(owner="Zed Nobody")])],
    "open-item-with-closed-in": [
        _held("sam-m01", 10, action_items=[_item(closed_in="sam-m02")]),
        _held("sam-m02", 5),
    ],
    "unknown-field": [_held("sam-m01", 10, mood="great")],
    "unknown-theme": [_held("sam-m01", 10, topics=["vibes"])],
}


@pytest.mark.parametrize("meetings", list(_INVALID.values()), ids=list(_INVALID))
def test_invalid_data_is_rejected(meetings: list[dict[str, Any]]) -> None:
    with pytest.raises(ValidationError):
        DemoTeam.model_validate(_team(meetings))


# --- retrieval eval over the demo notes --------------------------------------------------------


def _eval_rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in EVAL_FILE.read_text("utf-8").splitlines() if line.strip()]


def test_retrieval_eval_queries_point_at_real_meetings(team: DemoTeam) -> None:
    rows = _eval_rows()
    assert len(rows) >= 24
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["query"].lower() for r in rows}) == len(rows)
    owner = {m.key: r for r in team.reports for m in r.meetings}
    names = {r.name for r in team.reports}
    with_report = 0
    for row in rows:
        assert set(row) <= {"id", "query", "report", "relevant_meeting_keys"}, row["id"]
        keys = row["relevant_meeting_keys"]
        assert 1 <= len(keys) <= 2, row["id"]
        for key in keys:
            assert key in owner, (row["id"], key)
            assert owner[key].meeting(key).status == "held", (row["id"], key)
        if "report" in row:
            with_report += 1
            assert row["report"] in names, row["id"]
            assert all(owner[k].name == row["report"] for k in keys), row["id"]
    assert 0 < with_report < len(rows)
    assert len({owner[k].key for row in rows for k in row["relevant_meeting_keys"]}) == len(
        team.reports
    )


def test_retrieval_queries_do_not_copy_the_notes(team: DemoTeam) -> None:
    notes = {m.key: (m.raw_notes or "").lower() for _, m in team.all_meetings()}
    for row in _eval_rows():
        query = row["query"].lower()
        for key in row["relevant_meeting_keys"]:
            assert query not in notes[key], row["id"]
