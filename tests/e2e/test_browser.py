"""End to end in a real browser: Debian's Chromium driven by Playwright against `streamlit run`.

The demo team is seeded with `coach demo` into a temporary data dir; then a manager's loop is
walked through: see the team, recap a 1:1 (changing an action item's owner), prepare the next
1:1 with the same report (the new action items open the agenda), and draft feedback.
Screenshots and first-render timings go to test-artifacts/e2e/.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from assistant.paths import PROJECT_ROOT

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = PROJECT_ROOT / "test-artifacts" / "e2e"
BIN = Path(sys.executable).parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
REPORT = "Amara Okonkwo"
NOTES = (
    "- Amara shipped the import validation fix, the clinic is happy\n"
    "- Amara to send the rollout plan to Hana by Friday\n"
    "- I'll ask finance about the conference budget next week\n"
)
NEW_OWNER = "Hana Kobayashi"
WAIT_MS = 30_000

if not CHROMIUM.exists():  # pragma: no cover - CI installs it (.ci/run)
    pytest.skip("Chromium is not installed: apt-get install -y chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect
expect.set_options(timeout=WAIT_MS)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _streamlit(data_dir: Path, log_path: Path, *, seed_demo: bool) -> Iterator[str]:
    """The app server, started as `coach ui` does, over `data_dir`; yields its URL when healthy."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "PYTEST_"))}
    env["COACH_DATA_DIR"] = str(data_dir)
    if seed_demo:
        subprocess.run(
            [str(BIN / "coach"), "demo"], env=env, cwd=PROJECT_ROOT, check=True, capture_output=True
        )
    port = _free_port()
    log = log_path.open("w")
    server = subprocess.Popen(
        [
            str(BIN / "python"),
            "-m",
            "ui.launch",  # what `coach ui` runs: modules imported before the first page
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as answer:
                    if answer.read() == b"ok":
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not start; see {log_path}")
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        crash = _server_traceback(log_path)
        if crash:  # shown beside a failing test: the page only says the error was redacted
            print(crash, file=sys.stderr)
    # Reached only when the tests passed: an exception the pages swallowed still fails them.
    assert not crash, f"the app server logged an exception:\n{crash}"


def _server_traceback(log_path: Path) -> str:
    text = re.sub(r"\x1b\[[0-9;]*m", "", log_path.read_text(errors="replace"))
    at = text.find("Traceback")
    return text[at:][-4000:] if at >= 0 else ""


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    data_dir = tmp_path_factory.mktemp("e2e-data")
    log = tmp_path_factory.mktemp("e2e-log") / "streamlit.log"
    with _streamlit(data_dir, log, seed_demo=True) as url:
        yield url, data_dir


@pytest.fixture(scope="module")
def page() -> Iterator[Any]:
    # Not emptied first: other e2e modules (run in parallel) write their screenshots here too.
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        tab = browser.new_page(viewport={"width": 1280, "height": 800})
        tab.set_default_timeout(WAIT_MS)
        try:
            yield tab
        finally:
            browser.close()


def _no_exception(page: Any, step: str) -> None:
    shown = page.locator('[data-testid="stException"]')
    assert shown.count() == 0, (
        f"{step}: Streamlit exception on the page: {shown.first.inner_text()}"
    )


def _shot(page: Any, name: str, target: Any | None = None) -> None:
    if target is not None:
        target.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _tall_shot(
    page: Any, path: Path, tall: int | None, *, height_after: int, settle_ms: int = 0
) -> None:
    """A screenshot, `tall` pixels high when given (then back to `height_after`); `settle_ms`
    waits for what draws after the run ends (charts)."""
    if tall:
        page.set_viewport_size({"width": 1280, "height": tall})
        _idle(page)
        if settle_ms:
            page.wait_for_timeout(settle_ms)
    page.screenshot(path=str(path))
    if tall:
        page.set_viewport_size({"width": 1280, "height": height_after})


def _idle(page: Any) -> None:
    """Wait until Streamlit has finished the current run (no 'Running...' status)."""
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText"
    )


def _pick_in_grid(page: Any, grid: Any, *, row: int, right: int, option: str) -> None:
    """Open a selectbox cell's editor with the keyboard, filter to `option` and press Enter;
    retried, since the canvas grid can miss a key while it settles after a rerun."""
    grid.scroll_into_view_if_needed()
    choice = page.get_by_role("option", name=option, exact=True)
    picked = grid.locator("td", has_text=option)
    for attempt in range(4):
        _idle(page)
        box = grid.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + 60, box["y"] + 35 * (row + 1) + 17)  # first column
        for _ in range(right):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        try:
            expect(choice).to_be_visible(timeout=3_000)
            if attempt == 0:
                _shot(page, "02b-recap-owner-picker")
            page.keyboard.type(option)
            page.keyboard.press("Enter")
            expect(picked).to_have_count(1, timeout=5_000)
            return
        except AssertionError:
            page.keyboard.press("Escape")
    raise AssertionError(f"could not pick {option!r} in the table")


ROWS = '[class*="st-key-agenda_row_"]'


def _agenda_rows(page: Any) -> list[str]:
    """The agenda's rows as shown (number, title, source label, sub-points), in page order,
    without the row's controls (minutes box, buttons)."""
    expect(page.locator(ROWS).first).to_be_visible()
    _idle(page)
    # Streamlit draws the list row by row: read it once the count has stopped changing.
    counts: list[int] = []
    while (len(counts) < 3 or len(set(counts[-3:])) > 1) and len(counts) < 120:
        counts.append(page.locator(ROWS).count())
        page.wait_for_timeout(250)
    texts = [" ".join(row.inner_text().split()) for row in page.locator(ROWS).all()]
    return [re.sub(r"(?:\s+\d+)?\s+arrow_upward.*$", "", text) for text in texts]


def _row_button(page: Any, index: int, action: str) -> Any:
    return page.locator(ROWS).nth(index).locator(f'[class*="st-key-agenda_{action}_"] button').first


def _open(page: Any, title: str, timings: dict[str, float]) -> None:
    """Go to a page from the sidebar and time its first render (until its title shows)."""
    started = time.perf_counter()
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
    _idle(page)
    timings[title] = round((time.perf_counter() - started) * 1000)


def test_first_launch_offers_the_demo_team_in_a_real_browser(page: Any, tmp_path: Path) -> None:
    with _streamlit(tmp_path / "data", tmp_path / "streamlit.log", seed_demo=False) as url:
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(url)
        expect(page.get_by_role("heading", name="Welcome to 1:1 Coach")).to_be_visible()
        expect(page.get_by_text("No team yet")).to_be_visible()
        _no_exception(page, "first launch")
        _shot(page, "00-first-launch")
        page.get_by_role("button", name="Explore with a demo team").click()
        expect(page.get_by_role("heading", name="Team", exact=True)).to_be_visible()
        expect(page.get_by_text("Cadence health")).to_be_visible()
        _no_exception(page, "demo loaded")


def test_manager_loop_in_a_real_browser(page: Any, app_url: tuple[str, Path]) -> None:
    url, data_dir = app_url
    timings: dict[str, float] = {}

    # (a) Team: the demo team with cadence health.
    started = time.perf_counter()
    page.goto(url)
    expect(page.get_by_role("heading", name="Team", exact=True)).to_be_visible()
    expect(page.get_by_text("Cadence health")).to_be_visible()
    timings["Team"] = round((time.perf_counter() - started) * 1000)
    expect(page.get_by_role("link", name=REPORT)).to_be_visible()  # their row leads to them
    _no_exception(page, "team")
    _shot(page, "01-team")

    # (b) Recap: paste notes, draft, change an owner, save.
    _open(page, "Recap", timings)
    expect(page.get_by_role("combobox", name="Report")).to_have_value(re.compile(REPORT))
    notes = page.get_by_label("Your notes")
    notes.fill(NOTES)
    notes.press("Control+Enter")
    page.get_by_role("button", name="Draft recap").click()
    expect(page.get_by_text("Notes saved")).to_be_visible()
    grid = page.get_by_test_id("stDataFrame").last
    expect(grid.locator("td", has_text=re.compile(r"^Send the rollout plan"))).to_have_count(1)
    expect(grid.locator("td", has_text="⚠ vague date")).to_have_count(1)
    _no_exception(page, "recap draft")
    _shot(page, "02-recap-draft", grid)

    # The first item's owner (Keep, Task, Owner): open the Owner cell's dropdown, pick someone.
    _idle(page)
    _pick_in_grid(page, grid, row=0, right=2, option=NEW_OWNER)
    expect(grid.locator("td", has_text=NEW_OWNER)).to_have_count(1)
    _idle(page)
    page.get_by_role("button", name="Save recap and action items").click()
    expect(page.get_by_text(re.compile(r"Recap saved with \d+ action items"))).to_be_visible()
    _no_exception(page, "recap save")
    _shot(page, "03-recap-saved", page.get_by_text(re.compile("Recap saved with")))
    owners = _owners_in_db(data_dir)
    assert owners.get("Send the rollout plan to Hana") == NEW_OWNER, owners

    # (c) Prepare the next 1:1 with the same report: the new action items are sub-points of
    # the one review item, which comes after the check-in and their own topics.
    _open(page, "Prepare", timings)
    expect(page.get_by_role("combobox", name="Report")).to_have_value(re.compile(REPORT))
    page.get_by_role("button", name="Draft agenda").click()
    rows = _agenda_rows(page)
    review = [n for n, row in enumerate(rows) if "task_alt open action item" in row]
    assert len(review) == 1, rows
    for task in ("rollout plan", "finance"):
        assert re.search(task, rows[review[0]], re.I), rows[review[0]]
    assert all("their topic" in row for row in rows[1 : review[0]]), rows
    _no_exception(page, "prepare")
    _shot(page, "04-prepare", page.locator(ROWS).nth(review[0]))

    # (d) Feedback: a description gives question-based openers.
    _open(page, "Feedback", timings)
    what = page.get_by_label("What happened")
    what.fill("In Tuesday's demo she walked the clinic through the new import flow step by step.")
    what.press("Control+Enter")
    page.get_by_role("button", name="Draft feedback").click()
    expect(page.get_by_text("Open with a question")).to_be_visible()
    openers = page.get_by_test_id("stMarkdownContainer").filter(has=page.locator("ol")).first
    assert openers.locator("li").count() >= 3
    _no_exception(page, "feedback")
    _shot(page, "05-feedback", page.get_by_text("Open with a question"))

    for number, title in enumerate(("Action items", "Knowledge", "Settings"), start=6):
        _open(page, title, timings)
        _no_exception(page, title)
        _shot(page, f"0{number}-{title.lower().replace(' ', '-')}")

    # A narrow window (phone-sized): the Team page still renders without errors.
    page.set_viewport_size({"width": 420, "height": 800})
    page.goto(url)
    expect(page.get_by_role("heading", name="Team", exact=True)).to_be_visible()
    expect(page.get_by_text("Cadence health")).to_be_visible()
    _no_exception(page, "narrow team")
    _shot(page, "09-team-narrow")
    (ARTIFACTS / "timings.json").write_text(
        json.dumps({"first_render_ms": timings}, indent=2) + "\n", encoding="utf-8"
    )


def _owners_in_db(data_dir: Path) -> dict[str, str]:
    import sqlite3

    with sqlite3.connect(data_dir / "coach.db") as db:
        rows = db.execute(
            "SELECT task, owner_name FROM action_items"
            " WHERE created_at >= datetime('now', '-1 hour')"
        ).fetchall()
    return {task: owner for task, owner in rows}


def test_prepare_and_feedback_use_the_configured_model_in_a_real_browser(
    page: Any, tmp_path: Path
) -> None:
    """With a model set on the Settings page, Prepare and Feedback draft with it (badge), and
    fall back to the built-in draft with a notice when the server fails."""
    from assistant.config import LLMProvider
    from assistant.config.saved import save_user_settings
    from tests.support.fake_openai import FakeOpenAIServer, Respond
    from tests.support.llm_answers import answer_each_job

    data_dir = tmp_path / "data"
    with FakeOpenAIServer(default=Respond.call(answer_each_job)) as server:
        save_user_settings(
            data_dir,
            provider=LLMProvider.OPENAI_COMPATIBLE,
            model="fake-model",
            base_url=server.base_url,
            redact=True,
        )
        with _streamlit(data_dir, tmp_path / "streamlit.log", seed_demo=True) as url:
            page.set_viewport_size({"width": 1280, "height": 800})
            page.goto(url)
            expect(page.get_by_text("Drafts refined by")).to_be_visible()
            timings: dict[str, float] = {}

            _open(page, "Prepare", timings)
            page.get_by_role("button", name="Draft agenda").click()
            expect(page.get_by_text("Drafted by: llm:fake-model")).to_be_visible()
            assert any("agenda" in r.prompt_text.lower() for r in server.chat_requests)
            _no_exception(page, "prepare with model")
            _shot(page, "10-prepare-model")

            _open(page, "Feedback", timings)
            what = page.get_by_label("What happened")
            what.fill("In Tuesday's demo she walked the clinic through the import flow.")
            what.press("Control+Enter")
            page.get_by_role("button", name="Draft feedback").click()
            expect(page.get_by_text("Drafted by: llm:fake-model")).to_be_visible()
            _no_exception(page, "feedback with model")
            _shot(page, "11-feedback-model")

            server.default = Respond.server_error()
            asked = len(server.chat_requests)
            page.get_by_role("button", name="Draft feedback").click()
            expect(page.get_by_text("showing the built-in wording")).to_be_visible()
            expect(page.get_by_text("Drafted by: built-in engine")).to_be_visible()
            assert len(server.chat_requests) > asked

            _open(page, "Prepare", timings)
            page.get_by_role("button", name=re.compile("Draft (agenda|again)")).click()
            expect(page.get_by_text("showing the built-in agenda")).to_be_visible()
            _no_exception(page, "prepare fallback")
            _shot(page, "12-prepare-fallback")


def _pick_report(page: Any, name: str) -> None:
    page.get_by_role("combobox", name="Report").click()
    page.get_by_role("option", name=re.compile(name)).click()
    _idle(page)


def _meeting_lengths(data_dir: Path, report_name: str) -> dict[str, int]:
    import sqlite3

    with sqlite3.connect(data_dir / "coach.db") as db:
        rows = db.execute(
            "SELECT m.scheduled_at, m.duration_minutes FROM meetings m"
            " JOIN reports r ON r.id = m.report_id"
            " WHERE r.name = ? AND m.agenda_approved_at IS NOT NULL",
            (report_name,),
        ).fetchall()
    return {str(when): int(minutes) for when, minutes in rows}


def test_clicks_from_opening_the_app_to_a_saved_agenda(
    page: Any, app_url: tuple[str, Path]
) -> None:
    """Open the app, then: Prepare, Draft agenda, Save agenda (the report picked last, or the
    first one, is preselected; picking another adds two clicks)."""
    url, _ = app_url
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url)
    expect(page.get_by_role("heading", name="Team", exact=True)).to_be_visible()
    _idle(page)
    clicks = 0
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Prepare", exact=True).click()
    clicks += 1
    expect(page.get_by_role("heading", name="Prepare", exact=True)).to_be_visible()
    page.get_by_role("button", name="Draft agenda").click()
    clicks += 1
    _agenda_rows(page)
    page.get_by_role("button", name="Save agenda").click()
    clicks += 1
    expect(page.get_by_text(re.compile(r"^Saved \d+ items"))).to_be_visible()
    _no_exception(page, "saved agenda")
    _shot(page, "20-agenda-saved-in-3-clicks", page.get_by_text(re.compile(r"^Saved \d+ items")))
    assert clicks == 3
    (ARTIFACTS / "clicks.json").write_text(
        json.dumps({"open_app_to_saved_agenda": clicks}, indent=2) + "\n", encoding="utf-8"
    )


def test_agenda_edit_save_and_reopen_in_a_real_browser(
    page: Any, app_url: tuple[str, Path]
) -> None:
    url, data_dir = app_url
    who = "Tomás Ferreira"  # 45-minute 1:1s, two topics of his own, four open action items
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url)
    expect(page.get_by_role("heading", name="Team", exact=True)).to_be_visible()
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Prepare", exact=True).click()
    expect(page.get_by_role("heading", name="Prepare", exact=True)).to_be_visible()
    _pick_report(page, who)
    page.get_by_role("button", name="Draft agenda").click()
    rows = _agenda_rows(page)
    assert len(rows) <= 10, rows  # a focused 45-minute agenda
    assert (
        rows[0].startswith("1. Check in") and "their topic" in rows[1] and "their topic" in rows[2]
    )
    assert "task_alt open action item" in rows[3]
    assert sum("task_alt open action item" in r for r in rows) == 1
    assert page.get_by_text(re.compile(r"45 of 45 minutes")).is_visible()  # above the list
    _no_exception(page, "agenda drafted")
    _shot(page, "21-prepare-draft")

    # Why the review is there: one click on its info button.
    _idle(page)
    why = page.locator(ROWS).nth(3).locator('[data-testid="stPopover"] button').first
    for _ in range(3):  # the first click can land while the list is still being redrawn
        why.click()
        try:
            expect(page.get_by_test_id("stPopoverBody")).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            _idle(page)
    expect(page.get_by_test_id("stPopoverBody").get_by_text("Why:")).to_be_visible()
    _shot(page, "22-prepare-why-popover")
    page.keyboard.press("Escape")
    _idle(page)

    # Edit like a checklist: move, remove, retime, add.
    _row_button(page, 0, "down").click()
    expect(page.locator(ROWS).nth(1)).to_contain_text("2. Check in")
    _idle(page)
    dropped = " ".join(page.locator(ROWS).nth(len(rows) - 2).inner_text().split()[1:4])
    _row_button(page, len(rows) - 2, "remove").click()
    expect(page.locator(ROWS)).to_have_count(len(rows) - 1)
    _idle(page)
    minutes = page.locator(ROWS).nth(1).locator('[class*="st-key-agenda_min_"] input').first
    minutes.fill("15")
    minutes.press("Enter")
    _idle(page)
    expect(minutes).to_have_value("15")
    expect(page.get_by_text(re.compile(r"\d+ over"))).to_be_visible()
    page.get_by_text("Add an item", exact=True).click()
    title = page.get_by_label("An item of yours")
    expect(title).to_be_visible()
    title.fill("Offsite dates with Zoë and Łukasz")
    title.press("Enter")
    _idle(page)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(ROWS, has_text="Offsite dates with Zoë and Łukasz")).to_have_count(1)
    edited = _agenda_rows(page)
    assert not any(dropped in r for r in edited), dropped
    assert edited[0].startswith("1. ") and rows[1].split(" ", 1)[1] in edited[0]
    assert edited[1].startswith("2. Check in")
    assert any("Offsite dates with Zoë and Łukasz" in r for r in edited)
    assert edited[-1].startswith(f"{len(edited)}. Wrap up")  # numbering stays 1..n
    expect(page.get_by_text(re.compile(r"\d+ over"))).to_be_visible()  # above the list
    _no_exception(page, "agenda edited")
    _shot(page, "23-prepare-edited", page.get_by_text(re.compile(r"\d+ over")))

    before = _meeting_lengths(data_dir, who)
    page.get_by_role("button", name="Save agenda").click()
    saved = page.get_by_text(re.compile(r"^Saved \d+ items"))
    expect(saved).to_be_visible()
    assert "stays 45 minutes long" in saved.inner_text()
    _shot(page, "24-prepare-saved", saved)
    lengths = _meeting_lengths(data_dir, who)
    assert lengths and set(lengths.values()) == {45} and len(lengths) >= len(before)

    # Reopen in a new session: the same items in the same order.
    page.goto(url)
    expect(page.get_by_role("heading", name="Team", exact=True)).to_be_visible()
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Prepare", exact=True).click()
    expect(page.get_by_role("heading", name="Prepare", exact=True)).to_be_visible()
    _pick_report(page, who)
    page.get_by_role("button", name="Open saved agenda").click()
    expect(page.get_by_text("Loaded from your saved version")).to_be_visible()
    expect(page.locator(ROWS)).to_have_count(len(edited))
    assert _agenda_rows(page) == edited
    _no_exception(page, "agenda reopened")
    _shot(page, "25-prepare-reopened")


def test_feedback_third_person_praise_log_and_wording_check_in_a_real_browser(
    page: Any, app_url: tuple[str, Path]
) -> None:
    url, _ = app_url
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url)
    expect(page.get_by_role("heading", name="Team", exact=True)).to_be_visible()
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Feedback", exact=True).click()
    expect(page.get_by_role("heading", name="Feedback", exact=True)).to_be_visible()
    _pick_report(page, "Tomás Ferreira")
    what = page.get_by_label("What happened")
    what.fill(
        "He was great in the incident review last week: he walked the team through the timeline"
    )
    what.press("Control+Enter")
    page.get_by_role("button", name="Draft feedback").click()
    expect(page.get_by_text("Open with a question")).to_be_visible()
    statement = page.get_by_label("Statement").input_value()
    assert statement.startswith(
        "In the incident review last week, you walked the team through the timeline."
    ), statement
    assert " he " not in statement and "your goal" not in statement
    _no_exception(page, "third-person praise")
    _shot(page, "30-feedback-third-person")

    # The log tab starts from the drafted wording; the balance line counts it at once.
    balance = page.get_by_text(re.compile("Last 90 days with Tomás"))
    counts = re.search(r"(\d+) praise : (\d+) constructive", balance.inner_text())
    assert counts is not None
    page.get_by_role("tab", name="Log delivered feedback").click()
    expect(page.get_by_label("What you said")).to_have_value(statement)  # filled as the tab draws
    page.get_by_role("button", name="Log praise").click()
    expect(page.get_by_text(re.compile("^Logged praise for Tomás Ferreira"))).to_be_visible()
    after = re.search(r"(\d+) praise : (\d+) constructive", balance.inner_text())
    assert after is not None and int(after.group(1)) == int(counts.group(1)) + 1
    _idle(page)
    expect(page.get_by_label("What you said")).to_have_value("")  # not offered twice
    _shot(page, "31-feedback-logged")

    # The wording check: generic praise, "but" softening criticism, an absolute.
    page.get_by_text("Constructive", exact=True).first.click()
    # Wait for the server's rerun with the new kind (the log button is drawn from it); checking
    # the wording before then judges the text as praise.
    expect(page.get_by_role("radio", name="Constructive")).to_be_checked()
    expect(page.get_by_role("button", name="Log constructive")).to_be_visible()
    _idle(page)
    page.get_by_role("tab", name="Check my wording").click()
    own = page.get_by_label("Your wording")
    own.fill(
        "Good job on the demo. The report was late, but the analysis was great. "
        "You never update the tickets."
    )
    own.press("Control+Enter")
    page.get_by_role("button", name="Check wording").click()
    for label in ("Generic praise", "“But” softens the criticism", "Absolute (always/never)"):
        expect(page.get_by_text(label).first).to_be_visible()
    _no_exception(page, "wording check")
    _shot(page, "32-wording-check")
