"""Understanding a question before searching: what it asks for, and in the corpus's own words.

Users type "NQ68 muốn đến 2045 có mấy triệu DN?" or "chuyễn đổi số" on a phone; the documents
say "Nghị quyết 68", "doanh nghiệp", "chuyển đổi số". Retrieval and the coverage signals only see
what the question shares with the text, so the question is first rewritten into the corpus's
vocabulary (abbreviations expanded, misspelled syllables matched to known ones), and its shape
is read (a list, a count, a person, a date, yes/no) so the answer can be the unit of that shape.

>>> vocab = Vocabulary.from_texts(["Nghị quyết 68 về doanh nghiệp tư nhân", "chuyển đổi số"])
>>> q = analyse("NQ68 muốn đến 2045 có mấy triệu DN?", vocab)
>>> q.text
'Nghị quyết 68 muốn đến 2045 có mấy triệu doanh nghiệp?'
>>> q.kind, q.numbers
('count', ['68', '2045'])
>>> analyse("chuyễn đổi số là gì", vocab).text
'chuyển đổi số là gì'
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from hoidap.index.everyday import Rewording, rewordings
from hoidap.index.text import (
    STOPWORDS_PLAIN,
    STOPWORDS_TONED,
    clean_whitespace,
    has_diacritics,
    nfc,
    plain_key,
    plain_tokens,
    syllables,
    toned_key,
    without_marks,
)

QuestionKind = Literal["list", "count", "who", "when", "where", "yesno", "definition", "fact"]

# Abbreviations Vietnamese users type for the words of Party and State documents. Keys are the
# abbreviation without dots or hyphens, lower-cased, "đ" kept; values as the documents write them.
ABBREVIATIONS: dict[str, str] = {
    "nq": "Nghị quyết", "kl": "Kết luận", "ct": "Chỉ thị", "tb": "Thông báo", "qđ": "Quyết định",
    "nđ": "Nghị định", "qh": "Quốc hội", "cp": "Chính phủ", "ttg": "Thủ tướng",
    "tw": "Trung ương", "bch": "Ban Chấp hành", "bchtw": "Ban Chấp hành Trung ương",
    "bct": "Bộ Chính trị", "bbt": "Ban Bí thư", "tbt": "Tổng Bí thư", "đcsvn": "Đảng Cộng sản Việt Nam",
    "khcn": "khoa học, công nghệ", "khcn&đmst": "khoa học, công nghệ và đổi mới sáng tạo",
    "đmst": "đổi mới sáng tạo", "cđs": "chuyển đổi số", "dn": "doanh nghiệp", "dnnn": "doanh nghiệp nhà nước",
    "ktxh": "kinh tế - xã hội", "kt": "kinh tế", "xh": "xã hội", "ktnn": "kinh tế nhà nước",
    "kttn": "kinh tế tư nhân", "kttt": "kinh tế thị trường", "hđnd": "Hội đồng nhân dân",
    "ubnd": "Ủy ban nhân dân", "mttq": "Mặt trận Tổ quốc", "mttqvn": "Mặt trận Tổ quốc Việt Nam",
    "cnhhđh": "công nghiệp hóa, hiện đại hóa", "cnh": "công nghiệp hóa", "hđh": "hiện đại hóa",
    "thpt": "trung học phổ thông", "thcs": "trung học cơ sở", "gdđt": "giáo dục và đào tạo",
    "xhcn": "xã hội chủ nghĩa", "cnxh": "chủ nghĩa xã hội", "tphcm": "Thành phố Hồ Chí Minh",
    "tp": "thành phố", "hcm": "Hồ Chí Minh", "hn": "Hà Nội", "ubkt": "Ủy ban Kiểm tra",
    "bcđ": "Ban Chỉ đạo", "htct": "hệ thống chính trị", "cbcc": "cán bộ, công chức",
    "cbccvc": "cán bộ, công chức, viên chức", "đv": "đảng viên", "cb": "cán bộ", "ntm": "nông thôn mới",
    "bhyt": "bảo hiểm y tế", "bhxh": "bảo hiểm xã hội", "cchc": "cải cách hành chính",
    "đvhc": "đơn vị hành chính", "gdp": "GDP", "vn": "Việt Nam", "đh": "Đại hội", "nđcp": "Nghị định Chính phủ",
    "hp": "Hiến pháp", "ns": "ngân sách", "nsnn": "ngân sách nhà nước", "xdpl": "xây dựng pháp luật",
    "pl": "pháp luật", "gd": "giáo dục", "gdđh": "giáo dục đại học", "yt": "y tế", "khkt": "khoa học kỹ thuật",
    "ttxh": "trật tự xã hội", "qp": "quốc phòng", "an": "an ninh", "qpan": "quốc phòng, an ninh",
    "bthtw": "Ban Thường vụ", "btv": "Ban Thường vụ", "bcs": "Ban cán sự", "tu": "Tỉnh ủy", "qu": "Quận ủy",
    "đbqh": "đại biểu Quốc hội", "đb": "đại biểu", "uv": "ủy viên", "bs": "bác sĩ",
    "ubtvqh": "Ủy ban Thường vụ Quốc hội", "tand": "Tòa án nhân dân",
    "vksnd": "Viện kiểm sát nhân dân", "ctn": "Chủ tịch nước", "đtn": "Đoàn Thanh niên",
    "hlhpn": "Hội Liên hiệp Phụ nữ",
    # Sectors, institutions and people the documents speak of, as typed in chats and the press.
    "bv": "bệnh viện", "hv": "học viện", "ctqg": "chính trị quốc gia", "cq": "cơ quan",
    "cqnn": "cơ quan nhà nước", "đu": "Đảng ủy", "csgd": "cơ sở giáo dục", "gv": "giáo viên", "hs": "học sinh",
    "sv": "sinh viên", "nlđ": "người lao động", "nsdlđ": "người sử dụng lao động", "dtts": "dân tộc thiểu số",
    "cntt": "công nghệ thông tin", "ttnt": "trí tuệ nhân tạo", "nckh": "nghiên cứu khoa học",
    "btctw": "Ban Tổ chức Trung ương", "btgtw": "Ban Tuyên giáo Trung ương",
    "ubkttw": "Ủy ban Kiểm tra Trung ương", "ccb": "cựu chiến binh", "hnd": "Hội Nông dân",
    "lđlđ": "Liên đoàn Lao động", "qđnd": "Quân đội nhân dân", "cand": "Công an nhân dân",
    "bqp": "Bộ Quốc phòng", "bca": "Bộ Công an", "anqp": "an ninh, quốc phòng", "antt": "an ninh, trật tự",
    "nnptnt": "nông nghiệp và phát triển nông thôn", "nn&ptnt": "nông nghiệp và phát triển nông thôn",
    "gtvt": "giao thông vận tải", "bđkh": "biến đổi khí hậu", "tnmt": "tài nguyên và môi trường",
    "tn&mt": "tài nguyên và môi trường", "đbscl": "Đồng bằng sông Cửu Long",
    "kcn": "khu công nghiệp", "kkt": "khu kinh tế", "dnnvv": "doanh nghiệp nhỏ và vừa", "htx": "hợp tác xã",
    "hkd": "hộ kinh doanh", "bđs": "bất động sản", "tmđt": "thương mại điện tử", "shtt": "sở hữu trí tuệ",
    "tthc": "thủ tục hành chính", "dvc": "dịch vụ công", "csdl": "cơ sở dữ liệu", "sgk": "sách giáo khoa",
    "gdnn": "giáo dục nghề nghiệp", "đhqg": "đại học quốc gia", "asxh": "an sinh xã hội",
    "bhtn": "bảo hiểm thất nghiệp", "pctn": "phòng, chống tham nhũng", "tccs": "tổ chức cơ sở",
    "tccsđ": "tổ chức cơ sở đảng", "xdđ": "xây dựng Đảng",
    # Chat shorthand for everyday words, typed by the same people in the same messages ("XD đề án",
    # "ko tổ chức cấp huyện"); without it "XD" would be read as the initials of a name in the corpus.
    "xd": "xây dựng", "pt": "phát triển", "sx": "sản xuất", "kd": "kinh doanh", "ql": "quản lý",
    "qlnn": "quản lý nhà nước", "cs": "chính sách", "nv": "nhiệm vụ", "gp": "giải pháp",
    "ko": "không", "khg": "không", "dc": "được", "đc": "được", "vs": "với", "ng": "người",
    "ntn": "như thế nào", "bn": "bao nhiêu", "trc": "trước",
}
# "NQ68", "KL-219", "TP.HCM": an abbreviation glued to a number or written with dots and hyphens.
_ABBREVIATION_TOKEN = re.compile(
    r"(?<![\w.])([A-Za-zĐđ](?:[A-Za-zĐđ&]|[.-](?=[A-Za-zĐđ]))*)(?:[-.]?(\d+[\w/-]*))?(?![\w])"
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Question:
    """A question ready for retrieval: the text to search with and what it asks for."""

    raw: str
    text: str  # NFC, invisible characters removed, abbreviations expanded, typos corrected
    toned: bool  # typed with diacritics (which lexical channel and term keys apply)
    kind: QuestionKind
    focus: list[str] = field(default_factory=list)  # term keys of what is asked about ("nhiệm vụ trọng tâm")
    references: set[tuple[str, str]] = field(default_factory=set)  # documents named ("kết luận", "155")
    numbers: list[str] = field(default_factory=list)  # numbers and years named in the question
    corrections: dict[str, str] = field(default_factory=dict)  # typed -> corpus form
    rewordings: tuple[Rewording, ...] = ()  # everyday phrases and the documents' words for them
    unknown_names: tuple[str, ...] = ()  # proper names the corpus never writes ("Cầu Giấy")


class Vocabulary:
    """The corpus's syllables (toned and plain keys with their counts) and the acronyms of its names.

    Built from passage texts and document titles; answers "is this a word of the corpus?" and
    "which known syllable did the user mean?".
    """

    def __init__(self, toned: Counter[str], surface: dict[str, str], acronyms: dict[str, str],
                 bigrams: set[tuple[str, str]] | None = None) -> None:
        self.toned = toned  # toned key -> count
        self.bigrams = bigrams or set()  # adjacent toned keys seen in the corpus
        self.surface = surface  # toned key -> most frequent written (lower-case) form
        self.plain: Counter[str] = Counter()
        self.tonings: dict[str, list[str]] = {}  # plain key -> toned keys, most frequent first
        for key, count in toned.items():
            pk = plain_key(key.rstrip("012345"))
            self.plain[pk] += count
            self.tonings.setdefault(pk, []).append(key)
        for keys in self.tonings.values():
            keys.sort(key=lambda k: -toned[k])
        self.acronyms = acronyms  # plain acronym -> name as written ("hbt" -> "Hai Bà Trưng")
        self.plain_bigrams = {(plain_key(a.rstrip("012345")), plain_key(b.rstrip("012345"))) for a, b in self.bigrams}
        self._deletes: dict[str, list[str]] = {}
        for pk in self.plain:
            if len(pk) >= 3 and not pk.isdigit():
                for variant in _deletions(pk):
                    self._deletes.setdefault(variant, []).append(pk)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Vocabulary:
        toned: Counter[str] = Counter()
        forms: dict[str, Counter[str]] = {}
        names: Counter[str] = Counter()
        bigrams: set[tuple[str, str]] = set()
        for text in texts:
            keys = []
            for syl in syllables(text):
                key = toned_key(syl)
                keys.append(key)
                toned[key] += 1
                forms.setdefault(key, Counter())[syl] += 1
            bigrams.update(zip(keys, keys[1:], strict=False))
            names.update(_capitalised_runs(text))
        surface = {k: c.most_common(1)[0][0] for k, c in forms.items()}
        acronyms: dict[str, str] = {}
        for name, _count in names.most_common():
            initials = "".join(plain_key(w)[0] for w in name.split())
            if len(initials) >= 2 and initials not in acronyms:
                acronyms[initials] = name
        plain_bigrams = {(plain_key(a.rstrip("012345")), plain_key(b.rstrip("012345"))) for a, b in bigrams}
        vocabulary = cls(toned, surface, acronyms, bigrams)
        vocabulary.plain_bigrams = plain_bigrams
        return vocabulary

    def knows(self, syllable: str, toned: bool) -> bool:
        return (toned_key(syllable) in self.toned) if toned else (plain_key(syllable) in self.plain)

    def candidates(self, syllable: str, toned: bool) -> list[str]:
        """Known toned keys a syllable the corpus never uses may stand for, most frequent first.

        A wrong or misplaced tone keeps the letters ("chuyễn" → "chuyển"); otherwise one letter
        deleted, added or changed ("doamh" → "doanh", "nghe" → "nghệ").
        """
        if syllable.isdigit() or len(syllable) < 2:
            return []
        pk = plain_key(syllable)
        if toned and pk in self.tonings:
            return [k for k in self.tonings[pk] if k != toned_key(syllable)]
        if pk in self.plain or len(pk) < 3:
            return []
        near: Counter[str] = Counter()
        for variant in {pk, *_deletions(pk)}:
            for known in self._deletes.get(variant, ()):
                if _edit_distance_at_most_one(pk, known):
                    near[known] = self.plain[known]
            if variant in self.plain and variant != pk and _edit_distance_at_most_one(pk, variant):
                near[variant] = self.plain[variant]
        return [k for known, _ in near.most_common() for k in self.tonings[known]]

    def supported(self, key: str, left: str | None, right: str | None, toned: bool) -> bool:
        """Does the corpus write this syllable next to its neighbour ("doanh" before "nghiệp")?"""
        if toned:
            return (left is not None and (left, key) in self.bigrams) or (
                right is not None and (key, right) in self.bigrams)
        pk = plain_key(key.rstrip("012345"))
        return (left is not None and (left, pk) in self.plain_bigrams) or (
            right is not None and (pk, right) in self.plain_bigrams)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


_WORD = re.compile(r"\w+", re.UNICODE)


def _capitalised_runs(text: str) -> list[str]:
    """Runs of two or more capitalised syllables ("Hai Bà Trưng", "Nguyễn Văn Nam")."""
    runs: list[str] = []
    run: list[str] = []
    for word in [*_WORD.findall(nfc(text)), ""]:
        if word[:1].isupper() and not word.isupper() and not word[:1].isdigit():
            run.append(word)
            continue
        if len(run) >= 2:
            runs.append(" ".join(run))
        run = []
    return runs


_WORD_OR_MARK = re.compile(r"\w+|[^\w\s]")


def unknown_names(text: str, vocabulary: Vocabulary, exempt: Iterable[str] = ()) -> list[str]:
    """Proper names the question writes that the corpus never does: runs of two or more capitalised
    words (not at the question's start, not across punctuation, not all-capitals like "XIII") none
    of whose adjacent pairs the corpus writes. "Bí thư Quận ủy Cầu Giấy là ai?" over a corpus about
    other districts names a place it knows nothing of; its other words still match another
    district's news item word for word. `exempt`: phrases the everyday table rewords ("Sài Gòn").

    >>> vocab = Vocabulary.from_texts(["Bí thư Quận ủy Hai Bà Trưng Nguyễn Văn Nam"])
    >>> unknown_names("Bí thư Quận ủy Cầu Giấy là ai?", vocab), unknown_names("Bí thư Quận ủy Hai Bà Trưng?", vocab)
    (['Cầu Giấy'], [])
    >>> unknown_names("Long Biên có mấy khâu đột phá?", vocab)  # its first word may just be capitalised
    []
    """
    toned = has_diacritics(text)
    known = vocabulary.bigrams if toned else vocabulary.plain_bigrams
    key = toned_key if toned else plain_key
    skip = {w for phrase in exempt for w in _WORD.findall(nfc(phrase))}
    found: list[str] = []
    run: list[str] = []
    for n, word in enumerate([*_WORD_OR_MARK.findall(nfc(text)), ""]):
        if n > 0 and word[:1].isupper() and not word.isupper() and not word[:1].isdigit() and word not in skip:
            run.append(word)
            continue
        keys = [key(w) for w in run]
        if len(run) >= 2 and not any(pair in known for pair in zip(keys, keys[1:], strict=False)):
            found.append(" ".join(run))
        run = []
    return found


# "Luật Đất đai 2024", "Bộ luật Lao động": a law named by its title, whose first word is capitalised.
_NAMED_LAW = re.compile(r"\b(?:Bộ luật|Luật) ([A-ZĐÀ-Ỹ][^\W\d_]*) ([^\W\d_]+)")


# Words that end a law's title in a question ("Luật Đất đai quy định …", "Luật Thủ đô năm 2024").
_AFTER_LAW_TITLE = frozenset("năm quy mới cũ hiện sửa đổi bổ sung ban hành có được thì là của về cho nói trao "
                             "đã sẽ đang còn này đó hay và với theo".split())


def named_laws(text: str) -> list[tuple[str, str]]:
    """The laws a text names by title, each as written ("Luật Đất đai") and as the plain key of its
    first two words ("dat dai"), which a corpus that holds or cites the law writes after "luật". Two
    words only: where the title ends in a question cannot be told ("Luật Trồng trọt cho nhà nước …"),
    so "Luật Bảo hiểm xã hội" passes as known over a corpus citing "Luật Bảo hiểm y tế".

    >>> named_laws("Luật Đất đai 2024 quy định gì? Còn luật đất đai cũ?")
    [('Luật Đất đai', 'dat dai')]
    >>> named_laws("Luật Bảo hiểm xã hội quy định gì?")
    [('Luật Bảo hiểm xã hội', 'bao hiem')]
    """
    text = nfc(text)
    found = []
    for m in _NAMED_LAW.finditer(text):
        title = m.group(0).split()
        for word in re.findall(r"[^\W\d_]+|\S", text[m.end():])[:3]:
            if not word.isalpha() or word.lower() in _AFTER_LAW_TITLE or word[:1].isupper():
                break
            title.append(word)
        found.append((" ".join(title), f"{plain_key(m.group(1))} {plain_key(m.group(2))}"))
    return found


_LAW_WORD = re.compile(r"lu[aậ]t", re.IGNORECASE)


def laws_written(text: str) -> set[str]:
    """The plain keys of the two words after every "luật" of a text (see `named_laws`).

    >>> sorted(laws_written("theo Luật Trồng trọt và luật đất đai"))
    ['dat dai', 'trong trot']
    """
    if not _LAW_WORD.search(text):  # most passages name no law: read only those that do
        return set()
    plain = plain_tokens(text)
    return {f"{plain[i + 1]} {plain[i + 2]}" for i in range(len(plain) - 2) if plain[i] == "luat"}


# "năm 86", "hồi năm 90": a year said with two digits (not "năm 20%", "năm 25 tuổi").
_SHORT_YEAR = re.compile(r"\b(năm|nam)\s+(\d{2})\b"
                         r"(?![.,/:-]?\d|\s*(%|phần|phan|tuổi|tuoi|năm|nam|người|nguoi|lần|lan))", re.IGNORECASE)


def full_years(text: str, this_year: int | None = None) -> str:
    """Two-digit years written out in full, as documents write them ("năm 86" → "năm 1986"): a
    two-digit number more than ten years after this year's (`this_year`, default the current one)
    is last century's.

    >>> full_years("Hồi năm 86 Liên Xô hứa gì?", 2026), full_years("tới nam 30 dat", 2026), full_years("năm 20 tuổi")
    ('Hồi năm 1986 Liên Xô hứa gì?', 'tới nam 2030 dat', 'năm 20 tuổi')
    """
    year = this_year or datetime.date.today().year

    def full(m: re.Match[str]) -> str:
        short = int(m.group(2))
        century = 2000 if short <= year % 100 + 10 else 1900
        return f"{m.group(1)} {century + short}"

    return _SHORT_YEAR.sub(full, text)


def expand_abbreviations(text: str, vocabulary: Vocabulary | None = None, plain: bool = False) -> str:
    """Spell out abbreviations ("NQ68" → "Nghị quyết 68", "DN" → "doanh nghiệp", "HBT" → "Hai Bà Trưng").

    Upper-case tokens are abbreviations when the table or the corpus's names or phrases know them; a
    lower-case token only when it is not a syllable of the corpus ("dn", but never "tu" or "ct"
    when the corpus writes "ct" as a word). In a question typed without diacritics (`plain`) the
    expansion is written without them too, so the question stays in one form.

    >>> expand_abbreviations("KL219 và TP.HCM, cac dn")
    'Kết luận 219 và Thành phố Hồ Chí Minh, cac doanh nghiệp'
    """

    def replace(match: re.Match[str]) -> str:
        letters, number = match.group(1), match.group(2) or ""
        key = letters.replace(".", "").replace("-", "").lower()
        if not key:
            return match.group(0)
        upper = letters.replace(".", "").replace("-", "").replace("&", "").isupper() and len(key) >= 2
        known_word = vocabulary is not None and vocabulary.knows(key, toned=has_diacritics(key))
        if not upper and (known_word or len(key) < 2):
            return match.group(0)
        expansion = ABBREVIATIONS.get(key)
        if expansion is None and vocabulary is not None and upper:
            expansion = vocabulary.acronyms.get(plain_key(key))
        if expansion is None:
            return match.group(0)
        if plain:
            expansion = without_marks(expansion)
        return f"{expansion} {number}" if number else expansion

    return _ABBREVIATION_TOKEN.sub(replace, text)


def correct_typos(text: str, vocabulary: Vocabulary) -> tuple[str, dict[str, str]]:
    """Replace syllables the corpus never uses by the known syllable they most likely stand for.

    A correction is made only when the corpus writes the corrected syllable next to one of its
    neighbours in the question ("doamh nghiệp" → "doanh nghiệp"): a word the corpus simply does not
    contain ("bóng đá") is left alone, so an off-topic question never turns into an on-topic one.
    Upper-case tokens and numbers (abbreviations, "XIII", "2045") are never touched, nor are the
    question's function words: documents seldom write "bao nhiêu", and "nhiêu" must not become the
    "nhiều" of "nhiều doanh nghiệp" (the question would stop being a count).

    >>> vocab = Vocabulary.from_texts(["doanh nghiệp tư nhân", "chuyển đổi số"])
    >>> correct_typos("doamh nghiệp và chuyễn đổi số, bóng đá", vocab)[0]
    'doanh nghiệp và chuyển đổi số, bóng đá'
    >>> correct_typos("có bao nhiêu doanh nghiệp", Vocabulary.from_texts(["nhiều doanh nghiệp"]))[0]
    'có bao nhiêu doanh nghiệp'
    """
    toned = has_diacritics(text)
    matches = list(_WORD.finditer(text))
    words = [m.group(0) for m in matches]
    keys = [toned_key(w) if toned else plain_key(w) for w in words]
    corrections: dict[str, str] = {}
    out: list[str] = []
    last = 0
    for i, match in enumerate(matches):
        word = words[i]
        replacement = word
        function_word = keys[i] in (STOPWORDS_TONED if toned else STOPWORDS_PLAIN)
        if not (word.isdigit() or word.isupper() or function_word or vocabulary.knows(word, toned)):
            left = keys[i - 1] if i > 0 else None
            right = keys[i + 1] if i + 1 < len(keys) else None
            for key in vocabulary.candidates(word, toned):
                if vocabulary.supported(key, left, right, toned):
                    replacement = vocabulary.surface[key] if toned else plain_key(vocabulary.surface[key])
                    if word[:1].isupper():
                        replacement = replacement[:1].upper() + replacement[1:]
                    corrections[word] = replacement
                    keys[i] = key if toned else plain_key(replacement)
                    break
        out.append(text[last : match.start()] + replacement)
        last = match.end()
    out.append(text[last:])
    return "".join(out), corrections


# "mỗi / hằng / hàng tháng" says how often, not when: "mỗi năm mấy kỳ?", "mỗi tháng cỡ nào?".
_NOT_EVERY = "(?<!mỗi )(?<!hằng )(?<!hàng )"
# What kind of answer is wanted, from the question's wording (checked in this order).
_KIND_PATTERNS: list[tuple[QuestionKind, re.Pattern[str]]] = [
    # "…, đúng hay sai?", "có phải … không?": yes/no whatever else the sentence mentions ("thời hạn").
    # "Ai làm … thì có được tính … không?": "ai" is "whoever", the question is yes or no.
    ("yesno", re.compile(r"\b(đúng hay sai|đúng hay không|có phải|có đúng)\b|\b(phải|đúng|hay) không[?.! ]*$|"
                         r"^(ai|người nào)\b.*\bthì\b.*\b(không|ko)[?.! ]*$")),
    # "tháng mấy năm 2025?" asks when ("mỗi năm mấy kỳ?" asks how many); "vào những ngày nào?" lists no items.
    ("when", re.compile(rf"{_NOT_EVERY}\b((ngày|tháng|năm) mấy|(ngày|tháng) bao nhiêu)\b|\bmấy giờ\b|"
                        r"\bnhững (ngày|tháng|năm|thời điểm) nào\b")),
    # "Bí thư Quận ủy … tên là gì?" asks who holds the office.
    ("who", re.compile(r"\b(bí thư|chủ tịch|thủ tướng|bộ trưởng|giám đốc|trưởng ban)\b.*\btên (là )?gì\b")),
    # Without marks "mấy" is also "máy": "bo may" (bộ máy), "may tinh" (máy tính) ask no count.
    ("count", re.compile(r"\b(có mấy|(?<!bộ )mấy(?! móc| tính| bay)|bao nhiêu|số lượng|cỡ nào)\b")),
    # "Chỉ thị … các cấp do đồng chí nào ký?" asks who signed, not for a list of "các cấp".
    ("who", re.compile(r"\b(do|bởi) (ai|đồng chí nào|người nào|vị nào|ông nào|bà nào)\b|"
                       r"\b(đồng chí|vị|ông|bà) nào (ký|thay mặt)\b")),
    ("list", re.compile(r"\b(gồm|bao gồm|những (gì|nội dung|nhiệm vụ|giải pháp|mục tiêu|quan điểm)|"
                        r"những \w+( \w+)? nào|các \w+( \w+)*? là gì|các \w+( \w+){0,4}? nào|liệt kê|kể tên)\b")),
    ("who", re.compile(r"\b(là ai|ai là|ai đã|ai được|do ai|người nào|đồng chí nào|vị nào|ông nào|bà nào|ai)\b")),
    ("when", re.compile(r"\b(khi nào|bao giờ|bao lâu|năm nào|ngày nào|tháng nào|thời gian nào|lúc nào|thời điểm nào|"
                        r"hôm nào|bữa nào|hồi nào|"
                        r"thời hạn|hạn chót|trước ngày|đến ngày|"
                        rf"{_NOT_EVERY}(ngày|tháng|năm)( \w+){{1,2}} nào)\b")),  # not "mỗi tháng cỡ nào"
    ("where", re.compile(r"\b(ở đâu|tại đâu|nơi nào|địa điểm)\b")),
    ("yesno", re.compile(r"\b(có phải|phải không|đúng không|hay không|không\?|có đúng)")),
    ("definition", re.compile(r"\b(là gì|nghĩa là|được hiểu)\b")),
]
# The same patterns for a question typed without marks, matched against its plain keys ("co may").
_PLAIN_KIND_PATTERNS = [re.compile(plain_key(pattern.pattern)) for _kind, pattern in _KIND_PATTERNS]
# Words that open the noun phrase a list/count question asks about ("những nhiệm vụ trọng tâm nào").
_FOCUS_OPENERS = re.compile(r"\b(những|các|mấy|bao nhiêu|có mấy)\s+")
_FOCUS_STOP = frozenset(
    "nào gì là của mà được do theo về để cho với tại thì gồm bao có đã sẽ đang như nêu yêu cầu đề ra trong "
    "xác định quy định đặt ra "
    # particles that end a spoken question ("… lên bao nhiêu vậy?")
    "vậy thế nhỉ nhé ạ à hả ha đây đó không chưa nữa "
    "so "  # "bằng bao nhiêu so với chiều dài": a comparison, not what is counted
    "mấy "  # "là bao nhiêu, mấy chính thức mấy dự khuyết?": a second count begins
    "và hay hoặc".split()  # "họp tối đa mấy hôm và phải xong trước bữa nào?": a second question begins
)


_DOCUMENT_KINDS = ("nghi quyet", "ket luan", "chi thi", "thong bao", "quyet dinh", "nghi dinh", "thong tu", "luat")
# "Thông báo kết luận số 75-TB/TW" is Thông báo 75.
_REFERENCE = re.compile(r"\b(" + "|".join(_DOCUMENT_KINDS) + r")\s+(?:ket luan\s+)?(?:so\s+)?(\d+)\b")


_KIND_LABELS = {"nghi quyet": "Nghị quyết", "ket luan": "Kết luận", "chi thi": "Chỉ thị", "thong bao": "Thông báo",
                "quyet dinh": "Quyết định", "nghi dinh": "Nghị định", "thong tu": "Thông tư", "luat": "Luật"}
# A "Thông báo kết luận" is cited either way: "Kết luận 75" is Thông báo 75-TB/TW.
_SAME_DOCUMENT_KINDS = {"ket luan": "thong bao", "thong bao": "ket luan"}


def reference_label(ref: tuple[str, str]) -> str:
    """How a reply names a document reference.

    >>> reference_label(("nghi quyet", "59"))
    'Nghị quyết 59'
    """
    return f"{_KIND_LABELS.get(ref[0], ref[0])} {ref[1]}"


def reference_forms(ref: tuple[str, str]) -> list[tuple[str, str]]:
    """The ways a corpus may cite the document a question names ("kết luận 75" → also "thông báo 75").

    >>> reference_forms(("ket luan", "75")), reference_forms(("nghi quyet", "57"))
    ([('ket luan', '75'), ('thong bao', '75')], [('nghi quyet', '57')])
    """
    other = _SAME_DOCUMENT_KINDS.get(ref[0])
    return [ref, (other, ref[1])] if other else [ref]


def document_references(text: str) -> set[tuple[str, str]]:
    """The documents a text names by kind and number ("Kết luận 155", "NQ 57" once expanded, "nghi quyet 68").

    >>> sorted(document_references("Kết luận 118 điều chỉnh Chỉ thị số 35-CT/TW; nghi quyet 57"))
    [('chi thi', '35'), ('ket luan', '118'), ('nghi quyet', '57')]
    >>> sorted(document_references("Thông báo kết luận số 75-TB/TW, Nghị định số 177/2024/NĐ-CP"))
    [('nghi dinh', '177'), ('thong bao', '75')]
    """
    plain = " ".join(plain_tokens(text))
    return {(m.group(1), m.group(2).lstrip("0") or "0") for m in _REFERENCE.finditer(plain)}


# "mấy" after a preposition or opening the question, when something else asks the question, is the
# plural "những" (Southern speech): "Trong mấy câu khẩu hiệu có câu nào …?", "Mấy người làm ở xã …
# thì bao giờ …?", "Công đoàn trong mấy cơ quan … còn giữ hay bỏ?" ask no count; "có mấy", "tối đa
# mấy hôm", "làm thử mấy ngôi trường" do.
_DETERMINER_MAY = re.compile(r"(^|\b(?:trong|ở|cho|của|với|giữa|tại|theo|như|và|hay|mà|từ|làm ở|đối với|dân|bà con)\s+)"
                             r"mấy\b",
                             re.IGNORECASE)
_OTHER_QUESTION = re.compile(r"\b(nào|gì|sao|bao giờ|bao nhiêu|ai|đâu|có mấy|hay)\b|\b(không|ko|chưa)\s*[?.!]*\s*$",
                             re.IGNORECASE)
# The same, typed without marks.
_DETERMINER_MAY_PLAIN = re.compile(plain_key(_DETERMINER_MAY.pattern), re.IGNORECASE)
_OTHER_QUESTION_PLAIN = re.compile(plain_key(_OTHER_QUESTION.pattern), re.IGNORECASE)


def plural_determiners(text: str) -> str:
    """The question with a "mấy" that means "những" written as "những" (what its kind and focus are
    read from; retrieval keeps the words as typed).

    >>> plural_determiners("Trong mấy câu khẩu hiệu có câu nào nói về dân giàu không?")
    'Trong những câu khẩu hiệu có câu nào nói về dân giàu không?'
    >>> plural_determiners("Mấy tỉnh được sáp nhập?"), plural_determiners("Làm thử mấy trường cho mấy xã nào?")
    ('Mấy tỉnh được sáp nhập?', 'Làm thử mấy trường cho những xã nào?')
    >>> plural_determiners("Công đoàn trong mấy cơ quan ăn lương nhà nước còn giữ lại hay bỏ đi?")
    'Công đoàn trong những cơ quan ăn lương nhà nước còn giữ lại hay bỏ đi?'
    >>> plural_determiners("may nguoi lam o xa thi bao gio duoc lo")
    'nhung nguoi lam o xa thi bao gio duoc lo'
    >>> plural_determiners("Dân mấy tỉnh ven biển có thu nhập hơn cả nước bao nhiêu lần?")  # "dân" of those provinces
    'Dân những tỉnh ven biển có thu nhập hơn cả nước bao nhiêu lần?'
    """
    toned = has_diacritics(text)
    determiner, other, plural = ((_DETERMINER_MAY, _OTHER_QUESTION, "những") if toned
                                 else (_DETERMINER_MAY_PLAIN, _OTHER_QUESTION_PLAIN, "nhung"))
    if not determiner.search(text) or not other.search(determiner.sub(r"\1", text)):  # does anything else ask?
        return text

    def plural_for(m: re.Match[str]) -> str:
        typed = m.group(0)[len(m.group(1)):]
        return m.group(1) + (plural.capitalize() if typed[:1].isupper() else plural)

    return determiner.sub(plural_for, text)


def question_kind(text: str) -> QuestionKind:
    """The answer's shape the wording asks for (accents optional: "co may" is "có mấy").

    >>> question_kind("Kết luận 219 yêu cầu những nhiệm vụ trọng tâm nào?"), question_kind("ai la bi thu")
    ('list', 'who')
    """
    toned_text = " ".join(syllables(text))
    plain_text = " ".join(plain_tokens(text))
    for (kind, pattern), plain_pattern in zip(_KIND_PATTERNS, _PLAIN_KIND_PATTERNS, strict=True):
        if pattern.search(toned_text):
            return kind
        if not has_diacritics(text) and plain_pattern.search(plain_text):
            return kind
    return "fact"


def focus_terms(text: str, toned: bool, kind: QuestionKind | None = None) -> list[str]:
    """Term keys of the noun phrase a question asks about (up to four syllables).

    For a count question it is what follows "bao nhiêu"/"mấy" ("bao nhiêu tỷ đồng", possibly nothing:
    "chiếm bao nhiêu?"); otherwise what follows "những"/"các".

    >>> focus_terms("Kết luận 219 yêu cầu những nhiệm vụ trọng tâm nào?", True)
    ['nhiêm5', 'vu5', 'trong5', 'tâm']
    >>> focus_terms("Các tỉnh ven biển chiếm bao nhiêu trong tổng GDP?", True, "count")
    []
    >>> focus_terms("Dân dùng nước máy đạt chuẩn bao nhiêu phần trăm?", True, "count")
    ['phân2', 'trăm']
    >>> focus_terms("Chiều ngang so với chiều dài là bao nhiêu, màu gì?", True, "count")  # "màu" is asked apart
    []
    >>> focus_terms("được hỗ trợ bằng bao nhiêu % lương?", True, "count")  # "%" is a word too
    ['phân2', 'trăm', 'lương']
    """
    words = syllables(_PERCENT_SIGN.sub(" phần trăm", text))
    plain_words = [plain_key(w) for w in words]
    keys = [toned_key(w) for w in words] if toned else plain_words
    counting = {"may", "bao"}
    if kind == "count" and _BARE_COUNT.search(text):
        return []
    openers = counting if kind == "count" and counting & set(plain_words) else {"nhung", "cac", "may", "bao"}
    # Without marks "trong" (in) cannot be told from "trọng" (important): it never ends a plain phrase.
    stop = {toned_key(w) for w in _FOCUS_STOP} if toned else {plain_key(w) for w in _FOCUS_STOP} - {"trong"}
    for i, pw in enumerate(plain_words):
        if pw not in openers or toned and pw == "may" and words[i].lower() != "mấy":  # "nước máy" counts nothing
            continue
        j = i + 1
        if pw == "bao":
            if j >= len(plain_words) or plain_words[j] != "nhieu":
                continue
            j += 1
        phrase: list[str] = []
        while j < len(words) and len(phrase) < 4 and keys[j] not in stop and not words[j].isdigit():
            phrase.append(words[j])
            j += 1
        if phrase or pw in counting:
            return [toned_key(w) if toned else plain_key(w) for w in phrase]
    return []


_PERCENT_SIGN = re.compile(r"\s*%")
# "là bao nhiêu, màu gì?": the count asks for no unit; what follows the comma is another question.
_BARE_COUNT = re.compile(r"\b(bao nhi[eê]u|m[aấ]y)\s*[,;:?!]", re.IGNORECASE)


def analyse(question: str, vocabulary: Vocabulary | None = None) -> Question:
    """Normalise, expand abbreviations, correct typos, and read the question's kind and focus."""
    raw = question
    text = clean_whitespace(nfc(question))
    corrections: dict[str, str] = {}
    if vocabulary is not None:
        text, corrections = correct_typos(text, vocabulary)
    toned_input = has_diacritics(text)
    text = expand_abbreviations(text, vocabulary, plain=not toned_input)
    text = full_years(text)
    toned = has_diacritics(text)
    stop = STOPWORDS_TONED if toned else STOPWORDS_PLAIN
    shaped = plural_determiners(text)
    kind = question_kind(shaped)
    focus = [t for t in focus_terms(shaped, toned, kind) if t not in stop]
    numbers = [n for n in _NUMBER.findall(text)]
    found = tuple(rewordings(text, toned, vocabulary)) if vocabulary is not None else ()
    unknown = tuple(unknown_names(text, vocabulary, [r.typed for r in found])) if vocabulary is not None else ()
    return Question(raw, text, toned, kind, focus, document_references(text), numbers, corrections, found, unknown)
