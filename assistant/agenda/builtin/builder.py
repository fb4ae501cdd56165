"""The built-in agenda engine: context in, AgendaDraft out. Pure and deterministic."""

from __future__ import annotations

from assistant.agenda.builtin import feedback_items, first_meeting, review, suggestions
from assistant.agenda.builtin.candidates import ORDER, Candidate
from assistant.agenda.builtin.context import AgendaContext
from assistant.agenda.builtin.questions import QuestionPicker, report_tags
from assistant.agenda.builtin.textscan import Avoider
from assistant.agenda.builtin.timing import allocate, fit
from assistant.domain.agenda import AgendaDraft, AgendaItemDraft
from assistant.knowledge.question_bank import QuestionBank, load_question_bank

ENGINE = "built-in"


def _candidates(ctx: AgendaContext, avoid: Avoider) -> list[Candidate]:
    required = review.report_topics(ctx) + review.action_items(ctx)
    if ctx.first_meeting:
        return [
            *first_meeting.first_meeting_items(ctx),
            *required,
            first_meeting.first_closing(ctx),
        ]
    optional = [
        suggestions.opener(ctx, avoid),
        suggestions.wins(ctx, avoid),
        suggestions.goals(ctx),
        *feedback_items.favoured(ctx),
        suggestions.roadblocks(ctx, avoid),
        suggestions.growth(ctx),
        suggestions.wellbeing(ctx),
        feedback_items.praise_prompt(ctx),
        feedback_items.feedback_for_report(ctx),
        feedback_items.feedback_for_manager(ctx),
        feedback_items.closing(ctx),
    ]
    kept = [c for c in optional if c is not None and not avoid.hits(f"{c.title}\n{c.detail}")]
    return required + kept


def _about(c: Candidate) -> str:
    # Report topics and favoured topics are free text worth matching questions against.
    return c.title if c.kind == "report_topic" or c.order == ORDER["favoured"] else ""


def build_agenda(ctx: AgendaContext, bank: QuestionBank | None = None) -> AgendaDraft:
    """Draft the agenda for the 1:1 described by `ctx` (see `assistant.agenda.draft_agenda`)."""
    bank = bank or load_question_bank()
    avoid = Avoider(ctx.report.topics_avoid)
    items = sorted(_candidates(ctx, avoid), key=lambda c: (c.order, c.seq))
    kept, left_out, notices = fit(
        items, ctx.minutes, compress_topics=lambda group: review.compress_topics(ctx, group)
    )
    minutes = allocate(kept, ctx.minutes)
    picker = QuestionPicker(
        bank,
        recent=ctx.recent_question_ids,
        tags=report_tags(ctx),
        rotation=ctx.held_count,
        avoid=avoid,
    )

    def draft_item(c: Candidate, minutes: int) -> AgendaItemDraft:
        return AgendaItemDraft(
            title=c.title,
            detail=c.detail,
            section=c.section,
            source=c.source,
            reason=c.reason,
            source_ref=c.source_ref,
            minutes=minutes,
            questions=picker.pick(c.section, c.questions, c.prefer, about=_about(c)),
            action_item_id=c.action_ids[0] if len(c.action_ids) == 1 else None,
            action_item_ids=list(c.action_ids),
        )

    drafts = [draft_item(c, m) for c, m in zip(kept, minutes, strict=True)]
    # Questions go to the kept items first; a left-out suggestion gets its ideal minutes.
    spare = [draft_item(c, max(c.ideal_minutes, 1)) for c in left_out]
    if ctx.first_meeting:
        notices.insert(0, "First 1:1 with them: a getting-to-know-you agenda.")
    return AgendaDraft(
        report_name=ctx.report.name,
        meeting_date=ctx.meeting_date,
        minutes_total=ctx.minutes,
        items=drafts,
        engine=ENGINE,
        notices=notices,
        first_meeting=ctx.first_meeting,
        meeting_id=ctx.meeting_id,
        left_out=spare,
    )
