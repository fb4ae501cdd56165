"""Which guidance file backs each agenda section, read from the files' front matter `sections:`.

Used when no knowledge index is available, so every item can still cite its guidance.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from assistant.paths import KNOWLEDGE_DIR

# Where several files cover a section, the one written specifically for it reads best.
_PREFERRED: dict[str, str] = {
    "getting_to_know": "first-one-on-one.md",
    "connection": "connection-and-personal-updates.md",
    "action_review": "action-items-and-recaps.md",
    "wins": "wins-goals-and-alignment.md",
    "goals_alignment": "wins-goals-and-alignment.md",
    "work_issues": "coaching-through-work-issues.md",
    "roadblocks": "roadblocks-and-support.md",
    "growth_career": "growth-and-career.md",
    "wellbeing_workload": "roadblocks-and-support.md",
    "feedback_for_report": "giving-feedback.md",
    "feedback_for_manager": "upward-feedback.md",
    "praise": "praise-and-recognition.md",
    "closing": "action-items-and-recaps.md",
}


def _front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    parts = text.split("\n---", 1)
    try:
        data = yaml.safe_load(parts[0].lstrip("-\n"))
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


@lru_cache(maxsize=2)
def section_files(directory: Path = KNOWLEDGE_DIR) -> dict[str, tuple[str, ...]]:
    """section id -> guidance files that list it, most specific (fewest sections) first."""
    listed: dict[str, list[tuple[int, str]]] = {}
    for path in sorted(directory.glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        sections = _front_matter(path).get("sections") or []
        if not isinstance(sections, list):
            continue
        for section in sections:
            listed.setdefault(str(section), []).append((len(sections), path.name))
    return {s: tuple(name for _, name in sorted(files)) for s, files in listed.items()}


def guidance_file(section: str, directory: Path = KNOWLEDGE_DIR) -> str | None:
    """The file to cite for a section: the preferred one if its front matter lists the section."""
    files = section_files(directory).get(section, ())
    preferred = _PREFERRED.get(section)
    if preferred in files:
        return preferred
    return files[0] if files else None


def guidance_ref(section: str, directory: Path = KNOWLEDGE_DIR) -> str:
    name = guidance_file(section, directory)
    return f"knowledge/{name}" if name else ""
