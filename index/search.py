"""Retrieval steps: dense (FAISS), lexical (BM25 over syllables), and their fusion.

Each step is a small class with one job, so the pipeline (and the evaluation's baselines) can
run them alone or together.

>>> top_scores(np.array([0.0, 2.5, 1.0]), k=5)
[(1, 2.5), (2, 1.0)]
"""

from __future__ import annotations

import hashlib
import math
import mmap
import os
import weakref
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from hoidap.index.arrays import FileReader, FileWriter
from hoidap.index.embedder import Embedder
from hoidap.index.text import has_diacritics, plain_tokens, toned_tokens, with_bigrams


class LexicalResult:
    """BM25 results of one question: its best passages, and the score of any passage (fusion also
    scores the dense hits BM25 did not rank)."""

    def __init__(self, scores: np.ndarray, k: int) -> None:
        self._scores = scores
        self.hits = top_scores(scores, k)

    def score(self, passage_id: int) -> float:
        return float(self._scores[passage_id])


class Retrieval(Protocol):
    """Everything the pipeline asks of retrieval: the one seam between the pipeline (fusion,
    expansion, abstention) and where the indexes live. `LocalRetrieval` reads the snapshot's
    memory-mapped files; a distributed engine (docs/scaling.md) would implement the same calls.

    `within` is a passage id range [first, end) (one document's passages); None = everything.
    """

    def embed(self, query: str) -> np.ndarray: ...

    def dense(self, query_vector: np.ndarray, k: int,
              within: tuple[int, int] | None = None) -> list[tuple[int, float]]: ...

    def lexical(self, query: str, k: int, within: tuple[int, int] | None = None) -> LexicalResult: ...

    def similarity(self, query_vector: np.ndarray, passage_id: int) -> float: ...


class LocalRetrieval:
    """`Retrieval` over this machine's snapshot: a `DenseIndex` and the two BM25 channels."""

    def __init__(self, index: DenseIndex, lexical: LexicalRetriever, embedder: Embedder) -> None:
        self.index = index
        self.vectors = index.vectors  # (passages, dim) float32, memory-mapped
        self.lexical_index = lexical
        self.embedder = embedder

    def embed(self, query: str) -> np.ndarray:
        return self.embedder.embed_queries([query])[0]

    def dense(self, query_vector: np.ndarray, k: int,
              within: tuple[int, int] | None = None) -> list[tuple[int, float]]:
        if within is None:
            return self.index.search(query_vector, k)
        first, end = within
        sims = self.vectors[first:end] @ query_vector
        return [(first + int(i), float(sims[i])) for i in top_indices(sims, k)]

    def lexical(self, query: str, k: int, within: tuple[int, int] | None = None) -> LexicalResult:
        scores = self.lexical_index.scores(query)
        if within is not None:
            first, end = within
            inside = np.zeros_like(scores)
            inside[first:end] = scores[first:end]
            scores = inside
        return LexicalResult(scores, k)

    def similarity(self, query_vector: np.ndarray, passage_id: int) -> float:
        return float(self.vectors[int(passage_id)] @ query_vector)


@dataclass(frozen=True)
class DenseConfig:
    """How the dense side is built: exact search up to `exact_max` passages, an IVF index above.

    Chosen at re-index time and recorded in the manifest. The IVF index keeps 8-bit scalar-quantised
    codes (a quarter of the float32 size) in memory-mapped inverted lists; its `rerank` best
    candidates are re-scored exactly against the float32 vectors, so the scores the pipeline sees
    are exact and only the candidate set is approximate.
    """

    # 50,000: at 100k passages the IVF index answers 9 ms faster at the median (p95 48.5–51 ms against
    # 58–61 ms) with 99.4 % of the exact top 10 (docs/performance.md)
    exact_max: int = 50_000
    nprobe: int = 48
    rerank: int = 100
    nlist: int = 0  # 0 = about 4·sqrt(passages)
    train_sample: int = 100_000


class DenseIndex:
    """Passage vectors (float32, memory-mapped) and, for large corpora, an approximate index over them."""

    VECTORS = "vectors"
    APPROXIMATE = "dense.ivf"

    def __init__(self, vectors: np.ndarray, ivf: Any = None, nprobe: int = 0, rerank: int = 0) -> None:
        self.vectors = vectors
        self.ivf = ivf
        self.nprobe = nprobe
        self.rerank = rerank
        self._rows = FileArray.of(vectors) if ivf is not None else None
        if ivf is not None:
            ivf.nprobe = nprobe

    @property
    def kind(self) -> str:
        return "flat" if self.ivf is None else "ivf"

    @property
    def dim(self) -> int:
        return int(self.vectors.shape[1])

    def __len__(self) -> int:
        return int(self.vectors.shape[0])

    @classmethod
    def build(cls, vectors: np.ndarray, config: DenseConfig | None = None) -> DenseIndex:
        config = config or DenseConfig()
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if len(vectors) <= config.exact_max:
            return cls(vectors)
        return cls(vectors, build_ivf(vectors, config), config.nprobe, config.rerank)

    def save(self, writer: FileWriter) -> dict[str, Any]:
        """Writes the approximate index, if any (the store writes the vectors themselves)."""
        info: dict[str, Any] = {"kind": self.kind, "dim": self.dim}
        if self.ivf is not None:
            import faiss

            faiss.write_index(self.ivf, str(writer.folder / self.APPROXIMATE))
            writer.adopt(self.APPROXIMATE)
            info.update(nlist=int(self.ivf.nlist), nprobe=self.nprobe, rerank=self.rerank, codes="sq8")
        return info

    @classmethod
    def open(cls, reader: FileReader, info: dict[str, Any]) -> DenseIndex:
        vectors = reader.array(cls.VECTORS)
        if info.get("kind", "flat") == "flat":
            return cls(vectors)
        import faiss

        # IO_FLAG_MMAP maps the inverted lists (the codes) instead of reading them: opening is instant
        # and processes serving the same snapshot share the pages.
        ivf = faiss.read_index(str(reader.path(cls.APPROXIMATE)), faiss.IO_FLAG_MMAP)
        return cls(vectors, ivf, int(info["nprobe"]), int(info["rerank"]))

    def search(self, query_vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The k passages nearest the question (inner product of normalised vectors = cosine)."""
        n = len(self)
        if n == 0 or k <= 0:
            return []
        q = np.asarray(query_vector, dtype=np.float32)
        if self.ivf is None:
            sims = self.vectors @ q
            return [(int(i), float(sims[i])) for i in top_indices(sims, k)]
        _, found = self.ivf.search(q.reshape(1, -1), max(self.rerank, k))
        ids = np.sort(found[0][found[0] >= 0])  # ascending ids: the float32 rows are read in file order
        rows = self._rows.rows(ids) if self._rows is not None else self.vectors[ids]
        sims = rows @ q
        return [(int(ids[i]), float(sims[i])) for i in top_indices(sims, k)]

    def exact_search(self, query_vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """Exact search whatever the index kind (the benchmark's reference for recall)."""
        sims = self.vectors @ np.asarray(query_vector, dtype=np.float32)
        return [(int(i), float(sims[i])) for i in top_indices(sims, k)]


class FileArray:
    """Parts of a memory-mapped array read with `pread`, without mapping them into the process.

    At a million passages, what a question touches is scattered over gigabytes: the postings of
    its syllables in the BM25 matrices, the 100 candidate rows of the float32 vectors that an
    approximate search re-scores. Read through the memory map, every touch maps the kernel's
    fault-around window into the process, and after a few hundred questions most of those files
    counted as the process's resident memory (2 GB at 1M passages, 1.3 GB of it BM25 postings).
    Read with `pread`, the same bytes come from the page cache — shared between processes, dropped
    by the kernel under pressure, as with the map — and the process maps none of them.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "v.npy"
    >>> np.save(path, np.arange(12, dtype=np.float32).reshape(4, 3))
    >>> matrix = FileArray.of(np.load(path, mmap_mode="r"))
    >>> matrix.rows(np.array([1, 3])).tolist(), matrix.span(2, 3).tolist()
    ([[3.0, 4.0, 5.0], [9.0, 10.0, 11.0]], [[6.0, 7.0, 8.0]])
    """

    def __init__(self, path: str, offset: int, shape: tuple[int, ...], dtype: np.dtype[Any]) -> None:
        self._fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self._fd)
        self._offset, self._shape, self._dtype = offset, shape, dtype
        self._row_bytes = int(np.prod(shape[1:], dtype=np.int64)) * dtype.itemsize

    @classmethod
    def of(cls, array: np.ndarray) -> FileArray | None:
        """A reader for a C-ordered array that np.load memory-mapped; None for an array in memory."""
        # Only the array np.load mapped itself (its base is the map): a view's offset is its parent's.
        if not isinstance(array, np.memmap) or not isinstance(array.base, mmap.mmap) \
                or not array.flags.c_contiguous or not array.filename or array.ndim == 0:
            return None
        return cls(str(array.filename), int(array.offset), tuple(int(n) for n in array.shape), array.dtype)

    def span(self, start: int, end: int) -> np.ndarray:
        """Rows (elements, for a 1-D array) start..end-1, as one read."""
        count = max(0, end - start)
        data = os.pread(self._fd, count * self._row_bytes, self._offset + start * self._row_bytes)
        return np.frombuffer(data, dtype=self._dtype).reshape((count, *self._shape[1:]))

    def rows(self, ids: np.ndarray) -> np.ndarray:
        """The rows at `ids`, one read each."""
        out = np.empty((len(ids), *self._shape[1:]), dtype=self._dtype)
        for row, i in enumerate(ids.tolist()):
            out[row] = self.span(i, i + 1)[0]
        return out


def build_ivf(vectors: np.ndarray, config: DenseConfig) -> Any:
    """An IVF index with 8-bit scalar-quantised codes, trained on a sample of the vectors."""
    import faiss

    n, dim = vectors.shape
    nlist = config.nlist or max(16, int(4 * math.sqrt(n)))
    rng = np.random.default_rng(0)
    sample = vectors[np.sort(rng.choice(n, size=min(n, max(config.train_sample, 40 * nlist)), replace=False))]
    quantizer = faiss.IndexFlatIP(dim)
    ivf = faiss.IndexIVFScalarQuantizer(quantizer, dim, nlist, faiss.ScalarQuantizer.QT_8bit,
                                        faiss.METRIC_INNER_PRODUCT)
    ivf.train(np.ascontiguousarray(sample))
    for start in range(0, n, 100_000):
        ivf.add(np.ascontiguousarray(vectors[start : start + 100_000]))
    return ivf


class BM25Channel:
    """One BM25 index (Lucene variant, k1=1.5, b=0.75), stored as a term-by-passage CSC matrix of
    precomputed scores, so a question costs one pass over the postings of its own terms.

    Scores equal bm25s's eager index to the bit (same formula, float32 sums in the query's token
    order; tests/test_lexical_index.py checks it), but it is built in one streaming pass without
    holding every passage's token list, and its vocabulary is a sorted array of 64-bit token
    hashes, so the whole index opens memory-mapped.

    >>> channel = BM25Channel.build([["khâu", "đột", "phá"], ["đột", "biến"], []])
    >>> [round(float(s), 3) for s in channel.scores(["đột", "phá"])]
    [0.474, 0.188, 0.0]
    """

    K1, B = 1.5, 0.75
    EMPTY = "\u2205"  # stands for a passage without tokens, as bm25s needs one

    def __init__(self, data: np.ndarray, indices: np.ndarray, indptr: np.ndarray, hashes: np.ndarray,
                 term_ids: np.ndarray, num_docs: int) -> None:
        self.data = data  # float32 scores, term by term
        self.indices = indices  # int32 passage ids, ascending within a term
        self.indptr = indptr  # int64, terms + 1
        self.hashes = hashes  # uint64 token hashes, sorted
        self.term_ids = term_ids  # int32 term id of each hash
        self.num_docs = num_docs
        # Postings read with pread when the matrices are memory-mapped (FileArray says why).
        readers = (FileArray.of(indices), FileArray.of(data))
        self._postings = (readers[0], readers[1]) if readers[0] is not None and readers[1] is not None else None

    @classmethod
    def build(cls, token_lists: Iterable[list[str]]) -> BM25Channel:
        vocab: dict[str, int] = {}
        terms, tfs, lengths = array("i"), array("i"), array("q")
        per_doc = array("i")
        for tokens in token_lists:
            tokens = tokens or [cls.EMPTY]
            lengths.append(len(tokens))
            counts = Counter(tokens)
            per_doc.append(len(counts))
            terms.extend(vocab.setdefault(t, len(vocab)) for t in counts)
            tfs.extend(counts.values())
        num_docs = len(lengths)
        if num_docs == 0:
            empty = np.zeros(0, np.int32)
            return cls(np.zeros(0, np.float32), empty, np.zeros(1, np.int64), np.zeros(0, np.uint64), empty, 0)
        term = np.frombuffer(terms, dtype=np.int32)
        doc_len = np.frombuffer(lengths, dtype=np.int64)
        doc = np.repeat(np.arange(num_docs, dtype=np.int32), np.frombuffer(per_doc, dtype=np.int32))
        avg_doc_len = doc_len.mean()
        df = np.bincount(term, minlength=len(vocab))
        # math.log per term, exactly as bm25s computes idf (numpy's vectorised log may differ in the last bit)
        idf = np.array([math.log(1 + (num_docs - f + 0.5) / (f + 0.5)) for f in df.tolist()], dtype=np.float32)
        data = np.empty(len(term), dtype=np.float32)
        for s in range(0, len(term), 1 << 22):  # in blocks: float64 temporaries stay small at a million passages
            t, d = term[s : s + (1 << 22)], doc[s : s + (1 << 22)]
            tf = np.frombuffer(tfs, dtype=np.int32)[s : s + (1 << 22)].astype(np.float32).astype(np.float64)
            norm = cls.K1 * ((1 - cls.B) + cls.B * doc_len[d].astype(np.float64) / avg_doc_len)
            data[s : s + len(t)] = idf[t].astype(np.float64) * (tf / (norm + tf))
        order = np.argsort(term, kind="stable")  # by term; passages stay ascending within a term
        indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        np.cumsum(df, out=indptr[1:])
        hashes = np.fromiter((token_hash(t) for t in vocab), dtype=np.uint64, count=len(vocab))
        by_hash = np.argsort(hashes, kind="stable")
        return cls(data[order], doc[order], indptr, hashes[by_hash], by_hash.astype(np.int32), num_docs)

    def save(self, writer: FileWriter, key: str) -> None:
        for name in ("data", "indices", "indptr", "hashes", "term_ids"):
            writer.array(f"{key}.{name}", getattr(self, name))

    @classmethod
    def open(cls, reader: FileReader, key: str, num_docs: int) -> BM25Channel:
        data, indices, indptr, hashes, term_ids = (reader.array(f"{key}.{name}")
                                                   for name in ("data", "indices", "indptr", "hashes", "term_ids"))
        return cls(data, indices, indptr, hashes, term_ids, num_docs)

    def term_id(self, token: str) -> int | None:
        h = np.uint64(token_hash(token))
        at = int(np.searchsorted(self.hashes, h))
        if at < len(self.hashes) and self.hashes[at] == h:
            return int(self.term_ids[at])
        return None

    def scores(self, tokens: Sequence[str]) -> np.ndarray:
        """BM25 score of every passage; a token repeated in the question counts again (as in bm25s)."""
        scores = np.zeros(self.num_docs, dtype=np.float32)
        for token in tokens:
            t = self.term_id(token)
            if t is None:
                continue
            start, end = int(self.indptr[t]), int(self.indptr[t + 1])
            if self._postings is not None:
                indices, data = self._postings[0].span(start, end), self._postings[1].span(start, end)
            else:
                indices, data = self.indices[start:end], self.data[start:end]
            scores[indices] += data  # ids are unique within a term
        return scores


def token_hash(token: str) -> int:
    """A stable 64-bit hash of a token (Python's own hash() changes between processes)."""
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")


class LexicalRetriever:
    """BM25 over syllables and syllable bigrams, in two channels.

    The toned channel keeps tones (in one canonical placement) for questions typed with
    diacritics; the plain channel drops every mark so "khau dot pha" finds "khâu đột phá".
    Both are built at re-index time (`build`) and opened memory-mapped (`open`).
    """

    def __init__(self, toned: BM25Channel, plain: BM25Channel) -> None:
        self.size = toned.num_docs
        self._toned = toned
        self._plain = plain

    @classmethod
    def build(cls, texts: Iterable[str]) -> LexicalRetriever:
        texts = texts if isinstance(texts, Sequence) else list(texts)
        return cls(BM25Channel.build(with_bigrams(toned_tokens(t)) for t in texts),
                   BM25Channel.build(with_bigrams(plain_tokens(t)) for t in texts))

    def save(self, writer: FileWriter) -> dict[str, Any]:
        self._toned.save(writer, "bm25.toned")
        self._plain.save(writer, "bm25.plain")
        return {"passages": self.size}

    @classmethod
    def open(cls, reader: FileReader, info: dict[str, Any]) -> LexicalRetriever:
        n = int(info["passages"])
        return cls(BM25Channel.open(reader, "bm25.toned", n), BM25Channel.open(reader, "bm25.plain", n))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every passage; the channel follows whether the query has diacritics."""
        if has_diacritics(query):
            return self._toned.scores(with_bigrams(toned_tokens(query)))
        return self._plain.scores(with_bigrams(plain_tokens(query)))


def top_indices(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k highest scores, best first, ties by index: the first k of a stable
    descending argsort, found by partial selection (a full sort of a million scores costs tens of ms).

    >>> top_indices(np.array([0.5, 2.0, 0.5, 1.0]), 3).tolist()
    [1, 3, 0]
    """
    n = len(scores)
    if k <= 0 or n == 0:
        return np.zeros(0, dtype=np.int64)
    if k < n:
        kth = np.partition(scores, n - k)[n - k]  # the k-th highest value
        candidates = np.flatnonzero(scores >= kth)  # ascending ids: the stable sort below keeps ties in id order
    else:
        candidates = np.arange(n)
    order = np.argsort(-scores[candidates], kind="stable")[:k]
    return candidates[order]


def top_scores(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    """The k best positive scores as (id, score), best first (BM25 scores are 0 for passages without a
    question term, and a million passages have few with any)."""
    positive = np.flatnonzero(scores > 0)
    top = positive[top_indices(scores[positive], k)]
    return [(int(i), float(scores[i])) for i in top]


def convex_fusion(dense_hits: list[tuple[int, float]], lexical: LexicalResult, qvec: np.ndarray,
                  retrieval: Retrieval, dense_share: float) -> list[tuple[int, float]]:
    """Convex combination of min-max normalised dense and BM25 scores over both candidate lists.

    Unlike rank fusion it keeps how far apart candidates are, so one retriever's clear winner is
    not outvoted by the other's near-ties.
    """
    ids = list(dict.fromkeys([i for i, _ in dense_hits] + [i for i, _ in lexical.hits]))
    if not ids:
        return []
    known = dict(dense_hits)  # dense search already scored its own hits; only BM25's extra ones need a dot product
    d = np.array([known[i] if i in known else retrieval.similarity(qvec, i) for i in ids])
    lex = np.array([lexical.score(i) for i in ids], dtype=np.float64)
    d = (d - d.min()) / (d.max() - d.min()) if d.max() > d.min() else np.ones_like(d)
    lex = lex / lex.max() if lex.max() > 0 else np.zeros_like(lex)
    fused = dense_share * d + (1 - dense_share) * lex
    order = np.argsort(-fused, kind="stable")
    return [(ids[i], float(fused[i])) for i in order]
