"""Answer cards and lists: structure, escaping of document text, dates, Vietnamese sorting."""

from __future__ import annotations

import pytest
from hoidap.bot.browse import list_page
from hoidap.bot.format import (
    answer_card,
    document_line,
    format_date,
    highlighted,
    not_found,
    sources_list,
)
from hoidap.bot.library import Library
from hoidap.bot.tghtml import check
from hoidap.index.text import vietnamese_sort_key
from hoidap.index.types import AnswerPassage, DocumentInfo


def make(text: str, **kw: object) -> AnswerPassage:
    base: dict = {"doc": "d.txt", "title": "T", "section": "A › B", "text": text, "score": 1.0}
    base.update(kw)
    return AnswerPassage(**base)


def test_card_layout() -> None:
    card = answer_card(make("Câu một. Câu hai.", highlights=[(9, 17)], number="57-NQ/TW", date="2024-12-22"))
    lines = card.split("\n")
    assert lines[0] == "<b>A › B</b>"
    assert lines[1] == "<blockquote>Câu một. <b>Câu hai.</b></blockquote>"
    assert lines[2] == "📄 T · Số hiệu: 57-NQ/TW · Ngày 22/12/2024"
    check(card)


@pytest.mark.parametrize(
    "nasty", ["a < b & c > d", "**đậm** _nghiêng_ `mã`", "<b>giả</b> &amp; &#x41;", "\"q\" 's'"]
)
def test_document_text_renders_as_written(nasty: str) -> None:
    p = make(nasty, title=nasty, section=nasty, number=nasty, highlights=[(0, 3)])
    card = answer_card(p)
    plain = check(card)  # valid Telegram HTML
    assert plain.count(nasty) == 4  # section, quote, title, số hiệu
    assert nasty in check(sources_list([p]))
    assert check(document_line(DocumentInfo("x", nasty, number=nasty))).count(nasty) == 2
    html, _markup = list_page([DocumentInfo("x", nasty, number=nasty)], "preview-0000000a", 0)
    assert nasty in check(html)


def test_multiline_list_kept_whole_and_highlights_merged() -> None:
    text = "Các khâu đột phá:\n(1) Một.\n(2) Hai.\n(3) Ba."
    out = highlighted(text, [(18, 26), (20, 30), (-5, 2), (40, 100), (5, 5)])
    assert check(out) == text
    assert out.count("<b>") == 3  # (-5,2)->(0,2); (18,26)+(20,30) merged; (40,100) clipped; (5,5) dropped


def test_no_section_no_metadata() -> None:
    card = answer_card(make("x", section="", title="", number=None, date=None))
    assert card == "<blockquote>x</blockquote>\n📄 d.txt"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("2024-12-22", "22/12/2024"),
        ("2024-1-2", "02/01/2024"),
        ("2024-03", "03/2024"),
        ("2024", "2024"),
        ("2024-12-22T10:00:00", "22/12/2024"),
        ("tháng 5", "tháng 5"),
        (None, ""),
        ("", ""),
    ],
)
def test_format_date(raw: str | None, shown: str) -> None:
    assert format_date(raw) == shown


def test_not_found_points_to_tailieu() -> None:
    text = check(not_found())
    assert "Không tìm thấy" in text and "/tailieu" in text


def test_not_found_names_an_absent_document_escaped() -> None:
    html_text = not_found(True, "Kho tài liệu không có Nghị quyết <59>.")
    assert html_text.startswith("Kho tài liệu không có Nghị quyết &lt;59&gt;.")
    text = check(html_text)  # what Telegram shows
    assert text.startswith("Kho tài liệu không có Nghị quyết <59>.") and "/tailieu" in text
    assert "Không tìm thấy" not in text


def test_vietnamese_sort() -> None:
    words = ["Đoàn", "dân", "Ấp", "an", "Ă", "bình", "Dân", "đảng", "e", "Ê", "ả"]
    ordered = sorted(words, key=vietnamese_sort_key)
    assert ordered.index("dân") < ordered.index("đảng") < ordered.index("e")
    assert ordered.index("Đoàn") < ordered.index("e")
    assert ordered.index("an") < ordered.index("Ă") < ordered.index("Ấp") < ordered.index("bình")


def test_document_list_newest_first_then_undated_in_vietnamese_order() -> None:
    docs = {
        "3": DocumentInfo("3", "Đề án"),
        "1": DocumentInfo("1", "Nghị quyết 57", number="57-NQ/TW", date="2024-12-22"),
        "4": DocumentInfo("4", "Kết luận 127", date="2025-02-14"),
        "2": DocumentInfo("2", "Dự thảo"),
    }
    html, _markup = list_page(Library("v", docs, []).newest_first, "preview-0000000a", 0)
    text = check(html)
    assert text.index("Kết luận 127") < text.index("Nghị quyết 57") < text.index("Dự thảo") < text.index("Đề án")
    assert "2. Nghị quyết 57 (57-NQ/TW, 22/12/2024)" in text and "4. Đề án" in text


def test_preview_page_embeds_the_messages_and_buttons() -> None:
    from hoidap.bot.handlers import keyboard
    from hoidap.bot.preview import page

    p = make("a < b", highlights=[(0, 1)], expandable=True, passage_ids=[1])
    out = page("hỏi <x>?", [(answer_card(p), keyboard("preview-0000000a", 0, [p]))])
    assert "hỏi &lt;x&gt;?" in out and "<b>a</b> &lt; b" in out
    assert "<span>Xem cả mục</span>" in out and "<span>👍</span>" in out
