"""Turn a file of the corpus folder into a SourceDocument (text + metadata), or say why not.

Each format is read into one normalised markup (hoidap.index.formats), then document-level rules
apply to every format alike (hoidap.index.structure: header block, closing blocks, title).

Metadata precedence, strongest first: ``<file>.meta.json`` sidecar > YAML front matter > the
document's issuing header block (issuer, "Số: 57-NQ/TW", "Hà Nội, ngày ...", "NGHỊ QUYẾT / VỀ ...")
> what the file format embeds (HTML <h1>/<title>, Word/PDF title, unless a tool's placeholder such
as "Microsoft Word - …" or the file name) > what the text shows elsewhere (its first heading or
bold line, a "Số:" line, a dateline) > the number named in the title > the file name.
"""

from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path
from typing import Any

from hoidap.index.formats import LoadOptions, read_format
from hoidap.index.metadata import normalize_fields
from hoidap.index.structure import is_junk_title, normalise, number_from_title
from hoidap.index.types import DocumentError, SourceDocument

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".doc", ".pdf")
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


def load_document(path: Path, corpus_dir: Path, max_bytes: int = MAX_BYTES,
                  options: LoadOptions | None = None) -> SourceDocument:
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

    source = read_format(path, suffix, options or LoadOptions())
    shaped = normalise(source.text)  # header block -> metadata; closing blocks -> extra
    text = shaped.text
    if not text.strip():
        raise DocumentError(where, "empty document")
    sidecar_fields, sidecar_extra = _read_sidecar(path)
    fields = {**source.fields, **sidecar_fields}  # strongest source wins: later sources only fill gaps
    extra = {**shaped.extra, **source.extra, **sidecar_extra}
    embedded = {k: v for k, v in source.embedded.items() if not (k == "title" and is_junk_title(v, path.stem))}
    for found in (shaped.header, embedded, shaped.found):
        for name, value in found.items():
            if value and name not in fields:
                fields[name] = value
    fields.setdefault("title", unicodedata.normalize("NFC", path.stem.replace("_", " ").strip()))
    if "number" not in fields and (number := number_from_title(fields["title"])):
        fields["number"] = number
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
