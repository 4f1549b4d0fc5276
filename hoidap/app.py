"""Composition root: turns Settings into the objects the front ends use.

The only place that knows both the settings and the component constructors, so `bot/` and the
CLI never build index parts themselves.
"""

from __future__ import annotations

from functools import lru_cache

from hoidap.settings import Settings
from index.builder import IndexBuilder
from index.embedder import Embedder, make_embedder
from index.pipeline import AnswerPipeline


@lru_cache(maxsize=4)
def _embedder(spec: str, query_prefix: str, passage_prefix: str) -> Embedder:
    return make_embedder(spec, query_prefix, passage_prefix)


def embedder_for(settings: Settings) -> Embedder:
    """The configured embedder, loaded once per process."""
    return _embedder(settings.embed_model, settings.query_prefix, settings.passage_prefix)


def builder_for(settings: Settings) -> IndexBuilder:
    return IndexBuilder(embedder_for(settings))


def open_pipeline(settings: Settings) -> AnswerPipeline:
    """Load the published index for answering; raises IndexUnavailable with what to run."""
    return AnswerPipeline.open(
        settings.index_dir,
        embedder_for(settings),
        top_k=settings.top_k,
        min_confidence=settings.min_confidence,
    )
