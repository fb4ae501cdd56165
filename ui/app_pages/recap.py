"""Recap: paste or upload 1:1 notes -> saved at once -> checked recap with action items -> share."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pandas as pd
import streamlit as st

from assistant.domain.recap import ActionItemDraft, RecapDraft
from assistant.errors import CoachError
from assistant.recap.markdown import recap_markdown
from ui.components import (
    as_date,
    demo_banner,
    engine_badge,
    is_blank,
    lines,
    markdown_export,
    report_picker,
    require_reports,
)
from ui.state import get_services, require_manager
from ui.team_panels import share_button

logger = logging.getLogger(__name__)

STATE = "recap"  # {"draft", "meeting_id", "report_id", "report_name", "date", "people"}
ITEMS = "recap_items"
LIST_FIELDS = {
    "decisions": "Decisions",
    "praise": "Wins and praise",
    "concerns": "Concerns",
    "personal": "Personal updates (private unless you keep them)",
    "follow_ups": "Follow up next time",
}
FLAG_TEXT = {
    "owner_unclear": "⚠ who owns this?",
    "owner_guessed": "⚠ owner guessed",
    "due_unclear": "⚠ no due date",
    "due_vague": "⚠ vague date",
    "shared": "shared",
    "model_dropped": "⚠ the AI left this out",
    "saved_earlier": "saved earlier",
}
UNASSIGNED = "Unassigned"
SECTION_NAMES = {
    "summary": "Summary",
    "decisions": "Decisions",
    "action_items": "Action items",
    "praise": "Praise",
    "concerns": "Concerns",
    "personal": "Personal",
    "follow_ups": "Follow-ups",
}

manager = require_manager()
svc = get_services()
today = dt.date.today()

st.title("Recap")
st.caption(
    "Paste your notes right after the 1:1. They are saved first, then turned into a recap "
    "with decisions and action items for you to check and share."
)
demo_banner(manager)

reports = svc.team.reports(manager.id)
require_reports(reports)
team_names = [r.name for r in reports]

c1, c2 = st.columns([2, 1])
with c1:
    report = report_picker(reports, key="recap_report")
with c2:
    meeting_date = st.date_input(
        "Date of the 1:1",
        value=today,
        min_value=dt.date(1970, 1, 1),
        max_value=today,
        key="recap_date",
    )

notes_text = st.text_area(
    "Your notes",
    key="recap_notes",
    height=220,
    placeholder=(
        "Scrappy is fine, e.g.\n- shipped the billing fix, customer happy\n"
        "- Sam to send the rollout plan by Friday\n- I'll ask finance about the budget"
    ),
)
# Whose "I" the notes use: the manager's own notes (default), the report's, or a teammate's.
MANAGER_CHOICE = "Me (the manager)"
author_choice = st.selectbox(
    "Notes written by",
    [MANAGER_CHOICE, report.name, *(n for n in team_names if n != report.name)],
    key="recap_author",
    help='"I", "me" and "my" in the notes are this person.',
)
author = {MANAGER_CHOICE: "manager", report.name: "report"}.get(author_choice, author_choice)
upload = st.file_uploader(
    "…or upload a .txt or .md file",
    type=["txt", "md"],
    key="recap_upload",
    max_upload_size=1,  # MB; notes over the limit get a clear message from prepare_notes
)

problem = svc.llm_problem
if problem:
    st.warning(f"The AI model is not used: {problem} Drafts use the built-in engine.")


def _progress_text() -> str:
    llm = svc.llm()
    if llm is None:
        return "Finding decisions, action items, owners and due dates…"
    return (
        f"Asking {llm.model} to refine the recap (at most {llm.deadline_seconds:g} s; "
        "then the built-in draft is shown)…"
    )


if st.button("Draft recap", type="primary", key="recap_draft", icon=":material/auto_awesome:"):
    raw: str | bytes = upload.getvalue() if upload is not None else notes_text
    try:
        stored = svc.recap.store_notes(manager.id, report.id, raw, meeting_date)
    except CoachError as exc:
        st.error(str(exc))
    else:
        st.success(
            f"Notes saved to your 1:1 with {report.name} on {meeting_date:%a %d %b}.",
            icon=":material/cloud_done:",
        )
        for warning in stored.warnings:
            st.warning(warning)
        try:
            with st.spinner(_progress_text()):
                new_draft = svc.recap.draft(
                    manager.id,
                    report.id,
                    stored.text,
                    meeting_date,
                    author=author,
                    meeting_id=stored.meeting_id,
                )
                owners_known = svc.recap.owner_choices(
                    manager.id, report.id, stored.text, new_draft
                )
        except CoachError as exc:
            st.error(f"Your notes are saved, but the recap could not be drafted: {exc}")
        except Exception:
            logger.exception("recap draft failed")
            st.error(
                "Your notes are saved, but the recap could not be drafted because of an "
                "unexpected problem. Try again, or write the action items by hand."
            )
        else:
            st.session_state[STATE] = {
                "draft": new_draft,
                "meeting_id": stored.meeting_id,
                "report_id": report.id,
                "report_name": report.name,
                "date": meeting_date,
                "owners": owners_known,
            }
            st.session_state.pop(ITEMS, None)
            st.session_state.pop("recap_saved", None)
            st.session_state["recap_summary"] = new_draft.summary
            for name in LIST_FIELDS:
                st.session_state[f"recap_{name}"] = "\n".join(getattr(new_draft, name))
            st.session_state["recap_keep_personal"] = False
        svc.reindex_notes(manager.id)  # the notes are searchable even if drafting failed

state: dict[str, Any] | None = st.session_state.get(STATE)
if state is None:
    st.info(
        "Nothing drafted yet. Paste your notes (or upload a file) and press **Draft recap**. "
        "Your notes are stored as written before anything else happens.",
        icon=":material/lightbulb:",
    )
    st.stop()

draft: RecapDraft = state["draft"]
report_name: str = state["report_name"]
st.divider()
head, new = st.columns([4, 1], vertical_alignment="bottom")
with head:
    st.subheader(f"Recap · {report_name} · {state['date']:%A %d %B}")
with new:
    if st.button("New recap", key="recap_new", icon=":material/add:", width="stretch"):
        for name in (STATE, ITEMS, "recap_saved", "recap_notes"):
            st.session_state.pop(name, None)
        st.rerun()
st.caption(":material/cloud_done: Your notes are saved with this 1:1 exactly as you wrote them.")
engine_badge(draft.engine, draft.notices)

summary = st.text_area("Summary", key="recap_summary", height=90)
edited_lists: dict[str, list[str]] = {}
c1, c2 = st.columns(2)
for n, (name, label) in enumerate(LIST_FIELDS.items()):
    with c1 if n % 2 == 0 else c2:
        edited_lists[name] = lines(
            st.text_area(label, key=f"recap_{name}", height=110, help="One per line.")
        )

if draft.unchecked:
    with st.expander(f"Not in your notes ({len(draft.unchecked)}): left out, never saved"):
        st.caption(
            "The AI wrote these, but your notes do not support them. Copy one into the recap "
            "above only if it is true."
        )
        for line in draft.unchecked:
            st.markdown(f"- **{SECTION_NAMES[line.section]}:** {line.text} — _{line.reason}_")

st.markdown("**Action items** — check the owner and due date of each; untick what to drop.")
owners = list(
    dict.fromkeys(
        [
            *state.get("owners", [manager.name, report_name, *team_names]),
            *(i.owner for i in draft.action_items if i.owner),
            UNASSIGNED,
        ]
    )
)


def _check(item: ActionItemDraft) -> str:
    marks = [FLAG_TEXT[f] for f in item.flags if f in FLAG_TEXT and f != "shared"]
    if item.confidence < 0.6 and not marks:
        marks.append("⚠ check")
    if "due_vague" in item.flags and item.due_text:
        marks = [m if m != "⚠ vague date" else f"⚠ vague date ('{item.due_text}')" for m in marks]
    return " · ".join(marks)


rows = pd.DataFrame(
    [
        {
            "Keep": item.proposed,
            "Task": item.task,
            "Owner": item.owner if item.owner in owners else UNASSIGNED,
            "Due": item.due,
            "Check": _check(item),
            "From the notes": item.evidence,
            "_i": n,
        }
        for n, item in enumerate(draft.action_items)
    ],
    columns=["Keep", "Task", "Owner", "Due", "Check", "From the notes", "_i"],
)
rows["Due"] = pd.to_datetime(rows["Due"]).dt.date if len(rows) else rows["Due"]
if not draft.action_items:
    st.caption("No action items found in the notes. Add rows below if there were any.")
left_out = sum(not item.proposed for item in draft.action_items)
if left_out:
    st.caption(
        "1 row marked “⚠ the AI left this out” starts unticked: the built-in engine found it, "
        "the AI judged it no commitment. Tick to keep."
        if left_out == 1
        else f"{left_out} rows marked “⚠ the AI left this out” start unticked: the built-in "
        "engine found them, the AI judged them no commitment. Tick to keep."
    )
table = st.data_editor(
    rows,
    key=ITEMS,
    num_rows="dynamic",
    hide_index=True,
    width="stretch",
    column_order=["Keep", "Task", "Owner", "Due", "Check", "From the notes"],
    column_config={
        "Keep": st.column_config.CheckboxColumn("Keep", default=True, width="small"),
        "Task": st.column_config.TextColumn("Task", required=True, width="medium"),
        "Owner": st.column_config.SelectboxColumn("Owner", options=owners),
        "Due": st.column_config.DateColumn("Due", format="ddd D MMM YYYY"),
        "Check": st.column_config.TextColumn("Check", disabled=True, width="medium"),
        "From the notes": st.column_config.TextColumn("From the notes", disabled=True),
    },
)


def _role(owner: str) -> str:
    if owner == manager.name:
        return "manager"
    if owner == report_name:
        return "report"
    return "other"


def _edited_items(table: pd.DataFrame) -> tuple[list[ActionItemDraft], list[str]]:
    """The kept rows as items, and a line for each row that has no owner (saved unassigned)."""
    items: list[ActionItemDraft] = []
    notes: list[str] = []
    for row in table.to_dict("records"):
        keep = row.get("Keep")
        if keep is False or (not is_blank(keep) and not bool(keep)):
            continue
        task = "" if is_blank(row.get("Task")) else str(row["Task"]).strip()
        if not task:
            continue
        owner = "" if is_blank(row.get("Owner")) else str(row["Owner"])
        if owner == UNASSIGNED:
            owner = ""
        if not owner:
            notes.append(f"“{task}” has no owner: it will be saved as unassigned.")
        index = row.get("_i")
        original = None
        if not is_blank(index) and 0 <= int(index) < len(draft.action_items):
            original = draft.action_items[int(index)]
        due = as_date(row.get("Due"))
        items.append(
            ActionItemDraft(
                task=task,
                owner=owner,
                owner_role=_role(owner),  # type: ignore[arg-type,unused-ignore]
                due=due,
                due_text=original.due_text if original and original.due == due else None,
                evidence=original.evidence if original else "",
                confidence=1.0,  # checked by the manager
                flags=[],
                saved_id=original.saved_id if original else None,
            )
        )
    return items, notes


items, unassigned_notes = _edited_items(table)
edited = draft.model_copy(
    update={"summary": summary.strip(), "action_items": items, "unchecked": [], **edited_lists}
)
for note in unassigned_notes:
    st.info(note, icon=":material/person_off:")

keep_personal = st.toggle(
    "Keep personal updates in the shared recap",
    key="recap_keep_personal",
    help="Off: personal updates stay out of the saved recap and of the text you share.",
)
if st.button(
    "Save recap and action items",
    type="primary",
    key="recap_save",
    icon=":material/save:",
):
    try:
        saved = svc.recap.save(manager.id, state["meeting_id"], edited, keep_personal=keep_personal)
    except CoachError as exc:
        st.error(str(exc))
    else:
        st.session_state["recap_saved"] = f"{saved.message} They will open your next agenda."
saved_flash = st.session_state.get("recap_saved")
if saved_flash:
    st.success(saved_flash, icon=":material/check_circle:")
    st.page_link("app_pages/prepare.py", label="Prepare the next 1:1", icon=":material/event_note:")

st.subheader(f"Share with {report_name.split()[0]}")
st.caption("Private notes are never included.")
if svc.settings.team_mode:
    share_button("recap", manager.id, state["meeting_id"], report_name.split()[0])
markdown_export(
    recap_markdown(
        edited, report=report_name, meeting_date=state["date"], include_personal=keep_personal
    ),
    filename=f"recap-{report_name.split()[0].lower()}-{state['date'].isoformat()}.md",
    key="recap_download",
    label="Download Markdown",
)
