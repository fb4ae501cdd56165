"""The bundled MiniLM model: offline loading, vector quality, Chroma registration, providers."""

from __future__ import annotations

import sysconfig
from pathlib import Path

import chromadb
import numpy as np
import pytest
from chromadb.utils.embedding_functions import config_to_embedding_function
from pydantic import SecretStr

from assistant.config import EmbeddingProvider, LLMSettings, Settings
from assistant.errors import ConfigError
from assistant.knowledge.chroma import chroma_settings
from assistant.knowledge.embeddings import (
    DIMENSIONS,
    LocalMiniLMEmbedding,
    default_model_path,
    default_tokenizer_path,
    embed_texts,
    embedding_model_key,
    make_embedding_function,
)
from tests.support.fake_openai import FakeOpenAIServer


def test_model_files_come_from_installed_packages() -> None:
    site = Path(sysconfig.get_paths()["purelib"]).resolve()
    for path in (default_model_path(), default_tokenizer_path()):
        assert path.is_file()
        assert path.resolve().is_relative_to(site)


def test_embeddings_are_unit_length_384d(model: LocalMiniLMEmbedding) -> None:
    vectors = model.embed_array(["one", "two words", ""])
    assert vectors.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_related_sentences_are_closer_than_unrelated(model: LocalMiniLMEmbedding) -> None:
    a, b, c, d = model.embed_array(
        [
            "How do I give constructive feedback to my report?",
            "Tips for delivering critical feedback kindly to an employee",
            "The cat sat on the mat near the window.",
            "Quarterly revenue grew by twelve percent.",
        ]
    )
    related = float(a @ b)
    assert related > 0.5
    assert related > float(a @ c) + 0.3
    assert related > float(a @ d) + 0.3


def test_padding_to_the_batch_does_not_change_vectors(model: LocalMiniLMEmbedding) -> None:
    short = "We agreed on a weekly one-on-one."
    alone = model.embed_array([short])[0]
    long_text = " ".join(["The roadmap review covered hiring, budget and on-call load."] * 20)
    batched = model.embed_array([long_text, short])[1]
    assert float(alone @ batched) > 0.9999


def test_long_text_is_truncated_not_rejected(model: LocalMiniLMEmbedding) -> None:
    vectors = model.embed_array(["word " * 5000])
    assert vectors.shape == (1, DIMENSIONS)


def test_registered_under_its_own_name_and_rebuilt_from_config(
    model: LocalMiniLMEmbedding,
) -> None:
    rebuilt = config_to_embedding_function({"name": model.name(), "config": model.get_config()})
    assert isinstance(rebuilt, LocalMiniLMEmbedding)
    assert model.name() != "onnx_mini_lm_l6_v2"  # never Chroma's downloading class


def test_reopened_collection_uses_our_function(model: LocalMiniLMEmbedding, tmp_path: Path) -> None:
    client = chromadb.PersistentClient(path=str(tmp_path), settings=chroma_settings())
    col = client.create_collection("reopen-test", embedding_function=model)
    col.add(ids=["a", "b"], documents=["weekly one-on-one cadence", "quarterly revenue report"])
    # A fresh handle without an embedding function: Chroma rebuilds ours from the stored config.
    again = chromadb.PersistentClient(path=str(tmp_path), settings=chroma_settings())
    reopened = again.get_collection("reopen-test")
    found = reopened.query(query_texts=["how often should we meet"], n_results=1)
    assert found["ids"] == [["a"]]


def test_local_provider_is_the_default(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path)  # type: ignore[call-arg]
    assert isinstance(make_embedding_function(settings), LocalMiniLMEmbedding)
    assert embedding_model_key(settings) == "minilm"


def test_openai_provider_needs_a_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, data_dir=tmp_path, embedding_provider=EmbeddingProvider.OPENAI
    )
    with pytest.raises(ConfigError, match="API_KEY"):
        make_embedding_function(settings)


def test_openai_provider_embeds_through_the_configured_server(
    tmp_path: Path, fake_openai: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        data_dir=tmp_path,
        embedding_provider=EmbeddingProvider.OPENAI,
        llm=LLMSettings(base_url=fake_openai.base_url, api_key=SecretStr("test-key")),
    )
    function = make_embedding_function(settings)
    assert not isinstance(function, LocalMiniLMEmbedding)
    vectors = embed_texts(function, ["hello", "world"])
    assert vectors.shape[0] == 2
    assert embedding_model_key(settings) == "openai-text-embedding-3-small"
