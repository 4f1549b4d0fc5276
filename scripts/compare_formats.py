"""Compare renderings of a corpus with its text originals: passages, recovered metadata, PDF libraries.

Usage:
  python scripts/compare_formats.py TEXT_DIR RENDER_DIR [RENDER_DIR ...] [--pdf-library NAME ...]

For each folder, every document is loaded and chunked as ``hoidap reindex`` would, and matched by
file stem to its text original (``nq57.txt`` <-> ``nq57.pdf``). Printed per folder:

- passages: how many the chunker makes (the issue's 3.8x came from here);
- same passages: the share of the text original's passages found word for word in the rendering
  (paragraphs rebuilt, nothing cut at line breaks, no running header inside);
- titles / dates / numbers recovered: equal to what the text original yields (its front matter
  and its text), counted over the documents where the original has one;
- furniture: passages that quote a running header or a page number;
- seconds to load and chunk every file.

``--pdf-library`` measures the PDF readers the choice was made between, each feeding the same
paragraph rebuilding where it gives positions and fonts: ``pypdfium2`` (shipped), ``pdfminer``
(pdfminer.six, which pdfplumber wraps), ``pypdf`` (``extract_text``: what hoidap used before) and
``pypdf-layout`` (pypdf's layout mode; no fonts, so every output line is a paragraph).
The figures in docs/formats.md come from this script.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hoidap.index import pdf_layout  # noqa: E402
from hoidap.index.chunker import Chunker  # noqa: E402
from hoidap.index.loaders import load_document  # noqa: E402
from hoidap.index.types import DocumentError  # noqa: E402

_FURNITURE = re.compile(r"ĐẢNG CỘNG SẢN VIỆT NAM\s+\S+_|\bTrang \d+\b")


def _simple(text: str | None) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", (text or "").casefold()).split())


def _pdfminer_pages(path: Path) -> list[pdf_layout.Page]:
    """pdfminer.six's characters, grouped by the same line and paragraph rules as pypdfium2's."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer

    def walk(item: Any, chars: list[Any], height: float) -> None:
        if isinstance(item, LTChar):
            name = item.fontname.lower()
            chars.append(pdf_layout._Char(item.get_text(), item.x0, item.x1, height - item.y0 - item.size * 0.2,
                                          height - item.y1, round(item.size, 1), "bold" in name or "black" in name))
        elif isinstance(item, LTTextContainer) or hasattr(item, "__iter__"):
            for child in item:
                walk(child, chars, height)

    pages = []
    for number, layout in enumerate(extract_pages(str(path), laparams=LAParams())):
        chars: list[Any] = []
        height = layout.height
        walk(layout, chars, height)
        pages.append(pdf_layout.Page(layout.width, height, pdf_layout.group_lines(chars, number)))
    return pages


def _use_library(name: str) -> None:
    """Swap the PDF reader behind load_document for one of the measured candidates."""
    if name == "pypdfium2":
        return
    if name == "pdfminer":
        def markup(path: Path, options: Any) -> tuple[str, str, dict[str, Any]]:
            return pdf_layout.layout(_pdfminer_pages(path)), "", {}
    elif name in ("pypdf", "pypdf-layout"):
        def markup(path: Path, options: Any) -> tuple[str, str, dict[str, Any]]:
            from pypdf import PdfReader

            reader = PdfReader(str(path))
            mode = {"extraction_mode": "layout"} if name == "pypdf-layout" else {}
            text = "\n".join(page.extract_text(**mode) or "" for page in reader.pages)
            title = str(reader.metadata.title or "") if reader.metadata else ""
            return "\n".join(line.strip() for line in text.split("\n")), title, {}
    else:
        raise SystemExit(f"unknown PDF library {name!r}")
    pdf_layout.pdf_to_markup = markup  # type: ignore[assignment]


def measure(text_dir: Path, folder: Path, originals: dict[str, Any]) -> dict[str, Any]:
    chunker = Chunker()
    started = time.perf_counter()
    passages = same = furniture = 0
    expected = {"title": 0, "date": 0, "number": 0}
    recovered = {"title": 0, "date": 0, "number": 0}
    failed = []
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        try:
            doc = load_document(path, folder)
        except DocumentError as e:
            failed.append(f"{path.name}: {e.reason}")
            continue
        chunks = chunker.chunk(doc)
        passages += len(chunks)
        furniture += sum(bool(_FURNITURE.search(p.text)) for p in chunks)
        original = originals.get(path.stem)
        if original is None:
            continue
        text_doc, text_passages = original
        mine = {_simple(p.text) for p in chunks}
        same += sum(_simple(p.text) in mine for p in text_passages)
        for name in expected:
            want = getattr(text_doc, name)
            if want:
                expected[name] += 1
                recovered[name] += _simple(getattr(doc, name)) == _simple(want)
    total = sum(len(v[1]) for v in originals.values())
    return {"folder": str(folder), "passages": passages, "same_passages": same / total if total else 0.0,
            "furniture": furniture, "seconds": time.perf_counter() - started, "failed": failed,
            **{f"{k}s": f"{recovered[k]}/{expected[k]}" for k in expected}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("text_dir", type=Path, help="the text originals (e.g. ../shared/eval/corpus)")
    parser.add_argument("renderings", type=Path, nargs="*", help="folders made by scripts/render_corpus.py")
    parser.add_argument("--pdf-library", action="append", default=[],
                        choices=["pypdfium2", "pdfminer", "pypdf", "pypdf-layout"],
                        help="measure PDF folders with this reader (repeatable; default pypdfium2)")
    args = parser.parse_args(argv)
    chunker = Chunker()
    originals = {}
    for path in sorted(args.text_dir.iterdir()):
        doc = load_document(path, args.text_dir)
        originals[path.stem] = (doc, chunker.chunk(doc))
    rows = [measure(args.text_dir, args.text_dir, originals) | {"library": "-"}]
    original_reader = pdf_layout.pdf_to_markup
    for folder in args.renderings:
        is_pdf = any(p.suffix.lower() == ".pdf" for p in folder.iterdir())
        for library in (args.pdf_library or ["pypdfium2"]) if is_pdf else ["-"]:
            pdf_layout.pdf_to_markup = original_reader  # type: ignore[assignment]
            _use_library(library) if is_pdf else None
            rows.append(measure(args.text_dir, folder, originals) | {"library": library})
    print("| folder | PDF library | passages | same passages as text | titles | dates | numbers "
          "| furniture passages | seconds |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r['folder']} | {r['library']} | {r['passages']} | {r['same_passages']:.1%} | {r['titles']} "
              f"| {r['dates']} | {r['numbers']} | {r['furniture']} | {r['seconds']:.1f} |")
        for failure in r["failed"]:
            print(f"  failed: {failure}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
