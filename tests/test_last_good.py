"""A document that fails to load for a moment keeps its last good version (issue 11, item 3).

A file being written or half-copied (empty, zero-filled, a truncated .docx) used to drop out of
the served index at the next re-index. Now it is reported as failed, says that the old version is
kept, and its published passages and vectors are carried into the new version.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import numpy as np
import pytest
from clirun import hoidap
from hoidap.index.builder import IndexBuilder
from hoidap.index.store import load_snapshot

A_TEXT = "Các khâu đột phá:\n\n(1) Cải cách hành chính.\n\n(2) Phát triển hạ tầng giao thông."


def make_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(A_TEXT, encoding="utf-8")
    document = docx.Document()
    document.add_heading("Nghị quyết về kinh tế biển", 1)
    document.add_paragraph("Bảo tồn rùa biển tại Côn Đảo và phát triển du lịch sinh thái biển.")
    document.save(str(corpus / "b.docx"))
    (corpus / "c.txt").write_text("Một tài liệu không đổi về chuyển đổi số.", encoding="utf-8")
    return corpus


def served(index: Path, doc_id: str) -> tuple[list[str], np.ndarray]:
    snap = load_snapshot(index)
    return [p.text for p in snap.passages if p.doc_id == doc_id], snap.doc_vectors(doc_id)


def half_copy(corpus: Path) -> None:
    (corpus / "a.txt").write_bytes(b"")  # being written: created, nothing in it yet
    data = (corpus / "b.docx").read_bytes()
    (corpus / "b.docx").write_bytes(data[: len(data) // 2])  # half-copied
    (corpus / "d.txt").write_bytes(b"\0" * 4096)  # a new file, preallocated by the copying tool


def test_a_document_that_fails_to_load_keeps_serving_its_last_good_version(tmp_path, hash_embedder):
    corpus, index = make_corpus(tmp_path), tmp_path / "index"
    IndexBuilder(hash_embedder).build(corpus, index)
    before = {doc: served(index, doc) for doc in ("a.txt", "b.docx")}
    indexed_at = {d: load_snapshot(index).documents[d].indexed_at for d in before}
    half_copy(corpus)

    report = IndexBuilder(hash_embedder).build(corpus, index)
    failed = {f["file"]: f for f in report.failed}
    assert set(failed) == {"a.txt", "b.docx", "d.txt"}
    for doc in ("a.txt", "b.docx"):
        assert failed[doc]["kept"] is True
        assert failed[doc]["note"] == f"the old version is kept (indexed {indexed_at[doc].replace('T', ' ')})"
    assert failed["a.txt"]["reason"] == "empty document" and "kept" not in failed["d.txt"]
    assert report.kept == ["a.txt", "b.docx"] and report.removed == [] and report.embedded == 0
    for doc, (texts, vectors) in before.items():
        now_texts, now_vectors = served(index, doc)
        assert now_texts == texts and np.array_equal(now_vectors, vectors)
        assert load_snapshot(index).documents[doc].indexed_at == indexed_at[doc]

    (corpus / "a.txt").write_text(A_TEXT + "\n\n(3) Nguồn nhân lực chất lượng cao.", encoding="utf-8")
    fixed = IndexBuilder(hash_embedder).build(corpus, index)
    assert fixed.updated == ["a.txt"] and fixed.kept == ["b.docx"]
    assert "(3) Nguồn nhân lực chất lượng cao." in served(index, "a.txt")[0]


def test_a_full_rebuild_keeps_the_old_version_too_and_embeds_it_again(tmp_path, hash_embedder):
    corpus, index = make_corpus(tmp_path), tmp_path / "index"
    IndexBuilder(hash_embedder).build(corpus, index)
    texts, _ = served(index, "a.txt")
    half_copy(corpus)
    report = IndexBuilder(hash_embedder).build(corpus, index, full=True)
    assert report.kept == ["a.txt", "b.docx"] and report.embedded == report.passages
    assert served(index, "a.txt")[0] == texts
    # ids, parents and subtrees of the carried passages point into the new version
    snap = load_snapshot(index)
    for p in snap.passages:
        assert snap.passages[p.id] == p and (p.parent == -1 or snap.passages[p.parent].doc_id == p.doc_id)
        assert p.id < p.subtree_end <= len(snap.passages)


def test_a_document_removed_from_the_folder_is_still_removed(tmp_path, hash_embedder):
    corpus, index = make_corpus(tmp_path), tmp_path / "index"
    IndexBuilder(hash_embedder).build(corpus, index)
    (corpus / "a.txt").unlink()
    report = IndexBuilder(hash_embedder).build(corpus, index)
    assert report.removed == ["a.txt"] and report.kept == [] and report.failed == []


@pytest.mark.slow  # real processes
def test_reindex_cli_says_the_old_version_is_kept_and_still_answers_from_it(tmp_path):
    corpus, index = make_corpus(tmp_path), tmp_path / "index"
    assert hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index)).returncode == 0
    half_copy(corpus)
    text = hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index))
    assert text.returncode == 1
    lines = text.stderr.splitlines()
    assert any(line.startswith("  LỖI a.txt: empty document") and "the old version is kept" in line for line in lines)
    assert any(line.startswith("  LỖI b.docx:") and "the old version is kept" in line for line in lines)
    assert not any("d.txt" in line and "kept" in line for line in lines)
    as_json = hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index), "--json")
    summary = json.loads(as_json.stdout)
    kept = {f["file"]: f for f in summary["failed"] if f.get("kept")}
    assert set(kept) == {"a.txt", "b.docx"} and summary["kept"] == 2 and summary["removed"] == 0
    assert all(f["note"].startswith("the old version is kept") for f in kept.values())
    asked = hoidap(tmp_path, "ask", "--index", str(index), "--json", "các khâu đột phá là gì")
    answer = json.loads(asked.stdout)
    assert answer["passages"] and answer["passages"][0]["doc"] == "a.txt"
