"""The LLM engine: everything that talks to a model lives here, and only here imports
`openai` / `langchain_*`.

- `providers.py`: the provider seam (a registry from settings to a chat model).
- `client.py`: `LLMClient`, what job adapters receive (structured calls, streaming, redaction).
- `structured.py`, `streaming.py`, `failures.py`: calls with retries and error mapping.
- `errors.py`: failure kinds and their user-facing wording (light, no SDK imports).
- `refine.py`: the `Refiner` protocol and `refine_or_fallback`, used by every job.
- `prompts.py`, `messages.py`: prompt templates (strict Jinja) and message conversion.
- `redaction.py`, `guard.py`, `health.py`: names out, no paid calls in tests, connection test.

Import from the submodules: this package imports nothing on its own, so job code can use the
light modules (`errors`, `refine`, `prompts`) without loading LangChain.
"""
