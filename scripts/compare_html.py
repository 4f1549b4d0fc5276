"""Measure main-content extraction of saved web pages: hoidap's walker against trafilatura and readability.

Usage: python scripts/compare_html.py PAGES_DIR EVALDATA.json [--limit N]

The pages and their annotations are trafilatura's public evaluation set (``tests/eval/*.html`` and
``tests/evaldata.json`` of https://github.com/adbar/trafilatura): about 900 real saved news, blog
and portal pages, each with snippets that belong to the article ("with") and snippets of page
furniture that must not be extracted ("without"). They are not part of this repository.

For each extractor: the share of "with" snippets found (recall of the article), the share of
"without" snippets left out (furniture kept out), failures and milliseconds per page. The
extractors (trafilatura and readability-lxml) are measurement-only dependencies:
``pip install trafilatura readability-lxml``. The figures in docs/formats.md come from here.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hoidap.index.encoding import decode_text  # noqa: E402
from hoidap.index.loaders_html import html_to_text  # noqa: E402


def _walker(html: str) -> str:
    return html_to_text(html)[0]


def _trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_tables=True, output_format="markdown") or ""


def _shipped(html: str) -> str:
    from hoidap.index.loaders_html import html_to_markup

    return html_to_markup(html)[0]


def _readability(html: str) -> str:
    from readability import Document

    return html_to_text(Document(html).summary(html_partial=True))[0]  # its article, through the walker


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "hoidap walker (html.parser)": _walker,
    "trafilatura 2.3 (markdown)": _trafilatura,
    "readability-lxml 0.9 + walker": _readability,
    "shipped: trafilatura markdown -> markup, walker when it finds nothing": _shipped,
}


def _norm(text: str) -> str:
    return " ".join(text.replace("**", "").split()).casefold()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=Path)
    parser.add_argument("evaldata", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages (0 = all)")
    args = parser.parse_args(argv)
    data = json.loads(args.evaldata.read_text(encoding="utf-8"))
    cases = [(args.pages / row["file"], row) for row in data.values() if (args.pages / row["file"]).is_file()]
    if args.limit:
        cases = cases[: args.limit]
    pages = []
    for path, row in cases:
        try:
            pages.append((decode_text(path.read_bytes(), str(path)), row))
        except Exception:  # noqa: BLE001 - a page the loader itself refuses is left out for every extractor
            continue
    print(f"{len(pages)} pages")
    print("| extractor | article snippets found | furniture snippets left out | failures | ms/page |")
    print("| --- | --- | --- | --- | --- |")
    for name, extract in EXTRACTORS.items():
        found = want = kept_out = unwanted = failures = 0
        started = time.perf_counter()
        for html, row in pages:
            try:
                text = _norm(extract(html))
            except Exception:  # noqa: BLE001 - counted, not fatal: the measure is how often each one fails
                failures += 1
                text = ""
            want += len(row.get("with", []))
            found += sum(_norm(s) in text for s in row.get("with", []))
            unwanted += len(row.get("without", []))
            kept_out += sum(_norm(s) not in text for s in row.get("without", []))
        ms = (time.perf_counter() - started) * 1000 / max(len(pages), 1)
        print(f"| {name} | {found / want:.1%} ({found}/{want}) | {kept_out / unwanted:.1%} ({kept_out}/{unwanted}) "
              f"| {failures} | {ms:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
