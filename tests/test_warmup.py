"""Warming an opened index up: the same answers, the caches filled before the first question."""

from __future__ import annotations

import pytest
from hoidap.index.builder import IndexBuilder
from hoidap.index.pipeline import AnswerPipeline

DOC = ("Nghị quyết 57-NQ/TW về khoa học\n\nCác khâu đột phá:\n\n(1) Cải cách hành chính.\n\n"
       "(2) Hạ tầng đô thị.\n\nĐại hội khai mạc ngày 19/1/2026 tại Hà Nội.\n")
QUESTIONS = ("khâu đột phá là gì?", "Đại hội khai mạc ngày nào?", "dai hoi khai mac ngay nao", "giá vàng hôm nay?")


@pytest.fixture(scope="module")
def index(tmp_path_factory, hash_embedder):
    root = tmp_path_factory.mktemp("warm")
    (root / "corpus").mkdir()
    (root / "corpus" / "nq57.txt").write_text(DOC, encoding="utf-8")
    IndexBuilder(hash_embedder).build(root / "corpus", root / "index")
    return root / "index"


def _answers(pipeline: AnswerPipeline) -> list[tuple[str, str, list[int]]]:
    out = []
    for question in QUESTIONS:
        answer = pipeline.answer(question)
        out.append((answer.tier, answer.answer, [p.passage_ids for p in answer.ranked][0] if answer.ranked else []))
    return out


def test_a_warmed_index_answers_the_same_with_its_caches_filled_first(index, hash_embedder):
    cold = AnswerPipeline.open(index, hash_embedder)
    warm = AnswerPipeline.open(index, hash_embedder, warm_passages=100)
    warm.wait_for_warmup(10)
    passages = len(warm.catalog()[2])
    assert len(warm._state._sentences) == 2 * passages and not cold._state._sentences  # with and without marks
    assert _answers(warm) == _answers(cold)


def test_an_index_above_the_limit_is_not_warmed(index, hash_embedder):
    pipeline = AnswerPipeline.open(index, hash_embedder, warm_passages=2)
    pipeline.wait_for_warmup(10)
    assert not pipeline._state._sentences


def test_a_new_version_is_warmed_before_it_is_swapped_in(tmp_path, hash_embedder):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "nq57.txt").write_text(DOC, encoding="utf-8")
    IndexBuilder(hash_embedder).build(tmp_path / "corpus", tmp_path / "index")
    pipeline = AnswerPipeline.open(tmp_path / "index", hash_embedder, warm_passages=100)
    pipeline.wait_for_warmup(10)
    (tmp_path / "corpus" / "kl155.txt").write_text("Kết luận 155 về sắp xếp bộ máy.", encoding="utf-8")
    IndexBuilder(hash_embedder).build(tmp_path / "corpus", tmp_path / "index")
    assert pipeline.reload()
    assert len(pipeline._state._sentences) == 2 * len(pipeline.catalog()[2])
