"""Reloads never block a question; the served index is verified in the background; thread pinning.

Hash embedder and small indexes: fast. No timing is asserted: a blocked loader is simulated with
an event, and the question must come back while it is blocked.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hoidap.index import pipeline as pipeline_module
from hoidap.index.builder import IndexBuilder
from hoidap.index.pipeline import AnswerPipeline
from hoidap.index.store import current_version
from hoidap.index.threads import THREAD_VARIABLES, pin_threads
from hoidap.index.types import IndexUnavailable


def _corpus(folder: Path, extra: str = "") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text("Các khâu đột phá:\n(1) Cải cách hành chính.\n(2) Hạ tầng đô thị.\n" + extra,
                                  encoding="utf-8")
    return folder


def test_a_question_is_answered_while_a_new_version_is_still_opening(tmp_path, hash_embedder, monkeypatch):
    corpus, index = _corpus(tmp_path / "corpus"), tmp_path / "index"
    builder = IndexBuilder(hash_embedder)
    first = builder.build(corpus, index).version
    pipeline = AnswerPipeline.open(index, hash_embedder, watch_seconds=0)
    _corpus(corpus, "Chuyển đổi số là động lực chính.\n")
    second = builder.build(corpus, index).version
    assert current_version(index) == second != first

    opening, release = threading.Event(), threading.Event()
    real_load = pipeline_module.load_snapshot

    def slow_load(*args, **kwargs):
        opening.set()
        assert release.wait(30), "the test never released the loader"
        return real_load(*args, **kwargs)

    monkeypatch.setattr(pipeline_module, "load_snapshot", slow_load)
    answer = pipeline.answer("khâu đột phá là gì")  # notices the new version, starts the loader
    assert opening.wait(30)
    # the loader is blocked inside the open: questions are still answered, from the old version
    again = pipeline.answer("khâu đột phá là gì")
    assert answer.answered and again.answered
    assert again.passages[0].index_version == first and pipeline.version == first
    release.set()
    pipeline.wait_for_reload(30)
    assert pipeline.version == second
    assert pipeline.answer("chuyển đổi số").passages[0].index_version == second


def test_a_new_version_that_fails_verification_is_refused_and_the_old_one_serves(tmp_path, hash_embedder):
    corpus, index = _corpus(tmp_path / "corpus"), tmp_path / "index"
    builder = IndexBuilder(hash_embedder)
    first = builder.build(corpus, index).version
    pipeline = AnswerPipeline.open(index, hash_embedder, watch_seconds=0)
    _corpus(corpus, "Chuyển đổi số.\n")
    second = builder.build(corpus, index).version
    blob = index / "versions" / second / "passages.text.blob.npy"
    blob.write_bytes(blob.read_bytes()[:-2] + b"??")  # same size: only the checksum tells
    pipeline.answer("khâu đột phá")
    pipeline.wait_for_reload(30)
    assert pipeline.version == first
    assert pipeline.answer("khâu đột phá").answered


def test_the_served_index_is_refused_when_its_background_verification_fails(tmp_path, hash_embedder, monkeypatch):
    import hoidap.index.store as store

    index = tmp_path / "index"
    IndexBuilder(hash_embedder).build(_corpus(tmp_path / "corpus"), index)
    version = current_version(index)
    vectors = index / "versions" / version / "vectors.npy"
    vectors.write_bytes(vectors.read_bytes()[:-4] + b"\x00\x00\x80\x7f")
    monkeypatch.setattr(store, "SMALL_FILE_BYTES", 0)  # every file counts as large: checked in the background
    verified = threading.Event()
    real_verify = store.Snapshot.verify_rest

    def verify_rest(self):
        try:
            real_verify(self)
        finally:
            verified.set()

    monkeypatch.setattr(store.Snapshot, "verify_rest", verify_rest)
    pipeline = AnswerPipeline.open(index, hash_embedder)
    assert verified.wait(30)
    with pytest.raises(IndexUnavailable, match="corrupt.*hoidap reindex --full"):
        pipeline.answer("khâu đột phá")


def test_pin_threads_sets_every_pool_variable_and_refuses_zero():
    env: dict[str, str] = {}
    pin_threads(2, environ=env)
    assert {env[name] for name in THREAD_VARIABLES} == {"2"}
    with pytest.raises(ValueError, match="threads=0"):
        pin_threads(0, environ={})


def test_the_cli_pins_a_serving_process_to_one_thread_and_a_reindex_lower(tmp_path):
    """What a child process of `hoidap` sees: serving commands 1 thread, a re-index 2 at nice +10."""
    probe = ("import os, sys; from hoidap.cli import pin_threads_for; from hoidap.settings import Settings; "
             "pin_threads_for(sys.argv[1], Settings.from_env({}, dotenv=None)); "
             "print(os.environ['OMP_NUM_THREADS'], os.nice(0))")
    env = {k: v for k, v in os.environ.items() if k not in THREAD_VARIABLES}
    served = subprocess.run([sys.executable, "-c", probe, "ask"], capture_output=True, text=True, env=env, check=True)
    indexed = subprocess.run([sys.executable, "-c", probe, "reindex"], capture_output=True, text=True, env=env,
                             check=True)
    base = os.nice(0)
    assert served.stdout.split() == ["1", str(base)]
    assert indexed.stdout.split() == ["2", str(min(base + 10, 19))]
