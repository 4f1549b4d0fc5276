"""Composition root: turns Settings into the objects the front ends use.

The only place that knows both the settings and the component constructors, so `bot/` and the
CLI never build index parts themselves.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from hoidap.index.builder import IndexBuilder
from hoidap.index.embedcache import EmbeddingCache
from hoidap.index.embedder import Embedder, make_embedder
from hoidap.index.formats import LoadOptions
from hoidap.index.pipeline import AnswerPipeline
from hoidap.index.ranking import RankingConfig
from hoidap.index.search import DenseConfig
from hoidap.settings import Settings


@lru_cache(maxsize=4)
def _embedder(spec: str, query_prefix: str, passage_prefix: str, query_threads: int) -> Embedder:
    return make_embedder(spec, query_prefix, passage_prefix, query_threads)


def embedder_for(settings: Settings) -> Embedder:
    """The configured embedder, loaded once per process."""
    return _embedder(settings.embed_model, settings.query_prefix, settings.passage_prefix, settings.query_threads)


def builder_for(settings: Settings) -> IndexBuilder:
    """The index builder, with its embedding cache (private to the index unless configured)."""
    shared = bool(settings.embed_cache)
    path = Path(settings.embed_cache) if shared else settings.index_dir / "embed-cache.sqlite3"
    dense = DenseConfig(exact_max=settings.dense_exact_max, nprobe=settings.dense_nprobe)
    return IndexBuilder(embedder_for(settings), cache=EmbeddingCache(path), prune_cache=not shared, dense=dense,
                        max_file_bytes=settings.max_file_mb * 1024 * 1024, load_options=load_options_for(settings))


def load_options_for(settings: Settings) -> LoadOptions:
    """How documents are read: unpacked-size limit, OCR cache folder and language."""
    cache = Path(settings.ocr_cache) if settings.ocr_cache else settings.index_dir / "ocr-cache"
    return LoadOptions(max_unpacked_bytes=settings.max_unpacked_mb * 1024 * 1024, ocr_cache_dir=cache,
                       ocr_language=settings.ocr_language)


def open_pipeline(settings: Settings) -> AnswerPipeline:
    """Load the published index for answering; raises IndexUnavailable with what to run."""
    return AnswerPipeline.open(
        settings.index_dir,
        embedder_for(settings),
        top_k=settings.top_k,
        ranking=RankingConfig(min_confidence=settings.min_confidence, medium_confidence=settings.medium_confidence),
        max_question_chars=settings.max_question_chars,
        warm_passages=settings.warm_passages,
    )
