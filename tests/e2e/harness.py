"""End-to-end harness: the npm Bot API emulator, a strict loopback proxy in front of it, a user client.

Layout (everything on 127.0.0.1, ports chosen free at start):

    user (EmulatorClient) ──HTTP──> telegram-test-api (node) <──HTTP── StrictProxy <──HTTP── the bot

The emulator speaks enough of the Bot API to run python-telegram-bot but has gaps (see
../shared/notes/telegram-e2e.md); the proxy fills them (``is_bot`` in getMe, dates in seconds,
``chat_instance`` in callback queries, methods it does not know) and rejects what Telegram would
reject (over-long messages, invalid HTML, over-long callback_data), with Telegram's own error texts,
so a bot that passes here does not fail on the real server for those reasons. It also long-polls
so a reply arrives in tens of milliseconds instead of one poll interval. Every wait is bounded and
every process or thread started here is stopped by ``close()``.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from hoidap.bot.offline import markup_problem, poll_problem
from hoidap.bot.tghtml import check, utf16_len

ROOT = Path(__file__).resolve().parents[2]
E2E_DIR = ROOT / ".e2e"
EMULATOR_PACKAGE = E2E_DIR / "node_modules" / "telegram-test-api"
HOST = "127.0.0.1"

# What the emulator's getMe returns (username/id are fixed in the package).
BOT_ID = 666
BOT_USERNAME = "TestNameBot"
EMULATOR_METHODS = {
    "getMe", "getUpdates", "sendMessage", "editMessageText", "editMessageReplyMarkup", "deleteMessage",
    "answerCallbackQuery", "setWebhook", "deleteWebhook",
}  # fmt: skip


EDIT_LIKE = {"editMessageText", "editMessageReplyMarkup", "answerCallbackQuery", "deleteMessage"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def wait_until(predicate: Callable[[], Any], timeout: float, what: str, interval: float = 0.05) -> Any:
    """Poll ``predicate`` until it returns something truthy; raise TimeoutError naming ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


def _post_json(url: str, payload: dict[str, Any], timeout: float = 10.0) -> tuple[int, dict[str, Any]]:
    req = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - loopback only
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as e:
        body = e.read()
        try:
            return e.code, json.loads(body)
        except ValueError:
            return e.code, {"ok": False, "description": body.decode(errors="replace")}


# ---- the emulator ------------------------------------------------------------------------------
_NODE_SCRIPT = """
const Server = require('telegram-test-api');
const server = new Server({port: Number(process.argv[1]), host: '127.0.0.1', storeTimeout: 600});
server.start().then(() => console.log('READY'), (e) => { console.error(e); process.exit(1); });
// The parent holds our stdin: when it goes away (even killed), we go too.
process.stdin.on('end', () => server.stop().finally(() => process.exit(0)));
process.stdin.resume();
"""


class Emulator:
    """The npm ``telegram-test-api`` server in a node child process on 127.0.0.1."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.proc: subprocess.Popen[str] | None = None

    def start(self, timeout: float = 20.0) -> Emulator:
        if not (EMULATOR_PACKAGE / "package.json").is_file():
            raise RuntimeError(f"{EMULATOR_PACKAGE} missing: run `make e2e-deps`")
        self.proc = subprocess.Popen(
            ["node", "-e", _NODE_SCRIPT, str(self.port)],
            cwd=E2E_DIR,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "NODE_PATH": str(E2E_DIR / "node_modules")},
        )
        ready = threading.Event()
        self.output: list[str] = []

        def read() -> None:
            assert self.proc and self.proc.stdout
            for line in self.proc.stdout:
                self.output.append(line)
                if "READY" in line:
                    ready.set()

        threading.Thread(target=read, daemon=True, name="emulator-stdout").start()
        if not ready.wait(timeout):
            self.close()
            raise RuntimeError(f"emulator did not start within {timeout} s: {''.join(self.output)[-2000:]}")
        return self

    def close(self) -> None:
        if self.proc is None:
            return
        with contextlib.suppress(Exception):
            assert self.proc.stdin
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
        self.proc = None


# ---- the strict proxy ----------------------------------------------------------------------------
class StrictProxy:
    """A loopback Bot API front for the emulator that behaves like (a stricter) Telegram."""

    def __init__(self, emulator_url: str, port: int | None = None, long_poll_cap: float = 1.0) -> None:
        self.emulator_url = emulator_url
        self.port = port or free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.long_poll_cap = long_poll_cap
        self.calls: list[tuple[str, dict[str, Any]]] = []  # every bot-side call, in order
        self.rejections: list[tuple[str, str]] = []  # (method, Telegram's error text)
        self.fail: set[str] = set()  # methods to answer with a 400, to prove the bot survives
        self.unauthorized = False  # answer every call as Telegram answers a revoked or mistyped token
        self.polls: list[tuple[str, dict[str, Any]]] = []  # (poll id, sendPoll parameters)
        self._injected: list[dict[str, Any]] = []  # updates the emulator cannot carry (poll answers)
        self.webhooks: list[tuple[str, str]] = []  # (the bot's webhook URL, its secret token)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self.server = ThreadingHTTPServer((HOST, self.port), self._handler_class())
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True, name="strict-proxy")

    def start(self) -> StrictProxy:
        self._thread.start()
        return self

    def close(self) -> None:
        self._stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)

    def methods(self, name: str) -> list[dict[str, Any]]:
        with self._lock:
            return [p for m, p in self.calls if m == name]

    # -- request handling ----------------------------------------------------------------------
    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 - http.server API
                self._handle()

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                self._handle()

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, payload = proxy.handle(self.path, self.headers.get("Content-Type", ""), body)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the bot hung up (shutdown)
                    self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:  # the path contains the token
                pass

        return Handler

    def handle(self, path: str, content_type: str, body: bytes) -> tuple[int, dict[str, Any]]:
        parts = path.split("?", 1)[0].strip("/").split("/")
        if len(parts) == 2 and parts[0] == "relay":
            return self._relay(int(parts[1]), body)
        if len(parts) != 2 or not parts[0].startswith("bot"):
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        token, method = parts[0][3:], parts[1]
        params = self._params(content_type, body)
        with self._lock:
            self.calls.append((method, params))
        if self.unauthorized:
            with self._lock:
                self.rejections.append((method, "Unauthorized"))
            return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
        if method in self.fail:
            return self._reject(method, "Bad Request: simulated failure")
        problem = self._validate(method, params)
        if problem:
            return self._reject(method, problem)
        if method == "sendPoll":
            return self._send_poll(params)
        if method not in EMULATOR_METHODS:
            return 200, {"ok": True, "result": [] if method.startswith("get") else True}
        if method == "getUpdates":
            return self._get_updates(token, params)
        if method == "setWebhook":
            return self._set_webhook(token, params)
        status, payload = _post_json(f"{self.emulator_url}/bot{token}/{method}", params)
        return status, self._fix(method, payload)

    @staticmethod
    def _params(content_type: str, body: bytes) -> dict[str, Any]:
        if not body:
            return {}
        if "json" in content_type:
            return dict(json.loads(body))
        if "multipart" in content_type:
            raise ValueError("multipart uploads are not used by the bot")
        params: dict[str, Any] = dict(parse_qsl(body.decode(), keep_blank_values=True))
        for key in (
            "reply_markup",
            "entities",
            "reply_parameters",
            "link_preview_options",
            "commands",
            "scope",
            "options",
            "correct_option_ids",
        ):
            if isinstance(params.get(key), str) and params[key][:1] in "[{":
                params[key] = json.loads(params[key])
        return params

    def inject(self, update: dict[str, Any]) -> None:
        """Deliver an update the emulator has no client call for (a quiz poll answer) with the next getUpdates."""
        with self._lock:
            self._injected.append({"update_id": 10**9 + len(self.polls) * 1000 + len(self._injected), **update})

    def _send_poll(self, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """The emulator does not know polls: answer sendPoll as Telegram does (a Message with the poll)."""
        options = [o["text"] if isinstance(o, dict) else str(o) for o in params.get("options", [])]
        with self._lock:
            poll_id = f"e2e-poll-{len(self.polls) + 1}"
            self.polls.append((poll_id, params))
        poll = {
            "id": poll_id, "question": params.get("question"), "total_voter_count": 0, "is_closed": False,
            "options": [{"text": o, "voter_count": 0, "persistent_id": str(n)} for n, o in enumerate(options)],
            "is_anonymous": params.get("is_anonymous", True), "type": params.get("type", "regular"),
            "allows_multiple_answers": False, "allows_revoting": False, "members_only": False,
            "correct_option_ids": params.get("correct_option_ids"), "explanation": params.get("explanation"),
        }  # fmt: skip
        chat_id = int(params.get("chat_id", 0))
        message = {"message_id": 10**6 + len(self.polls), "date": int(time.time()), "poll": poll,
                   "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"}}
        return 200, {"ok": True, "result": message}

    def _reject(self, method: str, description: str) -> tuple[int, dict[str, Any]]:
        with self._lock:
            self.rejections.append((method, description))
        return 400, {"ok": False, "error_code": 400, "description": description}

    @staticmethod
    def _validate(method: str, params: dict[str, Any]) -> str | None:
        """Telegram's checks that the emulator skips; returns Telegram's error text or None."""
        if method in ("sendMessage", "editMessageText"):
            text = str(params.get("text", ""))
            if params.get("parse_mode") == "HTML":
                try:
                    text = check(text)
                except ValueError as e:
                    return str(e)
            elif params.get("parse_mode"):
                return f"Bad Request: unsupported parse_mode {params['parse_mode']!r} in this proxy"
            if not text.strip():
                return "Bad Request: message text is empty"
            if utf16_len(text) > 4096:
                return "Bad Request: message is too long"
        if method in ("sendMessage", "editMessageText", "editMessageReplyMarkup"):
            problem = markup_problem(params)
            if problem:
                return problem
        if method == "answerCallbackQuery" and len(str(params.get("text", ""))) > 200:
            return "Bad Request: MESSAGE_TOO_LONG"
        if method == "sendPoll":
            return poll_problem(params)
        return None

    def _set_webhook(self, token: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Register a relay with the emulator: it posts updates without Telegram's secret header, so the
        proxy receives them and passes them on to the bot's URL with X-Telegram-Bot-Api-Secret-Token."""
        if not params.get("url"):
            return self._reject(
                "setWebhook", "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
            )
        with self._lock:
            self.webhooks.append((str(params["url"]), str(params.get("secret_token") or "")))
            relay = f"{self.url}/relay/{len(self.webhooks) - 1}"
        status, payload = _post_json(f"{self.emulator_url}/bot{token}/setWebhook", {"url": relay})
        if payload.get("result") is None:
            payload["result"] = True
        return status, payload

    def _relay(self, n: int, body: bytes) -> tuple[int, dict[str, Any]]:
        url, secret = self.webhooks[n]
        update = json.loads(body)
        self._fix("getUpdates", {"ok": True, "result": [update]})
        headers = {"Content-Type": "application/json"}
        if secret:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        req = urllib.request.Request(url, data=json.dumps(update).encode(), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:  # noqa: S310 - loopback only
                return resp.status, {"ok": True}
        except urllib.error.HTTPError as e:
            return e.code, {"ok": False, "description": f"webhook answered {e.code}"}

    def _get_updates(self, token: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Long polling on top of the emulator's instant getUpdates (bounded by ``long_poll_cap``)."""
        timeout = min(float(params.get("timeout") or 0), self.long_poll_cap)
        deadline = time.monotonic() + timeout
        while True:
            status, payload = _post_json(f"{self.emulator_url}/bot{token}/getUpdates", {})
            with self._lock:
                injected, self._injected = self._injected, []
            if injected and status == 200 and isinstance(payload.get("result"), list):
                payload["result"].extend(injected)
            result = payload.get("result") if isinstance(payload, dict) else None
            if status != 200 or result or time.monotonic() >= deadline or self._stopping.is_set():
                return status, self._fix("getUpdates", payload)
            time.sleep(0.02)

    @staticmethod
    def _fix(method: str, payload: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(payload, dict) or "ok" not in payload:
            # The emulator answers errors as {"message": ...} with HTTP 500.
            return {"ok": False, "error_code": 500, "description": str(payload)}
        result = payload.get("result")
        if method == "getMe" and isinstance(result, dict):
            result.setdefault("is_bot", True)
        elif method == "sendMessage" and isinstance(result, dict):
            _seconds(result)
        elif method == "getUpdates" and isinstance(result, list):
            for update in result:
                query = update.get("callback_query")
                if query is not None:
                    query.setdefault(
                        "chat_instance", str(query.get("message", {}).get("chat", {}).get("id", 0))
                    )
                    _seconds(query.get("message") or {})
                if "message" in update:
                    _seconds(update["message"])
        elif result is None and method in EDIT_LIKE:
            payload["result"] = True
        return payload


def _seconds(message: dict[str, Any]) -> None:
    date = message.get("date")
    if isinstance(date, int | float) and date > 10**11:  # milliseconds
        message["date"] = int(date // 1000)


# ---- the user side -------------------------------------------------------------------------------
class EmulatorClient:
    """Plays Telegram users: sends messages/commands/button presses, reads what the bot sent."""

    def __init__(self, emulator_url: str, token: str) -> None:
        self.url = emulator_url
        self.token = token
        self._received: dict[str, list[dict[str, Any]]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def user(user_id: int, name: str = "Người dùng") -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": f"{name} {user_id}", "username": f"u{user_id}"}

    @staticmethod
    def chat(chat_id: int, chat_type: str = "private") -> dict[str, Any]:
        if chat_type == "private":
            return {"id": chat_id, "type": "private", "first_name": f"Người dùng {chat_id}"}
        return {"id": chat_id, "type": chat_type, "title": f"Nhóm {chat_id}"}

    def send_message(
        self,
        user_id: int,
        text: str,
        chat_id: int | None = None,
        chat_type: str = "private",
        entities: list[dict[str, Any]] | None = None,
        reply_to_bot_message: dict[str, Any] | None = None,
        **fields: Any,
    ) -> None:
        """Send a user message; ``text=""`` with e.g. ``sticker={...}`` sends a message without text."""
        message: dict[str, Any] = {
            "botToken": self.token,
            "from": self.user(user_id),
            "chat": self.chat(chat_id if chat_id is not None else user_id, chat_type),
            "date": int(time.time()),
            **({"text": text} if text else {}),
            **fields,
        }
        if entities:
            message["entities"] = entities
        if reply_to_bot_message is not None:
            message["reply_to_message"] = self._bot_message(reply_to_bot_message, message["chat"])
        route = "sendCommand" if entities and entities[0]["type"] == "bot_command" else "sendMessage"
        status, payload = _post_json(f"{self.url}/{route}", message)
        assert status == 200 and payload.get("ok"), payload

    def send_command(
        self, user_id: int, text: str, chat_id: int | None = None, chat_type: str = "private"
    ) -> None:
        command = text.split()[0]
        entities = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        self.send_message(user_id, text, chat_id, chat_type, entities=entities)

    def press(self, user_id: int, bot_message: dict[str, Any], data: str, chat_type: str = "private") -> None:
        """Press an inline button under ``bot_message`` (as returned by ``wait_for``)."""
        chat = self.chat(int(bot_message["message"]["chat_id"]), chat_type)
        payload = {
            "botToken": self.token,
            "from": self.user(user_id),
            "message": self._bot_message(bot_message, chat),
            "data": data,
            "date": int(time.time()),
        }
        status, body = _post_json(f"{self.url}/sendCallback", payload)
        assert status == 200 and body.get("ok"), body

    @staticmethod
    def _bot_message(bot_message: dict[str, Any], chat: dict[str, Any]) -> dict[str, Any]:
        return {
            "message_id": bot_message["messageId"],
            "date": int(bot_message["time"] // 1000),
            "chat": chat,
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Test First name", "username": BOT_USERNAME},
            "text": bot_message["message"].get("text", ""),
        }

    def _poll(self, chat_id: int) -> list[dict[str, Any]]:
        status, payload = _post_json(f"{self.url}/getUpdates", {"token": self.token, "chatId": chat_id})
        assert status == 200, payload
        with self._lock:
            got = self._received.setdefault(str(chat_id), [])
            got.extend(payload.get("result") or [])
            return list(got)

    def wait_for(self, chat_id: int, count: int = 1, timeout: float = 15.0) -> list[dict[str, Any]]:
        """Messages the bot sent to ``chat_id`` so far, once there are at least ``count`` (bounded wait)."""
        return wait_until(
            lambda: (msgs := self._poll(chat_id)) and len(msgs) >= count and msgs,
            timeout,
            f"{count} bot message(s) in chat {chat_id}",
        )

    def received(self, chat_id: int) -> list[dict[str, Any]]:
        return self._poll(chat_id)

    def history(self, chat_id: int) -> list[dict[str, Any]]:
        """The bot's messages to ``chat_id`` as they are now (after any edits), oldest first."""
        status, payload = _post_json(f"{self.url}/getUpdatesHistory", {"token": self.token})
        assert status == 200, payload
        return [m for m in payload.get("result") or []
                if "messageId" in m and str(m.get("message", {}).get("chat_id")) == str(chat_id)]


def buttons(bot_message: dict[str, Any]) -> dict[str, str]:
    """Label -> callback_data of an inline keyboard under a bot message from the emulator."""
    markup = bot_message["message"].get("reply_markup") or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    return {b["text"]: b.get("callback_data", "") for row in markup.get("inline_keyboard", []) for b in row}


# ---- the bot under test --------------------------------------------------------------------------
class BotThread:
    """Runs an Application with run_polling (as ``hoidap bot`` does) on its own event loop in a thread."""

    def __init__(self, app: Any, poll_timeout: int = 1) -> None:
        self.app = app
        self.poll_timeout = poll_timeout
        self.loop: Any = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True, name="bot-under-test")

    def _run(self) -> None:
        import asyncio

        from telegram import Update

        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        try:
            self.app.run_polling(
                poll_interval=0.0,
                timeout=self.poll_timeout,
                stop_signals=None,
                allowed_updates=[Update.MESSAGE, Update.CALLBACK_QUERY, Update.POLL_ANSWER],
            )
        except BaseException as e:  # noqa: BLE001 - reported to the test by start()/close()
            self.error = e

    def start(self, proxy: StrictProxy, timeout: float = 20.0) -> BotThread:
        self.thread.start()
        wait_until(
            lambda: self.error is not None or proxy.methods("getUpdates"), timeout, "the bot to start polling"
        )
        if self.error is not None:
            raise RuntimeError(f"bot failed to start: {self.error!r}") from self.error
        return self

    def close(self, timeout: float = 15.0) -> None:
        if self.thread.is_alive() and self.loop is not None:
            with contextlib.suppress(RuntimeError):  # loop already closed
                self.loop.call_soon_threadsafe(self.app.stop_running)
            self.thread.join(timeout)
        if self.thread.is_alive():
            raise RuntimeError("bot thread did not stop in time")


class BotProcess:
    """The real ``hoidap bot`` command as a child process, pointed at the proxy."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.env = env
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None

    def start(
        self, proxy: StrictProxy, timeout: float = 60.0, ready_method: str = "getUpdates"
    ) -> BotProcess:
        import sys

        hoidap = Path(sys.executable).with_name("hoidap")
        cmd = [str(hoidap)] if hoidap.exists() else [sys.executable, "-m", "hoidap.cli"]
        self._log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            [*cmd, "bot"], cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT
        )
        wait_until(
            lambda: self.proc.poll() is not None or proxy.methods(ready_method),  # type: ignore[union-attr]
            timeout,
            f"`hoidap bot` to call {ready_method}",
        )
        if self.proc.poll() is not None:
            raise RuntimeError(f"`hoidap bot` exited with {self.proc.returncode}: {self.output()[-3000:]}")
        return self

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def close(self, timeout: float = 15.0) -> int | None:
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            import signal

            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._log.close()
        code, self.proc = self.proc.returncode, None
        return code
