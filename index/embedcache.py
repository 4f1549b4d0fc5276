"""A persistent cache of passage vectors, keyed by the embedder and the exact text embedded.

Embedding is the only slow step of a re-index (about 15 passages/s on 2 cores). Documents that
did not change keep their vectors anyway, but a new chunker version, a changed title or the same
text arriving in another format re-chunks everything, and most of the resulting passage texts are
ones the model has already seen. The cache turns those into look-ups.

It is an SQLite file (safe for several processes at once); entries are tied to the embedder id,
so a new model never reads another model's vectors.

>>> import tempfile
>>> from hoidap.index.embedder import HashEmbedder
>>> cache = EmbeddingCache(Path(tempfile.mkdtemp()) / "cache.sqlite3")
>>> emb = CachedEmbedder(HashEmbedder(dim=8), cache)
>>> _ = emb.embed_passages(["một", "hai"]); _ = emb.embed_passages(["hai", "ba"])
>>> emb.hits, emb.misses
(1, 3)
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
from hoidap.index.embedder import Embedder


def _key(embedder_id: str, text: str) -> str:
    return hashlib.sha256(f"{embedder_id}\0{text}".encode()).hexdigest()


class EmbeddingCache:
    """Key -> float32 vector, in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(self.path), timeout=60, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, dim INTEGER, vec BLOB)")

    def get_many(self, keys: Sequence[str], dim: int) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                chunk = list(keys[start : start + 500])
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT key, dim, vec FROM vectors WHERE key IN ({marks})", chunk)
                for key, stored_dim, blob in rows:
                    if stored_dim == dim:
                        found[key] = np.frombuffer(blob, dtype=np.float32).copy()
        return found

    def put_many(self, items: Iterable[tuple[str, np.ndarray]]) -> None:
        rows = [(k, int(v.shape[0]), np.ascontiguousarray(v, dtype=np.float32).tobytes()) for k, v in items]
        with self._lock:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO vectors (key, dim, vec) VALUES (?, ?, ?)", rows)
            self._db.execute("COMMIT")

    def keep_only(self, keys: Iterable[str]) -> int:
        """Drop every entry not in `keys` (after a build, so the cache never outgrows the index)."""
        with self._lock:
            self._db.execute("BEGIN")
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key TEXT PRIMARY KEY)")
            self._db.execute("DELETE FROM keep")
            self._db.executemany("INSERT OR IGNORE INTO keep (key) VALUES (?)", ((k,) for k in keys))
            removed = self._db.execute("DELETE FROM vectors WHERE key NOT IN (SELECT key FROM keep)").rowcount
            self._db.execute("COMMIT")
        return removed

    def close(self) -> None:
        with self._lock:
            self._db.close()


class CachedEmbedder:
    """An `Embedder` that looks passages up in an `EmbeddingCache` before embedding them.

    Queries are never cached (they are one-offs).
    """

    def __init__(self, inner: Embedder, cache: EmbeddingCache) -> None:
        self.inner = inner
        self.cache = cache
        self.id = inner.id
        self.dim = inner.dim
        self.hits = 0
        self.misses = 0

    def key(self, text: str) -> str:
        return _key(self.id, text)

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.embed_queries(texts)

    def embed_passages(
        self, texts: Sequence[str], progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        keys = [self.key(t) for t in texts]
        known = self.cache.get_many(sorted(set(keys)), self.dim)
        missing = [i for i, k in enumerate(keys) if k not in known]
        unique_missing: dict[str, int] = {}
        for i in missing:
            unique_missing.setdefault(keys[i], i)
        self.hits += len(texts) - len(missing)
        self.misses += len(unique_missing)
        if progress and len(texts) - len(missing):
            progress(len(texts) - len(missing))
        if unique_missing:
            todo = list(unique_missing.items())
            fresh = self.inner.embed_passages([texts[i] for _, i in todo], progress=progress)
            new = {k: fresh[n] for n, (k, _) in enumerate(todo)}
            self.cache.put_many(new.items())
            known.update(new)
            if progress and len(missing) > len(unique_missing):
                progress(len(missing) - len(unique_missing))  # repeated texts embedded once
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = known[k]
        return out
