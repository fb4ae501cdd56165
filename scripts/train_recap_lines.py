"""Train the recap line classifier and write its weights next to the engine.

    .venv/bin/python scripts/train_recap_lines.py          # what `make train-recap` runs
    .venv/bin/python scripts/train_recap_lines.py --check  # exit 1 if the shipped file differs

The data are the repository's labelled recap files (assistant/evaluation/recap_training.py
lists them); the settings are `SHIPPED` there. Training is deterministic (no random start, a
fixed number of full-batch steps, weights rounded to 4 decimals), so the same data give the
same bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.evaluation.recap_training import train_shipped
from assistant.recap.builtin.line_model import MODEL_PATH


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where to write")
    args = parser.parse_args(argv)
    text = train_shipped().to_json()
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print("shipped weights match a fresh training run" if same else "weights differ")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode()) // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
