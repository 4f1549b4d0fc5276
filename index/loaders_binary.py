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
    text = " ".join(paragraph.text.split())
    style = paragraph.style
    style_name = (style.name if style is not None else "") or ""
    marker = numbering.marker(paragraph._p, style.style_id if style is not None else None)
    if not text:
        return ""
    if style_name.lower() == "title":
        return f"# {text}"
    if m := _HEADING_STYLE.match(style_name):
        return f"{'#' * min(int(m[1]), 6)} {marker + ' ' if marker else ''}{text}"
    line = f"{marker} {text}" if marker else text
    return bold_markup(line) if _all_bold(paragraph) else line


def _all_bold(paragraph: Any) -> bool:
    """Every run with a letter or digit is bold (directly, or through its character or paragraph
    style); a trailing plain " -" does not count (bold_markup keeps it outside the marks)."""
    runs = [r for r in paragraph.runs if any(c.isalnum() for c in r.text)]
    if not runs:
        return False
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return all(r.bold or (r.bold is None and (style_bold or (r.style is not None and r.style.font.bold)))
               for r in runs)


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
