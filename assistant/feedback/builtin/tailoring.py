"""Fit the conversation to the person: style, feedback history, meeting format.

The facts (the SBI) stay the same; what changes is the order, the framing and the channel.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.domain.feedback import FeedbackRequest
from assistant.feedback.builtin.lexicon import first_name, lower_first, upper_first
from assistant.feedback.builtin.sbi import SBIContext

# From the seeds: a lack of praise reads as disapproval; 60 days without any is a long silence.
PRAISE_GAP_DAYS = 60


@dataclass(frozen=True)
class HistoryAdvice:
    """Whether to open with praise, and the notes that explain why."""

    praise_first: bool
    notes: list[str]


def _topic(ctx: SBIContext) -> str:
    if ctx.situation_np:
        return ctx.situation_np
    if ctx.situation_phrase:
        return f"what happened {ctx.situation_phrase}"
    return "something I noticed"


def _goal_sentence(ctx: SBIContext, kind: str) -> str:
    if not ctx.sbi.goal:
        return ""
    if kind == "praise":
        return f" It moves you toward your goal “{ctx.sbi.goal}”."
    return f" It also ties in with your goal “{ctx.sbi.goal}”."


def _observation(ctx: SBIContext, noticed: bool) -> str:
    """'In Tuesday's demo, I noticed you ...' (or with the situation prompt in front)."""
    clause = f"I noticed {ctx.sbi.behaviour}" if noticed else ctx.sbi.behaviour
    if ctx.sbi.situation_missing:
        return f"{ctx.sbi.situation} {upper_first(clause)}."
    return f"{ctx.sbi.situation}, {clause}."


def compose_statement(ctx: SBIContext, request: FeedbackRequest) -> str:
    """The full wording, framed for the report's style; the SBI facts are never changed."""
    impact = f" {ctx.sbi.impact}"
    goal = _goal_sentence(ctx, request.kind)
    style = request.style
    if request.kind == "praise":
        if style == "gentle":
            return (
                f"I wanted to share something I appreciated. {_observation(ctx, True)}"
                f"{impact}{goal} Thank you for that."
            )
        if style == "in_the_moment":
            observation = _observation(ctx, False)
            if not ctx.sbi.situation_missing:
                observation = lower_first(observation)
            return f"Quick word while it's fresh: {observation}{impact}{goal} Thank you."
        return f"{_observation(ctx, style != 'direct')}{impact}{goal} Thank you for that."
    if style == "direct":
        return f"{_observation(ctx, False)}{impact}{goal} I'd like to hear your side of it."
    if style == "gentle":
        return (
            f"I'd like to talk about {_topic(ctx)} and hear how it went for you. "
            f"{_observation(ctx, True)}{impact}{goal} I may be missing some context, so your "
            "view really matters here."
        )
    if style == "in_the_moment":
        return f"Have you got two minutes? {_observation(ctx, True)}{impact}{goal}"
    return f"{_observation(ctx, True)}{impact}{goal}"


def history_advice(request: FeedbackRequest) -> HistoryAdvice:
    """Praise-first advice when constructive feedback has dominated or praise has gone quiet."""
    name = first_name(request.report_name)
    known = request.recent_praise_count is not None or request.recent_constructive_count is not None
    praise = request.recent_praise_count or 0
    constructive = request.recent_constructive_count or 0
    reasons: list[str] = []
    if constructive > praise and constructive >= 2:
        reasons.append(
            f"the last 90 days hold {constructive} constructive and {praise} praise "
            f"conversation{'s' if praise != 1 else ''}"
        )
    days = request.days_since_last_praise
    if days is not None and days >= PRAISE_GAP_DAYS:
        reasons.append(f"no praise recorded for {days} days")
    elif days is None and praise == 0 and constructive >= 1:
        reasons.append("no praise recorded recently")
    if not reasons:
        if known and praise == 0 and constructive == 0:
            return HistoryAdvice(
                False,
                [
                    f"No feedback recorded for {name} in the last 90 days; make sure they know "
                    "where they stand, and record this one."
                ],
            )
        return HistoryAdvice(False, [])
    why = " and ".join(reasons)
    if request.kind == "praise":
        return HistoryAdvice(
            False,
            [
                f"Good timing: {why}. From {name}'s side a lack of praise reads as disapproval, "
                "so give this soon rather than saving it up."
            ],
        )
    return HistoryAdvice(
        True,
        [
            f"Open with genuine, specific praise first: {why}. A lack of praise reads as "
            f"disapproval, and if {name} only hears criticism they stop taking part. Make it "
            "real and about something recent, and let it stand on its own (no “but”) before "
            "the constructive point."
        ],
    )


def style_notes(ctx: SBIContext, request: FeedbackRequest) -> list[str]:
    """Why the wording and plan look the way they do for this person."""
    name = first_name(request.report_name)
    notes: list[str] = []
    style_text = {
        "direct": (
            f"{name} prefers direct feedback: lead with the observation plainly and early, keep "
            "the warm-up short, and still ask before you suggest anything."
        ),
        "gentle": (
            f"{name} prefers a gentle approach: start with context and a question so they can "
            "name the issue first; soften the delivery, not the facts."
        ),
        "written_first": (
            f"{name} likes to read feedback first: send the short note below before the 1:1 "
            "so they can reflect, then talk it through in person."
        ),
        "in_the_moment": (
            f"{name} prefers feedback in the moment: have a quick private word soon after the "
            "event while it's fresh, and pick it up again in the 1:1 if needed."
        ),
    }
    if request.style:
        notes.append(style_text[request.style])
    else:
        notes.append(
            f"No feedback style on record for {name}: ask how they like to get feedback "
            "(direct, gentle, in writing first, or in the moment) and save it to their profile."
        )
    if request.meeting_format == "bulleted":
        notes.append(
            f"{name} likes bulleted 1:1s: add a one-line agenda point so it isn't a surprise."
        )
    elif request.meeting_format == "conversational":
        notes.append(f"{name} likes conversational 1:1s: keep it informal; a walk or coffee works.")
    if ctx.sbi.goal:
        notes.append(
            f"Linked to the goal “{ctx.sbi.goal}” because both mention "
            f"{', '.join(ctx.goal_words)}; drop the link if it doesn't really apply."
        )
    return notes


def _open_step(ctx: SBIContext, request: FeedbackRequest) -> str:
    name = first_name(request.report_name)
    topic = _topic(ctx)
    if request.kind == "praise":
        return {
            "direct": "Open: say it plainly near the start of the 1:1; don't save it for the end.",
            "gentle": "Open: check in first, then say there's something specific you appreciated.",
            "written_first": "Open: send the note below first, then bring it up in person too.",
            "in_the_moment": "Open: say it today, in a quick word while it's still fresh.",
            None: "Open: raise it early in the 1:1, while it's still recent.",
        }[request.style]
    return {
        "direct": f"Open: name the topic ({topic}) in the first minute, without a long warm-up.",
        "gentle": (
            f"Open: check in, then ask how {topic} went for {name} before you share what you saw."
        ),
        "written_first": (
            f"Open: send the note below a day ahead; in the 1:1, ask what {name} made of it."
        ),
        "in_the_moment": (
            "Open: find a private moment soon after it happened (the same day if you can): "
            "a quick word, not in front of others."
        ),
        None: f"Open: check in on how {name} is doing, then say you'd like to talk about {topic}.",
    }[request.style]


def build_plan(
    ctx: SBIContext, request: FeedbackRequest, openers: list[str], advice: HistoryAdvice
) -> list[str]:
    """Open, (share), ask, listen, agree a next step — in that order."""
    name = first_name(request.report_name)
    plan: list[str] = []
    if request.meeting_format == "bulleted" and request.style != "in_the_moment":
        plan.append(f"Prepare: add a one-line point to the shared agenda ({_topic(ctx)}).")
    if advice.praise_first:
        plan.append(
            f"Open with praise: name one recent thing {name} did well, specifically, and let "
            "it land before moving on."
        )
    plan.append(_open_step(ctx, request))
    if request.kind == "praise":
        plan.append("Share: say what they did and what it changed; specifics, not superlatives.")
    else:
        plan.append(
            "Share: state the observation once, in about a minute: situation, behaviour, "
            "impact. Stick to what you saw yourself."
        )
    plan.append(f"Ask, then pause: “{openers[0]}”")
    plan.append(
        f"Listen: let {name} do most of the talking (around 80%); ask follow-up questions "
        "rather than explaining, and summarise what you heard."
    )
    if request.kind == "praise":
        target = f"the next {ctx.event_noun}" if ctx.event_noun else "their next piece of work"
        plan.append(
            f"Agree a next step: how {name} will build on it (e.g. repeat the approach in "
            f"{target} or share it with the team), and ask whether they'd like it recognised "
            "in front of the team."
        )
    else:
        plan.append(
            f"Agree a next step: ask {name} what they'll try next time, have them recap it in "
            "their own words, and note it as an action item with a date."
        )
        plan.append("Close: ask what you could do differently to help; feedback goes both ways.")
    return plan


def build_follow_up(ctx: SBIContext, request: FeedbackRequest) -> str:
    """A concrete check-in with a timeframe."""
    name = first_name(request.report_name)
    goal = f" Check progress on “{ctx.sbi.goal}” at the same time." if ctx.sbi.goal else ""
    if request.kind == "praise":
        watch = f"the next {ctx.event_noun}" if ctx.event_noun else "the next chance"
        return (
            f"Over the next two weeks, watch for {watch} where {name} does this again and "
            f"recognise that too; at your next 1:1, ask how they're building on it.{goal}"
        )
    when = "Within a week" if request.style == "in_the_moment" else "At your next 1:1"
    what = f"how the next {ctx.event_noun} went" if ctx.event_noun else "how things have gone since"
    return (
        f"{when}, ask {name} {what} and whether the step you agreed helped; note what "
        f"changed.{goal}"
    )


def build_written_note(
    ctx: SBIContext, request: FeedbackRequest, statement: str, openers: list[str]
) -> str | None:
    """A short note to send before the 1:1, only for people who like to read feedback first."""
    if request.style != "written_first":
        return None
    name = first_name(request.report_name)
    if request.kind == "praise":
        return (
            f"Hi {name},\n\nI wanted to put this in writing before our 1:1. {statement}\n\n"
            f"I'd love to hear your take when we meet: {openers[0]}"
        )
    return (
        f"Hi {name},\n\nAhead of our 1:1 I'd like to give you a heads-up on something I want to "
        f"talk through together. {statement}\n\nNo need to reply in writing; I'd like to hear "
        f"your view when we meet. One question to think about: {openers[0]}"
    )
