"""The shareable recap: what the report receives (no private notes, nothing meant for the manager).

Every line goes through `shareable`: engine labels ("llm:llama3.1", "built-in engine") are
removed, internal references ("Action item #13", `knowledge/…md` paths) put in plain words,
asides addressed to the manager (", tell him", "note to self", "remind me") are cut, and an
entry that is only such an aside is left out. The built-in summary's counts follow the edited
items (`sync_summary`).
"""

from __future__ import annotations

import datetime as dt
import re

from assistant.domain.recap import RecapDraft

UNASSIGNED_LABEL = "unassigned"
# Bounded whitespace (\s{0,3}) everywhere: a pattern starting with \s* would rescan a long
# run of spaces from every position (quadratic on a 200 KB paste).
_ENGINE_LABEL = re.compile(
    r"[\[(]?\s{0,3}(?:(?:drafted|refined|written)\s{1,3}by\s{1,3}(?:the\s{1,3})?)?"
    r"(?:\bllm:[^\s\])]+|\bbuilt-in\s{1,3}engine\b)\s{0,3}[\])]?",
    re.IGNORECASE,
)
# Internal references get a plain-words stand-in, so the sentence still reads.
_INTERNAL_REFS = (
    (re.compile(r"\baction\s+item\s+#\d+", re.IGNORECASE), "the action item"),
    (re.compile(r"`?\bknowledge/[\w./-]+\.md\b`?", re.IGNORECASE), "the guidance"),
)
# Asides for the manager, at the end of an entry: "…, tell him", "- remind me Fri".
_ASIDE = re.compile(
    r"(?:[,;:–—-]\s{0,3}\(?|\()\s{0,3}\b(?:(?:and\s+)?tell\s+(?:him|her|them)\b|note\s+to\s+self\b|"
    r"remind\s+me\b|(?:do\s+not|don't)\s+share\b|for\s+me\s+only\b|private\b|"
    r"(?:just\s+)?between\s+us\b)[^.\n]*\)?\s*$",
    re.IGNORECASE,
)
_ONLY_ASIDE = re.compile(
    r"^\W*(?:note\s+to\s+self|remind\s+me|(?:do\s+not|don't)\s+share|private|"
    r"for\s+me\s+only|tell\s+(?:him|her|them))\b",
    re.IGNORECASE,
)


def shareable(text: str) -> str | None:
    """The entry as the report may read it, or None when it is only meant for the manager."""
    if _ONLY_ASIDE.match(text):
        return None
    cleaned = _ENGINE_LABEL.sub("", text)
    for pattern, plain in _INTERNAL_REFS:
        cleaned = pattern.sub(plain, cleaned)
    cleaned = _ASIDE.sub("", cleaned)
    cleaned = re.sub(r"\s{2,}", " ", cleaned).strip(" ,;:–—-")
    cleaned = re.sub(r"\(\s*\)", "", cleaned).strip()
    return cleaned or None


_COUNTS = re.compile(r"\d+ action items?, \d+ decisions?, \d+ concerns?(?:; owners: [^.]*)?\.")


def sync_summary(summary: str, draft: RecapDraft) -> str:
    """The built-in summary's counts follow the edited draft ("3 action items, ...")."""

    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    owners = sorted({i.owner for i in draft.action_items if i.owner.strip()})
    counts = ", ".join(
        [
            plural(len(draft.action_items), "action item"),
            plural(len(draft.decisions), "decision"),
            plural(len(draft.concerns), "concern"),
        ]
    )
    tail = f"{counts}; owners: {', '.join(owners)}." if owners else f"{counts}."
    return _COUNTS.sub(lambda _: tail, summary, count=1)


def _entries(values: list[str]) -> list[str]:
    return [s for s in (shareable(v) for v in values) if s]


def recap_markdown(
    draft: RecapDraft,
    *,
    report: str,
    meeting_date: dt.date,
    include_personal: bool = False,
) -> str:
    """A shareable recap for the report: no private notes; personal details only if kept."""
    lines = [f"# 1:1 recap: {report}, {meeting_date:%A %d %B %Y}", ""]
    summary = shareable(sync_summary(draft.summary, draft)) if draft.summary else None
    if summary:
        lines += [summary, ""]
    sections: list[tuple[str, list[str]]] = [
        ("Decisions", _entries(draft.decisions)),
        ("Wins and recognition", _entries(draft.praise)),
        ("Concerns we discussed", _entries(draft.concerns)),
    ]
    if include_personal:
        sections.append(("Personal updates", _entries(draft.personal)))
    for title, entries in sections:
        if entries:
            lines += [f"## {title}", *[f"- {e}" for e in entries], ""]
    lines.append("## Action items")
    items = [(shareable(i.task), i) for i in draft.action_items]
    items = [(task, i) for task, i in items if task]
    if items:
        for task, item in items:
            due = f", due {item.due:%a %d %b}" if item.due else ""
            lines.append(f"- [ ] {task} ({item.owner or UNASSIGNED_LABEL}{due})")
    else:
        lines.append("- None this time.")
    lines.append("")
    follow_ups = _entries(draft.follow_ups)
    if follow_ups:
        lines += ["## Next time", *[f"- {e}" for e in follow_ups], ""]
    return "\n".join(lines).rstrip() + "\n"
