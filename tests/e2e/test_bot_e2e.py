"""The bot over real HTTP against the Bot API emulator, answering from a real index of corpus/.

Users are played through the emulator's client API; assertions are on what the bot actually sent.
Each test uses its own user and chat ids because the stack is shared by the module.
"""

from __future__ import annotations

import json
import os
import socket
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from hoidap.bot.tghtml import check

from .conftest import ADMIN, NOT_ALLOWED, Stack
from .harness import BOT_USERNAME, BotProcess, EmulatorClient, StrictProxy, buttons, free_port, wait_until

pytestmark = pytest.mark.slow

QUESTION = "khâu đột phá là gì?"
ITEMS = [
    "(1) Tiếp tục cải cách hành chính",
    "(2) Đẩy mạnh đầu tư kết cấu hạ tầng đô thị",
    "(3) Đổi mới nâng cao chất lượng giáo dục và đào tạo",
]
SOURCE_TITLE = "Quận Hai Bà Trưng: nhanh chóng đưa Nghị quyết vào cuộc sống"


def reply_until_buttons(
    client: EmulatorClient, chat_id: int, start: int = 0, timeout: float = 20.0
) -> list[dict]:
    """Bot messages from index ``start`` up to and including the first one carrying buttons (a split
    reply puts its buttons under the last part)."""
    deadline = time.monotonic() + timeout
    while True:
        msgs = client.received(chat_id)[start:]
        for n, msg in enumerate(msgs):
            if buttons(msg):
                return msgs[: n + 1]
        if time.monotonic() > deadline:
            raise TimeoutError(
                f"no reply with buttons in chat {chat_id}; got {[m['message'].get('text') for m in msgs]}"
            )
        time.sleep(0.05)


def plain(messages: list[dict]) -> str:
    for m in messages:
        assert m["message"].get("parse_mode") == "HTML"
    return "\n".join(check(m["message"]["text"]) for m in messages)


def assert_card(messages: list[dict]) -> None:
    text = plain(messages)
    for item in ITEMS:
        assert item in text, text
    assert SOURCE_TITLE in text and "11/09/2020" in text, text
    assert "<blockquote>" in messages[0]["message"]["text"]


def assert_no_rejections(proxy: StrictProxy) -> None:
    """Telegram would have accepted everything the bot sent (failures a test asked for aside)."""
    real = [r for r in proxy.rejections if r[1] != "Bad Request: simulated failure"]
    assert real == [], real


def test_question_gets_card_with_all_items_and_source(stack: Stack) -> None:
    user = 1001
    stack.client.send_message(user, QUESTION)
    card = reply_until_buttons(stack.client, user)
    assert_card(card)
    labels = buttons(card[-1])
    assert {"Nguồn", "👍", "👎"} <= set(labels)
    assert all(len(data.encode()) <= 64 for data in labels.values())
    assert any(p.get("action") == "typing" for p in stack.proxy.methods("sendChatAction"))
    assert_no_rejections(stack.proxy)


TEST_DOC_TITLE = "Nghị quyết thử nghiệm <E2E> về dữ liệu & chuyển đổi số"  # from tests/e2e/data


def test_whole_section_button_and_escaping(stack: Stack) -> None:
    user = 1002
    stack.client.send_message(user, "Luật Dữ liệu ban hành khi nào?")
    card = reply_until_buttons(stack.client, user)
    quoted = plain(card)
    # document text with <, & and * is shown exactly as written
    assert TEST_DOC_TITLE in quoted and "99-NQ/TEST" in quoted and "22/12/2024" in quoted
    assert "quyền *sở hữu* dữ liệu của tổ chức & cá nhân" in quoted
    assert "II. NHIỆM VỤ, GIẢI PHÁP" in quoted.split("\n")[0]  # section path first
    assert "2. Phát triển hạ tầng số" not in quoted
    labels = buttons(card[-1])
    assert "Xem cả mục" in labels, labels

    stack.client.press(user, card[-1], labels["Xem cả mục"])
    section = reply_until_buttons(stack.client, user, start=len(card))
    text = plain(section)
    assert text.startswith("Toàn bộ mục")
    assert "II. NHIỆM VỤ, GIẢI PHÁP" in text and "1. Hoàn thiện thể chế về dữ liệu" in text
    assert "2. Phát triển hạ tầng số" in text  # more than the quote: the whole section
    assert "chi phí vận hành hệ thống < 5 tỷ" not in text  # but not the neighbouring section
    assert_no_rejections(stack.proxy)


def test_source_and_feedback_buttons(stack: Stack) -> None:
    user = 1008
    stack.client.send_message(user, QUESTION)
    card = reply_until_buttons(stack.client, user)
    labels = buttons(card[-1])
    seen = len(stack.client.received(user))
    stack.client.press(user, card[-1], labels["Nguồn"])
    source = stack.client.wait_for(user, seen + 1)[seen:]
    assert SOURCE_TITLE in plain(source) and "11/09/2020" in plain(source)

    answered = len(stack.proxy.methods("answerCallbackQuery"))
    stack.client.press(user, card[-1], labels["👍"])
    wait_until(
        lambda: len(stack.proxy.methods("answerCallbackQuery")) > answered, 10, "feedback acknowledged"
    )
    assert stack.proxy.methods("answerCallbackQuery")[-1].get("text") == "Cảm ơn bạn đã góp ý!"
    assert_no_rejections(stack.proxy)


# Both of the article's lists speak of "nguồn nhân lực": the pipeline offers the best one and the other
# as an alternative. "Đoạn khác" must be there, and it must bring exactly the alternatives the pipeline
# chose, in its order, and nothing beyond them.
ALT_QUESTION = "nâng cao chất lượng nguồn nhân lực"


def test_other_passage_button(stack: Stack, pipeline: Any) -> None:
    offered = pipeline.answer(ALT_QUESTION).passages
    assert len(offered) >= 2, [p.section for p in offered]  # the corpus gives this question an alternative
    user = 1004
    stack.client.send_message(user, ALT_QUESTION)
    card = reply_until_buttons(stack.client, user)
    labels = buttons(card[-1])
    assert "Đoạn khác" in labels, labels
    stack.client.press(user, card[-1], labels["Đoạn khác"])
    alt = reply_until_buttons(stack.client, user, start=len(card))
    text = plain(alt)
    assert text.startswith(f"Đoạn liên quan khác (1/{len(offered) - 1})"), text
    assert offered[1].text.split("\n")[0][:60] in text
    for n in range(2, len(offered)):  # walk the rest of what was offered
        seen = len(stack.client.received(user))
        stack.client.press(user, alt[-1], buttons(alt[-1])["Đoạn khác"])
        alt = reply_until_buttons(stack.client, user, start=seen)
        assert offered[n].text.split("\n")[0][:60] in plain(alt)
    assert "Đoạn khác" not in buttons(alt[-1])  # nothing beyond what the pipeline offered
    assert_no_rejections(stack.proxy)


def test_not_allowed_user_is_refused_and_sees_nothing(stack: Stack) -> None:
    stack.client.send_message(NOT_ALLOWED, QUESTION)
    [refusal] = stack.client.wait_for(NOT_ALLOWED, 1)
    text = plain([refusal])
    assert "chưa có quyền" in text
    assert not any(item[4:] in text for item in ITEMS) and not buttons(refusal)
    stack.client.send_message(NOT_ALLOWED, "/tailieu")
    time.sleep(1.0)
    assert len(stack.client.received(NOT_ALLOWED)) == 1  # one polite refusal, then silence


def test_group_chatter_ignored_mention_answered(stack: Stack) -> None:
    user, group = 1003, -5001
    stack.client.send_message(user, QUESTION, chat_id=group, chat_type="group")
    mention = f"@{BOT_USERNAME} {QUESTION}"
    entities = [{"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}]
    stack.client.send_message(user, mention, chat_id=group, chat_type="group", entities=entities)
    card = reply_until_buttons(stack.client, group)
    assert_card(card)
    time.sleep(1.0)
    assert len(stack.client.received(group)) == len(card)  # the unaddressed question got nothing

    stack.client.send_command(user, f"/hoi@{BOT_USERNAME} {QUESTION}", chat_id=group, chat_type="group")
    second = reply_until_buttons(stack.client, group, start=len(card))
    assert_card(second)
    assert_no_rejections(stack.proxy)


def test_twenty_users_at_once(stack: Stack) -> None:
    users = list(range(1040, 1060))
    phrasings = [QUESTION, "Các khâu đột phá của quận là gì?", "khâu đột phá"]

    def ask(n_user: tuple[int, int]) -> list[dict]:
        n, user = n_user
        stack.client.send_message(user, phrasings[n % len(phrasings)])
        return reply_until_buttons(stack.client, user, timeout=30)

    started = time.monotonic()
    with ThreadPoolExecutor(len(users)) as pool:
        cards = list(pool.map(ask, enumerate(users)))
    elapsed = time.monotonic() - started
    print(f"\n20 users at once: all cards received in {elapsed:.2f} s")  # docs/performance.md quotes this
    for card in cards:
        assert_card(card)
    assert elapsed < 30
    assert_no_rejections(stack.proxy)


def test_unrelated_question_is_not_answered_with_a_quote(stack: Stack) -> None:
    user = 1005
    stack.client.send_message(user, "Giá vé máy bay đi Tokyo tháng sau là bao nhiêu?")
    [reply] = reply_until_buttons(stack.client, user)
    text = plain([reply])
    assert "Không tìm thấy" in text and "/tailieu" in text
    assert "<blockquote>" not in reply["message"]["text"]


def test_commands_menu_tailieu_and_admin(stack: Stack) -> None:
    menus = stack.proxy.methods("setMyCommands")
    assert menus, "set_my_commands was not called"
    default = menus[0]["commands"]
    assert [c["command"] for c in default] == ["start", "help", "hoi", "tailieu", "ontap", "quiz", "ketqua", "nguon"]
    assert all(c["description"] for c in default)

    user = 1006
    stack.client.send_command(user, "/tailieu")
    [docs] = stack.client.wait_for(user, 1)
    assert SOURCE_TITLE in plain([docs]) and "11/09/2020" in plain([docs])

    stack.client.send_command(user, "/stats")
    [refused] = stack.client.wait_for(user, 2)[1:]
    assert "quản trị" in plain([refused])

    stack.client.send_command(ADMIN, "/stats")
    [stats] = stack.client.wait_for(ADMIN, 1)
    assert "Câu hỏi:" in plain([stats])


def test_unusable_messages_get_a_short_helpful_reply(stack: Stack) -> None:
    user = 1009
    for n, text in enumerate(["🙂🎉", "chữ " * 300], 1):
        stack.client.send_message(user, text)
        stack.client.wait_for(user, n)
    stack.client.send_message(
        user,
        "",
        sticker={
            "file_id": "s1",
            "file_unique_id": "s1",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "type": "regular",
        },
    )
    replies = [plain([m]) for m in stack.client.wait_for(user, 3)]
    assert "chỉ hiểu câu hỏi bằng chữ" in replies[0]
    assert "Câu hỏi dài quá" in replies[1]
    assert "chỉ đọc được tin nhắn chữ" in replies[2]
    assert_no_rejections(stack.proxy)


def test_typing_failure_does_not_break_answer(stack: Stack) -> None:
    user = 1007
    stack.proxy.fail.add("sendChatAction")
    try:
        stack.client.send_message(user, QUESTION)
        assert_card(reply_until_buttons(stack.client, user))
    finally:
        stack.proxy.fail.discard("sendChatAction")


def bot_env(proxy: StrictProxy, token: str, index_dir: Path, tmp_path: Path, **extra: str) -> dict[str, str]:
    """Environment for `hoidap bot`: the caller's, minus any bot settings of its own, plus ours."""
    mine = ("TELEGRAM_", "HOIDAP_", "ALLOWED_", "ADMIN_")
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(mine)},
        "TELEGRAM_BOT_TOKEN": token,
        "TELEGRAM_API_BASE_URL": f"{proxy.url}/bot",
        "TELEGRAM_POLL_INTERVAL": "0",
        "HOIDAP_INDEX_DIR": str(index_dir),
        "HOIDAP_DB": str(tmp_path / "bot.sqlite3"),
        **extra,
    }


def test_hoidap_bot_command_end_to_end(stack: Stack, index_dir: Path, tmp_path: Path) -> None:
    """The real `hoidap bot` process (settings from the environment), on its own proxy; token never logged."""
    proxy = StrictProxy(stack.emulator.url).start()
    token = "515151:SUBPROCESS-token-never-in-logs"
    env = bot_env(proxy, token, index_dir, tmp_path, ALLOWED_USERS="2001")
    bot = BotProcess(env, tmp_path / "bot.log")
    try:
        bot.start(proxy)
        client = EmulatorClient(stack.emulator.url, token)
        client.send_message(2001, QUESTION)
        assert_card(reply_until_buttons(client, 2001))
        client.send_message(2002, QUESTION)
        assert "chưa có quyền" in plain(client.wait_for(2002, 1))
        assert_no_rejections(proxy)
    finally:
        code = bot.close()
        proxy.close()
    assert code == 0, bot.output()[-3000:]
    assert token not in bot.output()
    assert token not in (tmp_path / "bot.sqlite3").read_bytes().decode(errors="replace")


def test_webhook_mode_checks_the_secret(stack: Stack, index_dir: Path, tmp_path: Path) -> None:
    """`hoidap bot` with TELEGRAM_WEBHOOK_URL: updates come by webhook; requests lacking the secret: 403."""
    proxy = StrictProxy(stack.emulator.url).start()
    token, secret, port = "717171:WEBHOOK-token-never-in-logs", "webhook-Secret_never_in_logs", free_port()
    hook = f"http://127.0.0.1:{port}/hook"
    env = bot_env(
        proxy, token, index_dir, tmp_path,
        TELEGRAM_WEBHOOK_URL=hook, TELEGRAM_WEBHOOK_LISTEN="127.0.0.1",
        TELEGRAM_WEBHOOK_PORT=str(port), TELEGRAM_WEBHOOK_SECRET=secret,
    )  # fmt: skip
    bot = BotProcess(env, tmp_path / "bot.log")
    try:
        bot.start(proxy, ready_method="setWebhook")
        assert proxy.webhooks == [(hook, secret)]
        wait_until(lambda: _connectable(port), 20, "the webhook server to listen")
        forged_update = {
            "update_id": 1,
            "message": {
                "message_id": 1,
                "date": int(time.time()),
                "text": QUESTION,
                "chat": {"id": 3009, "type": "private"},
                "from": {"id": 3009, "is_bot": False, "first_name": "X"},
            },
        }
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
            forged = urllib.request.Request(
                hook,
                data=json.dumps(forged_update).encode(),
                headers={"Content-Type": "application/json", **headers},
            )
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(forged, timeout=5)  # noqa: S310 - loopback only
            assert refused.value.code == 403

        client = EmulatorClient(stack.emulator.url, token)
        client.send_message(3001, QUESTION)
        assert_card(reply_until_buttons(client, 3001))
        assert not [c for c in proxy.methods("sendMessage") if str(c.get("chat_id")) == "3009"]
        assert_no_rejections(proxy)
    finally:
        code = bot.close()
        proxy.close()
    assert code == 0, bot.output()[-3000:]
    assert token not in bot.output() and secret not in bot.output()


def _connectable(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


# ---- study: browse and a private quiz over real HTTP ------------------------------------------------
def current(client: EmulatorClient, chat_id: int, message_id: int, contains: str, timeout: float = 15.0) -> dict:
    """The bot message ``message_id`` once an edit has made it contain ``contains``."""
    def edited() -> dict | None:
        for m in client.history(chat_id):
            if m["messageId"] == message_id and contains in check(m["message"].get("text", "")):
                return m
        return None

    return wait_until(edited, timeout, f"message {message_id} to show {contains!r}")


def test_browse_list_outline_section_by_editing_one_message(stack: Stack) -> None:
    user = 1010
    stack.client.send_command(user, "/tailieu")
    [listing] = stack.client.wait_for(user, 1)
    text = plain([listing])
    assert text.startswith("Tài liệu đang có (2), mới nhất trước · trang 1/1")
    assert f"1. {TEST_DOC_TITLE} (99-NQ/TEST, 22/12/2024)" in text  # newest first, with số hiệu and date
    assert f"2. {SOURCE_TITLE} (11/09/2020)" in text
    message_id = listing["messageId"]
    labels = buttons(listing)
    stack.client.press(user, listing, labels[next(k for k in labels if k.startswith("1. "))])
    outline = current(stack.client, user, message_id, "Mục lục")
    entries = buttons(outline)
    section = next(k for k in entries if "II. NHIỆM VỤ, GIẢI PHÁP" in k)
    number, total = int(section.split(".")[0]), len([k for k in entries if k[:1].isdigit()])
    stack.client.press(user, outline, entries[section])
    shown = current(stack.client, user, message_id, f"Mục {number}/{total}\n")
    quoted = check(shown["message"]["text"])
    assert "1. Hoàn thiện thể chế về dữ liệu" in quoted
    assert "2. Phát triển hạ tầng số" in quoted  # the whole section
    assert "quyền *sở hữu* dữ liệu của tổ chức & cá nhân" in quoted  # quoted verbatim, escaped right
    assert f"📄 {TEST_DOC_TITLE} · Số hiệu: 99-NQ/TEST · Ngày 22/12/2024" in quoted
    nav = buttons(shown)
    assert {"‹ Trước", "Sau ›", "⬆ Mục lục"} <= set(nav)
    stack.client.press(user, shown, nav["Sau ›"])
    following = current(stack.client, user, message_id, f"Mục {number + 1}/{total}\n")
    assert "1. Hoàn thiện thể chế về dữ liệu" in check(following["message"]["text"])
    stack.client.press(user, following, buttons(following)["⬆ Mục lục"])
    current(stack.client, user, message_id, "Mục lục")
    assert len(stack.client.history(user)) == 1  # every step edited the one message
    assert len(stack.proxy.methods("editMessageText")) >= 4
    assert_no_rejections(stack.proxy)


def test_a_private_quiz_over_http(stack: Stack) -> None:
    """/quiz in a private chat: polls sent through the proxy (the emulator has no polls), answers
    delivered as Telegram delivers them (PollAnswer updates), results at the end and by /ketqua."""
    user = 1011
    seen = len(stack.proxy.polls)
    stack.client.send_command(user, "/quiz 2")
    [intro] = stack.client.wait_for(user, 1)
    assert "Kiểm tra: 2 câu hỏi" in plain([intro])
    for n, right in enumerate((True, False)):
        poll_id, params = wait_until(lambda n=n: len(stack.proxy.polls) > seen + n and stack.proxy.polls[seen + n],
                                     15, f"poll {n + 1}")
        assert str(params["chat_id"]) == str(user) and params["type"] == "quiz"
        assert params["is_anonymous"] in (False, "false", "False")
        assert params["question"].startswith(f"Câu {n + 1}/2: ")
        correct = int(json.loads(params["correct_option_ids"])[0] if isinstance(params["correct_option_ids"], str)
                      else params["correct_option_ids"][0])
        option = correct if right else (correct + 1) % len(json.loads(params["options"]) if isinstance(
            params["options"], str) else params["options"])
        stack.proxy.inject({"poll_answer": {
            "poll_id": poll_id, "option_ids": [option], "option_persistent_ids": [str(option)],
            "user": {"id": user, "is_bot": False, "first_name": "Học viên"}}})  # fmt: skip
    results = wait_until(
        lambda: [m for m in stack.client.received(user) if "Kết quả kiểm tra" in m["message"].get("text", "")],
        15, "the results",
    )
    text = plain(results[-1:])
    assert "Kết quả kiểm tra · 2 câu · đã kết thúc" in text and "🥇1. Học viên — 1/2 câu đúng" in text
    stack.client.send_command(user, "/ketqua")
    again = wait_until(
        lambda: [m for m in stack.client.received(user) if "Kết quả kiểm tra" in m["message"].get("text", "")][1:],
        15, "/ketqua",
    )
    assert plain(again[-1:]) == text
    assert_no_rejections(stack.proxy)
