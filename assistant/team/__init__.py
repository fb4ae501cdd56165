"""The team: cadence health of every report, and the topics a 1:1 touched.

- `health.py`: last/next 1:1, overdue days, cancellations, open items, praise balance, alerts.
- `topics.py`: which standard topics (career, wellbeing...) a meeting's notes touched.
"""
