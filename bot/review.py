"""Review (/ontap [tài liệu]): a document read card by card, with a question or a check on each.

Each card quotes one part of the document (hoidap.bot.library.Library.review_units: consecutive
sections of a few thousand characters along its structure) with three buttons: "Tiếp" (the next
part), "Hỏi về đoạn này" (the user's next question is answered from this document only) and
"Kiểm tra" (one quiz question about this part, as a native quiz poll).
"""

from __future__ import annotations

import asyncio
from typing import Any

from hoidap.bot import callbacks as cb
from hoidap.bot import texts
from hoidap.bot.args import argument, choose_document
from hoidap.bot.format import answer_card, esc
from hoidap.bot.kit import Context, Kit
from hoidap.bot.library import Library, short
from hoidap.bot.quizzes import Quizzes
from hoidap.bot.store import Ticket
from telegram import ForceReply, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

REVIEW = "review"  # token kind
CHOOSER_SIZE = 20  # documents offered as buttons by /ontap without a name


class Review:
    """/ontap and the buttons under its cards."""

    def __init__(self, kit: Kit, quizzes: Quizzes) -> None:
        self.kit = kit
        self.quizzes = quizzes

    def register(self, app: Application) -> None:
        app.add_handler(CommandHandler("ontap", self.on_ontap))
        app.add_handler(CallbackQueryHandler(self.on_open, pattern=cb.pattern(cb.REVIEW_OPEN)))
        app.add_handler(CallbackQueryHandler(self.on_next, pattern=cb.pattern(cb.REVIEW_NEXT)))
        app.add_handler(CallbackQueryHandler(self.on_ask, pattern=cb.pattern(cb.REVIEW_ASK)))
        app.add_handler(CallbackQueryHandler(self.on_check, pattern=cb.pattern(cb.REVIEW_CHECK)))

    async def on_ontap(self, update: Update, context: Context) -> None:
        chat, msg = update.effective_chat, update.effective_message
        if chat is None or msg is None:
            return
        library = await asyncio.to_thread(self.kit.library)
        if not library.newest_first:
            await self.kit.reply(context, update, texts.NO_DOCUMENTS)
            return
        query = argument(msg.text)
        if not query:
            docs = library.newest_first[:CHOOSER_SIZE]
            payload: dict[str, Any] = {"v": library.version, "docs": [d.doc_id for d in docs]}
            token = await asyncio.to_thread(self.kit.store.issue_token, REVIEW, chat.id, None, payload)
            rows = [
                [InlineKeyboardButton(f"{n}. {short(d.title or d.doc_id, 44)}",
                                      callback_data=cb.encode(cb.REVIEW_OPEN, token, n - 1))]
                for n, d in enumerate(docs, 1)
            ]
            await self.kit.reply(context, update, texts.REVIEW_PICK, InlineKeyboardMarkup(rows))
            return
        chosen = choose_document(library, query)
        if isinstance(chosen, str):
            await self.kit.reply(context, update, chosen)
            return
        await self.start(context, update, library, chosen.doc_id)

    async def start(self, context: Context, update: Update, library: Library, doc_id: str) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        payload = {"v": library.version, "doc": doc_id}
        token = await asyncio.to_thread(self.kit.store.issue_token, REVIEW, chat.id, None, payload)
        await self.send_card(context, update, library, token, doc_id, 0)

    async def send_card(self, context: Context, update: Update, library: Library, token: str, doc_id: str,
                        n: int) -> None:
        units = library.review_units(doc_id)
        start, end = units[n]
        html = answer_card(library.quote(start, end), heading=texts.REVIEW_HEADING.format(n=n + 1, total=len(units)))
        rows = []
        if n + 1 < len(units):
            following = cb.encode(cb.REVIEW_NEXT, token, n + 1)
            rows.append([InlineKeyboardButton(texts.BTN_REVIEW_NEXT, callback_data=following)])
        else:
            html += "\n\n" + texts.REVIEW_DONE
        rows.append([
            InlineKeyboardButton(texts.BTN_REVIEW_ASK, callback_data=cb.encode(cb.REVIEW_ASK, token, n)),
            InlineKeyboardButton(texts.BTN_REVIEW_CHECK, callback_data=cb.encode(cb.REVIEW_CHECK, token, n)),
        ])  # fmt: skip
        chat = update.effective_chat
        if chat is not None:
            await self.kit.send(context, chat.id, html, InlineKeyboardMarkup(rows))

    async def card(self, update: Update) -> tuple[int, Ticket, Library, str] | None:
        """The card a button belongs to: its number (checked), token, library and document."""
        found = await self.kit.ticket(update, (REVIEW,))
        query = update.callback_query
        if found is None or query is None:
            return None
        press, ticket = found
        library = await asyncio.to_thread(self.kit.library)
        doc_id = str(ticket.payload.get("doc", ""))
        if ticket.payload.get("v") != library.version or doc_id not in library.documents:
            await query.answer(texts.BROWSE_STALE, show_alert=True)
            return None
        if press.args[0] >= len(library.review_units(doc_id)):
            await query.answer(texts.EXPIRED)
            return None
        return press.args[0], ticket, library, doc_id

    async def on_open(self, update: Update, context: Context) -> None:
        found = await self.kit.ticket(update, (REVIEW,))
        query = update.callback_query
        if found is None or query is None:
            return
        press, ticket = found
        library = await asyncio.to_thread(self.kit.library)
        docs = ticket.payload.get("docs", [])
        if ticket.payload.get("v") != library.version or press.args[0] >= len(docs):
            await query.answer(texts.BROWSE_STALE, show_alert=True)
            return
        await query.answer()
        await self.start(context, update, library, docs[press.args[0]])

    async def on_next(self, update: Update, context: Context) -> None:
        found = await self.card(update)
        if found is None or update.callback_query is None:
            return
        n, ticket, library, doc_id = found
        await update.callback_query.answer()
        await self.send_card(context, update, library, ticket.token, doc_id, n)

    async def on_ask(self, update: Update, context: Context) -> None:
        found = await self.card(update)
        query = update.callback_query
        if found is None or query is None or update.effective_chat is None:
            return
        _n, _ticket, library, doc_id = found
        self.kit.scopes.set(update.effective_chat.id, query.from_user.id, doc_id)
        await query.answer()
        title = library.documents[doc_id].title or doc_id
        html = esc(texts.ASK_IN_DOC.format(title=title))
        if update.effective_chat.type != ChatType.PRIVATE:  # in a group the prompt is for the presser only
            user = query.from_user
            html = f'<a href="tg://user?id={user.id}">{esc(user.first_name)}</a>, {html}'
        prompt = ForceReply(selective=True, input_field_placeholder=short(f"Câu hỏi về {title}", 64))
        await self.kit.send(context, update.effective_chat.id, html, prompt)

    async def on_check(self, update: Update, context: Context) -> None:
        found = await self.card(update)
        if found is None or update.callback_query is None:
            return
        n, _ticket, library, doc_id = found
        start, _end = library.review_units(doc_id)[n]
        await update.callback_query.answer()
        await self.quizzes.check(context, update, start)
