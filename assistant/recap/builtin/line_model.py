"""The learned line classifier: a logistic regression over `line_features` names.

The weights are trained by `scripts/train_recap_lines.py` (`make train-recap`) from the
repository's labelled notes and shipped as `line_model.json` beside this module. A sentence's
score is the probability that it states an action item. The engine keeps a rule item only when
its sentence scores at least `keep_threshold`, and turns a sentence no rule read into an item
when it scores at least `add_threshold`.

Beside the sparse weights, a dense weight vector over the sentence's MiniLM embedding (the
bundled model, `line_vectors.py`) refines the score of a sentence no rule read; it is computed
only for sentences whose sparse score is at least `dense_floor`, so a note embeds a few lines,
not all of them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("line_model.json")


@dataclass(frozen=True)
class LineModel:
    """Weights per feature name, a bias, and the two decision thresholds."""

    weights: Mapping[str, float]
    keep_threshold: float = 0.2
    add_threshold: float = 0.5
    meta: Mapping[str, Any] = field(default_factory=dict)
    dense: tuple[float, ...] = ()  # weights of the sentence embedding (empty: sparse only)
    dense_floor: float = 0.2

    def logit(self, features: Sequence[str]) -> float:
        w = self.weights
        return sum(w.get(f, 0.0) for f in features)

    def score(self, features: Sequence[str]) -> float:
        return _sigmoid(self.logit(features))

    def dense_score(self, features: Sequence[str], vector: Sequence[float]) -> float:
        """The score with the sentence embedding's part added."""
        part = math.fsum(a * b for a, b in zip(self.dense, vector, strict=True))
        return _sigmoid(self.logit(features) + part)

    def scores(self, features: Sequence[Sequence[str]]) -> list[float]:
        return [self.score(f) for f in features]

    def to_json(self) -> str:
        """Stable text: sorted keys, rounded weights, so a retrain gives the same bytes."""
        payload: dict[str, Any] = {
            "format": 1,
            "keep_threshold": self.keep_threshold,
            "add_threshold": self.add_threshold,
            "meta": dict(self.meta),
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())},
        }
        if self.dense:
            payload["dense"] = [round(v, 4) for v in self.dense]
            payload["dense_floor"] = self.dense_floor
        return json.dumps(payload, ensure_ascii=False, indent=0, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LineModel:
        raw = json.loads(text)
        return cls(
            weights={str(k): float(v) for k, v in raw["weights"].items()},
            keep_threshold=float(raw["keep_threshold"]),
            add_threshold=float(raw["add_threshold"]),
            meta=raw.get("meta", {}),
            dense=tuple(float(v) for v in raw.get("dense", ())),
            dense_floor=float(raw.get("dense_floor", 0.2)),
        )


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


# A model that keeps every rule item and adds nothing: the rules alone.
RULES_ONLY = LineModel(weights={}, keep_threshold=0.0, add_threshold=1.01)


@cache
def default_line_model() -> LineModel:
    """The shipped weights (rules only if the file is missing, e.g. before the first training)."""
    if not MODEL_PATH.is_file():
        return RULES_ONLY
    return LineModel.from_json(MODEL_PATH.read_text(encoding="utf-8"))
