"""Talk ratio and ask-vs-tell for one 1:1: paste or upload a transcript (`Name: text` lines,
.vtt, .srt), see who spoke how much and how you asked, and keep the counts on a held 1:1 so the
Coaching page can chart them. The transcript itself is never stored."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from assistant.db.models import Manager, MeetingStatus, Report
from assistant.errors import CoachError
from assistant.talk.ratio import TARGET_SHARE, TalkRatio
from assistant.team.timeline import Timeline
from ui import times
from ui.state import get_services

RESULT_KEY = "talk_result"


def _read_upload() -> str | None:
    upload = st.session_state.get("talk_file")
    if upload is None:
        return None
    text: str = upload.getvalue().decode("utf-8-sig", errors="replace")
    return text


def _share_chart(ratio: TalkRatio) -> alt.LayerChart:
    data = pd.DataFrame(
        [
            {"Speaker": f"{s.name} ({s.role})", "Share": s.share, "Words": s.words}
            for s in ratio.speakers
        ]
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("Share:Q", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
            y=alt.Y("Speaker:N", sort=None, title=None, axis=alt.Axis(labelLimit=240)),
            tooltip=["Speaker", alt.Tooltip("Share:Q", format=".0%"), "Words"],
        )
    )
    target = (
        alt.Chart(pd.DataFrame({"Share": [TARGET_SHARE]}))
        .mark_rule(strokeDash=[4, 4], color="gray")
        .encode(x="Share:Q")
    )
    chart: alt.LayerChart = (bars + target).properties(height=50 + 36 * len(ratio.speakers))
    return chart


def _show(ratio: TalkRatio) -> None:
    me, them = ratio.stats("manager"), ratio.stats("report")
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("You talked", f"{round(me.share * 100)}%", help="Target: about 20%")
    c2.metric(f"{them.name.split()[0]} talked", f"{round(them.share * 100)}%")
    c3.metric("Your questions", me.questions, help="Sentences ending in a question mark")
    c4.metric("Open questions", me.open_questions)
    st.altair_chart(_share_chart(ratio), key="talk_share_chart")
    st.dataframe(
        [
            {
                "Speaker": s.name,
                "Role": s.role,
                "Words": s.words,
                "Share": f"{round(s.share * 100)}%",
                "Questions (open / closed)": f"{s.open_questions} / {s.closed_questions}",
                "Longest monologue (words)": s.longest_monologue_words,
            }
            for s in ratio.speakers
        ],
        hide_index=True,
        key="talk_table",
    )
    for advice in ratio.advice:
        st.markdown(f"- {advice.text}  \n  :gray[Source: {advice.citation}]")


def _attach(manager_id: int, ratio: TalkRatio, timeline: Timeline) -> None:
    held = [m for m in timeline.meetings if m.status is MeetingStatus.HELD]
    if not held:
        st.caption("Once a 1:1 is recorded as held, you can keep these counts on it.")
        return
    labels = {m.id: f"{times.show(m.when)}" + (" (has one)" if m.talk else "") for m in held}
    c1, c2 = st.columns([3, 2], vertical_alignment="bottom")
    meeting_id = c1.selectbox(
        "Keep the counts on the 1:1 of",
        list(labels),
        format_func=labels.__getitem__,
        key="talk_meeting",
    )
    if c2.button("Keep on this 1:1", key="talk_attach", icon=":material/bookmark_add:"):
        get_services().team.attach_talk_ratio(manager_id, meeting_id, ratio)
        st.session_state["person_flash"] = (
            f"Talk ratio kept on the 1:1 of {labels[meeting_id]}; see it on the Coaching page."
        )
        st.session_state.pop(RESULT_KEY, None)
        st.rerun()


def talk_panel(manager: Manager, report: Report, timeline: Timeline) -> None:
    st.caption(
        "Paste a transcript with speaker names (`Name: text` lines, or a Zoom/Teams .vtt or "
        ".srt file). Only the counts are kept, and only if you ask."
    )
    st.text_area("Transcript", key="talk_text", height=160, placeholder="Alex: How was your week?")
    st.file_uploader("…or upload it", type=["txt", "vtt", "srt"], key="talk_file")
    c1, c2 = st.columns(2)
    me = c1.text_input("You appear as", value=manager.name, key="talk_manager")
    them = c2.text_input("They appear as", value=report.name, key="talk_report")
    if st.button("Measure", key="talk_measure", type="primary", icon=":material/equalizer:"):
        text = _read_upload() or st.session_state.get("talk_text", "")
        if not text.strip():
            st.error("Paste a transcript or upload a file first.")
        else:
            try:
                st.session_state[RESULT_KEY] = (
                    report.id,
                    get_services().team.talk_ratio(text, manager=me, report=them),
                )
            except CoachError as exc:
                st.session_state.pop(RESULT_KEY, None)
                st.error(str(exc))
    kept = st.session_state.get(RESULT_KEY)
    if kept and kept[0] == report.id:
        ratio: TalkRatio = kept[1]
        _show(ratio)
        _attach(manager.id, ratio, timeline)
