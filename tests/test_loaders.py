"""Loaders: every supported format and encoding, metadata sources, and each way a file can be bad."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import docx
import pytest
from hoidap.index.encoding import decode_text
from hoidap.index.loaders import SUPPORTED_SUFFIXES, iter_corpus_files, load_document
from hoidap.index.metadata import metadata_from_text, parse_date
from hoidap.index.types import DocumentError
from pypdf import PdfReader, PdfWriter

VI = "Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia."
HEADER = "BAN CHẤP HÀNH TRUNG ƯƠNG\nSố: 57-NQ/TW\nHà Nội, ngày 22 tháng 12 năm 2024\n\nNGHỊ QUYẾT\n"


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def _load(path: Path, **kw):
    return load_document(path, path.parent, **kw)


def _reason(path: Path, **kw) -> str:
    with pytest.raises(DocumentError) as info:
        _load(path, **kw)
    assert info.value.path == str(path)
    return info.value.reason


def cp1258(text: str) -> bytes:
    """Encode like legacy Vietnamese Windows tools: precomposed base letters + combining tone marks.

    Python's cp1258 codec has no precomposed toned letters (ế) and no combining circumflex,
    so NFD alone does not encode; split each letter into (NFC of base + quality mark) + tone mark.
    """
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out.append((base + "".join(c for c in parts if c in tones)).encode("cp1258"))
    data = b"".join(out)
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == unicodedata.normalize("NFC", text)
    return data


def _pdf(*pages: str | None) -> bytes:
    """A minimal hand-written PDF; each page shows its (ASCII) text, or nothing for None."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", ""]
    kids = []
    font = 3
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for text in pages:
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET" if text else ""
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        content = len(objects)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def _encrypted(pdf: bytes, user_password: str) -> bytes:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Nghị quyết 57 (docx)"
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "BAN CHẤP HÀNH TRUNG ƯƠNG"
    table.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    document.add_paragraph("Số 57-NQ/TW")
    document.add_heading("I. TÌNH HÌNH VÀ NGUYÊN NHÂN", level=1)
    document.add_paragraph(VI)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


# --- text encodings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("utf-8"),
        lambda s: s.encode("utf-8-sig"),
        lambda s: s.encode("utf-16"),  # with BOM
        lambda s: b"\xfe\xff" + s.encode("utf-16-be"),
        lambda s: s.encode("utf-16-le"),  # no BOM: detected from the NUL-byte pattern
        lambda s: s.encode("utf-16-be"),
        cp1258,
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le-nobom", "utf16be-nobom", "cp1258"],
)
def test_text_encodings_decode_to_nfc(tmp_path: Path, encode) -> None:
    doc = _load(_write(tmp_path / "nq.txt", encode(f"{VI}\r\nDòng hai\r\n")))
    assert doc.text == f"{VI}\nDòng hai\n"
    assert unicodedata.is_normalized("NFC", doc.text)


def test_decomposed_utf8_is_returned_nfc(tmp_path: Path) -> None:
    doc = _load(_write(tmp_path / "nq.txt", unicodedata.normalize("NFD", VI)))
    assert doc.text == VI


def test_binary_junk_renamed_txt(tmp_path: Path) -> None:
    junk = bytes(range(256)) * 8
    assert _reason(_write(tmp_path / "a.txt", junk)) == "not a text file (binary content)"
    no_nul = bytes(b for b in range(1, 256) if b not in b"\t\n\r") * 8
    assert _reason(_write(tmp_path / "b.txt", no_nul)) == "not a text file (binary content)"


def test_unknown_encoding_is_refused_not_guessed(tmp_path: Path) -> None:
    # Shift-JIS Japanese: bytes decode under cp1258, but into symbols, not Vietnamese letters.
    path = _write(tmp_path / "a.txt", ("日本語のテキストです。" * 5).encode("shift_jis"))
    assert _reason(path) == "cannot detect the text encoding; save it as UTF-8"


def test_utf8_with_one_bad_byte_names_the_byte(tmp_path: Path) -> None:
    data = VI.encode("utf-8") + b"\xff" + VI.encode("utf-8")
    reason = _reason(_write(tmp_path / "a.txt", data))
    assert reason.startswith("cannot detect the text encoding (looks like UTF-8 but byte ")
    assert reason.endswith("is invalid); save it as UTF-8")


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n", "\ufeff\n".encode()])
def test_empty_document(tmp_path: Path, content: bytes) -> None:
    assert _reason(_write(tmp_path / "a.txt", content)) == "empty document"


def test_front_matter_only_is_empty(tmp_path: Path) -> None:
    assert _reason(_write(tmp_path / "a.md", "---\ntitle: X\n---\n\n")) == "empty document"


def test_stray_control_chars_dropped_form_feed_is_newline() -> None:
    assert decode_text(b"Trang 1\x0cTrang 2\x1a", "a.txt") == "Trang 1\nTrang 2"


# --- front matter, sidecar, text-derived metadata ----------------------------------------------


def test_front_matter_fields_and_body(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "nq57.md",
        "---\ntitle: Nghị quyết 57\ndate: 2024-12-22\nurl: https://example.vn/nq57\nauthor: BCH TW\n"
        "số hiệu: 57-NQ/TW\nissuer: Bộ Chính trị\ntags: [khoa học]\n---\n"
        "# Heading trong thân\n**Đậm** giữ nguyên\n",
    )
    doc = _load(path)
    assert (doc.title, doc.date, doc.number, doc.issuer) == (
        "Nghị quyết 57",
        "2024-12-22",
        "57-NQ/TW",
        "Bộ Chính trị",
    )
    assert (doc.url, doc.author, doc.extra) == ("https://example.vn/nq57", "BCH TW", {"tags": ["khoa học"]})
    assert doc.text == "# Heading trong thân\n**Đậm** giữ nguyên\n"


def test_front_matter_vietnamese_date_and_so_hieu(tmp_path: Path) -> None:
    doc = _load(_write(tmp_path / "a.txt", '---\nso_hieu: "45-KL/TW"\ndate: "11/09/2020"\n---\nNội dung\n'))
    assert (doc.number, doc.date) == ("45-KL/TW", "2020-09-11")


def test_bad_yaml_front_matter(tmp_path: Path) -> None:
    reason = _reason(_write(tmp_path / "a.md", "---\ntitle: [chưa đóng\n---\nNội dung\n"))
    assert reason.startswith("bad YAML front matter: ")
    assert "flow sequence" in reason


def test_bad_front_matter_date_names_the_value(tmp_path: Path) -> None:
    reason = _reason(_write(tmp_path / "a.md", "---\ndate: sắp tới\n---\nNội dung\n"))
    assert reason == "unrecognised date 'sắp tới' in front matter (use YYYY-MM-DD)"


def test_markdown_rule_at_top_is_not_front_matter(tmp_path: Path) -> None:
    doc = _load(_write(tmp_path / "a.md", "---\n\nĐoạn một\n\n---\n\nĐoạn hai\n"))
    assert doc.text == "---\n\nĐoạn một\n\n---\n\nĐoạn hai\n"


def test_number_and_date_from_text_and_markdown_heading_title(tmp_path: Path) -> None:
    doc = _load(_write(tmp_path / "nq57.md", f"# Nghị quyết số 57\n{HEADER}{VI}\n"))
    assert (doc.title, doc.number, doc.date) == ("Nghị quyết số 57", "57-NQ/TW", "2024-12-22")


def test_front_matter_beats_text(tmp_path: Path) -> None:
    doc = _load(_write(tmp_path / "a.txt", f"---\nnumber: 99-NQ/TW\n---\n{HEADER}"))
    assert (doc.number, doc.date) == ("99-NQ/TW", "2024-12-22")


def test_number_in_prose_is_not_taken() -> None:
    assert metadata_from_text("Thực hiện Nghị quyết số 57-NQ/TW, ngày mai họp.\n") == {}


@pytest.mark.parametrize("number", ["57-NQ/TW", "123/QĐ-TTg", "01/2021/NĐ-CP", "18/2024/QH15"])
def test_number_patterns(number: str) -> None:
    assert metadata_from_text(f"CHÍNH PHỦ\nSố: {number}\n")["number"] == number


def test_parse_date_rejects_impossible_dates() -> None:
    assert parse_date("31/02/2024") is None
    assert parse_date("2024-12-22T09:00:00+07:00") == "2024-12-22"


def test_sidecar_overrides_everything(tmp_path: Path) -> None:
    path = _write(tmp_path / "nq57.txt", f"---\ntitle: Từ front matter\n---\n{HEADER}")
    _write(tmp_path / "nq57.txt.meta.json", json.dumps({"title": "Từ sidecar", "date": "2025-01-02", "x": 1}))
    doc = _load(path)
    assert (doc.title, doc.date, doc.number, doc.extra) == ("Từ sidecar", "2025-01-02", "57-NQ/TW", {"x": 1})


def test_bad_sidecar_names_the_sidecar(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", VI)
    _write(tmp_path / "a.txt.meta.json", "{not json")
    assert _reason(path).startswith("unreadable metadata sidecar a.txt.meta.json: Expecting property name")
    _write(tmp_path / "a.txt.meta.json", "[1]")
    assert _reason(path) == 'metadata sidecar a.txt.meta.json must be a JSON object {"title": ...}'
    _write(tmp_path / "a.txt.meta.json", '{"date": "hôm qua"}')
    assert _reason(path) == "unrecognised date 'hôm qua' in a.txt.meta.json (use YYYY-MM-DD)"


def test_title_falls_back_to_stem_and_vietnamese_file_name(tmp_path: Path) -> None:
    path = _write(tmp_path / "văn bản" / "Nghị quyết số 5.txt", VI)
    doc = load_document(path, tmp_path)
    assert (doc.doc_id, doc.title) == ("văn bản/Nghị quyết số 5.txt", "Nghị quyết số 5")
    assert _load(_write(tmp_path / "nghi_quyet_57.txt", VI)).title == "nghi quyet 57"


def test_nfd_file_name_gives_nfc_doc_id(tmp_path: Path) -> None:
    path = _write(tmp_path / unicodedata.normalize("NFD", "Nghị quyết.txt"), VI)
    assert _load(path).doc_id == "Nghị quyết.txt"


# --- HTML -------------------------------------------------------------------------------------

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>NQ 57 - Báo Chính phủ</title>
<meta property="og:url" content="https://baochinhphu.vn/nq57.htm">
<style>p { color: red }</style><script>var x = "<p>không phải nội dung</p>";</script></head>
<body><header><h1>Báo Chính phủ</h1></header><nav><ul><li>Trang chủ</li><li>Thời sự</li></ul></nav>
<article><h1>Nghị quyết số 57-NQ/TW</h1>
<div class="meta">Ngày đăng 11/09/2020 | 09:12 | Lượt xem: 157</div>
<p>Số: 57-NQ/TW</p><p>Hà Nội, ngày 22&nbsp;tháng 12 năm 2024</p>
<p>Mục tiêu &amp; nhiệm   vụ:<br>dòng mới</p>
<ul><li>Một</li><li>- Hai</li><li><p>a) Ba</p></li></ul><ol><li><p>Bốn</p></li><li>Năm</li></ol>
<table><tr><td>Ô 1</td><td>Ô 2</td></tr></table>
<div>Chia sẻ</div><a href="#">In bài viết</a>
</article><aside>Tin liên quan: bài khác</aside><footer>© 2024</footer>
<form><input name="q"><button>Tìm</button></form></body></html>"""


def test_html_keeps_article_drops_furniture(tmp_path: Path) -> None:
    doc = _load(_write(tmp_path / "nq57.html", PAGE))
    assert [line for line in doc.text.split("\n") if line] == [
        "# Nghị quyết số 57-NQ/TW",
        "Số: 57-NQ/TW",
        "Hà Nội, ngày 22 tháng 12 năm 2024",
        "Mục tiêu & nhiệm vụ:",
        "dòng mới",
        "- Một",
        "- Hai",
        "a) Ba",
        "1. Bốn",
        "2. Năm",
        "Ô 1 | Ô 2",
    ]
    assert (doc.title, doc.number, doc.date) == ("Nghị quyết số 57-NQ/TW", "57-NQ/TW", "2024-12-22")
    assert doc.url == "https://baochinhphu.vn/nq57.htm"


def test_html_title_tag_when_no_h1_and_cp1258(tmp_path: Path) -> None:
    page = f"<html><head><title>Kết luận 45</title></head><body><p>{VI}</p></body></html>"
    doc = _load(_write(tmp_path / "kl45.htm", cp1258(page)))
    assert (doc.title, doc.text) == ("Kết luận 45", VI)


def test_html_with_only_furniture_is_empty(tmp_path: Path) -> None:
    assert _reason(_write(tmp_path / "a.html", "<nav>Menu</nav><script>x()</script>")) == "empty document"


# --- DOCX -------------------------------------------------------------------------------------


def test_docx_paragraphs_headings_tables_in_order(tmp_path: Path) -> None:
    path = _docx(tmp_path / "nq57.docx")
    document = docx.Document(str(path))
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate((("Chỉ tiêu", "Năm 2030"), ("Doanh nghiệp", "2 triệu"))):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("Kết thúc.")
    document.save(str(path))
    doc = _load(path)
    # The header table and "Số" line are the header block: metadata, not text to quote.
    assert doc.text.split("\n\n") == [
        "# I. TÌNH HÌNH VÀ NGUYÊN NHÂN",
        VI,
        "Chỉ tiêu | Năm 2030",  # a table is read row by row
        "Doanh nghiệp | 2 triệu",
        "Kết thúc.",
    ]
    assert (doc.title, doc.number, doc.issuer) == ("Nghị quyết 57 (docx)", "57-NQ/TW", "BAN CHẤP HÀNH TRUNG ƯƠNG")
    assert doc.date is None  # the file's creation date is not the issue date
    assert "file_created" in doc.extra


def test_docx_sidecar(tmp_path: Path) -> None:
    path = _docx(tmp_path / "nq57.docx")
    _write(tmp_path / "nq57.docx.meta.json", json.dumps({"so_hieu": "57-NQ/TW", "ngày": "22/12/2024"}))
    assert _load(path).date == "2024-12-22"


def test_truncated_docx(tmp_path: Path) -> None:
    good = _docx(tmp_path / "good.docx").read_bytes()
    path = _write(tmp_path / "bad.docx", good[: len(good) // 2])
    assert _reason(path).startswith("corrupt or truncated .docx: ")


def test_text_renamed_docx(tmp_path: Path) -> None:
    assert _reason(_write(tmp_path / "a.docx", VI)).startswith("corrupt or truncated .docx: ")


# --- PDF --------------------------------------------------------------------------------------


def test_pdf_text_pages_joined(tmp_path: Path) -> None:
    doc = _load(_write(tmp_path / "nq57.pdf", _pdf("So: 57-NQ/TW", "Trang hai")))
    assert doc.text == "So: 57-NQ/TW\n\nTrang hai"
    assert doc.title == "nq57"


def test_pdf_without_text_needs_ocr(tmp_path: Path) -> None:
    assert _reason(_write(tmp_path / "scan.pdf", _pdf(None))) == "no text, needs OCR"


def test_password_protected_pdf(tmp_path: Path) -> None:
    path = _write(tmp_path / "secret.pdf", _encrypted(_pdf("Mat"), "secret"))
    assert _reason(path) == "password-protected PDF"


def test_encrypted_pdf_with_empty_user_password_opens(tmp_path: Path) -> None:
    path = _write(tmp_path / "open.pdf", _encrypted(_pdf("Cong khai"), ""))
    assert _load(path).text == "Cong khai"


def test_corrupt_pdf(tmp_path: Path) -> None:
    assert _reason(_write(tmp_path / "a.pdf", b"%PDF-1.4\ngarbage")).startswith("corrupt PDF: ")
    assert _reason(_write(tmp_path / "b.pdf", b"")).startswith("corrupt PDF: ")


# --- dispatch, limits, corpus listing ---------------------------------------------------------


def test_unsupported_suffix(tmp_path: Path) -> None:
    reason = _reason(_write(tmp_path / "sheet.xls", b"\xd0\xcf\x11\xe0"))
    assert reason == f"unsupported file type .xls (supported: {', '.join(SUPPORTED_SUFFIXES)})"


def test_upper_case_suffix_is_supported(tmp_path: Path) -> None:
    assert _load(_write(tmp_path / "A.TXT", VI)).text == VI


def test_file_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(3 * 1024 * 1024)  # sparse: cheap to create, NUL bytes if it were read
    assert _reason(path, max_bytes=2 * 1024 * 1024) == "file too large (3 MB > limit 2 MB)"


def test_missing_file_and_outside_corpus(tmp_path: Path) -> None:
    assert _reason(tmp_path / "missing.txt") == "file not found"
    other = _write(tmp_path / "x" / "a.txt", VI)
    with pytest.raises(DocumentError, match="not inside the corpus folder"):
        load_document(other, tmp_path / "y")


def test_iter_corpus_files(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "a/z.md",
        "a/nq.docx",
        "a/nq.docx.meta.json",
        ".hidden.txt",
        ".git/x.txt",
        "~$nq.docx",
        "ghi chú.doc",
        "Nghị quyết số 5.txt",
    ]:
        _write(tmp_path / name, VI)
    names = [p.relative_to(tmp_path).as_posix() for p in iter_corpus_files(tmp_path)]
    assert names == ["Nghị quyết số 5.txt", "a/nq.docx", "a/z.md", "b.txt", "ghi chú.doc"]
    with pytest.raises(DocumentError, match="corpus folder not found"):
        iter_corpus_files(tmp_path / "nope")


def test_docx_title_falls_back_to_its_first_heading(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Số: 57-NQ/TW")
    document.add_heading("NGHỊ QUYẾT về đột phá phát triển khoa học, công nghệ", 1)
    document.add_paragraph("1. Nội dung.")
    path = tmp_path / "Nghị quyết 57.docx"
    document.save(str(path))
    assert _load(path).title == "NGHỊ QUYẾT về đột phá phát triển khoa học, công nghệ"
