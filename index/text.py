"""Vietnamese text normalisation for matching (never for display).

Vietnamese writes a syllable's tone as a combining mark whose position varies by convention
("hoà" vs "hòa", "thuý" vs "thúy") and phones often drop every mark ("khau dot pha"). To match
all of these we reduce each syllable to a canonical key:

* ``toned_key``: base letters with their vowel-quality marks (â ă ê ô ơ ư đ) plus the tone as a
  digit, so both conventions meet: ``toned_key("hoà") == toned_key("hòa") == "hoa2"``.
* ``plain_key``: every mark removed and đ → d: ``plain_key("Đột") == "dot"``.

>>> syllables("Khâu đột phá là gì?")
['khâu', 'đột', 'phá', 'là', 'gì']
>>> [toned_key(s) for s in ("hoà", "hòa", "thuý", "thúy")]
['hoa2', 'hoa2', 'thuy1', 'thuy1']
>>> plain_key("Đột")
'dot'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining tone marks and the digit each becomes (order of Vietnamese dictionaries:
# ngang, huyền, hỏi, ngã, sắc, nặng -> 0, 2, 3, 4, 1, 5 by Telex tradition is confusing,
# so we use our own fixed digits; only equality matters for matching).
_TONE_DIGIT = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
# Dictionary order of tones, for sorting: ngang < huyền < hỏi < ngã < sắc < nặng.
_TONE_RANK = {"": 0, "2": 1, "3": 2, "4": 3, "1": 4, "5": 5}
_SYLLABLE_RE = re.compile(r"\w+", re.UNICODE)
_VIETNAMESE_MARKS = set(_TONE_DIGIT) | {"\u0302", "\u0306", "\u031b"}


# Unicode's Default_Ignorable_Code_Point set (DerivedCoreProperties.txt): soft hyphen, zero-width
# space/joiners, word joiner, bidi controls, variation selectors, BOM, tags… Invisible, yet they
# split "kh\u00adâu" from "khâu"; stripped from questions and documents alike.
_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e0fff]"
)


# Vietnamese capital letters, for regular expressions ("À-Ỹ" as a range also takes every lower-case
# accented letter, since Unicode interleaves them).
UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"


def strip_ignorable(text: str) -> str:
    """Remove default-ignorable code points (invisible characters that break words apart).

    >>> strip_ignorable("kh\u00adâu đột ph\u200cá")
    'khâu đột phá'
    """
    return _IGNORABLE.sub("", text)


def nfc(text: str) -> str:
    """Canonical composition without invisible characters; documents and queries arrive in NFC or NFD."""
    return unicodedata.normalize("NFC", strip_ignorable(text))


def clean_whitespace(text: str) -> str:
    """Collapse runs of spaces/tabs/non-breaking spaces; keep newlines."""
    text = strip_ignorable(text).replace("\u00a0", " ")
    return re.sub(r"[ \t\f\v]+", " ", text).strip()


def syllables(text: str) -> list[str]:
    """Lower-cased syllables (Vietnamese words are space-separated syllables)."""
    return [w for w in _SYLLABLE_RE.findall(nfc(text).lower()) if w != "_"]


@lru_cache(maxsize=1 << 17)  # a language has a few thousand syllables: indexing a million passages hits the cache
def toned_key(syllable: str) -> str:
    """Syllable with the tone moved to a trailing digit, so tone placement conventions meet."""
    tone = ""
    kept = []
    for ch in unicodedata.normalize("NFD", syllable.lower()):
        digit = _TONE_DIGIT.get(ch)
        if digit:
            tone = digit
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)) + tone


@lru_cache(maxsize=1 << 17)
def plain_key(syllable: str) -> str:
    """Syllable with every mark removed (and đ → d): what a phone without diacritics types."""
    decomposed = unicodedata.normalize("NFD", syllable.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def without_marks(text: str) -> str:
    """A phrase as a phone without diacritics types it: every mark removed (đ → d), lower-cased, its
    punctuation kept ("Cán bộ, công chức" → "can bo, cong chuc").

    >>> without_marks("Cán bộ, công chức")
    'can bo, cong chuc'
    """
    return " ".join(plain_key(w) for w in text.split())


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese mark (or đ), i.e. it was typed with diacritics."""
    lowered = nfc(text).lower()
    if "đ" in lowered:
        return True
    return any(ch in _VIETNAMESE_MARKS for ch in unicodedata.normalize("NFD", lowered))


def toned_tokens(text: str) -> list[str]:
    return [toned_key(s) for s in syllables(text)]


def plain_tokens(text: str) -> list[str]:
    return [plain_key(s) for s in syllables(text)]


def with_bigrams(tokens: list[str]) -> list[str]:
    """Syllables plus adjacent pairs: Vietnamese words are often two syllables ("đột phá")."""
    return tokens + [f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False)]


_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}


def vietnamese_sort_key(text: str) -> tuple:
    """Sort key in Vietnamese dictionary order: a < ă < â < b … d < đ …, then by tone.

    >>> sorted(["Đà Nẵng", "Cà Mau", "Dak Lak", "An Giang", "Ăn"], key=vietnamese_sort_key)
    ['An Giang', 'Ăn', 'Cà Mau', 'Dak Lak', 'Đà Nẵng']
    """
    letters: list[tuple[int, int | str]] = []
    tones: list[int] = []
    for syl in re.findall(r"\w+|\W", nfc(text).lower()):
        key = toned_key(syl)
        tone = key[-1] if key and key[-1] in _TONE_RANK and not syl[-1:].isdigit() else ""
        base = key[:-1] if tone else key
        for ch in base:
            letters.append((0, _LETTER_RANK[ch]) if ch in _LETTER_RANK else (1, ch))
        tones.append(_TONE_RANK.get(tone, 0))
    return (letters, tones)


# Function words that say what kind of answer is wanted but not what it is about; used to
# measure how much of a question's *content* a passage covers.
_FUNCTION_WORDS = """
    là gì gồm những các của có và được bao nhiêu ai nào thế như sao hay không đúng sai theo về trong
    cho với thì mà này đó nhất một hoặc cụ thể hiện nay hôm tôi bạn xin hỏi ơi ạ nhé việc khi ra nếu
    tại thuộc vào từ đến trên dưới hãy cho biết mấy vậy nhỉ hả à
""".split()
STOPWORDS_TONED = frozenset(toned_key(w) for w in _FUNCTION_WORDS)
# Without diacritics some function words collide with content words (trong/trọng, dung/dũng):
# those are kept as content.
STOPWORDS_PLAIN = frozenset(plain_key(w) for w in _FUNCTION_WORDS) - {
    "trong", "dung", "tu", "ban", "the", "may", "vay", "nhi", "ha", "a"}
