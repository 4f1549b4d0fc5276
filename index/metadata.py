"""Document metadata: normalise admin-given fields and recognise số hiệu / date in the text itself.

Admins write metadata by hand (front matter, ``.meta.json`` sidecars) with Vietnamese key names
and Vietnamese date formats; users see these values next to every quote, so they are normalised
here once (dates to ISO "YYYY-MM-DD") and bad values are reported instead of shown.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from hoidap.index.types import DocumentError

FIELDS = ("title", "date", "number", "issuer", "url", "author")

# Accepted spellings of each field (compared after NFC, lower-casing and "_" -> " ").
_ALIASES = {
    "title": ("title", "tieu de", "tiêu đề", "ten", "tên"),
    "date": ("date", "ngay", "ngày", "ngay ban hanh", "ngày ban hành"),
    "number": ("number", "so hieu", "số hiệu", "so", "số"),
    "issuer": ("issuer", "co quan ban hanh", "cơ quan ban hành", "co quan", "cơ quan"),
    "url": ("url", "link", "source", "nguon", "nguồn"),
    "author": ("author", "tac gia", "tác giả"),
}
_FIELD_OF = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}

# Số hiệu: "57-NQ/TW", "123/QĐ-TTg", "01/2021/NĐ-CP", "18/2024/QH15".
_PART = r"[A-ZĐ][A-Za-zĐđ\d]*"
NUMBER_PATTERN = rf"\d+(?:/\d{{4}})?[-/]{_PART}(?:[-/]{_PART})*"
_NUMBER_LINE = re.compile(rf"^[ \t*]*[Ss][ốỐ][ \t]*:?[ \t]*({NUMBER_PATTERN})(?![\w/-])", re.MULTILINE)
# "Hà Nội, ngày 22 tháng 12 năm 2024": a place name, a comma, then the date.
_DATE_WORDS = r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
_DATE_IN_WORDS = re.compile(_DATE_WORDS, re.IGNORECASE)
_PLACE_DATE_LINE = re.compile(rf"[^\W\d][^,\n]{{0,40}},\s*{_DATE_WORDS}", re.IGNORECASE)
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+Z-]*)?")
_HEAD_CHARS = 3000  # issuing header (số hiệu, place and date) sits at the very top


def parse_date(value: Any) -> str | None:
    """ISO date from a YAML date, "YYYY-MM-DD", "11/09/2020" (day first) or "ngày 22 tháng 12 năm 2024".

    >>> parse_date("11/09/2020"), parse_date("ngày 22 tháng 12 năm 2024"), parse_date("sắp tới")
    ('2020-09-11', '2024-12-22', None)
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = unicodedata.normalize("NFC", value.strip())
    if match := _YMD.fullmatch(text):
        year, month, day = match.groups()
    elif match := _DMY.fullmatch(text) or _DATE_IN_WORDS.search(text):
        day, month, year = match.groups()
    else:
        return None
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def normalize_fields(raw: dict[str, Any], path: str, source: str) -> tuple[dict[str, str], dict[str, Any]]:
    """Split admin metadata into known fields (as strings, date as ISO) and ``extra`` (the rest).

    ``source`` names where the values came from ("front matter", "x.meta.json") for error messages.

    >>> normalize_fields({"so_hieu": "57-NQ/TW", "date": "22/12/2024", "tag": "kh"}, "a.md", "front matter")
    ({'number': '57-NQ/TW', 'date': '2024-12-22'}, {'tag': 'kh'})
    """
    fields: dict[str, str] = {}
    extra: dict[str, Any] = {}
    for key, value in raw.items():
        key_words = unicodedata.normalize("NFC", str(key)).lower().replace("_", " ").split()
        name = _FIELD_OF.get(" ".join(key_words))
        if name is None:
            extra[str(key)] = value.isoformat() if isinstance(value, dt.date) else value
            continue
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if name == "date":
            iso = parse_date(value)
            if iso is None:
                raise DocumentError(path, f"unrecognised date {value!r} in {source} (use YYYY-MM-DD)")
            fields["date"] = iso
        elif isinstance(value, (str, int, float)):
            fields[name] = unicodedata.normalize("NFC", str(value).strip())
        else:
            raise DocumentError(path, f"{key!r} in {source} must be text, got {type(value).__name__}")
    return fields, extra


def metadata_from_text(text: str) -> dict[str, str]:
    """Số hiệu and issue date when the issuing header at the top states them unambiguously.

    >>> metadata_from_text("BAN CHẤP HÀNH TRUNG ƯƠNG\\nSố 57-NQ/TW\\nHà Nội, ngày 22 tháng 12 năm 2024\\n")
    {'number': '57-NQ/TW', 'date': '2024-12-22'}
    """
    head = text[:_HEAD_CHARS]
    found: dict[str, str] = {}
    if match := _NUMBER_LINE.search(head):
        found["number"] = match[1]
    if match := _PLACE_DATE_LINE.search(head):
        iso = parse_date(f"ngày {match[1]} tháng {match[2]} năm {match[3]}")
        if iso:
            found["date"] = iso
    return found
