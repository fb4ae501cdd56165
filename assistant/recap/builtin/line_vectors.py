"""Sentence embeddings for the line classifier: the bundled MiniLM model, offline.

Vectors are rounded to three decimals so that training on another machine (another CPU's
float rounding) gives the same shipped weights. If the model files are missing the engine
falls back to the sparse classifier alone.
"""

from __future__ import annotations

import logging

import numpy as np
import numpy.typing as npt

from assistant.errors import ConfigError, RetrievalError

logger = logging.getLogger(__name__)


def sentence_vectors(texts: list[str]) -> npt.NDArray[np.float64] | None:
    """One unit-length vector per text, or None when the bundled model cannot run."""
    from assistant.knowledge.minilm import embed  # onnxruntime loads on first use only

    try:
        vectors = embed(texts)
    except (ConfigError, RetrievalError) as e:
        logger.warning("Recap line embeddings unavailable, sparse classifier only: %s", e)
        return None
    wide: npt.NDArray[np.float64] = np.asarray(vectors, dtype=np.float64)
    rounded: npt.NDArray[np.float64] = wide.round(3)
    return rounded
