"""A lock file so two re-index runs never write the same index folder at once.

The lock holds the owner's pid; a lock whose process is gone (a killed run) is stale and is
taken over, so an admin never has to delete it by hand.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> with IndexLock(folder):
...     (folder / ".reindex.lock").exists()
True
"""

from __future__ import annotations

import os
from pathlib import Path


class LockBusy(RuntimeError):
    """Another live re-index holds the lock."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class IndexLock:
    def __init__(self, folder: Path) -> None:
        self.path = folder / ".reindex.lock"

    def __enter__(self) -> IndexLock:
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                try:
                    owner = int(self.path.read_text().strip() or 0)
                except (OSError, ValueError):
                    owner = 0
                if owner and owner != os.getpid() and _alive(owner):
                    raise LockBusy(
                        f"another re-index (pid {owner}) is running on {self.path.parent}; "
                        "wait for it to finish"
                    ) from None
                self.path.unlink(missing_ok=True)  # stale: its process is gone
                continue
            with os.fdopen(fd, "w") as fh:
                fh.write(str(os.getpid()))
            return self
        raise LockBusy(f"could not take the lock {self.path}")

    def __exit__(self, *exc: object) -> None:
        self.path.unlink(missing_ok=True)
