"""Built-in feedback coach: SBI statement, question-based openers, plan, tailoring, wording check.

Offline and deterministic: the same request always gives the same draft. It is the floor the
LLM engine refines and the fallback when that fails.
"""

from __future__ import annotations

from typing import Literal

from assistant.domain.feedback import FeedbackDraft, FeedbackRequest, WordingCheck
from assistant.errors import BadInputError, InputTooLargeError
from assistant.feedback.builtin.lexicon import first_name
from assistant.feedback.builtin.openers import build_openers
from assistant.feedback.builtin.sbi import build_sbi
from assistant.feedback.builtin.tailoring import (
    build_follow_up,
    build_plan,
    build_written_note,
    compose_statement,
    history_advice,
    style_notes,
)
from assistant.feedback.builtin.wording_check import run_check

__all__ = ["MAX_TEXT_CHARS", "check_wording", "draft_feedback"]

MAX_TEXT_CHARS = 5_000
_MAX_GOALS = 50
ENGINE_NAME = "built-in"


def _validate(request: FeedbackRequest) -> None:
    parts = [request.what, request.situation, request.behaviour, request.impact]
    if not (request.what or "").strip() and not (request.behaviour or "").strip():
        raise BadInputError(
            "Describe what happened: give a short description, or at least the behaviour "
            "you saw (what they did or said)."
        )
    size = sum(len(p) for p in parts if p)
    if size > MAX_TEXT_CHARS:
        raise InputTooLargeError(
            f"The description is {size:,} characters; keep it under {MAX_TEXT_CHARS:,} "
            "(a few sentences about one moment works best)."
        )
    if len(request.goals) > _MAX_GOALS or sum(len(g) for g in request.goals) > MAX_TEXT_CHARS:
        raise InputTooLargeError(
            f"Too much goal text: pass at most {_MAX_GOALS} active goals, "
            f"{MAX_TEXT_CHARS:,} characters in total."
        )


def check_wording(text: str, kind: Literal["praise", "constructive"]) -> WordingCheck:
    """Flag labels, absolutes, vague judgments, 'but' after praise, sarcasm, comparisons and
    (for praise) generic praise, each with its span, a reason and a rewrite suggestion."""
    if not text.strip():
        raise BadInputError("Paste the feedback wording you want to check; it was empty.")
    if len(text) > MAX_TEXT_CHARS:
        raise InputTooLargeError(
            f"The text is {len(text):,} characters; the wording check takes up to "
            f"{MAX_TEXT_CHARS:,}."
        )
    return run_check(text, kind)


def draft_feedback(request: FeedbackRequest) -> FeedbackDraft:
    """Turn a description of one moment into a feedback conversation the manager can edit."""
    _validate(request)
    ctx = build_sbi(request)
    openers = build_openers(ctx, request.kind, request.style)
    advice = history_advice(request)
    statement = compose_statement(ctx, request)
    wording = run_check(statement, request.kind)

    notices: list[str] = []
    if ctx.sbi.situation_missing:
        notices.append(
            "No situation found: replace the [Situation] prompt with when and where it "
            "happened, so the feedback is specific and timely."
        )
    if ctx.sbi.impact_missing:
        notices.append(
            "The impact wasn't in your description, so the statement has an [Impact] prompt: "
            "fill in what it changed for the team or the goal before you use it."
        )
    if not wording.ok:
        notices.append(
            "The statement keeps your own words, and the wording check flags some of them "
            f"({wording.summary.rstrip('.')}); rewrite those parts first."
        )
    name = first_name(request.report_name)
    if request.kind == "constructive" and request.goals and ctx.sbi.goal is None:
        notices.append(f"None of {name}'s active goals matched this; check if one should.")

    return FeedbackDraft(
        report_name=request.report_name,
        kind=request.kind,
        sbi=ctx.sbi,
        statement=statement,
        openers=openers,
        plan=build_plan(ctx, request, openers, advice),
        follow_up=build_follow_up(ctx, request),
        tailoring_notes=advice.notes + style_notes(ctx, request),
        written_note=build_written_note(ctx, request, statement, openers),
        wording_check=wording,
        engine=ENGINE_NAME,
        notices=notices,
    )
