"""Turn a file of the corpus folder into a SourceDocument (text + metadata), or say why not.

Metadata precedence, strongest first: ``<file>.meta.json`` sidecar > YAML front matter >
what the file format embeds (HTML <h1>/<title>, Word/PDF title) > what the issuing header in
the text states (số hiệu, "Hà Nội, ngày ...") > the file name.
"""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path
from typing import Any

from hoidap.index.encoding import decode_text
from hoidap.index.frontmatter import split_front_matter
from hoidap.index.loaders_binary import docx_to_text, pdf_to_text
from hoidap.index.loaders_html import html_to_text
from hoidap.index.metadata import metadata_from_text, normalize_fields, parse_date
from hoidap.index.types import DocumentError, SourceDocument

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
SIDECAR_SUFFIX = ".meta.json"
MAX_BYTES = 50 * 1024 * 1024


def iter_corpus_files(corpus_dir: Path) -> list[Path]:
    """Every candidate document under corpus_dir, sorted by relative path.

    The files hoidap.index.corpus_files.scan_corpus accepts (its refusals — names that are not
    UTF-8, Unicode twins, links outside the corpus — are reported by the builder). Hidden
    files/folders, ``*.meta.json`` sidecars and Word lock files (``~$x.docx``) are skipped.
    Unsupported types are *included* so load_document reports them instead of silently ignoring them.
    """
    from hoidap.index.corpus_files import scan_corpus

    return [f.path for f in scan_corpus(corpus_dir).files]


def load_document(path: Path, corpus_dir: Path, max_bytes: int = MAX_BYTES) -> SourceDocument:
    """Load one corpus file; doc_id is its path relative to corpus_dir (POSIX, NFC).

    >>> import tempfile
    >>> corpus = Path(tempfile.mkdtemp())
    >>> _ = (corpus / "nq57.md").write_text(encoding="utf-8", data=
    ...     "---\\nso_hieu: 57-NQ/TW\\ndate: 2024-12-22\\n---\\n# Nghị quyết 57\\nVề đột phá phát triển\\n")
    >>> doc = load_document(corpus / "nq57.md", corpus)
    >>> doc.doc_id, doc.title, doc.number, doc.date
    ('nq57.md', 'Nghị quyết 57', '57-NQ/TW', '2024-12-22')
    >>> doc.text
    '# Nghị quyết 57\\nVề đột phá phát triển\\n'
    """
    path, where = Path(path), str(path)
    doc_id = doc_id_for(path, Path(corpus_dir))
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown, supported = suffix or "(no extension)", ", ".join(SUPPORTED_SUFFIXES)
        raise DocumentError(where, f"unsupported file type {shown} (supported: {supported})")
    _check_size(path, max_bytes)

    fields: dict[str, str] = {}  # strongest source wins: later sources only fill gaps
    extra: dict[str, Any] = {}
    if suffix in (".docx", ".pdf"):
        if suffix == ".docx":
            text, embedded_title, extra = docx_to_text(path)
        else:
            text, embedded_title = pdf_to_text(path)
        fallback_fields = {"title": embedded_title}
    else:
        text = decode_text(_read(path), where)
        fallback_fields = {}
        if suffix in (".html", ".htm"):
            text, title, meta = html_to_text(text)
            fallback_fields = {"title": title, "url": meta.get("og:url") or meta.get("canonical", "")}
            if published := parse_date(meta.get("article:published_time", "")):
                extra["published"] = published
        else:
            raw, text = split_front_matter(text, where)
            fields, extra = normalize_fields(raw, where, "front matter")
            if suffix == ".md":
                fallback_fields = {"title": _markdown_title(text)}
        if not text.strip():
            raise DocumentError(where, "empty document")

    sidecar_fields, sidecar_extra = _read_sidecar(path)
    fields = {**fields, **sidecar_fields}
    extra = {**extra, **sidecar_extra}
    for source in (fallback_fields, metadata_from_text(text)):
        for name, value in source.items():
            if value and name not in fields:
                fields[name] = value
    fields.setdefault("title", unicodedata.normalize("NFC", path.stem.replace("_", " ").strip()))
    return SourceDocument(doc_id=doc_id, text=text, extra=extra, title=fields.get("title", ""), date=fields.get("date"),
                          number=fields.get("number"), issuer=fields.get("issuer"), url=fields.get("url"),
                          author=fields.get("author"))


def doc_id_for(path: Path, corpus_dir: Path) -> str:
    """Relative POSIX path, NFC (macOS stores decomposed file names; ids must compare equal)."""
    try:
        relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(corpus_dir))
    except ValueError:
        raise DocumentError(str(path), f"not inside the corpus folder {corpus_dir}") from None
    return unicodedata.normalize("NFC", relative.as_posix())


def _check_size(path: Path, max_bytes: int) -> None:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DocumentError(str(path), "file not found") from None
    except OSError as e:
        raise DocumentError(str(path), f"cannot read file: {e.strerror}") from None
    if not path.is_file():
        raise DocumentError(str(path), "not a regular file")
    if size > max_bytes:
        raise DocumentError(str(path), f"file too large ({_mb(size)} MB > limit {_mb(max_bytes)} MB)")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.3g}"


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise DocumentError(str(path), f"cannot read file: {e.strerror}") from None


def _markdown_title(body: str) -> str:
    """The text of a leading "# Heading" (first non-blank line), else ""."""
    first = body.lstrip().split("\n", 1)[0].strip()
    if first.startswith("# "):
        return first[2:].strip().rstrip("#").strip()
    return ""


def _read_sidecar(path: Path) -> tuple[dict[str, str], dict[str, Any]]:
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}, {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DocumentError(str(path), f"unreadable metadata sidecar {sidecar.name}: {e}") from None
    if not isinstance(data, dict):
        raise DocumentError(
            str(path), f'metadata sidecar {sidecar.name} must be a JSON object {{"title": ...}}'
        )
    return normalize_fields(data, str(path), sidecar.name)
