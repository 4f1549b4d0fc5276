"""The one access gate, run before every handler (a ``TypeHandler`` in an early group).

It decides, once per update, who is asking and in which chat, and stops the update
(``ApplicationHandlerStop``) before any handler runs when

- the user is not admitted (allow-lists, admins): they hear one polite refusal an hour when they
  addressed the bot, a pressed button says so in an alert, anything else is dropped silently;
- the update would make the bot send or edit a message and the user, or the chat, is over its
  rate (``Throttle``): the user is told once a minute how long to wait (a button press in an
  alert, which posts nothing into the chat).

Nothing from the documents is read before the gate has passed. A quiz poll answer carries no chat,
so its chat is the chat of the quiz session the poll belongs to.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from hoidap.bot import texts
from hoidap.bot.access import Access, Once, Throttle
from hoidap.bot.callbacks import FEEDBACK, parse
from hoidap.bot.kit import Context
from hoidap.bot.quizstore import QuizStore
from telegram import Message, ReplyParameters, Update
from telegram.constants import ChatType, ParseMode
from telegram.ext import ApplicationHandlerStop

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Visitor:
    """Who an update comes from and what answering it would involve."""

    user_id: int
    chat_id: int | None
    group: bool  # the chat is a group (its own rate limits apply)
    addressed: bool  # the bot was spoken to (so a refusal is worth saying)
    sends: bool  # handling it makes the bot send or edit a message in the chat


def addressed_to(message: Message, username: str, bot_id: int) -> bool:
    """In a group: a command for this bot, a mention of it, or a reply to one of its messages."""
    text = message.text or message.caption or ""
    if text.startswith("/"):
        command = text.split(maxsplit=1)[0]
        return "@" not in command or command.split("@", 1)[1].lower() == username.lower()
    if username and f"@{username.lower()}" in text.lower():
        return True
    if any(e.type == "text_mention" and e.user is not None and e.user.id == bot_id for e in message.entities):
        return True
    replied = message.reply_to_message
    return replied is not None and replied.from_user is not None and replied.from_user.id == bot_id


class Gate:
    """Access control and rate limits for every update, in one place."""

    def __init__(self, access: Access, throttle: Throttle, quizzes: QuizStore, refusals: Once | None = None,
                 warnings: Once | None = None) -> None:
        self.access = access
        self.throttle = throttle
        self.quizzes = quizzes
        self.refusals = refusals or Once()  # one refusal per user an hour
        self.warnings = warnings or Once(ttl=60.0)  # one "slow down" per user a minute

    async def visitor(self, update: Update, context: Context) -> Visitor | None:
        if update.poll_answer is not None:
            answer = update.poll_answer
            if answer.user is None:
                return None
            ref = await asyncio.to_thread(self.quizzes.poll, answer.poll_id)
            if ref is None:
                return None  # not a poll of ours (or purged): nothing to record
            private = ref.session.private
            return Visitor(answer.user.id, ref.session.chat_id, not private, False, private)
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None:
            return None  # channel posts, chat member updates and the like: not for this bot
        group = chat.type != ChatType.PRIVATE
        if update.callback_query is not None:
            press = parse(update.callback_query.data)
            return Visitor(user.id, chat.id, group, True, press is not None and press.action != FEEDBACK)
        message = update.effective_message
        if message is None:
            return None
        addressed = not group or addressed_to(message, context.bot.username or "", context.bot.id)
        return Visitor(user.id, chat.id, group, addressed, addressed)

    async def __call__(self, update: Update, context: Context) -> None:
        who = await self.visitor(update, context)
        if who is None:
            raise ApplicationHandlerStop
        if not self.access.allowed(who.user_id, who.chat_id):
            log.info("refused user %s in chat %s", who.user_id, who.chat_id)
            await self._say(update, context, who, texts.REFUSED, self.refusals)
            raise ApplicationHandlerStop
        if who.sends and not self.throttle.allow(who.user_id, who.chat_id, who.group):
            seconds = max(1, round(self.throttle.retry_after(who.user_id, who.chat_id, who.group)))
            log.info("rate-limited user %s in chat %s", who.user_id, who.chat_id)
            await self._say(update, context, who, texts.SLOW_DOWN.format(seconds=seconds), self.warnings)
            raise ApplicationHandlerStop

    async def _say(self, update: Update, context: Context, who: Visitor, text: str, once: Once) -> None:
        query = update.callback_query
        if query is not None:
            await query.answer(text, show_alert=True)  # an alert to the presser only, nothing in the chat
            return
        if not who.addressed or who.chat_id is None or not once.first(who.user_id):
            return
        message = update.effective_message
        in_group = update.effective_chat is not None and update.effective_chat.type != ChatType.PRIVATE
        reply_to = ReplyParameters(message.message_id, allow_sending_without_reply=True) if (
            message is not None and in_group) else None
        await context.bot.send_message(who.chat_id, text, parse_mode=ParseMode.HTML, reply_parameters=reply_to)
