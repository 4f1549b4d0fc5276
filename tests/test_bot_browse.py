"""Browsing (/tailieu → outline → section), in-process through the real Application.

Navigation edits the one message in place; every page is checked by the recording request like
Telegram would (valid HTML, under 4096 characters, callback data under 64 bytes).
"""

from __future__ import annotations

from pathlib import Path

from hoidap.bot.tghtml import check
from tgharness import FakePipeline, Harness


def edits(h: Harness) -> list[dict]:
    return h.request.sent("editMessageText")


def page(h: Harness) -> tuple[str, dict[str, str]]:
    last = edits(h)[-1]
    buttons = {b["text"]: b["callback_data"] for row in last["reply_markup"]["inline_keyboard"] for b in row}
    return check(last["text"]), buttons


async def test_the_list_is_paged_newest_first_with_numbers_and_dates(tmp_path: Path) -> None:
    async with Harness(tmp_path, FakePipeline(extra_docs=12)) as h:
        await h.message("/tailieu")
        first = check(h.request.texts()[-1])
        assert first.startswith("Tài liệu đang có (14), mới nhất trước · trang 1/2")
        lines = first.split("\n")[1:]
        assert lines[0] == "1. Quận Hai Bà Trưng <2025> (12-NQ/QU, 04/03/2025)"
        assert lines[1] == "2. Thông báo số 11 (11-TB, 12/01/2023)" and len(lines) == 8
        labels = [label for label, _ in h.buttons()]
        assert labels[:2] == ["1. Quận Hai Bà Trưng <2025>", "2. Thông báo số 11"] and labels[-1] == "Sau ›"
        await h.press(dict(h.buttons())["Sau ›"], message_id=77)
        text, buttons = page(h)
        assert edits(h)[-1]["message_id"] == 77 and text.startswith("Tài liệu đang có (14), mới nhất trước · trang 2/2")
        assert text.split("\n")[-1] == "14. Dân vận (5-NQ/TW)"  # undated last
        assert "‹ Trước" in buttons and "Sau ›" not in buttons


async def test_outline_then_a_section_quoted_whole_then_next_and_back(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        await h.message("/tailieu")
        await h.press(dict(h.buttons())["1. Quận Hai Bà Trưng <2025>"], message_id=42)
        text, buttons = page(h)
        assert text.startswith("📄 Quận Hai Bà Trưng <2025>\nSố hiệu: 12-NQ/QU · Ngày 04/03/2025")
        assert "Mục lục · trang 1/1\n1. Phương hướng\n   2. Các khâu đột phá:\n3. Khác" in text
        assert list(buttons) == ["1. Phương hướng", "2. Các khâu đột phá:", "3. Khác", "⬆ Danh sách"]
        await h.press(buttons["2. Các khâu đột phá:"], message_id=42)
        text, buttons = page(h)
        assert text == (
            "Mục 2/3\nPhương hướng\nCác khâu đột phá:\n(1) Cải cách <thủ tục> & hành chính.\n"
            "(2) Hạ tầng *giao thông*.\n(3) Nhân lực.\n"
            "📄 Quận Hai Bà Trưng <2025> · Số hiệu: 12-NQ/QU · Ngày 04/03/2025"
        )
        assert list(buttons) == ["‹ Trước", "Sau ›", "⬆ Mục lục"]
        await h.press(buttons["Sau ›"], message_id=42)
        assert page(h)[0].startswith("Mục 3/3\nKhác\nMột đoạn khác.")
        assert "Sau ›" not in page(h)[1]
        await h.press(page(h)[1]["⬆ Mục lục"], message_id=42)
        assert "Mục lục" in page(h)[0]
        await h.press(page(h)[1]["⬆ Danh sách"], message_id=42)
        assert page(h)[0].startswith("Tài liệu đang có (2)")
        assert {e["message_id"] for e in edits(h)} == {42} and len(h.request.sent()) == 1  # one message, edited


async def test_a_section_longer_than_a_message_is_read_in_parts(tmp_path: Path) -> None:
    async with Harness(tmp_path, FakePipeline(long_section=True)) as h:
        await h.message("/tailieu")
        await h.press(dict(h.buttons())["2. Dân vận"])
        await h.press(page(h)[1]["2. II. NHIỆM VỤ DÀI"])
        text, buttons = page(h)
        assert text.startswith("Mục 2/2\nII. NHIỆM VỤ DÀI\nCâu thứ 0 của mục")  # the heading is not a page alone
        parts = int(text.rsplit("/", 1)[1])
        assert parts >= 4 and text.endswith(f"phần 1/{parts}")
        seen = [text]
        while "Sau ›" in buttons:
            await h.press(buttons["Sau ›"])
            text, buttons = page(h)
            seen.append(text)
        assert len(seen) == parts and seen[-1].endswith(f"phần {parts}/{parts}") and "📄 Dân vận" in seen[-1]
        whole = " ".join(s.rsplit("\n", 1)[0] for s in seen)
        assert all(f"Câu thứ {i} của mục rất dài" in whole for i in range(180))
        await h.press(buttons["‹ Trước"])
        assert page(h)[0].endswith(f"phần {parts - 1}/{parts}")


async def test_browse_buttons_are_bound_to_their_chat_and_index_version(tmp_path: Path) -> None:
    pipeline = FakePipeline()
    async with Harness(tmp_path, pipeline) as h:
        await h.message("/tailieu", user=1)
        doc = dict(h.buttons())["1. Quận Hai Bà Trưng <2025>"]
        await h.press(doc, user=2)  # another chat
        assert h.request.alerts()[-1] == "Câu trả lời này đã cũ, không còn lưu. Bạn hãy hỏi lại nhé."
        pipeline.version = "v-test-2"
        await h.press(doc, user=1)
        assert h.request.alerts()[-1] == "Thư viện vừa được cập nhật; gõ /tailieu để xem lại."
        assert edits(h) == []
