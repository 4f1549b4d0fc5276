"""In-process Telegram for tests: the real Application over a recording BaseRequest, no network.

``RecordingRequest`` answers every Bot API call locally, records it, and rejects what Telegram
would reject (over-long or malformed HTML, oversized callback data, …) with Telegram's own error
texts. ``Harness`` builds the Application exactly as ``hoidap bot`` does and feeds it updates.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

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
