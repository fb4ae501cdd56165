"""Feedback both ways, the recognition prompt, favoured topics and the closing recap."""

from __future__ import annotations

from assistant.agenda.builtin.candidates import ORDER, Candidate, cite, guidance_hint, say
from assistant.agenda.builtin.context import AgendaContext

PRAISE_GAP_DAYS = 30
MAX_FAVOURED = 2

_STYLE_HINT = {
    "direct": "They like feedback straight and specific: name the situation and the impact.",
    "gentle": "They prefer feedback gently: open with a question and keep it private.",
    "written_first": "They like feedback in writing first: send it before, then discuss it here.",
    "in_the_moment": "They prefer feedback in the moment: use this slot for anything left over.",
}

# Favoured topics are free text: a few words decide which section's questions fit them.
_FAVOURED_SECTIONS = (
    (("career", "growth", "promotion", "staff", "learning", "path", "mentoring"), "growth_career"),
    (("goal", "metric", "pipeline", "planning", "commission", "quality"), "goals_alignment"),
    (("health", "wellbeing", "on-call", "workload"), "wellbeing_workload"),
)


def praise_prompt(ctx: AgendaContext) -> Candidate | None:
    praise = sum(1 for f in ctx.feedback_90d if f.kind == "praise")
    constructive = sum(1 for f in ctx.feedback_90d if f.kind == "constructive")
    if ctx.last_praise is None:
        why = "No praise logged for them yet"
    elif (gap := (ctx.meeting_date - ctx.last_praise).days) >= PRAISE_GAP_DAYS:
        why = f"No praise logged in {gap} days (last on {ctx.last_praise.isoformat()})"
    elif constructive > praise:
        why = f"Constructive feedback outweighs praise in 90 days ({constructive} vs {praise})"
    else:
        return None
    return Candidate(
        title=say(ctx, "Recognition: something that went well", "Recognition"),
        detail=say(
            ctx,
            "Something that went well recently, and why it mattered.",
            "What went well, why it mattered.",
        ),
        section="praise",
        source="suggested",
        reason=(
            f"{why}. A lack of praise can read as disapproval: find one specific thing to "
            "recognise and say what its impact was." + guidance_hint(ctx, "praise")
        ),
        source_ref=cite(ctx, "praise", "Feedback log (last 90 days)"),
        order=ORDER["praise"],
        priority=2,
        min_minutes=2,
        ideal_minutes=3,
        questions=1,
    )


def feedback_for_report(ctx: AgendaContext) -> Candidate:
    hint = _STYLE_HINT.get(ctx.report.feedback_style, "")
    follow = next((f for f in ctx.feedback_90d if f.kind == "constructive"), None)
    reason = "Feedback both ways; ask questions so they reflect first. " + hint
    refs = []
    if follow is not None:
        reason += f" Check how things went since the feedback on {follow.given_on.isoformat()}"
        reason += f" ({follow.situation})." if follow.situation else "."
        refs.append(f"Feedback logged on {follow.given_on.isoformat()}")
    return Candidate(
        title=say(ctx, f"Feedback for {ctx.report.first_name}", "Feedback for you"),
        detail=say(
            ctx,
            "What is going well and what could go better, starting with their view.",
            "Going well / could go better.",
        ),
        section="feedback_for_report",
        source="suggested",
        reason=reason.strip() + guidance_hint(ctx, "feedback_for_report"),
        source_ref=cite(ctx, "feedback_for_report", *refs),
        order=ORDER["feedback_for_report"],
        priority=3,
        min_minutes=2,
        ideal_minutes=3,
        questions=1,
    )


def feedback_for_manager(ctx: AgendaContext) -> Candidate:
    return Candidate(
        title=say(ctx, "Your feedback for me", "Feedback for me"),
        detail=say(
            ctx,
            "What I could do differently to make your work easier.",
            "What I should start, stop, keep.",
        ),
        section="feedback_for_manager",
        source="suggested",
        reason="Ask for feedback on yourself as a manager; it makes feedback a two-way habit."
        + guidance_hint(ctx, "feedback_for_manager"),
        source_ref=cite(ctx, "feedback_for_manager"),
        order=ORDER["feedback_for_manager"],
        priority=3,
        min_minutes=2,
        ideal_minutes=3,
        questions=1,
    )


def favoured(ctx: AgendaContext) -> list[Candidate]:
    """Up to two of the topics they care about, rotating so each comes round in turn."""
    topics = list(ctx.report.topics_favour)
    if not topics:
        return []
    start = ctx.held_count % len(topics)
    chosen = (topics[start:] + topics[:start])[:MAX_FAVOURED]
    found = []
    for seq, topic in enumerate(chosen):
        section = next(
            (s for words, s in _FAVOURED_SECTIONS if any(w in topic.lower() for w in words)),
            "work_issues",
        )
        found.append(
            Candidate(
                title=say(ctx, f"Something they care about: {topic}", f"Topic: {topic}"),
                detail=say(ctx, f"Anything new on {topic}?", f"Updates on {topic}."),
                section=section,
                source="suggested",
                reason=f"One of the topics {ctx.report.first_name} likes to discuss "
                "(profile preference); rotated in.",
                source_ref=cite(ctx, section, "Report profile: favoured topics"),
                order=ORDER["favoured"],
                # One topic they care about per 1:1, rotating; it outranks generic suggestions.
                priority=2 if seq == 0 else 5,
                min_minutes=2,
                ideal_minutes=4,
                questions=1,
                seq=seq,
            )
        )
    return found


def closing(ctx: AgendaContext) -> Candidate:
    who = ctx.report.first_name
    return Candidate(
        title=say(ctx, f"Wrap up: {who} recaps the action items", "Recap: actions, owners, dates"),
        detail=say(
            ctx,
            f"{who} sums up, in their own words, who does what by when.",
            "Owner and date for each action.",
        ),
        section="closing",
        source="suggested",
        reason="Ending with the report's own recap makes ownership clear; these items open "
        "the next 1:1." + guidance_hint(ctx, "closing"),
        source_ref=cite(ctx, "closing"),
        order=ORDER["closing"],
        priority=1,
        min_minutes=2,
        ideal_minutes=3,
        questions=1,
    )
