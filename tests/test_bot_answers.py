"""Answer tiers as the bot renders them, and answers stored as references re-read from the index.

In-process through the real Application (tgharness); the stand-in pipeline serves real passages.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from hoidap.bot.tghtml import check
from hoidap.index.types import HEDGE, Answer
from tgharness import VERSION, FakePipeline, Harness, passage

CHANGED = "Tài liệu đã được cập nhật sau câu trả lời này; bạn hãy hỏi lại nhé."


async def test_high_tier_is_the_card_without_hedge(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        await h.message("Khâu đột phá là gì?")
        [text] = h.request.texts()
        assert HEDGE not in check(text) and text.startswith("<b>Phương hướng › Đột phá</b>")
        assert [label for label, _ in h.buttons()] == ["Đoạn khác", "Xem cả mục", "Nguồn", "👍", "👎"]


async def test_medium_tier_is_the_same_card_under_the_hedge(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        await h.message("Khâu đột phá chắc là gì?")
        [text] = h.request.texts()
        assert text.startswith(f"<i>{HEDGE}</i>\n<b>Phương hướng › Đột phá</b>")
        assert "(3) Nhân lực." in text
        assert [label for label, _ in h.buttons()] == ["Đoạn khác", "Xem cả mục", "Nguồn", "👍", "👎"]


async def test_no_answer_offers_the_nearby_sections_which_open_whole(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        await h.message("Có gợi ý nào về thời tiết?")
        [text] = h.request.texts()
        assert "Không tìm thấy nội dung này trong tài liệu." in text and "Có thể bạn muốn xem các mục:" in text
        assert "<blockquote>" not in text
        buttons = h.buttons()
        assert [label for label, _ in buttons] == [
            "📖 Các khâu đột phá: — Quận Hai Bà Trưng <2025>", "📖 I. MỤC TIÊU — Dân vận", "👍", "👎"]
        await h.press(buttons[0][1])
        opened = check(h.request.texts()[-1])
        assert opened.startswith("Toàn bộ mục\nPhương hướng\nCác khâu đột phá:\n(1) Cải cách <thủ tục> & hành chính.")
        assert "(3) Nhân lực." in opened and "Hết mục." not in opened  # that section, not its parent
        assert "Quận Hai Bà Trưng <2025> · Số hiệu: 12-NQ/QU · Ngày 04/03/2025" in opened
        await h.press(buttons[1][1])
        assert "Dân vận khéo thì việc gì cũng thành công." in check(h.request.texts()[-1])


async def test_no_answer_without_suggestions_has_only_feedback(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        await h.message("Thời tiết hôm nay thế nào?")
        assert "Có thể bạn muốn xem" not in h.request.texts()[-1]
        assert [label for label, _ in h.buttons()] == ["👍", "👎"]


async def test_other_passage_offers_exactly_what_the_pipeline_chose(tmp_path: Path) -> None:
    pipeline = FakePipeline()
    async with Harness(tmp_path, pipeline) as h:
        main = passage()
        ranked = [main, passage("Không được đưa ra.", passage_ids=[9]), passage("Cũng không.", passage_ids=[5])]
        pipeline.answer = lambda q, k=None: Answer(q, True, main.text, [main], tier="high", ranked=ranked)  # type: ignore[method-assign]
        await h.message("đột phá")
        assert "Đoạn khác" not in dict(h.buttons())  # ranked units are never offered


async def test_answers_are_stored_as_references_and_re_read_from_the_index(tmp_path: Path) -> None:
    pipeline = FakePipeline()
    long_text = "Nội dung dài <a> & b. " * 600  # ~13 KB, like a long list quoted whole
    async with Harness(tmp_path, pipeline) as h:
        main = passage(long_text, passage_ids=[1, 2, 3, 4])
        alt = passage("Một đoạn khác.", passage_ids=[7], expandable=False, highlights=[])
        pipeline.answer = lambda q, k=None: Answer(q, True, long_text, [main, alt], tier="high")  # type: ignore[method-assign]
        await h.message("đột phá")
        row = sqlite3.connect(h.settings.db_path).execute("SELECT passages FROM questions").fetchone()[0]
        assert len(row.encode()) < 1000 and "Nội dung dài" not in row
        assert [r["passage_ids"] for r in json.loads(row)] == [[1, 2, 3, 4], [7]]
        data = dict(h.buttons())
        await h.press(data["Đoạn khác"])
        assert "Một đoạn khác." in check(h.request.texts()[-1])  # re-read from the served version
        await h.message("/nguon")
        assert "Quận Hai Bà Trưng &lt;2025&gt;" in h.request.texts()[-1]


async def test_buttons_of_an_answer_from_an_older_index_say_so(tmp_path: Path) -> None:
    pipeline = FakePipeline()
    async with Harness(tmp_path, pipeline) as h:
        await h.message("Khâu đột phá là gì?")
        card = dict(h.buttons())
        await h.message("Có gợi ý nào?")
        suggestion = h.buttons()[0][1]
        sent = len(h.request.sent())
        pipeline.version = "v-test-2"  # re-indexed since
        await h.press(card["Đoạn khác"])
        await h.press(suggestion)
        await h.press(card["Xem cả mục"])
        assert h.request.alerts()[:2] == [CHANGED, CHANGED]
        assert h.request.texts()[sent:] == ["Không có mục lớn hơn để hiển thị."]  # "Xem cả mục" refuses too
        await h.press(card["Nguồn"])  # needs no quote: still works
        assert "Tệp: hbt.txt" in h.request.texts()[-1]
    assert VERSION != "v-test-2"
