"""Quiz sessions (/quiz [n] [tài liệu], /ketqua) as native Telegram quiz polls.

Questions come from hoidap.index.quiz (through ``Kit.quiz_source``), are kept with the session
(hoidap.bot.quizstore) and sent one at a time as ``sendPoll(type=quiz, is_anonymous=False)`` with
the explanation naming the source, so every answer arrives as a ``PollAnswer`` and is recorded
per user and question.

- In a private chat anyone admitted quizzes themselves: the next question follows each answer,
  and the results come after the last one.
- In a group only a trainer (TRAINER_USERS or an admin) starts a session; everyone answers; the
  trainer moves on with "Câu tiếp ›" and closes with "Kết thúc", which posts the results.

/ketqua shows the chat's latest session: the leaderboard and how each question went.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable, Sequence
from typing import Any

from hoidap.bot import callbacks as cb
from hoidap.bot import texts
from hoidap.bot.args import choose_document, quiz_arguments
from hoidap.bot.format import esc
from hoidap.bot.kit import Context, Kit
from hoidap.bot.library import short
from hoidap.bot.quizstore import QuizStore, Session
from hoidap.bot.service import QuizItem
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Poll, Update
from telegram.constants import ChatType
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, PollAnswerHandler

log = logging.getLogger(__name__)

QUIZ = "quiz"  # token kind
MAX_QUESTIONS = 10
DEFAULT_QUESTIONS = 5
# Telegram's limits for quiz polls (characters).
POLL_QUESTION, POLL_OPTION, POLL_EXPLANATION = 300, 100, 200
MIN_OPTIONS, MAX_OPTIONS = 2, 12


def fit(text: str, limit: int) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis when longer.

    >>> fit("Một  hai\\nba", 100), fit("abcdef", 4)
    ('Một hai ba', 'abc…')
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def numbered(question: str, n: int, total: int) -> str:
    """"Câu 2/5: …" when it fits Telegram's 300 characters, else the question alone (never cut).

    >>> numbered("Có bao nhiêu khâu đột phá?", 1, 5), numbered("x" * 295, 0, 5) == "x" * 295
    ('Câu 2/5: Có bao nhiêu khâu đột phá?', True)
    """
    prefixed = f"Câu {n + 1}/{total}: {question}"
    return prefixed if len(prefixed) <= POLL_QUESTION else fit(question, POLL_QUESTION)


def poll_explanation(explanation: str, title: str, section: str, limit: int = POLL_EXPLANATION) -> str:
    """The explanation shown after answering: the generator's, which names the source (document and
    section); when it has none, the source itself.

    >>> poll_explanation("", "Nghị quyết 57-NQ/TW", "I. QUAN ĐIỂM")
    'Nguồn: Nghị quyết 57-NQ/TW — I. QUAN ĐIỂM'
    >>> len(poll_explanation("Theo Nghị quyết 57 " + "x" * 300, "Nghị quyết 57", "")) <= 200
    True
    """
    if explanation.strip():
        return fit(explanation, limit)
    return fit(f"Nguồn: {title}" + (f" — {section}" if section else ""), limit)


def pollable(item: QuizItem, title: str = "") -> dict[str, Any] | None:
    """The question as stored for a poll, fitted to Telegram's limits, with its document's title (the
    report needs no index); None when it cannot be one (fewer than 2 or more than 12 options, options
    equal once cut, no valid correct answer)."""
    options = [fit(o, POLL_OPTION) for o in item.options]
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS or not 0 <= item.correct < len(options):
        return None
    if any(not o for o in options) or len(set(options)) != len(options) or not item.question.strip():
        return None
    data = item.to_dict()
    title = title or item.doc
    data.update(options=options, title=title, explanation=poll_explanation(item.explanation, title, item.section))
    return data


def results_html(session: Session, standings: Sequence[Any], results: Sequence[Any], title: str | None) -> str:
    """/ketqua: the leaderboard, then each question with how many got it right and the answer."""
    scope = f" · «{esc(title)}»" if title else ""
    state = "đã kết thúc" if session.finished else "đang diễn ra"
    lines = [f"<b>Kết quả kiểm tra</b> · {session.total} câu{scope} · {state}", "", "<b>Bảng xếp hạng</b>"]
    if not standings:
        lines.append("Chưa có ai trả lời.")
    medals = {1: "🥇", 2: "🥈", 3: "🥉"}
    for rank, s in enumerate(standings, 1):
        lines.append(f"{medals.get(rank, '')}{rank}. {esc(s.name)} — {s.correct}/{s.answered} câu đúng")
    lines += ["", "<b>Từng câu</b>"]
    for r in results:
        q = r.question
        answer = q["options"][q["correct"]] if 0 <= q["correct"] < len(q["options"]) else ""
        lines.append(f"{r.n + 1}. {esc(short(q['question'], 90))} — {r.correct}/{r.answered} đúng"
                     f" · Đáp án: {esc(short(answer, 60))}")
    return "\n".join(lines)


class Quizzes:
    """/quiz, /ketqua, poll answers and the trainer's buttons."""

    def __init__(self, kit: Kit, store: QuizStore) -> None:
        self.kit = kit
        self.store = store
        self.seeds: Callable[[], int] = lambda: secrets.randbelow(2**31)  # a new quiz each session

    def register(self, app: Application) -> None:
        app.add_handler(CommandHandler("quiz", self.on_quiz))
        app.add_handler(CommandHandler("ketqua", self.on_ketqua))
        app.add_handler(PollAnswerHandler(self.on_poll_answer))
        app.add_handler(CallbackQueryHandler(self.on_next, pattern=cb.pattern(cb.QUIZ_NEXT)))
        app.add_handler(CallbackQueryHandler(self.on_end, pattern=cb.pattern(cb.QUIZ_END)))

    # -- starting --------------------------------------------------------------------------------
    async def on_quiz(self, update: Update, context: Context) -> None:
        user, chat, msg = update.effective_user, update.effective_chat, update.effective_message
        if user is None or chat is None or msg is None:
            return
        private = chat.type == ChatType.PRIVATE
        if not private and not self.kit.access.is_trainer(user.id):
            await self.kit.reply(context, update, texts.QUIZ_TRAINERS_ONLY)
            return
        parsed = quiz_arguments(msg.text, DEFAULT_QUESTIONS, MAX_QUESTIONS)
        if parsed is None:
            await self.kit.reply(context, update, texts.QUIZ_USAGE.format(limit=MAX_QUESTIONS))
            return
        n, query = parsed
        try:
            library, source = await asyncio.to_thread(self.kit.quiz_source)
        except ImportError:
            log.exception("the quiz generator is not installed")
            await self.kit.reply(context, update, texts.QUIZ_UNAVAILABLE)
            return
        doc: str | None = None
        if query:
            chosen = choose_document(library, query)
            if isinstance(chosen, str):
                await self.kit.reply(context, update, chosen)
                return
            doc = chosen.doc_id
        items = await asyncio.to_thread(source.generate, n, self.seeds(), doc)
        titles = {d: info.title for d, info in library.documents.items()}
        questions = [q for q in (pollable(i, titles.get(i.doc, "")) for i in items) if q is not None]
        if not questions:
            await self.kit.reply(context, update, texts.QUIZ_NO_QUESTIONS)
            return
        title = library.documents[doc].title if doc else None
        scope = f" từ «{esc(title)}»" if title else ""
        intro = (texts.QUIZ_START_PRIVATE if private else texts.QUIZ_START_GROUP).format(n=len(questions), scope=scope)
        await self.kit.reply(context, update, intro)
        await self.start(context, chat.id, user.id, private, doc, questions)

    async def check(self, context: Context, update: Update, passage_id: int) -> None:
        """"Kiểm tra" under a review card: one question about that part, as a one-question session."""
        chat, user = update.effective_chat, update.effective_user
        if chat is None or user is None:
            return
        try:
            library, source = await asyncio.to_thread(self.kit.quiz_source)
        except ImportError:
            log.exception("the quiz generator is not installed")
            await self.kit.send(context, chat.id, texts.QUIZ_UNAVAILABLE)
            return
        item = await asyncio.to_thread(source.for_section, passage_id, self.seeds())
        info = library.documents.get(item.doc) if item is not None else None
        question = pollable(item, info.title if info else "") if item is not None else None
        if question is None:
            await self.kit.send(context, chat.id, texts.NO_CHECK)
            return
        await self.kit.send(context, chat.id, texts.QUIZ_CHECK)
        await self.start(context, chat.id, user.id, chat.type == ChatType.PRIVATE, question.get("doc"), [question])

    async def start(self, context: Context, chat_id: int, user_id: int, private: bool, doc: str | None,
                    questions: list[dict[str, Any]]) -> None:
        session = await asyncio.to_thread(self.store.create, chat_id, user_id, private, doc, questions)
        await self.send_next(context, session, -1)

    # -- asking ----------------------------------------------------------------------------------
    async def send_next(self, context: Context, session: Session, expected: int) -> bool:
        """Send the question after ``expected`` (once, however many presses or answers race for it);
        False when there is none left or another update already sent it."""
        if not await asyncio.to_thread(self.store.advance, session.id, expected):
            return False
        n = expected + 1
        q = await asyncio.to_thread(self.store.question, session.id, n)
        if q is None:
            return False
        payload = {"session": session.id}
        token = await asyncio.to_thread(self.kit.store.issue_token, QUIZ, session.chat_id, None, payload)
        row = []
        if n + 1 < session.total and not session.private:
            row.append(InlineKeyboardButton(texts.BTN_QUIZ_NEXT, callback_data=cb.encode(cb.QUIZ_NEXT, token, n)))
        row.append(InlineKeyboardButton(texts.BTN_QUIZ_END, callback_data=cb.encode(cb.QUIZ_END, token)))
        message = await context.bot.send_poll(
            session.chat_id,
            numbered(q["question"], n, session.total),
            q["options"],
            is_anonymous=False,
            type=Poll.QUIZ,
            correct_option_ids=[int(q["correct"])],  # type: ignore[list-item]  # checked by pollable()
            explanation=q["explanation"],
            reply_markup=InlineKeyboardMarkup([row]),
        )
        if message.poll is not None:
            await asyncio.to_thread(self.store.sent, session.id, n, message.poll.id, message.message_id)
        return True

    async def on_poll_answer(self, update: Update, context: Context) -> None:
        answer = update.poll_answer
        if answer is None or answer.user is None or not answer.option_ids:
            return  # a retracted vote (not possible in a quiz poll) carries no option
        ref = await asyncio.to_thread(self.store.poll, answer.poll_id)
        if ref is None:
            return
        user = answer.user
        name = user.full_name or user.username or str(user.id)
        recorded = await asyncio.to_thread(self.store.record, ref, user.id, name, answer.option_ids[0])
        session = ref.session
        mine = recorded and session.private and user.id == session.started_by and not session.finished
        if mine and not await self.send_next(context, session, ref.n) and ref.n + 1 >= session.total:
            await self.finish(context, session)

    # -- the trainer's buttons -------------------------------------------------------------------
    async def session_of(self, update: Update) -> tuple[tuple[int, ...], Session] | None:
        found = await self.kit.ticket(update, (QUIZ,))
        query = update.callback_query
        if found is None or query is None:
            return None
        press, ticket = found
        session = await asyncio.to_thread(self.store.session, int(ticket.payload.get("session", -1)))
        if session is None:
            await query.answer(texts.EXPIRED)
            return None
        if not session.private and not self.kit.access.is_trainer(query.from_user.id):
            await query.answer(texts.QUIZ_NEXT_TRAINERS_ONLY, show_alert=True)
            return None
        if session.finished:
            await query.answer(texts.QUIZ_OVER, show_alert=True)
            return None
        return press.args, session

    async def on_next(self, update: Update, context: Context) -> None:
        found = await self.session_of(update)
        if found is None or update.callback_query is None:
            return
        (n,), session = found
        await update.callback_query.answer()
        await self.send_next(context, session, n)

    async def on_end(self, update: Update, context: Context) -> None:
        found = await self.session_of(update)
        if found is None or update.callback_query is None:
            return
        await update.callback_query.answer()
        await self.finish(context, found[1])

    async def finish(self, context: Context, session: Session) -> None:
        """Close the session (once) and post its results in its chat."""
        if await asyncio.to_thread(self.store.finish, session.id):
            closed = await asyncio.to_thread(self.store.session, session.id)
            await self.kit.send(context, session.chat_id, await self.results(closed or session))

    async def results(self, session: Session) -> str:
        standings = await asyncio.to_thread(self.store.standings, session.id)
        results = await asyncio.to_thread(self.store.results, session.id)
        title = None
        if session.doc:
            info = await asyncio.to_thread(self.kit.pipeline.document, session.doc)
            title = info.title if info else session.doc
        return results_html(session, standings, results, title)

    async def on_ketqua(self, update: Update, context: Context) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        session = await asyncio.to_thread(self.store.latest, chat.id)
        if session is None:
            await self.kit.reply(context, update, texts.NO_RESULTS)
            return
        await self.kit.reply(context, update, await self.results(session))

