"""Document-level normalisation shared by every format: the issuing header, the closing blocks, the title.

Party and State documents open with a fixed header block and close with fixed blocks, whatever the
file format they arrive in::

    BAN CHẤP HÀNH TRUNG ƯƠNG          ĐẢNG CỘNG SẢN VIỆT NAM
             *                    Hà Nội, ngày 22 tháng 12 năm 2024
       Số 57-NQ/TW
                              NGHỊ QUYẾT
          VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, …
    … body …
    Nơi nhận:                           T/M BỘ CHÍNH TRỊ
    - Các tỉnh uỷ, thành uỷ,                TỔNG BÍ THƯ
    - Lưu Văn phòng Trung ương Đảng.          Tô Lâm

The header is metadata (issuer, số hiệu, date, title), not text to quote: left in the body, its
capitalised lines would become headings that every passage sits under. The closing blocks
(recipients, "T/M …", the signer's name) would be quoted as the last items of the last list. So
the header block becomes one ``# title`` line, and the closing blocks leave the body for
``extra`` (``signer``, ``signer_role``, ``recipients``).

The loaders hand this module the light markup the chunker reads (``#`` headings, ``**bold**``
lines, one paragraph per line, list markers in the text), so it works the same on a .txt, a PDF's
rebuilt paragraphs or a Word file. Two-column lines that a PDF or a Word table flattened are
split on " | " or on runs of three or more spaces.

>>> s = normalise("BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG CỘNG SẢN VIỆT NAM\\n*\\nSố 57-NQ/TW | Hà Nội, ngày 22 tháng 12 "
...               "năm 2024\\nNGHỊ QUYẾT\\nVỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC\\n\\nI- QUAN ĐIỂM\\n1. Một.\\n\\nNơi nhận:\\n"
...               "- Các tỉnh uỷ,\\nT/M BỘ CHÍNH TRỊ\\nTỔNG BÍ THƯ\\nTô Lâm")
>>> s.header
{'issuer': 'BAN CHẤP HÀNH TRUNG ƯƠNG', 'number': '57-NQ/TW', 'date': '2024-12-22', \
'title': 'NGHỊ QUYẾT VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC'}
>>> s.text
'# NGHỊ QUYẾT VỀ ĐỘT PHÁ PHÁT TRIỂN KHOA HỌC\\n\\nI- QUAN ĐIỂM\\n1. Một.'
>>> s.extra
{'signer': 'Tô Lâm', 'signer_role': 'T/M BỘ CHÍNH TRỊ, TỔNG BÍ THƯ', 'recipients': ['Các tỉnh uỷ,']}
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from hoidap.index.metadata import NUMBER_PATTERN, metadata_from_text, parse_date

HEADER_LINES = 16  # the header block sits in the first lines; a later match is body text
CLOSING_LINES = 40  # closing blocks are the last lines: recipients, roles, (Đã ký), the name
CLOSING_MAX_LINE = 200  # recipients and signatures are short lines; a long one means body text
TITLE_MAX_CHARS = 300

# Lines of the header that carry no metadata: the Party's and the State's names, the motto, rules.
_MARKERS = re.compile(
    r"^(ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG H[OÒ]À XÃ HỘI CHỦ NGHĨA VIỆT NAM|"
    r"Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc|[*\-–—_=.\s]+)$",
    re.IGNORECASE,
)
_MARKER_TEXT = re.compile(
    r"ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG H[OÒ]À XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc|"
    r"(?<!\S)[*\-–—_=]+(?!\S)",
    re.IGNORECASE,
)
_NUMBER_ANY = re.compile(rf"(?<!\w)Số\s*:?\s*({NUMBER_PATTERN})(?![\w/-])")
_DATE_ANY = re.compile(r",\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", re.IGNORECASE)
_KINDS = (
    "NGHỊ QUYẾT LIÊN TỊCH|NGHỊ QUYẾT|THÔNG BÁO KẾT LUẬN|KẾT LUẬN|CHỈ THỊ|THÔNG BÁO|QUYẾT ĐỊNH|QUY ĐỊNH|"
    "HƯỚNG DẪN|BÁO CÁO|KẾ HOẠCH|CHƯƠNG TRÌNH|ĐỀ ÁN|TỜ TRÌNH|CÔNG VĂN|LUẬT|NGHỊ ĐỊNH|THÔNG TƯ|QUY CHẾ|"
    "ĐIỀU LỆ|CƯƠNG LĨNH|LỜI KÊU GỌI|NGHỊ QUYẾT ĐẠI HỘI"
)
_KIND = re.compile(rf"^({_KINDS})(?:\s+(.+))?$")
# A kind named in a title: "Nghị quyết 57-NQ/TW …", "Toàn văn Kết luận số 219-KL/TW …".
_TITLE_NUMBER = re.compile(
    rf"^(?:toàn văn\s*:?\s*)?(?:{_KINDS})(?:\s+số)?\s+({NUMBER_PATTERN})(?![\w/-])", re.IGNORECASE
)
# "Ngày đăng 11/09/2020 | 09:12", "Cập nhật: 21/09/2020", "Ngày 11 tháng 9 năm 2020": a portal's date line.
_DATELINE = re.compile(
    r"^(?:Ngày đăng|Đăng ngày|Ngày cập nhật|Cập nhật|Ngày ban hành|Ngày)\s*:?\s*"
    r"(\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\b",
    re.IGNORECASE,
)
# After the date only a time, a separator or a view counter: "Ngày 18/01/2025, Bộ Chính trị …" is prose.
_DATELINE_REST = re.compile(r"^\s*(?:$|[|(\-–]|\d{1,2}[:h]\d{2})")
DATELINE_LINES = 12

_ROLE = re.compile(
    r"^(?:(?:T/M|TM\.?|K/T|KT\.?|T/L|TL\.?|Q\.)\s*[A-ZĐÀ-Ỹ].*|"
    r"(?:TỔNG BÍ THƯ|PHÓ BÍ THƯ|BÍ THƯ|CHỦ TỊCH|PHÓ CHỦ TỊCH|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)(?:\s+[A-ZĐÀ-Ỹ ]+)?)$"
)
_SIGNED = re.compile(r"^\(?[ĐđÐ]ã ký\)?$")
_CLOSING_START = re.compile(rf"^Nơi nhận\s*:?.*$|{_ROLE.pattern}|{_SIGNED.pattern}")
_STRUCTURAL = re.compile(r"^(?:[IVXLC]+\s*[.\-–)]|\d+[.)]|PHẦN|CHƯƠNG|MỤC|ĐIỀU)\s", re.IGNORECASE)
_LIST_MARKER = re.compile(r"^(?:\d{1,3}(?:\.\d+)*[.)]|\(\d{1,3}\)|[a-zđ]\)|[-–•+])\s*")
_CELLS = re.compile(r"\s+\|\s+|\s{3,}|\t+")
_MARKUP = re.compile(r"^#{1,6}\s+|\*\*|__")

# Titles that tools write by themselves: they never name the document.
_JUNK_TITLES = re.compile(
    r"^(?:\(?anonymous\)?|untitled.*|microsoft (?:word|powerpoint|excel)\s*-.*|word document|document\s*\d*|"
    r"tài liệu\s*\d*|văn bản\s*\d*|vanban\s*\d*|new document|slide\s*\d+|powerpoint presentation|"
    r"trang chủ|home|index|none|null|[\d\W_]*|.*\.(?:docx?|pdf|rtf|odt|txt|html?|md))$",
    re.IGNORECASE,
)


@dataclass
class DocumentStructure:
    """The normalised body and what its header, dateline and closing blocks say."""

    text: str
    header: dict[str, str] = field(default_factory=dict)  # title, number, date, issuer from the header block
    found: dict[str, str] = field(default_factory=dict)  # weaker: leading heading, dateline, "Số:" anywhere on top
    extra: dict[str, Any] = field(default_factory=dict)  # signer, signer_role, recipients


def normalise(text: str) -> DocumentStructure:
    """Take the header block and the closing blocks out of ``text``; read the metadata they carry."""
    lines = text.split("\n")
    header, lines = _take_header(lines)
    extra, lines = _take_closing(lines)
    body = "\n".join(lines).strip("\n") if header or extra else text  # untouched unless something was taken
    found = dict(metadata_from_text(body))
    if "date" not in found and (date := _dateline(lines)):
        found["date"] = date
    if title := leading_title(lines):
        found["title"] = title
    return DocumentStructure(body, header, found, extra)


def is_junk_title(title: str | None, stem: str = "") -> bool:
    """True for a title a tool wrote by itself, or one that is only the file's name.

    >>> [is_junk_title(t) for t in ("Microsoft Word - VanBan.docx", "(anonymous)", "Word Document", "Nghị quyết 57")]
    [True, True, True, False]
    >>> is_junk_title("nq57 khcn", stem="nq57_khcn")
    True
    """
    clean = " ".join((title or "").split())
    if _JUNK_TITLES.fullmatch(clean):
        return True
    simple = _simplify(clean)
    return bool(stem) and simple == _simplify(stem)


def number_from_title(title: str) -> str | None:
    """The số hiệu when the title starts by naming the document: "Nghị quyết 57-NQ/TW về …".

    >>> number_from_title("Toàn văn Kết luận 219-KL/TW về nông nghiệp"), number_from_title("Theo Nghị quyết 57-NQ/TW")
    ('219-KL/TW', None)
    """
    match = _TITLE_NUMBER.match(unicodedata.normalize("NFC", title.strip()))
    return match[1] if match else None


def leading_title(lines: list[str]) -> str:
    """The document's first line when it is a ``#`` heading or a whole bold line (a typeset title).

    Only the first line: a bold line further down is a heading of the body, and taking it as the
    title would make the chunker drop it as furniture.

    >>> leading_title(["", "**Quận Hai Bà Trưng: đưa Nghị quyết vào cuộc sống**", "Ngày đăng 11/09/2020"])
    'Quận Hai Bà Trưng: đưa Nghị quyết vào cuộc sống'
    >>> leading_title(["Các nhiệm vụ:", "**(1) Nhiệm vụ một**"]), leading_title(["**1. Mục tiêu**"])
    ('', '')
    """
    line = next((raw.strip() for raw in lines if raw.strip()), "")
    bold = line.startswith("**") and line.endswith("**") and len(line) > 4
    if not (line.startswith("#") or bold):
        return ""
    title = " ".join(_MARKUP.sub("", line).split())
    if 3 < len(title) <= TITLE_MAX_CHARS and not _MARKERS.match(title) and not _LIST_MARKER.match(title):
        return title
    return ""


def _simplify(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def _plain(line: str) -> str:
    return " ".join(_MARKUP.sub("", line.strip()).split())


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 2 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _take_header(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Read the header block in the first lines; return its fields and the lines with it replaced."""
    found: dict[str, str] = {}
    issuer: list[str] = []
    last = -1  # index of the header's last line
    kind_at = -1
    subject: list[str] = []
    checked = 0
    for i, raw in enumerate(lines):
        line = _plain(raw)
        if not line:
            continue
        checked += 1
        if checked > HEADER_LINES:
            break
        if kind_at >= 0:  # lines after "NGHỊ QUYẾT": the subject, while it looks like a title
            if _MARKERS.match(line) and subject:
                last = i
                break
            if line.startswith("(") and line.endswith(")") and subject:
                last = i  # "(Hội nghị lần thứ 8 …)" under the subject
                continue
            if len(subject) < 3 and len(line) <= TITLE_MAX_CHARS and not line.endswith(".") and (
                    not subject or _upper(line)) and not re.match(r"^[IVXLC]+\s*[.\-–)]\s", line):
                subject.append(line)
                last = i
                continue
            break
        recognised = False
        issuer_allowed = kind_at < 0 and "number" not in found and "date" not in found  # the issuer comes first
        for cell in (c.strip() for c in _CELLS.split(line) if c.strip()):
            rest = _take_header_fields(cell, found)
            if not rest:
                recognised = True
            elif m := _KIND.match(rest):
                kind_at, recognised = i, True
                if m[2]:
                    subject.append(m[2])
                found["kind"] = m[1]
            elif issuer_allowed and _upper(rest) and len(rest) <= 120 and not _STRUCTURAL.match(rest):
                issuer.append(rest)
                recognised = True
            else:
                recognised = False
                break
        if not recognised:
            break
        last = i
    signals = sum(k in found for k in ("number", "date", "kind")) + bool(issuer)
    if last < 0 or signals < 2:
        return {}, lines
    header: dict[str, str] = {}
    if issuer:
        header["issuer"] = " ".join(issuer)
    for name in ("number", "date"):
        if name in found:
            header[name] = found[name]
    if "kind" in found:
        header["title"] = " ".join([found["kind"], *subject])
    remaining = lines[last + 1 :]
    while remaining and not remaining[0].strip():
        remaining = remaining[1:]
    head = [f"# {header['title']}", ""] if "title" in header else []
    return header, head + remaining


def _take_header_fields(cell: str, found: dict[str, str]) -> str:
    """Take the Party/State names, "Số: …" and "<place>, ngày … tháng … năm …" out of one header cell.

    A Word table or a PDF line may hold several of them ("BAN CHẤP HÀNH TRUNG ƯƠNG * Số 57-NQ/TW");
    what is left is the issuer or the document kind.

    >>> found = {}
    >>> _take_header_fields("BAN CHẤP HÀNH TRUNG ƯƠNG * Số 57-NQ/TW", found), found
    ('BAN CHẤP HÀNH TRUNG ƯƠNG', {'number': '57-NQ/TW'})
    >>> _take_header_fields("ĐẢNG CỘNG SẢN VIỆT NAM Hà Nội, ngày 22 tháng 12 năm 2024", found), found["date"]
    ('', '2024-12-22')
    """
    cell = _MARKER_TEXT.sub(" ", cell)
    if m := _NUMBER_ANY.search(cell):
        found.setdefault("number", m[1])
        cell = cell[: m.start()] + " " + cell[m.end() :]
    if m := _DATE_ANY.search(cell):
        if date := parse_date(m[0]):
            found.setdefault("date", date)
        words = cell[: m.start()].split()
        place = 0  # the place is the title-case words just before the comma ("Hà Nội", "TP. Hồ Chí Minh")
        while place < min(len(words), 5) and (_title_case(words[-1 - place]) or words[-1 - place] in ("TP.", "Tp.")):
            place += 1
        cell = " ".join(words[: len(words) - place]) + " " + cell[m.end() :]
    return " ".join(cell.split()).strip(" *-–—_=,")


def _title_case(word: str) -> bool:
    letters = word.rstrip(",.")
    return letters[:1].isupper() and letters[1:].islower()


def _take_closing(lines: list[str]) -> tuple[dict[str, Any], list[str]]:
    """Cut "Nơi nhận:", "T/M …", "BÍ THƯ", "(Đã ký)" and the signer's name off the end of the body."""
    content = [i for i, raw in enumerate(lines) if raw.strip()]
    if len(content) < 3:
        return {}, lines
    earliest = content[max(2, len(content) - CLOSING_LINES)]  # the body keeps at least two lines
    start = None
    for i in reversed(content):
        if i < earliest:
            break
        line = _plain(lines[i])
        if len(line) > CLOSING_MAX_LINE:
            break
        cells = [c.strip() for c in _CELLS.split(line) if c.strip()]
        if cells and _CLOSING_START.match(cells[0]):
            start = i
    if start is None:
        return {}, lines
    roles: list[str] = []
    recipients: list[str] = []
    signer = ""
    for raw in lines[start:]:
        for cell in (c.strip() for c in _CELLS.split(_plain(raw)) if c.strip()):
            if cell.lower().startswith("nơi nhận"):
                rest = cell.split(":", 1)[1].strip() if ":" in cell else ""
                if rest:
                    recipients.append(rest.lstrip("-–+• ").strip())
            elif _ROLE.match(cell):
                roles.append(cell)
            elif _SIGNED.match(cell):
                continue
            elif _is_name(cell):
                signer = cell
            elif cell[:1] in "-–+•":
                recipients.append(cell.lstrip("-–+• ").strip())
            else:
                recipients.append(cell)
    extra: dict[str, Any] = {}
    if signer:
        extra["signer"] = signer
    if roles:
        extra["signer_role"] = ", ".join(roles)
    if recipients:
        extra["recipients"] = recipients
    kept = lines[:start]
    while kept and not kept[-1].strip():
        kept.pop()
    return extra, kept


def _is_name(text: str) -> bool:
    """A signer's name: two to five capitalised syllables ("Tô Lâm", "Nguyễn Văn Nam"), nothing else."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w.isalpha() and w[0].isupper() and not w[1:].isupper() for w in words)


def _dateline(lines: list[str]) -> str | None:
    """A portal's "Ngày đăng 11/09/2020" near the top: the day a news item was published."""
    seen = 0
    for raw in lines:
        line = _plain(raw)
        if not line:
            continue
        seen += 1
        if seen > DATELINE_LINES:
            return None
        if (m := _DATELINE.match(line)) and _DATELINE_REST.match(line[m.end() :]):
            value = m[1] if "/" in m[1] else f"ngày {m[1]}"
            return parse_date(value)
    return None
