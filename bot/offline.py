"""A Bot API that answers in-process: the real Application runs with no network and no Telegram.

``RecordingRequest`` is a ``telegram.request.BaseRequest`` that answers every Bot API call locally,
records it, and rejects what Telegram would reject (malformed or over-long HTML, callback data over
64 bytes, polls over Telegram's limits, over-long alert texts) with Telegram's own error texts. The
tests drive the bot through it, and ``scripts/demo_session.py`` uses it to record what the bot
would send in a scripted session (the README's quiz example and report chart come from there).
"""

from __future__ import annotations

import json
import time
from typing import Any

from hoidap.bot.tghtml import check, utf16_len
from telegram.request import BaseRequest, RequestData

BOT_ID = 666
BOT_NAME = "HoiDapTestBot"


def _err(description: str) -> tuple[int, bytes]:
    return 400, json.dumps({"ok": False, "error_code": 400, "description": description}).encode()


def markup_problem(params: dict[str, Any]) -> str | None:
    markup = params.get("reply_markup") or {}
    for row in markup.get("inline_keyboard", []) if isinstance(markup, dict) else []:
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= 64:
                return "Bad Request: BUTTON_DATA_INVALID"
            if not str(button.get("text", "")).strip():
                return "Bad Request: text buttons are unallowed in the inline keyboard"
    return None


def poll_problem(params: dict[str, Any]) -> str | None:
    """Telegram's checks on sendPoll (lengths in characters)."""
    question = str(params.get("question", ""))
    options = [o["text"] if isinstance(o, dict) else str(o) for o in params.get("options", [])]
    if not 1 <= len(question) <= 300:
        return "Bad Request: POLL_QUESTION_INVALID"
    if not 2 <= len(options) <= 12:
        return "Bad Request: POLL_ANSWERS_INVALID"
    if any(not 1 <= len(o) <= 100 for o in options):
        return "Bad Request: POLL_OPTION_INVALID"
    if params.get("type") == "quiz":
        correct = params.get("correct_option_ids") or [params.get("correct_option_id")]
        if not all(isinstance(c, int) and 0 <= c < len(options) for c in correct):
            return "Bad Request: wrong correct option ID specified"
    explanation = str(params.get("explanation") or "")
    if len(explanation) > 200 or explanation.count("\n") > 2:
        return "Bad Request: explanation is too long"
    return markup_problem(params)


class RecordingRequest(BaseRequest):
    """Answers every Bot API call locally and records it; enforces Telegram's limits like the real server."""

    read_timeout = None

    def __init__(self, fail: set[str] | None = None) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.files: list[tuple[str, bytes]] = []  # (method, uploaded bytes)
        self.fail = fail or set()
        self.message_id = 1000
        self.poll_id = 0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(  # type: ignore[override]  # the timeouts are irrelevant here
        self, url: str, method: str, request_data: RequestData | None = None, **kw: Any
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1]
        params: dict[str, Any] = dict(request_data.parameters) if request_data else {}
        if request_data is not None and request_data.contains_files:
            for _field, value in (request_data.multipart_data or {}).items():
                content = value[1] if isinstance(value, tuple) else value
                self.files.append((name, content if isinstance(content, bytes) else content.read()))
        self.calls.append((name, params))
        if name in self.fail:
            return _err("Bad Request: simulated failure")
        if name == "getMe":
            result: Any = {"id": BOT_ID, "is_bot": True, "first_name": "Hỏi đáp", "username": BOT_NAME}
        elif name in ("sendMessage", "editMessageText"):
            text = params.get("text", "")
            try:
                plain = check(text) if params.get("parse_mode") == "HTML" else text
            except ValueError as e:
                return _err(str(e))
            if not plain.strip():
                return _err("Bad Request: message text is empty")
            if utf16_len(plain) > 4096:
                return _err("Bad Request: message is too long")
            problem = markup_problem(params)
            if problem:
                return _err(problem)
            result = self._message(params, text=plain)
        elif name == "sendPoll":
            problem = poll_problem(params)
            if problem:
                return _err(problem)
            self.poll_id += 1
            options = [o["text"] if isinstance(o, dict) else str(o) for o in params["options"]]
            poll = {
                "id": f"poll-{self.poll_id}",
                "question": params["question"],
                "options": [{"text": o, "voter_count": 0, "persistent_id": str(n)} for n, o in enumerate(options)],
                "total_voter_count": 0,
                "is_closed": False,
                "is_anonymous": params.get("is_anonymous", True),
                "type": params.get("type", "regular"),
                "allows_multiple_answers": False,
                "allows_revoting": False,
                "members_only": False,
                "correct_option_ids": params.get("correct_option_ids"),
                "explanation": params.get("explanation"),
            }
            result = self._message(params, poll=poll)
        elif name == "sendPhoto":
            result = self._message(params, photo=[{"file_id": "f", "file_unique_id": "f", "width": 1, "height": 1}])
        elif name == "answerCallbackQuery" and len(str(params.get("text") or "")) > 200:
            return _err("Bad Request: MESSAGE_TOO_LONG")
        else:
            result = True
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _message(self, params: dict[str, Any], **content: Any) -> dict[str, Any]:
        self.message_id += 1
        chat_id = params.get("chat_id", 0)
        return {
            "message_id": params.get("message_id", self.message_id),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if int(chat_id) > 0 else "group"},
            **content,
        }

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        return [p for m, p in self.calls if m == method]

    def texts(self, method: str = "sendMessage") -> list[str]:
        return [p["text"] for p in self.sent(method)]

    def alerts(self) -> list[str | None]:
        return [p.get("text") for p in self.sent("answerCallbackQuery")]

    def polls(self) -> list[dict[str, Any]]:
        """sendPoll calls with the poll id each was given (in order: poll-1, poll-2, …)."""
        return [{**p, "poll_id": f"poll-{n}"} for n, p in enumerate(self.sent("sendPoll"), 1)]
