"""The first-ever 1:1: getting to know each other, the purpose of 1:1s, how you'll work together,
cadence and how they like feedback."""

from __future__ import annotations

from assistant.agenda.builtin.candidates import ORDER, Candidate, cite, say
from assistant.agenda.builtin.context import AgendaContext
from assistant.agenda.builtin.guidance import guidance_ref

_SECTION = "getting_to_know"


def _cadence_words(days: int) -> str:
    if days == 7:
        return "every week"
    if days % 7 == 0:
        return f"every {days // 7} weeks"
    return f"every {days} days"


def first_meeting_items(ctx: AgendaContext) -> list[Candidate]:
    who = ctx.report.first_name
    order = ORDER[_SECTION]
    why_ref = guidance_ref("getting_to_know")

    def item(
        seq: int,
        title: tuple[str, str],
        detail: tuple[str, str],
        reason: str,
        refs: tuple[str, ...],
        *,
        priority: int,
        ideal: int,
        prefer: tuple[str, ...],
        questions: int = 2,
    ) -> Candidate:
        return Candidate(
            title=say(ctx, *title),
            detail=say(ctx, *detail),
            section=_SECTION,
            source="suggested",
            reason=reason,
            source_ref="; ".join(r for r in refs if r),
            # The welcome is this meeting's check-in: their topics come right after it.
            order=ORDER["connection"] if seq == 0 else order,
            priority=priority,
            min_minutes=2,
            ideal_minutes=ideal,
            questions=questions,
            prefer=prefer,
            seq=seq,
        )

    fmt = "a conversation" if not ctx.report.bulleted else "a short bulleted agenda"
    return [
        item(
            0,
            (f"Welcome, {who}: getting to know each other", "Getting to know you"),
            ("Their background, what they enjoy, what drains them.", "Background, energy."),
            "First 1:1: start with the person, not the work.",
            (why_ref,),
            priority=1,
            ideal=7,
            prefer=("know-01", "know-03", "know-09"),
            questions=3,
        ),
        item(
            1,
            ("What our 1:1s are for", "Purpose of our 1:1s"),
            (
                "This time is theirs: their topics first, a regular slot kept sacred, and not a "
                "status update.",
                "Their time; their topics first; not a status update.",
            ),
            "Explaining the purpose up front helps them own the agenda from next time.",
            (why_ref, "knowledge/why-one-on-ones-matter.md"),
            priority=2,
            ideal=4,
            prefer=("know-07",),
            questions=1,
        ),
        item(
            2,
            ("How we'll work together", "Working together"),
            (
                "How they like to communicate day to day and what they need from you.",
                "Communication, support needed.",
            ),
            "Agree working habits early so nobody has to guess.",
            ("knowledge/tailoring-to-each-person.md",),
            priority=2,
            ideal=5,
            prefer=("know-04", "know-05", "know-10"),
        ),
        item(
            3,
            ("Our rhythm: cadence and format", "Cadence & format"),
            (
                f"Proposal: {_cadence_words(ctx.report.cadence_days)}, "
                f"{ctx.report.meeting_minutes} minutes, as {fmt}. They add topics beforehand.",
                f"{_cadence_words(ctx.report.cadence_days)}, {ctx.report.meeting_minutes} min; "
                "they add topics beforehand.",
            ),
            "Settle the cadence and how the agenda gets built before the next one.",
            ("knowledge/cadence-and-scheduling.md",),
            priority=3,
            ideal=3,
            prefer=("know-07",),
            questions=1,
        ),
        item(
            4,
            ("How you like to get feedback", "Feedback preferences"),
            (
                "How and when they want to hear feedback, and how they like to be recognised.",
                "How, when; recognition.",
            ),
            "Tailor feedback to the person from the start.",
            ("knowledge/tailoring-to-each-person.md",),
            priority=2,
            ideal=4,
            prefer=("know-06", "know-11"),
        ),
        item(
            5,
            ("First weeks: questions and early goals", "First weeks"),
            (
                "What they want to learn first and any questions about the team.",
                "Early goals, open questions.",
            ),
            "Gives them something concrete to bring to the next 1:1.",
            (why_ref,),
            priority=4,
            ideal=4,
            prefer=("know-08", "know-12"),
        ),
    ]


def first_closing(ctx: AgendaContext) -> Candidate:
    return Candidate(
        title=say(ctx, "Wrap up and agree next steps", "Next steps"),
        detail=say(
            ctx,
            f"{ctx.report.first_name} recaps what each of you will do before the next 1:1.",
            "Actions, owners, next date.",
        ),
        section="closing",
        source="suggested",
        reason="End every 1:1, the first included, with action items recapped by the report.",
        source_ref=cite(ctx, "closing"),
        order=ORDER["closing"],
        priority=1,
        min_minutes=2,
        ideal_minutes=3,
        questions=1,
    )
