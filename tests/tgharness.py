"""In-process Telegram for tests: the real Application over a recording BaseRequest, no network.

``RecordingRequest`` (hoidap.bot.offline) answers every Bot API call locally, records it, and
rejects what Telegram would reject (over-long or malformed HTML, oversized callback data, polls
over Telegram's limits, over-long alert texts) with Telegram's own error texts. ``Harness`` builds
the Application exactly as ``hoidap bot`` does and feeds it updates: messages, button presses and
quiz poll answers.

``FakePipeline`` serves a small catalog of real ``Passage`` objects (so browsing, review and stored
answers are re-read exactly as from an index) and ``FakeQuiz`` makes deterministic questions from
it with the interface of hoidap.index.quiz.QuizGenerator.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from hoidap.bot.app import build_application
from hoidap.bot.library import Library
from hoidap.bot.offline import BOT_ID, BOT_NAME, RecordingRequest
from hoidap.bot.store import Store
from hoidap.index.types import Answer, AnswerPassage, DocumentInfo, Passage, Suggestion
from telegram import Update

from hoidap.settings import Settings

TOKEN = "123456:TEST-token-never-logged"
VERSION = "v-test-1"


LIST_TEXT = (
    "Các khâu đột phá:\n(1) Cải cách <thủ tục> & hành chính.\n(2) Hạ tầng *giao thông*.\n(3) Nhân lực."
)


def P(pid: int, doc: str, kind: str, text: str, section: list[str], parent: int, end: int) -> Passage:  # noqa: N802
    return Passage(pid, doc, kind, text, section, pid * 100, pid * 100 + len(text), parent, end)  # type: ignore[arg-type]


def make_catalog(extra_docs: int = 0, long_section: bool = False) -> tuple[dict[str, DocumentInfo], list[Passage]]:
    """Two real-looking documents (and ``extra_docs`` small dated ones, for paging)."""
    docs = {
        "hbt.txt": DocumentInfo("hbt.txt", "Quận Hai Bà Trưng <2025>", date="2025-03-04", number="12-NQ/QU"),
        "dv.txt": DocumentInfo("dv.txt", "Dân vận", number="5-NQ/TW"),
    }
    head = ["Phương hướng"]
    passages = [
        P(0, "hbt.txt", "heading", "Phương hướng", [], -1, 6),
        P(1, "hbt.txt", "lead", "Các khâu đột phá:", head, 0, 5),
        P(2, "hbt.txt", "item", "(1) Cải cách <thủ tục> & hành chính.", [*head, "Các khâu đột phá:"], 1, 3),
        P(3, "hbt.txt", "item", "(2) Hạ tầng *giao thông*.", [*head, "Các khâu đột phá:"], 1, 4),
        P(4, "hbt.txt", "item", "(3) Nhân lực.", [*head, "Các khâu đột phá:"], 1, 5),
        P(5, "hbt.txt", "paragraph", "Hết mục.", head, 0, 6),
        P(6, "hbt.txt", "heading", "Khác", [], -1, 8),
        P(7, "hbt.txt", "paragraph", "Một đoạn khác.", ["Khác"], 6, 8),
        P(8, "dv.txt", "heading", "I. MỤC TIÊU", [], -1, 10),
        P(9, "dv.txt", "paragraph", "Dân vận khéo thì việc gì cũng thành công.", ["I. MỤC TIÊU"], 8, 10),
    ]
    if long_section:  # a section far over one Telegram message
        body = " ".join(f"Câu thứ {i} của mục rất dài về chuyển đổi số & dữ liệu <quốc gia>." for i in range(180))
        passages.append(P(10, "dv.txt", "heading", "II. NHIỆM VỤ DÀI", [], -1, 12))
        passages.append(P(11, "dv.txt", "paragraph", body, ["II. NHIỆM VỤ DÀI"], 10, 12))
    for n in range(extra_docs):
        doc = f"tl{n:02d}.txt"
        docs[doc] = DocumentInfo(doc, f"Thông báo số {n}", date=f"2023-01-{n + 1:02d}", number=f"{n}-TB")
        pid = len(passages)
        passages.append(P(pid, doc, "paragraph", f"Nội dung thông báo số {n}.", [], -1, pid + 1))
    return docs, passages


def passage(text: str = LIST_TEXT, **kw: Any) -> AnswerPassage:
    base: dict[str, Any] = {
        "doc": "hbt.txt",
        "title": "Quận Hai Bà Trưng <2025>",
        "section": "Phương hướng › Đột phá",
        "text": text,
        "score": 0.9,
        "date": "2025-03-04",
        "number": "12-NQ/QU",
        "passage_ids": [1, 2, 3, 4],
        "highlights": [(0, 17)],
        "expandable": True,
        "index_version": VERSION,
    }
    base.update(kw)
    return AnswerPassage(**base)


class FakePipeline:
    """Implements hoidap.bot.service.AnswerService over ``make_catalog``."""

    def __init__(self, extra_docs: int = 0, long_section: bool = False) -> None:
        self.questions: list[str] = []
        self.scopes: list[str | None] = []
        self.reloaded = 0
        self.fail = False
        self.version = VERSION
        self.docs, self.passages = make_catalog(extra_docs, long_section)

    def answer(self, question: str, k: int | None = None, mode: str = "hybrid", doc: str | None = None) -> Answer:
        self.questions.append(question)
        self.scopes.append(doc)
        if self.fail:
            raise RuntimeError(f"boom with {TOKEN}")
        if doc is not None and doc not in self.docs:
            raise ValueError(f"doc={doc!r}: no such document")
        q = question.lower()
        if doc == "dv.txt" or "dân vận" in q:
            best = passage("Dân vận khéo thì việc gì cũng thành công.", doc="dv.txt", title="Dân vận",
                           section="I. MỤC TIÊU", passage_ids=[9], date=None, number="5-NQ/TW", highlights=[],
                           index_version=self.version)
            return Answer(question, True, best.text, [best], confidence=0.9, tier="high")
        if "đột phá" in q:
            alt = passage("Một đoạn khác.", section="Khác", passage_ids=[7], expandable=False, highlights=[],
                          index_version=self.version)
            main = passage(index_version=self.version)
            tier = "medium" if "chắc" in q else "high"
            return Answer(question, True, LIST_TEXT, [main, alt], confidence=0.9, tier=tier)  # type: ignore[arg-type]
        suggestions = [Suggestion("Các khâu đột phá:", "hbt.txt", "Quận Hai Bà Trưng <2025>", 1, self.version),
                       Suggestion("I. MỤC TIÊU", "dv.txt", "Dân vận", 8, self.version)]
        return Answer(question, False, "Không tìm thấy nội dung này trong tài liệu.", [],
                      suggestions=suggestions if "gợi ý" in q else [])

    def section(self, passage_id: int, index_version: str | None = None) -> AnswerPassage:
        if index_version and index_version != self.version:
            raise KeyError(index_version)
        p = self.passages[passage_id]
        head = self.passages[p.parent] if p.parent >= 0 else p
        return Library(self.version, self.docs, self.passages).quote(head.id, head.subtree_end)

    def documents(self) -> list[DocumentInfo]:
        return list(self.docs.values())

    def document(self, doc_id: str) -> DocumentInfo | None:
        return self.docs.get(doc_id)

    def catalog(self) -> tuple[str, Mapping[str, DocumentInfo], Sequence[Passage]]:
        return self.version, self.docs, self.passages

    def reload(self) -> bool:
        self.reloaded += 1
        return True


@dataclass(frozen=True)
class FakeQuizQuestion:
    question: str
    options: list[str]
    correct: int
    doc: str
    section: str
    source: str
    explanation: str
    kind: str = "cloze"
    passage_ids: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class FakeQuiz:
    """Deterministic questions with hoidap.index.quiz.QuizGenerator's interface: question i's answer is
    option i % 4, so tests know which options are right."""

    def __init__(self, passages: Sequence[Passage], documents: Mapping[str, DocumentInfo]) -> None:
        self.passages = passages
        self.documents = documents
        self.asked: list[tuple[int, str | None]] = []

    def _question(self, i: int, p: Passage) -> FakeQuizQuestion:
        title = self.documents[p.doc_id].title
        return FakeQuizQuestion(
            question=f"Câu hỏi {i} về «{p.text[:40]}»?",
            options=[f"Phương án {chr(65 + k)}{i}" for k in range(4)],
            correct=i % 4,
            doc=p.doc_id,
            section=" › ".join(p.section),
            source=p.text,  # the verbatim passage, as hoidap.index.quiz gives it
            explanation=f"Theo {title}" + (f", mục {' › '.join(p.section)}." if p.section else "."),
            passage_ids=[p.id],
        )

    def generate(self, n: int, seed: int = 0, doc: str | None = None) -> list[FakeQuizQuestion]:
        self.asked.append((n, doc))
        pool = [p for p in self.passages if doc is None or p.doc_id == doc]
        return [self._question(i, pool[i % len(pool)]) for i in range(n)] if pool else []

    def for_section(self, passage_id: int, seed: int = 0) -> FakeQuizQuestion | None:
        return self._question(0, self.passages[passage_id])


class Harness:
    def __init__(self, tmp_path: Path, pipeline: FakePipeline | None = None, **settings: Any) -> None:
        self.settings = Settings(telegram_bot_token=TOKEN, db_path=tmp_path / "bot.sqlite3", **settings)
        self.pipeline = pipeline or FakePipeline()
        self.request = RecordingRequest()
        self.store = Store(self.settings.db_path, retention_days=self.settings.log_retention_days)
        self.quizzes: list[FakeQuiz] = []

        def factory(passages: Sequence[Passage], documents: Mapping[str, DocumentInfo]) -> FakeQuiz:
            self.quizzes.append(FakeQuiz(passages, documents))
            return self.quizzes[-1]

        self.app = build_application(
            self.settings,
            self.pipeline,
            store=self.store,
            request=self.request,
            get_updates_request=RecordingRequest(),
            quiz_factory=factory,
        )
        self.update_id = 0

    async def __aenter__(self) -> Harness:
        await self.app.initialize()
        if self.app.post_init:
            await self.app.post_init(self.app)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.app.shutdown()

    async def send(self, data: dict[str, Any]) -> None:
        self.update_id += 1
        await self.app.process_update(Update.de_json({"update_id": self.update_id, **data}, self.app.bot))

    async def message(
        self,
        text: str | None,
        user: int = 1,
        chat: int | None = None,
        chat_type: str = "private",
        reply_to_bot: bool = False,
        **extra: Any,
    ) -> None:
        msg: dict[str, Any] = {
            "message_id": self.update_id + 1,
            "date": int(time.time()),
            "chat": {"id": chat if chat is not None else user, "type": chat_type},
            "from": {"id": user, "is_bot": False, "first_name": f"Người {user}"},
            **extra,
        }
        if text is not None:
            msg["text"] = text
            if text.startswith("/"):
                msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if reply_to_bot:
            msg["reply_to_message"] = {
                "message_id": 1,
                "date": int(time.time()),
                "chat": msg["chat"],
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "Bot", "username": BOT_NAME},
                "text": "trước",
            }
        await self.send({"message": msg})

    async def press(
        self, data: str, user: int = 1, chat: int | None = None, chat_type: str | None = None, message_id: int = 5
    ) -> None:
        chat_id = chat if chat is not None else user
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": chat_type or ("private" if chat_id > 0 else "group")},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Bot"},
            "text": "card",
        }
        query = {"id": str(self.update_id), "from": {"id": user, "is_bot": False, "first_name": f"Người {user}"}}
        await self.send({"callback_query": {**query, "chat_instance": "1", "message": message, "data": data}})

    async def poll_answer(self, poll_id: str, user: int, option: int, name: str | None = None) -> None:
        voter = {"id": user, "is_bot": False, "first_name": name or f"Người {user}"}
        answer = {"poll_id": poll_id, "user": voter, "option_ids": [option], "option_persistent_ids": [str(option)]}
        await self.send({"poll_answer": answer})

    def buttons(self, index: int = -1, method: str = "sendMessage") -> list[tuple[str, str]]:
        markup = self.request.sent(method)[index].get("reply_markup") or {}
        return [(b["text"], b["callback_data"]) for row in markup.get("inline_keyboard", []) for b in row]
