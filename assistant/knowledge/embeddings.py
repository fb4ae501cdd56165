"""Text embeddings for the knowledge index.

The default model is all-MiniLM-L6-v2 (int8 ONNX), run by `minilm.py` from two installed
packages so it works offline on a fresh machine. We run it ourselves instead of Chroma's stock
ONNX class because that class pads every batch to 256 tokens (~6x slower on short texts) and
downloads its model when its files are missing. The class is registered with Chroma under its
own name, so reopening a collection rebuilds *this* class from the stored config, never the
downloading one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
from chromadb.utils.embedding_functions import register_embedding_function

from assistant.config import EmbeddingProvider, Settings
from assistant.errors import ConfigError, RetrievalError
from assistant.knowledge.minilm import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_THREADS,
    DIMENSIONS,
    MODEL_ID,
    _Runtime,
    default_model_path,
    default_tokenizer_path,
    embed_batched,
    load_runtime,
)

__all__ = [
    "DIMENSIONS",
    "LocalMiniLMEmbedding",
    "default_model_path",
    "default_tokenizer_path",
    "embed_texts",
    "embedding_model_key",
    "make_embedding_function",
]


@register_embedding_function
class LocalMiniLMEmbedding(EmbeddingFunction[Documents]):
    """all-MiniLM-L6-v2 int8 on onnxruntime: 384-d, unit-length vectors, cosine space."""

    def __init__(
        self,
        threads: int = DEFAULT_THREADS,
        batch_size: int = DEFAULT_BATCH_SIZE,
        model_path: str | None = None,
        tokenizer_path: str | None = None,
    ) -> None:
        self.threads = threads
        self.batch_size = batch_size
        self.model_path = Path(model_path) if model_path else default_model_path()
        self.tokenizer_path = Path(tokenizer_path) if tokenizer_path else default_tokenizer_path()
        self._runtime: _Runtime | None = None  # loaded on first use

    def _rt(self) -> _Runtime:
        if self._runtime is None:
            self._runtime = load_runtime(self.model_path, self.tokenizer_path, self.threads)
        return self._runtime

    def __call__(self, input: Documents) -> Embeddings:
        return list(self.embed_array(list(input)))

    def embed_array(self, texts: list[str]) -> npt.NDArray[np.float32]:
        """Embed texts as one (n, 384) array; batches are sorted by length to pad less."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return embed_batched(self._rt(), texts, self.batch_size)

    @staticmethod
    def name() -> str:
        return "coach-minilm-l6-v2-int8"

    def default_space(self) -> Space:
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        return ["cosine", "ip", "l2"]

    def get_config(self) -> dict[str, Any]:
        # Paths are not stored: another machine resolves its own installed packages.
        return {"model_id": MODEL_ID, "threads": self.threads, "batch_size": self.batch_size}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> LocalMiniLMEmbedding:
        return LocalMiniLMEmbedding(
            threads=int(config.get("threads", DEFAULT_THREADS)),
            batch_size=int(config.get("batch_size", DEFAULT_BATCH_SIZE)),
        )

    def validate_config_update(
        self, old_config: dict[str, Any], new_config: dict[str, Any]
    ) -> None:
        if old_config.get("model_id") != new_config.get("model_id"):
            raise ValueError("The embedding model of an existing collection cannot change")


def embedding_model_key(settings: Settings) -> str:
    """Short id of the configured model; collection names carry it so vectors never mix."""
    if settings.embedding_provider is EmbeddingProvider.OPENAI:
        return "openai-" + "".join(c if c.isalnum() else "-" for c in settings.embedding_model)
    return "minilm"


def make_embedding_function(settings: Settings) -> EmbeddingFunction[Documents]:
    """The embedding function chosen by settings. OpenAI is used only when configured."""
    if settings.embedding_provider is EmbeddingProvider.LOCAL:
        return LocalMiniLMEmbedding()
    # chromadb's own OpenAI class keeps the openai import out of our code (see CONVENTIONS #2).
    from chromadb.utils.embedding_functions.openai_embedding_function import (
        OpenAIEmbeddingFunction,
    )

    key = settings.llm.api_key.get_secret_value() if settings.llm.api_key else None
    if not key and not os.environ.get("OPENAI_API_KEY"):
        raise ConfigError("COACH_EMBEDDING_PROVIDER=openai needs COACH_LLM__API_KEY")
    try:
        return OpenAIEmbeddingFunction(
            api_key=key,
            model_name=settings.embedding_model,
            api_base=settings.llm.base_url,
        )
    except ValueError as e:
        raise ConfigError(f"OpenAI embeddings are not usable: {e}") from e


def embed_texts(
    function: EmbeddingFunction[Documents], texts: list[str]
) -> npt.NDArray[np.float32]:
    """Embed with any Chroma embedding function, as a float32 array (fast path for ours)."""
    if isinstance(function, LocalMiniLMEmbedding):
        return function.embed_array(texts)
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    try:
        vectors = function(texts)
    except Exception as e:  # remote providers raise many kinds of errors
        raise RetrievalError(f"Embedding failed: {e}") from e
    return np.asarray(vectors, dtype=np.float32)
