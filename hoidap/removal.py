"""`hoidap docs remove ID`: move a document's files into `<corpus>/.removed/` and re-index — all or nothing.

Nothing is deleted. The operation either completes (files moved, new index published) or leaves
everything as it was:

1. every file with that id is found (a document, its `.meta.json` sidecar; both files of a name
   written in two Unicode forms; a refused link) — ids are matched exactly, so `../x` matches nothing;
2. before anything moves: the folders the files leave and enter must be writable, and the index
   folder must take a small write (a read-only mount or a full disk is found here);
3. the re-index lock is taken, so no other re-index sees the corpus half-changed;
4. the files move and the index is rebuilt; if the rebuild fails for any reason (disk full while
   writing the new version, a crash, Ctrl-C), the files are moved back before the error is raised.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from hoidap.index.builder import BuildReport, IndexBuilder
from hoidap.index.corpus_files import SIDECAR_SUFFIX, scan_corpus
from hoidap.index.lock import IndexLock
from hoidap.index.storage import StorageError, StorageProblem, folder_problem, storage_problem

PROBE_BYTES = 64 * 1024  # the index folder must take at least this much before anything moves


class NotInCorpus(LookupError):
    """No file of the corpus folder has that id."""


@dataclass
class Removal:
    doc_id: str
    moves: list[tuple[Path, Path]]  # (from, to), the document's own file first
    report: BuildReport


def files_of(corpus: Path, doc_id: str) -> list[Path]:
    """Every file that carries `doc_id` (exactly: relative POSIX path, NFC), with their sidecars."""
    wanted = unicodedata.normalize("NFC", doc_id)
    scan = scan_corpus(corpus)
    found = [f.path for f in scan.files if f.doc_id == wanted]
    found += [p for r in scan.refused if r.doc_id == wanted for p in r.paths]
    sidecars = [s for p in found if (s := p.with_name(p.name + SIDECAR_SUFFIX)).is_file()]
    return found + sidecars


def removed_target(corpus: Path, relative: Path, taken: set[Path] | None = None) -> Path:
    """Where a removed file goes: `<corpus>/.removed/<same relative path>`, never over another file."""
    taken = taken or set()
    target = corpus / ".removed" / relative
    if not target.exists() and target not in taken:
        return target
    stamp = time.strftime("%Y%m%dT%H%M%S")
    for n in range(1000):
        suffix = f"-{stamp}" + (f"-{n}" if n else "")
        candidate = target.with_name(f"{target.stem}{suffix}{target.suffix}")
        if not candidate.exists() and candidate not in taken:
            return candidate
    raise FileExistsError(f"too many removed copies of {relative} in {target.parent}")


def _nearest_existing(folder: Path) -> Path:
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def _check_writable(folder: Path, why: str) -> None:
    kind = folder_problem(folder)
    if kind is not None:
        raise StorageError(StorageProblem(_nearest_existing(folder), kind, why))


def _probe(index_dir: Path) -> None:
    """Write (and remove) a small file in the index folder: a full disk or read-only mount shows here."""
    _check_writable(index_dir, "the new index version is written here")
    index_dir.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.NamedTemporaryFile(dir=index_dir, prefix=".probe-") as fh:
            fh.write(b"\0" * PROBE_BYTES)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        problem = storage_problem(exc, [index_dir])
        raise StorageError(problem or StorageProblem(index_dir, "other", str(exc))) from exc


def _undo(moves: list[tuple[Path, Path]], created: list[Path]) -> None:
    for source, target in reversed(moves):
        shutil.move(str(target), str(source))
    for folder in reversed(created):  # the .removed/ folders this removal made, if still empty
        with contextlib.suppress(OSError):
            folder.rmdir()


def remove_document(corpus: Path, index_dir: Path, doc_id: str, builder: IndexBuilder) -> Removal:
    """Move every file of `doc_id` aside and publish an index without it; see the module docstring.

    Raises NotInCorpus, StorageError (nothing moved), LockBusy (nothing moved), or whatever the
    re-index raised (files moved back first)."""
    sources = files_of(corpus, doc_id)
    if not sources:
        raise NotInCorpus(doc_id)
    taken: set[Path] = set()
    plan: list[tuple[Path, Path]] = []
    for source in sources:
        target = removed_target(corpus, source.relative_to(corpus), taken)
        taken.add(target)
        plan.append((source, target))
    for source, target in plan:
        _check_writable(source.parent, f"{source.name} is moved out of this folder")
        _check_writable(target.parent, f"{source.name} is moved into {target.parent}")
    _probe(index_dir)
    with IndexLock(index_dir):
        moves: list[tuple[Path, Path]] = []
        created: list[Path] = []
        try:
            for source, target in plan:
                missing = [f for f in [target.parent, *target.parent.parents] if not f.exists()]
                target.parent.mkdir(parents=True, exist_ok=True)
                created += reversed(missing)
                shutil.move(str(source), str(target))
                moves.append((source, target))
            report = builder.build(corpus, index_dir)
        except BaseException:
            _undo(moves, created)
            raise
    return Removal(unicodedata.normalize("NFC", doc_id), moves, report)
