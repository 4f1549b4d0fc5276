"""Which files of the corpus folder may become documents, and which are refused (with why).

The corpus folder is filled by people copying files from everywhere, so its names and links
cannot be trusted:

- a name that is not UTF-8 (zips made on Windows store cp437/cp1252 names) cannot become a
  document id: it is reported, with its bytes shown as ``\\xNN``, and everything else is indexed;
- two names that differ only in Unicode form (NFC "hoà.txt" next to its NFD twin from macOS)
  would share one id: both are refused, in one failure naming both;
- a symbolic link is followed only when its real path is inside the corpus folder; a link to a
  file or folder outside (say, to the password database) is refused and reported. Links to folders
  inside the corpus are not followed: their files are indexed at their real place.

Hidden files and folders (``.removed/``, ``.git/``), ``*.meta.json`` sidecars, Word lock files
(``~$x.docx``) and OS debris are skipped silently; unsupported types are *listed* so that
load_document reports them.

>>> import tempfile
>>> corpus = Path(tempfile.mkdtemp())
>>> _ = (corpus / "a.txt").write_text("Nội dung.", encoding="utf-8")
>>> (corpus / "passwd.txt").symlink_to("/etc/passwd")
>>> scan = scan_corpus(corpus)
>>> [f.doc_id for f in scan.files]
['a.txt']
>>> [(r.file, r.reason) for r in scan.refused]
[('passwd.txt', 'a link to /etc/passwd, outside the corpus folder: refused')]
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from hoidap.index.types import DocumentError

SIDECAR_SUFFIX = ".meta.json"
# Files that office tools and OSes leave next to documents; never documents themselves.
_JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini"})


class OutsideCorpus(DocumentError):
    """The file's real path is outside the corpus folder: never read, and never kept from before."""


@dataclass(frozen=True)
class CorpusFile:
    path: Path  # as found under the corpus folder (a link keeps its own path)
    doc_id: str  # relative POSIX path, NFC


@dataclass(frozen=True)
class Refused:
    file: str  # printable relative path (bytes that are not UTF-8 shown as \xNN)
    reason: str
    doc_id: str | None = None  # the id it would have, when it has one
    keep_old: bool = True  # may that id's published version keep serving (see IndexBuilder)?
    paths: tuple[Path, ...] = ()  # the files refused under that id (for `hoidap docs remove`)


@dataclass
class CorpusScan:
    files: list[CorpusFile] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)


def printable(relative: str) -> str:
    r"""A relative path as text that can always be printed and put in JSON.

    >>> printable(os.fsdecode(b"Ngh\xec.txt"))
    'Ngh\\xec.txt'
    """
    return os.fsencode(relative).decode("utf-8", "backslashreplace")


def _valid_name(name: str) -> bool:
    """False for a name that was not UTF-8 on disk (Python keeps its bytes as lone surrogates)."""
    return not any("\udc80" <= c <= "\udcff" for c in name)


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _skipped(name: str, is_dir: bool) -> bool:
    if name.startswith("."):
        return True
    lower = name.lower()
    return not is_dir and (name.startswith("~$") or lower.endswith(SIDECAR_SUFFIX) or lower in _JUNK_NAMES)


def doc_id_of(relative: str) -> str:
    """Relative POSIX path, NFC (macOS stores decomposed names; ids must compare equal)."""
    return unicodedata.normalize("NFC", relative)


def scan_corpus(corpus_dir: Path) -> CorpusScan:
    """Every candidate document under corpus_dir (sorted by relative path) and every refusal."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise DocumentError(str(corpus_dir), "corpus folder not found")
    root = os.path.realpath(corpus_dir)
    scan = CorpusScan()
    found: list[tuple[str, Path]] = []  # (relative path, path)

    def walk(folder: Path, relative: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            scan.refused.append(Refused(printable(relative or "."), f"cannot read the folder: {exc.strerror}"))
            return
        for entry in entries:
            rel = f"{relative}/{entry.name}" if relative else entry.name
            link = entry.is_symlink()
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if _skipped(entry.name, is_dir):
                continue
            if not _valid_name(entry.name):
                what = "folder name" if is_dir else "file name"
                more = ": nothing in it is indexed" if is_dir else ""
                scan.refused.append(Refused(printable(rel), f"the {what} is not valid UTF-8{more}; rename it "
                                                           "(a zip made on Windows?)"))
                continue
            if link:
                real = os.path.realpath(entry.path)
                if not _inside(real, root):
                    kind = "the folder " if is_dir else ""
                    scan.refused.append(Refused(rel, f"a link to {kind}{real}, outside the corpus folder: refused",
                                                doc_id=None if is_dir else doc_id_of(rel), keep_old=False,
                                                paths=(Path(entry.path),)))
                    continue
                if is_dir:
                    continue  # inside the corpus: its files are indexed where they really are
            if is_dir:
                walk(Path(entry.path), rel)
            else:
                found.append((rel, Path(entry.path)))

    walk(corpus_dir, "")
    by_id: dict[str, list[tuple[str, Path]]] = {}
    for rel, path in sorted(found):
        by_id.setdefault(doc_id_of(rel), []).append((rel, path))
    for doc_id, same in by_id.items():
        if len(same) == 1:
            scan.files.append(CorpusFile(same[0][1], doc_id))
            continue
        names = " and ".join(f"{rel!a} ({_form(rel)})" for rel, _ in same)
        scan.refused.append(Refused(doc_id, f"{len(same)} files have this name written in different Unicode "
                                            f"forms: {names}; rename or remove all but one", doc_id=doc_id,
                                    paths=tuple(path for _, path in same)))
    return scan


def _form(name: str) -> str:
    for form in ("NFC", "NFD"):
        if unicodedata.is_normalized(form, name):
            return form
    return "mixed"


def check_inside(path: Path, corpus_dir: Path) -> None:
    """Raise OutsideCorpus when `path` (followed to its real place) is outside corpus_dir.

    Checked again just before a file is read, so a link swapped after the scan is refused too.
    """
    real, root = os.path.realpath(path), os.path.realpath(corpus_dir)
    if not _inside(real, root):
        raise OutsideCorpus(str(path), f"a link to {real}, outside the corpus folder: refused")
