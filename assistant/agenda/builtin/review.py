"""The parts every agenda keeps: open action items (both sides) and the report's own topics,
plus their compressed forms for short meetings."""

from __future__ import annotations

from assistant.agenda.builtin.candidates import ORDER, REQUIRED, Candidate, cite, meeting_ref, say
from assistant.agenda.builtin.context import AgendaContext, OpenAction

ACTION_MIN, ACTION_IDEAL = 2, 3
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


def action_source_ref(action: OpenAction) -> str:
    return (
        f"Action item #{action.id} from {meeting_ref(action.meeting_date, action.meeting_status)}"
    )


def action_items(ctx: AgendaContext) -> list[Candidate]:
    found: list[Candidate] = []
    for seq, action in enumerate(ctx.open_actions):
        owner = _owner(ctx, action)
        mine = action.owner_role == "manager"
        teller = owner.split()[0] if owner else ctx.report.first_name
        origin = meeting_ref(action.meeting_date)
        detail = say(
            ctx,
            f"Agreed in the {origin} ({owner}); {_due_note(ctx, action)}. "
            f"{teller} recaps where it stands.",
            f"Owner: {owner} · {_due_note(ctx, action)} · from the {origin}",
        )
        missed = action.meeting_status in ("canceled", "skipped", "rescheduled")
        reason = "Still open" + (
            f"; carried over from a {action.meeting_status} 1:1" if missed else ""
        )
        reason += (
            ". Your own commitment: report back on it first."
            if mine
            else f". Let {ctx.report.first_name} recap the progress before you comment."
        )
        found.append(
            Candidate(
                title=say(ctx, f"Progress on: {action.task}", f"Action: {action.task}"),
                detail=detail,
                section="action_review",
                source="carried_over",
                reason=reason,
                source_ref=cite(ctx, "action_review", action_source_ref(action)),
                order=ORDER["action_review"],
                priority=REQUIRED,
                min_minutes=ACTION_MIN,
                ideal_minutes=ACTION_IDEAL,
                questions=2 if seq == 0 else 0,  # one set of review questions covers them all
                action_ids=(action.id,),
                kind="action",
                seq=seq,
            )
        )
    return found


def compress_actions(ctx: AgendaContext, items: list[Candidate]) -> Candidate:
    """One review item for every open action item, when time is too short for one each."""
    by_id = {a.id: a for a in ctx.open_actions}
    ids = [i for c in items for i in c.action_ids]
    lines = [
        f"- {by_id[i].task} ({_owner(ctx, by_id[i])}; {_due_note(ctx, by_id[i])})"
        for i in ids
        if i in by_id
    ]
    return Candidate(
        title=say(
            ctx,
            f"Review the {len(ids)} open action items together",
            f"Action review ({len(ids)} open)",
        ),
        detail="\n".join(lines),
        section="action_review",
        source="carried_over",
        reason=(
            "All open action items, both sides, compressed into one review to fit the meeting; "
            "each owner recaps progress."
        ),
        source_ref=cite(ctx, "action_review", "Action items " + ", ".join(f"#{i}" for i in ids)),
        order=ORDER["action_review"],
        priority=REQUIRED,
        min_minutes=min(ACTION_MIN + len(ids) // 3, 5),
        ideal_minutes=ACTION_IDEAL + len(ids),
        questions=2,
        action_ids=tuple(ids),
        kind="action",
    )


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
                detail=say(ctx, f"{who} added this and leads it.", f"Added by {who}."),
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
