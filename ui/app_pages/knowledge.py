"""Knowledge: search the guidance and your past 1:1 notes (with citations); browse questions."""

from __future__ import annotations

import streamlit as st

from assistant.errors import CoachError
from assistant.knowledge.question_bank import load_question_bank
from ui.components import snippet
from ui.state import get_services, require_manager

KINDS = {"all": "Guidance and past notes", "guidance": "Guidance only", "note": "Past notes only"}
ALL_REPORTS = 0

manager = require_manager()
svc = get_services()

st.title("Knowledge")
st.caption("Best-practice guidance for 1:1s and everything you wrote in past meetings.")

reports = svc.team.reports(manager.id)
names = {r.id: r.name for r in reports}

tab_search, tab_questions = st.tabs(["Search", "Question bank"])

with tab_search:
    with st.form("kb_form", border=False):
        query = st.text_input(
            "Search",
            key="kb_query",
            placeholder="e.g. how to give feedback to a quiet person, or 'budget' in past notes",
        )
        c1, c2 = st.columns(2)
        kind = c1.selectbox("Look in", list(KINDS), format_func=KINDS.__getitem__, key="kb_kind")
        report_id = c2.selectbox(
            "Past notes about",
            [ALL_REPORTS, *names],
            format_func=lambda i: "Everyone" if i == ALL_REPORTS else names[i],
            key="kb_report",
        )
        searched = st.form_submit_button("Search", type="primary", key="kb_search")
    if searched:
        try:
            with st.spinner("Searching… (the first search after install prepares the index)"):
                retriever = svc.retriever(manager.id, wait=180)
                if retriever is None:
                    why = svc.index_problem
                    raise CoachError(
                        "Search is not available right now: the knowledge index could not be "
                        "opened" + (f" ({why})" if why else "") + ". Your notes are safe; "
                        "try again after restarting the app."
                    )
                results = retriever.search(
                    query,
                    kind=None if kind == "all" else kind,  # type: ignore[arg-type]
                    report_id=report_id or None,
                    limit=8,
                )
        except CoachError as exc:
            st.error(str(exc))
        else:
            st.session_state["kb_results"] = (query, results)
    found = st.session_state.get("kb_results")
    if found is None:
        st.info(
            "Ask in your own words. Results show where each passage comes from: a guidance "
            "article, or the 1:1 on a given date.",
            icon=":material/search:",
        )
    else:
        asked, results = found
        if not results:
            st.info(f"Nothing found for “{asked}”. Try other words or look in everything.")
        for n, result in enumerate(results):
            with st.container(border=True):
                icon = (
                    ":material/menu_book:" if result.kind == "guidance" else ":material/edit_note:"
                )
                st.markdown(f"{icon} **{result.title or result.citation}**")
                st.caption(f"Source: {result.citation}")
                # A short passage; the whole of it one click away.
                short, more = snippet(result.body)
                st.markdown(short)
                if more:
                    with st.expander("Read the whole passage", key=f"kb_more_{n}"):
                        st.markdown(result.body)

with tab_questions:
    try:
        bank = load_question_bank()
    except CoachError as exc:
        st.error(str(exc))
    else:
        sections = {s.id: s for s in bank.sections}
        picked = st.selectbox(
            "Section",
            list(sections),
            format_func=lambda s: f"{sections[s].title} ({len(sections[s].questions)})",
            key="kb_section",
        )
        section = sections[picked]
        for question in section.questions:
            tags = " ".join(f"`{t}`" for t in question.tags)
            st.markdown(f"- {question.text} {tags}".rstrip())
