"""The access gate, button routing and tokens, and the per-user/per-group limits (issue 11, items 15-16).

In-process through the real Application: every update goes through the gate registered by
``build_application`` and the recording request rejects what Telegram would.
"""

from __future__ import annotations

from pathlib import Path

from hoidap.bot import callbacks as cb
from hoidap.bot.gate import Gate
from hoidap.bot.tghtml import check
from telegram.ext import CallbackQueryHandler, TypeHandler
from tgharness import Harness

EXPIRED = "Câu trả lời này đã cũ, không còn lưu. Bạn hãy hỏi lại nhé."


async def test_one_gate_runs_before_every_handler_and_one_handler_per_action(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        groups = h.app.handlers
        [gate] = groups[-1]
        assert isinstance(gate, TypeHandler) and isinstance(gate.callback, Gate)
        assert min(groups) == -1 and all(g >= 0 for g in groups if g != -1)
        patterns = {
            handler.pattern.pattern
            for handler in groups[0]
            if isinstance(handler, CallbackQueryHandler) and handler.pattern is not None
        }
        assert patterns == {cb.pattern(action).pattern for action in cb.ARITY}


async def test_a_user_who_is_not_admitted_reaches_no_handler(tmp_path: Path) -> None:
    async with Harness(tmp_path, allowed_users=frozenset({1})) as h:
        await h.message("Khâu đột phá là gì?")  # user 1: allowed
        token_button = dict(h.buttons())["Đoạn khác"]
        sent = len(h.request.sent())
        for text in ("Khâu đột phá là gì?", "/tailieu", "/ontap", "/quiz", "/ketqua", "/nguon", "/baocao"):
            await h.message(text, user=2)
        await h.press(token_button, user=2)
        texts = h.request.texts()[sent:]
        assert len(texts) == 1 and "chưa có quyền" in texts[0]  # one polite refusal, then silence
        assert h.request.alerts()[-1] and "chưa có quyền" in h.request.alerts()[-1]
        assert h.pipeline.questions == ["Khâu đột phá là gì?"] and h.quizzes == []


async def test_group_chatter_of_a_stranger_gets_no_refusal(tmp_path: Path) -> None:
    async with Harness(tmp_path, allowed_users=frozenset({1})) as h:
        await h.message("chào cả nhà", user=2, chat=-100, chat_type="group")
        assert h.request.sent() == []
        await h.message("/hoi khâu đột phá?", user=2, chat=-100, chat_type="group")
        assert len(h.request.sent()) == 1 and "chưa có quyền" in h.request.texts()[0]


async def test_a_button_acts_only_in_the_chat_of_its_question(tmp_path: Path) -> None:
    """Item 15: a member allowed only in a group replays the token of someone's private question."""
    async with Harness(tmp_path, allowed_users=frozenset({1}), allowed_chats=frozenset({-100})) as h:
        await h.message("Khâu đột phá là gì?", user=1)  # a private question
        private = dict(h.buttons())
        sent = len(h.request.sent())
        for label in ("Đoạn khác", "Xem cả mục", "Nguồn", "👍", "👎"):
            await h.press(private[label], user=5, chat=-100)
        assert len(h.request.sent()) == sent  # nothing of the private answer was posted in the group
        assert h.request.alerts()[-5:] == [EXPIRED] * 5
        assert h.store.stats().thumbs_up == h.store.stats().thumbs_down == 0
        for data in ("alt:1:1", "fb:1:1", "src:1:0", "alt:99999999999999999999:0", f"alt:{'A' * 16}:99999999"):
            await h.press(data, user=5, chat=-100)
        assert h.request.alerts()[-5:] == [EXPIRED] * 5
        assert not any("lỗi" in check(t) for t in h.request.texts())  # no OverflowError reached the error path


async def test_only_the_asker_can_rate_an_answer(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        await h.message("/hoi khâu đột phá?", user=1, chat=-100, chat_type="group")
        buttons = dict(h.buttons())
        await h.press(buttons["👎"], user=2, chat=-100)
        assert h.request.alerts()[-1] == "Chỉ người đặt câu hỏi mới góp ý được cho câu trả lời này."
        await h.press(buttons["👍"], user=1, chat=-100)
        assert (h.store.stats().thumbs_up, h.store.stats().thumbs_down) == (1, 0)
        await h.press(buttons["Nguồn"], user=2, chat=-100)  # any member may read the source
        assert "Tệp: hbt.txt" in h.request.texts()[-1]


async def test_every_callback_data_is_short_and_tokens_are_unguessable(tmp_path: Path) -> None:
    async with Harness(tmp_path) as h:
        for n in range(5):
            await h.message(f"Khâu đột phá {n}?")
        tokens = {cb.parse(data).token for _label, data in h.buttons(0)} | {
            cb.parse(data).token for _label, data in h.buttons(-1)}
        assert len(tokens) == 2 and all(len(t) == 16 for t in tokens)
        all_data = [b["callback_data"] for p in h.request.sent() for row in p["reply_markup"]["inline_keyboard"]
                    for b in row]
        assert all(len(d.encode()) <= 64 and cb.parse(d) is not None for d in all_data)


async def test_one_member_pressing_a_button_over_and_over_cannot_flood_the_group(tmp_path: Path) -> None:
    """Item 16: "Xem cả mục" pressed 30 times by one member; the others can still ask."""
    async with Harness(tmp_path, member_limit_per_minute=4, group_limit_per_minute=10) as h:
        await h.message("/hoi khâu đột phá?", user=5, chat=-100, chat_type="group")
        section = dict(h.buttons())["Xem cả mục"]
        for _ in range(30):
            await h.press(section, user=5, chat=-100)
        to_group = [p for p in h.request.sent() if p["chat_id"] == -100]
        assert len(to_group) == 4  # the question and three sections: the member's budget
        assert "chờ khoảng" in h.request.alerts()[-1]  # told in an alert, nothing posted
        await h.message("/hoi khâu đột phá?", user=6, chat=-100, chat_type="group")
        assert "<blockquote>" in h.request.texts()[-1]  # another member is still answered
        for _ in range(10):
            await h.message("/tailieu", user=5, chat=-100, chat_type="group")
        to_group = [p for p in h.request.sent() if p["chat_id"] == -100]
        assert len(to_group) == 6 and "chờ khoảng" in to_group[-1]["text"]  # commands too; one warning


async def test_the_group_budget_caps_all_members_together(tmp_path: Path) -> None:
    async with Harness(tmp_path, member_limit_per_minute=5, group_limit_per_minute=6) as h:
        for user in range(10, 20):
            await h.message("/tailieu", user=user, chat=-100, chat_type="group")
        to_group = [p for p in h.request.sent() if p["chat_id"] == -100]
        assert len([p for p in to_group if "Tài liệu đang có" in p["text"]]) == 6
        assert all("chờ khoảng" in p["text"] for p in to_group[6:])  # each refused member told once


async def test_private_actions_are_limited_per_user(tmp_path: Path) -> None:
    async with Harness(tmp_path, action_limit_per_minute=3) as h:
        for _ in range(6):
            await h.message("/tailieu")
        texts = h.request.texts()
        assert len(texts) == 4 and "chờ khoảng" in texts[-1]  # three lists, one warning, then silence
