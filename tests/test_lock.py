"""The re-index lock with real processes (issue 11, item 9).

The lock used to be a file holding the owner's pid: a process that found the file before its
owner had written the pid took it for stale and took the lock too (8 processes started at once:
two holders in 7 rounds of 40), and a file left by a killed run whose pid had been reused by any
live process blocked every re-index. It is now an OS lock (`fcntl.flock`) on the lock file, which
the kernel releases when its process dies, however it dies.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.slow  # real processes

CONTENDER = r"""
import os, sys, time
from pathlib import Path
from hoidap.index.lock import IndexLock, LockBusy

folder, log = Path(sys.argv[1]), Path(sys.argv[2])
t0, rounds, slot = float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
for r in range(rounds):
    time.sleep(max(0.0, t0 + r * slot - time.time()))
    try:
        with IndexLock(folder):
            try:  # a second holder at the same moment finds the marker of the first
                fd = os.open(folder / "holder", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                outcome = "TWO-HOLDERS"
            else:
                os.close(fd)
                outcome = "held"
            time.sleep(slot * 0.4)
            if outcome == "held":
                os.unlink(folder / "holder")
    except LockBusy:
        outcome = "busy"
    with open(log, "a") as fh:  # O_APPEND: one short line per write, never interleaved
        fh.write(f"{r} {os.getpid()} {outcome}\n")
"""

HOLDER = r"""
import sys, time
from pathlib import Path
from hoidap.index.lock import IndexLock

with IndexLock(Path(sys.argv[1])):
    print("holding", flush=True)
    time.sleep(60)
"""


def _python(*args: str, **kw) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOIDAP_")}
    return subprocess.Popen([sys.executable, *args], env=env, text=True, **kw)


def test_eight_processes_started_at_once_never_hold_the_lock_together(tmp_path):
    folder, log = tmp_path / "index", tmp_path / "log"
    folder.mkdir()
    rounds, slot, n = 40, 0.15, 8
    t0 = time.time() + 4.0  # every process is up and importing long before the first round
    procs = [_python("-c", CONTENDER, str(folder), str(log), str(t0), str(rounds), str(slot)) for _ in range(n)]
    try:
        for p in procs:
            assert p.wait(timeout=60) == 0
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    lines = [line.split() for line in log.read_text().splitlines()]
    assert len(lines) == rounds * n
    doubles = [line for line in lines if line[2] == "TWO-HOLDERS"]
    assert doubles == [], f"{len({d[0] for d in doubles})} of {rounds} rounds had two holders"
    held = {line[0] for line in lines if line[2] == "held"}
    assert held == {str(r) for r in range(rounds)}  # and in every round someone got it
    assert not (folder / ".reindex.lock").exists()


def test_a_lock_file_naming_a_live_unrelated_process_does_not_block_a_reindex(tmp_path):
    """A killed run's lock file whose pid now belongs to another live process (pid reuse)."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    index.mkdir()
    (corpus / "a.txt").write_text("Các khâu đột phá: cải cách hành chính.", encoding="utf-8")
    unrelated = _python("-c", "import time; time.sleep(60)")
    try:
        (index / ".reindex.lock").write_text(str(unrelated.pid))
        run = subprocess.run([sys.executable, "-m", "hoidap.cli", "reindex", "--corpus", str(corpus),
                              "--index", str(index)], capture_output=True, text=True, timeout=120,
                             env={**os.environ, "HOIDAP_EMBED_MODEL": "hash"})
    finally:
        unrelated.kill()
        unrelated.wait()
    assert run.returncode == 0, run.stderr
    assert "another re-index" not in run.stderr
    assert not (index / ".reindex.lock").exists()


def test_the_lock_dies_with_its_process(tmp_path):
    from hoidap.index.lock import IndexLock, LockBusy

    holder = _python("-c", HOLDER, str(tmp_path), stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with pytest.raises(LockBusy, match=f"another re-index \\(pid {holder.pid}\\)"), IndexLock(tmp_path):
            pass
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    finally:
        if holder.poll() is None:
            holder.kill()
    assert (tmp_path / ".reindex.lock").read_text() == str(holder.pid)  # left behind by the dead holder
    with IndexLock(tmp_path):  # taken at once: the kernel dropped the dead process's lock
        assert (tmp_path / ".reindex.lock").read_text() == str(os.getpid())
        nested = subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path\n"
                                 "from hoidap.index.lock import IndexLock\n"
                                 f"IndexLock(Path({str(tmp_path)!r})).__enter__()"],
                                capture_output=True, text=True, timeout=60)
        assert nested.returncode != 0 and f"another re-index (pid {os.getpid()})" in nested.stderr
    assert not (tmp_path / ".reindex.lock").exists()
