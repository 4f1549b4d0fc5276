"""Text out of .docx (python-docx) and .pdf (pypdf) files, with failures named for the admin.

Both libraries raise a zoo of exception types on damaged files (zip, XML, PDF syntax errors);
a loader must turn every one of them into one DocumentError saying what to do with the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hoidap.index.encoding import normalize_text
from hoidap.index.types import DocumentError

# Titles that office tools write by themselves: they say nothing about the document.
_JUNK_TITLE_PREFIXES = ("microsoft word - ", "untitled", "document", "slide ")


def useful_title(title: str | None) -> str:
    """The embedded title, or "" when it is empty or a tool's placeholder."""
    title = " ".join((title or "").split())
    return "" if not title or title.lower().startswith(_JUNK_TITLE_PREFIXES) else title


def docx_to_text(path: Path) -> tuple[str, str, dict[str, Any]]:
    """Return (text, embedded title, extra) of a .docx: paragraphs and table cells in document order."""
    import docx  # deferred: only needed when the corpus has .docx files
    from docx.table import Table

    try:
        document = docx.Document(str(path))
        lines: list[str] = []
        first_heading = ""
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                _table_lines(block, lines)
            else:
                lines.append(block.text)
                style = (block.style.name if block.style is not None else "") or ""
                if not first_heading and block.text.strip() and style.lower().startswith(("heading", "title")):
                    first_heading = " ".join(block.text.split())
        props = document.core_properties
        # The file's own title property, else its first Heading/Title paragraph (the resolution's name).
        title = useful_title(props.title) or first_heading
        # `created` is when the file was made (python-docx's template says 2013), not the issue date.
        extra = {"file_created": props.created.isoformat()} if props.created else {}
    except Exception as e:  # zipfile.BadZipFile, KeyError (missing part), lxml XMLSyntaxError, ...
        raise DocumentError(str(path), f"corrupt or truncated .docx: {type(e).__name__}: {e}") from None
    text = normalize_text("\n".join(line.strip() for line in lines if line.strip()))
    return text, title, extra


def _table_lines(table: Any, lines: list[str]) -> None:
    """One line per non-empty cell paragraph; merged cells (repeated by python-docx) only once."""
    seen: set[int] = set()
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            for block in cell.iter_inner_content():
                if hasattr(block, "rows"):
                    _table_lines(block, lines)  # nested table
                else:
                    lines.append(block.text)


def pdf_to_text(path: Path) -> tuple[str, str]:
    """Return (text, embedded title) of a PDF: the pages' text joined with newlines."""
    from pypdf import PdfReader  # deferred: only needed when the corpus has PDFs
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError:
                raise DocumentError(str(path), "encrypted PDF needs the 'cryptography' package") from None
            if not opened:
                raise DocumentError(str(path), "password-protected PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = useful_title(str(reader.metadata.title or "")) if reader.metadata else ""
    except DocumentError:
        raise
    except Exception as e:  # PdfReadError, EmptyFileError, struct/zlib errors from damaged streams, ...
        raise DocumentError(str(path), f"corrupt PDF: {type(e).__name__}: {e}") from None
    text = normalize_text("\n".join(pages))
    if not text.strip():
        raise DocumentError(str(path), "no text, needs OCR")
    return text, title
