"""On-disk index: versioned, verified, published by an atomic pointer switch.

Layout under the index folder::

    CURRENT                 name of the published version (replaced atomically with os.replace)
    versions/<version>/     manifest.json (every file's size and SHA-256, every part's version),
                            documents.json, vectors.npy (float32, one row per passage),
                            passages.*.npy (columns and a UTF-8 blob of texts, hoidap.index.passages),
                            and the query-side parts (BM25 matrices, re-accenting tables,
                            vocabulary, section sizes, an IVF index for large corpora:
                            hoidap.index.parts lists them)

A build writes a fresh version folder, verifies it (vector count = passage rows, sizes), and only
then rewrites CURRENT. A crash at any point leaves the served version untouched, and the
previous version stays on disk for ``hoidap reindex --rollback``.

Opening memory-maps every array: it costs reading the manifest and checking file sizes (plus the
checksums of the small files), not a pass over the corpus. The large files' checksums are
verified by `Snapshot.verify_rest` — in the background by the serving pipeline, before a reload is
swapped in, and by `load_snapshot(..., verify="full")`.

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
import logging
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from hoidap.index.arrays import FileReader, FileWriter
from hoidap.index.passages import PassageStore
from hoidap.index.types import DocumentInfo, IndexUnavailable, Passage

if TYPE_CHECKING:  # the parts (BM25, FAISS, vocabulary) are loaded only by what searches or writes
    from hoidap.index.search import DenseConfig

log = logging.getLogger(__name__)

__all__ = ["IndexUnavailable", "Snapshot", "current_version", "load_snapshot", "publish", "read_catalog",
           "write_version"]

FORMAT_VERSION = 2  # 1: FAISS file + passages.jsonl, everything else rebuilt at every open
KEEP_VERSIONS = 3  # the published one, its predecessor for rollback, and one more
SMALL_FILE_BYTES = 4 << 20  # checksummed at open; larger files by Snapshot.verify_rest
Verify = Literal["quick", "full"]
_HINT = "run `hoidap reindex --full` to rebuild it"


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
    """One opened, verified index version: everything search needs, immutable, memory-mapped."""

    version: str
    manifest: dict[str, Any]
    passages: PassageStore
    documents: dict[str, DocumentInfo]
    vectors: np.ndarray  # (passages, dim) float32, memory-mapped
    folder: Path | None = None  # versions/<version>/ on disk (calibration.json lives there too)
    parts: dict[str, Any] | None = None  # hoidap.index.parts, opened on first use

    @property
    def embedder_id(self) -> str:
        return self.manifest["embedder"]

    def part(self, name: str) -> Any:
        """A query-side part by name (hoidap.index.parts.PARTS), opened memory-mapped on first use."""
        if self.parts is None:
            self.parts = {}
        if name not in self.parts:
            self.parts[name] = _open_part(self, name)
        return self.parts[name]

    @cached_property
    def doc_ranges(self) -> dict[str, tuple[int, int]]:
        """Each document's passage id range [first, end): a document's passages are contiguous."""
        return self.passages.doc_ranges()

    def doc_vectors(self, doc_id: str) -> np.ndarray:
        """The stored vectors of one document's passages (for incremental re-indexing)."""
        first, end = self.doc_ranges.get(doc_id, (0, 0))
        return np.array(self.vectors[first:end], dtype=np.float32)

    def verify_rest(self) -> None:
        """Check the checksums of the files opening left unread (the large ones); IndexUnavailable if
        one does not match. Reads each once; the pages it reads are the ones search will use."""
        if self.folder is not None:
            _check_files(self.folder, self.manifest, "full")


def _open_part(snapshot: Snapshot, name: str) -> Any:
    from hoidap.index.parts import PARTS, BuildInput

    part_class = next((p for p in PARTS if name == p.NAME), None)
    if part_class is None:
        raise KeyError(f"no snapshot part named {name!r}")
    info = snapshot.manifest.get("parts", {}).get(name)
    if info is not None and info.get("version") == part_class.VERSION and snapshot.folder is not None:
        return part_class.open(FileReader(snapshot.folder), info)
    log.warning("index version %s holds no current %r part: building it in memory (slow); run `hoidap reindex` "
                "to save it with the index", snapshot.version, name)
    return part_class.build(BuildInput(snapshot.passages, list(snapshot.documents.values()), snapshot.vectors))


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
    dense: DenseConfig | None = None,
) -> str:
    """Write a new version folder with every query-side part built; return its name. Does not publish it."""
    from hoidap.index.parts import BuildInput, build_parts
    from hoidap.index.search import DenseConfig

    if len(passages) != len(vectors):
        raise ValueError(f"{len(passages)} passages but {len(vectors)} vectors")
    versions = root / "versions"
    versions.mkdir(parents=True, exist_ok=True)
    name = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}-{time.monotonic_ns() % 10**6:06d}"
    tmp = versions / f".tmp-{name}"
    tmp.mkdir()
    try:
        dim = int(vectors.shape[1]) if dim is None else dim
        matrix = np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(passages), dim)
        writer = FileWriter(tmp)
        writer.array("vectors", matrix)
        PassageStore.build(passages).save(writer)
        docs = json.dumps([d.to_dict() for d in documents], ensure_ascii=False, indent=1)
        writer.bytes("documents.json", docs.encode("utf-8"))
        parts = build_parts(BuildInput(passages, documents, matrix, dense or DenseConfig()), writer)
        manifest = {
            "format": FORMAT_VERSION,
            "embedder": embedder_id,
            "dim": dim,
            "chunker": chunker_version,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "passages": len(passages),
            "documents": len(documents),
            "dense": parts["dense"]["kind"],
            "parts": parts,
            "files": writer.files,
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


def _check_files(folder: Path, manifest: dict[str, Any], verify: Verify) -> None:
    """Every file the manifest lists exists with its size; checksums of the small ones (all with "full")."""
    for name, expected in manifest.get("files", {}).items():
        path = folder / name
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise IndexUnavailable(f"index file {path} is missing; {_HINT}") from None
        if size != expected["bytes"]:
            raise IndexUnavailable(f"index file {path} is corrupt ({size} bytes, expected {expected['bytes']}); "
                                   f"{_HINT}")
        if (verify == "full" or size <= SMALL_FILE_BYTES) and _sha256(path) != expected["sha256"]:
            raise IndexUnavailable(f"index file {path} is corrupt (checksum mismatch); {_HINT}")


def _verify(folder: Path, verify: Verify = "quick") -> dict[str, Any]:
    """Check a version folder is complete and consistent; raise IndexUnavailable if not."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise IndexUnavailable(f"index at {folder} has no manifest.json; {_HINT}") from None
    except json.JSONDecodeError as exc:
        raise IndexUnavailable(f"index manifest {folder / 'manifest.json'} is corrupt ({exc}); {_HINT}") from None
    if manifest.get("format") != FORMAT_VERSION:
        raise IndexUnavailable(
            f"index at {folder} has format {manifest.get('format')!r}, this version reads {FORMAT_VERSION}; {_HINT}"
        )
    _check_files(folder, manifest, verify)
    return manifest


def _version_folder(root: Path, version: str | None) -> tuple[str, Path]:
    version = version or current_version(root)
    if version is None:
        raise IndexUnavailable(f"no index at {root}: run `hoidap reindex` to build one")
    folder = root / "versions" / version
    if not folder.is_dir():
        raise IndexUnavailable(f"index version {version!r} named in {root / 'CURRENT'} is missing; "
                               "run `hoidap reindex --full`")
    return version, folder


def _open_catalog(folder: Path) -> tuple[PassageStore, list[DocumentInfo]]:
    try:
        passages = PassageStore.open(FileReader(folder))
        documents = [DocumentInfo(**d) for d in json.loads((folder / "documents.json").read_text("utf-8"))]
    except (OSError, ValueError, TypeError) as exc:
        raise IndexUnavailable(f"index at {folder} cannot be read ({exc}); run `hoidap reindex --full`") from None
    return passages, documents


def load_snapshot(root: Path, expected_embedder: str | None = None, version: str | None = None,
                  verify: Verify = "quick") -> Snapshot:
    """Open and verify the published version; refuse a missing, corrupt or mismatched index.

    "quick" checks sizes and the small files' checksums (the large ones are left to
    `Snapshot.verify_rest`); "full" reads every file.
    """
    version, folder = _version_folder(root, version)
    manifest = _verify(folder, verify)
    if expected_embedder is not None and manifest["embedder"] != expected_embedder:
        raise IndexUnavailable(
            f"index at {root} was built with embedder {manifest['embedder']!r} but the configured one is "
            f"{expected_embedder!r}; run `hoidap reindex --full` to re-index with the configured model"
        )
    passages, documents = _open_catalog(folder)
    try:
        vectors = FileReader(folder).array("vectors")
    except (OSError, ValueError) as exc:
        raise IndexUnavailable(f"index at {folder} cannot be read ({exc}); run `hoidap reindex --full`") from None
    if len(vectors) != len(passages) or manifest["passages"] != len(passages):
        raise IndexUnavailable(
            f"index at {folder} is inconsistent ({len(vectors)} vectors, {len(passages)} passages); "
            "run `hoidap reindex --full`"
        )
    return Snapshot(version, manifest, passages, {d.doc_id: d for d in documents}, vectors, folder)


def read_catalog(root: Path) -> tuple[str, list[DocumentInfo], PassageStore]:
    """The published version's name, documents and passages, verified, without opening any search part.

    For `hoidap docs list|show`, which must start fast.
    """
    version, folder = _version_folder(root, None)
    _verify(folder)
    passages, documents = _open_catalog(folder)
    return version, documents, passages
