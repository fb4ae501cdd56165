"""Team mode end to end, as a company would run it: `coach ui --secrets` in team mode over
PostgreSQL and a `chroma run` server, sign-in through a real OpenID Connect provider
(`oidc-provider-mock`, run as a local server) and headless Chromium with one browser context
per person. (Without a PostgreSQL server on the machine the database falls back to SQLite with
COACH_TEAM_ALLOW_LOCAL_STORAGE=true; CI always has one.)

The team is set up with the real CLI: `coach init --manager --email`, `coach report add
--email` (Zoë and 王伟), `coach meeting schedule`, `coach recap --save`. The manager's private
notes are then written straight into the database, as markers that must never reach a report.

Walked through: the report adds and orders her topics -> the manager's draft leads with them,
marked as hers with who and when; sharing the agenda and a recap (nothing before); the report
closes an action item with a comment -> the manager sees it, and the Activity page and the
audit_events table hold the sign-ins and changes; then every manager page URL and query
parameter tricks with the report's session, and an unknown identity that sees only the polite
page. Screenshots go to test-artifacts/e2e/team-*.png.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import secrets
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from assistant.paths import PROJECT_ROOT
from tests.e2e.test_browser import (
    ARTIFACTS,
    BIN,
    CHROMIUM,
    CHROMIUM_ARGS,
    WAIT_MS,
    _agenda_rows,
    _free_port,
    _idle,
    _no_exception,
    _server_traceback,
    _tall_shot,
    expect,
    sync_api,
)

pytestmark = pytest.mark.slow

MANAGER = ("dana", "dana@example.com", "Dana Reyes")
REPORT = ("zoe", "zoe@example.com", "Zoë Ferreira")
OTHER = ("wang", "wang.wei@example.com", "王伟")
STRANGER = ("stranger", "stranger@example.com", "Sam Outsider")
TOPICS = ("Moving to the platform team", "Zoë's on-call handover")  # added in this order
OTHER_TOPIC = "签证材料 for the Berlin move"
OTHER_TASK = "Migrate the billing cron"
# Written by the manager only; no report may ever see them.
PRIVATE_ABOUT_REPORT = "PRIVATE-ZOE: promotion packet is not ready"
PRIVATE_ABOUT_OTHER = "PRIVATE-WANG: asked about a transfer"
PRIVATE_MEETING = "PRIVATE-MEETING: discuss the late pager handover"
REPORT_NOTES = "- Zoë shipped the export fix\n- Zoë to write the on-call runbook by Friday\n"
OTHER_NOTES = "- 王伟 to migrate the billing cron by Friday\n"
RECAP_NOTES = (
    "- Zoë walked through the incident timeline, clear and calm\n"
    "- Zoë to draft the postmortem by Thursday\n"
)
COMMENT = "First draft is in the wiki; Łukasz reviewed it"
ASK_TO_BE_ADDED = "Ask your manager to add you with this e-mail address"  # the polite page
POSTMORTEM = "Draft the postmortem"  # her action item from the recap the manager saves
# The manager's pages by url path (ui/app.py PAGES; Team is the default page, "").
MANAGER_PATHS = (
    "",
    "person",
    "prepare",
    "recap",
    "action_items",
    "feedback",
    "coaching",
    "knowledge",
    "settings",
    "activity",
)
REPORT_HEADINGS = {
    "my_one_on_one": "Your next 1:1",
    "my_action_items": "Your action items",
    "my_recaps": "Shared recaps",
}
REPORT_PATHS = tuple(REPORT_HEADINGS)


@dataclass
class Team:
    url: str
    database_url: str
    other_report_id: int
    other_meeting_id: int
    other_item_id: int


def _wait_http(url: str, proc: subprocess.Popen[bytes], log: Path, what: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url, timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start; see {log}")
        time.sleep(0.2)


@contextmanager
def _process(cmd: list[str], log: Path, env: dict[str, str] | None = None) -> Iterator[Any]:
    with log.open("wb") as out:
        proc = subprocess.Popen(
            cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=PROJECT_ROOT
        )
        try:
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@contextmanager
def _database(postgres_url: str | None, folder: Path) -> Iterator[tuple[str, bool]]:
    """A fresh PostgreSQL database (or, with no server, a SQLite file): (url, is_local)."""
    if postgres_url is None:
        yield f"sqlite:///{folder / 'coach.db'}", True
        return
    name = f"coach_e2e_team_{os.getpid()}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            conn.execute(text(f"CREATE DATABASE {name}"))
        yield make_url(postgres_url).set(database=name).render_as_string(False), False
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    finally:
        admin.dispose()


def _coach(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [str(BIN / "coach"), *args], env=env, cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, f"coach {' '.join(args)}: {done.stdout}{done.stderr}"
    return done.stdout


def _set_up_team(env: dict[str, str], folder: Path, database_url: str) -> tuple[int, int, int]:
    """The team through the real CLI; the manager's private notes straight into the database.
    Returns the other report's id, next meeting id and open item id (for the URL tricks)."""
    today = dt.datetime.now(dt.UTC).date()
    soon, before = today + dt.timedelta(days=2), today - dt.timedelta(days=7)
    _coach(env, "init", "--manager", MANAGER[2], "--email", MANAGER[1])
    # The search index on the Chroma server is built once (guidance embedded), meanwhile the
    # team is added.
    with _process([str(BIN / "coach"), "index"], folder / "index.log", env) as index:
        _coach(env, "report", "add", REPORT[2], "--email", REPORT[1])
        _coach(env, "report", "add", OTHER[2], "--email", OTHER[1])
        _coach(env, "meeting", "schedule", REPORT[2], "--at", f"{soon} 10:00")
        _coach(env, "meeting", "schedule", OTHER[2], "--at", f"{soon} 11:00")
        assert index.wait(timeout=120) == 0, (folder / "index.log").read_text()
    # Their last 1:1s: action items, and recaps saved but never shared.
    for name, notes in ((REPORT[2], REPORT_NOTES), (OTHER[2], OTHER_NOTES)):
        path = folder / f"notes-{len(notes)}.md"
        path.write_text(notes, encoding="utf-8")
        _coach(env, "recap", "--file", str(path), "--date", str(before), "--report", name, "--save")
    engine = create_engine(database_url)
    try:
        with engine.begin() as db:
            for name, note in ((REPORT[2], PRIVATE_ABOUT_REPORT), (OTHER[2], PRIVATE_ABOUT_OTHER)):
                db.execute(
                    text("UPDATE reports SET private_notes = :n WHERE name = :r"),
                    {"n": note, "r": name},
                )
            db.execute(
                text(
                    "UPDATE meetings SET private_notes = :n WHERE report_id ="
                    " (SELECT id FROM reports WHERE name = :r)"
                ),
                {"n": PRIVATE_MEETING, "r": REPORT[2]},
            )
            other = db.execute(
                text("SELECT id FROM reports WHERE name = :r"), {"r": OTHER[2]}
            ).scalar_one()
            meeting = db.execute(
                text("SELECT id FROM meetings WHERE report_id = :r AND status = 'scheduled'"),
                {"r": other},
            ).scalar_one()
            item = db.execute(
                text("SELECT id FROM action_items WHERE report_id = :r"), {"r": other}
            ).scalar_one()
    finally:
        engine.dispose()
    return int(other), int(meeting), int(item)


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory, postgres_url: str | None) -> Iterator[Team]:
    folder = tmp_path_factory.mktemp("e2e-team")
    app_port, oidc_port, chroma_port = _free_port(), _free_port(), _free_port()
    with ExitStack() as stack:
        database_url, local = stack.enter_context(_database(postgres_url, folder))
        chroma = stack.enter_context(
            _process(
                [
                    str(BIN / "chroma"),
                    "run",
                    "--path",
                    str(folder / "chroma"),
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(chroma_port),
                ],
                folder / "chroma.log",
            )
        )
        oidc_cmd = [str(BIN / "oidc-provider-mock"), "-p", str(oidc_port)]
        for sub, email, name in (MANAGER, REPORT, OTHER, STRANGER):
            oidc_cmd += ["--user-claims", json.dumps({"sub": sub, "email": email, "name": name})]
        oidc = stack.enter_context(_process(oidc_cmd, folder / "oidc.log"))
        secrets_file = folder / "secrets.toml"
        secrets_file.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_hex(32)}"\n'
            'client_id = "coach-e2e"\n'
            f'client_secret = "{secrets.token_hex(16)}"\n'
            f'server_metadata_url = "http://127.0.0.1:{oidc_port}/.well-known/openid-configuration"\n',
            encoding="utf-8",
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "PYTEST_"))}
        env |= {
            "COACH_MODE": "team",
            "COACH_DATA_DIR": str(folder / "data"),
            "COACH_DATABASE_URL": database_url,
            "COACH_CHROMA_HOST": "127.0.0.1",
            "COACH_CHROMA_PORT": str(chroma_port),
            "COACH_TIME_ZONE": "UTC",
            "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
        }
        if local:
            env["COACH_TEAM_ALLOW_LOCAL_STORAGE"] = "true"
        _wait_http(
            f"http://127.0.0.1:{chroma_port}/api/v2/heartbeat",
            chroma,
            folder / "chroma.log",
            "chroma",
        )
        other_ids = _set_up_team(env, folder, database_url)
        _wait_http(
            f"http://127.0.0.1:{oidc_port}/.well-known/openid-configuration",
            oidc,
            folder / "oidc.log",
            "the OpenID Connect provider",
        )
        app_log = folder / "app.log"
        app = stack.enter_context(
            _process(
                [str(BIN / "coach"), "ui", "--port", str(app_port), "--secrets", str(secrets_file)],
                app_log,
                env,
            )
        )
        url = f"http://127.0.0.1:{app_port}"
        _wait_http(f"{url}/_stcore/health", app, app_log, "coach ui")
        yield Team(url, database_url, *other_ids)
    crash = _server_traceback(app_log)
    assert not crash, f"the app server logged an exception:\n{crash}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


def _person(browser: Any) -> Any:
    """A new browser context (its own cookies: one person) with one tab."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    # The provider's page links a stylesheet on a CDN; offline, don't wait for it.
    context.route(re.compile(r"^https://cdn\.jsdelivr\.net/"), lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    return page


def _sign_in(page: Any, url: str, subject: str) -> None:
    """Through the real flow: the app's Sign in button -> the provider's authorize page ->
    pick the predefined user -> back on the app with Streamlit's identity cookie."""
    page.goto(url)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Authorize Client")).to_be_visible()
    page.get_by_role("button", name=subject, exact=True).click()
    expect(page.get_by_role("button", name="Sign out").first).to_be_visible()
    _idle(page)


def _open(page: Any, title: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
    _idle(page)


def _goto(page: Any, url: str, heading: str, *, last: str | None = None) -> str:
    """Type a URL; wait until the page Streamlit chose has rendered (its heading and, when
    given, the text of its last element, since under load the run can still be drawing
    after the heading shows); its visible text."""
    page.goto(url)
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    if last is not None:
        expect(page.get_by_text(last, exact=False).first).to_be_visible()
    _idle(page)
    page.wait_for_timeout(300)  # the rest of the run's elements after the title
    _idle(page)
    return str(page.locator("body").inner_text())


def _shot(page: Any, name: str, *, tall: int | None = None) -> None:
    _tall_shot(page, ARTIFACTS / f"team-{name}.png", tall, height_after=900)


def _pick_report(page: Any, name: str) -> None:
    page.get_by_role("combobox", name="Report").click()
    page.get_by_role("option", name=re.compile(re.escape(name))).click()
    _idle(page)
    expect(page.get_by_role("combobox", name="Report")).to_have_value(re.compile(re.escape(name)))


def _audit(database_url: str) -> list[tuple[str, str]]:
    engine = create_engine(database_url)
    try:
        with engine.connect() as db:
            rows = db.execute(text("SELECT actor_name, action FROM audit_events ORDER BY id"))
            return [(str(who), str(what)) for who, what in rows]
    finally:
        engine.dispose()


def _day(when: dt.datetime) -> str:
    return f"{when:%a %d %b}"


def test_team_mode_sign_in_report_side_sharing_and_isolation_in_a_real_browser(
    team: Team, browser: Any
) -> None:
    url = team.url

    # Nobody signed in: every URL is the sign-in page.
    anonymous = _person(browser)
    for path in ("", "prepare", "my_one_on_one"):
        shown = _goto(anonymous, f"{url}/{path}", "1:1 Coach", last="Sign in with your work")
        assert "Sign in with your work account" in shown and REPORT[2] not in shown, path

    # (a) The report signs in, sees her next 1:1, adds two topics and puts the second first.
    zoe = _person(browser)
    _sign_in(zoe, url, REPORT[0])
    expect(zoe.get_by_role("heading", name="Your next 1:1")).to_be_visible()
    expect(zoe.get_by_text(f"With {MANAGER[2]}")).to_be_visible()
    expect(zoe.get_by_text("Dana has not shared the agenda yet")).to_be_visible()
    for topic in TOPICS:
        zoe.get_by_label("Add a topic").fill(topic)
        zoe.get_by_role("button", name="Add topic").click()
        expect(zoe.get_by_text(f"Added: {topic}")).to_be_visible()
        _idle(zoe)
    added = dt.datetime.now(dt.UTC)
    zoe.locator('[class*="st-key-my_topic_up_"]').nth(1).locator("button").first.click()
    expect(zoe.get_by_text("Order saved.")).to_be_visible()
    _idle(zoe)
    expect(zoe.get_by_text(f"1. {TOPICS[1]}")).to_be_visible()
    expect(zoe.get_by_text(f"2. {TOPICS[0]}")).to_be_visible()
    expect(zoe.get_by_text(f"added by {REPORT[2]} · {_day(added)}").first).to_be_visible()
    _no_exception(zoe, "report topics")
    _shot(zoe, "01-report-next-one-on-one-topics")

    # Before anything is shared: no recap (and no agenda, above).
    _open(zoe, "Shared recaps")
    expect(zoe.get_by_text("No recap shared yet.")).to_be_visible()
    _shot(zoe, "02-report-nothing-shared-yet")

    # The other report signs in too (his own context) and adds a topic of his own.
    wang = _person(browser)
    _sign_in(wang, url, OTHER[0])
    expect(wang.get_by_role("heading", name="Your next 1:1")).to_be_visible()
    wang.get_by_label("Add a topic").fill(OTHER_TOPIC)
    wang.get_by_role("button", name="Add topic").click()
    expect(wang.get_by_text(f"Added: {OTHER_TOPIC}")).to_be_visible()
    shown = wang.locator("body").inner_text()
    assert not any(t in shown for t in (*TOPICS, REPORT[2])), shown

    # The manager signs in (another context): Prepare shows her topics with who and when, and
    # the draft leads with them right after the check-in, marked as hers.
    dana = _person(browser)
    _sign_in(dana, url, MANAGER[0])
    expect(dana.get_by_role("heading", name="Team", exact=True)).to_be_visible()
    _open(dana, "Prepare")
    _pick_report(dana, REPORT[2])
    theirs = dana.locator('[class*="st-key-prepare_their_topics"]')
    # In her order (a Markdown numbered list: the numbers are drawn by the browser).
    expect(theirs).to_contain_text(re.compile(rf"{re.escape(TOPICS[1])}.*{TOPICS[0]}", re.S))
    expect(theirs).to_contain_text(f"added by {REPORT[2]} · {_day(added)}")
    assert OTHER_TOPIC not in theirs.inner_text()
    dana.get_by_role("button", name="Draft agenda").click()
    rows = _agenda_rows(dana)
    assert rows[0].startswith("1. Check in with Zoë"), rows
    for number, topic in enumerate((TOPICS[1], TOPICS[0]), start=2):
        row = rows[number - 1]
        assert row.startswith(f"{number}. Zoë's topic: {topic}"), rows
        assert "their topic" in row and f"Added by {REPORT[2]}, {_day(added)}" in row, row
    assert not any(OTHER_TOPIC in row for row in rows), rows
    _no_exception(dana, "prepare")
    _shot(dana, "03-manager-prepare-their-topics", tall=1500)

    # (b) Sharing is explicit: what is saved stays the manager's until it is shared.
    dana.get_by_role("button", name="Save agenda").click()
    share = dana.get_by_role("button", name="Share the agenda with Zoë")
    expect(share).to_be_visible()
    _goto(zoe, f"{url}/my_one_on_one", "Your next 1:1")
    expect(zoe.get_by_text("Dana has not shared the agenda yet")).to_be_visible()
    share.click()
    expect(dana.get_by_text(re.compile(rf"Shared with Zoë by {MANAGER[2]}"))).to_be_visible()
    _idle(dana)

    _open(dana, "Recap")
    _pick_report(dana, REPORT[2])
    notes = dana.get_by_label("Your notes")
    notes.fill(RECAP_NOTES)
    notes.press("Control+Enter")
    dana.get_by_role("button", name="Draft recap").click()
    expect(dana.get_by_text("Notes saved")).to_be_visible()
    _idle(dana)
    dana.get_by_role("button", name="Save recap and action items").click()
    expect(dana.get_by_text(re.compile(r"Recap saved with \d+ action item"))).to_be_visible()
    share = dana.get_by_role("button", name="Share the recap with Zoë")
    expect(share).to_be_visible()

    shown = _goto(zoe, f"{url}/my_one_on_one", "Your next 1:1", last=f"Shared by {MANAGER[2]}")
    agenda = zoe.locator('[class*="st-key-my_agenda"]')
    expect(agenda).to_contain_text(TOPICS[1])
    expect(agenda).to_contain_text("Check in with Zoë")
    assert f"Shared by {MANAGER[2]}" in shown, shown
    _shot(zoe, "04-report-shared-agenda", tall=1400)
    _goto(zoe, f"{url}/my_recaps", "Shared recaps")
    expect(zoe.get_by_text("No recap shared yet.")).to_be_visible()  # saved, not shared

    share.click()
    expect(dana.get_by_text(re.compile(rf"Shared with Zoë by {MANAGER[2]}"))).to_be_visible()
    _no_exception(dana, "recap shared")
    # Under load the page can still be drawing after its heading: wait for the recap itself.
    shown = _goto(zoe, f"{url}/my_recaps", "Shared recaps", last="draft the postmortem")
    today = dt.datetime.now(dt.UTC)
    assert f"1:1 of {today:%A %d %B %Y}" in shown, shown
    assert shown.count("1:1 of ") == 1, shown
    _shot(zoe, "05-report-shared-recap")

    # (c) The report closes one of her action items with a comment.
    _open(zoe, "Your action items")
    item = zoe.locator('[class*="st-key-my_item_"]').filter(has_text=POSTMORTEM).first
    expect(item).to_be_visible()
    comment = item.get_by_label("Comment")
    comment.fill(COMMENT)
    comment.press("Enter")
    _idle(zoe)
    item.get_by_role("button", name="Add comment").click()
    expect(zoe.get_by_text("Comment added.")).to_be_visible()
    _idle(zoe)
    item = zoe.locator('[class*="st-key-my_item_"]').filter(has_text=POSTMORTEM).first
    expect(item).to_contain_text(COMMENT)
    item.get_by_role("button", name="Mark done").click()
    expect(zoe.get_by_text(f"Done: {POSTMORTEM}")).to_be_visible()
    _idle(zoe)
    zoe.get_by_text("1 done").click()
    expect(zoe.get_by_text(re.compile(rf"done by {REPORT[2]}"))).to_be_visible()
    assert OTHER_TASK not in zoe.locator("body").inner_text()
    _no_exception(zoe, "report action items")
    zoe.wait_for_timeout(500)  # the expander opens with an animation
    _shot(zoe, "06-report-action-items", tall=1200)

    # The manager sees it done, and the comment, and the whole trail on Activity.
    _open(dana, "Action items")
    dana.locator('[class*="st-key-items_status"]').get_by_text("Done", exact=True).click()
    _idle(dana)
    grid = dana.get_by_test_id("stDataFrame").first
    expect(grid.locator("td", has_text=POSTMORTEM)).to_have_count(1)
    _shot(dana, "07-manager-action-items-done")
    _open(dana, "Activity")
    grid = dana.get_by_test_id("stDataFrame").first
    for what in (
        "signed in",
        "added a topic",
        "reordered their topics",
        "shared the agenda",
        "shared the recap",
        "marked an action item done",
        "commented on an action item",
    ):
        expect(grid.locator("td", has_text=what).first).to_be_attached()  # the grid's a11y table
    expect(grid.locator("td", has_text=COMMENT)).to_have_count(1)
    _no_exception(dana, "activity")
    _shot(dana, "08-manager-activity", tall=1200)
    trail = _audit(team.database_url)
    for who, what in (
        (REPORT[2], "signed_in"),
        (MANAGER[2], "signed_in"),
        (REPORT[2], "topic_added"),
        (REPORT[2], "topics_reordered"),
        (MANAGER[2], "agenda_shared"),
        (MANAGER[2], "recap_shared"),
        (REPORT[2], "action_commented"),
        (REPORT[2], "action_done"),
    ):
        assert (who, what) in trail, trail

    # (d) With the report's session: every manager page URL and query-parameter tricks show
    # her own pages only, never the manager's pages, private notes or the other report.
    never = (
        OTHER[2],
        OTHER_TOPIC,
        OTHER_TASK,
        PRIVATE_ABOUT_REPORT,
        PRIVATE_ABOUT_OTHER,
        PRIVATE_MEETING,
        "Cadence health",
        "Draft agenda",
        "Activity",
    )
    tricks = [f"{url}/{path}" for path in MANAGER_PATHS]
    ids = f"report={team.other_report_id}&meeting={team.other_meeting_id}"
    tricks += [
        f"{url}/?{ids}&manager=1",
        f"{url}/person?report={team.other_report_id}",
        f"{url}/prepare?report={team.other_report_id}",
        f"{url}/my_one_on_one?{ids}",
        f"{url}/my_action_items?report={team.other_report_id}&item={team.other_item_id}",
        f"{url}/my_recaps?{ids}&manager=1",
    ]
    for address in tricks:
        path = address.removeprefix(url + "/").split("?")[0]
        shown = _goto(zoe, address, REPORT_HEADINGS.get(path, "Your next 1:1"))
        leaked = [marker for marker in never if marker in shown]
        assert not leaked, f"{address}: {leaked}\n{shown}"
        _no_exception(zoe, address)
        if address == f"{url}/prepare":
            _shot(zoe, "09-report-typed-prepare-url")  # served as her own page

    # An identity on no team: only the polite page, whatever the URL.
    stranger = _person(browser)
    _sign_in(stranger, url, STRANGER[0])
    outsider_never = (
        REPORT[2],
        OTHER[2],
        MANAGER[2],
        *TOPICS,
        OTHER_TOPIC,
        POSTMORTEM,
        "Cadence health",
    )
    for address in [
        url,
        f"{url}/prepare",
        f"{url}/activity",
        f"{url}/settings",
        f"{url}/my_one_on_one?{ids}",
        f"{url}/my_recaps",
        f"{url}/person?report={team.other_report_id}",
    ]:
        shown = _goto(stranger, address, "Welcome to 1:1 Coach", last=ASK_TO_BE_ADDED)
        assert ASK_TO_BE_ADDED in shown, shown
        assert STRANGER[1] in shown, shown
        leaked = [marker for marker in outsider_never if marker in shown]
        assert not leaked, f"{address}: {leaked}\n{shown}"
        expect(stranger.get_by_test_id("stSidebarNav")).to_have_count(0)
    _shot(stranger, "10-unknown-identity")
    assert (STRANGER[2], "signed_in") in _audit(team.database_url)
