"""The report's next 1:1: the topics they want to talk about (add, edit, order, remove; they
lead the agenda, right after the check-in) and the agenda once their manager shares it.

Everything here is scoped by the signed-in report (`require_report`): the page never takes a
person or a meeting from the URL."""

from __future__ import annotations

import streamlit as st

from assistant.access.views import TopicView
from assistant.errors import CoachError
from ui import times
from ui.components import escape_inline
from ui.identity import require_report
from ui.state import get_services

FLASH = "my_topic_flash"

access = require_report()
seat = access.report
assert seat is not None
svc = get_services()
manager_first = seat.manager_name.split()[0]

st.title("Your next 1:1")
nxt = svc.report_side.next_one_on_one(access, today=times.today())
if nxt is None:
    st.info(
        f"No 1:1 with {seat.manager_name} is planned yet. Once it is, add what you want to "
        "talk about here.",
        icon=":material/event_busy:",
    )
    st.stop()
st.caption(
    f"With **{escape_inline(seat.manager_name)}** · {times.show(nxt.when)} · {nxt.minutes} min"
)

flash = st.session_state.pop(FLASH, None)
if flash:
    st.success(flash, icon=":material/check_circle:")


def _done(message: str) -> None:
    st.session_state[FLASH] = message
    st.rerun()


def _added(topic: TopicView) -> str:
    line = f"added by {escape_inline(topic.author_name)} · {times.show(topic.added_at)}"
    if topic.edited_at:
        line += f" · edited {times.show(topic.edited_at)}"
    return line


def _topic_row(topic: TopicView, number: int, count: int) -> None:
    with st.container(border=True, key=f"my_topic_{topic.id}"):
        text, up, down, edit, remove = st.columns([12, 1, 1, 1, 1], vertical_alignment="center")
        text.markdown(f"**{number}. {escape_inline(topic.text)}**")
        text.caption(_added(topic))
        try:
            if up.button(
                "",
                key=f"my_topic_up_{topic.id}",
                icon=":material/arrow_upward:",
                help="Earlier",
                disabled=number == 1,
            ):
                svc.report_side.move_topic(access, topic.id, -1)
                _done("Order saved.")
            if down.button(
                "",
                key=f"my_topic_down_{topic.id}",
                icon=":material/arrow_downward:",
                help="Later",
                disabled=number == count,
            ):
                svc.report_side.move_topic(access, topic.id, 1)
                _done("Order saved.")
            with edit.popover(
                "", icon=":material/edit:", help="Edit", key=f"my_topic_edit_pop_{topic.id}"
            ):
                changed = st.text_input(
                    "Topic", value=topic.text, max_chars=500, key=f"my_topic_text_{topic.id}"
                )
                if st.button("Save", key=f"my_topic_save_{topic.id}", type="primary"):
                    svc.report_side.edit_topic(access, topic.id, changed)
                    _done("Topic saved.")
            if remove.button(
                "", key=f"my_topic_remove_{topic.id}", icon=":material/delete:", help="Remove"
            ):
                svc.report_side.remove_topic(access, topic.id)
                _done(f"Removed: {topic.text}")
        except CoachError as exc:
            st.error(str(exc))


st.subheader("Your topics")
st.caption(
    f"What you want to talk about. They open the agenda {manager_first} prepares, right after "
    "the check-in, in your order, marked as yours."
)
if not nxt.topics:
    st.caption("No topics yet.")
for number, topic in enumerate(nxt.topics, start=1):
    _topic_row(topic, number, len(nxt.topics))

with st.form("my_topic_add", clear_on_submit=True, border=False):
    new_topic = st.text_input(
        "Add a topic",
        max_chars=500,
        key="my_topic_new",
        placeholder="e.g. Moving to the platform team",
    )
    if st.form_submit_button("Add topic", icon=":material/add:", key="my_topic_add_submit"):
        try:
            added = svc.report_side.add_topic(access, nxt.meeting_id, new_topic)
        except CoachError as exc:
            st.error(str(exc))
        else:
            _done(f"Added: {added.text}")

st.subheader("Agenda")
if nxt.agenda is None:
    st.info(
        f"{manager_first} has not shared the agenda yet. Your topics will lead it.",
        icon=":material/schedule:",
    )
else:
    st.caption(
        f"Shared by {escape_inline(nxt.agenda.shared_by)} · {times.show(nxt.agenda.shared_at)}"
    )
    with st.container(border=True, key="my_agenda"):
        st.markdown(nxt.agenda.markdown)
