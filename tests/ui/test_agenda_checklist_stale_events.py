"""A browser can deliver a row's last event (its minutes box losing focus, a second click on
its buttons) after that row was removed: the checklist ignores it instead of crashing the page.
Found by the browser e2e on a busy CI machine (ValueError: uid is not in list)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _checklist_with_a_stale_row() -> None:
    import datetime as dt

    import streamlit as st

    from assistant.domain.agenda import AgendaDraft, new_item
    from ui import agenda_checklist as ac

    if ac.STATE not in st.session_state:
        items = [new_item("Check in", minutes=5), new_item("Career goals", minutes=10)]
        draft = AgendaDraft(
            report_name="Zoë Ł", meeting_date=dt.date(2026, 12, 7), minutes_total=30, items=items
        )
        ac.start(None, draft, 30)
        st.session_state["gone"] = "no-such-row"
    gone = st.session_state["gone"]
    st.session_state[ac.MINUTES_KEY.format(gone)] = 15  # the removed row's last value

    def stale_events() -> None:
        ac._retime(gone)
        ac._move(gone, 1)
        ac._remove(gone)
        ac._rename(gone)

    st.button("stale", key="stale", on_click=stale_events)
    state = st.session_state[ac.STATE]
    ac.checklist(state["draft"], state["uids"])


def test_events_from_a_removed_row_change_nothing_and_raise_nothing() -> None:
    at = AppTest.from_function(_checklist_with_a_stale_row).run()
    before = at.session_state["agenda"]["draft"]
    at.button(key="stale").click().run()
    assert not at.exception
    assert not at.error  # no "give each item minutes" message either: nothing was wrong
    after = at.session_state["agenda"]["draft"]
    assert after == before
    assert [item.title for item in after.items] == ["Check in", "Career goals"]
    assert [item.minutes for item in after.items] == [5, 10]
