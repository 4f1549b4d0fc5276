"""Which unit answers, and which tier it gets: pipeline logic on the deterministic hash embedder."""

from __future__ import annotations

from pathlib import Path

import pytest
from hoidap.index.builder import IndexBuilder
from hoidap.index.calibration import Calibration
from hoidap.index.pipeline import AnswerPipeline

ARTICLE = """Đại hội đại biểu lần thứ XXVI Đảng bộ quận xác định nhiệm vụ trọng tâm và khâu đột phá sau đây:

Những nhiệm vụ trọng tâm:

(1) Tạo chuyển biến mạnh mẽ về công tác xây dựng, chỉnh đốn Đảng.

(2) Phát triển kinh tế, nâng cao thu nhập của nhân dân.

Các khâu đột phá:

(1) Cải cách hành chính, xây dựng chính quyền điện tử.

(2) Đầu tư kết cấu hạ tầng đô thị đồng bộ, hiện đại.

Bí thư Quận ủy Nguyễn Văn Nam khẳng định quận sẽ hoàn thành các mục tiêu.
"""
OTHER = "Kết luận 155-KL/TW của Bộ Chính trị\n\nTại phiên họp ngày 27/6/2025, Bộ Chính trị đã thảo luận."
ANOTHER = "Kết luận 127-KL/TW của Bộ Chính trị\n\nTại phiên họp ngày 28/2/2025, Bộ Chính trị đã thảo luận."
# Coverage and names decide (the hash model's cosines mean little): a fixed, readable fit.
FIT = Calibration((0.0, 12.0, 8.0, 4.0), -17.0, 0.8, 0.3, "hash-256", "test fit")


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory, hash_embedder) -> AnswerPipeline:
    root = tmp_path_factory.mktemp("units")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "quan.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "kl155.txt").write_text(OTHER, encoding="utf-8")
    (corpus / "kl127.txt").write_text(ANOTHER, encoding="utf-8")
    IndexBuilder(hash_embedder).build(corpus, root / "index")
    return AnswerPipeline.open(Path(root / "index"), hash_embedder, calibration=FIT)


def test_a_list_question_with_context_words_gets_the_sub_list_its_focus_names(pipeline):
    answer = pipeline.answer("Các khâu đột phá mà Đại hội đại biểu lần thứ XXVI Đảng bộ quận xác định là gì?")
    assert answer.ranked[0].text.startswith("Các khâu đột phá:\n(1) Cải cách hành chính")
    assert "Những nhiệm vụ trọng tâm" not in answer.ranked[0].text
    tasks = pipeline.answer("cac nhiem vu trong tam gom nhung gi")
    assert tasks.ranked[0].text.startswith("Những nhiệm vụ trọng tâm:")


def test_a_named_document_is_preferred_over_a_look_alike(pipeline):
    answer = pipeline.answer("Kết luận 155 được đưa ra tại phiên họp ngày nào?")
    assert answer.ranked[0].doc == "kl155.txt"
    assert pipeline.answer("KL127 được đưa ra tại phiên họp ngày nào?").ranked[0].doc == "kl127.txt"


def test_tiers_shown_passages_and_suggestions(pipeline):
    sure = pipeline.answer("Các khâu đột phá là gì?")
    assert sure.tier == "high" and sure.answered and sure.passages[0] is sure.ranked[0]
    assert all(p.score >= FIT.medium for p in sure.passages)  # only alternatives worth offering
    refused = pipeline.answer("Giá vàng hôm nay bao nhiêu?")
    assert refused.tier == "none" and not refused.answered and refused.passages == []
    assert 1 <= len(refused.suggestions) <= 3 and refused.ranked  # a path onward, never quoted as an answer
    absent = pipeline.answer("Nghị quyết 45 về văn hoá nói gì?")
    assert absent.tier == "none"


def test_a_who_question_wants_a_person(pipeline):
    answer = pipeline.answer("Bí thư Quận ủy là ai?")
    assert "Nguyễn Văn Nam" in answer.ranked[0].text and answer.signals.answer > 0
