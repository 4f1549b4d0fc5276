"""One re-index at a time per index folder: an OS lock (`fcntl.flock`) on `<index>/.reindex.lock`.

Why flock and not a pid file: the kernel grants an exclusive flock to exactly one open file at a
time and drops it when its process dies, however it dies (SIGKILL, OOM, power loss on reboot).
A pid written into a file after creating it left a window in which a second process found the
file empty, took it for stale and became a second holder; and a killed run's pid, reused by any
live process, blocked every later re-index. The pid is still written into the file, but only to
name the holder in the "busy" message: it decides nothing.

The holder removes the file before it lets go, so a lock file lying around means a run is
active or died (and is harmless: the next run takes it over). A process that locked a file just
removed by the previous holder notices that the path no longer names the file it locked and
starts again, so two processes can never hold two different files of the same name.

Re-entrant in one thread (`hoidap docs remove` holds it while it moves a file and re-indexes);
another thread of the same process is refused like another process.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> with IndexLock(folder):
...     with IndexLock(folder):  # the same thread again: nested, not refused
...         (folder / ".reindex.lock").exists()
True
>>> (folder / ".reindex.lock").exists()
False
"""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path

LOCK_NAME = ".reindex.lock"


class LockBusy(RuntimeError):
    """Another live re-index holds the lock."""


_held: dict[tuple[str, int], tuple[int, int]] = {}  # (lock path, thread) -> (fd, depth)
_guard = threading.Lock()


def _same_file(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (mine.st_dev, mine.st_ino)


def _owner(fd: int) -> str:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return text if text.isdigit() else ""


class IndexLock:
    def __init__(self, folder: Path) -> None:
        self.path = Path(folder) / LOCK_NAME
        self._key = (os.path.abspath(self.path), 0)

    def __enter__(self) -> IndexLock:
        self._key = (os.path.abspath(self.path), threading.get_ident())
        with _guard:
            if self._key in _held:
                fd, depth = _held[self._key]
                _held[self._key] = (fd, depth + 1)
                return self
            _held[self._key] = (self._acquire(), 1)
        return self

    def _acquire(self) -> int:
        for _ in range(20):  # each retry means another holder finished in between: rare
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                owner = _owner(fd)
                os.close(fd)
                who = f" (pid {owner})" if owner else ""
                raise LockBusy(f"another re-index{who} is running on {self.path.parent}; "
                               "wait for it to finish") from None
            except BaseException:
                os.close(fd)
                raise
            if not _same_file(fd, self.path):  # the previous holder removed it as we locked it
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
            return fd
        raise LockBusy(f"could not take the lock {self.path}: other runs keep taking it")

    def __exit__(self, *exc: object) -> None:
        with _guard:
            fd, depth = _held[self._key]
            if depth > 1:
                _held[self._key] = (fd, depth - 1)
                return
            del _held[self._key]
            try:
                if _same_file(fd, self.path):
                    self.path.unlink()  # while still locked: see the module docstring
            except OSError:
                pass  # a read-only folder: the file stays, unlocked, and is taken over next time
            finally:
                os.close(fd)
