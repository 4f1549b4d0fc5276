"""How well a passage answers a question, in numbers the pipeline can rank and abstain on.

Dense similarity alone cannot tell "the corpus talks about this topic" from "the corpus answers
this question": coverage of the question's content words and of its names and numbers can.

>>> terms = query_terms("Bí thư Quận ủy Hai Bà Trưng là ai?", toned=True)
>>> coverage(terms, term_set("Bí thư Quận ủy Hai Bà Trưng Nguyễn Văn Nam khẳng định", toned=True))
1.0
"""

from __future__ import annotations

import re

from hoidap.index.chunker import split_sentences
from hoidap.index.text import (
    STOPWORDS_PLAIN,
    STOPWORDS_TONED,
    nfc,
    plain_key,
    plain_tokens,
    syllables,
    toned_key,
    toned_tokens,
)

# Phrases that only say a time is asked ("họp thời gian nào?"): no passage writes them, so they would
# count against the one that states the date. As plain syllables. "ở đâu" stays: the passage that
# answers a where-question often writes "ở", and without it a question names too little to rank by.
_ASKING_FRAMES = [f.split() for f in ("thoi gian nao", "thoi diem nao", "luc nao", "hoi nao", "bao gio")]


def _without_frames(keys: list[str]) -> list[str]:
    """The keys with each asking frame blanked ("" is no term and pairs with nothing)."""
    plain = [plain_key(k.rstrip("0123456789")) for k in keys]
    out = list(keys)
    for i in range(len(keys)):
        frame = next((f for f in _ASKING_FRAMES if plain[i : i + len(f)] == f), None)
        if frame:
            out[i : i + len(frame)] = [""] * len(frame)
    return out


def query_terms(text: str, toned: bool) -> list[str]:
    """Content syllables and their adjacent pairs, function words and asking frames removed (for coverage).

    >>> query_terms("họp lúc nào", toned=True), query_terms("hop thoi gian nao", toned=False)
    (['hop5'], ['hop'])
    """
    keys = _without_frames(toned_tokens(text) if toned else plain_tokens(text))
    stop = (STOPWORDS_TONED if toned else STOPWORDS_PLAIN) | {""}
    content = [k for k in keys if k not in stop]
    pairs = [f"{a}_{b}" for a, b in zip(keys, keys[1:], strict=False) if a not in stop and b not in stop]
    return content + pairs


_TOKEN_RE = re.compile(r"[\w/.-]+")


# Words that open a question with a capital of their own: "Theo", "Hồi", "Khi" are no part of a name.
_OPENERS = frozenset("theo hồi khi trong ở tại sau trước từ đến tới với về năm ngày nhân vì nếu do cho còn "
                     "vậy thế xin nghe hiện bây giờ lúc".split())


def name_terms(text: str, toned: bool) -> list[str]:
    """Numbers and multi-word proper names: what a question is specifically about.

    A name is a run of two or more capitalised syllables ("Cầu Giấy", "Nghệ An", "Hai Bà Trưng");
    a lone capital ("Bộ Giáo dục") is too often just the start of an institution's name. When the
    best passage lacks these, the corpus is probably answering a different question.

    >>> name_terms("Bí thư Quận ủy Cầu Giấy nhiệm kỳ 2020-2025 là ai?", toned=False)
    ['cau', 'giay', '2020', '2025']
    >>> name_terms("Nghị quyết 70-NQ/TW", toned=False)
    ['70']
    >>> name_terms("Hồi Đại hội 13 sao kết thúc sớm?", toned=False), name_terms("dai hoi 6 o dau", toned=False)
    (['№13'], ['№6'])
    >>> name_terms("Đại hội 4 đảng bộ trực thuộc Trung ương", toned=False)
    ['4']
    """
    text = nfc(text)
    found = list(_TOKEN_RE.finditer(text))
    if found and found[0].group(0).lower() in _OPENERS:  # "Hồi Đại hội 13 …": a capital that only starts it
        found = found[1:]
    # "Đại hội XIII", "khóa XIV", "Đại hội 6" name the 13th congress, the 14th term, the 6th congress: an
    # ordinal, matched only by an ordinal ("XIII", "VI", "lần thứ 13"), not by any 6 in "6,5 %".
    ordinals = {m.start(1) for m in _ORDINAL_ASKED.finditer(text)}
    picked: list[str] = []
    run: list[str] = []
    keys: list[str] = []
    for m in [*found, None]:
        token = m.group(0) if m else ""
        if token[:1].isupper() and not token[:1].isdigit():
            run.append(token)
            continue
        if len(run) >= 2:
            picked.extend(run)
        run = []
        if m and m.start() in ordinals and token.isdigit():
            keys.append(f"{ORDINAL}{int(token)}")
        elif token[:1].isdigit():
            picked.append(token)
    # A number's letters are its số hiệu's kind ("66-NQ/TW", "178/2024/NĐ-CP"), shared by every document
    # of that kind: only its digits name something.
    keys += [toned_key(s) if toned else plain_key(s) for word in picked for s in syllables(word)
             if not word[:1].isdigit() or s[:1].isdigit()]
    keys += [f"{ORDINAL}{value}" for value in roman_numbers(text)]
    stop = STOPWORDS_TONED if toned else STOPWORDS_PLAIN
    return [k for k in keys if k not in stop]


def term_set(text: str, toned: bool) -> set[str]:
    """Syllable keys and adjacent pairs of a text, plus the forms a question may use for what it writes
    as a Roman numeral ("Đại hội XIII" answers "đại hội 13") or a sign ("60%" answers "phần trăm").

    An ordinal, Roman or written in digits after "lần thứ", "khóa", "Đại hội", is also kept as such
    (№28), which is what a Roman numeral in a question matches (`name_terms`).

    >>> sorted(t for t in term_set("Đại hội XXVIII đạt 60%", toned=False) if "_" not in t)
    ['28', '60', 'dai', 'dat', 'hoi', 'phan', 'tram', 'xxviii', '№28']
    >>> sorted(t for t in term_set("Đại hội lần thứ 13 ngày 14", toned=False) if t.startswith(ORDINAL))
    ['№13']
    """
    keys = toned_tokens(text) if toned else plain_tokens(text)
    romans = roman_numbers(text)
    extra = [str(value) for value in romans] + [f"{ORDINAL}{value}" for value in romans]
    extra += [f"{ORDINAL}{int(m.group(1))}" for m in ORDINAL_DIGITS.finditer(text)]
    if "%" in text:
        pct = [toned_key("phần"), toned_key("trăm")] if toned else ["phan", "tram"]
        extra += [*pct, f"{pct[0]}_{pct[1]}"]
    return set(keys) | {f"{a}_{b}" for a, b in zip(keys, keys[1:], strict=False)} | set(extra)


ORDINAL = "№"  # prefix of an ordinal's term: №13 is "the 13th" (Đại hội XIII), not the number 13
ORDINAL_DIGITS = re.compile(r"\b(?:lần thứ|thứ|khóa|khoá|đại hội|kỳ họp thứ)\s+(\d{1,3})\b", re.IGNORECASE)
# The same in a question, which may be typed without marks ("dai hoi 6"; a bare "thu" is too often "thu").
# "Đại hội 4 đảng bộ …" counts the congresses of four party organisations: a number before what it counts.
_ORDINAL_ASKED = re.compile(r"\b(?:lần thứ|lan thu|thứ|khóa|khoá|khoa|đại hội|dai hoi|kỳ họp thứ|ky hop thu)\s+"
                            r"(\d{1,3})\b(?!\s+(?:đảng bộ|dang bo|đơn vị|don vi|tỉnh|tinh|ngày|ngay|cấp|cap|người|"
                            r"nguoi|đại biểu|dai bieu)\b)", re.IGNORECASE)
# Candidates are runs of Roman capitals; a single letter counts only after these words (a plain
# character-class scan, then a look back: three times faster than lookbehinds at every position).
_ROMAN = re.compile(r"\b[IVXLC]+\b")
_ROMAN_SINGLE_AFTER = ("lần thứ ", "khóa ", "khoá ", "Đại hội ")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_numbers(text: str) -> list[int]:
    """Values of the Roman numerals a text writes in capitals ("XIII" → 13; "VI" after "Đại hội" → 6).

    >>> roman_numbers("Đại hội XIII, lần thứ XXVIII, Đại hội VI, và vi phạm")
    [13, 28, 6]
    """
    values = []
    for match in _ROMAN.finditer(text):
        numeral = match.group(0)
        if len(numeral) == 1 and (numeral not in "IVX" or not text.endswith(_ROMAN_SINGLE_AFTER, 0, match.start())):
            continue
        total, previous = 0, 0
        for ch in reversed(numeral):
            value = _ROMAN_VALUES[ch]
            total, previous = (total - value, previous) if value < previous else (total + value, value)
        if total > 0:
            values.append(total)
    return values


def coverage(terms: list[str], text_terms: set[str]) -> float:
    return sum(t in text_terms for t in terms) / len(terms) if terms else 0.0


def highlight_spans(text: str, terms: list[str], toned: bool, most: int = 2) -> list[tuple[int, int]]:
    """Sentences of `text` that share the most question terms (shown in bold by the bot)."""
    scored = []
    sentences = [span for a, b in _line_spans(text) for span in _shift(split_sentences(text[a:b]), a)]
    for a, b in sentences:
        cov = coverage(terms, term_set(text[a:b], toned))
        if cov > 0:
            scored.append((cov, a, b))
    if not scored:
        return []
    top = max(s for s, _, _ in scored)
    chosen = sorted((s for s in scored if s[0] >= max(0.5 * top, 0.2)), key=lambda s: -s[0])[:most]
    return sorted((a, b) for _, a, b in chosen)


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _shift(spans: list[tuple[int, int]], by: int) -> list[tuple[int, int]]:
    return [(a + by, b + by) for a, b in spans]


