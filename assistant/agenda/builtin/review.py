"""The parts every agenda keeps: one review of the open action items (both sides, each a
sub-point) and the report's own topics (grouped into one item only when even their minimums
do not fit the meeting)."""

from __future__ import annotations

from assistant.agenda.builtin.candidates import (
    ORDER,
    REQUIRED,
    Candidate,
    cite,
    meeting_ref,
    plural,
    say,
)
from assistant.agenda.builtin.context import AgendaContext, OpenAction

ACTION_MIN, ACTION_IDEAL = 2, 2
TOPIC_MIN, TOPIC_IDEAL = 3, 6
# Their own topic: open coaching questions fit whatever it is about.
OPEN_COACHING = ("issues-05", "issues-10", "issues-07", "issues-06", "issues-13", "issues-12")


def _owner(ctx: AgendaContext, action: OpenAction) -> str:
    return action.owner_name or ("you" if action.owner_role == "manager" else ctx.report.name)


def _due_note(ctx: AgendaContext, action: OpenAction) -> str:
    if action.due_date is None:
        return "no due date"
    late = (ctx.meeting_date - action.due_date).days
    if late > 0:
        return f"due {action.due_date.isoformat()}, {late} day{'s' if late > 1 else ''} overdue"
    return f"due {action.due_date.isoformat()}"


MISSED = ("canceled", "skipped", "rescheduled")


def _origins(actions: tuple[OpenAction, ...]) -> str:
    """Where the items were agreed: 'the 1:1s on 2026-09-13, 2026-10-25 (canceled)'."""
    days = sorted({(a.meeting_date, a.meeting_status) for a in actions if a.meeting_date})
    parts = [d.isoformat() + (f" ({status})" if status in MISSED else "") for d, status in days]
    if not parts:
        return "outside a 1:1"
    where = f"the 1:1{'s' if len(parts) > 1 else ''} on " + ", ".join(parts)
    return where + (" and outside a 1:1" if any(a.meeting_date is None for a in actions) else "")


def _subpoint(ctx: AgendaContext, action: OpenAction) -> str:
    owner = _owner(ctx, action)
    carried = (
        f"; carried over from a {action.meeting_status} 1:1"
        if action.meeting_status in MISSED
        else ""
    )
    return say(
        ctx,
        f"- {action.task} ({owner}, {_due_note(ctx, action)}{carried})",
        f"- {action.task} ({owner}; {_due_note(ctx, action)}{carried})",
    )


def _review_reason(ctx: AgendaContext, actions: tuple[OpenAction, ...]) -> str:
    mine = sum(a.owner_role == "manager" for a in actions)
    late = sum(bool(a.due_date and a.due_date < ctx.meeting_date) for a in actions)
    missed = sum(a.meeting_status in MISSED for a in actions)
    facts = [plural(len(actions), "open action item", "open action items")]
    facts += [f"{mine} yours"] if mine else []
    facts += [f"{late} overdue"] if late else []
    facts += [f"{missed} from a 1:1 that did not happen"] if missed else []
    first = ", ".join(facts[:1]) + (f" ({', '.join(facts[1:])})" if facts[1:] else "")
    who = ctx.report.first_name
    order = (
        f"Report back on yours first, then let {who} recap the rest before you comment."
        if mine
        else f"Let {who} recap where each stands before you comment."
    )
    return f"{first}, both sides, reviewed together so the meeting stays theirs. {order}"


def action_items(ctx: AgendaContext) -> list[Candidate]:
    """One review item for every open action item (both sides), each as a sub-point."""
    actions = ctx.open_actions
    if not actions:
        return []
    count = len(actions)
    return [
        Candidate(
            title=say(
                ctx,
                f"Review the open action items ({count})",
                f"Action review ({count} open)",
            ),
            detail="\n".join(_subpoint(ctx, a) for a in actions),
            section="action_review",
            source="carried_over",
            reason=_review_reason(ctx, actions),
            source_ref=cite(
                ctx, "action_review", f"Open action items agreed in {_origins(actions)}"
            ),
            order=ORDER["action_review"],
            priority=REQUIRED,
            min_minutes=min(ACTION_MIN + count // 3, 5),
            ideal_minutes=min(ACTION_IDEAL + count, 10),
            questions=2,
            action_ids=tuple(a.id for a in actions),
            kind="action",
        )
    ]


def report_topics(ctx: AgendaContext) -> list[Candidate]:
    found: list[Candidate] = []
    who = ctx.report.first_name
    for seq, topic in enumerate(ctx.report_topics):
        note = ctx.topic_notes.get(topic)
        reason = (
            f"{who} added this topic; their topics come before yours. "
            "Let them lead and ask before you advise."
        )
        if note is not None:
            reason += f" It came up before ({note.citation})."
        found.append(
            Candidate(
                title=say(ctx, f"{who}'s topic: {topic}", f"{topic} ({who})"),
                detail=_added_by(ctx, topic, who),
                section="work_issues",
                source="report",
                reason=reason,
                source_ref=cite(
                    ctx,
                    "work_issues",
                    f"Topic added by {who} for the {meeting_ref(ctx.meeting_date)}",
                    note.citation if note else "",
                ),
                order=ORDER["report_topic"],
                priority=REQUIRED,
                min_minutes=TOPIC_MIN,
                ideal_minutes=TOPIC_IDEAL,
                questions=1,
                prefer=OPEN_COACHING,
                kind="report_topic",
                seq=seq,
            )
        )
    return found


def _added_by(ctx: AgendaContext, topic: str, who: str) -> str:
    added = ctx.topic_added.get(topic)
    if added:  # they added it themselves, signed in: say who and when
        return f"Added by {added}; {who} leads it."
    return say(ctx, f"{who} added this and leads it.", f"Added by {who}.")


def compress_topics(ctx: AgendaContext, items: list[Candidate]) -> Candidate:
    who = ctx.report.first_name
    topics = [c.title for c in items]
    return Candidate(
        title=say(ctx, f"{who}'s topics", f"Topics from {who}"),
        detail="\n".join(f"- {t}" for t in topics),
        section="work_issues",
        source="report",
        reason=f"{who} added these; kept together so all of them fit before your topics.",
        source_ref=cite(ctx, "work_issues", f"Topics added by {who}"),
        order=ORDER["report_topic"],
        priority=REQUIRED,
        min_minutes=TOPIC_MIN,
        ideal_minutes=TOPIC_IDEAL + 2 * len(items),
        questions=1,
        kind="report_topic",
    )
