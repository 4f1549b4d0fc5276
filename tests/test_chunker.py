from pathlib import Path

from hoidap.index.chunker import MAX_PASSAGE_CHARS, Chunker
from hoidap.index.types import SourceDocument


def chunk(text: str, **meta) -> list:
    return Chunker().chunk(SourceDocument("d.txt", text, **meta))


def test_lead_in_owns_its_numbered_items_and_a_paragraph_ends_the_list():
    ps = chunk("Những nhiệm vụ trọng tâm:\n\n(1) Một.\n\n(2) Hai.\n\nCác khâu đột phá:\n\n(1) Ba.\n\nĐoạn thường.")
    lead1, a, b, lead2, c, para = ps
    assert lead1.kind == lead2.kind == "lead"
    assert (a.parent, b.parent, c.parent) == (lead1.id, lead1.id, lead2.id)
    assert lead1.subtree_end == lead2.id and lead2.subtree_end == para.id
    assert para.parent == -1
    assert a.section == ["Những nhiệm vụ trọng tâm"]


def test_law_articles_clauses_and_points():
    text = ("Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nLuật này quy định.\n"
            "Điều 2. Nguyên tắc\n1. Tuân thủ pháp luật.\n2. Trường hợp sau đây:\na) Điểm a;\nb) Điểm b.\n"
            "3. Khoản ba.\nĐiều 3. Khác\nNội dung.")
    ps = chunk(text)
    by_text = {p.text: p for p in ps}
    art2 = by_text["Điều 2. Nguyên tắc"]
    k2 = by_text["2. Trường hợp sau đây:"]
    assert by_text["a) Điểm a;"].parent == k2.id
    assert k2.parent == art2.id and by_text["3. Khoản ba."].parent == art2.id
    assert by_text["Điều 3. Khác"].parent == by_text["Chương I"].id
    assert art2.subtree_end == by_text["Điều 3. Khác"].id
    assert by_text["b) Điểm b."].section[-2:] == ["Điều 2. Nguyên tắc", "2. Trường hợp sau đây"]


def test_roman_and_markdown_headings_nest_paragraphs():
    ps = chunk("# Tiêu đề\n\nI- QUAN ĐIỂM CHỈ ĐẠO\n\n1. Phát triển khoa học là đột phá.\n\n"
               "**(1) Đổi mới tư duy**\n\nNội dung một.")
    kinds = [(p.kind, p.text) for p in ps]
    assert kinds[0] == ("heading", "Tiêu đề")
    assert ("heading", "(1) Đổi mới tư duy") in kinds
    body = ps[-1]
    assert body.text == "Nội dung một." and ps[body.parent].text == "(1) Đổi mới tư duy"


def test_markdown_marks_are_not_words():
    ps = chunk("Kết luận: là **đột phá quan trọng hàng đầu**, là động lực.")
    assert ps[0].text == "Kết luận: là đột phá quan trọng hàng đầu, là động lực."


def test_page_furniture_is_dropped():
    text = ("HOẠT ĐỘNG ĐẢNG - ĐOÀN THỂ HOẠT ĐỘNG ĐẢNG - ĐOÀN THỂ\n\nQUẬN A: TIN\n"
            "Ngày đăng 11/09/2020 | 09:12  | Lượt xem: 157\n\nNội dung chính.\n\nNguyễn Văn B")
    ps = chunk(text, title="Quận A: tin", author="Nguyễn Văn B")
    assert [p.text for p in ps] == ["Nội dung chính."]


def test_long_paragraph_is_split_on_sentences_and_spans_point_into_source():
    sentence = "Đây là một câu khá dài về công tác xây dựng Đảng và hệ thống chính trị. "
    text = "Mở đầu.\n\n" + sentence * 40
    ps = chunk(text)
    assert len(ps) > 2
    assert all(len(p.text) <= MAX_PASSAGE_CHARS for p in ps)
    assert text[ps[0].start:ps[0].end] == "Mở đầu."
    assert all(p.text.endswith(".") for p in ps)


def test_sample_article_structure():
    from hoidap.index.loaders import load_document

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    passages = Chunker().chunk(load_document(corpus / "quan_hai_ba_trung_nghi_quyet_2020.txt", corpus))
    leads = [p.text for p in passages if p.kind == "lead"]
    assert "Các khâu đột phá:" in leads and "Những nhiệm vụ trọng tâm:" in leads
    texts = " ".join(p.text for p in passages)
    assert "Lượt xem" not in texts and "HOẠT ĐỘNG ĐẢNG - ĐOÀN THỂ HOẠT" not in texts


def test_an_italic_note_under_a_lead_in_does_not_end_its_list():
    ps = chunk("Chi tiết 06 nhiệm vụ như sau:\n\n*Mục III Nghị quyết 72*\n\n**(1) Đổi mới tư duy**\n\nNội dung.\n\n"
               "**(2) Hoàn thiện thể chế**\n\nNội dung hai.")
    lead = ps[0]
    assert lead.kind == "lead" and lead.subtree_end == len(ps)
    assert [p.text for p in ps if p.parent == lead.id] == [
        "Mục III Nghị quyết 72", "(1) Đổi mới tư duy", "(2) Hoàn thiện thể chế"]


def test_a_section_too_long_to_quote_is_quoted_as_its_outline(tmp_path, hash_embedder):
    from hoidap.index.builder import IndexBuilder
    from hoidap.index.pipeline import AnswerPipeline
    from hoidap.index.ranking import RankingConfig

    embedder = hash_embedder
    max_unit_chars = RankingConfig().max_unit_chars
    body = "Tăng cường đầu tư hạ tầng giao thông, y tế và giáo dục ở địa phương. " * 40
    text = "Các nhiệm vụ trọng tâm:\n\n" + "\n\n".join(
        f"**({n}) Nhiệm vụ số {n} về chủ đề riêng**\n\n{body}" for n in range(1, 7))
    corpus, out = tmp_path / "c", tmp_path / "ix"
    corpus.mkdir()
    (corpus / "nq.md").write_text(text, encoding="utf-8")
    IndexBuilder(embedder).build(corpus, out)
    answer = AnswerPipeline.open(out, embedder).answer("các nhiệm vụ trọng tâm gồm những gì?")
    quoted = answer.ranked[0].text  # the hash embedder is not confident; expansion is what is tested
    assert quoted.startswith("Các nhiệm vụ trọng tâm:") and len(quoted) < max_unit_chars
    assert all(f"({n}) Nhiệm vụ số {n} về chủ đề riêng" in quoted for n in range(1, 7))


def test_related_question_boxes_captions_and_portal_links_are_not_passages():
    text = ("**Mục tiêu của Nghị quyết 57 là gì?** -\n**Tăng cường đầu tư ra sao?**\n\n"
            "**Mục tiêu của Nghị quyết 57 là gì?**\n\nMục tiêu được quy định như sau:\n\n- Đạt mức tiên tiến.\n\n"
            "**>>> Tải về Toàn văn Nghị quyết 57**\n\n*Nghị quyết 57 (Hình từ Internet)*\n\n"
            "Xem chi tiết tại Nghị quyết 57.\n\n**Trên đây là thông tin về mục tiêu.**\n\n"
            "Quý khách cần hỏi thêm thông tin có thể đặt câu hỏi tại đây.")
    ps = chunk(text)
    assert [p.text for p in ps] == ["Mục tiêu của Nghị quyết 57 là gì?", "Mục tiêu được quy định như sau:",
                                    "- Đạt mức tiên tiến."]
    assert ps[0].kind == "heading" and ps[0].subtree_end == 3  # the question title heads its section


def test_a_lead_question_above_a_related_box_whose_first_link_is_the_title_is_kept():
    # thuvienphapluat's layout: the lead (with the date the title lacks), a dash, then the box whose
    # first entry repeats the title; the title line is dropped, and the box must not swallow the lead.
    title = "Nghị quyết 36 xác định ba khâu đột phá là gì?"
    text = (f"**Nghị quyết 36, ngày 22/10/2018, xác định ba khâu đột phá là gì?**\n\n-\n**{title}** -\n"
            "**Mục tiêu đến năm 2030?** -\n**Tầm nhìn đến năm 2045?**\n\nBa khâu đột phá là:")
    texts = [p.text for p in chunk(text, title=title)]
    assert texts == ["Nghị quyết 36, ngày 22/10/2018, xác định ba khâu đột phá là gì?", "Ba khâu đột phá là:"]


def test_an_encyclopedia_pages_headings_after_edit_links_and_no_reference_lists():
    text = ("# Đại hội XIII\n\n## Diễn biến\n\n[sửa | sửa mã nguồn]### Ngày 25/1: Họp phiên trù bị\n\n"
            "Đại hội bầu Đoàn Chủ tịch.\n\n[sửa | sửa mã nguồn]## Tham khảo\n\n"
            "[sửa | sửa mã nguồn]^\"Ông Nguyễn Phú Trọng tái đắc cử\". VietNamNet. Truy cập 2021.\n\n"
            "### Sách\n\nMột cuốn sách.\n\n## Bên lề\n\nĐại dịch tái bùng phát.")
    ps = chunk(text)
    by_text = {p.text: p for p in ps}
    assert by_text["Ngày 25/1: Họp phiên trù bị"].kind == "heading"
    assert by_text["Đại hội bầu Đoàn Chủ tịch."].section[-1] == "Ngày 25/1: Họp phiên trù bị"
    assert not [p.text for p in ps if "VietNamNet" in p.text or p.text in ("Tham khảo", "Sách", "Một cuốn sách.")]
    assert "Đại dịch tái bùng phát." in by_text  # the next section of the reference heading's level is kept


def test_bold_numbered_subheadings_of_any_length_stay_in_the_list_they_belong_to():
    long_title = "Đổi mới mạnh mẽ tư duy và hành động trong lãnh đạo, chỉ đạo, tổ chức thực hiện công tác " * 2
    ps = chunk(f"Chi tiết 02 nhiệm vụ như sau:\n\n**(1) {long_title}**\n\nĐoạn một.\n\nĐoạn hai.\n\n"
               "**(2) Hoàn thiện thể chế**\n\nĐoạn ba.")
    lead = ps[0]
    assert lead.subtree_end == len(ps)
    assert [p.text[:3] for p in ps if p.parent == lead.id] == ["(1)", "(2)"]


def test_a_list_ends_where_it_ends_but_an_item_keeps_its_own_sentences():
    ps = chunk("Các khâu đột phá:\n\n(1) Cải cách hành chính.\n\n(2) Hạ tầng đô thị.\n\n"
               "(3) Nâng cao chất lượng giáo dục. Để hoàn thành mục tiêu mà nghị quyết đề ra, các cấp ủy đã tổ "
               "chức quán triệt sâu rộng đến từng cán bộ, đảng viên trên địa bàn toàn quận trong nhiều tháng.\n\n"
               "Những nhiệm vụ:\n\n(1) Một việc.\n\n(2) Việc hai. Xây dựng cộng đồng dân chủ, kỷ cương, đoàn kết.")
    by_text = {p.text: p for p in ps}
    assert by_text["(3) Nâng cao chất lượng giáo dục."].parent == 0
    story = next(p for p in ps if p.text.startswith("Để hoàn thành"))
    assert story.kind == "paragraph" and story.parent == -1
    assert "(2) Việc hai. Xây dựng cộng đồng dân chủ, kỷ cương, đoàn kết." in by_text  # short: kept whole


def test_a_lead_in_owns_the_lists_and_the_excerpt_it_announces():
    ps = chunk("Đại hội xác định nhiệm vụ trọng tâm và khâu đột phá sau đây:\n\nNhững nhiệm vụ trọng tâm:\n\n"
               "(1) Một.\n\nCác khâu đột phá:\n\n(1) Hai.\n\nQuan điểm được nêu tại Mục I như sau:\n\n"
               "I- QUAN ĐIỂM CHỈ ĐẠO\n\n1. Ba.\n\nII- MỤC TIÊU\n\n1. Bốn.")
    by_text = {p.text: p for p in ps}
    umbrella = by_text["Đại hội xác định nhiệm vụ trọng tâm và khâu đột phá sau đây:"]
    assert by_text["Những nhiệm vụ trọng tâm:"].parent == by_text["Các khâu đột phá:"].parent == umbrella.id
    assert by_text["I- QUAN ĐIỂM CHỈ ĐẠO"].parent == by_text["Quan điểm được nêu tại Mục I như sau:"].id
    assert by_text["II- MỤC TIÊU"].parent == -1


def test_markdown_headings_with_markers_rank_by_their_marker():
    ps = chunk("## I. QUAN ĐIỂM CHỈ ĐẠO\n\nNội dung.\n\n**II- MỤC TIÊU**\n\n#### 1. Mục tiêu 2030\n\nA.\n\n"
               "**2. Mục tiêu 2035**\n\nB.")
    by_text = {p.text: p for p in ps}
    assert by_text["II- MỤC TIÊU"].parent == -1
    assert by_text["1. Mục tiêu 2030"].parent == by_text["2. Mục tiêu 2035"].parent == by_text["II- MỤC TIÊU"].id


def test_wiki_edit_links_are_dropped():
    assert chunk("Bộ Kế hoạch và Đầu tư[sửa | sửa mã nguồn]")[0].text == "Bộ Kế hoạch và Đầu tư"


# ---- issue 11, item 7: a hard length cap on every passage ----------------------------------------
CLAUSE = ", ".join(f"phát triển lĩnh vực thứ {i} gắn với chuyển đổi số và đổi mới sáng tạo" for i in range(320))


def _pieces_of(passages, first):
    """The passage `first` and the continuation pieces cut from the same line (its children or siblings)."""
    return [p for p in passages if p.id == first.id or (p.start, p.end) == (first.start, first.end)]


def test_a_sentence_without_full_stops_is_cut_at_commas_under_the_hard_cap():
    """A 22,700-character clause was one passage (six Telegram messages for one answer)."""
    from hoidap.index.chunker import HARD_PASSAGE_CHARS

    assert len(CLAUSE) > 22_000 and "." not in CLAUSE
    ps = chunk("Mở đầu.\n\n" + CLAUSE + "\n\nKết thúc.")
    assert all(len(p.text) <= HARD_PASSAGE_CHARS for p in ps)
    body = ps[1:-1]
    assert len(body) >= len(CLAUSE) // HARD_PASSAGE_CHARS
    assert all(p.kind == "paragraph" and p.parent == -1 for p in body)
    assert all(p.text.endswith(",") for p in body[:-1])  # cut after a comma, never inside a word
    assert " ".join(p.text for p in body) == CLAUSE  # nothing lost, nothing repeated
    assert (ps[0].text, ps[-1].text) == ("Mở đầu.", "Kết thúc.")


def test_the_cut_prefers_a_clause_boundary_then_a_comma_then_a_space_then_any_character():
    from hoidap.index.chunker import HARD_PASSAGE_CHARS

    words = " ".join(["chuyển đổi số"] * 2000)
    clauses = "; ".join([", ".join(["kinh tế biển"] * 30)] * 40)
    blob = "x" * 5000
    by_clause, by_word = chunk(clauses), chunk(words)
    for body, text in ((by_clause, clauses), (by_word, words)):
        assert len(body) > 1 and all(len(p.text) <= HARD_PASSAGE_CHARS for p in body)
        assert " ".join(p.text for p in body) == text
    assert all(p.text.endswith(";") for p in by_clause[:-1]), [p.text[-20:] for p in by_clause]
    assert all(set(p.text.split(" ")) <= {"chuyển", "đổi", "số"} for p in by_word)  # whole words only
    cut = chunk(blob)
    full, rest = divmod(len(blob), HARD_PASSAGE_CHARS)
    assert [len(p.text) for p in cut] == [HARD_PASSAGE_CHARS] * full + [rest]  # no boundary at all: cut at the cap


def test_items_and_headings_are_capped_too_and_keep_their_pieces_in_their_subtree():
    from hoidap.index.chunker import HARD_PASSAGE_CHARS

    ps = chunk("Các nhiệm vụ:\n\n(1) " + CLAUSE + "\n\n(2) Nhiệm vụ ngắn.\n\nI. " + CLAUSE + "\n\nĐoạn dưới mục I.")
    assert all(len(p.text) <= HARD_PASSAGE_CHARS for p in ps)
    lead, item = ps[0], ps[1]
    assert (lead.kind, item.kind, item.parent) == ("lead", "item", lead.id)
    item_pieces = _pieces_of(ps, item)[1:]
    assert item_pieces and all(p.kind == "paragraph" and p.parent == item.id for p in item_pieces)
    second = next(p for p in ps if p.text == "(2) Nhiệm vụ ngắn.")
    assert second.kind == "item" and second.parent == lead.id  # the list goes on after the long item
    assert item.subtree_end == second.id and lead.subtree_end > second.id
    heading = next(p for p in ps if p.kind == "heading")
    heading_pieces = _pieces_of(ps, heading)[1:]
    assert heading_pieces and all(p.parent == heading.id for p in heading_pieces)
    last = ps[-1]
    assert last.text == "Đoạn dưới mục I." and last.parent == heading.id and heading.subtree_end == last.id + 1


def test_a_15_mb_line_without_punctuation_is_chunked_in_seconds():
    import random
    import time

    from hoidap.index.chunker import HARD_PASSAGE_CHARS

    rnd = random.Random(0)
    words = "phát triển kinh tế xã hội bền vững chuyển đổi số hạ tầng giao thông nguồn nhân lực".split()
    line = " ".join(rnd.choice(words) for _ in range(3_200_000))
    assert len(line.encode("utf-8")) > 15_000_000
    started = time.monotonic()
    ps = chunk(line)
    took = time.monotonic() - started
    assert took < 30, f"chunking took {took:.1f}s"
    assert all(len(p.text) <= HARD_PASSAGE_CHARS for p in ps)
    assert len(ps) >= len(line) // HARD_PASSAGE_CHARS
    assert ps[0].text.split(" ")[-1] in words and ps[1].text.split(" ")[0] in words  # cut between words
