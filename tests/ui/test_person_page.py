"""A person's page in AppTest: opened by a link (?report=ID); every 1:1 with its status; cancel,
reschedule and skip; action items both ways; goals; talk ratio kept on a 1:1; profile edit and
archive; private notes only here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from streamlit.testing.v1 import AppTest

from assistant.db.models import GoalStatus, MeetingStatus
from tests.ui.conftest import APP, demo_services, run_app, texts

PAGE = "app_pages/person.py"
REPORT = "Amara Okonkwo"
TRANSCRIPT = (
    "Alex Morgan: How did the demo go?\n"
    "Amara Okonkwo: Really well. The clinic asked for the import report and pricing.\n"
    "Alex Morgan: What would you do next?\n"
    "Amara Okonkwo: Write up the rollout plan and share it with Hana by Friday.\n"
)


def _open(report: str = REPORT) -> tuple[AppTest, int, int]:
    """The page opened the way the Team page's link opens it; returns (app, manager, report)."""
    svc = demo_services()
    manager = svc.resolve_manager()
    with svc.repos(manager.id) as repos:
        rid = repos.reports.find(report).id
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["_coach_raise_errors"] = True
    at.run()
    at.switch_page(PAGE)
    at.query_params["report"] = str(rid)
    at.run()
    assert not at.exception
    return at, manager.id, rid


def _download(at: AppTest, key: str):  # type: ignore[no-untyped-def]
    """A download button's proto (AppTest has no accessor for them; the key is in the id)."""
    found = [e.proto for e in at.get("download_button") if e.proto.id.endswith(f"-{key}")]
    assert len(found) == 1, [e.proto.id for e in at.get("download_button")]
    return found[0]


def _planned(manager_id: int, rid: int) -> list[int]:
    svc = demo_services()
    return [m.id for m in svc.team.timeline(manager_id, rid).upcoming]


def test_a_link_opens_that_persons_record(demo_data_dir: Path) -> None:
    at, mid, rid = _open()
    assert at.title[0].value == REPORT
    assert at.selectbox(key="person_pick").value == rid
    record = demo_services().team.timeline(mid, rid)
    labels = [e.label for e in at.expander]
    held = [m for m in record.past if m.status is MeetingStatus.HELD]
    assert any(f"{held[0].when:%a %d %b %Y} · Held" in label for label in labels)
    shown = texts(at).replace("\\", "")  # Markdown escapes
    assert "What I owe Amara" in shown and "What Amara owes me" in shown
    assert "Finish the dead-letter queue runbook rewrite" in shown  # what she owes
    assert "Keep pull requests under ~300 changed lines" in shown  # an active goal
    assert ":green-badge[praise]" in shown  # the feedback log
    assert at.query_params["report"] == str(rid)


def test_an_unknown_id_in_the_link_falls_back_to_someone_on_the_team(demo_data_dir: Path) -> None:
    at = run_app()
    at.switch_page(PAGE)
    at.query_params["report"] = "999999"
    at.run()
    assert not at.exception
    svc = demo_services()
    assert at.title[0].value in {r.name for r in svc.team.reports(svc.resolve_manager().id)}


def test_cancel_then_reschedule_a_planned_1on1(demo_data_dir: Path) -> None:
    at, mid, rid = _open()
    meeting_id = _planned(mid, rid)[0]
    at.button(key=f"cancel_{meeting_id}").click().run()
    assert not at.exception
    assert any("canceled" in s.value for s in at.success)
    with demo_services().repos(mid) as repos:
        assert repos.meetings.get(meeting_id).status is MeetingStatus.CANCELED
    # The canceled 1:1 sits in the history, where it can be moved to a new date.
    new_day = dt.date.today() + dt.timedelta(days=9)
    at.date_input(key=f"move_date_{meeting_id}").set_value(new_day)
    at.time_input(key=f"move_time_{meeting_id}").set_value(dt.time(11, 15))
    at.button(key=f"move_{meeting_id}").click().run()
    assert not at.exception
    assert any("moved to" in s.value for s in at.success)
    with demo_services().repos(mid) as repos:
        old = repos.meetings.get(meeting_id)
        assert old.status is MeetingStatus.RESCHEDULED and old.rescheduled_to_id is not None
        new = repos.meetings.get(old.rescheduled_to_id)
        local = new.scheduled_at.astimezone(demo_services().settings.zone)
        assert (local.date(), local.time()) == (new_day, dt.time(11, 15))
    (row,) = [r for r in demo_services().team.health(mid) if r.report_id == rid]
    assert row.canceled_without_reschedule == 0


def test_skip_a_planned_1on1(demo_data_dir: Path) -> None:
    at, mid, rid = _open("Hana Kobayashi")
    meeting_id = _planned(mid, rid)[0]
    at.button(key=f"skip_{meeting_id}").click().run()
    assert not at.exception
    with demo_services().repos(mid) as repos:
        assert repos.meetings.get(meeting_id).status is MeetingStatus.SKIPPED


def test_schedule_the_next_1on1_from_their_cadence(demo_data_dir: Path) -> None:
    at, mid, rid = _open("Callum Brennan")  # nothing planned in the demo
    assert _download(at, "person_ics_next").disabled
    default = at.date_input(key="person_schedule_date").value
    assert default.weekday() < 5 and default > dt.date.today()
    at.number_input(key="person_schedule_count").set_value(2)
    at.button(key="person_schedule_submit").click().run()
    assert not at.exception
    assert any("2 1:1s with Callum Brennan scheduled" in s.value for s in at.success)
    assert len(_planned(mid, rid)) == 2
    assert not _download(at, "person_ics_next").disabled
    assert _download(at, "person_ics_series").label == "Series (.ics)"


def test_goals_are_added_edited_and_closed(demo_data_dir: Path) -> None:
    at, mid, rid = _open()
    at.text_input(key="goal_add_title").input("Give a talk at the clinic meetup")
    at.date_input(key="goal_add_target").set_value(dt.date(2027, 3, 31))
    at.button(key="goal_add_submit").click().run()
    assert not at.exception
    goal = next(g for g in demo_services().team.goals(mid, rid) if "clinic meetup" in g.title)
    assert goal.target_date == dt.date(2027, 3, 31)
    at.text_input(key=f"goal_title_{goal.id}").input("Give a talk at the Leeds clinic meetup")
    at.button(key=f"goal_save_{goal.id}").click().run()
    assert not at.exception
    at.button(key=f"goal_achieved_{goal.id}").click().run()
    assert not at.exception
    saved = next(g for g in demo_services().team.goals(mid, rid) if g.id == goal.id)
    assert (saved.title, saved.status) == (
        "Give a talk at the Leeds clinic meetup",
        GoalStatus.ACHIEVED,
    )
    at.text_input(key="goal_add_title").input("   ")
    at.button(key="goal_add_submit").click().run()
    assert any("needs a title" in e.value for e in at.error)


def test_talk_ratio_is_measured_and_kept_on_a_held_1on1(demo_data_dir: Path) -> None:
    at, mid, rid = _open()
    at.text_area(key="talk_text").input("- just some notes\n- nothing said by anyone")
    at.button(key="talk_measure").click().run()
    assert any("does not read as a transcript" in e.value for e in at.error)
    at.text_area(key="talk_text").input(TRANSCRIPT)
    at.button(key="talk_measure").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    # Alex: 5 + 5 = 10 words; Amara: 11 + 12 = 23 words -> 30% / 70%.
    assert (metrics["You talked"], metrics["Amara talked"]) == ("30%", "70%")
    assert (metrics["Your questions"], metrics["Open questions"]) == ("2", "2")
    assert "knowledge/listening-and-asking.md › The 80/20 rule" in texts(at)
    assert at.get("vega_lite_chart")  # the share chart
    meeting_id = at.selectbox(key="talk_meeting").value
    at.button(key="talk_attach").click().run()
    assert not at.exception
    with demo_services().repos(mid) as repos:
        kept = repos.talk.of_report(rid)
    assert (kept[meeting_id].manager_words, kept[meeting_id].report_words) == (10, 23)


def test_private_notes_and_raw_notes_show_only_here_and_on_request(demo_data_dir: Path) -> None:
    svc = demo_services()
    at, mid, rid = _open()
    report = svc.team.report(mid, rid)
    assert report.private_notes and at.text_area(key="pf_private").value == report.private_notes
    record = svc.team.timeline(mid, rid)
    noted = next(m for m in record.past if m.notes.strip())
    first_line = noted.notes.strip().splitlines()[0]
    assert first_line not in [t.value for t in at.text]
    at.toggle(key="person_show_notes").set_value(True).run()
    assert any(first_line in t.value for t in at.text)
    assert report.private_notes not in record.to_markdown()  # the download is shareable


def test_profile_edits_and_archiving(demo_data_dir: Path) -> None:
    at, mid, rid = _open("Yusuf Demir")
    at.text_input(key="pf_role").input("Senior Data Analyst")
    at.button(key="pf_submit").click().run()
    assert not at.exception
    assert demo_services().team.report(mid, rid).role == "Senior Data Analyst"
    at.button(key="person_archive").click().run()
    assert not at.exception
    assert demo_services().team.report(mid, rid).archived
    assert "Yusuf Demir" not in [r.name for r in demo_services().team.reports(mid)]
    assert at.title[0].value == "Yusuf Demir"  # their page and history stay
    at.button(key="person_unarchive").click().run()
    assert not demo_services().team.report(mid, rid).archived
