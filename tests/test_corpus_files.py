"""What may enter the index from the corpus folder (issue 11, items 1, 2 and 4): file names in two
Unicode forms, file names that are not UTF-8, and links pointing outside the corpus folder.

Real files and folders on disk; the builder in-process with the hash embedder, and the real
`hoidap` command in a subprocess for what an admin sees.
"""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from clirun import hoidap
from hoidap.index.builder import IndexBuilder
from hoidap.index.store import load_snapshot, publish, write_version
from hoidap.index.types import DocumentInfo, Passage

NFC = unicodedata.normalize("NFC", "hoà.txt")
NFD = unicodedata.normalize("NFD", "hoà.txt")
FIRST = "Văn bản thứ nhất về hoà bình và hợp tác.\n\nĐoạn hai về kinh tế biển."
SECOND = "Văn bản thứ hai, khác hẳn: phòng chống thiên tai."


def make_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "khac.txt").write_text("Một tài liệu khác về chuyển đổi số.", encoding="utf-8")
    return corpus


def texts(index: Path, doc_id: str) -> list[str]:
    return [p.text for p in load_snapshot(index).passages if p.doc_id == doc_id]


# ---- item 1: two names that differ only in Unicode form ----------------------------------------
def test_nfc_and_nfd_twins_are_one_failure_naming_both_and_later_reindexes_work(tmp_path, hash_embedder):
    assert NFC != NFD and os.fsencode(NFC) != os.fsencode(NFD)
    corpus, index = make_corpus(tmp_path), tmp_path / "index"
    (corpus / NFC).write_text(FIRST, encoding="utf-8")
    (corpus / NFD).write_text(SECOND, encoding="utf-8")  # the copy from macOS arrives next to it
    assert len(os.listdir(corpus)) == 3

    first = IndexBuilder(hash_embedder).build(corpus, index)
    assert first.added == ["khac.txt"]
    [failure] = first.failed
    assert failure["file"] == NFC
    assert "different Unicode forms" in failure["reason"]
    assert ascii(NFC) in failure["reason"] and ascii(NFD) in failure["reason"]  # both files, told apart
    assert NFC not in load_snapshot(index).documents

    # Every later incremental re-index works (it crashed: "could not broadcast input array …").
    (corpus / "khac.txt").write_text("Một tài liệu khác, sửa lại.", encoding="utf-8")
    second = IndexBuilder(hash_embedder).build(corpus, index)
    assert second.updated == ["khac.txt"] and len(second.failed) == 1

    (corpus / NFD).unlink()  # the admin resolves it: the remaining file is indexed under the one id
    third = IndexBuilder(hash_embedder).build(corpus, index)
    assert third.added == [NFC] and third.failed == []
    assert texts(index, NFC)[0].startswith("Văn bản thứ nhất")


def test_a_twin_arriving_next_to_a_published_document_keeps_the_published_version(tmp_path, hash_embedder):
    corpus, index = make_corpus(tmp_path), tmp_path / "index"
    (corpus / NFC).write_text(FIRST, encoding="utf-8")
    IndexBuilder(hash_embedder).build(corpus, index)
    before = texts(index, NFC)
    (corpus / NFD).write_text(SECOND, encoding="utf-8")
    report = IndexBuilder(hash_embedder).build(corpus, index)
    [failure] = report.failed
    assert failure["file"] == NFC and failure["kept"] is True
    assert texts(index, NFC) == before and report.removed == []


def test_an_index_published_before_the_fix_with_one_id_twice_is_rebuilt_without_crashing(tmp_path, hash_embedder):
    """Indexes built by the old code hold both twins under one id; the next re-index must not crash."""
    from dataclasses import replace

    from hoidap.index.builder import content_hash
    from hoidap.index.chunker import Chunker
    from hoidap.index.loaders import load_document

    corpus, index = make_corpus(tmp_path), tmp_path / "index"
    (corpus / NFC).write_text(FIRST, encoding="utf-8")
    doc = load_document(corpus / NFC, corpus)
    current = Chunker().chunk(doc, first_id=1)  # what the NFC file gives today, after its twin's passage
    twin = Passage(0, NFC, "paragraph", SECOND, [], 0, len(SECOND), -1, 1)
    passages = [twin, *current]
    infos = [DocumentInfo(NFC, "twin", passages=1),
             replace(doc.info(content_hash(doc), len(current)), indexed_at="2026-01-01T00:00:00")]
    vectors = hash_embedder.embed_passages([p.text for p in passages])
    publish(index, write_version(index, passages, infos, np.asarray(vectors), embedder_id=hash_embedder.id,
                                 chunker_version=Chunker.version, dim=hash_embedder.dim))
    report = IndexBuilder(hash_embedder).build(corpus, index)  # crashed: could not broadcast (3,256) into (2,256)
    assert report.failed == [] and report.added == ["khac.txt"] and report.embedded == len(current) + 1
    assert texts(index, NFC) == [p.text for p in current]


@pytest.mark.slow  # real processes
def test_docs_remove_of_a_twinned_id_moves_both_files_and_stops_serving_the_text(tmp_path):
    corpus, index = make_corpus(tmp_path), tmp_path / "index"
    (corpus / NFC).write_text(FIRST, encoding="utf-8")
    assert hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index)).returncode == 0
    (corpus / NFD).write_text(SECOND, encoding="utf-8")
    run = hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index))
    assert run.returncode == 1 and "different Unicode forms" in run.stderr and "the old version is kept" in run.stderr

    gone = hoidap(tmp_path, "docs", "remove", NFC, "--corpus", str(corpus), "--index", str(index), "--json")
    assert gone.returncode == 0, gone.stderr
    out = json.loads(gone.stdout)
    assert len(out["moved"]) == 2 and out["reindex"]["removed"] == 1 and out["reindex"]["failed"] == []
    assert sorted(os.listdir(corpus)) == [".removed", "khac.txt"]
    assert sorted(Path(m["to"]).read_text(encoding="utf-8") for m in out["moved"]) == sorted([FIRST, SECOND])
    listed = json.loads(hoidap(tmp_path, "docs", "list", "--index", str(index), "--json").stdout)
    assert [d["doc_id"] for d in listed] == ["khac.txt"]
    assert not any("hoà bình" in t or "thiên tai" in t for t in (p.text for p in load_snapshot(index).passages))


# ---- item 2: a file name that is not UTF-8 -------------------------------------------------------
BAD_NAME = b"Ngh\xec quy\xea\xcc t.txt"  # cp1252/latin-1 bytes from a zip made on Windows
BAD_DIR = b"v\xe0n b\xe0n"


def make_bad_names(corpus: Path) -> None:
    root = os.fsencode(corpus)
    with open(os.path.join(root, BAD_NAME), "wb") as fh:
        fh.write("Nội dung có tên tệp hỏng.".encode())
    os.mkdir(os.path.join(root, BAD_DIR))
    with open(os.path.join(root, BAD_DIR, b"a.txt"), "wb") as fh:
        fh.write("Nội dung trong thư mục có tên hỏng.".encode())


def test_a_file_name_that_is_not_utf8_is_reported_and_the_rest_indexed(tmp_path, hash_embedder):
    corpus, index = make_corpus(tmp_path), tmp_path / "index"
    make_bad_names(corpus)
    report = IndexBuilder(hash_embedder).build(corpus, index)
    assert report.added == ["khac.txt"]
    failed = {f["file"]: f["reason"] for f in report.failed}
    assert set(failed) == {"Ngh\\xec quy\\xea\\xcc t.txt", "v\\xe0n b\\xe0n"}
    assert all("not valid UTF-8" in reason for reason in failed.values())
    assert "nothing in it is indexed" in failed["v\\xe0n b\\xe0n"]
    assert list(load_snapshot(index).documents) == ["khac.txt"]


@pytest.mark.slow  # real processes
def test_reindex_cli_reports_a_non_utf8_name_in_text_and_json(tmp_path):
    corpus, index = make_corpus(tmp_path), tmp_path / "index"
    make_bad_names(corpus)
    run = hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index), "--json")
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    summary = json.loads(run.stdout)
    assert summary["added"] == 1 and len(summary["failed"]) == 2
    text = hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index))
    assert text.returncode == 1 and "Ngh\\xec quy\\xea\\xcc t.txt" in text.stderr
    listed = hoidap(tmp_path, "docs", "list", "--index", str(index))
    assert listed.returncode == 0 and "khac.txt" in listed.stdout


# ---- item 4: links that point outside the corpus folder ------------------------------------------
def make_links(tmp_path: Path, corpus: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "bi-mat.txt").write_text("Mật khẩu quản trị: hunter2.", encoding="utf-8")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "thu-muc-ngoai").symlink_to(outside, target_is_directory=True)
    (corpus / "ban-sao.txt").symlink_to(corpus / "khac.txt")  # inside the corpus: harmless
    return outside


def test_links_outside_the_corpus_are_refused_and_reported(tmp_path, hash_embedder):
    corpus, index = make_corpus(tmp_path), tmp_path / "index"
    make_links(tmp_path, corpus)
    report = IndexBuilder(hash_embedder).build(corpus, index)
    failed = {f["file"]: f["reason"] for f in report.failed}
    assert set(failed) == {"passwd.txt", "thu-muc-ngoai"}
    assert "outside the corpus folder" in failed["passwd.txt"] and "/etc/passwd" in failed["passwd.txt"]
    assert "outside the corpus folder" in failed["thu-muc-ngoai"] and "folder" in failed["thu-muc-ngoai"]
    assert report.added in (["ban-sao.txt"], ["khac.txt"]) and len(report.duplicates) == 1
    served = " ".join(p.text for p in load_snapshot(index).passages)
    assert "root:" not in served and "hunter2" not in served


def test_a_link_swapped_to_the_outside_stops_serving_its_old_text(tmp_path, hash_embedder):
    """Not "the last good version": what a link outside the corpus gave is never served again."""
    corpus, index = make_corpus(tmp_path), tmp_path / "index"
    outside = tmp_path / "outside.txt"
    outside.write_text("Bí mật ở ngoài thư mục tài liệu.", encoding="utf-8")
    (corpus / "a.txt").write_text("Nội dung ban đầu của a.", encoding="utf-8")
    IndexBuilder(hash_embedder).build(corpus, index)
    (corpus / "a.txt").unlink()
    (corpus / "a.txt").symlink_to(outside)
    report = IndexBuilder(hash_embedder).build(corpus, index)
    assert report.removed == ["a.txt"] and report.failed[0]["file"] == "a.txt"
    assert "kept" not in report.failed[0]
    assert "a.txt" not in load_snapshot(index).documents


@pytest.mark.slow  # real processes
def test_the_password_database_is_not_answerable_through_a_link(tmp_path):
    corpus, index = make_corpus(tmp_path), tmp_path / "index"
    make_links(tmp_path, corpus)
    run = hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index))
    assert run.returncode == 1
    assert "passwd.txt" in run.stderr and "thu-muc-ngoai" in run.stderr and "outside the corpus folder" in run.stderr
    asked = hoidap(tmp_path, "ask", "--index", str(index), "--json", "root x 0 0 root bin bash")
    assert asked.returncode == 0, asked.stderr
    assert "root:" not in asked.stdout and "hunter2" not in asked.stdout
