"""A full disk and a read-only index or corpus folder, through the real `hoidap` command (issue 11, item 8).

Before: raw tracebacks (`RuntimeError … No space left on device`, `OSError [Errno 30]`), and
`docs remove` moved the file into `.removed/` before failing. Now: one clear message, exit status
4 (EXIT_STORAGE), the served index untouched, and `docs remove` moves nothing unless the whole
operation completes (it checks first, and puts the file back if the re-index then fails).

How the faults are made: a real, small tmpfs is mounted for the folder (`mount -t tmpfs -o size=…`),
filled up for "disk full" and remounted read-only for "read-only". That needs root with
CAP_SYS_ADMIN. Where mounting is not allowed, "disk full" falls back to monkeypatching the index's
file writes to raise ENOSPC (in the same subprocess, before the command runs), and "read-only"
to removing write permission (which binds only a non-root user); a root without mount rights
skips the read-only tests, saying why.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from clirun import cli_env, hoidap
from hoidap.index.store import current_version

pytestmark = pytest.mark.slow  # real processes, real mounts

EXIT_STORAGE = 4
DOC = "Các khâu đột phá chiến lược:\n\n(1) Thể chế.\n\n(2) Hạ tầng giao thông.\n\n(3) Nguồn nhân lực."
BIG = "\n\n".join(f"Đoạn {i}: phát triển kinh tế biển gắn với bảo vệ môi trường, số {i}." for i in range(3000))

# Disk full without a mount: every write of the index (version files, the pointer, the lock, the
# embedding cache) fails with ENOSPC, as it would on a full disk.
FULL_DISK_PATCH = r"""
import errno, os, sqlite3, sys
import hoidap.index.store as store
import hoidap.index.embedcache as embedcache

def full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

store._write_bytes = full
store.write_version = full
real_connect = sqlite3.connect
class FullCache(embedcache.EmbeddingCache):
    def put_many(self, *args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")
embedcache.EmbeddingCache = FullCache
import hoidap.app
hoidap.app.EmbeddingCache = FullCache
from hoidap.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _mount(*args: str) -> bool:
    if os.geteuid() != 0:
        return False
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextmanager
def tmpfs(path: Path, size_kb: int) -> Iterator[bool]:
    """A fresh tmpfs of `size_kb` at `path` when mounting is allowed (yields True), else a plain folder."""
    path.mkdir(parents=True, exist_ok=True)
    mounted = _mount("-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(path))
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(path)], check=True)


def fill(folder: Path) -> None:
    """Write filler files until the file system is full (big blocks, then single bytes)."""
    for n, block in enumerate((1 << 16, 4096, 1)):
        fd = os.open(folder / f"filler{n}", os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(fd, b"\0" * block)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        finally:
            os.close(fd)


def make_read_only(folder: Path, mounted: bool) -> None:
    if mounted:
        assert _mount("-o", "remount,ro", str(folder))
    elif os.geteuid() != 0:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(path.stat().st_mode & ~0o222)
    else:
        pytest.skip("read-only folders need a mount (root without CAP_SYS_ADMIN here) or a non-root user")


def run_full(tmp_path: Path, mounted: bool, *args: str) -> subprocess.CompletedProcess[str]:
    if mounted:
        return hoidap(tmp_path, *args)
    run = subprocess.run([sys.executable, "-c", FULL_DISK_PATCH, *args], cwd=tmp_path, env=cli_env(tmp_path),
                         capture_output=True, text=True, timeout=120)
    return run


def snapshot_of(folder: Path) -> dict[str, bytes]:
    """Every file of the published index except the embedding cache (SQLite may touch its own files)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.startswith(("embed-cache", "filler"))}


def corpus_with(tmp_path: Path, name: str = "corpus") -> Path:
    corpus = tmp_path / name
    corpus.mkdir(exist_ok=True)
    (corpus / "dot-pha.txt").write_text(DOC, encoding="utf-8")
    (corpus / "bien.md").write_text("# Kinh tế biển\n\nBảo tồn rùa biển tại Côn Đảo.", encoding="utf-8")
    return corpus


def assert_still_serves(tmp_path: Path, index: Path) -> None:
    asked = hoidap(tmp_path, "ask", "--index", str(index), "--json", "các khâu đột phá là gì")
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout)["passages"][0]["doc"] == "dot-pha.txt"


def assert_clear(run: subprocess.CompletedProcess[str], *words: str) -> None:
    assert run.returncode == EXIT_STORAGE, (run.returncode, run.stderr)
    assert "Traceback" not in run.stderr and "Error" not in run.stderr.replace("OSError", ""), run.stderr
    for word in words:
        assert word in run.stderr, run.stderr


def test_reindex_on_a_full_disk_says_so_and_leaves_the_served_index(tmp_path):
    corpus, index = corpus_with(tmp_path), tmp_path / "index"
    with tmpfs(index, 1024) as mounted:
        assert hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index)).returncode == 0
        before, version = snapshot_of(index), current_version(index)
        (corpus / "lon.txt").write_text(BIG, encoding="utf-8")
        if mounted:
            fill(index)
        run = run_full(tmp_path, mounted, "reindex", "--corpus", str(corpus), "--index", str(index))
        assert_clear(run, "ổ đĩa đã đầy", str(index), "hoidap reindex")
        assert snapshot_of(index) == before and current_version(index) == version
        assert not [p for p in (index / "versions").iterdir() if p.name.startswith(".tmp-")]
        assert not list(index.glob(".CURRENT.tmp-*"))
        assert_still_serves(tmp_path, index)
        json_run = run_full(tmp_path, mounted, "reindex", "--corpus", str(corpus), "--index", str(index), "--json")
        assert json_run.returncode == EXIT_STORAGE and "ổ đĩa đã đầy" in json.loads(json_run.stdout)["error"]


def test_reindex_into_a_read_only_index_folder_says_so(tmp_path):
    corpus, index = corpus_with(tmp_path), tmp_path / "index"
    with tmpfs(index, 4096) as mounted:
        assert hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index)).returncode == 0
        before = snapshot_of(index)
        (corpus / "moi.txt").write_text("Nghị quyết mới về chuyển đổi số.", encoding="utf-8")
        make_read_only(index, mounted)
        run = hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index))
        assert_clear(run, "chỉ đọc", str(index))
        assert snapshot_of(index) == before
        assert_still_serves(tmp_path, index)


def test_docs_remove_moves_nothing_when_the_index_folder_is_read_only(tmp_path):
    corpus, index = corpus_with(tmp_path), tmp_path / "index"
    with tmpfs(index, 4096) as mounted:
        assert hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index)).returncode == 0
        make_read_only(index, mounted)
        run = hoidap(tmp_path, "docs", "remove", "bien.md", "--corpus", str(corpus), "--index", str(index))
        assert_clear(run, "chỉ đọc", "chưa gỡ gì")
        assert sorted(os.listdir(corpus)) == ["bien.md", "dot-pha.txt"]  # nothing moved, no .removed/


def test_docs_remove_moves_nothing_when_the_corpus_folder_is_read_only(tmp_path):
    index, corpus = tmp_path / "index", tmp_path / "corpus"
    with tmpfs(corpus, 1024) as mounted:
        corpus_with(tmp_path)
        assert hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index)).returncode == 0
        make_read_only(corpus, mounted)
        run = hoidap(tmp_path, "docs", "remove", "bien.md", "--corpus", str(corpus), "--index", str(index))
        assert_clear(run, "chỉ đọc", str(corpus), "chưa gỡ gì")
        assert sorted(os.listdir(corpus)) == ["bien.md", "dot-pha.txt"]
        listed = json.loads(hoidap(tmp_path, "docs", "list", "--index", str(index), "--json").stdout)
        assert sorted(d["doc_id"] for d in listed) == ["bien.md", "dot-pha.txt"]


def test_docs_remove_puts_the_file_back_when_the_reindex_fails_on_a_full_disk(tmp_path):
    corpus, index = corpus_with(tmp_path), tmp_path / "index"
    (corpus / "bien.md.meta.json").write_text('{"title": "Kinh tế biển"}', encoding="utf-8")
    with tmpfs(index, 1024) as mounted:
        assert hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index)).returncode == 0
        before = snapshot_of(index)
        if mounted:
            fill(index)
        run = run_full(tmp_path, mounted, "docs", "remove", "bien.md", "--corpus", str(corpus), "--index", str(index))
        assert_clear(run, "ổ đĩa đã đầy", "chưa gỡ gì")
        assert sorted(os.listdir(corpus)) == ["bien.md", "bien.md.meta.json", "dot-pha.txt"]  # put back
        assert snapshot_of(index) == before
        assert_still_serves(tmp_path, index)
