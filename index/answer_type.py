"""Does a passage contain the kind of thing the question asks for?

"Tổng mức đầu tư … là bao nhiêu tỷ đồng?" is answered only by a text that states a number of "tỷ
đồng"; "… khai mạc vào ngày nào?" only by one that states a day; "… là ai?" only by one that names a
person. A unit that speaks of the right topic but states none of these is the nearest passage, not
an answer — the difference between a question the corpus answers and one it only touches on.

>>> from hoidap.index.question import analyse
>>> answer_present("Tổng mức đầu tư khoảng 11.000 tỷ đồng.", analyse("Tổng vốn là bao nhiêu tỷ đồng?"))
1.0
>>> answer_present("Dự án được Bộ Chính trị đồng ý chủ trương.", analyse("Tổng vốn là bao nhiêu tỷ đồng?"))
0.0
>>> answer_present("Đại hội khai mạc ngày 19/1/2026.", analyse("Đại hội khai mạc ngày nào?"))
1.0
>>> answer_present("Đại hội dự kiến tổ chức đầu năm 2026.", analyse("Đại hội khai mạc ngày nào?"))
0.0
>>> answer_present("Đồng chí Nguyễn Văn Nam được bầu làm Bí thư.", analyse("Ai được bầu làm Bí thư?"))
1.0
>>> answer_present("Ngày 26/11/2025, Ban Chấp hành ban hành Kết luận 219 về Nghị quyết 19 năm 2022.",
...                analyse("Nghị quyết 19 được ban hành ngày tháng nào năm 2022?"))
0.0
"""

from __future__ import annotations

import re
from functools import lru_cache

from hoidap.index.question import Question
from hoidap.index.signals import ORDINAL_DIGITS, roman_numbers
from hoidap.index.text import UPPER, has_diacritics, plain_key, syllables, toned_key, without_marks

_NUMBER_WORDS = frozenset("một hai ba bốn năm sáu bảy tám chín mười mươi trăm nghìn ngàn triệu tỷ".split())
# Words inside a number ("mười lăm", "hai mươi mốt", "3 triệu", "1,5 nghìn"): they may stand between a
# number and its unit.
_MAGNITUDES = frozenset("nghin ngan trieu ty ti tram muoi lam mot tu nham hai ba bon nam sau bay tam chin".split()
                        # a fraction of a whole: "hai phần ba tổng số đại biểu"
                        + ["phan", "tong", "so"])
_PERCENT = re.compile(r"\d\s*%|phần trăm", re.IGNORECASE)
# A day: "ngày 19", "19/1", "19/1/2026", "19.1.2026" — not a range such as "5 - 6%".
# "2 tháng 9 năm 1945" too: the Constitution writes dates in words.
_DAY = re.compile(r"\bngày\s+\d{1,2}\b|\b\d{1,2}/\d{1,2}(/\d{2,4})?\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b|"
                  r"\b\d{1,2}\s+tháng\s+\d{1,2}\b", re.IGNORECASE)
_MONTH = re.compile(r"\btháng\s+\d{1,2}\b|\b\d{1,2}\s*/\s*\d{4}\b|\btháng\s+(giêng|chạp)", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_ANY_TIME = re.compile(r"\b(1[89]|20)\d\d\b|\bngày\s+\d|\btháng\s+\d|\bquý\s+[IV1-4]|\b\d{1,2}/\d{1,2}", re.IGNORECASE)
# Vietnamese surnames: a capitalised run starting with one of them is a person's name.
_SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Tô Trương Đinh Lâm Mai Trịnh Đào "
    "Cao Lương Hà Phùng Chu Tạ Lưu Quách Đoàn Thái Kiều Vương Triệu Tôn Khổng Văn Từ Lại Giang Nông Âu Mạc "
    "Thân Lục Đàm Tăng Hứa Châu Kim La Diệp Tống Quan Hầu Ông Nghiêm".split()
)
# "Hồ Chí Minh" in "Thành phố Hồ Chí Minh" or "tư tưởng Hồ Chí Minh" is not an answer to "ai?".
_NOT_A_PERSON_BEFORE = re.compile(r"(thành phố|tp\.?|tư tưởng|đường|quảng trường|lăng|sân bay|tỉnh|quận|huyện)\s*$",
                                  re.IGNORECASE)
# Offices and bodies: the answer to "ai là người đứng đầu Nhà nước?" is "Chủ tịch nước". Written in
# any case ("bí thư cấp ủy kiêm người đứng đầu"), and with the authorities one reports to ("… thì
# phải báo cho ai?" → "Đồn Biên phòng sở tại").
_OFFICE = re.compile(r"\b(Chủ tịch|Phó Chủ tịch|Thủ tướng|Tổng Bí thư|Bí thư|Bộ trưởng|Quốc hội|Chính phủ|"
                     r"Bộ Chính trị|Ban Bí thư|Ban Chấp hành|Tòa án|Toà án|Viện kiểm sát|Hội đồng|Ủy ban|Uỷ ban|"
                     r"Mặt trận|Ban Thường vụ|Đảng ủy|Đảng uỷ|Tỉnh ủy|Thành ủy|Quận ủy|"
                     r"Đồn|Công an|Biên phòng|Chỉ huy)\b", re.IGNORECASE)
# "đồng chí Tô Lâm" is a name; "các đồng chí Ủy viên Bộ Chính trị" is an office.
# "Đoàn Chủ tịch" (a presidium) and "Đoàn Thư ký" (a secretariat) start with a surname.
_BODY_LIKE_A_NAME = re.compile(r"\bĐoàn (Chủ tịch|Thư ký|Đại biểu|Kiểm tra)\b")
_TITLE_BEFORE_NAME = re.compile(rf"\b(đồng chí|ông|bà|giáo sư|tiến sĩ|GS|TS)\.?\s+"
                                r"(?!(Ủy|Uỷ) viên|Bí thư|Chủ tịch|Phó|Tổng|Trưởng|Thủ tướng|Bộ trưởng|Ban|Đại biểu)"
                                rf"[{UPPER}]")


# "Đồng chí nào ký …?" asks for a person: a body ("Ban Chấp hành Trung ương ban hành …") is no answer.
_PERSON_ASKED = re.compile(r" (dong chi|ong|ba|vi) nao | ky (?!hop)")
_NOT_SIGNING = re.compile(r" (nhiem|hoc|dinh|thoi|chu|mot|hai|ba|bon|nam|moi|cac|nhung) ky ")
# "ký" as signing: not "kỳ họp", "kỷ luật", "kỹ thuật", "ký hiệu" … (the same plain key).
_SIGNING = re.compile(r" ky (?!hop|luat|niem|thuat|nang|vong|tich|cuong|luc|hieu|tuc|uc|quan|la |cang|luong|"
                      r"thi|vi|lan|nay|truoc|toi|sau|i |ii |v )")
# Offices held by one person: "Bí thư … là ai?" wants the Bí thư, not the "Phó Bí thư".
# "Ban Bí thư" (the Secretariat) and "Đoàn Chủ tịch" (a presidium) are bodies, not one person's office.
_PERSON_OFFICE = re.compile(r"\b(Tổng Bí thư|(?<!Ban )Bí thư|(?<!Đoàn )Chủ tịch|Thủ tướng|Bộ trưởng|Trưởng ban|"
                            r"Chánh án|Viện trưởng|Giám đốc|Chủ nhiệm)\b", re.IGNORECASE)
# Who signs is one holder of an office, written as its title ("Chủ tịch Quốc hội … ký"), not a
# position listed in lower case ("chỉ định … bí thư, phó bí thư").
_PERSON_OFFICE_TITLE = re.compile(_PERSON_OFFICE.pattern)
# "… bầu ai làm Bí thư?" (not "bầu cử") is answered by the sentence that says who was elected.
_ELECTION_ASKED = re.compile(r" bau (?!cu )")
_ELECTED = re.compile(r" (bau|dac cu|trung cu|tai cu|ke nhiem) ")
_GROUP_ASKED = re.compile(r" nhung ai | doi tuong nao ")
# "Chủ tịch nước do ai bầu?", "ai bổ nhiệm Thủ tướng?", "ai giữ quyền Chủ tịch nước?": the office named is
# the one acted on, and who acts on it is as often a body ("Quốc hội bầu") or another office ("Phó Chủ
# tịch nước giữ quyền Chủ tịch nước") as a person.
_AGENT_ASKED = re.compile(r" do ai | ai (bau|bo nhiem|phe chuan|mien nhiem|bai nhiem|chi dinh|de cu|gioi thieu|"
                          r"giu quyen|quyen|thay the) ")
_DEPUTY = re.compile(r"\b(Phó|phó)\s+$")


@lru_cache(maxsize=4096)
def _person_asked(question: str) -> bool:
    """"Đồng chí nào …", "ông/bà/vị nào …" or "… ký …": the answer is a person, not a body.

    >>> [_person_asked(q) for q in ("KL 219 do đồng chí nào ký?", "ai ky nghi quyet 57", "Ai ban hành NQ 57?")]
    [True, True, False]
    >>> _person_asked("Bí thư nhiệm kỳ 2020-2025 là ai?")
    False
    """
    plain_q = _plain_text(question)
    return bool(_PERSON_ASKED.search(_NOT_SIGNING.sub(" ", plain_q)))


def _signs(text: str) -> bool:
    """The text says "ký" as signing, not as "nhiệm kỳ", "kỳ họp" or "kỷ luật" (same plain key).

    >>> [_signs(t) for t in ("Ai ký Kết luận 157?", "(Đã ký)", "nhiệm kỳ 2020-2025", "ky luat phat ngon")]
    [True, True, False, False]
    """
    return bool(_SIGNING.search(_NOT_SIGNING.sub(" ", _plain_text(text))))


def asks_who_acted(q: Question) -> bool:
    """A who-question about one act — who signed, who was elected — rather than who holds an office:
    only a sentence that reports the act answers it, so a unit with none is no near answer either.

    >>> from hoidap.index.question import analyse
    >>> [asks_who_acted(analyse(t)) for t in ("Ai ký Kết luận 219?", "Đại hội VI bầu ai làm Tổng Bí thư?",
    ...                                       "Bí thư Quận ủy là ai?", "Ai chủ trì cuộc bầu cử?")]
    [True, True, False, False]
    """
    return q.kind == "who" and (_signing_asked(q.text) or _election_asked(q.text))


@lru_cache(maxsize=4096)
def _signing_asked(question: str) -> bool:
    """"Ai ký …?" (read once per question, not per sentence checked)."""
    return _signs(question)


@lru_cache(maxsize=4096)
def _election_asked(question: str) -> bool:
    """"… bầu ai làm …?", not "bầu cử" (read once per question, not per sentence checked)."""
    return bool(_ELECTION_ASKED.search(_plain_text(question)))


@lru_cache(maxsize=4096)
def _offices_named(question: str) -> frozenset[str]:
    """The offices and bodies a question names, case-folded (read once per question, not per sentence)."""
    return frozenset(m.group(0).casefold() for m in _OFFICE.finditer(question))


def _not_the_office_asked(text: str, question: str) -> bool:
    """`text` names none of the offices the question asks about at the rank it asks: "Bí thư Quận ủy …
    là ai?" is not answered by "Phó Bí thư Thường trực Quận ủy … Nguyễn Xuân Phong", nor "Phó Bí thư
    … là ai?" by "Trương Quốc Lâm tái đắc cử Bí thư Quận ủy", nor "Ai được bầu làm Chủ nhiệm Ủy ban
    Kiểm tra?" by a sentence that names only who became Bí thư.

    >>> _not_the_office_asked("Phó Bí thư Quận ủy Nguyễn Xuân Phong phát biểu", "Bí thư Quận ủy là ai?")
    True
    >>> _not_the_office_asked("Phó Bí thư Lê Văn A và Bí thư Trần Văn B", "Bí thư Quận ủy là ai?")
    False
    >>> _not_the_office_asked("Ông Lâm tái đắc cử Bí thư Quận ủy", "Ai được bầu làm Phó Bí thư Quận ủy?")
    True
    >>> _not_the_office_asked("Ông Lâm tái đắc cử Bí thư Quận ủy", "Ai được bầu làm Chủ nhiệm Ủy ban Kiểm tra?")
    True
    """
    asked_offices = list(_PERSON_OFFICE.finditer(question))
    for asked in asked_offices:
        deputy = bool(_DEPUTY.search(question[: asked.start()]))
        found = re.finditer(rf"\b{asked.group(0)}\b", text, re.IGNORECASE)
        if any(bool(_DEPUTY.search(text[: m.start()])) == deputy for m in found):
            return False
    return bool(asked_offices)


# Bodies whose size a question may ask ("Ban Thường vụ Quận ủy gồm bao nhiêu người?"), and the words
# for their members (plain keys of the counted noun's first syllables).
_BODY = re.compile(r"\b(Bộ Chính trị|Ban Bí thư|Ban Thường vụ|Ban Chấp hành|Ủy ban Kiểm tra|Uỷ ban Kiểm tra|"
                   r"Đoàn Chủ tịch|Đoàn Thư ký|Ban Chỉ đạo|Hội đồng)\b", re.IGNORECASE)
_MEMBERS = (["nguoi"], ["uy", "vien"], ["dong", "chi"], ["thanh", "vien"])


@lru_cache(maxsize=65536)
def _bodies_named(text: str) -> frozenset[str]:
    """The bodies a question or sentence names, without marks ("bo chinh tri")."""
    return frozenset(without_marks(m.group(0)) for m in _BODY.finditer(text))


def _not_the_body_asked(text: str, question: str) -> bool:
    """The question counts the members of a body and the sentence counts another one's: "Bộ Chính trị
    khóa VI gồm bao nhiêu ủy viên?" is not answered by "bầu ra Ban Chấp hành Trung ương gồm 124 ủy
    viên". A sentence that names no body ("Gồm 180 Ủy viên chính thức …") takes it from its context.

    >>> _not_the_body_asked("Đại hội bầu Ban Chấp hành gồm 124 ủy viên", "Bộ Chính trị có bao nhiêu ủy viên?")
    True
    >>> [_not_the_body_asked(t, "Bộ Chính trị có bao nhiêu ủy viên?") for t in ("Bộ Chính trị gồm 13 ủy viên",
    ...                                                                          "Gồm 13 ủy viên")]
    [False, False]
    """
    asked = _bodies_named(question)
    named = _bodies_named(text)
    return bool(asked) and bool(named) and not asked & named


def names_a_person(text: str, question: str = "") -> bool:
    """A person's name: "Nguyễn Văn Nam", "đồng chí Tô Lâm" (not "Ban Chấp hành", "Hồ Chí Minh" in the
    city's name) — other than a name the question itself writes: "Quận ủy Hoàng Mai" does not answer
    "Bí thư Quận ủy Hoàng Mai là ai?".

    >>> names_a_person("Bí thư Quận ủy Nguyễn Văn Nam khẳng định"), names_a_person("Thành phố Hồ Chí Minh")
    (True, False)
    >>> names_a_person("Quận ủy Hoàng Mai tổ chức hội nghị", "Bí thư Quận ủy Hoàng Mai là ai?")
    False
    >>> names_a_person("Giao các đồng chí Ủy viên Bộ Chính trị chỉ đạo"), names_a_person("đồng chí Trần Cẩm Tú ký")
    (False, True)
    >>> names_a_person("Đại hội bầu Đoàn Chủ tịch, Đoàn Thư ký Đại hội")  # "Đoàn" is a surname too
    False
    """
    if _TITLE_BEFORE_NAME.search(text):
        return True
    text = _BODY_LIKE_A_NAME.sub(" ", text)
    asked = set(_tokens(question)[1]) if question else set()
    words = list(re.finditer(r"\w+", text))
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j].group(0)[:1].isupper() and not words[j].group(0)[:1].isdigit():
            j += 1
        run = [w.group(0) for w in words[i:j]]
        for k, word in enumerate(run):  # a name may follow a capitalised title: "Quận ủy" is not, "Bí thư" neither
            if word in _SURNAMES and 2 <= len(run) - k <= 4:
                if asked and all(plain_key(w) in asked for w in run[k:]):
                    break
                before = text[max(0, words[i + k].start() - 20) : words[i + k].start()]
                if not _NOT_A_PERSON_BEFORE.search(before):
                    return True
                break
        i = max(j, i + 1)
    return False


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[list[str], list[str]]:
    """Syllables and their plain keys (cached: the same sentences are checked question after question)."""
    words = syllables(text)
    return words, [plain_key(w) for w in words]


def _iy(key: str) -> str:
    """One spelling for a final i/y after a consonant: "kỳ"/"kì", "tỷ"/"tỉ", "lý"/"lí", "quý"/"quí"
    are the same word, written both ways ("mỗi năm mấy kì?" is answered by "hai kỳ").

    >>> [_iy(k) for k in ("ky", "ki", "quy", "huy", "tay")]
    ['ki', 'ki', 'qui', 'huy', 'tay']
    """
    if key.endswith("y") and len(key) >= 2 and (key[-2] not in "aeiouy" or key == "quy"):
        return key[:-1] + "i"
    return key


# Classifier nouns stand before what is counted and are often left out: "298 (bức) điện mừng".
_CLASSIFIERS = frozenset("buc con cai chiec ngoi tam quyen cuon can toa ban ong vi tuyen".split())  # "mấy ông bác sĩ"
# Everyday words for a counted unit: "họp mấy hôm?" is answered by "không quá 2 ngày".
_SPOKEN_UNITS = {"hom": frozenset({"ngay"}), "bua": frozenset({"ngay"}), "luot": frozenset({"lan"})}
# "lọt top mấy ASEAN?" asks a place among the first: "thuộc nhóm 3 nước đứng đầu ASEAN", "top 3".
_TOP_PLACE = re.compile(r"\b(nhóm|top)\s+(\d+|ba|bốn|năm|mười)\b", re.IGNORECASE)
# Units of measure between a number and what it measures: "22–23 triệu tấn lương thực", "1.000 ha rừng".
_MEASURE_UNITS = frozenset("tan kg ha km lit met usd".split())  # not "tạ": plain "ta" is "nước ta"
_CURRENCIES = frozenset("dong usd do rup euro yen vnd nhan".split())
_IS = frozenset({"la", "gom", "co", "dat", "bang"})  # "số thành viên chính thức là 124"
_ABOUT = frozenset({"khoang", "hon", "tren", "gan", "toi", "da", "thieu", "tu", "den", "chung"})


def _number_before(text: str, unit: list[str], also: frozenset[str] = frozenset()) -> bool:
    """A number (digits or number words; not a year, not an ordinal) followed within three syllables
    by the unit's first syllable ("248 trường", "3 triệu doanh nghiệp", "hai báo cáo") or by one of
    `also`, standing inside the unit ("Đảng bộ 18 phường"), or followed closely by two of its later
    syllables ("5 cơ sở giáo dục đại học"); or the unit stated first, then "là/gồm/có/đạt" and the
    number ("số thành viên chính thức là 124")."""
    words, plain = _tokens(text)
    targets = {_iy(t) for t in ({unit[0]} | also)} if unit else None
    for i, w in enumerate(words):
        if not (w[:1].isdigit() or w in _NUMBER_WORDS) or _is_year(plain, i) or i and _before_ordinal(words[i - 1]):
            continue
        if targets is None or _split_around(plain, i, unit):
            return True
        for p in plain[i + 1 : i + 5]:
            if _iy(p) in targets:
                return True
            if not (p.isdigit() or p in _MAGNITUDES or p in _CLASSIFIERS or p in _MEASURE_UNITS):  # "5 tuyến hẻm"
                break
        if _pair_after(plain, i, unit):
            return True
    return targets is not None and _number_after(words, plain, targets, len(unit), frozenset(unit[1:]))


def _pair_after(plain: list[str], i: int, unit: list[str]) -> bool:
    """Two adjacent later syllables of the counted phrase follow the number closely: "5 cơ sở giáo dục
    đại học" states a number of "trường đại học".

    >>> _pair_after(["5", "co", "so", "giao", "duc", "dai", "hoc"], 0, ["truong", "dai", "hoc"])
    True
    """
    after = list(zip(plain[i + 1 : i + 7], plain[i + 2 : i + 7], strict=False))
    return any(pair in after for pair in zip(unit[1:], unit[2:], strict=False))


def _split_around(plain: list[str], i: int, unit: list[str]) -> bool:
    """The number at `i` stands inside the counted phrase: "Đảng bộ 18 phường" states a number of
    "đảng bộ phường" (the phrase's head before the number, the rest after it).

    >>> _split_around(["dang", "bo", "18", "phuong"], 2, ["dang", "bo", "phuong"])
    True
    """
    return any(plain[max(0, i - j) : i] == unit[:j] and plain[i + 1 : i + 2] == unit[j : j + 1]
               for j in range(1, len(unit)))


# "kỳ họp thứ 1 Ban Chấp hành", "khóa 15", "Chỉ thị số 45": an ordinal or a document's number, no quantity.
_ORDINAL_MARKERS = ("thứ", "khóa", "số")
_BEFORE_ORDINAL = frozenset(plain_key(w) for w in _ORDINAL_MARKERS)  # what a phone without marks types
_ORDINAL_WORDS = frozenset(toned_key(w) for w in _ORDINAL_MARKERS)  # "thư" of "Bí thư" is none of them
_YEAR_KEY = re.compile(r"(1[89]|20)\d\d")
_BEFORE_YEAR = frozenset({"nam", "ky", "khoa", "doan"})  # "năm 2025", "nhiệm kỳ", "khóa", "giai đoạn"


def _before_ordinal(word: str) -> bool:
    """"thứ 76", "khóa 15", "số 45" — but not "Bí thư 76 tuổi" ("thư" and "thứ" are one plain key).

    >>> _before_ordinal("thứ"), _before_ordinal("thư"), _before_ordinal("thu")
    (True, False, True)
    """
    key = plain_key(word)
    return key in _BEFORE_ORDINAL and (not has_diacritics(word) or toned_key(word) in _ORDINAL_WORDS)


def _is_year(plain: list[str], i: int) -> bool:
    """Syllable `i` is a year, not a quantity: "nhiệm kỳ 2020-2025 Đảng bộ …" states no number of
    "đảng viên". A year is a four-digit 19xx/20xx after "năm/kỳ/khóa/giai đoạn" or beside another.

    >>> _is_year(["nhiem", "ky", "2020", "2025", "dang", "bo"], 3), _is_year(["co", "2020", "dang", "vien"], 1)
    (True, False)
    """
    if not _YEAR_KEY.fullmatch(plain[i]):
        return False
    before = plain[i - 1] if i else ""
    after = plain[i + 1] if i + 1 < len(plain) else ""
    return before in _BEFORE_YEAR or bool(_YEAR_KEY.fullmatch(before)) or bool(_YEAR_KEY.fullmatch(after))


def _number_after(words: list[str], plain: list[str], targets: set[str], length: int,
                  rest: frozenset[str] = frozenset()) -> bool:
    """The unit (its first syllable, or one of the `rest`, and up to `length` + 1 more), then
    "là|gồm|có|đạt|bằng", maybe "khoảng/hơn/trên", then a number: "số thành viên chính thức là 124"
    states a number of "ủy viên chính thức"."""
    for i, p in enumerate(plain):
        if _iy(p) not in targets and p not in rest:
            continue
        for j in range(i + 1, min(i + length + 3, len(plain))):
            if plain[j] in _IS:
                k = j + 1
                while k < len(plain) and plain[k] in _ABOUT:
                    k += 1
                if k < len(words) and (words[k][:1].isdigit() or words[k] in _NUMBER_WORDS):
                    return True
                break
    return False


_DATED = re.compile(r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*((?:19|20)\d\d)\b|"
                    r"\b(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def _day_in_year(text: str, named: tuple[str, ...]) -> bool:
    """A day is stated — in a year the question names, when it names any ("ngày nào năm 2022?" is not
    answered by "ngày 26/11/2025"). Every year named counts: "Chỉ thị 35 năm 2019 … nhiệm kỳ
    2020-2025 … trước ngày nào?" is answered by "30/6/2020"."""
    years, has_day = _dates(text)
    if not named:
        return has_day
    if any(year in years for year in named):
        return True
    return not years and has_day and any(year in text for year in named)


@lru_cache(maxsize=65536)
def _dates(text: str) -> tuple[tuple[str, ...], bool]:
    """The years of the full dates a text states, and whether it states a day at all (cached: the
    same sentences are checked question after question)."""
    return tuple(m.group(1) or m.group(2) for m in _DATED.finditer(text)), bool(_DAY.search(text))


@lru_cache(maxsize=4096)
def _people_words(question: str) -> frozenset[str]:
    """What a "bao nhiêu người?" may count: people named by the question's own words, "đồng chí", or
    the documents' usual nouns for people ("1 triệu lao động", "5.000 cán bộ")."""
    return frozenset(_tokens(question)[1]) - _NOT_COUNTED | _PEOPLE


# First syllables of the documents' nouns for people: đồng chí, lao động, cán bộ, ủy viên, chuyên gia,
# bác sĩ, giáo viên, giảng viên, nhân lực / nhân viên, sinh viên.
_PEOPLE = frozenset("dong lao can uy chuyen bac giao giang nhan sinh".split())


_NOT_COUNTED = frozenset("bao nhieu la co the duoc so luong cu the quy dinh nam ngay thang".split())
# Nouns that name what a figure measures ("tỷ lệ", "sản lượng", "tổng mức đầu tư"): documents state
# such a figure with its measure ("tỷ lệ cấp ủy viên nữ từ 15%"), so a question naming one is answered
# only by a sentence that names it too. Generic words ("mức", "số lượng", "giá") are not among them:
# "mức chi … bao nhiêu %?" is answered by "chi … đạt 20%".
_MEASURES = tuple(f" {m} " for m in (
    "ty le", "san luong", "tong muc dau tu", "kinh phi", "toc do", "thu nhap", "quy mo", "dien tich",
    "dan so", "tuoi tho", "ngan sach", "kim ngach", "lai suat", "hoc phi", "luong co so", "tro cap",
    "phu cap"))


# A payment on top of a wage is written "phụ cấp", "trợ cấp" or "hỗ trợ" ("hỗ trợ hằng tháng bằng 100%
# mức lương" answers "phụ cấp thêm hàng tháng bao nhiêu?").
_ALLOWANCES = (" phu cap ", " tro cap ", " ho tro ")


def _with_kin(measures: tuple[str, ...]) -> tuple[str, ...]:
    return measures + _ALLOWANCES if any(m in _ALLOWANCES for m in measures) else measures


@lru_cache(maxsize=4096)
def _measures_named(question: str) -> tuple[str, ...]:
    plain_q = _plain_text(question)
    return tuple(m for m in _MEASURES if m in plain_q)


@lru_cache(maxsize=65536)
def _plain_text(text: str) -> str:
    """The text's syllables without marks, space-separated and space-padded (" ty le cap uy "): what
    the checks of a question's wording and of a sentence's measures search."""
    return f" {' '.join(_tokens(text)[1])} "


_TIME_UNITS = ("ngay", "thang", "nam", "tuan", "gio", "quy")
_EVERY = re.compile(r"\b(mỗi|hằng|hàng)\s+(ngày|tuần|tháng|quý|năm)\b", re.IGNORECASE)  # "bao lâu một lần?"


@lru_cache(maxsize=4096)
def _ordinal_asked(question: str) -> bool:
    """"Lần thứ mấy", "khóa thứ mấy": the answer is an ordinal, not a quantity ("làm thử mấy
    trường?" asks a quantity: with marks, "thử" is not "thứ").

    >>> [_ordinal_asked(q) for q in ("Đại hội lần thứ mấy?", "dai hoi lan thu may", "Làm thử mấy trường?")]
    [True, True, False]
    """
    if has_diacritics(question):
        return re.search(r"\bthứ mấy\b", question, re.IGNORECASE) is not None
    return " thu may " in _plain_text(question)


@lru_cache(maxsize=4096)
def _time_asked(question: str) -> str:
    """What a when-question asks for: "duration" ("thời hạn bao lâu?"), "day", "month", "year" or
    "any" (read once per question, not once per sentence it is checked against)."""
    plain_q = _plain_text(question)
    if re.search(r"\bbao lau\b|\bthoi han\b|\bthoi gian bao\b", plain_q):
        return "duration"
    if re.search(r"\bngay (nao|cu the|bao nhieu|thang)\b|\bnhung ngay\b", plain_q):
        return "day"
    if re.search(r"\bthang (nao|may)\b", plain_q):
        return "month"
    if re.search(r"\bnam (nao|bao nhieu)\b", plain_q):
        return "year"
    return "any"


# "Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị": the date a cited document was issued.
_REFERENCE_DATE = re.compile(r"\b(\d{1,4})[-/][A-ZĐ]{1,5}(?:/[A-ZĐ]{1,5})*\b,?\s*(?:ban hành\s+)?ngày\s+"
                             r"\d{1,2}\s*(?:/\s*\d{1,2}\s*/\s*\d{2,4}|tháng\s+\d{1,2}\s+năm\s+\d{4})")


# A news page's own time stamp ("Giờ đăng bài viết gốc: 14/04/2025 23:02", "Ngày đăng 11/09/2020 |
# 09:12") says when the page was posted, not when anything it reports happens.
_POSTED = re.compile(r"\b(giờ|ngày) đăng( bài viết gốc)?\s*:?\s*[\d/:|. ]*", re.IGNORECASE)
# "không dưới 1/3 tổng số", "không quá 1/2 ngày": a small fraction with no year, not a day and month.
_FRACTION = re.compile(r"(?<![\d/])(?<!ngày )\b([1-3])/([2-4])\b(?![/\d])")


@lru_cache(maxsize=65536)
def _dated_text(text: str) -> str:
    """The sentence without what looks like a day but is none, a news page's posting time and a small
    fraction (cached: the same sentences are checked question after question)."""
    return _FRACTION.sub(_fraction_out, _POSTED.sub("", text))


def _fraction_out(m: re.Match[str]) -> str:
    """Blank a fraction ("1/3"); keep what may be a day ("3/2" is 3 February).

    >>> _FRACTION.sub(_fraction_out, "không dưới 1/3 tổng số; ngày 1/3; sáng 3/2; 1/3/2025")
    'không dưới  tổng số; ngày 1/3; sáng 3/2; 1/3/2025'
    """
    return "" if int(m.group(1)) < int(m.group(2)) else m.group(0)


# "theo Hiến pháp 2013": the year names the document, it does not date the day asked for.
_DOCUMENT_YEAR = re.compile(r"\b(Hiến pháp|Cương lĩnh)\s+(năm\s+)?(1[89]|20)\d\d\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _years_asked(question: str) -> tuple[str, ...]:
    """The years a when-question's day must fall in: those it names, but for a document's own year.

    >>> _years_asked("Quốc khánh là ngày nào theo Hiến pháp 2013?"), _years_asked("NQ 19 ban hành ngày nào năm 2022?")
    ((), ('2022',))
    """
    return tuple(m.group(0) for m in _YEAR.finditer(_DOCUMENT_YEAR.sub("", question)))


def _without_reference_dates(text: str, question: str) -> str:
    """The text without the issue dates of the documents it cites, unless the question names that
    document: "Đại hội XIV khai mạc ngày nào?" is not answered by "Chỉ thị số 35-CT/TW, ngày
    14/6/2024", but "Chỉ thị 35 ban hành ngày nào?" is.

    >>> _without_reference_dates("thay Chỉ thị số 35-CT/TW, ngày 14/6/2024 của Bộ Chính trị", "Đại hội họp ngày nào?")
    'thay Chỉ thị số  của Bộ Chính trị'
    >>> _without_reference_dates("Chỉ thị số 35-CT/TW, ngày 14/6/2024", "Chỉ thị 35 ra ngày nào?")
    'Chỉ thị số 35-CT/TW, ngày 14/6/2024'
    """
    if "ngày" not in text:
        return text
    numbers = set(re.findall(r"\d+", question))
    return _REFERENCE_DATE.sub(lambda m: m.group(0) if m.group(1) in numbers else "", text)


def _unit_rewordings(q: Question, unit: list[str]) -> frozenset[str]:
    """The documents' words for the counted thing (`unit`, plain keys) when the question uses an
    everyday one ("bao nhiêu công ty" is answered by "940 nghìn doanh nghiệp"): the first syllable of
    each formal phrase of a rewording whose typed phrase starts with the counted word
    (index/everyday.py)."""
    if not unit or not q.rewordings:
        return frozenset()
    return frozenset(plain_key(formal.split()[0]) for r in q.rewordings
                     if plain_key(r.typed.split()[0]) == unit[0] for formal in r.formal)


def prepare(sentence: str) -> None:
    """Read a sentence's syllables and dates into the caches the checks use (warming an index up)."""
    _tokens(sentence)
    _dates(sentence)
    _plain_text(sentence)
    _dated_text(sentence)


def answer_present(text: str, q: Question) -> float:
    """1.0 when `text` states what `q` asks for (a number of the asked unit, a day, a month, a year, a
    person), 0.0 when it does not; 1.0 for questions whose answer has no fixed form."""
    if q.kind == "count":
        if _ordinal_asked(q.text):  # "lần thứ mấy?": "lần thứ XXVI", "Đại hội XIII", "khóa 15"
            return float(bool(roman_numbers(text) or ORDINAL_DIGITS.search(text)))
        if " so may " in _plain_text(q.text):  # "tờ trình số mấy?": a document's number, "số 224-TTr"
            return float(any(ch.isdigit() for ch in text))
        if " top may " in _plain_text(q.text):
            return float(bool(_TOP_PLACE.search(text)))
        unit = [plain_key(w.rstrip("012345")) for w in q.focus]
        if unit[:2] == ["phan", "tram"]:
            return float(bool(_PERCENT.search(text)))
        if unit[:1] == ["phan"]:  # "chiếm mấy phần tổng chi?": "20% tổng chi", "hai phần ba"
            return float(bool(_PERCENT.search(text)) or _number_before(text, unit))
        if unit[:2] in _MEMBERS and _not_the_body_asked(text, q.text):
            return 0.0  # "Bộ Chính trị gồm bao nhiêu ủy viên?" is not answered by the size of the Ban Chấp hành
        if unit[:1] == ["nguoi"]:  # "… giảng viên … bao nhiêu người?": "2.000 giảng viên", "41 đồng chí"
            return float(_number_before(text, unit, _people_words(q.text)))
        measures = _measures_named(q.text)
        if measures and not any(m in _plain_text(text) for m in _with_kin(measures)) and not (
                measures == (" ty le ",) and _PERCENT.search(text)):  # a "tỷ lệ" is stated as a percentage
            return 0.0  # "sản lượng khai thác … bao nhiêu tấn?" is not answered by some other tonnage
        also = _unit_rewordings(q, unit) | _SPOKEN_UNITS.get(unit[0] if unit else "", frozenset())
        if len(unit) > 1 and unit[0] in _CLASSIFIERS:  # "bao nhiêu bức điện": "298 điện mừng" counts too
            also |= {unit[1]}
        if unit[:1] == ["tien"] or len(unit) == 1 and unit[0] in _CURRENCIES:  # "bao nhiêu tiền / đô": "8–9 tỷ rúp"
            also |= _CURRENCIES
        return float(_number_before(text, unit, also) or _number_before(text, []) and not unit)
    if q.kind == "when":
        wanted = _time_asked(q.text)
        if wanted == "duration":  # "thời hạn bao lâu?": "mười lăm ngày", "02 năm", or a deadline
            return float(bool(_ANY_TIME.search(text) or _EVERY.search(text))
                         or any(_number_before(text, [u]) for u in _TIME_UNITS))
        text = _without_reference_dates(_dated_text(text), q.text)
        if wanted == "day":
            return float(_day_in_year(text, _years_asked(q.text)))
        if wanted == "month":
            return float(bool(_MONTH.search(text) or _DAY.search(text)))
        if wanted == "year":
            return float(bool(_YEAR.search(text)))
        return float(bool(_ANY_TIME.search(text)))
    if q.kind == "who":
        if _GROUP_ASKED.search(_plain_text(q.text)):  # "những ai được hưởng?": a kind of people, in any words
            return 1.0
        if _signing_asked(q.text) and not _signs(text):  # "Ai ký KL 127?" is answered where the signing is said
            return 0.0
        if _election_asked(q.text) and not _ELECTED.search(_plain_text(text)):
            return 0.0  # "Ai được bầu làm Tổng Bí thư …?": not by a sentence that only names him in office
        # A question that names an office ("Bí thư Quận ủy … là ai?") wants its holder; otherwise an
        # office or body is an answer too ("Ai là người đứng đầu Nhà nước?" → "Chủ tịch nước"),
        # unless the question asks for a person ("đồng chí nào ký …?").
        if names_a_person(text, q.text):
            return float(not _not_the_office_asked(text, q.text))
        if _AGENT_ASKED.search(_plain_text(q.text)) and not _person_asked(q.text):
            # "Chủ tịch nước do ai bầu?": an office or body other than the one acted on ("do Quốc hội bầu")
            acted_on = _offices_named(q.text)
            return float(any(m.group(0).casefold() not in acted_on for m in _OFFICE.finditer(text)))
        if _PERSON_OFFICE.search(q.text):  # "Bí thư … là ai?" wants a name; "ai … của Quốc hội?" may be an office
            return 0.0
        # "Ai ký chứng thực Hiến pháp?": "Chủ tịch Quốc hội … ký", an office held by one person
        return float(bool((_PERSON_OFFICE_TITLE if _person_asked(q.text) else _OFFICE).search(text)))
    return 1.0
