"""Turn the bytes of a text file into NFC text, or refuse with a reason an admin can act on.

Vietnamese corpora arrive as UTF-8 (with or without BOM), UTF-16 from Windows tools, and the
legacy code page cp1258. Decoding with the wrong codec gives mojibake that would be indexed and
quoted to users, so we detect and never guess: anything we cannot identify is rejected.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from hoidap.index.text import strip_ignorable
from hoidap.index.types import DocumentError

# Vietnamese letters outside ASCII (NFC). A cp1258 decoding is accepted only if its non-ASCII
# characters are mostly these: a wrong code page yields symbols like "»", "‹", "Ã" instead.
_VI_LOWER = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
VIETNAMESE_LETTERS = frozenset(_VI_LOWER + _VI_LOWER.upper())
# Typographic punctuation that cp1258 also encodes and Vietnamese documents use.
_CP1258_PUNCT = frozenset("“”‘’–—…•«»°§·\u00a0")

# C0 controls other than \t \n \r and form/vertical feed, plus DEL: never in real text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x7F}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def normalize_text(text: str) -> str:
    """NFC + "\\n" newlines, invisible characters removed: the form every loader returns, so offsets
    and matching agree (a soft hyphen inside "đột ph\u00ada" must not hide the word)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", strip_ignorable(text))


def decode_text(data: bytes, path: str) -> str:
    """Decode a text file's bytes (UTF-8, UTF-8 BOM, UTF-16 with/without BOM, cp1258) to NFC text.

    >>> decode_text("Nghị quyết".encode("utf-16"), "a.txt")
    'Nghị quyết'
    >>> decode_text(b"\\x00\\x01\\x02\\x03junk", "a.txt")
    Traceback (most recent call last):
    ...
    hoidap.index.types.DocumentError: a.txt: not a text file (binary content)
    """
    if not data.strip():
        raise DocumentError(path, "empty document")
    text = _decode(data, path)
    text = _drop_controls(text, path)
    text = normalize_text(text)
    if not text.strip():
        raise DocumentError(path, "empty document")
    return text


def _decode(data: bytes, path: str) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec.replace("-sig", ""))
            except UnicodeDecodeError as e:
                problem = f"{e.reason} at byte {e.start + len(bom)}"
                raise DocumentError(path, f"has a {codec} byte-order mark but {problem}") from None
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass  # NUL pattern was a coincidence: fall through to the binary check
    if b"\x00" in data:
        raise DocumentError(path, "not a text file (binary content)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    # Real text in any code page has (almost) no control bytes; random/binary data has ~11%.
    controls = sum(1 for b in data if b in _CONTROL_BYTES)
    if controls > max(2, len(data) // 100):
        raise DocumentError(path, "not a text file (binary content)")
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        text = ""
    if text and _looks_vietnamese(text):
        return text
    hint = ""
    if data.decode("utf-8", errors="replace").count("\ufffd") <= max(3, len(data) // 1000):
        hint = f" (looks like UTF-8 but byte {utf8_error.start} is invalid)"
    raise DocumentError(path, f"cannot detect the text encoding{hint}; save it as UTF-8")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: NUL high bytes on one side only (ASCII/Latin text is mostly U+00xx)."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= 0.4 and even_nul <= 0.02:
        return "utf-16-le"
    if even_nul >= 0.4 and odd_nul <= 0.02:
        return "utf-16-be"
    return None


def _looks_vietnamese(text: str) -> bool:
    """True if the non-ASCII characters are overwhelmingly Vietnamese letters and tone marks composed."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return False
    vietnamese = sum(1 for c in non_ascii if c in VIETNAMESE_LETTERS)
    punctuation = sum(1 for c in non_ascii if c in _CP1258_PUNCT)
    # Tone marks left uncomposed after NFC mean they sat on a letter that cannot carry them.
    stray_marks = sum(1 for c in non_ascii if unicodedata.combining(c))
    letters = len(non_ascii) - punctuation
    return letters > 0 and vietnamese >= 0.8 * letters and stray_marks <= 0.02 * len(non_ascii)


def _drop_controls(text: str, path: str) -> str:
    """Drop a few stray control characters (e.g. DOS ^Z); many of them means it is not text."""
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")  # vertical tab / page break
    found = len(_CONTROL.findall(text))
    if found > max(2, len(text) // 100):
        raise DocumentError(path, "not a text file (binary content)")
    return _CONTROL.sub("", text) if found else text
