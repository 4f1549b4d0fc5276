"""PDF -> the chunker's markup, rebuilt from the page layout (pypdfium2).

A PDF has no paragraphs, only glyphs at positions. Taken line by line (what pypdf's
``extract_text`` gives), a typeset resolution becomes 3.8x as many passages, with sentences cut
at every line break and the running header ("ĐẢNG CỘNG SẢN VIỆT NAM … Trang 1") quoted inside
answers. So the text is rebuilt from the layout:

1. **Lines**: characters grouped by baseline, with their font size and weight; a wide gap
   inside a line splits it into cells (a table row, the two columns of a header block).
2. **Page furniture** is dropped: lines in the top or bottom band of a page that repeat at the
   same place on other pages (digits ignored: "Trang 3", "3/12"), page numbers ("Trang 3",
   "- 3 -", "3/12", "Page 3 of 12"), and a lone small-print line set apart at the very top or
   bottom of a page.
3. **Paragraphs**: a wrapped line joins the previous one unless there is a vertical gap, a
   first-line indent, a change of font size or weight, a list marker after a finished sentence,
   or the previous line ended early (its next word would have fitted: the author broke it).
   Paragraphs continue across page breaks.
4. **Markup**: a paragraph set larger than the body text is a ``#`` heading (larger sizes are
   higher levels), a bold one a ``**bold**`` line, a table row ``cell | cell``.

The library was chosen on measured quality and speed on the rendered evaluation corpus: see
docs/formats.md. Pages without a text layer are OCR'd (hoidap.index.ocr).
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hoidap.index.encoding import normalize_text
from hoidap.index.types import DocumentError

if TYPE_CHECKING:
    from hoidap.index.formats import LoadOptions

EDGE = 0.08  # the outer strip of a page where only headers, footers and page numbers sit
BAND = 0.12  # top and bottom share of the page where running headers and footers live
REPEAT_SHARE = 0.5  # a band line on at least half the pages (and two) is furniture
MIN_LINES_FOR_MARGIN = 8
PARAGRAPH_GAP = 1.2  # a baseline distance over 1.2x the body's line pitch (scaled to the font) is a gap
CELL_GAP = 2.0  # a horizontal gap of this many font sizes separates table cells / columns
_PAGE_NUMBER = re.compile(
    r"^(?:(?:trang|page|tr\.)\s*\d+(?:\s*(?:/|of|trên|của)\s*\d+)?|[-–—]\s*\d+\s*[-–—]|\d+\s*/\s*\d+|\d{1,4})$",
    re.IGNORECASE,
)
_LIST_START = re.compile(r"^(?:\d{1,3}(?:\.\d+)*[.)]|\(\d{1,3}\)|[a-zđ]\)|[-–—+•●▪◦]|[IVXLC]+[.\-–)])\s")
_NUMBERED_HEADING = re.compile(
    r"^(?:[IVXLC]+\s*[.\-–)]|\d{1,3}(?:\.\d+)*[.)]|\(\d{1,3}\)|[a-zđ]\)|[A-ZĐ][.)]|"
    r"[-–—+•](?=\s)|(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Điều|ĐIỀU)\s+[\wĐ]+)\s"
)
_TRAILING_DASH = re.compile(r"\s+[-–—]+\s*$")
_SENTENCE_END = (".", ":", ";", "!", "?", "…")


@dataclass
class Line:
    """One visual line of a page: its text, where it sits (points from the page's top-left) and its font."""

    text: str
    x0: float
    x1: float
    top: float
    baseline: float
    size: float
    bold: bool
    cells: list[str] = field(default_factory=list)  # two or more when wide gaps split the line
    page: int = 0


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line]


@dataclass
class _Char:
    text: str
    x0: float
    x1: float
    baseline: float
    top: float
    size: float
    bold: bool


# ------------------------------------------------------------------------------------ reading


def pdf_to_markup(path: Path, options: LoadOptions) -> tuple[str, str, dict[str, Any]]:
    """Return (markup, embedded title, extra); pages without text are OCR'd when Tesseract is installed."""
    import pypdfium2 as pdfium  # deferred: only needed when the corpus has PDFs

    where = str(path)
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise DocumentError(where, "password-protected PDF") from None
        raise DocumentError(where, f"corrupt PDF: {e}") from None
    try:
        pages: list[Page] = []
        blank: list[int] = []
        for number in range(len(pdf)):
            page = read_page(pdf[number], number)
            pages.append(page)
            if not page.lines:
                blank.append(number)
        title = str(pdf.get_metadata_dict().get("Title", "") or "")
    except DocumentError:
        raise
    except Exception as e:  # damaged streams and objects
        raise DocumentError(where, f"corrupt PDF: {type(e).__name__}: {e}") from None
    finally:
        pdf.close()
    extra: dict[str, Any] = {}
    if blank:
        from hoidap.index.ocr import ocr_pages, tsv_lines

        # A scan: every page needs OCR, and without Tesseract that is a failure with the fix. A text
        # PDF with a few blank or image-only pages is still indexed from its text when OCR is missing.
        scans = ocr_pages(path, blank, len(pages), options, required=len(blank) == len(pages))
        extra["ocr_pages"] = [n + 1 for n in sorted(scans)]
        for number, tsv in scans.items():
            pages[number].lines = tsv_lines(tsv, number, pages[number].height)
    markup = normalize_text(layout(pages))
    if not markup.strip():
        raise DocumentError(where, "no text, needs OCR")
    return markup, title, extra


def read_page(page: Any, number: int) -> Page:
    """The visual lines of one pypdfium2 page (empty when the page has no text layer)."""
    import ctypes

    import pypdfium2.raw as raw

    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        count = raw.FPDFText_CountChars(textpage.raw)
        chars: list[_Char] = []
        fonts: dict[int, bool] = {}
        box = raw.FS_RECTF()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        name = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        for i in range(count):
            code = raw.FPDFText_GetUnicode(textpage.raw, i)
            if code in (0, 0xFFFE, 0xFFFF) or raw.FPDFText_IsGenerated(textpage.raw, i) == 1:
                continue
            ch = chr(code)
            if ch in "\r\n\x02\ufffe\xad":
                continue
            if chars and unicodedata.combining(ch):
                chars[-1].text += ch  # a separate tone mark stays on its letter (NFC joins them later)
                continue
            raw.FPDFText_GetLooseCharBox(textpage.raw, i, box)  # advance box: gaps are real word gaps
            raw.FPDFText_GetCharOrigin(textpage.raw, i, ox, oy)
            size = raw.FPDFText_GetFontSize(textpage.raw, i)
            obj = raw.FPDFText_GetTextObject(textpage.raw, i)
            key = ctypes.cast(obj, ctypes.c_void_p).value or 0
            if key not in fonts:
                raw.FPDFText_GetFontInfo(textpage.raw, i, name, 128, flags)
                weight = raw.FPDFText_GetFontWeight(textpage.raw, i)
                font_name = name.value.decode("latin-1", "replace").lower()
                fonts[key] = (weight >= 600 or any(w in font_name for w in ("bold", "black", "heavy", "semibold"))
                              or bool(flags.value & (1 << 18)))
            chars.append(_Char(ch, box.left, box.right, height - oy.value, height - box.top, size, fonts[key]))
    finally:
        textpage.close()
        page.close()
    return Page(width, height, group_lines(chars, number))


def group_lines(chars: list[_Char], page: int) -> list[Line]:
    """Characters -> visual lines: same baseline (within a third of the font size), left to right."""
    rows: list[list[_Char]] = []
    for ch in sorted(chars, key=lambda c: (round(c.baseline, 1), c.x0)):
        if rows and abs(rows[-1][0].baseline - ch.baseline) <= max(ch.size, 1.0) / 3:
            rows[-1].append(ch)
        else:
            rows.append([ch])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        line = _line(row, page)
        if line is not None:
            lines.append(line)
    return lines


def _line(row: list[_Char], page: int) -> Line | None:
    glyphs = [c for c in row if c.text.strip()]
    if not glyphs:
        return None
    sizes = Counter(round(c.size, 1) for c in glyphs)
    size = sizes.most_common(1)[0][0]
    cells: list[list[str]] = [[]]
    previous: _Char | None = None
    for ch in row:
        if previous is not None:
            gap = ch.x0 - previous.x1
            if ch.text.strip() and gap > CELL_GAP * size and "".join(cells[-1]).strip():
                cells.append([])
            elif ch.text.strip() and previous.text.strip() and gap > 0.18 * size:
                cells[-1].append(" ")  # a word gap with no space character (positioned words)
        cells[-1].append(ch.text)
        previous = ch if ch.text.strip() or previous is None else previous
    texts = [" ".join("".join(c).split()) for c in cells]
    texts = [t for t in texts if t]
    bold = sum(c.bold for c in glyphs if c.text.isalnum()) >= 0.85 * max(1, sum(c.text.isalnum() for c in glyphs))
    return Line(" ".join(texts), glyphs[0].x0, glyphs[-1].x1, min(c.top for c in glyphs),
                statistics.median(c.baseline for c in glyphs), float(size), bold,
                cells=texts if len(texts) > 1 else [], page=page)


# ------------------------------------------------------------------------------------- layout


@dataclass
class _Body:
    size: float  # the body text's font size
    left: float  # the left margin
    right: float  # the right margin (where justified lines end)
    pitch: float  # baseline distance between two lines of one paragraph, per point of font size


def layout(pages: list[Page]) -> str:
    """Pages of lines -> markup: furniture dropped, paragraphs rebuilt, headings and bold lines marked."""
    drop_furniture(pages)
    lines = [line for page in pages for line in page.lines]
    if not lines:
        return ""
    body = _body(lines, max(p.width for p in pages))
    paragraphs: list[list[Line]] = []
    spaced: list[bool] = []  # a blank line before the paragraph: it was set apart by vertical space
    for line in lines:
        if paragraphs and not _starts_paragraph(paragraphs[-1][-1], line, body, paragraphs[-1][0]):
            paragraphs[-1].append(line)
        else:
            spaced.append(not paragraphs or _spaced(paragraphs[-1][-1], line, body))
            paragraphs.append([line])
    larger = sorted({round(p[0].size) for p in paragraphs if p[0].size > body.size + 0.8}, reverse=True)
    out: list[str] = []
    for paragraph, gap in zip(paragraphs, spaced, strict=True):
        if out:
            out.append("\n\n" if gap else "\n")  # lines set one under the other stay one block
        first = paragraph[0]
        if first.cells and len(paragraph) == 1:
            out.append(" | ".join(first.cells))
            continue
        text = _join(line.text for line in paragraph)
        if first.size > body.size + 0.8 and _NUMBERED_HEADING.match(text):
            # "II- NỘI DUNG", "1. Xây dựng …", "- Đảng uỷ …", "Điều 5.": the marker says how headings nest, and
            # headings of several levels often share one font size, so the chunker reads the number.
            out.append(bold_markup(text))
        elif first.size > body.size + 0.8:
            out.append(f"{'#' * min(larger.index(round(first.size)) + 1, 3)} {text}")
        elif all(line.bold for line in paragraph):
            out.append(bold_markup(text))
        else:
            out.append(text)
    return "".join(out)


def drop_furniture(pages: list[Page]) -> None:
    """Remove running headers, footers and page numbers from every page, in place."""
    keys: Counter[str] = Counter()
    for page in pages:
        keys.update({_furniture_key(line, page) for line in _band_lines(page)})
    repeated = max(2, int(len(pages) * REPEAT_SHARE + 0.5))
    all_lines = [line for page in pages for line in page.lines]
    body_size = _common_size(all_lines) if all_lines else 0.0
    for page in pages:
        band = set(map(id, _band_lines(page)))
        kept = []
        for index, line in enumerate(page.lines):
            if id(line) in band and _isolated(page, index) and (
                _PAGE_NUMBER.match(line.text.strip())
                or (len(pages) > 1 and keys[_furniture_key(line, page)] >= repeated)
                or _set_apart(page, index, body_size)
            ):
                continue
            kept.append(line)
        page.lines = kept


def _band_lines(page: Page) -> list[Line]:
    """The first and last three lines of a page, when they sit in its top or bottom band."""
    if page.height <= 0:
        return []
    edge = page.lines[:3] + [line for line in page.lines[-3:] if all(line is not e for e in page.lines[:3])]
    return [line for line in edge if line.top < page.height * BAND
            or line.top > page.height * (1 - BAND)]


def _furniture_key(line: Line, page: Page) -> str:
    """The same running header on every page: text with digits ignored, at the same height."""
    return f"{round(line.baseline / 3)}|{re.sub(r'[0-9]+', '#', line.text.casefold())}"


def _isolated(page: Page, index: int) -> bool:
    """Set apart from the text by a margin: no other line within 1.6 of its font sizes (above or below)."""
    line = page.lines[index]
    near = [other for i, other in enumerate(page.lines) if i != index]
    return all(abs(other.baseline - line.baseline) > 1.6 * max(line.size, other.size, 1.0) for other in near)


def _set_apart(page: Page, index: int, body_size: float) -> bool:
    """A one-page header or footer: a short line at the very edge of the page, far from the text.

    Small print (a running header in 9 pt) qualifies anywhere in the band; a line of any size
    (OCR cannot tell sizes well) only in the outer 8 % of the page with a wide margin around it.
    """
    line = page.lines[index]
    if not body_size or len(line.text) > 100:
        return False
    others = [o for i, o in enumerate(page.lines) if i != index]
    gap = min((abs(o.baseline - line.baseline) for o in others), default=0.0)
    if line.size < body_size * 0.92 and gap > 2.2 * body_size:
        return True
    edge = line.top < page.height * EDGE or line.top > page.height * (1 - EDGE)
    return edge and gap > 2.5 * body_size


def _common_size(lines: list[Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0]


def _body(lines: list[Line], width: float) -> _Body:
    size = _common_size(lines)
    at_size = [line for line in lines if abs(line.size - size) < 0.3 and not line.cells]
    left = Counter(round(line.x0) for line in at_size).most_common(1)[0][0] if at_size else 0.0
    rights = sorted(line.x1 for line in at_size)
    # Justified lines end at the right margin; with too few lines to tell, assume margins alike.
    right = rights[int(len(rights) * 0.9)] if len(rights) >= MIN_LINES_FOR_MARGIN else width - left
    gaps = [b.baseline - a.baseline for a, b in zip(at_size, at_size[1:], strict=False)
            if a.page == b.page and 0 < b.baseline - a.baseline < 3 * size]
    pitch = Counter(round(g * 2) / 2 for g in gaps).most_common(1)[0][0] / size if gaps else 1.25
    return _Body(size, float(left), right, pitch)


def _spaced(prev: Line, line: Line, body: _Body) -> bool:
    """Vertical space (or a page break) between two paragraphs, more than the lines' own pitch."""
    return line.page != prev.page or line.baseline - prev.baseline > max(prev.size, line.size) * body.pitch * 1.1


def _starts_paragraph(prev: Line, line: Line, body: _Body, first: Line) -> bool:
    """Whether ``line`` begins a new paragraph rather than continuing the one ``prev`` ends."""
    # A change of weight alone is no paragraph break: inline bold can fill a whole line.
    if abs(prev.size - line.size) > 0.5 or prev.cells or line.cells:
        return True
    if line.page == prev.page:
        expected = max(prev.size, line.size) * body.pitch
        if line.baseline - prev.baseline > expected * PARAGRAPH_GAP or line.baseline <= prev.baseline:
            return True
    elif line.page != prev.page + 1:
        return True
    if line.size > body.size + 0.8:
        return False  # a title or heading wrapped over several lines (same font, no gap)
    if prev.bold and line.bold and _centred(prev, body) and _centred(line, body):
        return False  # a wrapped centred bold title or heading (an indented list can look centred too)
    if line.x0 - body.left > 0.8 * line.size:
        block = first is not prev and abs(first.x0 - line.x0) < 0.5 * line.size
        if not (block and abs(prev.x0 - line.x0) < 0.5 * line.size):
            return True  # a first-line indent (unless the whole paragraph is indented alike)
    first_word = line.text.split(" ", 1)[0]
    room = body.right - prev.x1
    if room > (len(first_word) + 2) * 0.55 * line.size:
        return True  # the next word would have fitted: the line was ended on purpose
    return bool(_LIST_START.match(line.text) and prev.text.rstrip().endswith(_SENTENCE_END))


def bold_markup(text: str, tail: str = "") -> str:
    """A bold paragraph as ``**text**``, with a trailing dash left outside ("**Mục tiêu là gì?** -"):
    that is how the chunker tells a linked question from a heading.

    >>> bold_markup("Mục tiêu là gì? -"), bold_markup("Giải pháp")
    ('**Mục tiêu là gì?** -', '**Giải pháp**')
    """
    match = _TRAILING_DASH.search(text)
    if match and match.start() > 0:
        text, tail = text[: match.start()], text[match.start() :] + tail
    return f"**{text}**{tail}"


def _centred(line: Line, body: _Body) -> bool:
    """Set in the middle of the text column, away from both margins (a title, a header line)."""
    before, after = line.x0 - body.left, body.right - line.x1
    return before > 0.5 * line.size and after > 0.5 * line.size and abs(before - after) < 1.5 * line.size


def _join(texts: Any) -> str:
    out = ""
    for text in texts:
        text = text.strip()
        if not out:
            out = text
        elif out.endswith("\u00ad"):
            out = out[:-1] + text
        else:
            out = f"{out} {text}"
    return out
