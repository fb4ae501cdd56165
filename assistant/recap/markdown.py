"""The shareable recap: what the report receives (no private notes)."""

from __future__ import annotations

import datetime as dt

from assistant.domain.recap import RecapDraft


def recap_markdown(
    draft: RecapDraft,
    *,
    report: str,
    meeting_date: dt.date,
    include_personal: bool = False,
) -> str:
    """A shareable recap for the report: no private notes; personal details only if kept."""
    lines = [f"# 1:1 recap: {report}, {meeting_date:%A %d %B %Y}", ""]
    if draft.summary:
        lines += [draft.summary, ""]
    sections: list[tuple[str, list[str]]] = [
        ("Decisions", draft.decisions),
        ("Wins and recognition", draft.praise),
        ("Concerns we discussed", draft.concerns),
    ]
    if include_personal:
        sections.append(("Personal updates", draft.personal))
    for title, entries in sections:
        if entries:
            lines += [f"## {title}", *[f"- {e}" for e in entries], ""]
    lines.append("## Action items")
    if draft.action_items:
        for item in draft.action_items:
            due = f", due {item.due:%a %d %b}" if item.due else ""
            lines.append(f"- [ ] {item.task} ({item.owner}{due})")
    else:
        lines.append("- None this time.")
    lines.append("")
    if draft.follow_ups:
        lines += ["## Next time", *[f"- {e}" for e in draft.follow_ups], ""]
    return "\n".join(lines).rstrip() + "\n"
