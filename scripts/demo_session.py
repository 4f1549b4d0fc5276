"""A scripted week of use of the real bot, without Telegram: for the README's quiz example and chart.

The real ``Application`` (hoidap.bot.app.build_application) runs with the real pipeline and the
real quiz generator over a published index; Telegram is replaced by hoidap.bot.offline's recording
Bot API, which rejects what Telegram would. Simulated users ask the questions of a QA file over
``--days`` days (the store's clock is moved, nothing else is faked), rate some answers, and on the
last day a trainer runs a group quiz that four members answer with fixed accuracies. Prints the
quiz as the members saw it and the trainer report; writes the log (``--db``) and the chart.

    python scripts/demo_session.py --index var/index --questions eval/qa_corpus.jsonl \\
        --db /tmp/demo.sqlite3 --png docs/img/report-chart.png

Every figure it prints comes from that simulated session: say so wherever it is quoted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
from pathlib import Path
from typing import Any

from hoidap.bot.app import build_application
from hoidap.bot.chart import render_chart
from hoidap.bot.offline import RecordingRequest
from hoidap.bot.report import build_report, report_text
from hoidap.bot.store import Store
from hoidap.bot.tghtml import plain_text
from telegram import Update

from hoidap.app import open_pipeline
from hoidap.settings import Settings

TRAINER, GROUP = 900, -1001234567890
MEMBERS = {101: ("Lan", 0.9), 102: ("Minh", 0.75), 103: ("Hùng", 0.5), 104: ("Thảo", 0.3)}


class Session:
    """Feeds updates to the Application and reads back what it sent."""

    def __init__(self, app: Any, request: RecordingRequest) -> None:
        self.app, self.request, self.update_id = app, request, 0

    async def send(self, data: dict[str, Any]) -> None:
        self.update_id += 1
        await self.app.process_update(Update.de_json({"update_id": self.update_id, **data}, self.app.bot))

    async def message(self, user: int, text: str, chat: int | None = None) -> None:
        chat = chat if chat is not None else user
        msg: dict[str, Any] = {
            "message_id": self.update_id + 1, "date": int(time.time()), "text": text,
            "chat": {"id": chat, "type": "private" if chat > 0 else "supergroup"},
            "from": {"id": user, "is_bot": False, "first_name": MEMBERS.get(user, ("Người dùng", 0))[0]},
        }  # fmt: skip
        if text.startswith("/"):
            msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        await self.send({"message": msg})

    async def press(self, user: int, chat: int, data: str) -> None:
        message = {"message_id": 1, "date": int(time.time()), "text": "…",
                   "chat": {"id": chat, "type": "private" if chat > 0 else "supergroup"}}
        query = {"id": str(self.update_id), "chat_instance": str(chat), "data": data, "message": message,
                 "from": {"id": user, "is_bot": False, "first_name": MEMBERS.get(user, ("Người dùng", 0))[0]}}
        await self.send({"callback_query": query})

    async def vote(self, user: int, poll_id: str, option: int) -> None:
        voter = {"id": user, "is_bot": False, "first_name": MEMBERS[user][0]}
        await self.send({"poll_answer": {"poll_id": poll_id, "user": voter, "option_ids": [option],
                                         "option_persistent_ids": [str(option)]}})

    def buttons(self, method: str = "sendMessage") -> dict[str, str]:
        markup = self.request.sent(method)[-1].get("reply_markup") or {}
        return {b["text"]: b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row}


async def run(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    questions = [json.loads(line)["question"] for line in Path(args.questions).read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    now = [time.time() - args.days * 86400]
    store = Store(args.db, retention_days=0, clock=lambda: now[0])
    settings = Settings(telegram_bot_token="0:DEMO", db_path=Path(args.db), trainer_users=frozenset({TRAINER}),
                        rate_limit_per_minute=0, action_limit_per_minute=0, group_limit_per_minute=0,
                        member_limit_per_minute=0, log_retention_days=0)
    request = RecordingRequest()
    app = build_application(settings, open_pipeline(Settings(index_dir=Path(args.index))), store=store,
                            request=request, get_updates_request=RecordingRequest())
    app.bot_data["assistant"].quizzes.seeds = lambda: args.seed  # the same quiz on every run
    s = Session(app, request)
    async with app:
        per_day = max(1, len(questions) // args.days)
        for day in range(args.days):
            now[0] = time.time() - (args.days - day) * 86400 + 8 * 3600
            for question in rng.sample(questions, min(len(questions), per_day + rng.randint(-3, 3))):
                user = rng.choice(list(MEMBERS))
                await s.message(user, question)
                now[0] += rng.randint(60, 900)
                card = s.buttons()
                answered = "Xem cả mục" in card or "Nguồn" in card
                if rng.random() < 0.35:  # about a third of the answers get a vote
                    good = rng.random() < (0.85 if answered else 0.2)
                    await s.press(user, user, card["👍" if good else "👎"])
        now[0] = time.time() - 3600
        await s.message(TRAINER, f"/quiz {args.quiz}", chat=GROUP)
        print("## Quiz, as the group saw it\n")
        for n in range(args.quiz):
            poll = request.polls()[-1]
            correct = poll["correct_option_ids"][0]
            options = [o["text"] if isinstance(o, dict) else o for o in poll["options"]]
            print(f"**{poll['question']}**")
            for k, option in enumerate(options):
                print(f"{'✔' if k == correct else '○'} {option}")
            print(f"_Giải thích:_ {poll['explanation']}\n")
            for user, (_name, accuracy) in MEMBERS.items():
                wrong = [k for k in range(len(options)) if k != correct]
                await s.vote(user, poll["poll_id"], correct if rng.random() < accuracy else rng.choice(wrong))
            buttons = s.buttons("sendPoll")
            await s.press(TRAINER, GROUP, buttons["Câu tiếp ›" if n + 1 < args.quiz else "Kết thúc"])
        print("## /ketqua\n")
        print(plain_text(request.texts()[-1]))
    report = build_report(store)
    print("\n## hoidap report\n")
    print(report_text(report))
    if args.png:
        render_chart(report, Path(args.png))
        print(f"chart: {args.png}")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", required=True, help="a published index (hoidap reindex --index DIR)")
    parser.add_argument("--questions", required=True, help="JSONL with a 'question' per line (eval/qa_corpus.jsonl)")
    parser.add_argument("--db", default="var/demo.sqlite3", help="where the session's log is written")
    parser.add_argument("--png", help="write the report chart here")
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--quiz", type=int, default=5, help="questions in the group quiz")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    Path(args.db).unlink(missing_ok=True)
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
