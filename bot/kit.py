"""What every handler needs, in one object: the engine, the store, the limits, and sending.

The feature modules (answers in handlers.py, browse.py, review.py, quizzes.py) each take a
``Kit`` rather than a list of collaborators, so they share one library per index version, one
quiz generator per version, one way to send split HTML and one way to check a button's token.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from hoidap.bot import texts
from hoidap.bot.access import Access, RateLimiter, Throttle
from hoidap.bot.callbacks import Press, parse
from hoidap.bot.library import Library
from hoidap.bot.service import AnswerService, QuizFactory, QuizSource, default_quiz_factory
from hoidap.bot.split import split_html
from hoidap.bot.store import Store, Ticket
from telegram import (
    CallbackQuery,
    ForceReply,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import BadRequest
from telegram.ext import ContextTypes

log = logging.getLogger(__name__)

Context = ContextTypes.DEFAULT_TYPE
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


@dataclass(frozen=True)
class Limits:
    """The knobs handlers need from Settings (kept apart so tests can build them directly)."""

    max_question_chars: int = 1000
    typing: bool = True


class Scopes:
    """"Hỏi về đoạn này": the next question of a user in a chat is searched in one document only.

    Remembered for ``ttl`` seconds (a question asked much later is a new subject), in memory.

    >>> now = [0.0]
    >>> s = Scopes(ttl=600, clock=lambda: now[0])
    >>> s.set(-100, 1, "a.txt"); s.take(-100, 2), s.take(-100, 1), s.take(-100, 1)
    (None, 'a.txt', None)
    """

    def __init__(self, ttl: float = 600.0, clock: Callable[[], float] = time.monotonic, max_keys: int = 10_000):
        self.ttl = ttl
        self.clock = clock
        self.max_keys = max_keys
        self._scopes: OrderedDict[tuple[int, int], tuple[str, float]] = OrderedDict()

    def set(self, chat_id: int, user_id: int, doc: str) -> None:
        self._scopes[(chat_id, user_id)] = (doc, self.clock() + self.ttl)
        self._scopes.move_to_end((chat_id, user_id))
        while len(self._scopes) > self.max_keys:
            self._scopes.popitem(last=False)

    def take(self, chat_id: int, user_id: int) -> str | None:
        """The pending document for this user's next question (used once), None when there is none."""
        doc, until = self._scopes.pop((chat_id, user_id), (None, 0.0))
        return doc if doc is not None and self.clock() < until else None


@dataclass
class Kit:
    """The shared services and the shared steps of every handler."""

    pipeline: AnswerService
    store: Store
    access: Access
    questions: RateLimiter  # searches per user
    throttle: Throttle  # actions that send messages, per user and per chat (applied by the gate)
    limits: Limits = field(default_factory=Limits)
    quiz_factory: QuizFactory = default_quiz_factory
    scopes: Scopes = field(default_factory=Scopes)
    _library: Library | None = None
    _quiz: tuple[str, QuizSource] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- the engine, per index version (call these in a worker thread) --------------------------
    def library(self) -> Library:
        """The served version's library (rebuilt when the index was reloaded)."""
        version, documents, passages = self.pipeline.catalog()
        with self._lock:
            if self._library is None or self._library.version != version:
                self._library = Library(version, documents, passages)
            return self._library

    def quiz_source(self) -> tuple[Library, QuizSource]:
        """The served version's library and a quiz generator over the same version."""
        library = self.library()
        with self._lock:
            if self._quiz is None or self._quiz[0] != library.version:
                self._quiz = (library.version, self.quiz_factory(library.passages, library.documents))
            return library, self._quiz[1]

    # -- buttons ---------------------------------------------------------------------------------
    async def ticket(self, update: Update, kinds: tuple[str, ...], own: bool = False) -> tuple[Press, Ticket] | None:
        """The press and its token's state, when the token exists, is of one of ``kinds`` and was
        issued for this chat (and, with ``own``, this user). Otherwise the press is answered as
        expired (or not yours) and None returned: a forged or foreign token does nothing."""
        query = update.callback_query
        if query is None:
            return None
        press = parse(query.data)
        ticket = await asyncio.to_thread(self.store.ticket, press.token) if press else None
        chat_id = query.message.chat.id if query.message else None
        if press is None or ticket is None or ticket.kind not in kinds or ticket.chat_id != chat_id:
            await query.answer(texts.EXPIRED)
            return None
        if own and ticket.user_id != query.from_user.id:
            await query.answer(texts.NOT_YOURS, show_alert=True)
            return None
        return press, ticket

    # -- sending ---------------------------------------------------------------------------------
    @staticmethod
    def reply_parameters(update: Update) -> ReplyParameters | None:
        """In groups a reply quotes the asker's message, so the answer is easy to find."""
        chat = update.effective_chat
        if chat is not None and chat.type != ChatType.PRIVATE and update.message is not None:
            return ReplyParameters(update.message.message_id, allow_sending_without_reply=True)
        return None

    async def send(
        self,
        context: Context,
        chat_id: int,
        html: str,
        markup: InlineKeyboardMarkup | ForceReply | None = None,
        reply_to: ReplyParameters | None = None,
    ) -> Message | None:
        """Send HTML split into Telegram-sized parts; the buttons go under the last part."""
        parts = split_html(html) or [html]
        last: Message | None = None
        for n, part in enumerate(parts):
            final = n == len(parts) - 1
            last = await context.bot.send_message(
                chat_id,
                part,
                parse_mode=ParseMode.HTML,
                reply_markup=markup if final else None,
                reply_parameters=reply_to if n == 0 else None,
                link_preview_options=NO_PREVIEW,
            )
        return last

    async def reply(
        self, context: Context, update: Update, html: str, markup: InlineKeyboardMarkup | None = None
    ) -> Message | None:
        chat = update.effective_chat
        if chat is None:
            return None
        return await self.send(context, chat.id, html, markup, self.reply_parameters(update))

    @staticmethod
    async def edit(query: CallbackQuery, html: str, markup: InlineKeyboardMarkup | None) -> None:
        """Replace a navigable message (one page, always under Telegram's limit) in place."""
        try:
            await query.edit_message_text(
                html, parse_mode=ParseMode.HTML, reply_markup=markup, link_preview_options=NO_PREVIEW
            )
        except BadRequest as e:
            if "not modified" not in str(e).lower():  # pressing the page one is on changes nothing
                raise

    async def typing(self, context: Context, chat_id: int) -> None:
        """Show "typing…"; purely cosmetic, so any failure is logged and ignored."""
        if not self.limits.typing:
            return
        try:
            await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
        except Exception as e:  # noqa: BLE001 - a cosmetic call must never break the answer
            log.debug("send_chat_action failed: %s", e)
