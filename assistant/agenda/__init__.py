"""The agenda job: a tailored, editable agenda for the next 1:1 with one report.

- `service.py`: gather bounded context, draft, refine with the model, save/load/export.
- `builtin/`: the built-in engine (open items first, their topics, wins, goals, growth...).
- `llm.py`: the model adapter that rewords and tailors the built-in draft.
"""
