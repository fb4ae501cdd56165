"""Every input under the size limit is handled in bounded time by the code that guards the
recap (decoding, redaction, the checks on the model's answer, splitting, the shared Markdown).
The numbers come from `python -m benchmarks.bench_trust_inputs`; this only fails when a step
takes more than the 5 s the product promises (199 KB of spaces once hung the evidence check)."""

from __future__ import annotations

import threading

import pytest

from benchmarks.bench_trust_inputs import INPUTS, _steps

LIMIT_SECONDS = 5.0


@pytest.mark.parametrize("name", list(INPUTS))
def test_worst_case_inputs_finish_in_bounded_time(name: str) -> None:
    for step, run in _steps(INPUTS[name]).items():

        def work(run=run) -> None:  # type: ignore[no-untyped-def]
            try:
                run()
            except Exception:  # a refusal is an answer; only time matters here
                return

        worker = threading.Thread(target=work, daemon=True)
        worker.start()
        worker.join(LIMIT_SECONDS)
        assert not worker.is_alive(), f"{step} on '{name}' took more than {LIMIT_SECONDS} s"
