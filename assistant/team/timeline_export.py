"""A person's timeline as JSON (`coach timeline NAME --json`) and as one Markdown document with
a `## YYYY-MM-DD` header per 1:1 (`--markdown`, the page's download).

Private notes appear only when asked for, and the Markdown's first lines say which copy it is.
"""

from __future__ import annotations

from typing import Any

from assistant.db.models import MeetingStatus, OwnerRole
from assistant.team.timeline import ActionEntry, MeetingEntry, Timeline

SHAREABLE_NOTICE = (
    "_Shareable copy: private notes are left out. Check it before you send it to anyone._"
)
PRIVATE_NOTICE = "**Private copy, for you only: it includes your private notes. Do not share it.**"
RECAP_LISTS = (
    ("decisions", "Decisions"),
    ("praise", "Wins and recognition"),
    ("concerns", "Concerns"),
    ("personal", "Personal updates"),
    ("follow_ups", "Next time"),
)


def status_label(meeting: MeetingEntry, timeline: Timeline) -> str:
    """'Held', 'Planned', 'Canceled', 'Skipped' or 'Moved to 2026-05-14 10:00'."""
    if meeting.status is MeetingStatus.RESCHEDULED:
        if meeting.moved_to is None:
            return "Rescheduled"
        return f"Moved to {timeline.local(meeting.moved_to):%Y-%m-%d %H:%M}"
    return {
        MeetingStatus.SCHEDULED: "Planned",
        MeetingStatus.HELD: "Held",
        MeetingStatus.CANCELED: "Canceled",
        MeetingStatus.SKIPPED: "Skipped",
    }[meeting.status]


def _meeting_json(meeting: MeetingEntry, timeline: Timeline, private: bool) -> dict[str, Any]:
    local = timeline.local(meeting.when)
    data: dict[str, Any] = {
        "id": meeting.id,
        "date": local.date().isoformat(),
        "time": local.strftime("%H:%M"),
        "minutes": meeting.minutes,
        "status": meeting.status.value,
        "rescheduled_to": (
            timeline.local(meeting.moved_to).isoformat() if meeting.moved_to else None
        ),
        "agenda": [
            {"title": a.title, "minutes": a.minutes, "detail": a.detail, "theirs": a.theirs}
            for a in meeting.agenda
        ],
        "recap": meeting.recap,
        "notes": meeting.notes,
        "talk": (
            {
                "manager_share": round(meeting.talk.manager_share, 3),
                "manager_words": meeting.talk.manager_words,
                "report_words": meeting.talk.report_words,
                "manager_questions": meeting.talk.manager_questions,
                "manager_open_questions": meeting.talk.manager_open_questions,
            }
            if meeting.talk
            else None
        ),
    }
    if private:
        data["private_notes"] = meeting.private_notes
    return data


def timeline_json(timeline: Timeline, *, include_private: bool = False) -> dict[str, Any]:
    person = timeline.person
    report: dict[str, Any] = {
        "id": person.id,
        "name": person.name,
        "role": person.role,
        "start_date": person.start_date.isoformat() if person.start_date else None,
        "cadence_days": person.cadence_days,
        "meeting_minutes": person.meeting_minutes,
        "meeting_format": person.meeting_format,
        "feedback_style": person.feedback_style,
        "topics_favour": person.topics_favour,
        "topics_avoid": person.topics_avoid,
        "archived": person.archived,
    }
    if include_private:
        report["private_notes"] = person.private_notes
    return {
        "report": report,
        "manager": timeline.manager,
        "time_zone": str(timeline.zone),
        "private": include_private,
        "meetings": [_meeting_json(m, timeline, include_private) for m in timeline.meetings],
        "action_items": [a.as_json() for a in timeline.action_items],
        "feedback": [
            {
                "id": f.id,
                "given_on": f.given_on.isoformat(),
                "kind": f.kind,
                "wording": f.wording,
                "situation": f.situation,
                "behaviour": f.behaviour,
                "impact": f.impact,
                "response": f.response,
            }
            for f in timeline.feedback
        ],
        "goals": [
            {
                "id": g.id,
                "title": g.title,
                "status": g.status,
                "target_date": g.target_date.isoformat() if g.target_date else None,
            }
            for g in timeline.goals
        ],
    }


# -- Markdown ------------------------------------------------------------------------------------


def _action_line(item: ActionEntry) -> str:
    done = item.status.value != "open"
    due = f", due {item.due.isoformat()}" if item.due else ""
    closed = f", {item.status.value} {item.closed.isoformat()}" if done and item.closed else ""
    return f"- [{'x' if done else ' '}] {item.task} ({item.owner}{due}{closed})"


def _recap_lines(recap: dict[str, Any]) -> list[str]:
    lines = ["### Recap", ""]
    summary = str(recap.get("summary") or "").strip()
    if summary:
        lines += [summary, ""]
    for key, title in RECAP_LISTS:
        entries = [str(e) for e in recap.get(key) or [] if str(e).strip()]
        if entries:
            lines += [f"**{title}**", "", *[f"- {e}" for e in entries], ""]
    items = recap.get("action_items") or []
    if items:
        lines += ["**Action items**", ""]
        for item in items:
            due = f", due {item['due']}" if item.get("due") else ""
            lines.append(f"- [ ] {item.get('task', '')} ({item.get('owner') or 'unassigned'}{due})")
        lines.append("")
    return lines


def _meeting_lines(
    meeting: MeetingEntry, timeline: Timeline, *, private: bool, notes: bool
) -> list[str]:
    local = timeline.local(meeting.when)
    lines = [
        f"## {local.date().isoformat()}",
        "",
        f"{status_label(meeting, timeline)} · {local:%H:%M} · {meeting.minutes} min",
        "",
    ]
    if meeting.agenda:
        lines += ["### Agenda", ""]
        for number, item in enumerate(meeting.agenda, start=1):
            mark = " (their topic)" if item.theirs else ""
            lines.append(f"{number}. {item.title} ({item.minutes} min){mark}")
        lines.append("")
    if meeting.recap:
        lines += _recap_lines(meeting.recap)
    if notes and meeting.notes.strip():
        lines += ["### Notes", "", meeting.notes.strip(), ""]
    if private and meeting.private_notes.strip():
        lines += ["### Private notes (only you)", "", meeting.private_notes.strip(), ""]
    return lines


def timeline_markdown(
    timeline: Timeline, *, include_private: bool = False, include_notes: bool = False
) -> str:
    person = timeline.person
    facts = [person.role] if person.role else []
    facts.append(f"1:1 every {person.cadence_days} days, {person.meeting_minutes} min")
    if person.start_date:
        facts.append(f"started {person.start_date.isoformat()}")
    facts.append(f"times in {timeline.zone}")
    lines = [
        f"# 1:1 timeline: {person.name}",
        "",
        PRIVATE_NOTICE if include_private else SHAREABLE_NOTICE,
        "",
        " · ".join(facts) + f". Exported {timeline.generated.isoformat()}.",
        "",
    ]
    if include_private and person.private_notes.strip():
        lines += ["### Private notes about them (only you)", "", person.private_notes.strip(), ""]
    if timeline.goals:
        lines += ["### Goals", ""]
        for goal in timeline.goals:
            target = f", target {goal.target_date.isoformat()}" if goal.target_date else ""
            lines.append(f"- {goal.title} ({goal.status}{target})")
        lines.append("")
    first = person.name.split()[0]
    for role, title in (
        (OwnerRole.MANAGER, f"What I owe {first}"),
        (OwnerRole.REPORT, f"What {first} owes me"),
        (OwnerRole.OTHER, "Owned by others"),
    ):
        items = timeline.owed(role)
        if items:
            lines += [f"### {title}", "", *[_action_line(i) for i in items], ""]
    if timeline.feedback:
        lines += ["### Feedback", ""]
        for entry in timeline.feedback:
            said = entry.wording or entry.behaviour or entry.situation
            lines.append(f"- {entry.given_on.isoformat()} · {entry.kind}: {said}")
        lines.append("")
    for meeting in timeline.meetings:
        lines += _meeting_lines(meeting, timeline, private=include_private, notes=include_notes)
    return "\n".join(lines).rstrip() + "\n"
