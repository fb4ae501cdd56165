"""Training data, trainer and leave-one-source-out evaluation of the recap line classifier.

* Data: every labelled recap file of the repository. A sentence is positive when a gold item
  comes from it: the sentence whose rule item matches the gold item (scorer similarity >= 0.5),
  else the sentence that holds most of the gold task's words (at least half).
* Model: L2-regularised logistic regression with class weights, fitted by full-batch Adam in
  numpy (sparse binary features, deterministic: same data, same bytes). Only features seen in
  at least `min_sources` different sources are kept, so nothing specific to one writer is
  learned.
* Leave-one-source-out: for each third-party source, train on everything else, run the engine
  with that model on the source's notes, score them; pooled over all sources this predicts
  the score on notes from sources never seen. The default runs over every third-party source
  of `THIRD_PARTY_FILES` (dev, the former held-out part scored blind at the end of cycle 2, and
  the second dev batch);
  `DEV_ONLY_FILES` with `dev_sources` reproduces the older 18-source measurement.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np
import regex as re

from assistant.evaluation.recap_eval import (
    EvalCase,
    EvalResult,
    draft_items,
    load_cases,
    match_items,
    task_similarity,
    task_tokens,
)
from assistant.knowledge.minilm import DIMENSIONS
from assistant.recap.builtin.engine import NoteAnalysis, analyse, recap_from_analysis
from assistant.recap.builtin.line_model import RULES_ONLY, LineModel

REPO_ROOT = Path(__file__).resolve().parents[2]
THIRD_PARTY = "evals/thirdparty/dev.jsonl"
THIRD_PARTY_HELDOUT = "evals/thirdparty/heldout.jsonl"
THIRD_PARTY_DEV2 = "evals/thirdparty/dev2.jsonl"
THIRD_PARTY_DEV3 = "evals/thirdparty/dev3.jsonl"  # round 8: 39 sources, a third not in English
THIRD_PARTY_DEV4 = "evals/thirdparty/dev4.jsonl"  # round 8, second collection: 30 sources
THIRD_PARTY_FILES: tuple[str, ...] = (
    THIRD_PARTY,
    THIRD_PARTY_HELDOUT,
    THIRD_PARTY_DEV2,
    THIRD_PARTY_DEV3,
    THIRD_PARTY_DEV4,
)
# The files of the cycle-2 model (before the blind sets were scored and joined training).
DEV_ONLY_FILES: tuple[str, ...] = (
    "evals/recap_dev.jsonl",
    THIRD_PARTY,
    "tests/recap/builtin/data/extra_cases.jsonl",
    "tests/recap/builtin/data/holdout_cases.jsonl",
    "tests/recap/builtin/data/fresh_cases.jsonl",
)
# Every labelled file: the two former blind sets are no longer blind, so they train too.
TRAINING_FILES: tuple[str, ...] = (
    *DEV_ONLY_FILES,
    THIRD_PARTY_HELDOUT,
    THIRD_PARTY_DEV2,
    THIRD_PARTY_DEV3,
    THIRD_PARTY_DEV4,
    "evals/recap_written_unseen.jsonl",
)


@dataclass(frozen=True)
class TrainConfig:
    """Everything that shapes the weights; the shipped model records it."""

    l2: float = 10.0
    iterations: int = 400
    learning_rate: float = 0.05
    min_sources: int = 3
    positive_weight: float = 1.0  # on top of balancing the two classes
    keep_threshold: float = 0.2
    add_threshold: float = 0.6
    third_party_weight: float = 1.0  # weight of real notes by other writers against our own
    exclude: tuple[str, ...] = ()  # feature-name prefixes left out (for ablations)
    # Sentence embeddings of lines no rule read, times this scale (0: sparse features only).
    dense_scale: float = 0.0
    dense_floor: float = 0.3  # the engine embeds only lines whose sparse score is this or more


# What the shipped weights are trained with. Chosen by the pooled leave-one-source-out F1 on
# the third-party development part (docs/recap-generalisation.md), not by the in-sample score.
SHIPPED = TrainConfig(third_party_weight=3.0, dense_scale=2.0)


@dataclass
class Example:
    """One labelled note: its analysis, the features and labels of its sentences."""

    case: EvalCase
    source: str
    file: str
    analysis: NoteAnalysis
    labels: list[int]

    @property
    def features(self) -> list[list[str]]:
        return self.analysis.features


_HOLD_BATCH = re.compile(r"^hold-(b\d+)-")


def source_of(case: EvalCase, file: str) -> str:
    """The source a case counts under: its `source_id`, else its file (and holdout batch)."""
    if case.source_id:
        return case.source_id
    batch = _HOLD_BATCH.match(case.case_id) if "holdout" in file else None
    stem = Path(file).stem.replace("_cases", "")
    return f"own-{stem}-{batch.group(1)}" if batch else f"own-{stem}"


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _stems(text: str) -> set[str]:
    return {_stem(t) for t in task_tokens(text)}


def label_sentences(case: EvalCase, a: NoteAnalysis) -> list[int]:
    """1 for each sentence a gold item comes from, else 0.

    How well a sentence gives a gold item: the scorer's similarity of a rule item read from it,
    or the share of the gold task's word stems it holds. Gold items and sentences are paired
    one to one, best first (as the scorer pairs items); a further sentence that states the same
    item almost word for word (0.75) is positive too.
    """
    labels = [0] * len(a.sentences)
    structured = [c.task for c in a.structured]
    sentence_stems = [_stems(s.text) for s in a.sentences]
    pairs: list[tuple[float, int, int]] = []
    for g, gold in enumerate(case.gold):
        if any(task_similarity(t, gold.task) >= 0.5 for t in structured):
            continue  # a table row or key block gives it; no sentence does
        gold_stems = _stems(gold.task)
        for i, found in enumerate(a.rule_cands):
            sim = max((task_similarity(c.task, gold.task) for c in found), default=0.0)
            share = len(gold_stems & sentence_stems[i]) / len(gold_stems) if gold_stems else 0.0
            score = max(sim, share)
            if score >= 0.5:
                pairs.append((score, g, i))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_gold: set[int] = set()
    for score, g, i in pairs:
        if g not in used_gold and not labels[i]:
            used_gold.add(g)
            labels[i] = 1
        elif score >= 0.75:
            labels[i] = 1
    return labels


def load_examples(files: Iterable[str] = TRAINING_FILES, root: Path = REPO_ROOT) -> list[Example]:
    """Analyse every labelled note once (rules run here; the model is not involved)."""
    out: list[Example] = []
    for file in files:
        for case in load_cases(root / file):
            a = analyse(
                case.notes,
                meeting_date=case.meeting_date,
                manager=case.manager,
                report=case.report,
                author=case.author,
            )
            if a.dialogue:
                continue  # transcripts keep the dialogue rules; the classifier does not decide
            out.append(Example(case, source_of(case, file), file, a, label_sentences(case, a)))
    return out


def fit(examples: Sequence[Example], config: TrainConfig) -> LineModel:
    """Logistic regression over the examples' sentences (deterministic)."""
    vocab = _vocabulary(examples, config)
    index = {f: k for k, f in enumerate(vocab)}
    rows: list[int] = []
    cols: list[int] = []
    labels: list[int] = []
    sample_weights: list[float] = []
    dense_rows: list[tuple[int, tuple[float, ...]]] = []
    for ex in examples:
        weight = config.third_party_weight if ex.file in THIRD_PARTY_FILES else 1.0
        if config.dense_scale:
            unread = [i for i, found in enumerate(ex.analysis.rule_cands) if not found]
            for i, vector in sorted(ex.analysis.vectors_for(unread).items()):
                dense_rows.append((len(labels) + i, vector))
        for feats, label in zip(ex.features, ex.labels, strict=True):
            for f in sorted(set(feats)):
                k = index.get(f)
                if k is not None:
                    rows.append(len(labels))
                    cols.append(k)
            labels.append(label)
            sample_weights.append(weight)
    if not labels or not vocab:
        return LineModel({}, config.keep_threshold, config.add_threshold)
    y = np.asarray(labels, dtype=np.float64)
    n = len(labels)
    pos, neg = max(1.0, float(y.sum())), max(1.0, float(n - y.sum()))
    # Both classes weigh the same in total (times positive_weight), then by data set.
    balance = np.where(y > 0, config.positive_weight * n / (2 * pos), n / (2 * neg)) / n
    sample = balance * np.asarray(sample_weights) / float(np.mean(sample_weights))
    reg = np.full(len(vocab), config.l2 / n)
    if "bias" in index:
        reg[index["bias"]] = 0.0
    dense = np.zeros((n, DIMENSIONS if dense_rows else 0))
    for r, vector in dense_rows:
        dense[r] = vector
    dense *= config.dense_scale
    w = _adam(np.asarray(rows), np.asarray(cols), y, sample, reg, dense, config)
    d = len(vocab)
    kept = {f: float(w[k]) for f, k in index.items() if abs(w[k]) >= 5e-5}
    # Stored for raw vectors: the scale is folded into the weights.
    dense_w = tuple(round(float(x) * config.dense_scale, 4) for x in w[d:])
    return LineModel(
        kept,
        config.keep_threshold,
        config.add_threshold,
        dense=dense_w,
        dense_floor=config.dense_floor,
    )


def _vocabulary(examples: Sequence[Example], config: TrainConfig) -> list[str]:
    """Features seen in at least `min_sources` sources (so none is one writer's habit)."""
    sources_of: dict[str, set[str]] = {}
    for ex in examples:
        for feats in ex.features:
            for f in feats:
                sources_of.setdefault(f, set()).add(ex.source)
    skip = config.exclude or ("\0",)
    return sorted(
        f
        for f, sources in sources_of.items()
        if len(sources) >= config.min_sources and not f.startswith(skip)
    )


def _adam(
    row: np.ndarray,
    col: np.ndarray,
    y: np.ndarray,
    sample: np.ndarray,
    reg: np.ndarray,
    dense: np.ndarray,
    config: TrainConfig,
) -> np.ndarray:
    """Full-batch Adam on the weighted logistic loss + L2 (binary sparse features given as
    (row, col) pairs; bincount sums in a fixed order, so the result is reproducible), with
    the dense columns (sentence embeddings) after the sparse ones, regularised the same."""
    n, d = len(y), len(reg)
    reg = np.concatenate([reg, np.full(dense.shape[1], reg.max(initial=0.0))])
    w = np.zeros(d + dense.shape[1])
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for t in range(1, config.iterations + 1):
        z = np.bincount(row, weights=w[:d][col], minlength=n) + dense @ w[d:]
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        residual = sample * (p - y)
        sparse_grad = np.bincount(col, weights=residual[row], minlength=d)
        grad = np.concatenate([sparse_grad, dense.T @ residual]) + reg * w
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        w = w - config.learning_rate * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + eps)
    return w


def model_with_thresholds(model: LineModel, keep: float, add: float) -> LineModel:
    return replace(model, keep_threshold=keep, add_threshold=add)


@dataclass(frozen=True)
class LosoResult:
    """Pooled and per-source scores of leave-one-source-out runs, beside the in-sample ones."""

    loso: EvalResult
    in_sample: EvalResult
    rules_only: EvalResult


def score(examples: Sequence[Example], model: LineModel) -> EvalResult:
    """Run the engine under `model` on analysed notes and score the items."""
    results = []
    for ex in examples:
        draft = recap_from_analysis(ex.analysis, model)
        r = match_items(draft_items(draft), ex.case.gold, ex.case.case_id)
        results.append(replace(r, source_id=ex.source, layout=ex.case.layout))
    return EvalResult(tuple(results))


def loso(
    examples: Sequence[Example],
    config: TrainConfig,
    held_sources: Iterable[str],
    folds: int | None = None,
) -> LosoResult:
    """Train without each held source in turn and score that source; pool the results.

    With `folds`, the sources are held out in that many groups (every `folds`-th source of the
    sorted list together) instead of one at a time: the same kind of estimate, with `folds`
    models to train instead of one per source.
    """
    held = sorted(set(held_sources))
    full = fit(examples, config)
    chosen = [ex for ex in examples if ex.source in set(held)]
    return LosoResult(
        held_out_scores(examples, config, held, folds),
        score(chosen, full),
        score(chosen, RULES_ONLY),
    )


def held_out_scores(
    examples: Sequence[Example],
    config: TrainConfig,
    held_sources: Iterable[str],
    folds: int | None = None,
) -> EvalResult:
    """The held sources' notes, each scored by a model trained without its source (sources
    held out one at a time, or in `folds` groups): the leave-one-source-out part of `loso`."""
    held = sorted(set(held_sources))
    groups = [held[k::folds] for k in range(folds)] if folds else [[s] for s in held]
    per_case = []
    for group in groups:
        out = set(group)
        if not out:
            continue
        train = [ex for ex in examples if ex.source not in out]
        test = [ex for ex in examples if ex.source in out]
        per_case += list(score(test, fit(train, config)).cases)
    return EvalResult(tuple(per_case))


def third_party_sources(examples: Sequence[Example]) -> list[str]:
    """Every third-party source (all parts of `THIRD_PARTY_FILES`): what LOSO holds out."""
    return sorted({ex.source for ex in examples if ex.file in THIRD_PARTY_FILES})


def dev_sources(examples: Sequence[Example]) -> list[str]:
    """The sources of the third-party dev part only (the cycle-2, 18-source measurement)."""
    return sorted({ex.source for ex in examples if ex.file == THIRD_PARTY})


def train_shipped(root: Path = REPO_ROOT) -> LineModel:
    """The model `make train-recap` writes: SHIPPED config on all repository data."""
    examples = load_examples(root=root)
    model = fit(examples, SHIPPED)
    meta = {
        "config": {k: v for k, v in asdict(SHIPPED).items() if k not in ("exclude",)},
        "files": list(TRAINING_FILES),
        "notes": len(examples),
        "sentences": sum(len(ex.labels) for ex in examples),
        "positives": sum(sum(ex.labels) for ex in examples),
    }
    return replace(model, meta=meta)
