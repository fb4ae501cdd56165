"""Small team-mode additions to the manager's pages: the activity log (who signed in, who
changed what), the report's sign-in address on the person page, the topics the report added
and the share buttons on Prepare and Recap."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from assistant.access.service import AuditEntry
from assistant.access.views import TopicView
from assistant.db.models import Report
from assistant.domain.actor import Actor
from assistant.errors import CoachError
from ui import times
from ui.components import escape_inline
from ui.state import get_services

ACTIONS = {
    "signed_in": "signed in",
    "topic_added": "added a topic",
    "topic_edited": "edited a topic",
    "topic_removed": "removed a topic",
    "topics_reordered": "reordered their topics",
    "agenda_shared": "shared the agenda",
    "shared_agenda_changed": "changed a shared agenda",
    "recap_shared": "shared the recap",
    "action_done": "marked an action item done",
    "action_commented": "commented on an action item",
}


def activity_table(entries: Sequence[AuditEntry], *, key: str) -> None:
    if not entries:
        st.caption("Nothing yet.")
        return
    frame = pd.DataFrame(
        [
            {
                "When": times.show(e.when),
                "Who": e.who,
                "As": e.role,
                "What": ACTIONS.get(e.action, e.action.replace("_", " ")),
                "On": e.target,
                "Detail": e.detail,
            }
            for e in entries
        ]
    )
    st.dataframe(frame, hide_index=True, key=key, width="stretch")


def _signed_in_actor() -> Actor | None:
    """The signed-in manager as the one acting (team mode); None in local mode."""
    from ui.identity import current_access

    access = current_access()
    if access is None or access.manager is None:
        return None
    return access.as_manager()[1]


def report_email_form(manager_id: int, person: Report) -> None:
    """The address the report signs in with (team mode); empty: they cannot sign in."""
    with st.form(f"person_email_form_{person.id}", border=False):
        typed = st.text_input(
            "Sign-in e-mail",
            value=person.email or "",
            max_chars=320,
            key=f"person_email_{person.id}",
            help="When 1:1 Coach runs for your team, they sign in with this address to add "
            "their topics and see what you share. Leave empty: they cannot sign in.",
        )
        if st.form_submit_button("Save e-mail", key=f"person_email_save_{person.id}"):
            try:
                saved = get_services().access.set_report_email(manager_id, person.id, typed)
            except CoachError as exc:
                st.error(str(exc))
            else:
                st.session_state["person_flash"] = (
                    f"{saved.name} signs in as {saved.email}."
                    if saved.email
                    else f"{saved.name} has no sign-in address."
                )
                st.rerun()


def their_topics(topics: Sequence[TopicView], first_name: str) -> None:
    """What the report added to this 1:1, with who added it and when."""
    if not topics:
        return
    with st.container(border=True, key="prepare_their_topics"):
        st.markdown(f"**{escape_inline(first_name)}'s topics** · they lead the agenda")
        for number, topic in enumerate(topics, start=1):
            who = (
                f"added by {escape_inline(topic.author_name)} · {times.show(topic.added_at)}"
                if topic.signed
                else "noted for them before sign-in"
            )
            st.markdown(f"{number}. {escape_inline(topic.text)}  \n:gray[{who}]")


def share_button(what: str, manager_id: int, meeting_id: int | None, first: str) -> None:
    """Team mode: share the saved agenda or recap of this 1:1 with the report (an explicit
    act, recorded with who and when)."""
    svc = get_services()
    shared = svc.sharing.state(manager_id, meeting_id) if meeting_id is not None else None
    agenda = what == "agenda"
    when = (shared.agenda_at if agenda else shared.recap_at) if shared else None
    by = (shared.agenda_by if agenda else shared.recap_by) if shared else None
    if when is not None:
        st.caption(
            f":material/visibility: Shared with {escape_inline(first)} by "
            f"{escape_inline(by or '')} · {times.show(when)}. They see the version you save."
        )
        return
    saved = (shared.agenda_saved if agenda else shared.recap_saved) if shared else False
    if meeting_id is None or not saved:
        st.caption(f"Save the {what} to share it with {escape_inline(first)}.")
        return
    if st.button(
        f"Share the {what} with {first}",
        key=f"share_{what}",
        icon=":material/share:",
        help=f"{first} sees it when they sign in (never your notes or reasons).",
    ):
        try:
            if agenda:
                svc.sharing.share_agenda(manager_id, meeting_id, _signed_in_actor())
            else:
                svc.sharing.share_recap(manager_id, meeting_id, _signed_in_actor())
        except CoachError as exc:
            st.error(str(exc))
        else:
            st.rerun()
