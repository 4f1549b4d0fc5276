"""Structure-aware chunking of Vietnamese documents into a tree of small passages.

Vietnamese resolutions and laws are lists inside sections: "Phần thứ…", "Chương II", "Mục 1",
"Điều 12.", "I.", "1.", "(1)", "a)", "-", and lead-in lines such as "Những nhiệm vụ trọng tâm:".
A question is usually answered by one item or by a whole list, so we keep every line as its own
passage *and* remember the tree (parent, subtree range), letting the answerer expand a matched
item to its list or a matched heading to its whole section.

>>> from hoidap.index.types import SourceDocument
>>> doc = SourceDocument("a.txt", "Các khâu đột phá:\\n\\n(1) Cải cách hành chính.\\n\\n(2) Hạ tầng đô thị.\\n\\nHết.")
>>> [(p.kind, p.text, p.parent, p.subtree_end) for p in Chunker().chunk(doc)]
[('lead', 'Các khâu đột phá:', -1, 3), ('item', '(1) Cải cách hành chính.', 0, 2), \
('item', '(2) Hạ tầng đô thị.', 0, 3), ('paragraph', 'Hết.', -1, 4)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hoidap.index.text import clean_whitespace
from hoidap.index.types import Passage, PassageKind, SourceDocument

CHUNKER_VERSION = "structure-v2"

# Structural headings with a fixed depth (smaller = outer).
_FIXED_HEADINGS: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(r"^(PHẦN|Phần)\s+(THỨ|thứ)?\s*[\wĐ]+\b")),
    (1, re.compile(r"^(CHƯƠNG|Chương)\s+[IVXLC\d]+\b")),
    (2, re.compile(r"^(MỤC|Mục)\s+\d+\b")),
    (3, re.compile(r"^(ĐIỀU|Điều)\s+\d+[a-zđ]?\s*[.:]")),
    (4, re.compile(r"^[IVXLC]+\s*[.\-–)]\s+\S")),
    (5, re.compile(r"^[A-ZĐ]\s*[.\-–)]\s+[A-ZĐÀ-Ỹ]")),
]
# List markers whose nesting depth is learnt from the order they first appear in a document.
_LIST_STYLES: list[tuple[str, re.Pattern[str]]] = [
    ("num.num", re.compile(r"^\d+\.\d+(\.\d+)*\.?\s+\S")),
    ("num", re.compile(r"^\d{1,3}\.\s+\S")),
    ("num)", re.compile(r"^\d{1,3}\)\s+\S")),
    ("(num)", re.compile(r"^\(\d{1,3}\)\s*\S")),
    ("alpha", re.compile(r"^[a-zđ]\)\s*\S")),
    ("dash", re.compile(r"^[-–—]\s+\S")),
    ("plus", re.compile(r"^\+\s*\S")),
    ("bullet", re.compile(r"^[•●▪◦∙*]\s+\S")),
]
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)")
_FURNITURE = [
    re.compile(r"^Ngày đăng\b.*\|", re.IGNORECASE),
    re.compile(r"Lượt xem\s*:", re.IGNORECASE),
    re.compile(r"^(Chia sẻ|In bài viết|Bản in|Quay lại|Về đầu trang)\s*$", re.IGNORECASE),
    re.compile(r"^[-*_=.…\s]+$"),
]
_SENTENCE_END = re.compile(r"(?<=[.!?;…])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9(])")
MAX_PASSAGE_CHARS = 900
SHORT_HEADING_CHARS = 160
NOTE_CHARS = 120


@dataclass
class _Block:
    text: str  # display text (markdown marks removed)
    start: int
    end: int


@dataclass
class _Frame:
    passage: Passage
    style: str  # list style, "lead", or "fixed"
    rank: int  # fixed depth; list styles and leads rank below every fixed heading
    structural: bool  # headings survive a following plain paragraph; items and leads do not


def _is_furniture(text: str, doc: SourceDocument) -> bool:
    if any(p.search(text) for p in _FURNITURE):
        return True
    folded = " ".join(text.casefold().split())
    half = len(folded) // 2
    if 10 < len(folded) <= 160 and folded[:half].strip() == folded[half:].strip():
        return True  # a category line printed twice, e.g. "HOẠT ĐỘNG ĐẢNG HOẠT ĐỘNG ĐẢNG"
    return any(known and folded == " ".join(known.casefold().split()) for known in (doc.title, doc.author))


def _strip_markdown(line: str) -> tuple[str, int | None]:
    """Remove Markdown marks; return the text and a heading level if it was a `#` heading."""
    level = None
    m = _MARKDOWN_HEADING.match(line)
    if m:
        level = len(m.group(1))
        line = line[m.end():]
    line = _MARKDOWN_EMPHASIS.sub("", line)
    if len(line) > 2 and line[0] in "*_" and line[-1] == line[0]:
        line = line[1:-1]  # a line wrapped in *italics*
    return clean_whitespace(line), level


def _blocks(doc: SourceDocument) -> list[tuple[_Block, int | None, str]]:
    """Non-empty lines with their spans, markdown level and emphasis ("bold", "italic" or "")."""
    out = []
    pos = 0
    for raw in doc.text.split("\n"):
        start, pos = pos, pos + len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            continue
        lead_ws = len(raw) - len(raw.lstrip())
        text, level = _strip_markdown(stripped)
        if not text or _is_furniture(text, doc):
            continue
        if stripped.startswith("**") and stripped.endswith("**"):
            emphasis = "bold"
        elif stripped[:1] in "*_" and stripped[-1:] == stripped[:1]:
            emphasis = "italic"
        else:
            emphasis = ""
        out.append((_Block(text, start + lead_ws, start + lead_ws + len(stripped)), level, emphasis))
    return out


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in `text`, splitting after . ! ? ; … before a capital, digit or bracket."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _pieces(block: _Block, limit: int = MAX_PASSAGE_CHARS) -> list[_Block]:
    """Cut an over-long paragraph into sentence-aligned pieces no longer than `limit`."""
    if len(block.text) <= limit:
        return [block]
    pieces: list[_Block] = []
    cur_start = cur_end = None
    for a, b in split_sentences(block.text):
        if cur_start is not None and b - cur_start > limit:
            pieces.append(_Block(block.text[cur_start:cur_end], block.start, block.end))
            cur_start = None
        if cur_start is None:
            cur_start = a
        cur_end = b
    if cur_start is not None:
        pieces.append(_Block(block.text[cur_start:cur_end], block.start, block.end))
    return pieces


def _section_label(text: str) -> str:
    label = text.rstrip(" :")
    return label if len(label) <= 120 else label[:117].rsplit(" ", 1)[0] + "…"


class Chunker:
    """Turn a `SourceDocument` into passages that know their place in the document's outline.

    Why a stack of frames: each marker style's depth is relative to the styles seen before it in
    that document ("1." may hold "a)" in one law and sit inside "a)" in another), so a style that
    is already open closes everything opened after it, and a new style opens one level deeper.
    """

    version = CHUNKER_VERSION

    def chunk(self, doc: SourceDocument, first_id: int = 0) -> list[Passage]:
        passages: list[Passage] = []
        stack: list[_Frame] = []

        def close(frame: _Frame) -> None:
            frame.passage.subtree_end = first_id + len(passages)

        def pop_while(cond) -> None:
            while stack and cond(stack[-1]):
                close(stack.pop())

        for block, md_level, emphasis in _blocks(doc):
            kind, style, rank = self._classify(block.text, md_level, emphasis == "bold")
            # A short italic note under a lead-in ("*Mục III Nghị quyết 72*") does not end its list.
            note = emphasis == "italic" and len(block.text) <= NOTE_CHARS and stack and stack[-1].style == "lead"
            if kind == "heading" and style == "fixed":
                pop_while(lambda f, r=rank: f.style != "fixed" or f.rank >= r)
            elif style in ("lead",) or kind in ("item", "heading"):
                open_styles = [f.style for f in stack]
                if style in open_styles:
                    idx = len(open_styles) - 1 - open_styles[::-1].index(style)
                    while len(stack) > idx:
                        close(stack.pop())
            elif not note:  # a plain paragraph ends any open list
                pop_while(lambda f: not f.structural)
            parent = stack[-1].passage.id if stack else -1
            section = [_section_label(f.passage.text) for f in stack]
            pieces = [block] if kind != "paragraph" else _pieces(block)
            for piece in pieces:
                passage = Passage(
                    id=first_id + len(passages),
                    doc_id=doc.doc_id,
                    kind=kind,
                    text=piece.text,
                    section=section,
                    start=piece.start,
                    end=piece.end,
                    parent=parent,
                    subtree_end=first_id + len(passages) + 1,
                )
                passages.append(passage)
            if kind in ("heading", "lead", "item"):
                stack.append(_Frame(passages[-1], style, rank, structural=kind == "heading"))
        while stack:
            close(stack.pop())
        return passages

    @staticmethod
    def _classify(text: str, md_level: int | None, bold: bool) -> tuple[PassageKind, str, int]:
        """Return (kind, style, rank) for one line."""
        if md_level is not None:
            return "heading", "fixed", md_level - 1
        for rank, pattern in _FIXED_HEADINGS:
            if pattern.match(text):
                return "heading", "fixed", rank
        short = len(text) <= SHORT_HEADING_CHARS and not text.rstrip().endswith((".", ";", ",", ":"))
        for style, pattern in _LIST_STYLES:
            if pattern.match(text):
                heading_like = bold or style in ("num", "num.num", "(num)", "num)")
                return ("heading" if short and heading_like else "item"), style, 99
        letters = [c for c in text if c.isalpha()]
        if short and letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(letters) > 3:
            return "heading", "fixed", 6
        if bold and short:
            return "heading", "fixed", 6
        if text.endswith(":") and len(text) <= 400:
            return "lead", "lead", 99
        return "paragraph", "", 99
