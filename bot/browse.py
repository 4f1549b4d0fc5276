"""Browsing the library: /tailieu → a document's outline → a section quoted whole with its source.

One message is navigated in place (``editMessageText``): "‹ Trước" / "Sau ›" page through the list,
the outline, or the sections (a section longer than a message is read in parts), "⬆ Mục lục" goes
back to the outline and "⬆ Danh sách" to the list. The button token is bound to the chat and
remembers the index version and the order of the documents it listed, so a button pressed after a
re-index says so instead of opening whatever now has that number.
"""

from __future__ import annotations

import asyncio
from typing import Any

from hoidap.bot import callbacks as cb
from hoidap.bot import texts
from hoidap.bot.format import answer_card, document_line, esc, format_date
from hoidap.bot.kit import Context, Kit
from hoidap.bot.library import Library, short
from hoidap.bot.split import split_html
from hoidap.bot.store import Ticket
from hoidap.index.types import DocumentInfo
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

BROWSE = "browse"  # token kind
DOCS_PER_PAGE = 8
OUTLINE_PER_PAGE = 8
PART_LIMIT = 3500  # one page of a section, with room for the page line (Telegram: 4096)

Page = tuple[str, InlineKeyboardMarkup]


def pages(count: int, per_page: int) -> int:
    return max(1, -(-count // per_page))


def nav_row(token: str, prev: tuple[str, tuple[int, ...]] | None,
            next_: tuple[str, tuple[int, ...]] | None) -> list[InlineKeyboardButton]:
    row = []
    if prev is not None:
        row.append(InlineKeyboardButton(texts.BTN_PREV, callback_data=cb.encode(prev[0], token, *prev[1])))
    if next_ is not None:
        row.append(InlineKeyboardButton(texts.BTN_NEXT, callback_data=cb.encode(next_[0], token, *next_[1])))
    return row


def list_page(docs: list[DocumentInfo], token: str, page: int) -> Page:
    """One page of the document list, newest first, numbered as /ontap and /quiz accept them."""
    total = pages(len(docs), DOCS_PER_PAGE)
    first = page * DOCS_PER_PAGE
    shown = docs[first : first + DOCS_PER_PAGE]
    lines = [f"<b>{esc(texts.DOCS_HEADING.format(n=len(docs)))}</b> · {texts.PAGE.format(page=page + 1, pages=total)}"]
    lines += [f"{first + i + 1}. {document_line(d)}" for i, d in enumerate(shown)]
    rows = [
        [InlineKeyboardButton(f"{first + i + 1}. {short(d.title or d.doc_id, 40)}",
                              callback_data=cb.encode(cb.OUTLINE, token, first + i, 0))]
        for i, d in enumerate(shown)
    ]
    nav = nav_row(token, (cb.LIST, (page - 1,)) if page > 0 else None,
                  (cb.LIST, (page + 1,)) if page + 1 < total else None)
    return "\n".join(lines), InlineKeyboardMarkup([*rows, nav] if nav else rows)


def document_header(info: DocumentInfo) -> str:
    bits = [f"Số hiệu: {esc(info.number)}"] if info.number else []
    if info.date:
        bits.append(f"Ngày {esc(format_date(info.date))}")
    return f"📄 <b>{esc(info.title or info.doc_id)}</b>" + (f"\n{' · '.join(bits)}" if bits else "")


def outline_page(library: Library, docs: list[DocumentInfo], token: str, d: int, page: int) -> Page:
    """One page of a document's outline; each entry opens its section."""
    info = docs[d]
    entries = library.outline(info.doc_id)
    total = pages(len(entries), OUTLINE_PER_PAGE)
    first = page * OUTLINE_PER_PAGE
    shown = entries[first : first + OUTLINE_PER_PAGE]
    lines = [document_header(info), ""]
    if not entries:
        lines.append(esc(texts.NO_OUTLINE))
    else:
        lines.append(f"<b>{texts.OUTLINE_HEADING}</b> · {texts.PAGE.format(page=page + 1, pages=total)}")
        lines += [f"{'   ' * min(e.depth, 4)}{first + i + 1}. {esc(e.label)}" for i, e in enumerate(shown)]
    rows = [
        [InlineKeyboardButton(f"{first + i + 1}. {short(e.label, 44)}",
                              callback_data=cb.encode(cb.READ, token, d, first + i, 0))]
        for i, e in enumerate(shown)
    ]
    nav = nav_row(token, (cb.OUTLINE, (d, page - 1)) if page > 0 else None,
                  (cb.OUTLINE, (d, page + 1)) if page + 1 < total else None)
    back = [InlineKeyboardButton(texts.BTN_LIST, callback_data=cb.encode(cb.LIST, token, d // DOCS_PER_PAGE))]
    return "\n".join(lines), InlineKeyboardMarkup([*rows, *([nav] if nav else []), back])


def section_parts(library: Library, doc_id: str, e: int) -> list[str]:
    """The e-th outline entry's section, quoted whole with its source, cut into pages."""
    entries = library.outline(doc_id)
    quote = library.section(entries[e].pid)
    card = answer_card(quote, heading=texts.READ_HEADING.format(n=e + 1, total=len(entries)))
    return split_html(card, PART_LIMIT) or [card]


def read_page(library: Library, docs: list[DocumentInfo], token: str, d: int, e: int, part: int) -> Page:
    """One page of a section; ‹ Trước / Sau › move through its parts, then to the neighbouring sections."""
    info = docs[d]
    entries = library.outline(info.doc_id)
    parts = section_parts(library, info.doc_id, e)
    html = parts[part]
    if len(parts) > 1:
        html += f"\n<i>{texts.PART.format(part=part + 1, parts=len(parts))}</i>"
    prev = (cb.READ, (d, e, part - 1)) if part > 0 else (cb.READ, (d, e - 1, 0)) if e > 0 else None
    next_ = ((cb.READ, (d, e, part + 1)) if part + 1 < len(parts)
             else (cb.READ, (d, e + 1, 0)) if e + 1 < len(entries) else None)
    up = InlineKeyboardButton(texts.BTN_OUTLINE, callback_data=cb.encode(cb.OUTLINE, token, d, e // OUTLINE_PER_PAGE))
    nav = nav_row(token, prev, next_)
    return html, InlineKeyboardMarkup([nav, [up]] if nav else [[up]])


class Browse:
    """/tailieu and its navigation buttons."""

    def __init__(self, kit: Kit) -> None:
        self.kit = kit

    def register(self, app: Application) -> None:
        app.add_handler(CommandHandler("tailieu", self.on_tailieu))
        app.add_handler(CallbackQueryHandler(self.on_list, pattern=cb.pattern(cb.LIST)))
        app.add_handler(CallbackQueryHandler(self.on_outline, pattern=cb.pattern(cb.OUTLINE)))
        app.add_handler(CallbackQueryHandler(self.on_read, pattern=cb.pattern(cb.READ)))

    async def on_tailieu(self, update: Update, context: Context) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        library = await asyncio.to_thread(self.kit.library)
        docs = library.newest_first
        if not docs:
            await self.kit.reply(context, update, texts.NO_DOCUMENTS)
            return
        payload: dict[str, Any] = {"v": library.version, "docs": [d.doc_id for d in docs]}
        token = await asyncio.to_thread(self.kit.store.issue_token, BROWSE, chat.id, None, payload)
        html, markup = list_page(docs, token, 0)
        await self.kit.reply(context, update, html, markup)

    async def view(self, update: Update) -> tuple[tuple[int, ...], Ticket, Library, list[DocumentInfo]] | None:
        """The press's numbers, its token, and the library and document order it was made for."""
        found = await self.kit.ticket(update, (BROWSE,))
        query = update.callback_query
        if found is None or query is None:
            return None
        press, ticket = found
        library = await asyncio.to_thread(self.kit.library)
        if ticket.payload.get("v") != library.version:
            await query.answer(texts.BROWSE_STALE, show_alert=True)
            return None
        docs = [library.documents[d] for d in ticket.payload.get("docs", []) if d in library.documents]
        return press.args, ticket, library, docs

    async def on_list(self, update: Update, context: Context) -> None:
        found = await self.view(update)
        if found is None or update.callback_query is None:
            return
        (page,), ticket, _library, docs = found
        if page >= pages(len(docs), DOCS_PER_PAGE):
            await update.callback_query.answer(texts.EXPIRED)
            return
        await update.callback_query.answer()
        await self.kit.edit(update.callback_query, *list_page(docs, ticket.token, page))

    async def on_outline(self, update: Update, context: Context) -> None:
        found = await self.view(update)
        if found is None or update.callback_query is None:
            return
        (d, page), ticket, library, docs = found
        if d >= len(docs) or page >= pages(len(library.outline(docs[d].doc_id)), OUTLINE_PER_PAGE):
            await update.callback_query.answer(texts.EXPIRED)
            return
        await update.callback_query.answer()
        await self.kit.edit(update.callback_query, *outline_page(library, docs, ticket.token, d, page))

    async def on_read(self, update: Update, context: Context) -> None:
        found = await self.view(update)
        if found is None or update.callback_query is None:
            return
        (d, e, part), ticket, library, docs = found
        if d >= len(docs) or e >= len(library.outline(docs[d].doc_id)):
            await update.callback_query.answer(texts.EXPIRED)
            return
        parts = await asyncio.to_thread(section_parts, library, docs[d].doc_id, e)
        if part >= len(parts):
            await update.callback_query.answer(texts.EXPIRED)
            return
        await update.callback_query.answer()
        html, markup = await asyncio.to_thread(read_page, library, docs, ticket.token, d, e, part)
        await self.kit.edit(update.callback_query, html, markup)
