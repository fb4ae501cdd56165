"""Suggested items for a regular 1:1, each justified by the person's history and the guidance."""

from __future__ import annotations

import datetime as dt

from assistant.agenda.builtin.candidates import (
    ORDER,
    Candidate,
    cite,
    guidance_hint,
    meeting_ref,
    plural,
    say,
)
from assistant.agenda.builtin.context import AgendaContext
from assistant.agenda.builtin.textscan import BLOCKERS, PERSONAL, STRESS, WINS, Avoider
from assistant.agenda.builtin.textscan import first_matching as find

NEGLECTED_DAYS = 28  # growth/wellbeing come back after four weeks without a mention
GOAL_SOON_DAYS = 30


def opener(ctx: AgendaContext, avoid: Avoider) -> Candidate:
    last = ctx.last_held
    update = find(last.notes, PERSONAL, avoid=avoid) if last else []
    who = ctx.report.first_name
    if last and update:
        detail = say(
            ctx,
            f"Last time: “{update[0]}” How did it go?",
            f"Since last time: “{update[0]}”",
        )
        reason = (
            f"{who} shared a personal update in the last 1:1 ({last.date.isoformat()}): "
            "follow it up, and keep it light."
        )
        ref = cite(ctx, "connection", f"Notes of the {meeting_ref(last.date)}")
        prefer: tuple[str, ...] = ("conn-06",)
    else:
        detail = say(
            ctx,
            "A few minutes on how they are before any work topic.",
            "How they are, outside work too.",
        )
        reason = "Starting with connection builds the trust the rest of the meeting needs."
        ref = cite(ctx, "connection")
        prefer = ()
    return Candidate(
        title=say(ctx, f"Check in with {who}", "Check-in"),
        detail=detail,
        section="connection",
        source="suggested",
        reason=reason + guidance_hint(ctx, "connection"),
        source_ref=ref,
        order=ORDER["connection"],
        priority=1,
        min_minutes=2,
        ideal_minutes=4,
        questions=1,
        prefer=prefer,
    )


def wins(ctx: AgendaContext, avoid: Avoider) -> Candidate:
    window = dt.timedelta(days=max(ctx.report.cadence_days * 2, 21))
    found: list[str] = []
    refs: list[str] = []
    for meeting in ctx.recent_held:
        if ctx.meeting_date - meeting.date > window:
            break
        for sentence in find(meeting.notes, WINS, avoid=avoid, limit=2 - len(found)):
            found.append(f"{sentence} ({meeting.date.isoformat()})")
            refs.append(meeting_ref(meeting.date))
        if len(found) >= 2:
            break
    praise = [
        f for f in ctx.feedback_90d if f.kind == "praise" and ctx.meeting_date - f.given_on < window
    ]
    for entry in praise[:1]:
        if entry.situation and not avoid.hits(entry.situation):
            found.append(f"Recognised: {entry.situation} ({entry.given_on.isoformat()})")
            refs.append(f"Praise logged on {entry.given_on.isoformat()}")
    if found:
        detail = "\n".join(f"- {w}" for w in found)
        reason = "Recent wins from the notes and praise log are worth celebrating by name."
    else:
        detail = say(ctx, "What went well since the last 1:1?", "What went well.")
        reason = "Celebrating wins, big or small, keeps motivation up."
    return Candidate(
        title=say(ctx, "Celebrate recent wins", "Wins"),
        detail=detail,
        section="wins",
        source="suggested",
        reason=reason + guidance_hint(ctx, "wins"),
        source_ref=cite(ctx, "wins", *dict.fromkeys(refs)),
        order=ORDER["wins"],
        priority=3,
        min_minutes=2,
        ideal_minutes=4,
        questions=1,
    )


def goals(ctx: AgendaContext) -> Candidate:
    soon = [
        g
        for g in ctx.goals
        if g.target_date and (g.target_date - ctx.meeting_date).days <= GOAL_SOON_DAYS
    ]
    lines = []
    for goal in ctx.goals[:3]:
        if goal.target_date is None:
            lines.append(f"- {goal.title}")
            continue
        days = (goal.target_date - ctx.meeting_date).days
        when = f"{days} days left" if days >= 0 else f"{-days} days past target"
        lines.append(f"- {goal.title} (target {goal.target_date.isoformat()}, {when})")
    if soon:
        reason = (
            f"{plural(len(soon), 'goal reaches its', 'goals reach their')} "
            f"target date within {GOAL_SOON_DAYS} days."
        )
    elif ctx.goals:
        reason = "Check progress on active goals and that priorities are still right."
    else:
        reason = "No active goals recorded: agree what success looks like for the next weeks."
    return Candidate(
        title=say(ctx, "Goals and priorities: on track?", "Goals & alignment"),
        detail="\n".join(lines) or say(ctx, "What matters most right now?", "Priorities."),
        section="goals_alignment",
        source="suggested",
        reason=reason + guidance_hint(ctx, "goals_alignment"),
        source_ref=cite(ctx, "goals_alignment", *(f"Goal: {g.title}" for g in soon[:2])),
        order=ORDER["goals_alignment"],
        priority=3 if soon else 4,
        min_minutes=2,
        ideal_minutes=5 if soon else 4,
        questions=1,
    )


def roadblocks(ctx: AgendaContext, avoid: Avoider) -> Candidate:
    last = ctx.last_held
    hit = find(last.notes, BLOCKERS, avoid=avoid) if last else []
    overdue = [a for a in ctx.open_actions if a.due_date and a.due_date < ctx.meeting_date]
    lines = []
    if hit and last:
        lines.append(f"- Last time: “{hit[0]}”")
    if overdue:
        lines.append(
            f"- {plural(len(overdue), 'open action item is', 'open action items are')} past "
            "the due date: what's in the way?"
        )
    reason = "Ask where they are stuck and what help they need; listen before solving."
    refs = [meeting_ref(last.date)] if hit and last else []
    return Candidate(
        title=say(ctx, "Anything in the way? Where can I help?", "Roadblocks / help needed"),
        detail="\n".join(lines) or say(ctx, "What is slowing things down?", "Blockers."),
        section="roadblocks",
        source="suggested",
        reason=reason + guidance_hint(ctx, "roadblocks"),
        source_ref=cite(ctx, "roadblocks", *refs),
        order=ORDER["roadblocks"],
        priority=3,
        min_minutes=2,
        ideal_minutes=4,
        questions=1,
    )


def _neglected(ctx: AgendaContext, *topics: str) -> tuple[bool, dt.date | None]:
    days = [ctx.topic_last[t] for t in topics if t in ctx.topic_last]
    last = max(days) if days else None
    return last is None or (ctx.meeting_date - last).days >= NEGLECTED_DAYS, last


def growth(ctx: AgendaContext) -> Candidate | None:
    neglected, last = _neglected(ctx, "career")
    if not neglected:
        return None
    if last is None:
        reason = "Growth and career have not come up in a recorded 1:1 yet."
    else:
        weeks = (ctx.meeting_date - last).days // 7
        reason = f"Career last came up on {last.isoformat()} ({weeks} weeks ago)."
    return Candidate(
        title=say(ctx, "Growth and career: where do you want to go next?", "Growth & career"),
        detail=say(ctx, "Skills to build, what would stretch them.", "Skills, next step."),
        section="growth_career",
        source="suggested",
        reason=reason + guidance_hint(ctx, "growth_career"),
        source_ref=cite(ctx, "growth_career"),
        order=ORDER["growth_career"],
        priority=3,  # only suggested when it has been neglected, so it matters
        min_minutes=3,
        ideal_minutes=5,
        questions=1,
    )


def wellbeing(ctx: AgendaContext) -> Candidate | None:
    last = ctx.last_held
    stressed = bool(last and find(last.notes, STRESS))
    neglected, _ = _neglected(ctx, "wellbeing", "workload")
    if not (stressed or neglected):
        return None
    reason = (
        "The last notes mention pressure or a heavy load: check how sustainable it feels."
        if stressed
        else "Workload and wellbeing have not come up for four weeks or more."
    )
    return Candidate(
        title=say(ctx, "How is the workload feeling?", "Workload & wellbeing"),
        detail=say(ctx, "Is the pace sustainable?", "Load, pace."),
        section="wellbeing_workload",
        source="suggested",
        reason=reason,
        source_ref=cite(
            ctx, "wellbeing_workload", *([meeting_ref(last.date)] if stressed and last else [])
        ),
        order=ORDER["wellbeing_workload"],
        priority=3 if stressed else 6,
        min_minutes=2,
        ideal_minutes=3,
        questions=1,
    )
