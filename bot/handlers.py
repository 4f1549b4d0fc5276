"""Telegram update handlers: decide whether to answer, then ask the pipeline and send the card.

Each handler is small and does one thing; the shared steps (access check, validation, rate limit,
search off the event loop, sending split HTML with buttons) live in ``Assistant`` methods. Nothing from
the corpus is read or sent before the access check has passed.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from dataclasses import dataclass

from hoidap.bot import texts
from hoidap.bot.access import Access, Once, RateLimiter
from hoidap.bot.format import answer_card, document_details, document_list, not_found, sources_list
from hoidap.bot.service import AnswerService
from hoidap.bot.split import split_html
from hoidap.bot.store import Store
from hoidap.index.types import Answer, AnswerPassage
from telegram import (
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

log = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE


@dataclass(frozen=True)
class Limits:
    """The knobs handlers need from Settings (kept apart so tests can build them directly)."""

    max_question_chars: int = 1000
    typing: bool = True


def check_question(text: str | None, max_chars: int) -> str | None:
    """None when ``text`` is a usable question, else the reply that explains why it is not.

    >>> check_question("Khâu đột phá là gì?", 1000) is None
    True
    >>> check_question("  ", 1000) == texts.EMPTY, check_question("👍🎉", 1000) == texts.NO_WORDS
    (True, True)
    """
    q = (text or "").strip()
    if not q:
        return texts.EMPTY
    if not any(ch.isalnum() for ch in q):
        return texts.NO_WORDS
    if len(q) > max_chars:
        return texts.TOO_LONG.format(n=len(q), limit=max_chars)
    return None


def addressed_text(message: Message, bot_username: str, bot_id: int) -> str | None:
    """In a group: the question when the bot is mentioned or replied to, else None (ignore the chatter)."""
    text = message.text or ""
    mention = re.compile(rf"@{re.escape(bot_username)}\b", re.IGNORECASE) if bot_username else None
    mentioned = bool(mention and mention.search(text)) or any(
        e.type == "text_mention" and e.user is not None and e.user.id == bot_id for e in message.entities
    )
    replied = (
        message.reply_to_message is not None
        and message.reply_to_message.from_user is not None
        and message.reply_to_message.from_user.id == bot_id
    )
    if not (mentioned or replied):
        return None
    return mention.sub(" ", text).strip() if mention else text.strip()


def keyboard(
    qid: int, index: int, passages: list[AnswerPassage], answered: bool = True
) -> InlineKeyboardMarkup:
    """Buttons under an answer; callback_data carries only ids (always far under Telegram's 64 bytes)."""
    rows: list[list[InlineKeyboardButton]] = []
    if answered and passages:
        row = []
        if index + 1 < len(passages):
            row.append(InlineKeyboardButton(texts.BTN_ALT, callback_data=f"alt:{qid}:{index + 1}"))
        if passages[index].expandable and passages[index].passage_ids:
            row.append(InlineKeyboardButton(texts.BTN_SECTION, callback_data=f"sec:{qid}:{index}"))
        row.append(InlineKeyboardButton(texts.BTN_SOURCE, callback_data=f"src:{qid}:{index}"))
        rows.append(row)
    rows.append(
        [
            InlineKeyboardButton(texts.BTN_UP, callback_data=f"fb:{qid}:1"),
            InlineKeyboardButton(texts.BTN_DOWN, callback_data=f"fb:{qid}:0"),
        ]
    )
    return InlineKeyboardMarkup(rows)


class Assistant:
    """The bot's behaviour, independent of how updates arrive (polling, webhook, tests)."""

    def __init__(
        self,
        pipeline: AnswerService,
        store: Store,
        access: Access,
        limiter: RateLimiter,
        limits: Limits | None = None,
        refusals: Once | None = None,
    ) -> None:
        self.pipeline = pipeline
        self.store = store
        self.access = access
        self.limiter = limiter
        self.limits = limits or Limits()
        self.refusals = refusals or Once()

    # -- registration ----------------------------------------------------------------------------
    def register(self, app: Application) -> None:
        private = filters.ChatType.PRIVATE
        groups = filters.ChatType.GROUPS
        new = filters.UpdateType.MESSAGE
        app.add_handler(CommandHandler("start", self.on_start))
        app.add_handler(CommandHandler("help", self.on_help))
        app.add_handler(CommandHandler("hoi", self.on_hoi))
        app.add_handler(CommandHandler("tailieu", self.on_tailieu))
        app.add_handler(CommandHandler("nguon", self.on_nguon))
        app.add_handler(CommandHandler("reload", self.on_reload))
        app.add_handler(CommandHandler("stats", self.on_stats))
        app.add_handler(CallbackQueryHandler(self.on_button))
        app.add_handler(MessageHandler(new & private & filters.TEXT & ~filters.COMMAND, self.on_private_text))
        app.add_handler(MessageHandler(new & groups & filters.TEXT & ~filters.COMMAND, self.on_group_text))
        app.add_handler(MessageHandler(new & private & filters.COMMAND, self.on_unknown_command))
        app.add_handler(
            MessageHandler(
                new & ~filters.TEXT & ~filters.StatusUpdate.ALL & ~filters.COMMAND, self.on_not_text
            )
        )
        app.add_error_handler(self.on_error)

    async def set_commands(self, app: Application) -> None:
        """Register the command menu (admins also see the admin commands); a failure is not fatal."""
        commands = [BotCommand(c, d) for c, d in texts.COMMANDS]
        admin = commands + [BotCommand(c, d) for c, d in texts.ADMIN_COMMANDS]
        try:
            await app.bot.set_my_commands(commands, scope=BotCommandScopeDefault())
            for admin_id in sorted(self.access.admins):
                await app.bot.set_my_commands(admin, scope=BotCommandScopeChat(admin_id))
        except TelegramError as e:
            log.warning("set_my_commands failed: %s", e)

    # -- messages --------------------------------------------------------------------------------
    async def on_private_text(self, update: Update, context: Context) -> None:
        msg = update.effective_message
        if msg is not None and await self.admit(update, context):
            await self.ask(context, update, msg.text or "")

    async def on_group_text(self, update: Update, context: Context) -> None:
        msg = update.effective_message
        if msg is None:
            return
        question = addressed_text(msg, context.bot.username or "", context.bot.id)
        if question is None:
            return  # chatter not meant for the bot
        if await self.admit(update, context):
            await self.ask(context, update, question)

    async def on_hoi(self, update: Update, context: Context) -> None:
        msg = update.effective_message
        if msg is None or not await self.admit(update, context):
            return
        parts = (msg.text or "").split(maxsplit=1)
        question = parts[1] if len(parts) > 1 else ""
        if not question.strip():
            await self.reply(context, update, texts.HOI_USAGE)
            return
        await self.ask(context, update, question)

    async def on_not_text(self, update: Update, context: Context) -> None:
        msg = update.effective_message
        chat = update.effective_chat
        if msg is None or chat is None:
            return
        if chat.type != ChatType.PRIVATE:
            replied = msg.reply_to_message and msg.reply_to_message.from_user
            if not (replied and msg.reply_to_message.from_user.id == context.bot.id):  # type: ignore[union-attr]
                return
        if await self.admit(update, context):
            await self.reply(context, update, texts.NOT_TEXT)

    async def on_unknown_command(self, update: Update, context: Context) -> None:
        if await self.admit(update, context):
            await self.reply(context, update, texts.UNKNOWN_COMMAND)

    # -- commands --------------------------------------------------------------------------------
    async def on_start(self, update: Update, context: Context) -> None:
        if not await self.admit(update, context):
            return
        buttons = [
            [InlineKeyboardButton(q, callback_data=f"ask:{n}")] for n, q in enumerate(texts.SAMPLE_QUESTIONS)
        ]
        await self.reply(context, update, texts.START, InlineKeyboardMarkup(buttons))

    async def on_help(self, update: Update, context: Context) -> None:
        if await self.admit(update, context):
            await self.reply(context, update, texts.HELP.format(username=context.bot.username or "bot"))

    async def on_tailieu(self, update: Update, context: Context) -> None:
        if not await self.admit(update, context):
            return
        docs = await asyncio.to_thread(self.pipeline.documents)
        await self.reply(context, update, document_list(docs))

    async def on_nguon(self, update: Update, context: Context) -> None:
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None or not await self.admit(update, context):
            return
        last = await asyncio.to_thread(self.store.last_answered, user.id, chat.id)
        if last is None or not last.passages:
            await self.reply(context, update, texts.NO_LAST_ANSWER)
            return
        await self.reply(context, update, sources_list(last.passages))

    async def on_reload(self, update: Update, context: Context) -> None:
        if not await self.admin(update, context):
            return
        try:
            changed = await asyncio.to_thread(self.pipeline.reload)
        except Exception:
            log.exception("reload failed")
            await self.reply(context, update, texts.RELOAD_FAILED)
            return
        await self.reply(context, update, texts.RELOADED if changed else texts.UNCHANGED)

    async def on_stats(self, update: Update, context: Context) -> None:
        if not await self.admin(update, context):
            return
        chat = update.effective_chat
        if chat is not None and chat.type != ChatType.PRIVATE:  # not for every member of a group
            await self.reply(context, update, texts.STATS_PRIVATE_ONLY)
            return
        stats = await asyncio.to_thread(self.store.stats)
        await self.reply(context, update, texts.stats(stats))

    # -- buttons ---------------------------------------------------------------------------------
    async def on_button(self, update: Update, context: Context) -> None:
        query = update.callback_query
        user = update.effective_user
        if query is None or user is None:
            return
        chat_id = query.message.chat.id if query.message else None
        if not self.access.allowed(user.id, chat_id):
            await query.answer(texts.REFUSED, show_alert=True)
            return
        kind, _, rest = (query.data or "").partition(":")
        try:
            args = [int(x) for x in rest.split(":")] if rest else []
        except ValueError:
            args = []
        if kind == "ask" and len(args) == 1 and 0 <= args[0] < len(texts.SAMPLE_QUESTIONS):
            await query.answer()
            await self.ask(context, update, texts.SAMPLE_QUESTIONS[args[0]])
        elif kind == "fb" and len(args) == 2:
            ok = await asyncio.to_thread(self.store.add_feedback, args[0], user.id, args[1] == 1)
            await query.answer(texts.THANKS if ok else texts.EXPIRED)
        elif kind in ("alt", "sec", "src") and len(args) == 2:
            await self.on_passage_button(update, context, query, kind, args[0], args[1])
        else:
            await query.answer()

    async def on_passage_button(
        self, update: Update, context: Context, query: CallbackQuery, kind: str, qid: int, index: int
    ) -> None:
        logged = await asyncio.to_thread(self.store.get, qid)
        if logged is None or not 0 <= index < len(logged.passages):
            await query.answer(texts.NO_MORE if logged and kind == "alt" else texts.EXPIRED)
            return
        await query.answer()
        passage = logged.passages[index]
        if kind == "alt":
            heading = texts.ALT_HEADING.format(n=index, total=len(logged.passages) - 1)
            card = answer_card(passage, heading=heading)
            await self.reply(context, update, card, keyboard(qid, index, logged.passages))
        elif kind == "sec":
            whole = await self.whole_section(passage)
            if whole is None:
                await self.reply(context, update, texts.NO_SECTION)
                return
            markup = InlineKeyboardMarkup(
                [[InlineKeyboardButton(texts.BTN_SOURCE, callback_data=f"src:{qid}:{index}")]]
            )
            await self.reply(context, update, answer_card(whole, heading=texts.SECTION_HEADING), markup)
        else:
            info = await asyncio.to_thread(self.pipeline.document, passage.doc)
            await self.reply(context, update, document_details(info, passage))

    async def whole_section(self, passage: AnswerPassage) -> AnswerPassage | None:
        """The section around ``passage``; None when the index changed under it since the answer."""
        if not passage.passage_ids:
            return None
        # The quote is a contiguous block in document order, so its smallest id is its root; the
        # section around the root is the next level up (the anchor would only give the quote again).
        root = min(passage.passage_ids)
        try:
            whole = await asyncio.to_thread(self.pipeline.section, root, passage.index_version or None)
        except (KeyError, IndexError, ValueError):
            log.info("section of passage %s not available", root)
            return None
        return whole if whole.doc == passage.doc else None

    # -- the shared steps ------------------------------------------------------------------------
    async def admit(self, update: Update, context: Context) -> bool:
        """Access check; a user who is not allowed hears one polite refusal (per hour), then silence."""
        user, chat = update.effective_user, update.effective_chat
        if user is None:
            return False
        if self.access.allowed(user.id, chat.id if chat else None):
            return True
        log.info("refused user %s in chat %s", user.id, chat.id if chat else None)
        if self.refusals.first(user.id):
            await self.reply(context, update, texts.REFUSED)
        return False

    async def admin(self, update: Update, context: Context) -> bool:
        if not await self.admit(update, context):
            return False
        user = update.effective_user
        if user is not None and self.access.is_admin(user.id):
            return True
        await self.reply(context, update, texts.ADMIN_ONLY)
        return False

    async def ask(self, context: Context, update: Update, text: str) -> None:
        """Validate, rate-limit, search in a worker thread, log, and send the card (or say not found)."""
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None:
            return
        problem = check_question(text, self.limits.max_question_chars)
        if problem:
            await self.reply(context, update, problem)
            return
        if not self.limiter.hit(user.id):
            seconds = max(1, round(self.limiter.retry_after(user.id)))
            await self.reply(context, update, texts.RATE_LIMITED.format(seconds=seconds))
            return
        question = text.strip()
        typing = asyncio.create_task(self.typing(context, chat.id))
        started = time.perf_counter()
        try:
            answer: Answer = await asyncio.to_thread(self.pipeline.answer, question)
        finally:
            latency_ms = (time.perf_counter() - started) * 1000
            await typing
        qid = await asyncio.to_thread(self.store.log_question, user.id, chat.id, question, answer, latency_ms)
        log.info("q%s answered=%s %.0f ms", qid, answer.answered, latency_ms)
        if answer.answered and answer.passages:
            await self.reply(
                context, update, answer_card(answer.passages[0]), keyboard(qid, 0, answer.passages)
            )
        else:
            await self.reply(context, update, not_found(), keyboard(qid, 0, [], answered=False))

    async def typing(self, context: Context, chat_id: int) -> None:
        """Show "typing…"; purely cosmetic, so any failure is logged and ignored."""
        if not self.limits.typing:
            return
        try:
            await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
        except Exception as e:  # noqa: BLE001 - a cosmetic call must never break the answer
            log.debug("send_chat_action failed: %s", e)

    async def reply(
        self, context: Context, update: Update, html: str, markup: InlineKeyboardMarkup | None = None
    ) -> None:
        """Send HTML split into Telegram-sized parts; buttons go under the last part.

        In groups the first part replies to the asker's message so the answer is easy to find.
        """
        chat = update.effective_chat
        if chat is None:
            return
        reply_to = None
        if chat.type != ChatType.PRIVATE and update.message is not None:
            reply_to = ReplyParameters(update.message.message_id, allow_sending_without_reply=True)
        parts = split_html(html) or [html]
        for n, part in enumerate(parts):
            await context.bot.send_message(
                chat.id,
                part,
                parse_mode=ParseMode.HTML,
                reply_markup=markup if n == len(parts) - 1 else None,
                reply_parameters=reply_to if n == 0 else None,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )

    async def on_error(self, update: object, context: Context) -> None:
        """Log (the token is redacted by the logging filter installed in hoidap.bot.app) and keep running."""
        log.error("error while handling an update: %s", context.error, exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat is not None:
            try:
                await context.bot.send_message(update.effective_chat.id, texts.ERROR)
            except Exception as e:  # noqa: BLE001 - the error path must not raise
                log.debug("could not tell the user about the error: %s", e)
