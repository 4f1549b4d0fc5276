"""Render a folder of .txt/.md documents as PDF or Word files, the way admins receive them.

Usage: python scripts/render_corpus.py SRC OUT --format pdf|docx

Each document keeps its file stem (``nq57.txt`` -> ``nq57.pdf``), so the .txt corpus's questions
evaluate the rendering with ``hoidap eval --by-stem``. The renderings are what the loaders must
cope with (issue 8), not pretty output:

- A4, justified paragraphs with a first-line indent, DejaVu fonts (Vietnamese glyphs);
- the front matter is gone: its title is the first bold line, and nothing else of it is printed;
- ``#`` headings become bold, larger lines (PDF) or real Heading 1-3 styles (Word);
- a running header ("ĐẢNG CỘNG SẢN VIỆT NAM … <short name>") and a page number on every page;
- PDF metadata that says nothing ("Microsoft Word - VanBan.docx", author "(anonymous)");
- Word: "1.", "(1)", "a)", "-" and "•" items become *automatic* numbering (decimal "%1.",
  "(%1)", lowerLetter "%1)", bullets): the marker is no longer in the paragraph's text, it lives
  in the numbering definitions, with restarts where the source's numbers restart.

Test-only dependencies: reportlab (PDF) and python-docx (Word); ``pip install -e '.[test]'``.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
RUNNING_HEADER = "ĐẢNG CỘNG SẢN VIỆT NAM"
JUNK_PDF_TITLE = "Microsoft Word - VanBan.docx"

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# Markers that Word would number automatically: (kind, regex capturing the value and the rest).
_AUTO_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("decimal", re.compile(r"^(\d{1,3})\.\s+(\S.*)$")),
    ("paren", re.compile(r"^\((\d{1,3})\)\s*(\S.*)$")),
    ("decimal)", re.compile(r"^(\d{1,3})\)\s+(\S.*)$")),
    ("letter", re.compile(r"^([a-z])\)\s+(\S.*)$")),
    ("dash", re.compile(r"^([-–])\s+(\S.*)$")),
    ("bullet", re.compile(r"^([•])\s+(\S.*)$")),
]


@dataclass
class Block:
    """One line of the source: a heading (level 1-6), a list item, a bold line or a paragraph."""

    kind: str  # "title", "heading", "item", "bold", "paragraph"
    text: str  # text with inline **bold** kept as markup
    level: int = 0
    marker: str = ""  # "decimal", "paren", "decimal)", "letter", "dash", "bullet" for items
    value: int = 0  # the item's number (a=1, b=2, ...)
    joined: bool = False  # the source line follows the previous one with no blank line between


def parse(source: str) -> tuple[str, list[Block]]:
    """Split a corpus file into its front-matter title and body blocks, one per non-blank line."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from hoidap.index.frontmatter import split_front_matter

    meta, body = split_front_matter(source, "source")
    title = str(meta.get("title") or "").strip()
    blocks = [Block("title", title)] if title else []
    joined = False
    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            joined = False
            continue
        count = len(blocks)
        inner = line[2:-2] if line.startswith("**") and line.endswith("**") and len(line) > 4 else ""
        if m := _HEADING.match(line):
            blocks.append(Block("heading", m[2].strip(), level=len(m[1])))
        elif inner and "**" not in inner:
            blocks.append(Block("bold", inner))
        elif item := _item(line):
            blocks.append(item)
        else:
            blocks.append(Block("paragraph", line))
        if len(blocks) > count:
            blocks[-1].joined = joined
        joined = True
    return title, blocks


def _item(line: str) -> Block | None:
    for kind, pattern in _AUTO_MARKERS:
        if m := pattern.match(line):
            value = ord(m[1]) - 96 if kind == "letter" else int(m[1]) if m[1].isdigit() else 0
            return Block("item", m[2], marker=kind, value=value)
    return None


def _marker_text(block: Block) -> str:
    return {"decimal": f"{block.value}.", "paren": f"({block.value})", "decimal)": f"{block.value})",
            "letter": f"{chr(96 + block.value)})", "dash": "-", "bullet": "•"}[block.marker]


def _inline(text: str) -> list[tuple[str, bool]]:
    """Runs of (text, bold) from inline **bold** markup; unbalanced marks are dropped."""
    parts = text.split("**")
    if len(parts) % 2 == 0:  # an odd number of "**": keep the text, drop the marks
        return [(text.replace("**", ""), False)]
    return [(part, i % 2 == 1) for i, part in enumerate(parts) if part]


# ---------------------------------------------------------------------------------------- PDF


def render_pdf(source: str, out: Path, short_name: str = "", footer: str = "Trang {page}") -> None:
    """One A4 PDF: justified text, running header, a page-number footer ("Trang N"), junk metadata."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if "DejaVuSerif" not in pdfmetrics.getRegisteredFontNames():
        for name, file in (("DejaVuSerif", "DejaVuSerif.ttf"), ("DejaVuSerif-Bold", "DejaVuSerif-Bold.ttf"),
                           ("DejaVuSerif-Italic", "DejaVuSerif-Italic.ttf"),
                           ("DejaVuSerif-BoldItalic", "DejaVuSerif-BoldItalic.ttf")):
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
        pdfmetrics.registerFontFamily("DejaVuSerif", normal="DejaVuSerif", bold="DejaVuSerif-Bold",
                                      italic="DejaVuSerif-Italic", boldItalic="DejaVuSerif-BoldItalic")
    body = ParagraphStyle("body", fontName="DejaVuSerif", fontSize=12, leading=15, alignment=TA_JUSTIFY,
                          firstLineIndent=1 * cm, spaceAfter=4)
    styles = {
        "title": ParagraphStyle("title", parent=body, fontName="DejaVuSerif-Bold", fontSize=14, leading=18,
                                alignment=TA_CENTER, firstLineIndent=0, spaceAfter=12),
        "heading": ParagraphStyle("heading", parent=body, fontName="DejaVuSerif-Bold", fontSize=13, leading=16,
                                  firstLineIndent=0, spaceBefore=8, spaceAfter=6),
        "bold": ParagraphStyle("bold", parent=body, fontName="DejaVuSerif-Bold"),
        "item": body,
        "paragraph": body,
    }
    story = []
    blocks = parse(source)[1]
    for i, block in enumerate(blocks):
        runs = _inline(block.text)
        markup = "".join(f"<b>{escape(t)}</b>" if bold else escape(t) for t, bold in runs)
        if block.kind == "item":
            markup = f"{escape(_marker_text(block))} {markup}"
        style = styles[block.kind]
        # Lines that the source wrote one under the other (no blank line) are set without spacing.
        before = 0 if block.joined else style.spaceBefore
        after = 0 if i + 1 < len(blocks) and blocks[i + 1].joined else style.spaceAfter
        if (before, after) != (style.spaceBefore, style.spaceAfter):
            style = ParagraphStyle(f"{style.name}-{before}-{after}", parent=style, spaceBefore=before,
                                   spaceAfter=after)
        story.append(Paragraph(markup, style))

    def furniture(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont("DejaVuSerif-Italic", 9)
        canvas.drawString(2.5 * cm, A4[1] - 1.3 * cm, RUNNING_HEADER)
        if short_name:
            canvas.drawRightString(A4[0] - 2 * cm, A4[1] - 1.3 * cm, short_name)
        canvas.line(2.5 * cm, A4[1] - 1.45 * cm, A4[0] - 2 * cm, A4[1] - 1.45 * cm)
        canvas.setFont("DejaVuSerif", 10)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, footer.format(page=doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=2.5 * cm, rightMargin=2 * cm, topMargin=2.2 * cm,
                            bottomMargin=2.2 * cm, title=JUNK_PDF_TITLE, author="(anonymous)",
                            creator="Microsoft® Word 2016", subject="")
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)


# --------------------------------------------------------------------------------------- Word

_NUMBER_FORMATS = {  # marker kind -> (w:numFmt, w:lvlText)
    "decimal": ("decimal", "%1."),
    "paren": ("decimal", "(%1)"),
    "decimal)": ("decimal", "%1)"),
    "letter": ("lowerLetter", "%1)"),
    "dash": ("bullet", "-"),
    "bullet": ("bullet", "•"),
}


class _Numbering:
    """Abstract numbering definitions per marker kind, and one w:num per run of consecutive numbers.

    A list continues (same w:num) while the source's numbers follow on; a number that does not
    follow (a new list starting again at 1, or an excerpt jumping from 2 to 5) gets a new w:num
    with a startOverride, exactly how Word restarts a list.
    """

    def __init__(self, document) -> None:  # type: ignore[no-untyped-def]
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        self.numbering = document.part.numbering_part.element
        self.parse, self.nsdecls = parse_xml, nsdecls
        self.abstract: dict[str, int] = {}
        self.current: dict[str, tuple[int, int]] = {}  # kind -> (numId, next expected value)
        self.next_abstract = 100

    def num_id(self, kind: str, value: int) -> int:
        fmt, text = _NUMBER_FORMATS[kind]
        if kind not in self.abstract:
            self.abstract[kind] = aid = self.next_abstract
            self.next_abstract += 1
            xml = (f'<w:abstractNum {self.nsdecls("w")} w:abstractNumId="{aid}">'
                   '<w:multiLevelType w:val="singleLevel"/>'
                   f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
                   '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>'
                   '</w:abstractNum>')
            self.numbering.insert(0, self.parse(xml))
        if fmt == "bullet":
            if kind not in self.current:
                self.current[kind] = (self.numbering.add_num(self.abstract[kind]).numId, 0)
            return self.current[kind][0]
        num_id, expected = self.current.get(kind, (0, -1))
        if value != expected:
            num = self.numbering.add_num(self.abstract[kind])
            num_id = num.numId  # Word continues a shared abstract list unless the instance restarts it
            override = self.parse(f'<w:lvlOverride {self.nsdecls("w")} w:ilvl="0">'
                                  f'<w:startOverride w:val="{value}"/></w:lvlOverride>')
            num.append(override)
        self.current[kind] = (num_id, value + 1)
        return num_id


def render_docx(source: str, out: Path, short_name: str = "") -> None:
    """One A4 .docx: Title + Heading styles, justified text, automatic numbering, header/footer."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.5), Cm(2)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "DejaVu Serif", Pt(12)
    header = section.header.paragraphs[0]
    header.text = f"{RUNNING_HEADER}\t\t{short_name}"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Trang ")
    footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    numbering = _Numbering(document)
    paragraph = None
    last = ""
    for block in parse(source)[1]:
        if block.joined and paragraph is not None and block.kind in ("paragraph", "bold") and last in (
                "paragraph", "bold"):
            paragraph.add_run().add_break()  # a line under the previous one, no new paragraph
            for text, bold in _inline(block.text):
                paragraph.add_run(text).bold = bold or block.kind == "bold" or None
            last = block.kind
            continue
        last = block.kind
        if block.kind == "title":
            paragraph = document.add_paragraph(style="Title")
        elif block.kind == "heading":
            paragraph = document.add_paragraph(style=f"Heading {min(block.level, 9)}")
        else:
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Cm(1)
        if block.kind == "item":
            num_id = numbering.num_id(block.marker, block.value)
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
        for text, bold in _inline(block.text):
            run = paragraph.add_run(text)
            run.bold = bold or block.kind in ("title", "bold") or None
    props = document.core_properties
    props.title, props.author, props.comments = "", "(anonymous)", ""
    document.save(str(out))


RENDERERS = {"pdf": render_pdf, "docx": render_docx}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("src", type=Path, help="folder of .txt/.md documents (e.g. ../shared/eval/corpus)")
    parser.add_argument("out", type=Path, help="folder to write the renderings to (created)")
    parser.add_argument("--format", choices=sorted(RENDERERS), required=True)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    render = RENDERERS[args.format]
    sources = sorted(p for p in args.src.iterdir() if p.suffix.lower() in (".txt", ".md"))
    started = time.perf_counter()
    for n, path in enumerate(sources, 1):
        target = args.out / f"{path.stem}.{args.format}"
        render(path.read_text(encoding="utf-8"), target, short_name=path.stem[:24])
        print(f"[{n}/{len(sources)}] {target}", file=sys.stderr)
    print(f"{len(sources)} files rendered in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
