"""Choose the line classifier's settings by leave-one-source-out (`coach eval recap-select`).

Every labelled note is analysed once (rules, features, and the sentence embeddings of every
line no rule read: the slow part); each candidate setting then runs the whole LOSO loop on
those analyses. Training is numpy and deterministic, so a candidate that differs from another
only in how the engine decides (the keep / add thresholds, the embedding floor, how many lines
a note embeds) reuses the same per-source models and only re-scores.

Reuse is safe: an analysis depends on its own note only (the rules and the embedding model are
fixed), and each source's model is fitted on the examples of the other sources alone
(`fold_models`), exactly as `recap_training.loso` does, so the default candidate reproduces
`coach eval recap-loso`'s pooled numbers.

Scores are pooled per slice of the third-party sources, by the file each came from: the
settings are chosen on `SELECT` (the 54 older sources) and confirmed on `CONFIRM` (dev3,
which no candidate was chosen on).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from assistant.evaluation.recap_eval import EvalResult, draft_items, match_items
from assistant.evaluation.recap_training import (
    SHIPPED,
    THIRD_PARTY,
    THIRD_PARTY_DEV2,
    THIRD_PARTY_DEV3,
    THIRD_PARTY_DEV4,
    THIRD_PARTY_HELDOUT,
    Example,
    TrainConfig,
    fit,
)
from assistant.recap.builtin.engine import MAX_EMBEDDED, recap_from_analysis
from assistant.recap.builtin.line_model import LineModel


@dataclass(frozen=True)
class Setting:
    """One candidate: the training config (thresholds included) and the embedding budget."""

    name: str
    config: TrainConfig
    max_embedded: int = MAX_EMBEDDED


DEFAULT = Setting("shipped", SHIPPED)


def _vary(name: str, max_embedded: int = MAX_EMBEDDED, **changes: Any) -> Setting:
    return Setting(name, replace(SHIPPED, **changes), max_embedded)


# One setting at a time around the shipped one, coarse steps (docs/recap-generalisation.md,
# round 8). Training settings first (each refits every source's model), then decision settings
# (re-scoring only).
GRID: tuple[Setting, ...] = (
    DEFAULT,
    _vary("keep 0.1", keep_threshold=0.1),
    _vary("keep 0.3", keep_threshold=0.3),
    _vary("keep 0.4", keep_threshold=0.4),
    _vary("add 0.5", add_threshold=0.5),
    _vary("add 0.55", add_threshold=0.55),
    _vary("add 0.65", add_threshold=0.65),
    _vary("add 0.7", add_threshold=0.7),
    _vary("embed 4", max_embedded=4),
    _vary("embed 16", max_embedded=16),
    _vary("third-party 1x", third_party_weight=1.0),
    _vary("l2 3", l2=3.0),
    _vary("l2 30", l2=30.0),
    _vary("third-party 10x", third_party_weight=10.0),
    _vary("min sources 6", min_sources=6),
    _vary("positive weight 0.5", positive_weight=0.5),
    # Second pass, after the first showed the veto never firing from 0.1 to 0.4 and F1 still
    # rising at add 0.7 and with fewer lines embedded: the same axes further out.
    _vary("keep 0.5", keep_threshold=0.5),
    _vary("keep 0.6", keep_threshold=0.6),
    _vary("add 0.75", add_threshold=0.75),
    _vary("add 0.8", add_threshold=0.8),
    _vary("embed 2", max_embedded=2),
    _vary("embed 0", max_embedded=0),
    _vary("no embeddings", dense_scale=0.0),
)

OLDER = (THIRD_PARTY, THIRD_PARTY_HELDOUT)
SELECT = (*OLDER, THIRD_PARTY_DEV2)
CONFIRM = (THIRD_PARTY_DEV3,)


def _english(ex: Example) -> bool:
    return not any(tag.startswith("lang-") for tag in ex.case.layout)


# Slice name -> which held-out examples it pools.
SLICES: Mapping[str, Callable[[Example], bool]] = {
    "select-54": lambda ex: ex.file in SELECT,
    "older-36": lambda ex: ex.file in OLDER,
    "dev2": lambda ex: ex.file == THIRD_PARTY_DEV2,
    "dev3": lambda ex: ex.file in CONFIRM,
    "dev3-en": lambda ex: ex.file in CONFIRM and _english(ex),
    "dev3-other": lambda ex: ex.file in CONFIRM and not _english(ex),
    "dev4": lambda ex: ex.file == THIRD_PARTY_DEV4,  # joined after the round-8 grid was run
    "all": lambda ex: True,
}


def _training_key(config: TrainConfig) -> TrainConfig:
    """The part of a config that shapes the weights (thresholds only shape decisions)."""
    return replace(config, keep_threshold=0.0, add_threshold=0.0, dense_floor=0.0)


def _decided(model: LineModel, config: TrainConfig) -> LineModel:
    return replace(
        model,
        keep_threshold=config.keep_threshold,
        add_threshold=config.add_threshold,
        dense_floor=config.dense_floor,
    )


def prepare(examples: Sequence[Example]) -> None:
    """Embed every line no rule read, once (each fold's training would otherwise do it)."""
    for ex in examples:
        ex.analysis.vectors_for([i for i, found in enumerate(ex.analysis.rule_cands) if not found])


def fold_models(
    examples: Sequence[Example], config: TrainConfig, held: Iterable[str]
) -> dict[str, LineModel]:
    """For each held source, the model trained on every example of the other sources."""
    return {
        source: fit([ex for ex in examples if ex.source != source], config)
        for source in sorted(set(held))
    }


def score_held(
    examples: Sequence[Example],
    models: Mapping[str, LineModel],
    max_embedded: int = MAX_EMBEDDED,
) -> list[tuple[Example, EvalResult]]:
    """Each held source's notes scored under its own fold's model (in source order)."""
    out: list[tuple[Example, EvalResult]] = []
    for source, model in models.items():
        for ex in examples:
            if ex.source != source:
                continue
            draft = recap_from_analysis(ex.analysis, model, max_embedded=max_embedded)
            r = match_items(draft_items(draft), ex.case.gold, ex.case.case_id)
            out.append((ex, EvalResult((replace(r, source_id=ex.source, layout=ex.case.layout),))))
    return out


def pooled(scored: Sequence[tuple[Example, EvalResult]]) -> dict[str, EvalResult]:
    """Every slice's pooled result."""
    return {
        name: EvalResult(tuple(c for ex, r in scored if keep(ex) for c in r.cases))
        for name, keep in SLICES.items()
    }


def select(
    examples: Sequence[Example],
    settings: Sequence[Setting],
    held: Iterable[str],
    progress: Callable[[Setting, dict[str, EvalResult]], None] | None = None,
) -> list[tuple[Setting, dict[str, EvalResult]]]:
    """The LOSO result of every setting, per slice; fold models are shared between settings
    that train the same way."""
    held = sorted(set(held))
    by_training: dict[TrainConfig, list[Setting]] = {}
    for s in settings:
        by_training.setdefault(_training_key(s.config), []).append(s)
    results: dict[str, dict[str, EvalResult]] = {}
    for group in by_training.values():
        models = fold_models(examples, group[0].config, held)
        for s in group:
            decided = {src: _decided(m, s.config) for src, m in models.items()}
            results[s.name] = pooled(score_held(examples, decided, s.max_embedded))
            if progress:
                progress(s, results[s.name])
    return [(s, results[s.name]) for s in settings]


_F1_COLUMNS = ("older-36", "dev2", "dev3", "dev3-en", "dev3-other", "dev4")


def format_row(setting: Setting, slices: Mapping[str, EvalResult]) -> str:
    """One line: the selection slice in full, F1 of the others."""
    sel, everything = slices["select-54"], slices["all"]
    cells = [
        f"{setting.name[:22]:<22}",
        f"{sel.precision:.3f} {sel.recall:.3f} {sel.f1:.3f} {sel.owner_accuracy:.3f}",
        *(f"{slices[k].f1:.3f}" for k in _F1_COLUMNS),
        f"{everything.precision:.3f} {everything.recall:.3f} {everything.f1:.3f} "
        f"{everything.owner_accuracy:.3f}",
    ]
    return "  ".join(cells)


HEADER = (
    f"{'setting':<22}  {'select-54 P/R/F1/owner':<23}  old36  dev2   dev3   d3-en  d3-oth dev4 "
    f"  {'all P/R/F1/owner'}"
)
