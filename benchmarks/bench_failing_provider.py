"""How long can a failing model provider make the manager wait? (docs/reliability.md)

Runs the real recap, agenda and feedback services against the local fake OpenAI server
(tests/support/fake_openai.py) scripted to fail in each way, with the shipped defaults
(30 s per request, 30 s per draft, 2 retries), and prints the wall time until the built-in
draft is shown. `--deadline S` scales the defaults down for a quick run.

    python -m benchmarks.bench_failing_provider            # full: about 4 minutes
    python -m benchmarks.bench_failing_provider --deadline 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from assistant.config import LLMSettings, Settings
from assistant.db.models import FeedbackKind
from assistant.services import Services
from tests.support.fake_openai import FakeOpenAIServer, Respond

NOTES = "- Amara to send the rollout plan to Hana by Friday\n- I'll ask finance\n"


def scenarios(deadline: float) -> dict[str, list[Any]]:
    hang = Respond.slow(deadline * 4)
    return {
        "hangs (never answers)": [hang],
        "500, then hangs": [Respond.server_error(), hang],
        "429 Retry-After 8 s, then hangs": [Respond.rate_limit(retry_after=8), hang],
        "500, 500, 500 (fast)": [Respond.server_error()] * 3,
        "slow valid answer after the deadline": [Respond.slow(deadline * 1.5)],
        "malformed JSON x3": [Respond.malformed_json()] * 3,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--deadline", type=float, default=30.0, help="seconds (default 30)")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the fallbacks' log lines are expected here
    deadline: float = args.deadline
    print(f"timeout {deadline:g} s per request, deadline {deadline:g} s per draft, 2 retries")
    with FakeOpenAIServer() as server, tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            data_dir=Path(folder),
            chroma_host="127.0.0.1",  # no search index: the model is what is measured
            chroma_port=9,
            llm=LLMSettings(
                provider="openai_compatible",
                base_url=server.base_url,
                api_key=SecretStr("bench"),
                timeout_seconds=deadline,
                deadline_seconds=deadline,
                max_retries=2,
            ),
        )
        svc = Services.from_settings(settings)
        svc.team.seed_demo()
        mid = svc.resolve_manager().id
        rid = svc.team.report(mid, "Amara Okonkwo").id
        jobs: dict[str, Callable[[], Any]] = {
            "recap": lambda: svc.recap.draft(mid, rid, NOTES, dt.date.today()),
            "agenda": lambda: svc.agenda.draft(mid, rid, search=False),
            "feedback": lambda: svc.feedback.draft(
                mid, rid, FeedbackKind.PRAISE, what="Walked the clinic through the import"
            ),
        }
        started = time.monotonic()
        assert svc.refiners.recap is not None  # loads LangChain once, before anything is timed
        print(f"(loading the model library once per process: {time.monotonic() - started:.2f} s)")
        worst = 0.0
        print(f"{'scenario':<40} {'job':<9} {'wait (s)':>8}  engine / notice")
        for name, script in scenarios(deadline).items():
            for job, run in jobs.items():
                server.reset()
                server.default = script[-1]
                server.enqueue(*script)
                started = time.monotonic()
                draft = run()
                waited = time.monotonic() - started
                worst = max(worst, waited)
                notice = draft.notices[-1][:60] if draft.notices else ""
                print(f"{name:<40} {job:<9} {waited:8.2f}  {draft.engine} / {notice}")
        print(f"\nLongest wait: {worst:.2f} s (deadline {deadline:g} s)")
        svc.engine.dispose()


if __name__ == "__main__":
    main()
