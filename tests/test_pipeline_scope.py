"""`answer(question, doc=…)` searches one document only; `catalog()` hands the bot the served snapshot.

Pipeline logic on the deterministic hash embedder: two documents that both speak of "khâu đột phá",
so an unscoped question can land in either and a scoped one must stay in its document.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hoidap.index.builder import IndexBuilder
from hoidap.index.embedder import HashEmbedder
from hoidap.index.pipeline import AnswerPipeline

QUAN = """Nghị quyết Đại hội Đảng bộ quận

Các khâu đột phá:
(1) Cải cách hành chính, xây dựng chính quyền đô thị.
(2) Đầu tư kết cấu hạ tầng đô thị đồng bộ.
"""
TINH = """Nghị quyết Đại hội Đảng bộ tỉnh

Các khâu đột phá của tỉnh:
(1) Phát triển nông nghiệp công nghệ cao.
(2) Thu hút đầu tư vào khu công nghiệp.

Nhiệm vụ trọng tâm:
(1) Xây dựng nông thôn mới kiểu mẫu.
"""


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> AnswerPipeline:
    corpus, out = tmp_path_factory.mktemp("corpus"), tmp_path_factory.mktemp("index")
    (corpus / "quan.txt").write_text(QUAN, encoding="utf-8")
    (corpus / "tinh.txt").write_text(TINH, encoding="utf-8")
    embedder = HashEmbedder()
    IndexBuilder(embedder).build(corpus, out)
    return AnswerPipeline.open(Path(out), embedder)


@pytest.mark.parametrize("doc", ["quan.txt", "tinh.txt"])
def test_a_scoped_answer_quotes_only_that_document(pipeline: AnswerPipeline, doc: str) -> None:
    answer = pipeline.answer("các khâu đột phá là gì", doc=doc)
    assert answer.ranked and {p.doc for p in answer.ranked} == {doc}
    assert {p.doc for p in answer.passages} <= {doc}
    expected = "Cải cách hành chính" if doc == "quan.txt" else "nông nghiệp công nghệ cao"
    assert expected in answer.ranked[0].text


def test_scoping_changes_where_the_answer_comes_from(pipeline: AnswerPipeline) -> None:
    free = pipeline.answer("nông thôn mới kiểu mẫu")
    scoped = pipeline.answer("nông thôn mới kiểu mẫu", doc="quan.txt")
    assert free.ranked and free.ranked[0].doc == "tinh.txt"
    assert all(p.doc == "quan.txt" for p in scoped.ranked or [])
    assert all(s.doc == "quan.txt" for s in scoped.suggestions)


@pytest.mark.parametrize("mode", ["dense", "lexical"])
def test_the_baselines_can_be_scoped_too(pipeline: AnswerPipeline, mode: str) -> None:
    answer = pipeline.answer("khâu đột phá", mode=mode, doc="tinh.txt")  # type: ignore[arg-type]
    assert answer.ranked and {p.doc for p in answer.ranked} == {"tinh.txt"}


def test_an_unknown_document_is_named_in_the_error(pipeline: AnswerPipeline) -> None:
    with pytest.raises(ValueError, match="'khong-co.txt'"):
        pipeline.answer("khâu đột phá", doc="khong-co.txt")


def test_catalog_is_the_served_snapshot(pipeline: AnswerPipeline) -> None:
    version, documents, passages = pipeline.catalog()
    assert version == pipeline.version and set(documents) == {"quan.txt", "tinh.txt"}
    assert [p.id for p in passages] == list(range(len(passages)))
    assert {p.doc_id for p in passages} == {"quan.txt", "tinh.txt"}
