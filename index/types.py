"""Plain data types shared by every step of the pipeline.

They carry no behaviour beyond small derived properties, so every component (loader, chunker,
store, retriever, answerer) and every front end (CLI, bot, evaluation) speaks the same language.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, NamedTuple

PassageKind = Literal["heading", "lead", "item", "paragraph"]
"""heading; lead (a line ending in ':' that introduces a list); list item; plain paragraph."""
RetrievalMode = Literal["hybrid", "dense", "lexical"]
"""hybrid (shipped); dense-only and lexical-only exist as evaluation baselines."""


class IndexUnavailable(RuntimeError):
    """The index cannot be served; the message says what to run."""


class DocumentError(Exception):
    """A document could not be read; the message says why in words an admin can act on.

    >>> str(DocumentError("a.pdf", "no text, needs OCR"))
    'a.pdf: no text, needs OCR'
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass
class SourceDocument:
    """A document as loaded from disk: its body text (NFC) and its metadata.

    ``text`` is the body without front matter or page furniture removed: the chunker drops
    furniture but keeps character offsets into ``text`` so quotes can be traced to the source.
    """

    doc_id: str  # file name relative to the corpus folder, e.g. "nq57.txt"
    text: str
    title: str = ""
    date: str | None = None  # ISO "YYYY-MM-DD" when known
    number: str | None = None  # số hiệu, e.g. "57-NQ/TW"
    issuer: str | None = None  # cơ quan ban hành
    url: str | None = None
    author: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def info(self, content_hash: str, passages: int) -> DocumentInfo:
        return DocumentInfo(
            doc_id=self.doc_id,
            title=self.title or self.doc_id,
            date=self.date,
            number=self.number,
            issuer=self.issuer,
            url=self.url,
            author=self.author,
            content_hash=content_hash,
            passages=passages,
        )


@dataclass
class DocumentInfo:
    """What the index remembers about one document (shown in /tailieu and `hoidap docs list`)."""

    doc_id: str
    title: str
    date: str | None = None
    number: str | None = None
    issuer: str | None = None
    url: str | None = None
    author: str | None = None
    content_hash: str = ""
    passages: int = 0
    indexed_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Passage:
    """The smallest retrievable unit: a heading, a list item or a paragraph (or a piece of a long one).

    Passages are numbered in document order and ``subtree_end`` marks the end of the block of
    passages that belong under this one, so "the whole section" of a heading is the id range
    ``[id, subtree_end)`` -- no tree walking needed at query time.
    """

    id: int
    doc_id: str
    kind: PassageKind
    text: str  # verbatim text as shown to users
    section: list[str]  # heading chain above this passage, outermost first
    start: int  # character span in SourceDocument.text
    end: int
    parent: int = -1  # id of the enclosing heading/lead/item, -1 at top level
    subtree_end: int = 0  # one past the last descendant's id (== id + 1 for a leaf)

    @property
    def has_children(self) -> bool:
        return self.subtree_end > self.id + 1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class Signals(NamedTuple):
    """How well the best unit answers the question: the inputs of the calibrated confidence."""

    dense: float  # cosine between the question and the matched passage
    coverage: float  # share of the question's content words found in the unit (with its headings)
    names: float  # share of the question's names and numbers found there (1.0 when it has none)
    # Coverage of the question by the sentence that states its answer (the number of the asked unit,
    # the day, the person) for "bao nhiêu" / "khi nào" / "ai" questions, 0 when none does; else coverage.
    answer: float = 1.0


NO_SIGNALS = Signals(0.0, 0.0, 0.0, 0.0)


@dataclass
class AnswerPassage:
    """One quoted answer unit: verbatim text plus where it comes from."""

    doc: str  # source file name
    title: str
    section: str  # heading chain joined with " › "
    text: str  # verbatim quote (a whole list when the answer is a list)
    score: float
    date: str | None = None
    number: str | None = None
    passage_ids: list[int] = field(default_factory=list)  # ids of the passages quoted, first is the anchor
    highlights: list[tuple[int, int]] = field(default_factory=list)  # spans in `text` that best match
    expandable: bool = False  # True when a larger enclosing section exists ("Xem cả mục")
    index_version: str = ""  # the index version the passage ids belong to

    def to_dict(self) -> dict[str, Any]:
        """Everything a front end or a stored answer needs (the score rounded for display)."""
        return {
            "doc": self.doc,
            "title": self.title,
            "section": self.section,
            "text": self.text,
            "score": round(self.score, 4),
            "date": self.date,
            "number": self.number,
            "passage_ids": self.passage_ids,
            "highlights": [list(h) for h in self.highlights],
            "expandable": self.expandable,
            "index_version": self.index_version,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnswerPassage:
        """The inverse of `to_dict` (unknown keys are ignored, so older stored answers still load).

        >>> p = AnswerPassage("a.txt", "A", "I", "Một.", 0.9, highlights=[(0, 4)], expandable=True)
        >>> AnswerPassage.from_dict(p.to_dict()) == p
        True
        """
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["highlights"] = [tuple(h) for h in values.get("highlights", [])]
        values["passage_ids"] = list(values.get("passage_ids", []))
        return cls(**values)


ConfidenceTier = Literal["high", "medium", "none"]
"""high: the quote answers; medium: the nearest passage, shown under a hedge; none: not found."""


@dataclass(frozen=True)
class Suggestion:
    """A section heading near an unanswered question: offered as a path onward, never as an answer."""

    text: str  # the heading or lead-in as written
    doc: str
    title: str
    passage_id: int
    index_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Answer:
    """What the pipeline returns for one question; every front end renders this and nothing else.

    The pipeline decides what is shown: ``passages`` holds the best unit and the alternatives good
    enough to offer ("Đoạn khác"), and is empty when nothing answers; ``ranked`` keeps every unit
    in rank order for evaluation and debugging only.

    >>> Answer("q?", False, NOT_FOUND, []).tier, Answer("q?", True, "x", []).tier
    ('none', 'high')
    """

    question: str
    answered: bool  # True for both quoted tiers ("high" and "medium")
    answer: str  # the best quote, or the Vietnamese "not found" sentence
    passages: list[AnswerPassage]  # shown, best first
    confidence: float = 0.0
    signals: Signals = NO_SIGNALS  # of the best unit: the inputs of `confidence`
    timings_ms: dict[str, float] = field(default_factory=dict)
    tier: ConfidenceTier | None = None  # None: derived from `answered` ("high" or "none")
    ranked: list[AnswerPassage] | None = None  # every unit, rank order (None: same as passages)
    suggestions: list[Suggestion] = field(default_factory=list)  # tier "none": nearby headings
    # What the question names that the corpus never mentions: documents it neither holds nor cites
    # ("Nghị quyết 59"), names it never writes ("Cầu Giấy"). The reason it is refused, said to the
    # user (in `answer`) instead of the plain "not found".
    absent: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.tier is None:
            self.tier = "high" if self.answered else "none"
        if self.ranked is None:
            self.ranked = list(self.passages)

    @property
    def hedged(self) -> bool:
        """The quote is the nearest passage, not a confident answer: show it under HEDGE."""
        return self.tier == "medium"

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answered": self.answered,
            "confidence": self.tier,
            "score": round(self.confidence, 4),
            "answer": self.answer,
            "passages": [p.to_dict() for p in self.passages],
            "suggestions": [s.to_dict() for s in self.suggestions],
            "absent": list(self.absent),
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
        }


NOT_FOUND = "Không tìm thấy nội dung này trong tài liệu."
ABSENT_DOCUMENTS = "Kho tài liệu không có {names}, nên không có đoạn nào trả lời câu hỏi này."
ABSENT_NAMES = "Tài liệu không nhắc tới {names}, nên không có đoạn nào trả lời câu hỏi này."
HEDGE = "Tài liệu không nói thật rõ; đoạn gần nhất:"
TOO_LONG = "Câu hỏi dài quá ({n} ký tự, tối đa {limit}). Bạn hãy hỏi ngắn gọn hơn, mỗi lần một ý."
"""Shown above a medium-tier quote, so a plausible passage is never mistaken for a sure answer."""
