"""What the bot needs from the answer pipeline, as a Protocol.

The bot depends on this shape rather than on hoidap.index.pipeline.AnswerPipeline so that handler tests can
use a small stand-in and the bot never reaches into the pipeline's internals. All methods are
synchronous and may be CPU-bound: the bot calls them in a worker thread.
"""

from __future__ import annotations

from typing import Protocol

from hoidap.index.types import Answer, AnswerPassage, DocumentInfo


class AnswerService(Protocol):
    def answer(self, question: str, k: int | None = None) -> Answer:
        """Ranked quotes for ``question``; ``answered`` False means abstain."""
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

    def reload(self) -> bool:
        """Swap in a newly published index; True when it changed."""
        ...
