"""Text helpers for quiz questions: list markers, ordinals in words, options that fit a poll,
quantities and document labels.

Kept apart from the generator (``hoidap.index.quiz``) because each is a small rule about
Vietnamese text that can be checked on its own, and the tests use the same rules to verify what
the generator produced (a number option's unit and magnitude, an option's verbatim prefix).

>>> ordinal(2), ordinal(4), ordinal(14), ordinal(21)
('thứ hai', 'thứ tư', 'thứ mười bốn', 'thứ hai mươi mốt')
>>> strip_marker("(2) Đẩy mạnh đầu tư kết cấu hạ tầng.")
('Đẩy mạnh đầu tư kết cấu hạ tầng.', Marker(style='(num)', value=2))
>>> option_text("(1) Tiếp tục cải cách hành chính; nâng cao kỷ luật, kỷ cương.", limit=40)
'Tiếp tục cải cách hành chính…'
>>> parse_quantity("2 triệu"), parse_quantity("6,5 - 7%")
(Quantity(low=2000000.0, high=None, percent=False), Quantity(low=6.5, high=7.0, percent=True))
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import NamedTuple

from hoidap.index.text import has_diacritics, nfc, plain_tokens, syllables

# Telegram's quiz-poll limits (sendPoll): question, each option, explanation; number of options.
QUESTION_LIMIT = 300
OPTION_LIMIT = 100
EXPLANATION_LIMIT = 200
MIN_OPTIONS, MAX_OPTIONS = 2, 12
ELLIPSIS = "…"

# ---- list markers -------------------------------------------------------------------------------


class Marker(NamedTuple):
    """A list marker's style and its position value (None when it has no order, e.g. "-")."""

    style: str
    value: int | None


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_MARKER = re.compile(
    r"""^(?:
        \((?P<paren_num>\d{1,3})\)
      | (?P<dotted>\d{1,2}(?:\.\d{1,2})+)\.?(?=\s)
      | (?P<num>\d{1,3})(?P<num_end>[.)])(?=\s)
      | \((?P<paren_roman>[ivxlc]{1,6})\)
      | (?P<roman>[IVXLC]{1,6})\s*[.\-–)](?=\s)
      | \(?(?P<alpha>[a-zđ])\)(?=\s)
      | (?P<symbol>[-–—+•●▪◦∙*])(?=\s)
    )\s*""",
    re.VERBOSE,
)


def _roman_value(text: str) -> int:
    values = [_ROMAN[c] for c in text.lower()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def strip_marker(text: str) -> tuple[str, Marker | None]:
    """The text after its list marker ("(2)", "2.", "2.1.", "II-", "a)", "-", "+") and the marker.

    >>> strip_marker("II- MỤC TIÊU")
    ('MỤC TIÊU', Marker(style='roman', value=2))
    >>> strip_marker("4 đảng bộ trực thuộc Trung ương")  # a count, not a marker
    ('4 đảng bộ trực thuộc Trung ương', None)
    """
    m = _MARKER.match(text)
    if not m:
        return text, None
    body = text[m.end():]
    if m["paren_num"]:
        marker = Marker("(num)", int(m["paren_num"]))
    elif m["dotted"]:
        marker = Marker("num.num", None)
    elif m["num"]:
        marker = Marker("num" + m["num_end"], int(m["num"]))
    elif m["paren_roman"]:
        marker = Marker("(roman)", _roman_value(m["paren_roman"]))
    elif m["roman"]:
        marker = Marker("roman", _roman_value(m["roman"]))
    elif m["alpha"]:
        marker = Marker("alpha", None)
    else:
        marker = Marker({"-": "dash", "–": "dash", "—": "dash", "+": "plus"}.get(m["symbol"], "bullet"), None)
    return body, marker


# ---- numbers in words -----------------------------------------------------------------------------

_DIGIT_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def number_words(n: int) -> str:
    """1–99 in Vietnamese words ("mười lăm", "hai mươi mốt", "hai mươi tư").

    >>> number_words(15), number_words(20), number_words(34)
    ('mười lăm', 'hai mươi', 'ba mươi tư')
    """
    if not 0 < n < 100:
        raise ValueError(f"number_words covers 1–99, not {n}")
    if n < 10:
        return _DIGIT_WORDS[n]
    tens, unit = divmod(n, 10)
    head = "mười" if tens == 1 else f"{_DIGIT_WORDS[tens]} mươi"
    if unit == 0:
        return head
    if unit == 1:
        tail = "một" if tens == 1 else "mốt"
    elif unit == 4:
        tail = "bốn" if tens == 1 else "tư"
    elif unit == 5:
        tail = "lăm"
    else:
        tail = _DIGIT_WORDS[unit]
    return f"{head} {tail}"


def ordinal(n: int) -> str:
    """"thứ nhất", "thứ hai", "thứ tư", … in words, as a trainer would say it."""
    if n == 1:
        return "thứ nhất"
    if n == 4:
        return "thứ tư"
    return f"thứ {number_words(n)}"


# ---- comparing and cutting text --------------------------------------------------------------------


def text_key(text: str) -> str:
    """What two options are compared by: NFC, case, tone marks and punctuation ignored."""
    return " ".join(plain_tokens(text))


def contains_words(haystack: str, needle: str) -> bool:
    """True when the needle's syllables occur in a row in the haystack (marks and case ignored).

    >>> contains_words("Tỷ lệ che phủ rừng đạt 41%.", "41 %"), contains_words("Đạt 410", "41")
    (True, False)
    """
    hay = plain_tokens(haystack)
    words = plain_tokens(needle)
    if not words:
        return False
    n = len(words)
    return any(hay[i:i + n] == words for i in range(len(hay) - n + 1))


def word_overlap(a: str, b: str) -> float:
    """Jaccard overlap of the two texts' syllables (marks ignored): near-duplicates score high."""
    sa, sb = set(text_key(a).split()), set(text_key(b).split())
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def shorten(text: str, limit: int) -> str:
    """`text` itself when it fits, else its longest prefix ending at a word boundary plus "…"."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: max(1, limit - 1)]
    space = cut.rfind(" ")
    if space > 0:
        cut = cut[:space]
    return cut.rstrip(" ,;:.–-") + ELLIPSIS


_CLAUSE_END = re.compile(r"[;:.!?](?=\s)")
_COMMA = re.compile(r",(?=\s)")
_TRAILING = " \t.;,:"


def option_text(text: str, limit: int = OPTION_LIMIT) -> str:
    """A list item as a poll option: marker stripped, verbatim, cut to `limit` characters.

    An item over the limit becomes its longest prefix ending at a clause (";", ".", ":"), else at a
    comma, else at a word, followed by "…" -- a prefix of the source, never a paraphrase.
    """
    body = strip_marker(nfc(text).strip())[0].strip().rstrip(_TRAILING)
    if len(body) > 2 and body[0] in "\"“" and body[-1] in "\"”" and not re.search(r"[\"“”]", body[1:-1]):
        body = body[1:-1].strip().rstrip(_TRAILING)  # a quoted item: the quotation marks are no part of it
    if len(body) <= limit:
        return body
    zone = body[: limit - 1]
    cut = None
    for pattern, share in ((_CLAUSE_END, 0.3), (_COMMA, 0.5)):
        ends = [m.start() for m in pattern.finditer(zone) if m.start() >= share * limit]
        if ends:
            cut = ends[-1]
            break
    if cut is None:
        cut = max(zone.rfind(" "), 1)
    return body[:cut].rstrip(_TRAILING) + ELLIPSIS


def is_vietnamese(text: str, share: float = 0.3) -> bool:
    """At least `share` of the text's words carry Vietnamese marks (English references do not)."""
    words = [s for s in syllables(text) if s.isalpha()]
    return len(words) >= 3 and sum(has_diacritics(w) for w in words) / len(words) >= share


# ---- quantities -------------------------------------------------------------------------------------


class Quantity(NamedTuple):
    """A number as an option shows it: value (in units, multipliers applied), range end, percent."""

    low: float
    high: float | None
    percent: bool

    @property
    def magnitude(self) -> int:
        """Order of magnitude of the (lower) value: 41 → 1, 2 000 000 → 6."""
        return math.floor(math.log10(self.low)) if self.low > 0 else 0


MULTIPLIERS = {"nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_QUANTITY = re.compile(
    rf"^(?P<a>{NUMBER})(?P<pa>\s*%)?(?:\s*[-–]\s*(?P<b>{NUMBER}))?"
    rf"(?:\s+(?P<mult>{'|'.join(MULTIPLIERS)}))?(?P<pct>\s*%)?$"
)


def number_value(text: str) -> float:
    """Vietnamese notation: "4.700" is four thousand seven hundred, "6,5" six and a half."""
    return float(text.replace(".", "").replace(",", "."))


def parse_quantity(option: str) -> Quantity | None:
    """The quantity a number option states ("41%", "2 triệu", "10 - 12%", "2030"), else None."""
    m = _QUANTITY.match(option.strip())
    if not m:
        return None
    scale = MULTIPLIERS[m["mult"]] if m["mult"] else 1.0
    low = number_value(m["a"]) * scale
    high = number_value(m["b"]) * scale if m["b"] else None
    return Quantity(low, high, bool(m["pct"] or m["pa"]))


def format_number(value: float, decimals: int, thousands: bool) -> str:
    """A number written the Vietnamese way: "6,5", "4.700" (with `thousands`), "41".

    >>> format_number(4700, 0, True), format_number(6.5, 1, False)
    ('4.700', '6,5')
    """
    text = f"{value:,.{decimals}f}" if thousands else f"{value:.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


# ---- naming a document ------------------------------------------------------------------------------

_DOC_KINDS = {"NQ": "Nghị quyết", "KL": "Kết luận", "CT": "Chỉ thị", "TB": "Thông báo", "QĐ": "Quyết định",
              "HD": "Hướng dẫn", "QĐI": "Quy định", "NĐ": "Nghị định"}
_REFERENCE = re.compile(
    r"\b(Nghị quyết|Kết luận|Chỉ thị|Thông báo(?: kết luận)?|Quyết định|Quy định|Nghị định|Hướng dẫn)"
    r"\s+(?:số\s+)?(\d+(?:[-/][\wĐđ/.-]*[\wĐđ])?)",
    re.IGNORECASE,
)
_CONSTITUTION = re.compile(r"\bHiến pháp\b.*?\bnăm (\d{4})", re.IGNORECASE)
_TITLE_NOISE = re.compile(r"\s*(\([^()]*\)|\[[^\[\]]*\])\s*$")


def document_label(title: str, number: str | None = None, doc_id: str = "") -> str:
    """How a question names its document: "Nghị quyết 68-NQ/TW", "Hiến pháp năm 2013", or the
    title in «» (shortened) -- never the whole title, which may state the very answer asked for.

    >>> document_label("Nghị quyết 68-NQ/TW: Phấn đấu đến năm 2030 có 2 triệu doanh nghiệp")
    'Nghị quyết 68-NQ/TW'
    >>> document_label("TOÀN VĂN: KẾT LUẬN 155-KL/TW CỦA BỘ CHÍNH TRỊ")
    'Kết luận 155-KL/TW'
    >>> document_label("Bài viết", number="57-NQ/TW")
    'Nghị quyết 57-NQ/TW'
    >>> document_label("Quận Hai Bà Trưng: nhanh chóng đưa Nghị quyết vào cuộc sống")
    'tài liệu «Quận Hai Bà Trưng: nhanh chóng đưa Nghị quyết vào cuộc sống»'
    """
    title = nfc(title or doc_id).strip()
    if number:
        code = number.split("-")[1].split("/")[0].upper() if "-" in number else ""
        if code in _DOC_KINDS:
            return f"{_DOC_KINDS[code]} {number}"
    m = _REFERENCE.search(title)
    if m:
        kind = m.group(1)
        return f"{kind[0].upper()}{kind[1:].lower()} {m.group(2)}"
    m = _CONSTITUTION.search(title)
    if m:
        return f"Hiến pháp năm {m.group(1)}"
    while _TITLE_NOISE.search(title):
        title = _TITLE_NOISE.sub("", title)
    return f"tài liệu «{shorten(title.rstrip(' ?'), 70)}»"


@dataclass(frozen=True)
class Window:
    """A verbatim window of a text around a span, cut at word boundaries ("…" where it was cut)."""

    text: str

    @classmethod
    def around(cls, text: str, start: int, end: int, limit: int) -> Window:
        """The window of at most `limit` characters centred on text[start:end].

        >>> Window.around("một hai ba bốn năm sáu bảy", 11, 14, 12).text
        '…ba bốn năm…'
        """
        if len(text) <= limit:
            return cls(text)
        end = min(end, start + max(1, limit - 2))  # a span longer than the window: its beginning
        room = max(0, limit - 2 - (end - start))
        lo = max(0, start - room // 2)
        hi = min(len(text), end + room - (start - lo))
        lo = max(0, min(lo, hi - (limit - 2)))
        if lo > 0 and not text[lo - 1].isspace():  # never start inside a word
            space = text.find(" ", lo, hi)
            lo = space + 1 if space >= 0 else lo
        if hi < len(text) and not text[hi].isspace():  # nor end inside one
            space = text.rfind(" ", lo, hi)
            hi = space if space > lo else hi
        body = text[lo:hi].strip()
        made = (ELLIPSIS if lo > 0 else "") + body + (ELLIPSIS if hi < len(text) else "")
        return cls(made if len(made) <= limit else shorten(made, limit))
