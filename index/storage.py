"""Tell "the disk is full" and "the folder is read-only" apart from bugs, whatever raised them.

Writing an index fails in many voices: `OSError [Errno 28]` from our own writes, a `RuntimeError`
from FAISS's C++ writer, `sqlite3.OperationalError: disk I/O error` from the embedding cache (SQLite
does not always say "full"), `[Errno 30]` from a read-only mount. An admin needs one sentence
saying which folder and what to do. `storage_problem` reads the error, and when the error itself is
vague, looks at the folder (read-only mount? free space? write permission?). Anything that is not
a storage problem is left alone, so real bugs still show their traceback.

>>> import errno
>>> storage_problem(OSError(errno.ENOSPC, "No space left on device"), [Path("/srv/index")])
StorageProblem(folder=PosixPath('/srv/index'), kind='full', detail='No space left on device')
>>> storage_problem(ValueError("a bug"), [Path("/srv/index")]) is None
True
"""

from __future__ import annotations

import errno
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

ProblemKind = Literal["full", "read-only", "permission", "other"]
MIN_FREE_BYTES = 1 << 20  # less than this free: call it full (SQLite and FAISS fail before zero)

_BY_ERRNO: dict[int, ProblemKind] = {errno.ENOSPC: "full", errno.EDQUOT: "full", errno.EFBIG: "full",
                                     errno.EROFS: "read-only", errno.EACCES: "permission", errno.EPERM: "permission"}
_BY_TEXT: list[tuple[str, ProblemKind]] = [("no space left", "full"), ("disk is full", "full"), ("quota", "full"),
                                          ("read-only", "read-only"), ("readonly", "read-only"),
                                          ("permission denied", "permission")]


@dataclass(frozen=True)
class StorageProblem:
    folder: Path
    kind: ProblemKind
    detail: str

    def describe(self) -> str:
        """In Vietnamese, for the admin: what is wrong with which folder (the CLI adds what to do)."""
        what = {"full": "ổ đĩa đã đầy", "read-only": "thư mục chỉ đọc", "permission": "không có quyền ghi",
                "other": "lỗi ghi đĩa"}[self.kind]
        return f"không ghi được vào {self.folder}: {what} ({self.detail})"


class StorageError(RuntimeError):
    """Raised with a StorageProblem when a write the operation needs cannot be made."""

    def __init__(self, problem: StorageProblem) -> None:
        super().__init__(problem.describe())
        self.problem = problem


def folder_problem(folder: Path) -> ProblemKind | None:
    """What stops writing into `folder` (or its nearest existing parent), if anything visible does."""
    folder = Path(folder)
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    try:
        stat = os.statvfs(folder)
    except OSError:
        return None
    if stat.f_flag & os.ST_RDONLY:
        return "read-only"
    if stat.f_bavail * stat.f_frsize < MIN_FREE_BYTES:
        return "full"
    if not os.access(folder, os.W_OK):
        return "permission"
    return None


def _text_of(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if isinstance(exc.filename, str) else exc.strerror
    return str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__


def storage_problem(exc: BaseException, folders: list[Path]) -> StorageProblem | None:
    """The storage problem behind `exc` in one of `folders` (the first is blamed when none is named), or None."""
    if not isinstance(exc, OSError | sqlite3.Error | RuntimeError):
        return None
    folders = [Path(f) for f in folders]
    blamed = folders[0]
    filename = getattr(exc, "filename", None)
    if isinstance(filename, str):
        named = [f for f in folders if os.path.abspath(filename).startswith(os.path.abspath(f))]
        blamed = named[0] if named else Path(os.path.dirname(filename) or ".")
    detail = _text_of(exc)
    kind: ProblemKind | None = _BY_ERRNO.get(exc.errno or 0) if isinstance(exc, OSError) else None
    lowered = detail.lower()
    if kind is None:
        kind = next((k for text, k in _BY_TEXT if text in lowered), None)
    if kind is None:  # a vague error ("disk I/O error", "unable to open database file"): does a folder show why?
        for folder in ([blamed] + [f for f in folders if f != blamed]):
            if (seen := folder_problem(folder)) is not None:
                return StorageProblem(folder, seen, detail)
        return StorageProblem(blamed, "other", detail) if isinstance(exc, OSError) else None
    return StorageProblem(blamed, kind, detail)
