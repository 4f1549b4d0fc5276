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

from hoidap.index.text import UPPER, clean_whitespace, plain_tokens
from hoidap.index.types import Passage, PassageKind, SourceDocument

CHUNKER_VERSION = "structure-v5"

# Structural headings with a fixed depth (smaller = outer).
_FIXED_HEADINGS: list[tuple[int, re.Pattern[str]]] = [
    (0, re.compile(r"^(PHẦN|Phần)\s+(THỨ|thứ)?\s*[\wĐ]+\b")),
    (1, re.compile(r"^(CHƯƠNG|Chương)\s+[IVXLC\d]+\b")),
    (2, re.compile(r"^(MỤC|Mục)\s+\d+\b")),
    (3, re.compile(r"^(ĐIỀU|Điều)\s+\d+[a-zđ]?\s*[.:]")),
    (4, re.compile(r"^[IVXLC]+\s*[.\-–)]\s+\S")),
    (5, re.compile(rf"^[A-ZĐ]\s*[.\-–)]\s+[{UPPER}]")),
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
    # Portal links and captions: "**>>> Tải về …**", "Xem chi tiết tại …", "(Hình từ Internet)".
    re.compile(r"^(>>>|»)"),
    re.compile(r"^(Tải về|Xem (chi tiết|thêm|toàn văn)|Tham khảo thêm)\b", re.IGNORECASE),
    re.compile(r"\((Hình|Ảnh)( ảnh)?( minh (họa|hoạ))?( từ [^)]*)?\)\s*$", re.IGNORECASE),
    # "Trên đây là thông tin về …": the article repeating its own question, not an answer.
    re.compile(r"^Trên đây là (thông tin|nội dung|toàn bộ|một số)\b", re.IGNORECASE),
    re.compile(r"^Quý (khách|bạn đọc)\b.*(câu hỏi|liên hệ)", re.IGNORECASE),
    re.compile(r"^(Ngày giờ đăng|Link bài viết|Đường dẫn bài viết|Nguồn bài viết)\b", re.IGNORECASE),
]
# Wiki edit links left in copied encyclopedia text ("Bộ Kế hoạch và Đầu tư[sửa | sửa mã nguồn]").
_EDIT_LINKS = re.compile(r"\[\s*sửa( \| sửa mã nguồn)?\s*\]")
# A bold line that only asks a question and links elsewhere ("**Mục tiêu … là gì?** -").
_QUESTION_LINK = re.compile(r"\?\s*(\*\*|__)?\s*[-–—]\s*$")
# A narrative sentence that a source printed in the same paragraph as a list's last item.
_NARRATIVE_OPENER = re.compile(
    r"^(Để|Ngay sau|Sau khi|Trên đây|Như vậy|Theo đó|Đồng thời|Bên cạnh đó|Tuy nhiên|Qua đó|Từ đó|Hiện nay|"
    r"Trong thời gian|Với (quyết tâm|tinh thần|mục tiêu))\b"
)
_SENTENCE_END = re.compile(rf"(?<=[.!?;…])\s+(?=[\"“(]?[{UPPER}0-9(])")
MAX_PASSAGE_CHARS = 900
HARD_PASSAGE_CHARS = 1200
SHORT_HEADING_CHARS = 160
NOTE_CHARS = 120
BOLD_SUBHEADING_CHARS = 400
EXCERPT_RANK = 4  # "I.", "A." and below: headings of a quoted excerpt (a lead-in may announce one)


@dataclass
class _Block:
    text: str  # display text (markdown marks removed)
    start: int
    end: int
    md_level: int | None = None  # level of a Markdown "#" heading
    emphasis: str = ""  # "bold" or "italic" when the whole line is wrapped in it
    joined: bool = False  # follows the previous kept line with no blank line between
    asks: bool = False  # the line is a question ("… là gì?")
    link: bool = False  # a question followed by a dash: a link to another article


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
    line = _EDIT_LINKS.sub(" ", line).strip()  # "[sửa | sửa mã nguồn]## Tham khảo" is a heading
    m = _MARKDOWN_HEADING.match(line)
    if m:
        level = len(m.group(1))
        line = line[m.end():]
    line = _MARKDOWN_EMPHASIS.sub("", line)
    if len(line) > 2 and line[0] in "*_" and line[-1] == line[0]:
        line = line[1:-1]  # a line wrapped in *italics*
    return clean_whitespace(line), level


def _blocks(doc: SourceDocument) -> list[_Block]:
    """Non-empty lines with their spans, Markdown level and emphasis, page furniture removed.

    Two kinds of lines are furniture only in context: a bold question followed by a dash
    ("**Mục tiêu … là gì?** -") links to another article, and so does a bold question printed on
    the line next to another one (a "related questions" box); neither answers anything.
    """
    lines: list[_Block] = []
    pos = 0
    blank_before = True
    for raw in doc.text.split("\n"):
        start, pos = pos, pos + len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            blank_before = True
            continue
        joined, blank_before = not blank_before, False
        lead_ws = len(raw) - len(raw.lstrip())
        link = bool(_QUESTION_LINK.search(stripped))
        text, level = _strip_markdown(stripped.rstrip(" -–—") if link else stripped)
        if not text or _is_furniture(text, doc):
            blank_before = True  # the next line follows nothing that is kept: it is joined to nothing
            continue
        bare = stripped.rstrip(" -–—") if link else stripped
        if bare.startswith("**") and bare.endswith("**"):
            emphasis = "bold"
        elif bare[:1] in "*_" and bare[-1:] == bare[:1]:
            emphasis = "italic"
        else:
            emphasis = ""
        asks = text.endswith("?")
        lines.append(_Block(text, start + lead_ws, start + lead_ws + len(stripped), level, emphasis, joined,
                            asks, link))
    return _without_reference_lists([b for i, b in enumerate(lines) if not _related_question(lines, i)])


def _without_reference_lists(lines: list[_Block]) -> list[_Block]:
    """An encyclopedia page's "Tham khảo", "Chú thích", "Liên kết ngoài" … sections, each up to the next
    heading of its level: citations of press titles ("Ông Nguyễn Phú Trọng tái đắc cử …". VietNamNet.
    Truy cập ngày …) match a question's words better than the page's prose, and answer nothing."""
    kept: list[_Block] = []
    inside: int | None = None  # the Markdown level of the reference heading being skipped
    for block in lines:
        if inside is not None and block.md_level is not None and block.md_level <= inside:
            inside = None
        if inside is None and block.md_level is not None and is_reference_section(block.text):
            inside = block.md_level
        if inside is None:
            kept.append(block)
    return kept


REFERENCE_SECTIONS = frozenset(" ".join(plain_tokens(label)) for label in (
    "Tham khảo", "Báo chí", "Chú thích", "Trích dẫn", "Liên kết ngoài", "Đọc thêm", "Xem thêm", "Nguồn"))


def is_reference_section(label: str) -> bool:
    """A heading of citations or links, not of content ("Tham khảo", "Liên kết ngoài"; marks and case ignored).

    >>> is_reference_section("Liên kết ngoài"), is_reference_section("THAM KHẢO"), is_reference_section("Nguồn lực")
    (True, True, False)
    """
    return " ".join(plain_tokens(label)) in REFERENCE_SECTIONS


def _related_question(lines: list[_Block], i: int) -> bool:
    """A question that only links elsewhere: "… ? -", or one of adjacent bold questions."""
    line = lines[i]
    if not (line.asks and line.emphasis == "bold"):
        return False
    if line.link:
        return True

    def bold_question(b: _Block) -> bool:
        return b.asks and b.emphasis == "bold"

    before = i > 0 and line.joined and bold_question(lines[i - 1])
    after = i + 1 < len(lines) and lines[i + 1].joined and bold_question(lines[i + 1])
    return before or after


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans in `text`, splitting after . ! ? ; … before a capital, digit or bracket."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _pieces(block: _Block, limit: int = MAX_PASSAGE_CHARS, cap: int = HARD_PASSAGE_CHARS) -> list[_Block]:
    """Cut an over-long line into sentence-aligned pieces no longer than `limit`; a sentence longer
    than `cap` is cut further at the best boundary there is (see `_cut_at_boundaries`).

    >>> [p.text for p in _pieces(_Block("Một, hai, ba; bốn, năm sáu", 0, 26), limit=12, cap=12)]
    ['Một, hai,', 'ba; bốn,', 'năm sáu']
    """
    if len(block.text) <= min(limit, cap):
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
    return [_Block(text, p.start, p.end) for p in pieces for text in _cut_at_boundaries(p.text, cap)]


# Where an over-long sentence may be cut, best first: after a sentence end that split_sentences
# did not take (no capital follows), after a clause mark, after a comma, between words.
_CUTS = [re.compile(r"[.!?…]+[\"”)]*\s"), re.compile(r"[;:]\s"), re.compile(r",\s"), re.compile(r"\s")]


def _cut_at_boundaries(text: str, cap: int) -> list[str]:
    """Pieces of `text` no longer than `cap`, each cut after the best boundary in the second half of
    its window (so no piece is needlessly short), else anywhere in the window, else at `cap` itself.
    Linear in the length of `text`: a 15 MB line without punctuation is cut in a second or two.

    >>> _cut_at_boundaries("kinh tế biển, kinh tế số", 16)
    ['kinh tế biển,', 'kinh tế số']
    >>> _cut_at_boundaries("abcdefghij", 4)
    ['abcd', 'efgh', 'ij']
    """
    out: list[str] = []
    start = 0
    while len(text) - start > cap:
        window = text[start:start + cap + 1]  # a boundary whitespace may sit just after the cap
        cut = 0
        for lowest in (cap // 2, 1):
            for pattern in _CUTS:
                ends = [m.end() - 1 for m in pattern.finditer(window, lowest)]
                if ends:
                    cut = ends[-1]
                    break
            if cut:
                break
        piece = text[start:start + (cut or cap)].rstrip()
        if piece:
            out.append(piece)
        start += cut or cap
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        out.append(text[start:])
    return out


def _section_label(text: str) -> str:
    label = text.rstrip(" :")
    return label if len(label) <= 120 else label[:117].rsplit(" ", 1)[0] + "…"


_Classification = tuple[PassageKind, str, int]  # (kind, list style or "fixed"/"lead"/"", rank)


def _classified(blocks: list[_Block], classify) -> list[tuple[_Block, _Classification]]:
    return [(b, classify(b.text, b.md_level, b.emphasis == "bold")) for b in blocks]


def _end_lists_where_they_end(lines: list[tuple[_Block, _Classification]]) -> list[tuple[_Block, _Classification]]:
    """Cut narrative that a source printed in the same paragraph as a list's last item.

    "(3) Đổi mới … lần thứ tư. Để hoàn thành mục tiêu …, các cấp ủy … đã tổ chức …" is the third
    breakthrough followed by the article's story: the list ends after the first sentence. Only the
    last item of a list of two or more is considered, only when it is far longer than its
    siblings, and only at a sentence that opens like narrative ("Để …", "Ngay sau …", "Theo đó …").
    An item whose extra sentences continue the item (no such opener) keeps them.
    """
    out: list[tuple[_Block, _Classification]] = []
    for i, (block, cls) in enumerate(lines):
        kind, style, _rank = cls
        siblings = _previous_siblings(lines, i)
        nxt = lines[i + 1][1] if i + 1 < len(lines) else None
        last = kind == "item" and siblings and not (nxt and nxt[0] == "item" and nxt[1] == style)
        if last:
            typical = sorted(len(b.text) for b in siblings)[len(siblings) // 2]
            cut = _narrative_cut(block.text, typical)
            if cut is not None:
                item = _Block(block.text[:cut].rstrip(), block.start, block.end, emphasis=block.emphasis)
                story = _Block(block.text[cut:].lstrip(), block.start, block.end)
                out += [(item, cls), (story, ("paragraph", "", 99))]
                continue
        out.append((block, cls))
    return out


def _previous_siblings(lines: list[tuple[_Block, _Classification]], i: int) -> list[_Block]:
    kind, style, _ = lines[i][1]
    found: list[_Block] = []
    j = i - 1
    while kind == "item" and j >= 0 and lines[j][1][0] == "item" and lines[j][1][1] == style:
        found.append(lines[j][0])
        j -= 1
    return found


def _narrative_cut(text: str, typical: int) -> int | None:
    if len(text) < 1.8 * typical:
        return None
    for a, _b in split_sentences(text)[1:]:
        if _NARRATIVE_OPENER.match(text[a:]):
            return a
    return None


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

        for block, (kind, style, rank) in _end_lists_where_they_end(_classified(_blocks(doc), self._classify)):
            # A short italic note under a lead-in ("*Mục III Nghị quyết 72*") does not end its list.
            note = block.emphasis == "italic" and len(block.text) <= NOTE_CHARS and stack and stack[-1].style == "lead"
            # A lead-in with nothing under it yet owns what it announces, even when that is another
            # lead-in ("… xác định nhiệm vụ trọng tâm và khâu đột phá sau đây:" → "Những nhiệm vụ trọng
            # tâm:" …) or the first heading of a quoted excerpt ("… tại Mục I như sau:" → "I- QUAN ĐIỂM").
            announcing = bool(stack and passages) and stack[-1].style == "lead" and stack[-1].passage is passages[-1]
            if announcing and (style == "lead" or (kind == "heading" and style == "fixed" and rank >= EXCERPT_RANK)):
                pass
            elif kind == "heading" and style == "fixed":
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
            # Every kind is capped: a paragraph's pieces are siblings; the pieces cut from a long
            # heading, lead-in or item are paragraphs under its first piece (one unit, one item).
            pieces = _pieces(block) if kind == "paragraph" else _pieces(block, limit=HARD_PASSAGE_CHARS)
            head = len(passages)
            for n, piece in enumerate(pieces):
                continued = n > 0 and kind != "paragraph"
                passage = Passage(
                    id=first_id + len(passages),
                    doc_id=doc.doc_id,
                    kind="paragraph" if continued else kind,
                    text=piece.text,
                    section=section + [_section_label(pieces[0].text)] if continued else section,
                    start=piece.start,
                    end=piece.end,
                    parent=passages[head].id if continued else parent,
                    subtree_end=first_id + len(passages) + 1,
                )
                passages.append(passage)
            if kind in ("heading", "lead", "item"):
                stack.append(_Frame(passages[head], style, rank, structural=kind == "heading"))
        while stack:
            close(stack.pop())
        return passages

    @staticmethod
    def _classify(text: str, md_level: int | None, bold: bool) -> tuple[PassageKind, str, int]:
        """Return (kind, style, rank) for one line."""
        if md_level is not None:
            # "## I. QUAN ĐIỂM" and "**II- MỤC TIÊU**" are siblings, as are "#### 6. …" and "**5. …**":
            # a heading that carries a structural marker ranks by its marker, not its Markdown level.
            for rank, pattern in _FIXED_HEADINGS:
                if pattern.match(text):
                    return "heading", "fixed", rank
            for style, pattern in _LIST_STYLES:
                if pattern.match(text) and style in ("num", "num.num", "(num)", "num)"):
                    return "heading", style, 99
            return "heading", "fixed", md_level - 1
        for rank, pattern in _FIXED_HEADINGS:
            if pattern.match(text):
                return "heading", "fixed", rank
        short = len(text) <= SHORT_HEADING_CHARS and not text.rstrip().endswith((".", ";", ",", ":"))
        for style, pattern in _LIST_STYLES:
            if pattern.match(text):
                # A numbered item printed in bold is the sub-heading of the paragraphs under it, however
                # long ("**(1) Đổi mới mạnh mẽ tư duy … sức khỏe Nhân dân**" then its paragraphs).
                if bold and len(text) <= BOLD_SUBHEADING_CHARS:
                    return "heading", style, 99
                heading_like = style in ("num", "num.num", "(num)", "num)")
                return ("heading" if short and heading_like else "item"), style, 99
        letters = [c for c in text if c.isalpha()]
        if short and letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 and len(letters) > 3:
            return "heading", "fixed", 6
        if bold and short and text.endswith("?"):
            # An explainer's question title ("**Mục tiêu của Nghị quyết 57 là gì?**") heads an article
            # section: the excerpts quoted under it (with their own "I-", "1.") nest inside it.
            return "heading", "fixed", 1
        if bold and short:
            return "heading", "fixed", 6
        if text.endswith(":") and len(text) <= 400:
            return "lead", "lead", 99
        return "paragraph", "", 99
