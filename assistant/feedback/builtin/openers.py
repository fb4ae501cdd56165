"""Question-based openers: ask first, so the report reaches their own conclusion.

Every opener is a question and, when we know the situation, names it; generic questions
("How's it going?") don't get a useful answer about a specific moment.
"""

from __future__ import annotations

from assistant.domain.feedback import FeedbackKind, FeedbackStyle
from assistant.feedback.builtin.sbi import SBIContext

_MAX_OPENERS = 5


def _constructive(ctx: SBIContext) -> list[str]:
    phrase = ctx.situation_phrase
    questions: list[str] = []
    if ctx.situation_np:
        questions.append(f"How did {ctx.situation_np} go from your side?")
    elif phrase:
        questions.append(f"How did things go {phrase}, from your side?")
    else:
        questions.append("How did that go for you?")
    questions.append(
        f"What do you think happened {phrase}?" if phrase else "What do you think happened there?"
    )
    if ctx.affected:
        questions.append(f"How do you think it landed with {ctx.affected}?")
    if ctx.situation_np:
        questions.append(
            f"Looking back at {ctx.situation_np}, what would you do differently next time?"
        )
    else:
        questions.append(
            "If the same thing came up again, what would you do differently next time?"
        )
    if ctx.sbi.goal:
        questions.append(f"How do you see this affecting your goal \u201c{ctx.sbi.goal}\u201d?")
    questions.append("What would help you most next time, from me or from the team?")
    return questions


def _praise(ctx: SBIContext) -> list[str]:
    phrase = ctx.situation_phrase
    questions: list[str] = []
    if ctx.thing:
        questions.append(f"What made {ctx.thing} come together so well?")
    elif phrase:
        questions.append(f"What made it work so well {phrase}, in your view?")
    else:
        questions.append("What made this work so well, in your view?")
    if ctx.situation_np:
        questions.append(f"How did {ctx.situation_np} feel from your side?")
    elif phrase:
        questions.append(f"How did it feel from your side {phrase}?")
    else:
        questions.append("How did it feel from your side?")
    questions.append("What did you do this time that you'd want to repeat?")
    if ctx.sbi.goal:
        questions.append(f"How does this move you toward \u201c{ctx.sbi.goal}\u201d?")
    questions.append("Which part are you proudest of?")
    questions.append("Who else on the team could learn from how you approached it?")
    return questions


def build_openers(ctx: SBIContext, kind: FeedbackKind, style: FeedbackStyle | None) -> list[str]:
    """Three to five distinct questions, ordered for the report's preferred style."""
    questions = _praise(ctx) if kind == "praise" else _constructive(ctx)
    if kind == "constructive" and style == "direct":
        # Direct: get to the point, so "what happened" comes before the warm-up question.
        questions[0], questions[1] = questions[1], questions[0]
    unique: list[str] = []
    for question in questions:
        if question not in unique:
            unique.append(question)
    return unique[:_MAX_OPENERS]
