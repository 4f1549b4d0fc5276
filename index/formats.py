"""Read one file of each supported format into the light markup the chunker understands.

Whatever the source -- a .txt with front matter, a saved web page, a Word file, an old binary .doc,
a typeset or scanned PDF -- the result is the same structure: ``#`` headings, a whole line in
``**bold**`` for a bold heading, list items with their markers ("1.", "a)", "(1)", "-", "•"), one
paragraph per line and a blank line between blocks. Everything format-specific stays in the
reader of that format; document-level rules (header block, closing blocks, title) are applied
afterwards to every format by ``hoidap.index.structure``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hoidap.index.encoding import decode_text
from hoidap.index.types import DocumentError

# Unpacked size allowed for a .docx (a zip): a 1.5 MB "zip bomb" would otherwise expand to gigabytes.
MAX_UNPACKED_BYTES = 300 * 1024 * 1024


@dataclass(frozen=True)
class LoadOptions:
    """Limits and caches of the format readers (from Settings; the defaults work on a fresh machine)."""

    max_unpacked_bytes: int = MAX_UNPACKED_BYTES
    ocr_cache_dir: Path | None = None  # None: OCR results are not kept between runs
    ocr_language: str = "vie"
    progress: Callable[[str], None] | None = None  # one line per OCR'd page


@dataclass
class FormatText:
    """A file's body in the normalised markup, plus what the format itself states."""

    text: str
    fields: dict[str, str] = field(default_factory=dict)  # admin-given (front matter): strongest
    embedded: dict[str, str] = field(default_factory=dict)  # the file's own metadata (may be junk)
    extra: dict[str, Any] = field(default_factory=dict)


def read_format(path: Path, suffix: str, options: LoadOptions) -> FormatText:
    """Dispatch on the (lower-case) suffix; every failure is a DocumentError naming the file."""
    where = str(path)
    if suffix == ".docx":
        from hoidap.index.loaders_binary import docx_to_text

        text, title, extra = docx_to_text(path, options.max_unpacked_bytes)
        return FormatText(text, embedded={"title": title}, extra=extra)
    if suffix == ".doc":
        from hoidap.index.doc_legacy import doc_to_text

        return FormatText(doc_to_text(path, options.max_unpacked_bytes))
    if suffix == ".pdf":
        from hoidap.index.pdf_layout import pdf_to_markup

        text, title, extra = pdf_to_markup(path, options)
        return FormatText(text, embedded={"title": title}, extra=extra)
    text = decode_text(_read(path), where)
    if suffix in (".html", ".htm"):
        from hoidap.index.loaders_html import html_to_markup
        from hoidap.index.metadata import parse_date

        text, title, meta = html_to_markup(text)
        extra = {"published": published} if (published := parse_date(meta.get("article:published_time", ""))) else {}
        return FormatText(text, embedded={"title": title, "url": meta.get("og:url") or meta.get("canonical", "")},
                          extra=extra)
    from hoidap.index.frontmatter import split_front_matter
    from hoidap.index.metadata import normalize_fields

    raw, text = split_front_matter(text, where)
    fields, extra = normalize_fields(raw, where, "front matter")
    return FormatText(text, fields=fields, extra=extra)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise DocumentError(str(path), f"cannot read file: {e.strerror}") from None
