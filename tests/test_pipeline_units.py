"""Which unit answers, and which tier it gets: pipeline logic on the deterministic hash embedder."""

from __future__ import annotations

from dataclasses import replace

import pytest
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
NEWS = ("Đại hội Đảng bộ phường Bến Thành\n\nĐại hội đã bầu Ban Chấp hành Đảng bộ phường gồm 39 người. Ban Chấp "
        "hành đã bầu Ban Thường vụ Đảng ủy phường và Bí thư Đảng ủy phường.")
DECREE = ("Thông báo kết luận 75-TB/TW của Bộ Chính trị\n\nKhông áp dụng Nghị định số 177/2024/NĐ-CP đối với người "
          "có thời gian công tác còn dưới 12 tháng.")
OTHER = "Kết luận 155-KL/TW của Bộ Chính trị\n\nTại phiên họp ngày 27/6/2025, Bộ Chính trị đã thảo luận."
ANOTHER = "Kết luận 127-KL/TW của Bộ Chính trị\n\nTại phiên họp ngày 28/2/2025, Bộ Chính trị đã thảo luận."
# Coverage and names decide (the hash model's cosines mean little): a fixed, readable fit.
FIT = Calibration((0.0, 12.0, 8.0, 4.0), -17.0, 0.8, 0.3, "hash-256", "test fit")


@pytest.fixture(scope="module")
def pipeline(hash_pipeline_over) -> AnswerPipeline:
    return hash_pipeline_over({"quan.txt": ARTICLE, "kl155.txt": OTHER, "kl127.txt": ANOTHER, "news.txt": NEWS,
                               "tb75.txt": DECREE}, FIT)


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


def test_a_question_about_a_document_the_corpus_lacks_is_refused_and_says_which(pipeline):
    """Its wording may match another resolution word for word ("Kết luận 156 … phiên họp ngày nào?"
    against Kết luận 155's "Tại phiên họp ngày 27/6/2025"): no passage of another document answers
    what Kết luận 156 says. A document the corpus only cites (Nghị định 177) is known; so is a
    Thông báo kết luận asked for as "Kết luận 75"."""
    matched = pipeline.answer("Kết luận 155 được đưa ra tại phiên họp ngày nào?")
    assert matched.tier != "none" and matched.absent == []
    lacking = pipeline.answer("Kết luận 156 được đưa ra tại phiên họp ngày nào?")
    assert lacking.tier == "none" and not lacking.answered and lacking.passages == []
    assert lacking.absent == ["Kết luận 156"] and "Kết luận 156" in lacking.answer
    assert lacking.to_dict()["absent"] == ["Kết luận 156"]
    assert pipeline.answer("Nghị định 177 không áp dụng đối với người nào?").absent == []
    assert pipeline.answer("Kết luận 75 không áp dụng Nghị định 177 với ai?").absent == []
    # A name the corpus never writes: refused the same way, saying which.
    elsewhere = pipeline.answer("Ban Chấp hành Đảng bộ phường Bến Nghé gồm bao nhiêu người?")
    assert elsewhere.tier == "none" and elsewhere.absent == ["Bến Nghé"] and "Bến Nghé" in elsewhere.answer
    assert pipeline.answer("Ban Chấp hành Đảng bộ phường Bến Thành gồm bao nhiêu người?").absent == []
    # One named document is known: the question is answered as any other (it may compare the two).
    assert pipeline.answer("Kết luận 155 và Kết luận 156 họp ngày nào?").absent == []


def test_the_corpus_citations_are_read_by_the_warm_up_or_the_first_question(hash_pipeline_over, monkeypatch):
    """The warm-up reads which documents the corpus holds or cites, whatever its size; without it, an
    index of at most CITATIONS_AT_ONCE passages is read by the first question naming a document, and
    a larger one never refuses a question for that reason (the confidence decides)."""
    import hoidap.index.pipeline as pipeline_module

    monkeypatch.setattr(pipeline_module, "CITATIONS_AT_ONCE", 0)  # every index is "large"
    large = hash_pipeline_over({"kl155.txt": OTHER, "news.txt": NEWS}, FIT)
    question = "Kết luận 156 được đưa ra tại phiên họp ngày nào?"
    assert large._state.cited_documents() is None and large.answer(question).absent == []
    assert not large._state.warm(1)  # above the warm-up's passage limit: only the citations are read
    assert "§ket luan:155" in (large._state.cited_documents() or set())
    assert large.answer(question).absent == ["Kết luận 156"]




def test_a_detail_the_unit_does_not_state_is_not_quoted_under_a_hedge(pipeline):
    """The news item is about the right congress but states no day: below `shapeless_medium` it is
    not offered as the nearest passage to "… khai mạc ngày nào?"; a unit stating the asked day is."""
    question = "Đại hội Đảng bộ phường Bến Thành khai mạc ngày nào?"
    hedged = pipeline.with_ranking(replace(pipeline.ranking, shapeless_medium=0.0)).answer(question)
    assert hedged.tier == "medium" and hedged.signals.answer == 0.0
    strict = pipeline.with_ranking(replace(pipeline.ranking, shapeless_medium=hedged.confidence + 0.01))
    refused = strict.answer(question)
    assert refused.tier == "none" and not refused.answered and refused.passages == []
    dated = strict.answer("Kết luận 155 được đưa ra tại phiên họp ngày nào?")
    assert dated.tier != "none" and dated.signals.answer > 0


def test_a_who_question_wants_a_person(pipeline):
    answer = pipeline.answer("Bí thư Quận ủy là ai?")
    assert "Nguyễn Văn Nam" in answer.ranked[0].text and answer.signals.answer > 0


def test_the_sentence_stating_a_count_must_be_about_what_is_asked(pipeline):
    """A short news item's other sentences do not lend their words to the one with the number: "gồm 39
    người" counts the Ban Chấp hành, so it does not answer how many the Ban Thường vụ has."""
    asked = pipeline.answer("Ban Chấp hành Đảng bộ phường Bến Thành gồm bao nhiêu người?")
    other = pipeline.answer("Ban Thường vụ Đảng ủy phường Bến Thành gồm bao nhiêu người?")
    assert asked.ranked[0].doc == other.ranked[0].doc == "news.txt"
    assert asked.signals.answer - other.signals.answer >= 0.2


def test_a_document_named_in_the_text_counts_as_named(pipeline):
    """"Nghị định 177" is not a document of the corpus, but the passage that applies it names it; and
    "Thông báo kết luận 75-TB/TW" is Thông báo 75."""
    decree = pipeline.answer("Nghị định 177 không áp dụng với người còn bao nhiêu tháng công tác?")
    assert decree.ranked[0].doc == "tb75.txt" and decree.signals.names == 1.0
    notice = pipeline.answer("Thông báo 75 không áp dụng nghị định nào với người còn dưới 12 tháng công tác?")
    assert notice.ranked[0].doc == "tb75.txt" and notice.signals.names == 1.0
    assert pipeline.answer("Nghị định 178 quy định gì?").signals.names < 1.0


def test_a_document_named_by_the_units_heading_counts_as_named(hash_pipeline_over):
    """Item "2. Không áp dụng Nghị định này …" is about the decree its heading names."""
    article = ("Thông báo về chế độ khi sắp xếp bộ máy\n\n"
               + "".join(f"Đoạn mở đầu thứ {i} nói về việc sắp xếp tổ chức bộ máy của hệ thống chính trị.\n\n"
                         for i in range(1, 5))  # the document's head names no decree
               + "### Điều 2 Nghị định số 178/2024/NĐ-CP quy định đối tượng áp dụng gồm:\n\n"
               + "".join(f"{i}. Cán bộ, công chức nhóm {i} trong cơ quan của Đảng và Nhà nước ở cấp tỉnh.\n\n"
                         for i in range(1, 6))
               + "6. Không áp dụng chế độ quy định tại Nghị định này đối với các trường hợp sau đây:\n\n"
               "a) Thuộc đối tượng tinh giản biên chế theo quy định của pháp luật;\n\n"
               "b) Đã có thông báo nghỉ hưu của cấp có thẩm quyền.\n")
    pipeline = hash_pipeline_over({"tb.txt": article}, FIT)
    answer = pipeline.answer("Nghị định 178 không áp dụng chế độ cho những trường hợp nào?")
    unit = answer.ranked[0].text
    assert unit.startswith("6. Không áp dụng") and "178" not in unit and answer.signals.names == 1.0


def test_a_question_about_a_held_document_is_not_answered_from_another_one(hash_pipeline_over):
    """Both conclusions are in the corpus; only one says who signed it. "… ký Kết luận 127?" finds the
    signing of Kết luận 157, which belongs to neither that document nor names it: refused, not quoted."""
    signed = ("Kết luận 157-KL/TW của Bộ Chính trị\n\nNgày 25/5/2025, thay mặt Bộ Chính trị, đồng chí Trần Cẩm "
              "Tú ký ban hành Kết luận số 157-KL/TW về sắp xếp đơn vị hành chính.")
    pipeline = hash_pipeline_over({"kl157.txt": signed, "kl127.txt": ANOTHER}, FIT)
    asked = pipeline.answer("Đồng chí nào thay mặt Bộ Chính trị ký ban hành Kết luận 157?")
    assert asked.tier != "none" and "Trần Cẩm Tú" in asked.answer
    other = pipeline.answer("Đồng chí nào thay mặt Bộ Chính trị ký ban hành Kết luận 127?")
    assert other.ranked[0].doc == "kl157.txt" and other.tier == "none" and not other.answered


def test_who_signed_is_not_hedged_from_a_unit_that_reports_no_signing(pipeline):
    """Kết luận 127's own text says where it was discussed, not who signed it: not even a hedged quote,
    whatever the confidence floor of "shapeless" answers."""
    lenient = pipeline.with_ranking(replace(pipeline.ranking, shapeless_medium=0.0, medium_confidence=0.0))
    answer = lenient.answer("Đồng chí nào ký Kết luận 127 của Bộ Chính trị?")
    assert answer.ranked[0].doc == "kl127.txt" and answer.signals.answer == 0.0 and answer.tier == "none"
    assert lenient.answer("Kết luận 127 được thảo luận tại phiên họp ngày nào?").tier != "none"


def test_a_question_about_another_congress_is_not_answered(pipeline):
    """The article is about the XXVI congress: "Đại hội lần thứ XXVII" is another one, whatever the
    words the two share; "Đại hội 26" is the same one, written in digits."""
    asked = "Đại hội đại biểu lần thứ {} Đảng bộ quận xác định các khâu đột phá nào?"
    assert pipeline.answer(asked.format("XXVI")).tier != "none"
    assert pipeline.answer(asked.format("26")).tier != "none"
    other = pipeline.answer(asked.format("XXVII"))
    assert other.ranked[0].doc == "quan.txt" and other.tier == "none"


def test_a_question_about_another_numbered_district_is_not_answered(hash_pipeline_over):
    """"quận 10" names a district as "Cầu Giấy" does: the congress of quận 11 does not answer for it."""
    news = "Đại hội Đảng bộ quận 11\n\nĐại hội đã bầu Ban Chấp hành Đảng bộ quận 11 nhiệm kỳ 2020-2025 gồm 39 người."
    pipeline = hash_pipeline_over({"q11.txt": news}, FIT)
    asked = "Ban Chấp hành Đảng bộ quận {} nhiệm kỳ 2020-2025 gồm bao nhiêu người?"
    assert pipeline.answer(asked.format(11)).tier != "none"
    assert pipeline.answer(asked.format(10)).tier == "none"


def test_a_law_the_corpus_never_names_is_not_answered_from_another(hash_pipeline_over):
    """"Luật Bảo hiểm xã hội 2024" is a document the corpus neither holds nor cites: its words match a
    resolution on health insurance, which does not say what that law says. A law it cites is asked."""
    resolution = ("Nghị quyết về bảo hiểm y tế\n\nMở rộng bảo hiểm y tế toàn dân; người đóng bảo hiểm tối "
                  "thiểu 5 năm được hưởng chế độ theo Luật Khám bệnh, chữa bệnh.")
    pipeline = hash_pipeline_over({"nq.txt": resolution}, FIT)
    other = pipeline.answer("Luật Bảo hiểm xã hội 2024 quy định đóng bảo hiểm tối thiểu mấy năm?")
    assert other.tier == "none" and other.absent == ["Luật Bảo hiểm xã hội"]
    cited = pipeline.answer("Luật Khám bệnh, chữa bệnh quy định đóng bảo hiểm tối thiểu mấy năm?")
    assert cited.tier != "none"


def test_who_signed_is_answered_where_the_signing_is_said(hash_pipeline_over):
    """A directive that lists offices ("Bí thư, phó bí thư …") and tasks for "các đồng chí Ủy viên Bộ
    Chính trị, Ban Bí thư" names no signer: "… do đồng chí nào ký?" gets no answer from it."""
    directive = ("Chỉ thị 45-CT/TW về đại hội đảng bộ các cấp\n\nĐại hội đảng bộ các cấp bầu cấp ủy. Bí thư, phó bí "
                 "thư, chủ tịch Hội đồng nhân dân do cấp ủy giới thiệu. Giao các đồng chí Ủy viên Bộ Chính trị, "
                 "Ban Bí thư theo dõi, chỉ đạo đại hội đảng bộ các cấp.")
    pipeline = hash_pipeline_over({"ct45.txt": directive}, FIT)
    answer = pipeline.answer("Chỉ thị 45 về đại hội đảng bộ các cấp do đồng chí nào ký ban hành?")
    assert answer.ranked[0].doc == "ct45.txt" and answer.signals.answer == 0.0


def test_eval_counts_a_refused_answer_that_a_suggested_section_holds(pipeline):
    from hoidap.index.evaluate import evaluate

    question = "Giá vàng hôm nay bao nhiêu?"
    offered = pipeline.answer(question).suggestions[0]
    section = pipeline.section(offered.passage_id, offered.index_version)
    rows = [{"question": question, "answerable": True, "doc": offered.doc, "gold_quote": section.text[:60]},
            {"question": question, "answerable": True, "doc": offered.doc, "gold_quote": "không có ở đâu"}]
    result = evaluate(pipeline, rows)
    assert [o.reachable for o in result.outcomes] == [True, False]
    assert result.figures.refused_reachable == 1 and result.figures.to_dict()["answerable_refused_reachable"] == 1


def test_suggestions_follow_the_reranked_units_and_name_a_headingless_paragraph(pipeline):
    """A refused question's best guess is one tap away: the first suggestion is the section of its first
    unit. A news item without headings is offered by its paragraph's first sentence, not skipped."""
    strict = pipeline.with_ranking(replace(pipeline.ranking, min_confidence=1.0, medium_confidence=1.0))
    answer = strict.answer("Ban Chấp hành Đảng bộ phường Bến Thành gồm bao nhiêu người?")
    assert answer.tier == "none" and answer.ranked[0].doc == "news.txt"
    first = answer.suggestions[0]
    assert first.doc == "news.txt" and first.text == "Đại hội đã bầu Ban Chấp hành Đảng bộ phường gồm 39 người."
    assert "39 người" in strict.section(first.passage_id, first.index_version).text
    assert len({s.passage_id for s in answer.suggestions}) == len(answer.suggestions)
