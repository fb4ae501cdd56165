"""The agenda's shape on the demo team: items per meeting length, rows that review open action
items, where the report's own topics land, and that none of them is cut.

    python -m benchmarks.agenda_shape            # a fresh demo team in a temporary folder

Prints one line per length (15, 30, 45, 60 minutes) over the seven demo reports, drafted with
the built-in engine and no search (the shape does not depend on either).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from assistant.config import Settings
from assistant.domain.agenda import item_budget
from assistant.services import Services

LENGTHS = (15, 30, 45, 60)


def measure(svc: Services) -> list[str]:
    manager_id = svc.resolve_manager().id
    reports = svc.team.reports(manager_id)
    lines = []
    for minutes in LENGTHS:
        counts, review_rows, first_topic, cut = [], [], [], 0
        for report in reports:
            draft = svc.agenda.draft(manager_id, report.id, minutes=minutes, search=False)
            sources = [i.source for i in draft.items]
            counts.append(len(draft.items))
            review_rows.append(sources.count("carried_over"))
            if "report" in sources:
                first_topic.append(sources.index("report") + 1)
            text = "\n".join(f"{i.title}\n{i.detail}" for i in draft.items)
            upcoming = svc.team.upcoming(manager_id, report.id, today=draft.meeting_date)
            topics = [t for m in upcoming[:1] for t in m.report_topics]
            cut += sum(topic not in text for topic in topics)
        lines.append(
            f"{minutes:>3} min (budget {item_budget(minutes):>2}): items "
            f"min/median/max {min(counts)}/{statistics.median(counts):g}/{max(counts)}; "
            f"rows reviewing open action items per agenda: max {max(review_rows)}; "
            f"their first topic at position {sorted(set(first_topic))}; their topics cut: {cut}"
        )
    return lines


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(_env_file=None, data_dir=Path(folder))
        svc = Services.from_settings(settings)
        svc.team.seed_demo()
        print("\n".join(measure(svc)))
        svc.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
