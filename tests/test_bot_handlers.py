"""The bot's handlers driven in-process: a recording BaseRequest stands in for the Bot API, no network.

A small stand-in pipeline returns fixed answers, which is enough to check routing (private vs
group), access control, validation, buttons and the error path; the end-to-end tests in tests/e2e
run the real pipeline over HTTP.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from hoidap.bot.tghtml import check
from hoidap.index.types import Answer
from tgharness import BOT_NAME, TOKEN, Harness, passage


@pytest.fixture
async def h(tmp_path: Path):
    async with Harness(tmp_path) as harness:
        yield harness


async def test_private_question_gets_card_with_buttons(h: Harness) -> None:
    await h.message("Khâu đột phá là gì?")
    [sent] = h.request.sent()
    assert sent["parse_mode"] == "HTML"
    text = sent["text"]
    assert "<b>Phương hướng › Đột phá</b>" in text
    assert "<blockquote><b>Các khâu đột phá:</b>" in text
    assert "(1) Cải cách &lt;thủ tục&gt; &amp; hành chính." in text and "(3) Nhân lực." in text
    assert "Quận Hai Bà Trưng &lt;2025&gt; · Số hiệu: 12-NQ/QU · Ngày 04/03/2025" in text
    labels = [label for label, _ in h.buttons()]
    assert labels == ["Đoạn khác", "Xem cả mục", "Nguồn", "👍", "👎"]
    assert all(len(data.encode()) <= 64 for _, data in h.buttons())
    assert ("sendChatAction", {"chat_id": 1, "action": "typing"}) in h.request.calls
    assert h.pipeline.questions == ["Khâu đột phá là gì?"]


async def test_not_found_says_so_and_suggests_tailieu(h: Harness) -> None:
    await h.message("Thời tiết hôm nay thế nào?")
    [text] = h.request.texts()
    assert "Không tìm thấy" in text and "/tailieu" in text
    assert "<blockquote>" not in text


async def test_buttons_alt_section_source_feedback(h: Harness) -> None:
    await h.message("Khâu đột phá là gì?")
    data = dict(h.buttons())
    await h.press(data["Đoạn khác"])
    assert "Đoạn liên quan khác (1/1)" in h.request.texts()[-1]
    assert "Một đoạn khác." in h.request.texts()[-1]
    assert "Đoạn khác" not in dict(h.buttons())  # no third passage
    await h.press(data["Xem cả mục"])
    assert "Toàn bộ mục" in h.request.texts()[-1] and "Hết mục." in h.request.texts()[-1]
    await h.press(data["Nguồn"])
    assert "Số hiệu: 12-NQ/QU" in h.request.texts()[-1] and "Tệp: hbt.txt" in h.request.texts()[-1]
    await h.press(data["👎"])
    await h.press(data["👍"])  # a second press replaces the first
    stats = h.store.stats()
    assert (stats.thumbs_up, stats.thumbs_down) == (1, 0)
    answers = h.request.sent("answerCallbackQuery")
    assert answers[-1]["text"] == "Cảm ơn bạn đã góp ý!"


async def test_unknown_stale_or_old_style_buttons_do_nothing(h: Harness) -> None:
    await h.press("alt:999:1")  # the first release's sequential ids: no longer honoured
    await h.press("garbage")
    await h.press("alt:AAAAAAAAAAAAAAAA:1")  # well formed, never issued
    assert h.request.alerts() == ["Câu trả lời này đã cũ, không còn lưu. Bạn hãy hỏi lại nhé."] * 3
    assert h.request.sent() == []


async def test_group_ignores_chatter_answers_mention_reply_and_hoi(h: Harness) -> None:
    await h.message("Khâu đột phá là gì?", user=2, chat=-100, chat_type="group")
    assert h.request.sent() == [] and h.pipeline.questions == []
    await h.message(f"@{BOT_NAME.lower()} khâu đột phá là gì?", user=2, chat=-100, chat_type="supergroup")
    await h.message("còn khâu đột phá?", user=2, chat=-100, chat_type="group", reply_to_bot=True)
    await h.message(f"/hoi@{BOT_NAME} khâu đột phá là gì?", user=2, chat=-100, chat_type="group")
    assert h.pipeline.questions == ["khâu đột phá là gì?", "còn khâu đột phá?", "khâu đột phá là gì?"]
    sent = h.request.sent()
    assert len(sent) == 3
    assert all(s["reply_parameters"]["message_id"] for s in sent)  # answers quote the asker in groups


async def test_hoi_without_question_explains(h: Harness) -> None:
    await h.message("/hoi")
    assert "/hoi Các khâu đột phá là gì?" in h.request.texts()[-1]
    assert h.pipeline.questions == []


@pytest.mark.parametrize(
    ("extra", "text", "expected"),
    [
        ({}, "   ", "Bạn hãy gõ câu hỏi"),
        ({}, "🙂🎉👍", "chỉ hiểu câu hỏi bằng chữ"),
        ({}, "a" * 1001, "Câu hỏi dài quá (1001 ký tự, tối đa 1000)"),
        (
            {
                "sticker": {
                    "file_id": "s",
                    "file_unique_id": "s",
                    "width": 1,
                    "height": 1,
                    "is_animated": False,
                    "is_video": False,
                    "type": "regular",
                }
            },
            None,
            "chỉ đọc được tin nhắn chữ",
        ),
        ({"photo": [{"file_id": "p", "file_unique_id": "p", "width": 1, "height": 1}]}, None, "tin nhắn chữ"),
        ({"voice": {"file_id": "v", "file_unique_id": "v", "duration": 1}}, None, "tin nhắn thoại"),
    ],
)
async def test_unusable_messages_get_helpful_reply(
    h: Harness, extra: dict, text: str | None, expected: str
) -> None:
    await h.message(text, **extra)
    [reply] = h.request.texts()
    assert expected in reply
    assert h.pipeline.questions == []


async def test_not_allowed_user_refused_once_and_sees_nothing(tmp_path: Path) -> None:
    async with Harness(tmp_path, allowed_users=frozenset({1})) as h:
        await h.message("Khâu đột phá là gì?", user=2)
        await h.message("Khâu đột phá là gì?", user=2)
        await h.message("/tailieu", user=2)
        await h.press("src:1:0", user=2)
        texts = h.request.texts()
        assert len(texts) == 1 and "chưa có quyền" in texts[0]
        assert h.request.sent("answerCallbackQuery")[-1]["show_alert"] is True
        assert h.pipeline.questions == []
        await h.message("Khâu đột phá là gì?", user=1)
        assert h.pipeline.questions == ["Khâu đột phá là gì?"]


async def test_allowed_chat_lets_its_members_in(tmp_path: Path) -> None:
    async with Harness(tmp_path, allowed_users=frozenset({1}), allowed_chats=frozenset({-100})) as h:
        await h.message("/hoi khâu đột phá?", user=5, chat=-100, chat_type="group")
        assert h.pipeline.questions == ["khâu đột phá?"]


async def test_rate_limit_is_friendly(tmp_path: Path) -> None:
    async with Harness(tmp_path, rate_limit_per_minute=2) as h:
        for _ in range(3):
            await h.message("Khâu đột phá là gì?")
        assert len(h.pipeline.questions) == 2
        assert "Bạn hỏi nhanh quá" in h.request.texts()[-1]


async def test_admin_commands(tmp_path: Path) -> None:
    async with Harness(tmp_path, admin_users=frozenset({9})) as h:
        await h.message("/reload", user=1)
        await h.message("/stats", user=1)
        assert h.request.texts() == ["Lệnh này chỉ dành cho quản trị viên."] * 2
        assert h.pipeline.reloaded == 0
        await h.message("Khâu đột phá là gì?", user=1)
        await h.message("/reload", user=9)
        assert h.pipeline.reloaded == 1 and h.request.texts()[-1] == "Đã nạp chỉ mục mới."
        await h.message("/stats", user=9)
        stats = h.request.texts()[-1]
        assert "Câu hỏi: 1" in stats and "Trả lời được: 1" in stats and "p50" in stats
        await h.message("/stats", user=9, chat=-100123, chat_type="supergroup")
        assert h.request.texts()[-1] == "Thống kê chỉ xem được trong tin nhắn riêng với bot."


async def test_commands_registered_in_vietnamese(tmp_path: Path) -> None:
    async with Harness(tmp_path, admin_users=frozenset({9})) as h:
        calls = h.request.sent("setMyCommands")
        default = json.loads(json.dumps(calls[0]["commands"]))
        names = [c["command"] for c in default]
        assert names == ["start", "help", "hoi", "tailieu", "ontap", "quiz", "ketqua", "nguon"]
        admin = [c["command"] for c in calls[1]["commands"]]
        assert "reload" in admin and "baocao" in admin
        assert calls[1]["scope"] == {"type": "chat", "chat_id": 9}


async def test_start_help_tailieu_nguon(h: Harness) -> None:
    await h.message("/start")
    assert "Xin chào" in h.request.texts()[-1]
    samples = h.buttons()
    assert len(samples) == 3 and samples[0][1].startswith("ask:") and samples[0][1].endswith(":0")
    await h.press(samples[0][1])  # "Các khâu đột phá là gì?"
    assert "<blockquote>" in h.request.texts()[-1]
    await h.message("/help")
    assert f"@{BOT_NAME}" in h.request.texts()[-1]
    await h.message("/tailieu")
    docs = h.request.texts()[-1]
    assert docs.index("Quận Hai Bà Trưng") < docs.index("Dân vận") and "04/03/2025" in docs  # newest first
    await h.message("/nguon")
    assert "Số hiệu: 12-NQ/QU" in h.request.texts()[-1]


async def test_nguon_without_history(h: Harness) -> None:
    await h.message("/nguon")
    assert "chưa có câu trả lời" in h.request.texts()[-1]


async def test_typing_failure_does_not_break_answer(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        h.request.fail.add("sendChatAction")
        await h.message("Khâu đột phá là gì?")
        assert "<blockquote>" in h.request.texts()[-1]


async def test_pipeline_error_is_logged_without_token_and_bot_keeps_running(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from hoidap.bot.app import protect_logs

    async with Harness(tmp_path) as h:
        protect_logs(h.settings)
        h.pipeline.fail = True
        await h.message("Khâu đột phá là gì?")
        assert "lỗi" in h.request.texts()[-1]
        h.pipeline.fail = False
        await h.message("Khâu đột phá là gì?")
        assert "<blockquote>" in h.request.texts()[-1]
    assert "boom" in caplog.text
    assert TOKEN not in caplog.text


async def test_long_answer_is_split_into_valid_parts(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        long_text = "\n".join(f"({i}) Nội dung <mục> & chi tiết số {i}. " * 3 for i in range(200))
        h.pipeline.answer = lambda q, k=None: Answer(
            q, True, long_text, [passage(long_text, highlights=[(0, 9000)])]
        )
        await h.message("dài")
        sent = h.request.sent()
        assert len(sent) > 1
        assert all(s.get("reply_markup") is None for s in sent[:-1]) and sent[-1]["reply_markup"]
        joined = "".join(check(s["text"]) for s in sent)
        assert joined.count("Nội dung <mục> & chi tiết") == 600


async def test_concurrent_questions_all_answered(h: Harness) -> None:
    await asyncio.gather(*(h.message("Khâu đột phá là gì?", user=u) for u in range(100, 120)))
    chats = sorted(s["chat_id"] for s in h.request.sent())
    assert chats == list(range(100, 120))
