"""The bot's handlers driven in-process: a recording BaseRequest stands in for the Bot API, no network.

A small stand-in pipeline returns fixed answers, which is enough to check routing (private vs
group), access control, validation, buttons and the error path; the end-to-end tests in tests/e2e
run the real pipeline over HTTP.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import pytest
from hoidap.bot.app import build_application
from hoidap.bot.store import Store
from hoidap.bot.tghtml import check, utf16_len
from hoidap.index.types import Answer, AnswerPassage, DocumentInfo
from telegram import Update
from telegram.request import BaseRequest, RequestData

from hoidap.settings import Settings

TOKEN = "123456:TEST-token-never-logged"
BOT_ID = 666
BOT_NAME = "HoiDapTestBot"


class RecordingRequest(BaseRequest):
    """Answers every Bot API call locally and records it; enforces Telegram's limits like the real server."""

    read_timeout = None

    def __init__(self, fail: set[str] | None = None) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.fail = fail or set()
        self.message_id = 1000

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None, **kw: Any):
        name = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        self.calls.append((name, params))
        if name in self.fail:
            return 400, _err("Bad Request: simulated failure")
        if name == "getMe":
            result: Any = {"id": BOT_ID, "is_bot": True, "first_name": "Hỏi đáp", "username": BOT_NAME}
        elif name in ("sendMessage", "editMessageText"):
            text = params.get("text", "")
            try:
                plain = check(text) if params.get("parse_mode") == "HTML" else text
            except ValueError as e:
                return 400, _err(str(e))
            if utf16_len(plain) > 4096:
                return 400, _err("Bad Request: message is too long")
            for row in (params.get("reply_markup") or {}).get("inline_keyboard", []):
                for button in row:
                    if len(button.get("callback_data", "").encode()) > 64:
                        return 400, _err("Bad Request: BUTTON_DATA_INVALID")
            self.message_id += 1
            result = {
                "message_id": self.message_id,
                "date": int(time.time()),
                "chat": {"id": params["chat_id"], "type": "private"},
                "text": plain,
            }
        else:
            result = True
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        return [p for m, p in self.calls if m == method]

    def texts(self) -> list[str]:
        return [p["text"] for p in self.sent()]


def _err(description: str) -> bytes:
    return json.dumps({"ok": False, "error_code": 400, "description": description}).encode()


LIST_TEXT = (
    "Các khâu đột phá:\n(1) Cải cách <thủ tục> & hành chính.\n(2) Hạ tầng *giao thông*.\n(3) Nhân lực."
)


def passage(text: str = LIST_TEXT, **kw: Any) -> AnswerPassage:
    base: dict[str, Any] = {
        "doc": "hbt.txt",
        "title": "Quận Hai Bà Trưng <2025>",
        "section": "Phương hướng › Đột phá",
        "text": text,
        "score": 0.9,
        "date": "2025-03-04",
        "number": "12-NQ/QU",
        "passage_ids": [7, 8, 9, 10],
        "highlights": [(0, 17)],
        "expandable": True,
    }
    base.update(kw)
    return AnswerPassage(**base)


class FakePipeline:
    """Implements hoidap.bot.service.AnswerService with canned data."""

    def __init__(self) -> None:
        self.questions: list[str] = []
        self.reloaded = 0
        self.fail = False

    def answer(self, question: str, k: int | None = None) -> Answer:
        self.questions.append(question)
        if self.fail:
            raise RuntimeError(f"boom with {TOKEN}")
        if "đột phá" in question.lower():
            alt = passage("Một đoạn khác.", section="Khác", passage_ids=[20], expandable=False, highlights=[])
            return Answer(question, True, LIST_TEXT, [passage(), alt], confidence=0.9)
        return Answer(question, False, "Không tìm thấy nội dung này trong tài liệu.", [])

    def section(self, passage_id: int, index_version: str | None = None) -> AnswerPassage:
        return passage("Phương hướng\n" + LIST_TEXT + "\nHết mục.", section="Phương hướng", highlights=[])

    def documents(self) -> list[DocumentInfo]:
        return [
            DocumentInfo("b.txt", "Đảng bộ quận", date="2024-01-02"),
            DocumentInfo("a.txt", "Dân vận", number="5-NQ/TW"),
        ]

    def document(self, doc_id: str) -> DocumentInfo | None:
        return DocumentInfo(doc_id, "Quận Hai Bà Trưng <2025>", number="12-NQ/QU", date="2025-03-04")

    def reload(self) -> bool:
        self.reloaded += 1
        return True


class Harness:
    def __init__(self, tmp_path: Path, **settings: Any) -> None:
        self.settings = Settings(telegram_bot_token=TOKEN, db_path=tmp_path / "bot.sqlite3", **settings)
        self.pipeline = FakePipeline()
        self.request = RecordingRequest()
        self.store = Store(self.settings.db_path)
        self.app = build_application(
            self.settings,
            self.pipeline,
            store=self.store,
            request=self.request,
            get_updates_request=RecordingRequest(),
        )
        self.update_id = 0

    async def __aenter__(self) -> Harness:
        await self.app.initialize()
        if self.app.post_init:
            await self.app.post_init(self.app)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.app.shutdown()

    async def send(self, data: dict[str, Any]) -> None:
        self.update_id += 1
        await self.app.process_update(Update.de_json({"update_id": self.update_id, **data}, self.app.bot))

    async def message(
        self,
        text: str | None,
        user: int = 1,
        chat: int | None = None,
        chat_type: str = "private",
        reply_to_bot: bool = False,
        **extra: Any,
    ) -> None:
        msg: dict[str, Any] = {
            "message_id": self.update_id + 1,
            "date": int(time.time()),
            "chat": {"id": chat if chat is not None else user, "type": chat_type},
            "from": {"id": user, "is_bot": False, "first_name": "Người dùng"},
            **extra,
        }
        if text is not None:
            msg["text"] = text
            if text.startswith("/"):
                msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if reply_to_bot:
            msg["reply_to_message"] = {
                "message_id": 1,
                "date": int(time.time()),
                "chat": msg["chat"],
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Bot", "username": BOT_NAME},
                "text": "trước",
            }
        await self.send({"message": msg})

    async def press(self, data: str, user: int = 1, chat: int | None = None) -> None:
        message = {
            "message_id": 5,
            "date": int(time.time()),
            "chat": {"id": chat if chat is not None else user, "type": "private"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Bot"},
            "text": "card",
        }
        query = {"id": str(self.update_id), "from": {"id": user, "is_bot": False, "first_name": "A"}}
        await self.send({"callback_query": {**query, "chat_instance": "1", "message": message, "data": data}})

    def buttons(self, index: int = -1) -> list[tuple[str, str]]:
        markup = self.request.sent()[index].get("reply_markup") or {}
        return [(b["text"], b["callback_data"]) for row in markup.get("inline_keyboard", []) for b in row]


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


async def test_unknown_or_stale_button(h: Harness) -> None:
    await h.press("alt:999:1")
    await h.press("garbage")
    assert [p.get("text") for p in h.request.sent("answerCallbackQuery")] == [
        "Câu trả lời này đã cũ, không còn lưu. Bạn hãy hỏi lại nhé.",
        None,
    ]
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
        assert names == ["start", "help", "hoi", "tailieu", "nguon"]
        assert "reload" in [c["command"] for c in calls[1]["commands"]]
        assert calls[1]["scope"] == {"type": "chat", "chat_id": 9}


async def test_start_help_tailieu_nguon(h: Harness) -> None:
    await h.message("/start")
    assert "Xin chào" in h.request.texts()[-1]
    samples = h.buttons()
    assert len(samples) == 3 and samples[0][1] == "ask:0"
    await h.press(samples[0][1])  # "Các khâu đột phá là gì?"
    assert "<blockquote>" in h.request.texts()[-1]
    await h.message("/help")
    assert f"@{BOT_NAME}" in h.request.texts()[-1]
    await h.message("/tailieu")
    docs = h.request.texts()[-1]
    assert docs.index("Dân vận") < docs.index("Đảng bộ quận") and "02/01/2024" in docs
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
