"""The recap job: raw 1:1 notes in, a checked recap (summary, decisions, action items with
owner and due date) out.

- `service.py`: the flow (store notes first, draft, refine with the model, save the edit).
- `builtin/`: the built-in engine (rules, no network) that always drafts first.
- `llm.py`: the model adapter (prompt inputs, answer schema) used to refine the draft.
- `verify.py`: checks the model's answer against the notes before anything is shown.
- `markdown.py`: the shareable recap.
"""
