"""The demo team: a fictional manager and reports with ~6 months of 1:1 history.

The data lives in ``data/`` as YAML (``manager.yaml`` plus one file per report in
``data/reports/``), is validated by :mod:`assistant.demo.schema` and read by
:func:`assistant.demo.loader.load_demo_team`. All dates are relative to the day of seeding
(``days_ago``: positive = past, negative = future), so the demo always looks current.
"""

from __future__ import annotations

from assistant.demo.loader import load_demo_team
from assistant.demo.schema import DemoTeam

__all__ = ["DemoTeam", "load_demo_team"]
