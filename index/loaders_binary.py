"""Text out of .docx files (python-docx), in the chunker's markup, with failures named for the admin.

A Word file is read as its reader sees it: Title and Heading styles become ``#`` headings, a
paragraph that is bold throughout becomes a ``**bold**`` line, automatic numbering is rendered
("1.", "(1)", "a)", "•": hoidap.index.docx_numbering), a table is read row by row ("cell | cell"),
and page headers and footers (running titles, page numbers) are left out.

python-docx raises a zoo of exception types on damaged files (zip, XML errors); every one of them
becomes one DocumentError saying what to do with the file. A .docx is a zip: its declared unpacked
sizes are checked before anything is read (zipfile never inflates a member past its declared
size), so a small "zip bomb" is refused instead of filling memory.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from hoidap.index.docx_numbering import Numbering
from hoidap.index.encoding import normalize_text
from hoidap.index.pdf_layout import bold_markup
from hoidap.index.types import DocumentError

_HEADING_STYLE = re.compile(r"^(?:heading|tiêu đề)\s*(\d)$", re.IGNORECASE)


def check_unpacked_size(path: Path, limit: int) -> None:
    """Refuse a zip whose members declare more than ``limit`` bytes in total (a zip bomb)."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        return  # python-docx reports the damage with its own message
    except OSError as e:
        raise DocumentError(str(path), f"cannot read file: {e.strerror}") from None
    if total > limit:
        raise DocumentError(str(path), f"unpacks to {total / 2**20:.0f} MB, over the limit of {limit / 2**20:.0f} MB "
                                       "(HOIDAP_MAX_UNPACKED_MB); a damaged or malicious .docx")


def docx_to_text(path: Path, max_unpacked_bytes: int) -> tuple[str, str, dict[str, Any]]:
    """Return (markup, embedded title, extra) of a .docx: paragraphs and table rows in document order."""
    check_unpacked_size(path, max_unpacked_bytes)
    import docx  # deferred: only needed when the corpus has .docx files
    from docx.table import Table

    try:
        document = docx.Document(str(path))
        numbering = _numbering(document)
        blocks: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                _table_rows(block, blocks)
            else:
                blocks.append(_paragraph(block, numbering))
        props = document.core_properties
        # `created` is when the file was made (python-docx's template says 2013), not the issue date.
        extra = {"file_created": props.created.isoformat()} if props.created else {}
        title = props.title or ""
    except Exception as e:  # zipfile.BadZipFile, KeyError (missing part), lxml XMLSyntaxError, ...
        raise DocumentError(str(path), f"corrupt or truncated .docx: {type(e).__name__}: {e}") from None
    text = normalize_text("\n\n".join(b for b in blocks if b.strip()))
    return text, title, extra


def _numbering(document: Any) -> Numbering:
    part = document.part
    try:
        numbering = part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering = None
    return Numbering(numbering, part.styles.element if part._styles_part is not None else None)


def _paragraph(paragraph: Any, numbering: Numbering) -> str:
    """One paragraph's markup; its line breaks (Shift+Enter) keep their lines, each bold or not."""
    style = paragraph.style
    style_name = (style.name if style is not None else "") or ""
    marker = numbering.marker(paragraph._p, style.style_id if style is not None else None)
    lines = _lines(paragraph)
    if not lines:
        return ""
    if style_name.lower() == "title" or _HEADING_STYLE.match(style_name):
        text = " ".join(text for text, _ in lines)
        m = _HEADING_STYLE.match(style_name)
        level = min(int(m[1]), 6) if m else 1
        return f"{'#' * level} {marker + ' ' if marker else ''}{text}"
    out = []
    for n, (text, bold) in enumerate(lines):
        line = f"{marker} {text}" if marker and n == 0 else text
        out.append(bold_markup(line) if bold else line)
    return "\n".join(out)


def _lines(paragraph: Any) -> list[tuple[str, bool]]:
    """(text, bold throughout) for each line of a paragraph; a trailing plain " -" does not unbold a line.

    Bold counts directly on the run, or through its character or paragraph style.
    """
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    lines: list[list[tuple[str, bool]]] = [[]]
    for run in _runs(paragraph):
        bold = bool(run.bold or (run.bold is None and (style_bold or (run.style is not None and run.style.font.bold))))
        for n, part in enumerate(run.text.split("\n")):
            if n:
                lines.append([])
            lines[-1].append((part, bold))
    out = []
    for parts in lines:
        text = " ".join("".join(part for part, _ in parts).split())
        worded = [bold for part, bold in parts if any(c.isalnum() for c in part)]
        if text:
            out.append((text, bool(worded) and all(worded)))
    return out


def _runs(paragraph: Any) -> list[Any]:
    """The paragraph's runs in order, those inside hyperlinks included (``paragraph.runs`` skips them)."""
    runs: list[Any] = []
    for item in paragraph.iter_inner_content():
        runs.extend(item.runs if hasattr(item, "runs") else [item])
    return runs


def _table_rows(table: Any, blocks: list[str]) -> None:
    """One line per row, cells joined by " | "; merged cells (repeated by python-docx) only once."""
    for row in table.rows:
        seen: set[int] = set()
        cells: list[str] = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            texts = []
            for block in cell.iter_inner_content():
                if hasattr(block, "rows"):
                    _table_rows(block, blocks)  # a nested table: its rows follow on their own lines
                elif block.text.strip():
                    texts.append(" ".join(block.text.split()))
            if texts:
                cells.append(" ".join(texts))
        if cells:
            blocks.append(" | ".join(cells))
