"""Documents as admins receive them: typeset PDFs, Word numbering, the Party header, scans, web pages.

Every test makes a real file (reportlab, python-docx, pdfium, Tesseract) and loads it the way
``hoidap reindex`` does; the chunker then sees the same structure whatever the format.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hoidap.index.chunker import Chunker
from hoidap.index.formats import LoadOptions
from hoidap.index.loaders import load_document
from hoidap.index.types import DocumentError

REPO = Path(__file__).resolve().parents[1]
FONTS = Path("/usr/share/fonts/truetype/dejavu")


def _render_module():
    spec = importlib.util.spec_from_file_location("render_corpus", REPO / "scripts" / "render_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("render_corpus", module)
    spec.loader.exec_module(module)
    return module


render = _render_module()

LONG = ("Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia là đột phá quan trọng hàng đầu, "
        "là động lực chính để phát triển nhanh lực lượng sản xuất hiện đại, hoàn thiện quan hệ sản xuất, đổi mới "
        "phương thức quản trị quốc gia, phát triển kinh tế - xã hội, ngăn chặn nguy cơ tụt hậu.")


def _source(sections: int = 4) -> str:
    """A resolution-like text: a title, headings, long wrapping paragraphs, lists of each marker kind."""
    parts = ["---", 'title: "Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi '
             'số quốc gia"', "---", ""]
    for n in range(1, sections + 1):
        parts += [f"# Phần {n}. Nhiệm vụ trọng tâm số {n}", "",
                  f"Đoạn mở đầu của phần {n}. {LONG} {LONG}", "",
                  "Các khâu đột phá:", "",
                  f"(1) Khâu thứ nhất của phần {n}: {LONG}", "",
                  f"(2) Khâu thứ hai của phần {n}: hoàn thiện thể chế.", "",
                  f"**Giải pháp của phần {n}**", "",
                  f"a) Giải pháp a của phần {n}; {LONG}", "",
                  f"b) Giải pháp b của phần {n}.", "",
                  f"- Ý gạch đầu dòng của phần {n}.", "",
                  f"Đoạn kết của phần {n}. {LONG}", ""]
    return "\n".join(parts)


def _paragraphs(markup: str) -> list[str]:
    """Blocks of a loaded text without their markup (## and **), for comparing with the source."""
    return [re.sub(r"^#+\s+|\*\*", "", block).strip() for block in markup.split("\n\n") if block.strip()]


# --- PDF: paragraphs rebuilt, furniture dropped ----------------------------------------------


@pytest.mark.parametrize("footer", ["Trang {page}", "- {page} -", "{page}/9"])
def test_pdf_paragraphs_rebuilt_and_running_header_and_page_numbers_dropped(tmp_path: Path, footer: str) -> None:
    source = _source()
    path = tmp_path / "nq57.pdf"
    render.render_pdf(source, path, short_name="NQ 57", footer=footer)
    doc = load_document(path, tmp_path)
    expected = [re.sub(r"^#+\s+|\*\*", "", line).strip() for line in source.split("---\n")[-1].splitlines()
                if line.strip()]
    title = "Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia"
    # The first bold line is the title; the PDF's own "Microsoft Word - VanBan.docx" is junk.
    assert doc.title == title
    # Every source paragraph comes back whole: wrapped lines joined, across page breaks too,
    # and nothing of the running header ("ĐẢNG CỘNG SẢN VIỆT NAM … NQ 57") or the page numbers.
    assert _paragraphs(doc.text) == [title, *expected]
    assert "ĐẢNG CỘNG SẢN" not in doc.text and "NQ 57" not in doc.text
    assert not re.search(r"^(Trang \d+|- \d+ -|\d+/9)$", doc.text, re.MULTILINE)
    # The markup the chunker reads: the title and headings by font size, the bold line as **bold**.
    assert f"# {title}" in doc.text.split("\n\n")
    assert "**Giải pháp của phần 3**" in doc.text.split("\n\n")
    passages = Chunker().chunk(doc)
    item = next(p for p in passages if p.text.startswith("(1) Khâu thứ nhất của phần 2"))
    assert passages[item.parent].text == "Các khâu đột phá:"  # the list keeps its lead-in


def _canvas_pdf(path: Path, lines: list[tuple[float, float, str, float, str]], title: str = "") -> None:
    """A one-page PDF with text at given places: (x, y from the top, font, size, text); x < 0 centres."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    for name in ("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic"):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONTS / f"{name}.ttf")))
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setTitle(title)
    for x, y, font, size, text in lines:
        page.setFont(font, size)
        if x < 0:
            page.drawCentredString(A4[0] / 2, A4[1] - y, text)
        else:
            page.drawString(x, A4[1] - y, text)
    page.save()


B, R, IT = "DejaVuSerif-Bold", "DejaVuSerif", "DejaVuSerif-Italic"
HEADER_AND_CLOSING = [
    (60, 60, B, 11, "BAN CHẤP HÀNH TRUNG ƯƠNG"), (320, 60, B, 11, "ĐẢNG CỘNG SẢN VIỆT NAM"),
    (130, 76, R, 11, "*"), (320, 80, IT, 11, "Hà Nội, ngày 22 tháng 12 năm 2024"),
    (95, 92, R, 11, "Số 57-NQ/TW"),
    (-1, 130, B, 14, "NGHỊ QUYẾT"),
    (-1, 148, B, 12, "VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ"),
    (70, 190, B, 12, "I- QUAN ĐIỂM CHỈ ĐẠO"),
    (98, 210, R, 12, "1. Khoa học, công nghệ là đột phá quan trọng hàng đầu."),
    (98, 230, R, 12, "2. Tăng cường sự lãnh đạo toàn diện của Đảng."),
    (70, 270, B, 11, "Nơi nhận:"), (350, 270, B, 11, "T/M BỘ CHÍNH TRỊ"),
    (70, 285, R, 10, "- Các tỉnh ủy, thành ủy,"), (370, 285, B, 11, "TỔNG BÍ THƯ"),
    (70, 300, R, 10, "- Lưu Văn phòng Trung ương Đảng."),
    (385, 340, B, 11, "Tô Lâm"),
]


def test_pdf_party_header_block_and_closing_blocks(tmp_path: Path) -> None:
    path = tmp_path / "nq57.pdf"
    _canvas_pdf(path, HEADER_AND_CLOSING, title="(anonymous)")
    doc = load_document(path, tmp_path)
    assert (doc.issuer, doc.number, doc.date) == ("BAN CHẤP HÀNH TRUNG ƯƠNG", "57-NQ/TW", "2024-12-22")
    assert doc.title == "NGHỊ QUYẾT VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ"
    assert doc.extra["signer"] == "Tô Lâm" and doc.extra["signer_role"] == "T/M BỘ CHÍNH TRỊ, TỔNG BÍ THƯ"
    assert doc.extra["recipients"] == ["Các tỉnh ủy, thành ủy,", "Lưu Văn phòng Trung ương Đảng."]
    passages = Chunker().chunk(doc)
    texts = [p.text for p in passages]
    assert texts == ["I- QUAN ĐIỂM CHỈ ĐẠO", "1. Khoa học, công nghệ là đột phá quan trọng hàng đầu.",
                     "2. Tăng cường sự lãnh đạo toàn diện của Đảng."]
    # The list ends with its last item: no "Nơi nhận", no signature inside the answer section.
    assert passages[0].subtree_end == passages[-1].id + 1


def test_text_header_block_gives_metadata_and_front_matter_still_wins(tmp_path: Path) -> None:
    header = ("ĐẢNG BỘ TỈNH HÀ GIANG   ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY XÃ MINH TÂN\n*\nSố: 12-NQ/ĐU   "
              "Minh Tân, ngày 5 tháng 3 năm 2025\n\nNGHỊ QUYẾT\nVỀ PHÁT TRIỂN KINH TẾ NÔNG NGHIỆP\n-----\n\n"
              "1. Mục tiêu.\n\n2. Nhiệm vụ.\n\nT/M ĐẢNG ỦY\nBÍ THƯ\n(Đã ký)\nNguyễn Văn An\n")
    (tmp_path / "nq12.txt").write_text(header, encoding="utf-8")
    doc = load_document(tmp_path / "nq12.txt", tmp_path)
    assert (doc.issuer, doc.number, doc.date) == ("ĐẢNG BỘ TỈNH HÀ GIANG ĐẢNG ỦY XÃ MINH TÂN", "12-NQ/ĐU", "2025-03-05")
    assert doc.title == "NGHỊ QUYẾT VỀ PHÁT TRIỂN KINH TẾ NÔNG NGHIỆP"
    assert doc.text == "# NGHỊ QUYẾT VỀ PHÁT TRIỂN KINH TẾ NÔNG NGHIỆP\n\n1. Mục tiêu.\n\n2. Nhiệm vụ."
    assert (doc.extra["signer"], doc.extra["signer_role"]) == ("Nguyễn Văn An", "T/M ĐẢNG ỦY, BÍ THƯ")
    (tmp_path / "nq12b.txt").write_text('---\ntitle: "NQ 12 của xã"\ndate: 2025-03-06\n---\n' + header,
                                         encoding="utf-8")
    admin = load_document(tmp_path / "nq12b.txt", tmp_path)
    assert (admin.title, admin.date, admin.number) == ("NQ 12 của xã", "2025-03-06", "12-NQ/ĐU")


def test_a_body_that_only_mentions_the_party_keeps_its_text(tmp_path: Path) -> None:
    text = "ĐẢNG CỘNG SẢN VIỆT NAM QUANG VINH MUÔN NĂM\n\n1. Khẩu hiệu một.\n\n2. Khẩu hiệu hai.\n"
    (tmp_path / "kh.txt").write_text(text, encoding="utf-8")
    doc = load_document(tmp_path / "kh.txt", tmp_path)
    assert doc.text == text and doc.issuer is None


# --- Word --------------------------------------------------------------------------------------

NUMBERING = f"""<w:numbering {nsdecls("w")}>
  <w:abstractNum w:abstractNumId="10">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
    <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%4."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="11">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%1)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="12">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="21"><w:abstractNumId w:val="10"/></w:num>
  <w:num w:numId="22"><w:abstractNumId w:val="11"/></w:num>
  <w:num w:numId="23"><w:abstractNumId w:val="11"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="24"><w:abstractNumId w:val="12"/></w:num>
  <w:num w:numId="25"><w:abstractNumId w:val="11"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>"""


def _numbered(document, text: str, num_id: int, level: int = 0) -> None:  # type: ignore[no-untyped-def]
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def test_docx_automatic_numbering_is_rendered(tmp_path: Path) -> None:
    document = docx.Document()
    document.part.numbering_part._element = parse_xml(NUMBERING)  # the definitions above, as Word writes them
    for text, num_id, level in [
        ("Quan điểm", 21, 0), ("Một", 21, 1), ("Ý a", 21, 2), ("Ý b", 21, 2), ("Hai", 21, 1),
        ("Ý mới", 21, 2), ("Chi tiết", 21, 3), ("Nhiệm vụ", 21, 0), ("Nhiệm vụ đầu", 21, 1),
    ]:
        _numbered(document, text, num_id, level)
    document.add_paragraph("Các khâu đột phá:")
    _numbered(document, "Cải cách hành chính", 22)
    _numbered(document, "Hạ tầng đô thị", 22)
    document.add_paragraph("Một đoạn xen giữa danh sách.")
    _numbered(document, "Nguồn nhân lực", 22)  # the same list continues after the paragraph
    _numbered(document, "Danh sách mới", 23)  # a new instance with a startOverride restarts it
    _numbered(document, "Mục thứ năm", 25)
    _numbered(document, "Gạch đầu dòng", 24)
    document.sections[0].header.paragraphs[0].text = "ĐẢNG CỘNG SẢN VIỆT NAM - đầu trang"
    document.sections[0].footer.paragraphs[0].text = "Trang 1"
    path = tmp_path / "nq.docx"
    document.save(str(path))
    doc = load_document(path, tmp_path)
    assert doc.text.split("\n\n") == [
        "I. Quan điểm", "1. Một", "a) Ý a", "b) Ý b", "2. Hai", "a) Ý mới", "2.1. Chi tiết",
        "II. Nhiệm vụ", "1. Nhiệm vụ đầu",
        "Các khâu đột phá:", "(1) Cải cách hành chính", "(2) Hạ tầng đô thị", "Một đoạn xen giữa danh sách.",
        "(3) Nguồn nhân lực", "(1) Danh sách mới", "(5) Mục thứ năm", "• Gạch đầu dòng",
    ]  # and nothing of the page header and footer


def test_docx_list_styles_number_their_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()  # the numbering comes from the "List Number" style, not the paragraph
    for text in ("Một", "Hai"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("Chấm", style="List Bullet")
    linked = document.add_paragraph("Xem ")  # text inside a hyperlink is text too
    linked._p.append(parse_xml(f'<w:hyperlink {nsdecls("w")}><w:r><w:t>Nghị quyết 57</w:t></w:r></w:hyperlink>'))
    broken = document.add_paragraph()  # Shift+Enter line breaks keep their lines, each bold or not
    broken.add_run("Câu hỏi liên quan?").bold = True
    broken.add_run().add_break()
    broken.add_run("Một dòng thường.")
    document.save(str(tmp_path / "ds.docx"))
    assert load_document(tmp_path / "ds.docx", tmp_path).text.split("\n\n") == [
        "1. Một", "2. Hai", "• Chấm", "Xem Nghị quyết 57", "**Câu hỏi liên quan?**\nMột dòng thường."]


def test_docx_without_core_properties_is_titled_by_its_first_heading(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Nghị quyết về phát triển kinh tế tư nhân", 1)
    document.add_paragraph("1. Kinh tế tư nhân là một động lực quan trọng nhất.")
    made = tmp_path / "made.docx"
    document.save(str(made))
    path = tmp_path / "no-core.docx"
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            if item.filename == "docProps/core.xml":
                continue
            data = src.read(item.filename)
            if item.filename == "_rels/.rels":
                data = re.sub(rb"<Relationship [^>]*core-properties[^>]*/>", b"", data)
            out.writestr(item, data)
    made.unlink()
    doc = load_document(path, tmp_path)  # python-docx invents the title "Word Document" for it
    assert doc.title == "Nghị quyết về phát triển kinh tế tư nhân"


def test_docx_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Nội dung.")
    path = tmp_path / "bomb.docx"
    document.save(str(path))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("word/media/x.bin", "w") as fh:
        zeros = bytes(1 << 20)
        for _ in range(40):  # 40 MB that deflate to about 40 KB
            fh.write(zeros)
    assert path.stat().st_size < 200_000
    with pytest.raises(DocumentError) as info:
        load_document(path, tmp_path, options=LoadOptions(max_unpacked_bytes=16 * 1024 * 1024))
    assert "over the limit of 16 MB" in info.value.reason and "HOIDAP_MAX_UNPACKED_MB" in info.value.reason
    assert load_document(path, tmp_path).text == "Nội dung."  # under the default limit it is read


def test_docx_rendering_of_a_corpus_file_matches_its_text(tmp_path: Path) -> None:
    source = _source(sections=2)
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "nq.txt").write_text(source, encoding="utf-8")
    render.render_docx(source, tmp_path / "nq.docx")
    word = load_document(tmp_path / "nq.docx", tmp_path)
    text = load_document(tmp_path / "txt" / "nq.txt", tmp_path / "txt")
    assert word.title == text.title
    assert [p.text for p in Chunker().chunk(word)] == [p.text for p in Chunker().chunk(text)]


# --- scans -------------------------------------------------------------------------------------


def _scan(tmp_path: Path) -> Path:
    """A PDF page that is only a picture of text (like a scanner makes), no text layer."""
    import pypdfium2 as pdfium

    typeset = tmp_path / "typeset.pdf"
    render.render_pdf("---\ntitle: Thông báo kết luận\n---\nCác khâu đột phá của quận Hai Bà Trưng:\n\n"
                      "(1) Tiếp tục cải cách hành chính, xây dựng chính quyền điện tử.\n\n"
                      "(2) Huy động các nguồn lực đầu tư hạ tầng đô thị.\n", typeset)
    source = pdfium.PdfDocument(str(typeset))
    width, height = source[0].get_size()
    bitmap = source[0].render(scale=200 / 72, grayscale=True)
    scan = pdfium.PdfDocument.new()
    page = scan.new_page(width, height)
    image = pdfium.PdfImage.new(scan)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(width, height))
    page.insert_obj(image)
    page.gen_content()
    (tmp_path / "corpus").mkdir()
    path = tmp_path / "corpus" / "scan.pdf"
    scan.save(str(path))
    source.close()
    typeset.unlink()
    return path


def _hide_tesseract(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An empty PATH: no tesseract, antiword or soffice to be found."""
    empty = tmp_path / "empty-bin"
    empty.mkdir(exist_ok=True)
    monkeypatch.setenv("PATH", str(empty))


@pytest.mark.slow  # runs Tesseract
def test_scanned_page_is_ocrd_cached_and_answerable(tmp_path: Path, hash_embedder, monkeypatch, capsys) -> None:
    from hoidap.index.builder import IndexBuilder
    from hoidap.index.pipeline import AnswerPipeline

    assert shutil.which("tesseract"), "install Tesseract: apt-get install tesseract-ocr tesseract-ocr-vie (.ci/run)"
    path = _scan(tmp_path)
    cache = tmp_path / "ocr-cache"
    doc = load_document(path, path.parent, options=LoadOptions(ocr_cache_dir=cache))
    assert "OCR scan.pdf: page 1/1" in capsys.readouterr().err  # a progress line per page
    assert doc.extra["ocr_pages"] == [1]
    assert doc.title == "Thông báo kết luận"
    assert "(1) Tiếp tục cải cách hành chính, xây dựng chính quyền điện tử." in doc.text.split("\n")
    assert "ĐẢNG CỘNG SẢN" not in doc.text  # the running header of the scanned page is dropped too
    # A re-index reads the cache (by file hash): no Tesseract needed, no OCR line.
    _hide_tesseract(monkeypatch, tmp_path)
    assert load_document(path, path.parent, options=LoadOptions(ocr_cache_dir=cache)).text == doc.text
    assert "OCR" not in capsys.readouterr().err
    monkeypatch.undo()
    out = tmp_path / "index"
    IndexBuilder(hash_embedder, load_options=LoadOptions(ocr_cache_dir=cache)).build(path.parent, out)
    answer = AnswerPipeline.open(out, hash_embedder).answer("Các khâu đột phá của quận Hai Bà Trưng là gì?")
    assert any("(1) Tiếp tục cải cách hành chính" in p.text for p in answer.ranked[:3])


def test_scan_without_tesseract_is_reported_with_the_install_command(tmp_path: Path, hash_embedder,
                                                                     monkeypatch) -> None:
    from hoidap.index.builder import IndexBuilder

    path = _scan(tmp_path)
    (path.parent / "ok.txt").write_text("1. Một văn bản đọc được.", encoding="utf-8")
    _hide_tesseract(monkeypatch, tmp_path)
    with pytest.raises(DocumentError) as info:
        load_document(path, path.parent)
    assert info.value.reason == ("scanned PDF without a text layer: Tesseract is not installed; install it with: "
                                 "apt-get install tesseract-ocr tesseract-ocr-vie")
    report = IndexBuilder(hash_embedder).build(path.parent, tmp_path / "index")
    assert report.added == ["ok.txt"] and report.failed[0]["file"] == "scan.pdf"


# --- web pages ---------------------------------------------------------------------------------


def test_html_heading_owns_its_list_ol_numbers_and_table_rows(tmp_path: Path) -> None:
    page = """<html><head><title>Cổng thông tin</title></head><body><nav><ul><li>Trang chủ</li></ul></nav>
    <article><h1>Nghị quyết Đại hội</h1>
    <h2>Các nhiệm vụ trọng tâm</h2><ul><li>Xây dựng Đảng</li><li>Phát triển kinh tế</li></ul>
    <h2>Các khâu đột phá</h2><ol><li>Cải cách hành chính</li><li>Hạ tầng đô thị</li></ol>
    <table><tr><th>Chỉ tiêu</th><th>Năm 2025</th></tr><tr><td>Tăng trưởng</td><td>7%</td></tr></table>
    </article><footer>Bản quyền</footer></body></html>"""  # short: trafilatura's own fallback would flatten it
    (tmp_path / "dh.html").write_text(page, encoding="utf-8")
    doc = load_document(tmp_path / "dh.html", tmp_path)
    assert [line for line in doc.text.split("\n") if line] == [
        "# Nghị quyết Đại hội", "## Các nhiệm vụ trọng tâm", "- Xây dựng Đảng", "- Phát triển kinh tế",
        "## Các khâu đột phá", "1. Cải cách hành chính", "2. Hạ tầng đô thị",
        "Chỉ tiêu | Năm 2025", "Tăng trưởng | 7%",
    ]
    passages = Chunker().chunk(doc)
    heading = next(p for p in passages if p.text == "Các nhiệm vụ trọng tâm")
    assert [p.text for p in passages[heading.id + 1 : heading.subtree_end]] == ["- Xây dựng Đảng",
                                                                                 "- Phát triển kinh tế"]


# --- old binary Word ---------------------------------------------------------------------------

DOC_TEXT = ("BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 57-NQ/TW\nHà Nội, ngày 22 tháng 12 năm 2024\nNGHỊ QUYẾT\n"
            "VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC\nCác khâu đột phá:\n(1) Cải cách hành chính.\n(2) Hạ tầng đô thị.\n")


@pytest.mark.slow  # runs antiword
def test_old_word_doc_is_read_through_antiword(tmp_path: Path) -> None:
    from worddoc97 import word97

    assert shutil.which("antiword"), "install antiword: apt-get install antiword (.ci/run does)"
    (tmp_path / "nq57.doc").write_bytes(word97(DOC_TEXT))
    doc = load_document(tmp_path / "nq57.doc", tmp_path)
    assert (doc.number, doc.date, doc.title) == ("57-NQ/TW", "2024-12-22", "NGHỊ QUYẾT VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC")
    assert doc.text.split("\n\n") == ["# NGHỊ QUYẾT VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC", "Các khâu đột phá:",
                                      "(1) Cải cách hành chính.", "(2) Hạ tầng đô thị."]
    for name, data in (("renamed.doc", "Một tệp văn bản đổi tên.".encode()), ("cut.doc", word97(DOC_TEXT)[:3000]),
                       ("garbage.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8)):
        (tmp_path / name).write_bytes(data)
        with pytest.raises(DocumentError) as info:
            load_document(tmp_path / name, tmp_path)
        assert info.value.reason in ("not a Word .doc file (or a damaged one)",
                                     "corrupt .doc (antiword crashed reading it)")


def test_old_word_doc_without_antiword_names_the_package(tmp_path: Path, monkeypatch) -> None:
    from worddoc97 import word97

    (tmp_path / "nq57.doc").write_bytes(word97(DOC_TEXT))
    _hide_tesseract(monkeypatch, tmp_path)  # an empty PATH: no antiword, no LibreOffice
    with pytest.raises(DocumentError) as info:
        load_document(tmp_path / "nq57.doc", tmp_path)
    assert info.value.reason == ("old Word .doc needs antiword (or LibreOffice); "
                                 "install it with: apt-get install antiword")
