"""OCR of PDF pages that have no text layer (scans of signed paper), with Tesseract's Vietnamese model.

Admins receive signed resolutions as scans. A page with no text layer is rendered at 300 dpi by
pdfium and read by the ``tesseract`` command (Debian packages ``tesseract-ocr`` and
``tesseract-ocr-vie``) -- a subprocess, so no Python binding or image library is needed. OCR takes
seconds per page, so each page's text is cached by the file's SHA-256 (and the language): a
re-index never OCRs the same file twice, and a renamed or copied file is not OCR'd again.

Where Tesseract or its Vietnamese model is missing, a scan is reported as failed with the one
command that installs them; a text PDF with a few image-only pages is still indexed from its text.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hoidap.index.types import DocumentError

if TYPE_CHECKING:
    from hoidap.index.formats import LoadOptions
    from hoidap.index.pdf_layout import Line

INSTALL_HINT = "apt-get install tesseract-ocr tesseract-ocr-vie"
DPI = 300
PAGE_TIMEOUT_S = 180


def missing_ocr(language: str) -> str | None:
    """Why OCR cannot run here (None when it can): no ``tesseract`` on PATH, or no model for ``language``."""
    exe = shutil.which("tesseract")
    if exe is None:
        return f"Tesseract is not installed; install it with: {INSTALL_HINT}"
    try:
        listed = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"Tesseract does not run ({e}); reinstall it with: {INSTALL_HINT}"
    languages = set(listed.stdout.split()) | set(listed.stderr.split())
    if not set(language.split("+")) <= languages:
        return f"Tesseract has no '{language}' model; install it with: {INSTALL_HINT}"
    return None


def ocr_pages(path: Path, pages: list[int], total: int, options: LoadOptions,
              required: bool = True) -> dict[int, str]:
    """Tesseract's TSV (words with their boxes) of each page in ``pages`` (0-based), cached or fresh.

    The words keep their positions so the PDF layout rules (running headers, paragraphs, headings
    by size) apply to a scan as to a typeset PDF: see ``tsv_lines``.

    ``required``: the document has no text without OCR, so a missing Tesseract is a DocumentError;
    otherwise missing OCR leaves those pages out.
    """
    digest = _sha256(path)
    cache = _cache_file(options.ocr_cache_dir, digest, options.ocr_language)
    done: dict[int, str] = _read_cache(cache)
    todo = [n for n in pages if n not in done]
    if todo:
        problem = missing_ocr(options.ocr_language)
        if problem is not None:
            if required:
                raise DocumentError(str(path), f"scanned PDF without a text layer: {problem}")
            return {n: done[n] for n in pages if n in done}
        for n in todo:
            _say(options, f"OCR {path.name}: page {n + 1}/{total} ({pages.index(n) + 1} of {len(pages)} to read)")
            done[n] = _ocr_page(path, n, options.ocr_language)
            _write_cache(cache, done)  # after every page: an interrupted re-index keeps what it read
    return {n: done[n] for n in pages}


def _ocr_page(path: Path, number: int, language: str) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        bitmap = pdf[number].render(scale=DPI / 72, grayscale=True)
        image = _pgm(bitmap)
    finally:
        pdf.close()
    with tempfile.TemporaryDirectory(prefix="hoidap-ocr-") as tmp:
        picture = Path(tmp) / "page.pgm"
        picture.write_bytes(image)
        try:
            result = subprocess.run(["tesseract", str(picture), "stdout", "-l", language, "--dpi", str(DPI), "tsv"],
                                    capture_output=True, text=True, timeout=PAGE_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise DocumentError(str(path), f"OCR of page {number + 1} took over {PAGE_TIMEOUT_S}s") from None
        except OSError as e:
            raise DocumentError(str(path), f"OCR failed to start: {e}; install it with: {INSTALL_HINT}") from None
    if result.returncode != 0:
        reason = " ".join(result.stderr.split())[-300:]
        raise DocumentError(str(path), f"OCR of page {number + 1} failed: {reason}")
    return result.stdout


def tsv_lines(tsv: str, number: int, page_height: float) -> list[Line]:
    """Tesseract's words -> the layout's visual lines, in points from the page's top-left.

    OCR has no fonts: a line's size is its words' median height, and sizes within 20-25 % of the
    page's median are taken as the body size (accents make heights noisy); bold is unknown.
    """
    from hoidap.index.pdf_layout import Line

    scale = 72 / DPI
    words: dict[tuple[str, ...], list[tuple[float, float, float, float, str]]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, width, height = (float(c) * scale for c in cols[6:10])
        words.setdefault(tuple(cols[1:5]), []).append((left, top, left + width, top + height, cols[11].strip()))
    lines = []
    for group in words.values():
        group.sort()
        heights = sorted(w[3] - w[1] for w in group)
        lines.append(Line(" ".join(w[4] for w in group), group[0][0], max(w[2] for w in group),
                          min(w[1] for w in group), statistics.median(w[3] for w in group),
                          heights[len(heights) // 2], False, page=number))
    if not lines:
        return []
    body = statistics.median(line.size for line in lines)
    for line in lines:
        line.size = round(body if body * 0.8 < line.size < body * 1.25 else line.size, 1)
    lines.sort(key=lambda line: (line.baseline, line.x0))
    return lines


def _pgm(bitmap: Any) -> bytes:
    """A grayscale pdfium bitmap as a binary PGM (Tesseract reads it; no image library needed)."""
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    data = bytes(bitmap.buffer)
    channels = stride // width if width else 1
    if channels == 1:
        rows = b"".join(data[y * stride : y * stride + width] for y in range(height))
    else:  # BGR(x): take one channel (the render is grayscale, so all channels are equal)
        rows = b"".join(data[y * stride : y * stride + width * channels : channels] for y in range(height))
    return f"P5\n{width} {height}\n255\n".encode() + rows


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _cache_file(folder: Path | None, digest: str, language: str) -> Path | None:
    return None if folder is None else Path(folder) / f"{digest}.{language}.tsv.json"


def _read_cache(cache: Path | None) -> dict[int, str]:
    if cache is None or not cache.is_file():
        return {}
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
        return {int(k): str(v) for k, v in data.items()}
    except (OSError, ValueError, AttributeError):
        return {}  # a damaged cache entry is read again, not trusted


def _write_cache(cache: Path | None, pages: dict[int, str]) -> None:
    if cache is None:
        return
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({str(k): v for k, v in sorted(pages.items())}, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, cache)


def _say(options: LoadOptions, message: str) -> None:
    if options.progress is not None:
        options.progress(message)
    else:
        print(message, file=sys.stderr, flush=True)
