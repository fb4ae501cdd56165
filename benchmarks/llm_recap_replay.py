"""The model recap path scored on labelled notes, with answers written once and replayed.

No model runs on this machine, so the configured-model path (prompt, redaction, parsing, the
evidence checks of `recap/verify.py`) is measured in two passes through the real service and
the local fake OpenAI server (tests/support/fake_openai.py):

    python -m benchmarks.llm_recap_replay record STORE FILE.jsonl...
        saves each request exactly as the product sends it (after redaction) to
        STORE/requests/<key>.json and answers with an empty recap (scores mean nothing);
    ... anyone, or any model, writes STORE/answers/<key>.json: a JSON object of the schema
        (or STORE/answers.jsonl, one {"key", "answer"} a line) ...
    python -m benchmarks.llm_recap_replay replay STORE FILE.jsonl...
        answers each request from STORE/answers (HTTP 500 when there is none, so the product
        falls back to the built-in engine as it would) and prints the scores as JSON.

Two rows: every row the Recap page lists (built-in items the model left out stay, flagged
`model_dropped` and unticked) and the rows it ticks by default, which an unchanged save keeps
(the model's checked items, or the built-in draft when the request fell back). A request's
key is a hash of its messages, so a replay must run the same code and notes as the recording.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.domain.recap import RecapDraft
from assistant.evaluation.recap_eval import evaluate, load_cases, result_payload, service_engine
from assistant.services import Services
from tests.support.fake_openai import (
    FakeOpenAIServer,
    RecordedRequest,
    Reply,
    Respond,
    llm_settings_for,
)
from tests.support.llm_answers import recap_answer

# The row an unchanged save from the Recap page keeps: the headline number of a replay.
TICKED = "ticked by default (what an unchanged save keeps)"
EMPTY = recap_answer(summary="")  # what the recording pass answers (its scores mean nothing)


def request_key(request: RecordedRequest) -> str:
    text = json.dumps(request.messages, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def load_answers(store: Path) -> dict[str, str]:
    """The answers of a store: `answers/<key>.json` files, or one `answers.jsonl` of
    `{"key", "answer"}` lines (the committed form, evals/llm_replay/)."""
    answers = {p.stem: p.read_text(encoding="utf-8") for p in (store / "answers").glob("*.json")}
    packed = store / "answers.jsonl"
    if packed.is_file():
        for line in packed.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                answers[row["key"]] = json.dumps(row["answer"], ensure_ascii=False)
    return answers


def _handler(mode: str, store: Path, served: Counter[str]) -> Callable[[RecordedRequest], Any]:
    answers = load_answers(store) if mode == "replay" else {}

    def handle(request: RecordedRequest) -> Any:
        key = request_key(request)
        if mode == "record":
            body = {"messages": request.messages, "response_format": request.response_format}
            path = store / "requests" / f"{key}.json"
            path.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
            served["recorded"] += 1
            return Reply(content=json.dumps(EMPTY), finish_reason="stop")
        if key not in answers:
            served["no answer (HTTP 500)"] += 1
            return Respond.server_error()
        served["answered"] += 1
        return Reply(content=answers[key], finish_reason="stop")

    return handle


def read_ids(path: Path) -> set[str]:
    """Note ids from a file: a JSONL file's "id" fields, or one id a line."""
    ids = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            ids.add(str(json.loads(line)["id"]) if line.lstrip().startswith("{") else line.strip())
    return ids


def run(mode: str, store: Path, files: list[Path], ids: set[str] | None = None) -> dict[str, Any]:
    for folder in ("requests", "answers"):
        (store / folder).mkdir(parents=True, exist_ok=True)
    served: Counter[str] = Counter()
    cases = [case for file in files for case in load_cases(file)]
    if ids is not None:
        cases = [case for case in cases if case.case_id in ids]
    drafts: list[RecapDraft] = []
    with (
        tempfile.TemporaryDirectory() as data,
        FakeOpenAIServer(default=Respond.call(_handler(mode, store, served))) as server,
    ):
        settings = llm_settings_for(server, timeout_seconds=30.0, max_retries=0)
        settings = settings.model_copy(update={"data_dir": Path(data)})
        product = service_engine(Services.from_settings(settings))

        def engine(notes: str, **kw: Any) -> RecapDraft:
            draft = product(notes, **kw)
            drafts.append(draft)
            return draft

        shown = evaluate(cases, engine)
    kept = iter(drafts)
    model_only = evaluate(cases, lambda notes, **kw: next(kept).as_ticked())
    return {
        "every row listed (the AI's left-outs too, unticked)": result_payload(shown),
        TICKED: result_payload(model_only),
        "engines": dict(Counter(d.engine for d in drafts)),
        "model items left out as not in the notes": sum(
            1 for d in drafts for u in d.unchecked if u.section == "action_items"
        ),
        "requests": dict(served),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("record", "replay"))
    parser.add_argument("store", type=Path)
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument(
        "--ids", type=Path, help="only these notes: a JSONL file's ids, or one id a line"
    )
    args = parser.parse_args(argv)
    result = run(args.mode, args.store, args.files, read_ids(args.ids) if args.ids else None)
    if args.mode == "record":
        result = {"requests": result["requests"], "notes": result["engines"]}
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
