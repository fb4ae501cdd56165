"""A person's page: every 1:1 (plan, cancel, reschedule, skip; agenda, recap, notes), action items
both ways, feedback, goals, talk time and their profile. The person is in the URL
(`?report=ID`), so a link opens them directly."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from assistant.db.models import Report
from assistant.errors import CoachError
from assistant.team.calendar import file_slug, ics_filename
from ui import times
from ui.components import require_reports
from ui.person_meetings import meetings_tab, next_planned
from ui.person_records import actions_tab, feedback_tab, goals_tab
from ui.report_form import FORMAT_LABELS, STYLE_LABELS, report_form
from ui.state import get_services, require_manager
from ui.talk_panel import talk_panel
from ui.team_panels import activity_table, report_email_form

PICK = "person_pick"
SEEN = "person_query_seen"  # the ?report= value already applied to the picker

manager = require_manager()
svc = get_services()
everyone = svc.team.reports(manager.id, include_archived=True)
require_reports(everyone)
by_id = {r.id: r for r in everyone}


def _from_url() -> None:
    """A link (?report=ID) picks the person once; after that the picker leads."""
    wanted = st.query_params.get("report", "")
    if wanted and wanted != st.session_state.get(SEEN):
        st.session_state[SEEN] = wanted
        if wanted.isdigit() and int(wanted) in by_id:
            st.session_state[PICK] = int(wanted)
    if st.session_state.get(PICK) not in by_id:
        remembered = st.session_state.get("last_report_id")
        active = [r.id for r in everyone if not r.archived] or list(by_id)
        st.session_state[PICK] = remembered if remembered in by_id else active[0]


_from_url()
heading, chooser = st.columns([3, 1], vertical_alignment="bottom")
picked = chooser.selectbox(
    "Person",
    list(by_id),
    format_func=lambda i: by_id[i].name + (" (archived)" if by_id[i].archived else ""),
    key=PICK,
)
st.query_params["report"] = str(picked)
st.session_state[SEEN] = str(picked)
st.session_state["last_report_id"] = picked
person: Report = by_id[picked]
record = svc.team.timeline(manager.id, person.id, today=times.today())

heading.title(person.name)
facts = [person.role] if person.role else []
facts.append(f"1:1 every {person.cadence_days} days, {person.meeting_minutes} min")
facts.append(FORMAT_LABELS[person.meeting_format].split(" (")[0].lower())
facts.append(f"feedback: {STYLE_LABELS[person.feedback_style].lower()}")
if person.start_date:
    facts.append(f"since {person.start_date:%d %b %Y}")
st.caption(" · ".join(facts) + (" · :gray-badge[archived]" if person.archived else ""))

flash = st.session_state.pop("person_flash", None)
if flash:
    st.success(flash, icon=":material/check_circle:")


def _go(page: str) -> None:
    st.session_state["last_report_id"] = person.id
    st.switch_page(page)


nxt = next_planned(record)


def _ics(series: bool) -> Callable[[], bytes]:
    """Built on click: drafting the agenda for the description takes a moment."""
    return lambda: svc.team.calendar(manager.id, person.id, series=series).content


c1, c2, c3, c4, c5 = st.columns(5)
if c1.button("Prepare next 1:1", key="person_prepare", icon=":material/event_note:"):
    _go("app_pages/prepare.py")
if c2.button("Recap a 1:1", key="person_recap", icon=":material/edit_note:"):
    _go("app_pages/recap.py")
for column, series in ((c3, False), (c4, True)):
    column.download_button(
        "Series (.ics)" if series else "Next 1:1 (.ics)",
        data=_ics(series),
        file_name=ics_filename(person.name, times.local(nxt).date(), series=series)
        if nxt
        else "1on1.ics",
        mime="text/calendar",
        key=f"person_ics_{'series' if series else 'next'}",
        icon=":material/calendar_month:",
        disabled=nxt is None,
        on_click="ignore",
        help="Every planned 1:1 with them, for your calendar"
        if series
        else "The next 1:1 with its agenda, for your calendar",
    )
c5.download_button(
    "Record (.md)",
    data=record.to_markdown(),
    file_name=f"1on1-{file_slug(person.name)}-record-{times.today().isoformat()}.md",
    mime="text/markdown",
    key="person_record_md",
    icon=":material/download:",
    on_click="ignore",
    help="A shareable copy of their timeline (no private notes)",
)
if nxt is None:
    st.caption("Schedule a 1:1 below to download it for your calendar.")

tabs = st.tabs(
    ["1:1s", "Action items", "Feedback", "Goals", "Talk time", "Profile"], key="person_tabs"
)
with tabs[0]:
    meetings_tab(manager.id, person, record)
with tabs[1]:
    actions_tab(manager.id, person, record)
with tabs[2]:
    feedback_tab(person, record)
with tabs[3]:
    goals_tab(manager.id, person, record)
with tabs[4]:
    talk_panel(manager, person, record)
with tabs[5]:
    st.caption("Their preferences tailor agendas and feedback drafts. Private notes stay with you.")

    def _saved(saved: Report) -> None:
        st.session_state["person_flash"] = f"{saved.name} updated."
        st.rerun()

    report_form(manager.id, "pf", person, _saved)
    report_email_form(manager.id, person)
    if person.archived:
        if st.button("Bring back to the team", key="person_unarchive", icon=":material/unarchive:"):
            svc.team.archive_report(manager.id, person.id, archived=False)
            st.session_state["person_flash"] = f"{person.name} is back on your team."
            st.rerun()
    else:
        with st.popover("Archive", icon=":material/archive:", key="person_archive_pop"):
            st.markdown(
                f"Archiving hides {person.name} from the Team page and pickers. Their history "
                "stays, and you can bring them back here."
            )
            if st.button(f"Archive {person.name}", key="person_archive", type="primary"):
                try:
                    svc.team.archive_report(manager.id, person.id)
                except CoachError as exc:
                    st.error(str(exc))
                else:
                    st.session_state["person_flash"] = f"{person.name} archived."
                    st.rerun()

if svc.settings.team_mode:
    with st.expander("Activity", icon=":material/history:", key="person_activity"):
        st.caption(f"What {person.name} did here and what you shared with them.")
        activity_table(svc.access.activity(manager.id, report_id=person.id), key="person_log")
