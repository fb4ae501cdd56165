"""Feedback: question-based SBI wording tailored to the person, a wording check, and a log."""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from assistant.db.models import FeedbackKind
from assistant.domain.feedback import FeedbackDraft, SBIStatement, WordingCheck
from assistant.errors import CoachError
from assistant.feedback.builtin import check_wording
from ui.components import (
    demo_banner,
    engine_badge,
    escape_md,
    highlighted,
    report_picker,
    require_reports,
)
from ui.state import get_services, require_manager

STATE = "feedback"  # {"for": (report_id, kind), "draft": FeedbackDraft}
LOG_WORDING, LOG_PREFILL = "fb_log_wording", "fb_log_prefill"  # the log box, what we put in it
KIND_LABELS = {FeedbackKind.PRAISE: "Praise", FeedbackKind.CONSTRUCTIVE: "Constructive"}
CATEGORY_LABELS = {
    "label": "Label about the person",
    "absolute": "Absolute (always/never)",
    "vague": "Vague judgment",
    "but_undoing": "“But” undoes the praise",
    "but_softening": "“But” softens the criticism",
    "sarcasm": "Sarcasm",
    "comparison": "Comparison with others",
    "generic_praise": "Generic praise",
}

manager = require_manager()
svc = get_services()
today = dt.date.today()

st.title("Feedback")
st.caption(
    "Describe one moment. Get specific, question-based wording that fits how this person "
    "likes to hear feedback, and check your own wording before you say it."
)
demo_banner(manager)

reports = svc.team.reports(manager.id)
require_reports(reports)

c1, c2 = st.columns([2, 1])
with c1:
    report = report_picker(reports, key="fb_report")
with c2:
    kind = st.segmented_control(
        "Kind",
        list(FeedbackKind),
        format_func=KIND_LABELS.__getitem__,
        default=FeedbackKind.PRAISE,
        key="fb_kind",
        required=True,
    )
kind = FeedbackKind(kind or FeedbackKind.PRAISE)

balance = svc.feedback.balance(manager.id, report.id, today=today)


def _balance_line() -> None:
    days = balance.days_since_praise
    since = (
        "no praise recorded yet"
        if days is None
        else "last praise today"
        if days == 0
        else f"last praise {days} day{'s' if days != 1 else ''} ago"
    )
    text = (
        f"Last 90 days with {report.name.split()[0]}: **{balance.praise} praise : "
        f"{balance.constructive} constructive** · {since}"
    )
    if balance.constructive_dominates or balance.days_since_praise is None:
        st.warning(text + ". A lack of praise reads as disapproval.", icon=":material/balance:")
    else:
        st.caption(f":material/balance: {text}")


_balance_line()
logged = st.session_state.pop("fb_logged", None)
if logged:
    st.success(logged, icon=":material/check_circle:")

# A key keeps the open tab when the page above it changes (e.g. the "Logged" message).
tab_draft, tab_check, tab_log = st.tabs(
    ["Draft the conversation", "Check my wording", "Log delivered feedback"], key="fb_tabs"
)

# -- draft --------------------------------------------------------------------------------------
with tab_draft:
    use_sbi = st.toggle("Fill in Situation / Behaviour / Impact separately", key="fb_sbi_mode")
    fields: dict[str, str | None] = {}
    if use_sbi:
        fields["situation"] = st.text_input(
            "Situation: when and where", key="fb_situation", placeholder="In Tuesday's demo"
        )
        fields["behaviour"] = st.text_area(
            "Behaviour: what they did or said",
            key="fb_behaviour",
            height=80,
            placeholder="you walked the customer through the new flow step by step",
        )
        fields["impact"] = st.text_input(
            "Impact: what it changed for the team or goals",
            key="fb_impact",
            placeholder="they signed up for the pilot the same day",
        )
    else:
        fields["what"] = st.text_area(
            "What happened",
            key="fb_what",
            height=110,
            placeholder=(
                "e.g. In Tuesday's demo she walked the customer through the new flow step by "
                "step; they signed up for the pilot the same day."
            ),
        )
    if st.button("Draft feedback", type="primary", key="fb_draft", icon=":material/auto_awesome:"):
        try:
            with st.spinner("Drafting…"):
                new_draft = svc.feedback.draft(
                    manager.id,
                    report.id,
                    kind,
                    what=fields.get("what") or None,
                    situation=fields.get("situation") or None,
                    behaviour=fields.get("behaviour") or None,
                    impact=fields.get("impact") or None,
                )
        except CoachError as exc:
            st.error(str(exc))
        else:
            st.session_state[STATE] = {"for": (report.id, kind), "draft": new_draft}
            st.session_state["fb_statement"] = new_draft.statement
            st.session_state.pop("fb_polished", None)
            # The log tab starts from the drafted wording.
            st.session_state[LOG_WORDING] = st.session_state[LOG_PREFILL] = new_draft.statement

    state: dict[str, Any] | None = st.session_state.get(STATE)
    if state is None or state["for"] != (report.id, kind):
        st.info(
            "Describe what happened and press **Draft feedback**. A sentence or two about one "
            "specific moment works best.",
            icon=":material/lightbulb:",
        )
    else:
        draft: FeedbackDraft = state["draft"]
        st.divider()
        engine_badge(draft.engine, draft.notices)
        st.markdown("**What you could say** (edit freely)")
        statement = st.text_area(
            "Statement", key="fb_statement", height=110, label_visibility="collapsed"
        )
        st.caption(
            f"Situation: {draft.sbi.situation} · Behaviour: {draft.sbi.behaviour} · "
            f"Impact: {draft.sbi.impact}"
        )

        if svc.feedback.can_polish:
            if st.button("Polish wording", key="fb_polish", icon=":material/auto_fix_high:"):
                try:
                    text = st.write_stream(
                        svc.feedback.polish(manager.id, report.id, statement, kind)
                    )
                except CoachError as exc:
                    st.warning(f"The polished version was cut off: {exc}")
                else:
                    st.session_state["fb_polished"] = str(text)
            elif st.session_state.get("fb_polished"):
                st.markdown(st.session_state["fb_polished"])

        st.markdown("**Open with a question**")
        st.markdown("\n".join(f"{n}. {q}" for n, q in enumerate(draft.openers, start=1)))
        c1, c2 = st.columns(2)
        with c1:
            st.markdown("**Plan**")
            st.markdown("\n".join(f"- {step}" for step in draft.plan))
        with c2:
            st.markdown("**Follow up**")
            st.markdown(draft.follow_up)
            if draft.tailoring_notes:
                st.markdown(f"**Tailored for {report.name.split()[0]}**")
                st.markdown("\n".join(f"- {tip}" for tip in draft.tailoring_notes))
        if draft.written_note:
            with st.expander("Written note to send before the 1:1", expanded=True):
                st.markdown(draft.written_note)
        if draft.wording_check.issues:
            st.caption(f"Wording check of this draft: {draft.wording_check.summary}")

# -- check my wording ---------------------------------------------------------------------------


def _show_check(text: str, check: WordingCheck) -> None:
    if check.ok and not check.issues:
        st.success(check.summary or "No problems found.", icon=":material/check_circle:")
        return
    st.warning(check.summary, icon=":material/rule:")
    st.markdown(highlighted(text, [(i.start, i.end) for i in check.issues]))
    for issue in check.issues:
        with st.container(border=True):
            category = CATEGORY_LABELS.get(issue.category, issue.category)
            st.markdown(f"**:red-background[{escape_md(issue.text)}]** · {category}")
            st.caption(issue.explanation)
            st.markdown(f"Try: _{issue.suggestion}_")


with tab_check:
    own = st.text_area(
        "Your wording",
        key="fb_own_text",
        height=110,
        placeholder="e.g. You're always late with updates and it's unprofessional.",
    )
    if st.button("Check wording", key="fb_check", icon=":material/spellcheck:"):
        try:
            result = check_wording(own, kind.value)
        except CoachError as exc:
            st.error(str(exc))
        else:
            st.session_state["fb_check_result"] = (own, result)
    checked = st.session_state.get("fb_check_result")
    if checked is not None:
        _show_check(*checked)
    else:
        st.caption(
            "Flags labels, always/never (in praise too), vague judgments, “but” between praise "
            "and criticism either way, sarcasm, comparisons and generic praise, with a "
            "behaviour-focused rewrite."
        )

# -- log ----------------------------------------------------------------------------------------
current: dict[str, Any] | None = st.session_state.get(STATE)
if current is not None and current["for"] == (report.id, kind) and not current.get("logged"):
    # Until the manager types in the log box, it follows the (edited) draft statement.
    statement_now = st.session_state.get("fb_statement")
    untouched = st.session_state.get(LOG_WORDING) == st.session_state.get(LOG_PREFILL)
    if statement_now and untouched and statement_now != st.session_state.get(LOG_PREFILL):
        st.session_state[LOG_WORDING] = st.session_state[LOG_PREFILL] = statement_now


def _log_delivered(sbi: SBIStatement | None, draft_state: dict[str, Any] | None) -> None:
    """Log what was said (a callback: it runs before the page is drawn again, so the balance
    line at the top already counts it and the boxes can be emptied)."""
    wording = str(st.session_state.get(LOG_WORDING) or "").strip()
    given_on = st.session_state.get("fb_log_date") or today
    try:
        if not wording:
            raise CoachError("Write what you said (the wording as delivered) to log it.")
        svc.feedback.log(
            manager.id,
            report.id,
            kind,
            wording=wording,
            response=str(st.session_state.get("fb_log_response") or "").strip(),
            given_on=given_on,
            situation=sbi.situation if sbi else "",
            behaviour=sbi.behaviour if sbi else "",
            impact=sbi.impact if sbi else "",
        )
        after = svc.feedback.balance(manager.id, report.id, today=today)
    except CoachError as exc:
        st.session_state["fb_log_error"] = str(exc)
        return
    st.session_state.pop("fb_log_error", None)
    st.session_state["fb_logged"] = (
        f"Logged {KIND_LABELS[kind].lower()} for {report.name} on {given_on:%a %d %b}. "
        f"Balance (90 days): {after.praise} praise : {after.constructive} constructive."
    )
    st.session_state[LOG_WORDING] = st.session_state["fb_log_response"] = ""
    st.session_state.pop(LOG_PREFILL, None)
    if draft_state is not None:
        draft_state["logged"] = True  # do not offer the same wording again


# Not a form: what the manager types here must count at once, so a later edit of the draft
# statement never overwrites it.
with tab_log, st.container(border=True):
    matching = current is not None and current["for"] == (report.id, kind)
    if matching and current is not None and not current.get("logged"):
        st.caption("Prefilled with the drafted wording: change it to what you actually said.")
    st.text_area(
        "What you said",
        key=LOG_WORDING,
        height=90,
        placeholder="The feedback as delivered",
    )
    st.text_area(
        f"How {report.name.split()[0]} responded",
        key="fb_log_response",
        height=70,
        placeholder="e.g. Agreed, wants to try shorter updates next week",
    )
    st.date_input("Given on", value=today, max_value=today, key="fb_log_date")
    st.button(
        f"Log {KIND_LABELS[kind].lower()}",
        type="primary",
        key="fb_log_submit",
        on_click=_log_delivered,
        args=(current["draft"].sbi if matching and current else None, current),
    )
    problem = st.session_state.pop("fb_log_error", None)
    if problem:
        st.error(problem)
