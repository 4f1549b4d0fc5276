"""Content that is not mostly readable text is refused (issue 11, item 5).

Random bytes that happen to decode (a 40 KB random `.txt` became the document "junk") and files of
invisible characters (each passage blank on screen) used to be indexed. Real documents, in
Vietnamese or any other language, must still pass.
"""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path

import numpy as np
import pytest
from clirun import hoidap
from hoidap.index.builder import IndexBuilder
from hoidap.index.store import load_snapshot, publish, write_version
from hoidap.index.types import DocumentInfo, Passage

REPO = Path(__file__).resolve().parents[1]
RND = random.Random(11)


def random_printable(n: int) -> bytes:
    return bytes(RND.randrange(0x20, 0x7F) for _ in range(n))


def random_characters(n: int) -> bytes:
    """Code points drawn across the Basic Multilingual Plane (what random UTF-8 or UTF-16 decodes to)."""
    chars = [chr(RND.choice([RND.randrange(0x20, 0xD800), RND.randrange(0xE000, 0xFFFE)])) for _ in range(n)]
    return "".join(chars).encode("utf-8")


JUNK = {
    "random-printable.txt": random_printable(40 * 1024),
    "random-unicode.txt": random_characters(13_000),
    "base64.txt": base64.encodebytes(RND.randbytes(30_000)),
    "braille-blank.txt": ("\u2800" * 300 + "\n" + "\u3164" * 200 + "\n\u115f\u1160\uffa0" * 50).encode("utf-8"),
    "private-use.txt": "".join(chr(RND.randrange(0xE000, 0xF8FF)) for _ in range(5000)).encode("utf-8"),
    "marks-only.txt": ("\u0301\u0300\u0323" * 400).encode("utf-8"),
    "hex-dump.md": " ".join(f"{RND.randrange(1 << 32):08x}" for _ in range(3000)).encode(),
}
READABLE = {
    "english.txt": b"The Party's resolution sets out three strategic breakthroughs: institutions, "
                   b"infrastructure and human resources. " * 20,
    "chinese.txt": "中国共产党第二十次全国代表大会报告指出，高质量发展是全面建设社会主义现代化国家的首要任务。".encode()
                   * 20,
    "table.txt": "\n".join(f"{i}. Tỉnh {i}: {RND.randrange(10**6):,} người; {RND.random():.2%}"
                           for i in range(200)).encode(),
    "short.txt": "Hết.".encode(),
    "vietnamese-no-marks.txt": b"Cac khau dot pha chien luoc: the che, ha tang, nhan luc. " * 30,
    "with-a-little-junk.txt": ("Nghị quyết về phát triển kinh tế tư nhân. " * 200).encode() + random_printable(300),
}


@pytest.mark.parametrize("name", sorted(JUNK))
def test_content_that_is_not_readable_text_is_refused(tmp_path, hash_embedder, name):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("Nội dung tốt về chuyển đổi số.", encoding="utf-8")
    (corpus / name).write_bytes(JUNK[name])
    report = IndexBuilder(hash_embedder).build(corpus, tmp_path / "index")
    assert report.added == ["ok.txt"]
    [failure] = report.failed
    assert failure["file"] == name
    assert failure["reason"].startswith(("not readable text", "empty document")), failure["reason"]


def test_real_documents_in_any_language_are_still_indexed(tmp_path, hash_embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in READABLE.items():
        (corpus / name).write_bytes(data)
    report = IndexBuilder(hash_embedder).build(corpus, tmp_path / "index")
    assert report.failed == [] and sorted(report.added) == sorted(READABLE)


def test_every_sample_document_is_readable(hash_embedder, tmp_path):
    report = IndexBuilder(hash_embedder).build(REPO / "corpus", tmp_path / "index")
    assert report.failed == [] and report.added


@pytest.mark.parametrize("text", ["\u2800" * 50, "abc" + "\ue000" * 40, "x" * 3 + "\u0301" * 60])
def test_the_check_names_what_it_found(text):
    from hoidap.index.readable import check_readable
    from hoidap.index.types import DocumentError

    with pytest.raises(DocumentError, match="not readable text"):
        check_readable(text, "a.txt")


def test_a_published_junk_document_is_not_kept_as_its_last_good_version(tmp_path, hash_embedder):
    """An index built before this check may hold junk; when that file then fails, the junk goes."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("Nội dung tốt.", encoding="utf-8")
    junk = JUNK["random-printable.txt"].decode("ascii")[:800]
    passages = [Passage(0, "junk.txt", "paragraph", junk, [], 0, len(junk), -1, 1)]
    from hoidap.index.chunker import Chunker

    publish(index, write_version(index, passages, [DocumentInfo("junk.txt", "junk", passages=1)],
                                 np.asarray(hash_embedder.embed_passages([junk])), embedder_id=hash_embedder.id,
                                 chunker_version=Chunker.version, dim=hash_embedder.dim))
    (corpus / "junk.txt").write_bytes(b"")
    report = IndexBuilder(hash_embedder).build(corpus, index)
    assert report.kept == [] and report.removed == ["junk.txt"]
    assert list(load_snapshot(index).documents) == ["ok.txt"]


@pytest.mark.slow  # real processes
def test_a_random_40_kb_txt_file_is_not_a_document(tmp_path):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "ok.txt").write_text("Nội dung tốt về chuyển đổi số.", encoding="utf-8")
    (corpus / "junk.txt").write_bytes(JUNK["random-printable.txt"])
    (corpus / "invisible.txt").write_bytes(("\u200b" * 500 + "\u2800" * 300).encode("utf-8"))
    run = hoidap(tmp_path, "reindex", "--corpus", str(corpus), "--index", str(index), "--json")
    assert run.returncode == 1
    failed = {f["file"]: f["reason"] for f in json.loads(run.stdout)["failed"]}
    assert set(failed) == {"junk.txt", "invisible.txt"}
    listed = json.loads(hoidap(tmp_path, "docs", "list", "--index", str(index), "--json").stdout)
    assert [d["doc_id"] for d in listed] == ["ok.txt"]
