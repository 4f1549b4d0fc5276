"""Building and incrementally updating the index with the real bundled model."""

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from hoidap.index.builder import IndexBuilder
from hoidap.index.lock import IndexLock, LockBusy
from hoidap.index.store import current_version, load_snapshot


class CountingEmbedder:
    """An embedder, counting how many passages it was asked to embed."""

    def __init__(self, real):
        self.real, self.id, self.dim, self.embedded = real, real.id, real.dim, 0

    def embed_queries(self, texts):
        return self.real.embed_queries(texts)

    def embed_passages(self, texts, progress=None):
        self.embedded += len(texts)
        return self.real.embed_passages(texts, progress)


def test_incremental_reindex_embeds_only_what_changed(tmp_path, hash_embedder):
    corpus, out = tmp_path / "c", tmp_path / "ix"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Các khâu đột phá:\n(1) Cải cách hành chính.\n(2) Hạ tầng.", encoding="utf-8")
    (corpus / "b.md").write_text("# Nghị quyết B\n\nNội dung về kinh tế biển.", encoding="utf-8")
    spy = CountingEmbedder(hash_embedder)
    first = IndexBuilder(spy).build(corpus, out)
    assert sorted(first.added) == ["a.txt", "b.md"] and spy.embedded == first.passages

    spy.embedded = 0
    again = IndexBuilder(spy).build(corpus, out)
    assert again.unchanged == ["a.txt", "b.md"] and spy.embedded == 0

    (corpus / "b.md").write_text("# Nghị quyết B\n\nNội dung mới về kinh tế tư nhân.", encoding="utf-8")
    (corpus / "a.txt").unlink()
    (corpus / "c.txt").write_text("Một đoạn mới.", encoding="utf-8")
    third = IndexBuilder(spy).build(corpus, out)
    assert (third.added, third.updated, third.removed, third.unchanged) == (["c.txt"], ["b.md"], ["a.txt"], [])
    assert spy.embedded == third.passages
    snap = load_snapshot(out)
    assert {p.doc_id for p in snap.passages} == {"b.md", "c.txt"}
    assert "kinh tế tư nhân" in " ".join(p.text for p in snap.passages)


def test_unchanged_documents_keep_identical_vectors(tmp_path, hash_embedder):
    corpus, out = tmp_path / "c", tmp_path / "ix"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Đoạn một.\n\nĐoạn hai.", encoding="utf-8")
    (corpus / "b.txt").write_text("Đoạn ba.", encoding="utf-8")
    IndexBuilder(hash_embedder).build(corpus, out)
    before = load_snapshot(out).doc_vectors("b.txt")
    (corpus / "a.txt").unlink()  # shifts b.txt's passage ids
    IndexBuilder(hash_embedder).build(corpus, out)
    after = load_snapshot(out)
    assert (after.doc_vectors("b.txt") == before).all()
    assert after.passages[0].id == 0 and after.passages[0].doc_id == "b.txt"


def test_bad_documents_are_reported_and_the_rest_is_indexed(tmp_path, hash_embedder):
    corpus, out = tmp_path / "c", tmp_path / "ix"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("Nội dung tốt.", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "junk.txt").write_bytes(bytes(range(256)) * 4)
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    (corpus / "bản sao.txt").write_text("Nội dung tốt.", encoding="utf-8")
    report = IndexBuilder(hash_embedder).build(corpus, out)
    assert report.added == ["ok.txt"] or report.added == ["bản sao.txt"]
    failed = {f["file"]: f["reason"] for f in report.failed}
    assert set(failed) == {"empty.txt", "junk.txt", "broken.docx"}
    assert "empty" in failed["empty.txt"] and "binary" in failed["junk.txt"]
    assert len(report.duplicates) == 1
    assert load_snapshot(out).passages


@pytest.mark.slow  # runs the CLI in a subprocess
def test_lock_refuses_a_second_run_and_clears_a_stale_one(tmp_path):
    with IndexLock(tmp_path):
        other = subprocess.run([sys.executable, "-c",
                                "import sys; from pathlib import Path; from hoidap.index.lock import IndexLock\n"
                                f"IndexLock(Path({str(tmp_path)!r})).__enter__()"],
                               capture_output=True, text=True)
        assert other.returncode != 0 and "another re-index" in other.stderr
    (tmp_path / ".reindex.lock").write_text("999999")  # a pid that is not running
    with IndexLock(tmp_path):
        assert (tmp_path / ".reindex.lock").read_text() == str(os.getpid())
    with IndexLock(tmp_path):
        # the same process re-entering (e.g. a retry) must not deadlock on its own pid
        (tmp_path / ".reindex.lock").write_text(str(os.getpid()))
    # Issue 11, item 9: a pid in the file decides nothing, the OS lock does. A file naming a live
    # process that holds no lock (a reused pid) is taken over; a held lock refuses whatever the file says.
    (tmp_path / ".reindex.lock").write_text(str(os.getppid()))
    with IndexLock(tmp_path):
        assert (tmp_path / ".reindex.lock").read_text() == str(os.getpid())
        (tmp_path / ".reindex.lock").write_text("999999")
        with pytest.raises(LockBusy, match="another re-index"), ThreadPoolExecutor(1) as other_thread:
            other_thread.submit(IndexLock(tmp_path).__enter__).result()


@pytest.mark.slow  # runs the CLI in a subprocess
def test_cli_reindex_json_summary_and_failure_exit(tmp_path):
    corpus, out = tmp_path / "c", tmp_path / "ix"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Nội dung.", encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"")
    run = subprocess.run([sys.executable, "-m", "hoidap.cli", "reindex", "--corpus", str(corpus),
                          "--index", str(out), "--json"], capture_output=True, text=True)
    assert run.returncode == 1
    summary = json.loads(run.stdout)
    assert summary["added"] == 1 and summary["failed"] == [{"file": "bad.txt", "reason": "empty document"}]
    assert {"added", "updated", "unchanged", "removed", "failed", "passages", "seconds"} <= set(summary)
    assert current_version(out)


def test_a_reindex_with_nothing_changed_keeps_the_version_so_rollback_still_works(tmp_path, hash_embedder):
    """A nightly no-op re-index must not publish a copy of the current version: PREVIOUS would then
    name an identical index and `hoidap reindex --rollback` would no longer undo the last change."""
    from hoidap.cli import main

    corpus, out = tmp_path / "c", tmp_path / "ix"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Bản cũ.", encoding="utf-8")
    old = IndexBuilder(hash_embedder).build(corpus, out).version
    (corpus / "a.txt").write_text("Bản mới.", encoding="utf-8")
    new = IndexBuilder(hash_embedder).build(corpus, out).version
    again = IndexBuilder(hash_embedder).build(corpus, out)
    assert again.unchanged == ["a.txt"] and again.embedded == 0 and again.passages == 1
    assert again.version == new == current_version(out)
    assert main(["reindex", "--rollback", "--index", str(out)]) == 0
    assert current_version(out) == old and load_snapshot(out).passages[0].text == "Bản cũ."


def test_a_file_over_the_default_50_mb_limit_is_reported_and_the_rest_indexed(tmp_path, hash_embedder):
    corpus, out = tmp_path / "c", tmp_path / "ix"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("Nội dung tốt.", encoding="utf-8")
    with (corpus / "quá lớn.pdf").open("wb") as fh:
        fh.truncate(51 * 1024 * 1024)  # sparse: 51 MB on paper, nothing read or written
    report = IndexBuilder(hash_embedder).build(corpus, out)
    assert report.added == ["ok.txt"]
    assert report.failed == [{"file": "quá lớn.pdf", "reason": "file too large (51 MB > limit 50 MB)"}]


def test_the_file_size_limit_is_a_setting(tmp_path):
    from hoidap.app import builder_for
    from hoidap.settings import Settings

    corpus, out = tmp_path / "c", tmp_path / "ix"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("Nội dung tốt.", encoding="utf-8")
    (corpus / "hai-mb.txt").write_text("Nội dung dài. " * 140_000, encoding="utf-8")  # about 2 MB
    settings = Settings.from_env({"HOIDAP_MAX_FILE_MB": "1", "HOIDAP_EMBED_MODEL": "hash",
                                  "HOIDAP_INDEX_DIR": str(out)}, dotenv=None)
    report = builder_for(settings).build(corpus, out)
    assert report.added == ["ok.txt"]
    assert report.failed == [{"file": "hai-mb.txt", "reason": "file too large (2.27 MB > limit 1 MB)"}]
