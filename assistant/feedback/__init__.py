"""The feedback job: question-based wording (Situation-Behaviour-Impact) for praise and
constructive feedback, a wording check, and the log of feedback delivered.

- `service.py`: build the request from the report's history, draft, refine, log, balance.
- `builtin/`: the built-in engine (SBI wording, openers, tailoring, wording check).
- `llm.py`: the model adapter that rewrites the wording (checked again afterwards).
"""
