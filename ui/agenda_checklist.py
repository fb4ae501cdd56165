"""The agenda as a checklist the manager edits on the Prepare page: numbered items with their
minutes, move up/down, remove, rename, add, and the reason and source one click away.

The draft lives in `st.session_state[STATE]["draft"]`; `uids` gives each item a stable id for
its widget keys, so moving an item keeps its minutes box. Every change goes through the
draft's own edit methods (assistant/domain/agenda.py) inside a widget callback, which runs
before the page is drawn again, so the list, the numbering and the total always agree.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import streamlit as st

from assistant.domain.agenda import SOURCE_LABELS, AgendaDraft, AgendaItemDraft, new_item
from assistant.errors import CoachError
from ui.components import escape_inline, lines

STATE = "agenda"  # {"for": selection, "draft": AgendaDraft, "uids": [str], "meeting_minutes"}
ERROR = "agenda_edit_error"
MINUTES_KEY = "agenda_min_{}"
SOURCE_ICONS = {
    "report": ":material/person:",
    "carried_over": ":material/task_alt:",
    "manager": ":material/edit:",
    "suggested": ":material/lightbulb:",
}


def new_uid() -> str:
    return uuid.uuid4().hex[:10]


def start(selection: Any, draft: AgendaDraft, meeting_minutes: int | None) -> None:
    """Put a fresh draft (or a saved agenda) in the editor."""
    st.session_state[STATE] = {
        "for": selection,
        "draft": draft,
        "uids": [new_uid() for _ in draft.items],
        "meeting_minutes": meeting_minutes,
    }
    st.session_state.pop("agenda_saved", None)
    st.session_state.pop(ERROR, None)


def _state() -> dict[str, Any]:
    state: dict[str, Any] = st.session_state[STATE]
    return state


class _Gone(Exception):
    """The row a widget belonged to was removed before its event arrived."""


def _at(uids: list[str], uid: str) -> int:
    # A browser can send a row's last event (a minutes box losing focus, a second click) after
    # that row was removed or the draft replaced: the edit has nothing left to change.
    try:
        return uids.index(uid)
    except ValueError:
        raise _Gone(uid) from None


def _edit(change: Callable[[AgendaDraft, list[str]], AgendaDraft]) -> None:
    """Apply one edit to the draft; a bad value becomes a one-line message, nothing is lost."""
    state = _state()
    uids = list(state["uids"])
    try:
        state["draft"] = change(state["draft"], uids)
    except _Gone:
        return
    except CoachError as exc:
        st.session_state[ERROR] = str(exc)
        return
    state["uids"] = uids
    st.session_state.pop(ERROR, None)
    st.session_state.pop("agenda_saved", None)  # the saved message no longer describes it


def _move(uid: str, step: int) -> None:
    def change(draft: AgendaDraft, uids: list[str]) -> AgendaDraft:
        at = _at(uids, uid)
        to = max(0, min(at + step, len(uids) - 1))
        uids.insert(to, uids.pop(at))
        return draft.move_item(at, to)

    _edit(change)


def _remove(uid: str) -> None:
    def change(draft: AgendaDraft, uids: list[str]) -> AgendaDraft:
        at = _at(uids, uid)
        uids.pop(at)
        removed = draft.items[at]
        trimmed = draft.remove_item(at)
        if removed.source == "suggested":  # a removed suggestion can be added back
            trimmed = trimmed.model_copy(update={"left_out": [*trimmed.left_out, removed]})
        return trimmed

    _edit(change)


def _retime(uid: str) -> None:
    value = st.session_state.get(MINUTES_KEY.format(uid))

    def change(draft: AgendaDraft, uids: list[str]) -> AgendaDraft:
        if value is None:
            raise CoachError("Give each item a number of minutes (at least 1).")
        return draft.retime_item(_at(uids, uid), int(value))

    _edit(change)


def _rename(uid: str) -> None:
    title = str(st.session_state.get(f"agenda_title_{uid}", ""))
    detail = str(st.session_state.get(f"agenda_detail_{uid}", ""))
    _edit(lambda draft, uids: draft.rename_item(_at(uids, uid), title, detail))


def _insert(draft: AgendaDraft, uids: list[str], item: AgendaItemDraft) -> AgendaDraft:
    at = draft.default_position(item)
    uids.insert(at, new_uid())
    return draft.insert_item(item, at=at)


def _add_their_topics() -> None:
    topics = lines(str(st.session_state.get("agenda_their_topics", "")))

    def change(draft: AgendaDraft, uids: list[str]) -> AgendaDraft:
        if not topics:
            raise CoachError("Type at least one topic first (one per line).")
        for title in topics:
            draft = _insert(draft, uids, new_item(title, source="report", minutes=5))
        return draft

    _edit(change)
    if ERROR not in st.session_state:
        st.session_state["agenda_their_topics"] = ""


def _add_own_item() -> None:
    title = str(st.session_state.get("agenda_new_title", ""))
    minutes = st.session_state.get("agenda_new_minutes") or 5

    def change(draft: AgendaDraft, uids: list[str]) -> AgendaDraft:
        return _insert(draft, uids, new_item(title, minutes=int(minutes)))

    _edit(change)
    if ERROR not in st.session_state:
        st.session_state["agenda_new_title"] = ""


def _add_back(index: int) -> None:
    _edit(lambda draft, uids: _insert(draft, uids, draft.left_out[index]))


def _fit() -> None:
    _edit(lambda draft, uids: draft.fit_to_length())
    state = _state()
    for uid, item in zip(state["uids"], state["draft"].items, strict=True):
        st.session_state[MINUTES_KEY.format(uid)] = item.minutes


# -- drawing ---------------------------------------------------------------------------------


def total_line(draft: AgendaDraft) -> None:
    """The running total, above the list, with the over-time warning and a one-click fix."""
    planned, length = draft.planned_minutes, draft.minutes_total
    count = f"{len(draft.items)} item{'s' if len(draft.items) != 1 else ''}"
    if draft.over_by:
        left, right = st.columns([3, 1], vertical_alignment="center")
        with left:
            st.warning(
                f"**{planned} of {length} minutes planned**: {draft.over_by} over · {count}. "
                "Shorten or drop something so they have room to talk.",
                icon=":material/timer:",
            )
        with right:
            st.button(
                f"Fit to {length} minutes",
                key="agenda_fit",
                on_click=_fit,
                icon=":material/compress:",
                help="Takes time from suggestions first; their topics and the review last.",
                width="stretch",
            )
    else:
        spare = length - planned
        extra = f" · {spare} min to spare" if spare else ""
        st.caption(f":material/timer: **{planned} of {length} minutes** planned · {count}{extra}")


def _why(item: AgendaItemDraft, uid: str) -> None:
    """Reason, source, questions and the edit box, behind one click."""
    with st.popover("", icon=":material/info:", help="Why it is here, questions, edit"):
        st.markdown(f"**{escape_inline(item.title)}**")
        st.caption(SOURCE_LABELS.get(item.source, item.source))
        if item.reason:
            st.markdown(f"**Why:** {escape_inline(item.reason)}")
        if item.source_ref:
            st.caption(f"Source: {escape_inline(item.source_ref)}")
        if item.questions:
            st.markdown("**Questions to ask**")
            st.markdown("\n".join(f"- {escape_inline(q.text)}" for q in item.questions))
        st.text_input("Title", value=item.title, key=f"agenda_title_{uid}")
        st.text_area("Detail", value=item.detail, key=f"agenda_detail_{uid}", height=80)
        st.button(
            "Apply", key=f"agenda_rename_{uid}", on_click=_rename, args=(uid,), type="primary"
        )


def _row(number: int, item: AgendaItemDraft, uid: str, last: bool) -> None:
    with st.container(border=True, key=f"agenda_row_{uid}"):
        text, minutes, up, down, why, drop = st.columns(
            [10, 2.2, 0.9, 0.9, 0.9, 0.9], vertical_alignment="center", gap="small"
        )
        with text:
            icon = SOURCE_ICONS.get(item.source, "")
            label = SOURCE_LABELS.get(item.source, item.source)
            st.markdown(f"**{number}. {escape_inline(item.title)}** {icon} _{label}_")
            if item.subpoints:
                st.markdown("\n".join(f"- {escape_inline(p)}" for p in item.subpoints))
            elif item.detail:
                st.caption(escape_inline(item.detail))
        with minutes:
            key = MINUTES_KEY.format(uid)
            if key not in st.session_state:
                st.session_state[key] = item.minutes
            st.number_input(
                "Minutes",
                min_value=1,
                max_value=240,
                step=1,
                key=key,
                on_change=_retime,
                args=(uid,),
                label_visibility="collapsed",
                help="Minutes for this item",
            )
        up.button(
            "",
            icon=":material/arrow_upward:",
            key=f"agenda_up_{uid}",
            on_click=_move,
            args=(uid, -1),
            disabled=number == 1,
            help="Move up",
        )
        down.button(
            "",
            icon=":material/arrow_downward:",
            key=f"agenda_down_{uid}",
            on_click=_move,
            args=(uid, 1),
            disabled=last,
            help="Move down",
        )
        with why:
            _why(item, uid)
        drop.button(
            "",
            icon=":material/close:",
            key=f"agenda_remove_{uid}",
            on_click=_remove,
            args=(uid,),
            help="Remove this item",
        )


def checklist(draft: AgendaDraft, uids: list[str]) -> None:
    problem = st.session_state.get(ERROR)
    if problem:
        st.error(problem, icon=":material/error:")
    for number, (item, uid) in enumerate(zip(draft.items, uids, strict=True), start=1):
        _row(number, item, uid, last=number == len(draft.items))


def add_items(draft: AgendaDraft, first_name: str) -> None:
    """Their topics, an item of yours, or a suggestion that was left out."""
    with st.expander("Add an item", icon=":material/add:", key="agenda_add"):
        st.text_area(
            f"Topics {first_name} asked for (one per line)",
            key="agenda_their_topics",
            placeholder="e.g. Conference budget\nOn-call rotation",
            height=80,
        )
        st.button(
            "Add their topics",
            key="agenda_add_topics",
            on_click=_add_their_topics,
            icon=":material/add:",
        )
        title, minutes, add = st.columns([6, 2, 2], vertical_alignment="bottom")
        title.text_input(
            "An item of yours", key="agenda_new_title", placeholder="e.g. Offsite dates"
        )
        minutes.number_input(
            "Minutes", min_value=1, max_value=240, value=5, key="agenda_new_minutes"
        )
        add.button("Add", key="agenda_add_item", on_click=_add_own_item, width="stretch")
        if draft.left_out:
            st.caption("Left out to keep it focused; add one back:")
            for n, item in enumerate(draft.left_out):
                st.button(
                    f"{item.title} ({item.minutes} min)",
                    key=f"agenda_readd_{n}",
                    on_click=_add_back,
                    args=(n,),
                    icon=":material/add:",
                    type="tertiary",
                )
