"""Retrieval steps: dense (FAISS), lexical (BM25 over syllables), and their fusion.

Each step is a small class with one job, so the pipeline (and the evaluation's baselines) can
run them alone or together.

>>> top_scores(np.array([0.0, 2.5, 1.0]), k=5)
[(1, 2.5), (2, 1.0)]
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence

import bm25s
import faiss
import numpy as np
from hoidap.index.embedder import Embedder
from hoidap.index.text import has_diacritics, plain_key, plain_tokens, syllables, toned_tokens, with_bigrams

logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG


class DenseRetriever:
    """Cosine similarity between the question and every passage vector (exact inner product)."""

    def __init__(self, vectors: faiss.Index, embedder: Embedder) -> None:
        self.vectors = vectors
        self.embedder = embedder

    def embed(self, query: str) -> np.ndarray:
        return self.embedder.embed_queries([query])[0]

    def search(self, query_vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        if self.vectors.ntotal == 0:
            return []
        scores, ids = self.vectors.search(query_vector.reshape(1, -1).astype(np.float32), min(k, self.vectors.ntotal))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def similarity(self, query_vector: np.ndarray, passage_id: int) -> float:
        return float(self.vectors.reconstruct(int(passage_id)) @ query_vector)


class LexicalRetriever:
    """BM25 over syllables and syllable bigrams, in two channels.

    The toned channel keeps tones (in one canonical placement) for questions typed with
    diacritics; the plain channel drops every mark so "khau dot pha" finds "khâu đột phá".
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        self._toned = self._build([with_bigrams(toned_tokens(t)) for t in texts])
        self._plain = self._build([with_bigrams(plain_tokens(t)) for t in texts])

    @staticmethod
    def _build(corpus: list[list[str]]) -> bm25s.BM25 | None:
        if not corpus:
            return None
        model = bm25s.BM25()
        model.index([tokens or ["\u2205"] for tokens in corpus], show_progress=False)
        return model

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage; the channel follows whether the query has diacritics."""
        if self._toned is None or self._plain is None:
            return np.zeros(0, dtype=np.float32)
        if has_diacritics(query):
            return self._toned.get_scores(with_bigrams(toned_tokens(query)))
        return self._plain.get_scores(with_bigrams(plain_tokens(query)))


class Reaccenter:
    """Restore diacritics to a question typed without them, using the corpus's own words.

    The dense model understands "khâu đột phá" far better than "khau dot pha"; the corpus
    tells us which accented form each plain syllable pair most often stands for.

    >>> Reaccenter(["Các khâu đột phá", "khâu đột phá"]).restore("cac khau dot pha gom nhung gi")
    'các khâu đột phá gom nhung gi'
    """

    def __init__(self, texts: Sequence[str]) -> None:
        bigrams: dict[tuple[str, str], Counter[tuple[str, str]]] = {}
        for text in texts:
            syl = syllables(text)
            plain = [plain_key(s) for s in syl]
            for i in range(len(syl)):
                if i + 1 < len(syl):
                    bigrams.setdefault((plain[i], plain[i + 1]), Counter())[(syl[i], syl[i + 1])] += 1
        self._bigrams = {k: c.most_common(1)[0][0] for k, c in bigrams.items()}

    def restore(self, query: str) -> str:
        if has_diacritics(query):
            return query
        words = syllables(query)
        plain = [plain_key(w) for w in words]
        out: list[str] = []
        i = 0
        while i < len(words):
            pair = self._bigrams.get((plain[i], plain[i + 1])) if i + 1 < len(words) else None
            if pair:
                out.extend(pair)
                i += 2
                continue
            out.append(words[i])
            i += 1
        return " ".join(out)


def top_scores(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    top = np.argsort(-scores, kind="stable")[:k]
    return [(int(i), float(scores[i])) for i in top if scores[i] > 0]


def convex_fusion(dense_hits: list[tuple[int, float]], lexical_hits: list[tuple[int, float]],
                  lexical_scores: np.ndarray, qvec: np.ndarray, dense: DenseRetriever,
                  dense_share: float) -> list[tuple[int, float]]:
    """Convex combination of min-max normalised dense and BM25 scores over both candidate lists.

    Unlike rank fusion it keeps how far apart candidates are, so one retriever's clear winner is
    not outvoted by the other's near-ties.
    """
    ids = list(dict.fromkeys([i for i, _ in dense_hits] + [i for i, _ in lexical_hits]))
    if not ids:
        return []
    known = dict(dense_hits)  # FAISS already scored its own hits; only BM25's extra ones need a dot product
    d = np.array([known[i] if i in known else dense.similarity(qvec, i) for i in ids])
    lex = np.array([lexical_scores[i] for i in ids], dtype=np.float64)
    d = (d - d.min()) / (d.max() - d.min()) if d.max() > d.min() else np.ones_like(d)
    lex = lex / lex.max() if lex.max() > 0 else np.zeros_like(lex)
    fused = dense_share * d + (1 - dense_share) * lex
    order = np.argsort(-fused, kind="stable")
    return [(ids[i], float(fused[i])) for i in order]
