"""Everyday words find the documents' wording: table lookups, corpus gating, and the pipeline's use."""

from __future__ import annotations

import pytest
from hoidap.index.calibration import Calibration
from hoidap.index.everyday import Rewording, _parse, rewordings, search_text, variants
from hoidap.index.pipeline import AnswerPipeline
from hoidap.index.question import Vocabulary, analyse
from hoidap.index.ranking import RankingConfig

VOCAB = Vocabulary.from_texts([
    "Nông dân là chủ thể của phát triển nông nghiệp, nông thôn.",
    "Thực hiện miễn viện phí cho người có hoàn cảnh khó khăn.",
    "Tinh gọn tổ chức bộ máy, giảm đầu mối. Nguồn vốn ngân sách trung ương.",
])


def test_an_everyday_phrase_is_offered_the_formal_phrases_the_corpus_writes():
    found = rewordings("Người làm ruộng được Nhà nước hỗ trợ gì?", True, VOCAB)
    assert found == [Rewording("Người làm ruộng", ("nông dân",))]
    money = rewordings("tiền đâu ra để xây trường?", True, VOCAB)
    # "kinh phí" and "ngân sách" are on the same line, but only what this corpus writes is offered.
    assert money == [Rewording("tiền đâu ra", ("nguồn vốn", "ngân sách"))]


def test_a_question_without_marks_is_matched_and_reworded_without_marks():
    assert rewordings("kham benh khong mat tien", False, VOCAB) == [
        Rewording("khong mat tien", ("mien vien phi",))]
    # "la co" could be "lá cờ" as well as "là có": pairs of function words are never matched unmarked.
    assert rewordings("dang ta la co nhiem vu gi", False, Vocabulary.from_texts(["Quốc kỳ"])) == []


def test_nothing_is_offered_off_topic_or_when_the_question_already_uses_the_formal_words():
    assert rewordings("Bóng đá Việt Nam vô địch mấy lần?", True, VOCAB) == []
    assert rewordings("Nông dân có phải người làm ruộng?", True, VOCAB) == []
    # The longest everyday phrase wins and phrases never overlap.
    assert [r.typed for r in rewordings("bỏ bớt cơ quan cho gọn nhẹ", True, VOCAB)] == ["bỏ bớt cơ quan", "gọn nhẹ"]


def test_variants_and_search_text():
    found = [Rewording("nhà nghèo", ("hoàn cảnh khó khăn",)), Rewording("không mất tiền", ("miễn viện phí",))]
    texts = variants("nhà nghèo đi viện có không mất tiền", found)
    assert texts[0] == "nhà nghèo đi viện có không mất tiền"
    assert "hoàn cảnh khó khăn đi viện có miễn viện phí" in texts
    assert len(texts) == 4
    assert len(variants("x", [Rewording("x", tuple("abcdef")), Rewording("y", tuple("abc"))], most=5)) == 5
    assert search_text("q", found) == "q hoàn cảnh khó khăn miễn viện phí"


def test_a_malformed_table_line_is_named():
    with pytest.raises(ValueError, match="'chỉ một vế'"):
        _parse("chỉ một vế")


def test_analyse_carries_the_rewordings():
    assert analyse("công ty quốc doanh là gì", Vocabulary.from_texts(["doanh nghiệp nhà nước"])).rewordings == (
        Rewording("công ty quốc doanh", ("doanh nghiệp nhà nước",)),)


FARM = ("Kết luận về nông nghiệp\n\nƯu tiên nguồn vốn ngân sách trung ương cho giáo dục vùng biên giới.\n\n"
        "Phát triển hạ tầng giao thông, thủy lợi đồng bộ.\n\nĐẩy mạnh chuyển đổi số trong quản lý đất đai.\n\n"
        "Nâng cao chất lượng đào tạo nghề cho lao động.\n\n"
        "Nông dân là chủ thể, trung tâm của quá trình phát triển nông thôn.")
OTHER = "Thông báo về y tế\n\nTừng bước thực hiện chính sách miễn viện phí cho người dân."
FIT = Calibration((0.0, 12.0, 8.0, 4.0), -13.0, 0.8, 0.3, "hash-256", "test fit")


@pytest.fixture(scope="module")
def pipeline(hash_pipeline_over) -> AnswerPipeline:
    return hash_pipeline_over({"farm.txt": FARM, "health.txt": OTHER}, FIT)


def test_an_everyday_question_finds_and_answers_with_the_formal_passage(pipeline):
    answer = pipeline.answer("Người làm ruộng có vai trò gì trong phát triển?")
    assert answer.ranked[0].text.startswith("Nông dân là chủ thể")
    assert answer.signals.coverage > 0.5
    plain = pipeline.with_ranking(RankingConfig(everyday_lexical=False, everyday_coverage=False))
    without = plain.answer("Người làm ruộng có vai trò gì trong phát triển?")
    assert without.signals.coverage < answer.signals.coverage


def test_phrases_added_in_the_eighth_session():
    """"sống thọ" is the documents' "tuổi thọ", "làm gấp" their "khẩn trương"."""
    vocab = Vocabulary.from_texts(["Nâng cao tuổi thọ người Việt Nam.", "Khẩn trương sửa đổi văn bản."])
    assert rewordings("đến 2030 người dân sống thọ đến đâu?", True, vocab) == [Rewording("sống thọ", ("tuổi thọ",))]
    assert rewordings("phải làm gấp việc gì?", True, vocab) == [Rewording("làm gấp", ("khẩn trương",))]
