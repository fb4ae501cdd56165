"""The action items the signed-in report owns: mark one done, add a comment. Their manager sees
both (person page, Activity). Scoped by the signed-in report only."""

from __future__ import annotations

import streamlit as st

from assistant.access.views import ItemView
from assistant.errors import CoachError
from ui import times
from ui.components import escape_inline, escape_md
from ui.identity import require_report
from ui.state import get_services

FLASH = "my_items_flash"

access = require_report()
seat = access.report
assert seat is not None
svc = get_services()

st.title("Your action items")
st.caption(f"What you agreed to do in your 1:1s with {escape_inline(seat.manager_name)}.")
flash = st.session_state.pop(FLASH, None)
if flash:
    st.success(flash, icon=":material/check_circle:")


def _done(message: str) -> None:
    st.session_state[FLASH] = message
    st.rerun()


def _comments(item: ItemView) -> None:
    for comment in item.comments:
        st.caption(
            f":material/chat: **{escape_inline(comment.author_name)}** · "
            f"{times.show(comment.at)}: {escape_inline(comment.text)}"
        )


items = svc.report_side.action_items(access, include_done=True)
open_items = [i for i in items if i.status == "open"]
today = times.today()
if not open_items:
    st.info("Nothing open. Well done.", icon=":material/task_alt:")
for item in open_items:
    with st.container(border=True, key=f"my_item_{item.id}"):
        late = item.due is not None and item.due < today
        due = f" · due {item.due:%a %d %b}" if item.due else ""
        st.markdown(f"**{escape_md(item.task)}**{due}" + (" :red-badge[overdue]" if late else ""))
        _comments(item)
        note, add, done = st.columns([8, 2, 2], vertical_alignment="bottom")
        text = note.text_input(
            "Comment",
            key=f"my_item_comment_{item.id}",
            max_chars=2000,
            placeholder="e.g. Blocked on the data export; back on it Monday",
        )
        try:
            if add.button(
                "Add comment", key=f"my_item_comment_add_{item.id}", icon=":material/add_comment:"
            ):
                svc.report_side.comment(access, item.id, text)
                st.session_state.pop(f"my_item_comment_{item.id}", None)
                _done("Comment added.")
            if done.button(
                "Mark done", key=f"my_item_done_{item.id}", type="primary", icon=":material/check:"
            ):
                svc.report_side.mark_done(access, item.id)
                _done(f"Done: {item.task}")
        except CoachError as exc:
            st.error(str(exc))

closed = [i for i in items if i.status != "open"]
if closed:
    with st.expander(f"{len(closed)} done", key="my_items_done"):
        for item in reversed(closed):
            by = f" by {escape_inline(item.closed_by)}" if item.closed_by else ""
            st.markdown(
                f"~~{escape_md(item.task)}~~ · {item.status}{by} {times.show(item.closed_at)}"
            )
            _comments(item)
