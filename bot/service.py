"""What the bot needs from the answer pipeline and the quiz generator, as Protocols.

The bot depends on these shapes rather than on hoidap.index.pipeline.AnswerPipeline and
hoidap.index.quiz.QuizGenerator so that handler tests can use small stand-ins and the bot never
reaches into the engine's internals. All methods are synchronous and may be CPU-bound: the bot
calls them in a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple, Protocol

from hoidap.index.types import Answer, AnswerPassage, DocumentInfo, Passage, RetrievalMode


class Catalog(NamedTuple):
    """One index version's documents and passages (read-only; the bot browses and quizzes on them)."""

    version: str
    documents: Mapping[str, DocumentInfo]
    passages: Sequence[Passage]


class AnswerService(Protocol):
    def answer(
        self, question: str, k: int | None = None, mode: RetrievalMode = "hybrid", doc: str | None = None
    ) -> Answer:
        """The answer to ``question`` (within document ``doc`` when given; ValueError for an unknown one)."""
        ...

    def section(self, passage_id: int, index_version: str | None = None) -> AnswerPassage:
        """The whole section enclosing a passage ("Xem cả mục"); KeyError when the passage is from
        another index version than the one now served."""
        ...

    def documents(self) -> list[DocumentInfo]:
        """All indexed documents."""
        ...

    def document(self, doc_id: str) -> DocumentInfo | None:
        """One document's metadata, None when unknown."""
        ...

    def catalog(self) -> tuple[str, Mapping[str, DocumentInfo], Sequence[Passage]]:
        """The served snapshot's version, documents and passages (for browsing, review and quizzes)."""
        ...

    def reload(self) -> bool:
        """Swap in a newly published index; True when it changed."""
        ...


class QuizItem(Protocol):
    """One multiple-choice question (hoidap.index.quiz.QuizQuestion, a frozen dataclass: read-only)."""

    @property
    def question(self) -> str: ...
    @property
    def options(self) -> list[str]: ...
    @property
    def correct(self) -> int: ...
    @property
    def doc(self) -> str: ...
    @property
    def section(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def explanation(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def passage_ids(self) -> list[int]: ...

    def to_dict(self) -> dict[str, Any]: ...


class QuizSource(Protocol):
    """Makes quiz questions from one index version (hoidap.index.quiz.QuizGenerator)."""

    def generate(self, n: int, seed: int = 0, doc: str | None = None) -> Sequence[QuizItem]: ...

    def for_section(self, passage_id: int, seed: int = 0) -> QuizItem | None: ...


QuizFactory = Callable[[Sequence[Passage], Mapping[str, DocumentInfo]], QuizSource]


def default_quiz_factory(passages: Sequence[Passage], documents: Mapping[str, DocumentInfo]) -> QuizSource:
    """hoidap.index.quiz.QuizGenerator, imported when the first quiz is asked for."""
    from hoidap.index.quiz import QuizGenerator

    generator: QuizSource = QuizGenerator(passages, documents)
    return generator
