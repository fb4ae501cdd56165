"""End to end in a real browser: Team → a person's page → cancel the next 1:1 → reschedule it →
download the calendar file (parsed back with icalendar) → measure a transcript and keep it →
the Coaching page's charts. Screenshots go to test-artifacts/e2e/person-*.png."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.e2e.test_browser import (
    ARTIFACTS,
    CHROMIUM,
    CHROMIUM_ARGS,
    WAIT_MS,
    _idle,
    _no_exception,
    _streamlit,
    _tall_shot,
    expect,
    sync_api,
)

pytestmark = pytest.mark.slow

REPORT = "Amara Okonkwo"
ZONE = "America/New_York"  # not the machine's, so a UTC slip would show
TRANSCRIPT = (
    "Alex Morgan: How did the clinic demo go?\n"
    "Amara Okonkwo: Well. They asked for the import report and the pricing sheet.\n"
    "Alex Morgan: What would you do differently next time?\n"
    "Amara Okonkwo: Start with their problem, then show the code, and leave time for questions.\n"
)


@pytest.fixture(scope="module")
def person_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    from assistant.config.saved import save_time_zone

    data_dir = tmp_path_factory.mktemp("e2e-person-data")
    save_time_zone(data_dir, ZONE)
    log = tmp_path_factory.mktemp("e2e-person-log") / "streamlit.log"
    with _streamlit(data_dir, log, seed_demo=True) as url:
        yield url, data_dir


@pytest.fixture(scope="module")
def tab() -> Iterator[Any]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 800}, accept_downloads=True)
        page.set_default_timeout(WAIT_MS)
        try:
            yield page
        finally:
            browser.close()


def _shot(page: Any, name: str, *, tall: int | None = None) -> None:
    path = ARTIFACTS / f"person-{name}.png"
    _tall_shot(page, path, tall, height_after=800, settle_ms=1500)  # charts draw after the run


def _meetings(data_dir: Path) -> list[tuple[int, str, str, int | None]]:
    with sqlite3.connect(data_dir / "coach.db") as db:
        return db.execute(
            "SELECT m.id, m.scheduled_at, m.status, m.rescheduled_to_id FROM meetings m"
            " JOIN reports r ON r.id = m.report_id WHERE r.name = ? ORDER BY m.scheduled_at",
            (REPORT,),
        ).fetchall()


def _next_workday(after: dt.date) -> dt.date:
    day = after + dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def test_team_to_person_cancel_reschedule_and_download(
    tab: Any, person_app: tuple[str, Path], tmp_path: Path
) -> None:
    url, data_dir = person_app
    zone = ZoneInfo(ZONE)
    page = tab

    # Team: every person's row, alerts visible at 1280 px; a name opens their page.
    page.goto(url)
    expect(page.get_by_role("heading", name="Team", exact=True)).to_be_visible()
    expect(page.get_by_text("Cadence health")).to_be_visible()
    _idle(page)
    _no_exception(page, "team")
    _shot(page, "01-team-1280")
    _shot(page, "01b-team-1280-full", tall=1700)
    page.get_by_role("link", name=REPORT).click()
    expect(page.get_by_role("heading", name=REPORT, exact=True)).to_be_visible()
    assert re.search(r"/person\?report=\d+$", page.url), page.url
    _idle(page)
    _no_exception(page, "person page")
    _shot(page, "02-person-page")
    _shot(page, "02b-person-page-full", tall=2200)

    # Cancel the next planned 1:1.
    planned = [m for m in _meetings(data_dir) if m[2] == "scheduled"]
    assert planned, _meetings(data_dir)
    meeting_id = planned[0][0]
    page.get_by_role("button", name="Cancel", exact=True).first.click()
    expect(page.get_by_text(re.compile(r"1:1 of .* canceled"))).to_be_visible()
    _idle(page)
    assert dict((m[0], m[2]) for m in _meetings(data_dir))[meeting_id] == "canceled"
    _shot(page, "03-canceled")

    # Reschedule it from the history: the popover offers the next working day at the same
    # local time (typing dates is covered by the AppTests).
    original = dt.datetime.fromisoformat(planned[0][1]).replace(tzinfo=dt.UTC).astimezone(zone)
    new_day = _next_workday(max(original.date(), dt.datetime.now(zone).date()))
    page.get_by_text(re.compile(r"· Canceled")).first.click()
    page.get_by_role("button", name="Reschedule").first.click()
    move = page.get_by_role("button", name="Move the 1:1")
    expect(move).to_be_visible()
    _shot(page, "03b-reschedule-popover")
    move.click()
    expect(page.get_by_text(re.compile(r"moved to"))).to_be_visible()
    _idle(page)
    _no_exception(page, "rescheduled")
    _shot(page, "04-rescheduled", tall=1400)
    rows = {m[0]: m for m in _meetings(data_dir)}
    old = rows[meeting_id]
    assert old[2] == "rescheduled" and old[3] is not None, old
    new_id = old[3]
    stored = dt.datetime.fromisoformat(rows[new_id][1]).replace(tzinfo=dt.UTC)
    assert stored.astimezone(zone).date() == new_day
    assert stored.astimezone(zone).time() == original.time()  # same local time, New York

    # Download the next 1:1 for the calendar and read it back.
    with page.expect_download() as download:
        page.get_by_role("button", name="Next 1:1 (.ics)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == f"1on1-amara-okonkwo-{new_day.isoformat()}.ics"
    calendar = Calendar.from_ical(saved.read_bytes())
    (event,) = list(calendar.walk("VEVENT"))
    start = event.decoded("DTSTART")
    assert start == stored and str(start.tzinfo) == ZONE
    assert str(event["SUMMARY"]) == f"1:1 with {REPORT}"
    assert "# 1:1 agenda: Amara Okonkwo" in str(event["DESCRIPTION"])
    _no_exception(page, "download")

    # Talk time: measure a transcript and keep it on the last held 1:1.
    page.get_by_role("tab", name="Talk time").click()
    page.get_by_label("Transcript").fill(TRANSCRIPT)
    page.get_by_label("Transcript").press("Control+Enter")
    page.wait_for_timeout(300)  # the rerun the entry starts, before waiting for it to end
    _idle(page)
    # Under a full parallel suite this page's rerun can take long enough that the button is
    # redrawn (detached) for most of Playwright's default 30 s: allow more.
    page.get_by_role("button", name="Measure").click(timeout=90_000)
    # The saved agendas on this page cite the same guidance inside closed expanders: look for
    # the advice that is on screen.
    advice = page.get_by_text("The 80/20 rule", exact=False).filter(visible=True)
    expect(advice.first).to_be_visible()
    _idle(page)
    _shot(page, "05-talk-ratio", tall=1600)
    page.get_by_role("button", name="Keep on this 1:1").click()
    expect(page.get_by_text(re.compile("Talk ratio kept on the 1:1"))).to_be_visible()
    _no_exception(page, "talk ratio kept")

    # Coaching: the trends as charts, the talk share included.
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Coaching", exact=True).click()
    expect(page.get_by_role("heading", name="Coaching", exact=True)).to_be_visible()
    _idle(page)
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(4)
    _no_exception(page, "coaching")
    _shot(page, "06-coaching", tall=2300)
