"""Telegram update handlers: questions and their answer cards, commands, and the wiring of it all.

``Assistant.register`` installs, in this order: the access gate (hoidap.bot.gate, group -1: nobody
who is not admitted reaches a handler, and every action that sends a message is rate-limited),
one ``CallbackQueryHandler`` per button action routed by ``pattern=`` (hoidap.bot.callbacks), the
commands, and the message handlers. Browsing, review and quizzes live in their own modules and
register themselves the same way. Searches run in a worker thread; nothing is read from the
documents before the gate has passed.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable
from dataclasses import replace

from hoidap.bot import callbacks as cb
from hoidap.bot import texts
from hoidap.bot.browse import Browse
from hoidap.bot.format import answer_card, document_details, esc, not_found, sources_list
from hoidap.bot.gate import Gate
from hoidap.bot.kit import Context, Kit
from hoidap.bot.library import short
from hoidap.bot.quizstore import QuizStore
from hoidap.bot.quizzes import Quizzes
from hoidap.bot.reports import Reports
from hoidap.bot.review import Review
from hoidap.index.types import HEDGE, Answer, AnswerPassage, Suggestion
from telegram import (
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

log = logging.getLogger(__name__)

ANSWER = "answer"  # token kind of an answer card's buttons
START = "start"  # token kind of /start's sample questions


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


def feedback_row(token: str) -> list[InlineKeyboardButton]:
    return [
        InlineKeyboardButton(texts.BTN_UP, callback_data=cb.encode(cb.FEEDBACK, token, 1)),
        InlineKeyboardButton(texts.BTN_DOWN, callback_data=cb.encode(cb.FEEDBACK, token, 0)),
    ]


def keyboard(token: str, index: int, passages: list[AnswerPassage]) -> InlineKeyboardMarkup:
    """Buttons under an answer card: the next passage the pipeline offered (never more), the whole
    section, the source, 👍/👎. Each carries only the question's token and a passage number."""
    row = []
    if index + 1 < len(passages):
        row.append(InlineKeyboardButton(texts.BTN_ALT, callback_data=cb.encode(cb.ALT, token, index + 1)))
    if passages[index].expandable and passages[index].passage_ids:
        row.append(InlineKeyboardButton(texts.BTN_SECTION, callback_data=cb.encode(cb.SECTION, token, index)))
    row.append(InlineKeyboardButton(texts.BTN_SOURCE, callback_data=cb.encode(cb.SOURCE, token, index)))
    return InlineKeyboardMarkup([row, feedback_row(token)])


def suggestion_keyboard(token: str, suggestions: list[Suggestion]) -> InlineKeyboardMarkup:
    """Not found: one button per nearby section (it opens that section), then 👍/👎."""
    rows = [
        [InlineKeyboardButton(f"📖 {short(s.text, 40)} — {short(s.title, 24)}",
                              callback_data=cb.encode(cb.SUGGESTION, token, n))]
        for n, s in enumerate(suggestions)
    ]
    return InlineKeyboardMarkup([*rows, feedback_row(token)])


def render(answer: Answer, token: str, scope_title: str | None = None) -> tuple[str, InlineKeyboardMarkup]:
    """The message for an answer, by tier: high → the card; medium → the same card under the hedge;
    none → the not-found text with the nearby sections as buttons."""
    scope = f"<i>{esc(texts.SCOPED_HEADING.format(title=scope_title))}</i>\n" if scope_title else ""
    if answer.answered and answer.passages:
        card = answer_card(answer.passages[0], heading=HEDGE if answer.hedged else "")
        return scope + card, keyboard(token, 0, answer.passages)
    reason = answer.answer if answer.absent else ""
    return scope + not_found(bool(answer.suggestions), reason), suggestion_keyboard(token, answer.suggestions)


class Assistant:
    """The bot's behaviour, independent of how updates arrive (polling, webhook, tests)."""

    def __init__(self, kit: Kit, gate: Gate | None = None) -> None:
        self.kit = kit
        self.quizstore = QuizStore(kit.store)
        self.gate = gate or Gate(kit.access, kit.throttle, self.quizstore)
        self.quizzes = Quizzes(kit, self.quizstore)
        self.browse = Browse(kit)
        self.review = Review(kit, self.quizzes)
        self.reports = Reports(kit)

    # -- registration ----------------------------------------------------------------------------
    def register(self, app: Application) -> None:
        app.add_handler(TypeHandler(Update, self.gate), group=-1)
        for action, handler in (
            (cb.ALT, self.on_alt),
            (cb.SECTION, self.on_section),
            (cb.SOURCE, self.on_source),
            (cb.FEEDBACK, self.on_feedback),
            (cb.SUGGESTION, self.on_suggestion),
            (cb.SAMPLE, self.on_sample),
        ):
            app.add_handler(CallbackQueryHandler(handler, pattern=cb.pattern(action)))
        self.browse.register(app)
        self.review.register(app)
        self.quizzes.register(app)
        self.reports.register(app)
        app.add_handler(CallbackQueryHandler(self.on_unknown_button))  # forged, malformed or from an old release
        for name, handler in (
            ("start", self.on_start),
            ("help", self.on_help),
            ("hoi", self.on_hoi),
            ("nguon", self.on_nguon),
            ("reload", self.on_reload),
            ("stats", self.on_stats),
        ):
            app.add_handler(CommandHandler(name, handler))
        private = filters.ChatType.PRIVATE
        groups = filters.ChatType.GROUPS
        new = filters.UpdateType.MESSAGE
        app.add_handler(MessageHandler(new & private & filters.TEXT & ~filters.COMMAND, self.on_private_text))
        app.add_handler(MessageHandler(new & groups & filters.TEXT & ~filters.COMMAND, self.on_group_text))
        app.add_handler(MessageHandler(new & private & filters.COMMAND, self.on_unknown_command))
        app.add_handler(
            MessageHandler(new & ~filters.TEXT & ~filters.StatusUpdate.ALL & ~filters.COMMAND, self.on_not_text)
        )
        app.add_error_handler(self.on_error)

    async def set_commands(self, app: Application) -> None:
        """The command menu; trainers also see /baocao, admins the admin commands. Not fatal on failure."""
        commands = [BotCommand(c, d) for c, d in texts.COMMANDS]
        trainer = commands + [BotCommand(c, d) for c, d in texts.TRAINER_COMMANDS]
        admin = trainer + [BotCommand(c, d) for c, d in texts.ADMIN_COMMANDS]
        access = self.kit.access
        try:
            await app.bot.set_my_commands(commands, scope=BotCommandScopeDefault())
            for admin_id in sorted(access.admins):
                await app.bot.set_my_commands(admin, scope=BotCommandScopeChat(admin_id))
            for trainer_id in sorted(access.trainers - access.admins):
                await app.bot.set_my_commands(trainer, scope=BotCommandScopeChat(trainer_id))
        except TelegramError as e:
            log.warning("set_my_commands failed: %s", e)

    # -- messages --------------------------------------------------------------------------------
    async def on_private_text(self, update: Update, context: Context) -> None:
        msg = update.effective_message
        if msg is not None:
            await self.ask(context, update, msg.text or "")

    async def on_group_text(self, update: Update, context: Context) -> None:
        msg = update.effective_message
        if msg is None:
            return
        question = addressed_text(msg, context.bot.username or "", context.bot.id)
        if question is not None:  # else chatter not meant for the bot
            await self.ask(context, update, question)

    async def on_hoi(self, update: Update, context: Context) -> None:
        msg = update.effective_message
        if msg is None:
            return
        parts = (msg.text or "").split(maxsplit=1)
        question = parts[1] if len(parts) > 1 else ""
        if not question.strip():
            await self.kit.reply(context, update, texts.HOI_USAGE)
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
        await self.kit.reply(context, update, texts.NOT_TEXT)

    async def on_unknown_command(self, update: Update, context: Context) -> None:
        await self.kit.reply(context, update, texts.UNKNOWN_COMMAND)

    # -- commands --------------------------------------------------------------------------------
    async def on_start(self, update: Update, context: Context) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        token = await asyncio.to_thread(self.kit.store.issue_token, START, chat.id)
        buttons = [
            [InlineKeyboardButton(q, callback_data=cb.encode(cb.SAMPLE, token, n))]
            for n, q in enumerate(texts.SAMPLE_QUESTIONS)
        ]
        await self.kit.reply(context, update, texts.START, InlineKeyboardMarkup(buttons))

    async def on_help(self, update: Update, context: Context) -> None:
        await self.kit.reply(context, update, texts.HELP.format(username=context.bot.username or "bot"))

    async def on_nguon(self, update: Update, context: Context) -> None:
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None:
            return
        last = await asyncio.to_thread(self.kit.store.last_answered, user.id, chat.id)
        if last is None or not last.passages:
            await self.kit.reply(context, update, texts.NO_LAST_ANSWER)
            return
        await self.kit.reply(context, update, sources_list(last.passages))

    async def on_reload(self, update: Update, context: Context) -> None:
        if not await self.admin(update, context):
            return
        try:
            changed = await asyncio.to_thread(self.kit.pipeline.reload)
        except Exception:
            log.exception("reload failed")
            await self.kit.reply(context, update, texts.RELOAD_FAILED)
            return
        await self.kit.reply(context, update, texts.RELOADED if changed else texts.UNCHANGED)

    async def on_stats(self, update: Update, context: Context) -> None:
        if not await self.admin(update, context):
            return
        chat = update.effective_chat
        if chat is not None and chat.type != ChatType.PRIVATE:  # not for every member of a group
            await self.kit.reply(context, update, texts.STATS_PRIVATE_ONLY)
            return
        stats = await asyncio.to_thread(self.kit.store.stats)
        await self.kit.reply(context, update, texts.stats(stats))

    async def admin(self, update: Update, context: Context) -> bool:
        user = update.effective_user
        if user is not None and self.kit.access.is_admin(user.id):
            return True
        await self.kit.reply(context, update, texts.ADMIN_ONLY)
        return False

    # -- answer buttons --------------------------------------------------------------------------
    async def on_alt(self, update: Update, context: Context) -> None:
        found = await self.answer_passage(update, lambda n, total: 1 <= n < total, texts.NO_MORE)
        if found is None:
            return
        token, n, passages, passage = found
        heading = texts.ALT_HEADING.format(n=n, total=len(passages) - 1)
        await self.kit.reply(context, update, answer_card(passage, heading=heading), keyboard(token, n, passages))

    async def on_section(self, update: Update, context: Context) -> None:
        found = await self.answer_passage(update, lambda n, total: 0 <= n < total, texts.EXPIRED, text=False)
        if found is None:
            return
        token, n, _passages, passage = found
        whole = await self.whole_section(passage)
        if whole is None:
            await self.kit.reply(context, update, texts.NO_SECTION)
            return
        markup = InlineKeyboardMarkup(
            [[InlineKeyboardButton(texts.BTN_SOURCE, callback_data=cb.encode(cb.SOURCE, token, n))]]
        )
        await self.kit.reply(context, update, answer_card(whole, heading=texts.SECTION_HEADING), markup)

    async def on_source(self, update: Update, context: Context) -> None:
        found = await self.answer_passage(update, lambda n, total: 0 <= n < total, texts.EXPIRED, text=False)
        if found is None:
            return
        passage = found[3]
        info = await asyncio.to_thread(self.kit.pipeline.document, passage.doc)
        await self.kit.reply(context, update, document_details(info, passage))

    async def on_feedback(self, update: Update, context: Context) -> None:
        found = await self.kit.ticket(update, (ANSWER,), own=True)
        if found is None or update.callback_query is None:
            return
        press, ticket = found
        query = update.callback_query
        ok = ticket.question_id is not None and await asyncio.to_thread(
            self.kit.store.add_feedback, ticket.question_id, query.from_user.id, press.args[0] == 1
        )
        await query.answer(texts.THANKS if ok else texts.EXPIRED)

    async def on_suggestion(self, update: Update, context: Context) -> None:
        found = await self.kit.ticket(update, (ANSWER,))
        if found is None or update.callback_query is None:
            return
        press, ticket = found
        query = update.callback_query
        offered = ticket.payload.get("s", [])
        n = press.args[0]
        if n >= len(offered):
            await query.answer(texts.EXPIRED)
            return
        pid, version = int(offered[n][0]), str(offered[n][1])
        library = await asyncio.to_thread(self.kit.library)
        if version != library.version or not 0 <= pid < len(library.passages):
            await query.answer(texts.INDEX_CHANGED, show_alert=True)
            return
        await query.answer()
        await self.kit.reply(context, update, answer_card(library.section(pid), heading=texts.SECTION_HEADING))

    async def on_sample(self, update: Update, context: Context) -> None:
        found = await self.kit.ticket(update, (START,))
        if found is None or update.callback_query is None:
            return
        press, _ticket = found
        if press.args[0] >= len(texts.SAMPLE_QUESTIONS):
            await update.callback_query.answer(texts.EXPIRED)
            return
        await update.callback_query.answer()
        await self.ask(context, update, texts.SAMPLE_QUESTIONS[press.args[0]])

    async def on_unknown_button(self, update: Update, context: Context) -> None:
        if update.callback_query is not None:
            await update.callback_query.answer(texts.EXPIRED)

    async def answer_passage(
        self, update: Update, valid: Callable[[int, int], bool], refusal: str, text: bool = True
    ) -> tuple[str, int, list[AnswerPassage], AnswerPassage] | None:
        """The passage an answer button points at, checked: the token is this chat's, the number is
        one the pipeline offered, and (with ``text``) its quote can still be read from the index."""
        found = await self.kit.ticket(update, (ANSWER,))
        query = update.callback_query
        if found is None or query is None:
            return None
        press, ticket = found
        logged = await asyncio.to_thread(self.kit.store.get, ticket.question_id) if ticket.question_id else None
        n = press.args[0]
        if logged is None or not valid(n, len(logged.passages)):
            await query.answer(refusal if logged else texts.EXPIRED)
            return None
        passage = logged.passages[n]
        if text:
            readable = await self.materialize(passage)
            if readable is None:
                await query.answer(texts.INDEX_CHANGED, show_alert=True)
                return None
            passage = readable
        await query.answer()
        return ticket.token, n, logged.passages, passage

    async def materialize(self, ref: AnswerPassage) -> AnswerPassage | None:
        """A stored passage with its text: re-read from the index version it was quoted from (None
        when that version is no longer served); rows from the first release carry their text."""
        if ref.text:
            return ref
        library = await asyncio.to_thread(self.kit.library)
        if ref.index_version != library.version or not ref.passage_ids:
            return None
        if not all(0 <= i < len(library.passages) for i in ref.passage_ids):
            return None
        return replace(ref, text=library.text(ref.passage_ids))

    async def whole_section(self, passage: AnswerPassage) -> AnswerPassage | None:
        """The section around ``passage``; None when the index changed under it since the answer."""
        if not passage.passage_ids:
            return None
        # The quote is a contiguous block in document order, so its smallest id is its root; the
        # section around the root is the next level up (the anchor would only give the quote again).
        root = min(passage.passage_ids)
        try:
            whole = await asyncio.to_thread(self.kit.pipeline.section, root, passage.index_version or None)
        except (KeyError, IndexError, ValueError):
            log.info("section of passage %s not available", root)
            return None
        return whole if whole.doc == passage.doc else None

    # -- the question itself ---------------------------------------------------------------------
    async def ask(self, context: Context, update: Update, text: str) -> None:
        """Validate, rate-limit, search in a worker thread (within one document after "Hỏi về đoạn
        này"), log, and send the answer for its tier."""
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None:
            return
        problem = check_question(text, self.kit.limits.max_question_chars)
        if problem:
            await self.kit.reply(context, update, problem)
            return
        if not self.kit.questions.hit(user.id):
            seconds = max(1, round(self.kit.questions.retry_after(user.id)))
            await self.kit.reply(context, update, texts.RATE_LIMITED.format(seconds=seconds))
            return
        question = text.strip()
        doc = self.kit.scopes.take(chat.id, user.id)
        typing = asyncio.create_task(self.kit.typing(context, chat.id))
        started = time.perf_counter()
        try:
            try:
                if doc is None:
                    answer: Answer = await asyncio.to_thread(self.kit.pipeline.answer, question)
                else:
                    answer = await asyncio.to_thread(self.kit.pipeline.answer, question, doc=doc)
            except ValueError:
                if doc is None:
                    raise
                await self.kit.reply(context, update, texts.SCOPE_GONE)  # removed by a re-index meanwhile
                doc = None
                answer = await asyncio.to_thread(self.kit.pipeline.answer, question)
        finally:
            latency_ms = (time.perf_counter() - started) * 1000
            await typing
        qid = await asyncio.to_thread(
            self.kit.store.log_question, user.id, chat.id, question, answer, latency_ms, doc
        )
        offered = [[s.passage_id, s.index_version] for s in answer.suggestions]
        token = await asyncio.to_thread(
            self.kit.store.issue_token, ANSWER, chat.id, user.id, {"s": offered} if offered else None, qid
        )
        log.info("q%s tier=%s %.0f ms", qid, answer.tier, latency_ms)
        scope_title = None
        if doc is not None:
            info = await asyncio.to_thread(self.kit.pipeline.document, doc)
            scope_title = info.title if info else doc
        html, markup = render(answer, token, scope_title)
        await self.kit.reply(context, update, html, markup)

    async def on_error(self, update: object, context: Context) -> None:
        """Log (the token is redacted by the logging filter installed in hoidap.bot.app) and keep running."""
        log.error("error while handling an update: %s", context.error, exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat is not None:
            try:
                await context.bot.send_message(update.effective_chat.id, texts.ERROR)
            except Exception as e:  # noqa: BLE001 - the error path must not raise
                log.debug("could not tell the user about the error: %s", e)
