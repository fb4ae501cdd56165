"""Worst-case inputs under the 200 KB limit for the code that guards the recap (not the built-in
engine): decoding, redaction (names, contacts), the checks on the model's answer, splitting,
the shareable Markdown. Prints the slowest (docs/reliability.md).

    python -m benchmarks.bench_trust_inputs
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from assistant.domain.recap import RecapDraft
from assistant.llm.names import find_names
from assistant.llm.redaction import Redactor
from assistant.llm.sensitive import find_sensitive
from assistant.recap.llm import LLMActionItem, LLMRecap, split_notes
from assistant.recap.markdown import shareable
from assistant.recap.notes import prepare_notes
from assistant.recap.support import NotesEvidence
from assistant.recap.verify import find_evidence, verify_llm_recap

LIMIT = 199_000
SENTENCE = "Jordan Sims to send the architecture deck to Priya Nair by Friday. "
INPUTS: dict[str, str] = {
    "one sentence repeated": (SENTENCE * (LIMIT // len(SENTENCE)))[:LIMIT],
    "spaces": " " * LIMIT,
    "one 199 KB word": "a" * LIMIT,
    "digits": "1" * LIMIT,
    "digits and spaces": "12 " * (LIMIT // 3),
    "dashes and digits": "1-" * (LIMIT // 2),
    "at-signs": "a@" * (LIMIT // 2),
    "dots and letters": "a." * (LIMIT // 2),
    "capitalised words": "Dana " * (LIMIT // 5),
    "short lines": "- Lee to call\n" * (LIMIT // 14),
    "blank lines": "\n" * LIMIT,
    "brackets": "[(" * (LIMIT // 2),
    "unicode names": "Zoë Łukasz 王伟 " * (LIMIT // 16),
}


def _steps(text: str) -> dict[str, Callable[[], object]]:
    people = ["Dana Whitfield", "Jordan Sims", "Priya Nair"]
    answer = LLMRecap(
        summary=SENTENCE * 5,
        decisions=[SENTENCE] * 5,
        action_items=[
            LLMActionItem(task="Send the deck", owner="Jordan Sims", due=None, evidence=SENTENCE)
        ]
        * 10,
        praise=[SENTENCE] * 5,
        concerns=[],
        personal=[],
        follow_ups=[],
    )
    builtin = RecapDraft(summary="", engine="built-in")
    return {
        "prepare_notes": lambda: prepare_notes(text.encode()),
        "find_names": lambda: find_names(text),
        "find_sensitive": lambda: find_sensitive(text),
        "redact": lambda: Redactor([*people, *find_names(text)]).redact(text),
        "find_evidence": lambda: find_evidence(SENTENCE, text, people),
        "support check": lambda: NotesEvidence(text).unsupported_reason(SENTENCE),
        "verify answer": lambda: verify_llm_recap(
            answer,
            notes=text,
            builtin=builtin,
            manager=people[0],
            report=people[1],
            people=people,
            meeting_date=dt.date(2026, 3, 4),
            engine="llm:x",
        ),
        "split_notes": lambda: split_notes(text, 16_000),
        "shareable": lambda: shareable(text),
    }


def main() -> None:
    worst: tuple[float, str, str] = (0.0, "", "")
    print(f"{'input':<24} {'step':<16} {'seconds':>8}")
    for name, text in INPUTS.items():
        for step, run in _steps(text).items():
            started = time.perf_counter()
            try:
                run()
            except Exception as exc:  # refusals (e.g. binary) are answers too
                step = f"{step} ({type(exc).__name__})"
            took = time.perf_counter() - started
            worst = max(worst, (took, name, step))
            if took > 0.2:
                print(f"{name:<24} {step:<16} {took:8.2f}", flush=True)
    print(f"\nSlowest: {worst[1]} / {worst[2]}: {worst[0]:.2f} s")


if __name__ == "__main__":
    main()
