"""/baocao: the trainer report and its chart, sent to a trainer in a private chat only.

The same report as ``hoidap report`` (hoidap.bot.report, hoidap.bot.chart); it holds every
question asked, so it is never posted in a group.
"""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from hoidap.bot import texts
from hoidap.bot.args import argument
from hoidap.bot.kit import Context, Kit
from hoidap.bot.report import Report, build_report, report_html
from telegram import Update
from telegram.constants import ChatType
from telegram.ext import Application, CommandHandler

DEFAULT_DAYS = 30


class Reports:
    def __init__(self, kit: Kit) -> None:
        self.kit = kit

    def register(self, app: Application) -> None:
        app.add_handler(CommandHandler("baocao", self.on_baocao))

    async def on_baocao(self, update: Update, context: Context) -> None:
        user, chat, msg = update.effective_user, update.effective_chat, update.effective_message
        if user is None or chat is None or msg is None:
            return
        if not self.kit.access.is_trainer(user.id):
            await self.kit.reply(context, update, texts.TRAINERS_ONLY)
            return
        if chat.type != ChatType.PRIVATE:
            await self.kit.reply(context, update, texts.REPORT_PRIVATE_ONLY)
            return
        arg = argument(msg.text)
        days = int(arg) if arg.isdigit() and 0 < int(arg) <= 3660 else DEFAULT_DAYS
        since = date.today() - timedelta(days=days - 1)
        report: Report = await asyncio.to_thread(build_report, self.kit.store, since)
        await self.kit.reply(context, update, report_html(report))
        from hoidap.bot.chart import chart_png  # matplotlib is imported only when a chart is drawn

        png = await asyncio.to_thread(chart_png, report)
        await context.bot.send_photo(chat.id, png, caption=f"Biểu đồ {days} ngày qua", filename="baocao.png")
