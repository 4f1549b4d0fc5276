"""On-disk index: versioned, verified, published by an atomic pointer switch.

Layout under the index folder::

    CURRENT                 name of the published version (replaced atomically with os.replace)
    versions/<version>/     manifest.json, vectors.faiss, passages.jsonl, documents.json

A build writes a fresh version folder, verifies it (vector count = passage rows, checksums),
and only then rewrites CURRENT. A crash at any point leaves the served version untouched, and
the previous version stays on disk for ``hoidap reindex --rollback``.

>>> import tempfile, numpy as np
>>> from hoidap.index.types import Passage, DocumentInfo
>>> root = Path(tempfile.mkdtemp())
>>> p = [Passage(0, "a.txt", "paragraph", "Xin chào.", [], 0, 9, -1, 1)]
>>> v = write_version(root, p, [DocumentInfo("a.txt", "A")], np.ones((1, 4), "float32"),
...                   embedder_id="test", chunker_version="c1")
>>> publish(root, v); load_snapshot(root, expected_embedder="test").passages[0].text
'Xin chào.'
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from hoidap.index.types import DocumentInfo, IndexUnavailable, Passage

if TYPE_CHECKING:  # FAISS is loaded only by what searches or writes vectors, not by `hoidap docs list`
    import faiss

__all__ = ["IndexUnavailable", "Snapshot", "current_version", "load_snapshot", "publish", "read_catalog",
           "write_version"]

FORMAT_VERSION = 1
KEEP_VERSIONS = 3  # the published one, its predecessor for rollback, and one more
_FILES = ("vectors.faiss", "passages.jsonl", "documents.json")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_bytes(path: Path, data: bytes) -> None:
    with path.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


@dataclass
class Snapshot:
    """One loaded, verified index version: everything search needs, immutable once built."""

    version: str
    manifest: dict[str, Any]
    passages: list[Passage]
    documents: dict[str, DocumentInfo]
    vectors: faiss.Index
    folder: Path | None = None  # versions/<version>/ on disk (calibration.json lives there too)

    @property
    def embedder_id(self) -> str:
        return self.manifest["embedder"]

    @cached_property
    def doc_ranges(self) -> dict[str, tuple[int, int]]:
        """Each document's passage id range [first, end): a document's passages are contiguous."""
        ranges: dict[str, tuple[int, int]] = {}
        for p in self.passages:
            first, _ = ranges.get(p.doc_id, (p.id, p.id))
            ranges[p.doc_id] = (first, p.id + 1)
        return ranges

    def doc_vectors(self, doc_id: str) -> np.ndarray:
        """The stored vectors of one document's passages (for incremental re-indexing)."""
        first, end = self.doc_ranges.get(doc_id, (0, 0))
        if end == first:
            return np.zeros((0, self.vectors.d), dtype=np.float32)
        return self.vectors.reconstruct_n(first, end - first)


def write_version(
    root: Path,
    passages: Sequence[Passage],
    documents: Sequence[DocumentInfo],
    vectors: np.ndarray,
    *,
    embedder_id: str,
    chunker_version: str,
    dim: int | None = None,
    extra: dict[str, Any] | None = None,
) -> str:
    """Write and verify a new version folder; return its name. Does not publish it."""
    import faiss

    if len(passages) != len(vectors):
        raise ValueError(f"{len(passages)} passages but {len(vectors)} vectors")
    versions = root / "versions"
    versions.mkdir(parents=True, exist_ok=True)
    name = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6:06d}"
    tmp = versions / f".tmp-{name}"
    tmp.mkdir()
    try:
        dim = int(vectors.shape[1]) if dim is None else dim
        index = faiss.IndexFlatIP(dim)
        if len(vectors):
            index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        faiss.write_index(index, str(tmp / "vectors.faiss"))
        rows = "".join(json.dumps(p.to_dict(), ensure_ascii=False) + "\n" for p in passages)
        _write_bytes(tmp / "passages.jsonl", rows.encode("utf-8"))
        docs = json.dumps([d.to_dict() for d in documents], ensure_ascii=False, indent=1)
        _write_bytes(tmp / "documents.json", docs.encode("utf-8"))
        manifest = {
            "format": FORMAT_VERSION,
            "embedder": embedder_id,
            "dim": dim,
            "chunker": chunker_version,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "passages": len(passages),
            "documents": len(documents),
            "checksums": {f: _sha256(tmp / f) for f in _FILES},
            **(extra or {}),
        }
        _write_bytes(tmp / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode())
        _fsync_dir(tmp)
        _verify(tmp)
        os.replace(tmp, versions / name)
        _fsync_dir(versions)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return name


def publish(root: Path, version: str) -> None:
    """Point CURRENT at `version` atomically, then prune old versions (keeping one for rollback)."""
    if not (root / "versions" / version / "manifest.json").is_file():
        raise IndexUnavailable(f"cannot publish {version!r}: no such version under {root}/versions")
    pointer_tmp = root / f".CURRENT.tmp-{os.getpid()}"
    _write_bytes(pointer_tmp, (version + "\n").encode())
    previous = current_version(root)
    os.replace(pointer_tmp, root / "CURRENT")
    _fsync_dir(root)
    if previous and previous != version:
        _write_bytes(root / "PREVIOUS", (previous + "\n").encode())
    _prune(root, keep={version, previous or ""})


def current_version(root: Path) -> str | None:
    try:
        name = (root / "CURRENT").read_text().strip()
    except FileNotFoundError:
        return None
    return name or None


def previous_version(root: Path) -> str | None:
    try:
        name = (root / "PREVIOUS").read_text().strip()
    except FileNotFoundError:
        return None
    return name if name and (root / "versions" / name).is_dir() else None


def _prune(root: Path, keep: set[str]) -> None:
    versions = root / "versions"
    finished = sorted((p for p in versions.iterdir() if not p.name.startswith(".")), key=lambda p: p.name)
    stale_tmp = [p for p in versions.iterdir() if p.name.startswith(".tmp-")]
    for path in finished[:-KEEP_VERSIONS]:
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)
    for path in stale_tmp:  # left by a crashed build; never published, safe to drop when old
        if time.time() - path.stat().st_mtime > 3600:
            shutil.rmtree(path, ignore_errors=True)


def _verify(folder: Path) -> dict[str, Any]:
    """Check a version folder is complete and consistent; raise IndexUnavailable if not."""
    hint = "run `hoidap reindex --full` to rebuild it"
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndexUnavailable(f"index at {folder} has no manifest.json; {hint}") from None
    except json.JSONDecodeError as exc:
        raise IndexUnavailable(f"index manifest {folder / 'manifest.json'} is corrupt ({exc}); {hint}") from None
    if manifest.get("format") != FORMAT_VERSION:
        raise IndexUnavailable(
            f"index at {folder} has format {manifest.get('format')!r}, this version reads {FORMAT_VERSION}; {hint}"
        )
    for name, expected in manifest.get("checksums", {}).items():
        path = folder / name
        if not path.is_file():
            raise IndexUnavailable(f"index file {path} is missing; {hint}")
        if _sha256(path) != expected:
            raise IndexUnavailable(f"index file {path} is corrupt (checksum mismatch); {hint}")
    return manifest


def load_snapshot(root: Path, expected_embedder: str | None = None, version: str | None = None) -> Snapshot:
    """Load and verify the published version; refuse a missing, corrupt or mismatched index."""
    import faiss

    version = version or current_version(root)
    if version is None:
        raise IndexUnavailable(f"no index at {root}: run `hoidap reindex` to build one")
    folder = root / "versions" / version
    if not folder.is_dir():
        raise IndexUnavailable(f"index version {version!r} named in {root / 'CURRENT'} is missing; "
                               "run `hoidap reindex --full`")
    manifest = _verify(folder)
    if expected_embedder is not None and manifest["embedder"] != expected_embedder:
        raise IndexUnavailable(
            f"index at {root} was built with embedder {manifest['embedder']!r} but the configured one is "
            f"{expected_embedder!r}; run `hoidap reindex --full` to re-index with the configured model"
        )
    try:
        vectors = faiss.read_index(str(folder / "vectors.faiss"))
        with (folder / "passages.jsonl").open(encoding="utf-8") as fh:
            passages = [Passage(**json.loads(line)) for line in fh if line.strip()]
        documents = [DocumentInfo(**d) for d in json.loads((folder / "documents.json").read_text("utf-8"))]
    except (RuntimeError, ValueError, TypeError) as exc:
        raise IndexUnavailable(f"index at {folder} cannot be read ({exc}); run `hoidap reindex --full`") from None
    if vectors.ntotal != len(passages) or manifest["passages"] != len(passages):
        raise IndexUnavailable(
            f"index at {folder} is inconsistent ({vectors.ntotal} vectors, {len(passages)} passages); "
            "run `hoidap reindex --full`"
        )
    return Snapshot(version, manifest, passages, {d.doc_id: d for d in documents}, vectors, folder)


def read_catalog(root: Path) -> tuple[str, list[DocumentInfo], list[Passage]]:
    """The published version's name, documents and passages, verified, without loading vectors.

    For `hoidap docs list|show`, which must start fast: no FAISS, no lexical index.
    """
    version = current_version(root)
    if version is None:
        raise IndexUnavailable(f"no index at {root}: run `hoidap reindex` to build one")
    folder = root / "versions" / version
    if not folder.is_dir():
        raise IndexUnavailable(f"index version {version!r} named in {root / 'CURRENT'} is missing; "
                               "run `hoidap reindex --full`")
    _verify(folder)
    try:
        with (folder / "passages.jsonl").open(encoding="utf-8") as fh:
            passages = [Passage(**json.loads(line)) for line in fh if line.strip()]
        documents = [DocumentInfo(**d) for d in json.loads((folder / "documents.json").read_text("utf-8"))]
    except (ValueError, TypeError) as exc:
        raise IndexUnavailable(f"index at {folder} cannot be read ({exc}); run `hoidap reindex --full`") from None
    return version, documents, passages
