"""Is this text mostly something a person can read? Refuse what is not, before it is indexed.

A loader accepts anything that decodes: 40 KB of random printable bytes decode as ASCII, random
code points as UTF-8, and a file of braille blanks or lone accents is "text" too. Indexed, they
become passages nobody can read (or see), and answers quoting them. Three tests, on the whole text
or, for long texts, on evenly spaced windows of it:

1. visible: at least 90% of the characters that are not spaces are letters (with at most two
   accents each), digits, punctuation or symbols — not private-use, unassigned, format or
   control characters, lone combining marks or blank-looking letters (U+2800 BRAILLE BLANK);
2. one writing system: at least 75% of the letters belong to the most common one (random code
   points spread over dozens of scripts; a Vietnamese text quoting Chinese stays far above);
3. words, for scripts written with spaces: at least 60% of the characters (of the space-separated
   tokens that hold a letter or digit) are in words of letters, numbers, or codes made of both
   ("57-NQ/TW", "COVID-19"): base64, hex dumps and random printable characters have almost none.
   Real documents measured 89–100% (the sample corpus, the 29 evaluation documents, 8 laws).

>>> check_readable("Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ.", "a.txt")
>>> check_readable("xQ7#kd!zP0@rWm^e2&Lb*Yv9(s" * 20, "junk.txt")
Traceback (most recent call last):
...
hoidap.index.types.DocumentError: junk.txt: not readable text: only 0% of it forms words (random characters ...)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from hoidap.index.types import DocumentError

MIN_VISIBLE = 0.90
MIN_MAIN_SCRIPT = 0.75
MIN_IN_WORDS = 0.60
MAX_WORD_CHARS = 40
SAMPLE_CHARS = 200_000
_WINDOWS = 20

# Letters and symbols that draw nothing (fillers, blanks) and the replacement character, which
# stands for bytes that did not decode.
_BLANKS = frozenset("\u2800\u3164\u115f\u1160\uffa0\u17b4\u17b5\u180e\ufffd")
_WORD_PARTS = re.compile(r"[-/.,:'’_%+]+")
_EDGE_PUNCTUATION = "\"'“”‘’()[]{}<>«».,;:!?…–—-*•·"
# Scripts written without spaces between words: the word test does not apply to them.
_UNSPACED = frozenset({"cjk", "thai", "lao", "myanmar", "khmer", "tibetan"})


def _script(c: str) -> str:
    """A coarse writing system for a letter, from its code point (enough to tell one from many)."""
    o = ord(c)
    if o < 0x250 or 0x1E00 <= o < 0x1F00 or 0x2C60 <= o < 0x2C80 or 0xA720 <= o < 0xA800 or 0xFF21 <= o <= 0xFF5A:
        return "latin"
    for low, high, name in _SCRIPT_RANGES:
        if low <= o < high:
            return name
    return f"block-{o >> 7:x}"


_SCRIPT_RANGES = [
    (0x370, 0x400, "greek"), (0x1F00, 0x2000, "greek"), (0x400, 0x530, "cyrillic"), (0x530, 0x590, "armenian"),
    (0x590, 0x600, "hebrew"), (0x600, 0x700, "arabic"), (0x750, 0x780, "arabic"), (0x8A0, 0x900, "arabic"),
    (0xFB50, 0xFE00, "arabic"), (0xFE70, 0xFF00, "arabic"), (0xE00, 0xE80, "thai"), (0xE80, 0xF00, "lao"),
    (0xF00, 0x1000, "tibetan"), (0x1000, 0x10A0, "myanmar"), (0x10A0, 0x1100, "georgian"),
    (0x1100, 0x1200, "hangul"), (0x3130, 0x3190, "hangul"), (0xAC00, 0xD7B0, "hangul"), (0x1780, 0x1800, "khmer"),
    (0x3040, 0x3100, "cjk"), (0x31F0, 0x3200, "cjk"), (0x3400, 0x4DC0, "cjk"), (0x4E00, 0xA000, "cjk"),
    (0xF900, 0xFB00, "cjk"), (0xFF66, 0xFFA0, "cjk"), (0x20000, 0x32000, "cjk"),
]


def _sample(text: str) -> str:
    """The text itself, or evenly spaced windows of it (the check stays fast on a 15 MB file)."""
    if len(text) <= SAMPLE_CHARS:
        return text
    size = SAMPLE_CHARS // _WINDOWS
    step = (len(text) - size) // (_WINDOWS - 1)
    return "\n".join(text[i * step : i * step + size] for i in range(_WINDOWS))


def _visible_share(chars: str) -> float:
    visible = 0
    marks_in_a_row = 0
    base = False  # the previous character can carry an accent
    for c in chars:
        category = unicodedata.category(c)
        if category[0] == "M":
            marks_in_a_row += 1
            if base and marks_in_a_row <= 2:
                visible += 1
            continue
        marks_in_a_row = 0
        shows = category[0] in "LNPS" and c not in _BLANKS
        visible += shows
        base = shows and category[0] == "L"
    return visible / len(chars)


def _is_word(token: str) -> bool:
    core = token.strip(_EDGE_PUNCTUATION)
    if not core or len(core) > MAX_WORD_CHARS:
        return False
    for part in _WORD_PARTS.split(core):
        if part and not (part.isdigit() or all(c.isalpha() or unicodedata.category(c)[0] == "M" for c in part)):
            return False
    return True


def check_readable(text: str, where: str) -> None:
    """Raise DocumentError("not readable text: …") unless `text` is mostly readable (see module)."""
    sample = _sample(text)
    chars = "".join(sample.split())
    if not chars:
        raise DocumentError(where, "empty document")
    visible = _visible_share(chars)
    if visible < MIN_VISIBLE:
        raise DocumentError(where, f"not readable text: {1 - visible:.0%} of its characters are invisible, "
                                   "private-use or unassigned")
    scripts = Counter(_script(c) for c in chars if c.isalpha())
    if not scripts:
        raise DocumentError(where, "not readable text: no letters")
    main, count = scripts.most_common(1)[0]
    share = count / sum(scripts.values())
    if share < MIN_MAIN_SCRIPT:
        raise DocumentError(where, f"not readable text: letters of {len(scripts)} writing systems mixed at random "
                                   f"(the most common has {share:.0%})")
    if main not in _UNSPACED:
        tokens = [t for t in sample.split() if any(c.isalnum() for c in t)]  # "|", "—", "***" are neutral
        in_words = sum(len(t) for t in tokens if _is_word(t)) / max(1, sum(map(len, tokens)))
        if in_words < MIN_IN_WORDS:
            raise DocumentError(where, f"not readable text: only {in_words:.0%} of it forms words "
                                       "(random characters or encoded data?)")
