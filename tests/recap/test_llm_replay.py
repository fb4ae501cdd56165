"""The record/replay measurement of the model recap path (benchmarks/llm_recap_replay.py):
requests saved as the product sends them, answers replayed through the real checks."""

from __future__ import annotations

import json
import re
from pathlib import Path

from benchmarks.llm_recap_replay import TICKED, read_ids, run

NOTE = {
    "id": "r1",
    "meeting_date": "2026-03-04",
    "manager": "Łukasz Nowak",
    "report": "Zoë Lambert",
    "notes": "- Zoë to send the QUIC report to Siobhán by Friday\n- Budget talk went fine\n",
    "gold": {
        "action_items": [
            {"task": "Send the QUIC report to Siobhán", "owner": "Zoë Lambert", "due": "2026-03-06"}
        ]
    },
}
QUIET = dict(NOTE, id="r2", notes="- Zoë shipped the export fix\n", gold={"action_items": []})


def _answer(notes_line: str, owner: str, *, invented: bool) -> dict[str, object]:
    items = [
        {
            "task": "Send the QUIC report",
            "owner": owner,
            "due": "2026-03-06",
            "evidence": notes_line,
        }
    ]
    if invented:  # nothing in the notes says this: the checks must leave it out
        items.append(
            {
                "task": "Book a team offsite in Lisbon",
                "owner": owner,
                "due": None,
                "evidence": "Book a team offsite in Lisbon",
            }
        )
    return {
        "summary": "",
        "decisions": [],
        "action_items": items,
        "praise": [],
        "concerns": [],
        "personal": [],
        "follow_ups": [],
    }


def test_record_then_replay_scores_the_checked_model_items(tmp_path: Path) -> None:
    data = tmp_path / "notes.jsonl"
    data.write_text(json.dumps(NOTE, ensure_ascii=False) + "\n" + json.dumps(QUIET) + "\n")
    store = tmp_path / "store"

    recorded = run("record", store, [data])
    assert recorded["requests"] == {"recorded": 2}
    requests = sorted((store / "requests").glob("*.json"))
    first = next(r for r in requests if "QUIC" in r.read_text(encoding="utf-8"))
    body = json.loads(first.read_text(encoding="utf-8"))
    sent = "\n".join(m["content"] for m in body["messages"])
    assert "Zoë" not in sent and "Łukasz" not in sent  # names are redacted before sending
    assert body["response_format"]["type"] == "json_schema"

    # Answer the first note as a model would, in the placeholders it was sent; give the
    # second note no answer at all (the product must fall back to the built-in engine).
    notes = re.search(r"<notes>\n(.*?)</notes>", sent, re.S)
    assert notes is not None
    line = next(x for x in notes.group(1).splitlines() if "QUIC" in x).lstrip("- ")
    owner = line.split(" to send")[0]  # the report's placeholder, e.g. "Person B"
    answer = _answer(line, owner, invented=True)
    (store / "answers" / first.name).write_text(json.dumps(answer), encoding="utf-8")

    replayed = run("replay", store, [data])
    assert replayed["requests"] == {"answered": 1, "no answer (HTTP 500)": 1}
    assert sorted(replayed["engines"]) == ["built-in", "llm:gpt-4o-mini"]
    assert replayed["model items left out as not in the notes"] == 1  # the offsite
    model = replayed[TICKED]
    assert (model["gold"], model["matched"]) == (1, 1)
    assert model["owner_accuracy"] == 1.0  # the placeholder came back as Zoë Lambert
    assert model["due_accuracy"] == 1.0
    assert model["no_action_cases"] == {"cases": 1, "with_no_item": 1}


def test_packed_answers_replay_the_same_and_ids_choose_the_notes(tmp_path: Path) -> None:
    data = tmp_path / "notes.jsonl"
    data.write_text(json.dumps(NOTE, ensure_ascii=False) + "\n" + json.dumps(QUIET) + "\n")
    store = tmp_path / "store"
    run("record", store, [data], ids={"r1"})
    (request,) = (store / "requests").glob("*.json")  # only the chosen note was sent
    sent = "\n".join(m["content"] for m in json.loads(request.read_text())["messages"])
    line = next(x for x in sent.splitlines() if "QUIC" in x and "to send" in x).lstrip("- ")
    answer = _answer(line, line.split(" to send")[0], invented=False)
    packed = tmp_path / "packed"
    packed.mkdir()
    (packed / "answers.jsonl").write_text(json.dumps({"key": request.stem, "answer": answer}))

    ids = tmp_path / "ids.txt"
    ids.write_text("r1\n")
    replayed = run("replay", packed, [data], ids=read_ids(ids))
    assert replayed["requests"] == {"answered": 1}
    assert replayed[TICKED]["f1"] == 1.0
