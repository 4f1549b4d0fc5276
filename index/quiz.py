"""Quiz questions for trainers' study sessions, made from the corpus's own text and nothing else.

A study session ends with a check: multiple-choice questions a trainer can print or send as
Telegram quiz polls. Every question is read off the passage tree the chunker built:

* **enumerations** -- a lead-in or heading that owns numbered or bulleted items ("Các khâu đột
  phá:"): "Khâu đột phá thứ hai … là gì?" (its siblings are the distractors), "Có bao nhiêu nhiệm
  vụ trọng tâm?" (numbered lists only: the count is the last item's own marker), "Nội dung nào sau
  đây KHÔNG thuộc …?" and "… là một trong các …?" (outsiders taken from other lists, preferably
  lists of the same kind -- nhiệm vụ, mục tiêu, quan điểm, đột phá …);
* **numbers** -- a percentage, a count or a year in a sentence becomes "bao nhiêu" / "năm nào";
  distractors have the same unit and order of magnitude (numbers from the corpus first);
* **cloze** -- a quoted phrase (“vừa chạy vừa xếp hàng”) or what follows "là" ("quốc sách hàng
  đầu") is blanked; distractors are phrases of the same kind from elsewhere in the corpus.

The correct option is always a verbatim span of ``source`` (a long item is cut to a prefix ending
in "…"), and every question is checked against Telegram's quiz-poll limits, for distinct options
and for a stem that does not give the answer away before it is returned (`problems`). A section
that cannot give a good question gives none. Questions are deterministic for a seed.

>>> from hoidap.index.chunker import Chunker
>>> from hoidap.index.types import DocumentInfo, SourceDocument
>>> text = ("Các khâu đột phá:\\n(1) Cải cách hành chính, xây dựng chính quyền điện tử.\\n"
...         "(2) Đầu tư kết cấu hạ tầng đô thị đồng bộ, hiện đại.\\n(3) Nâng cao chất lượng nguồn nhân lực.")
>>> doc = SourceDocument("nq.txt", text, title="Nghị quyết 05-NQ/QU")
>>> quiz = QuizGenerator(Chunker().chunk(doc), {"nq.txt": DocumentInfo("nq.txt", doc.title)})
>>> q = quiz.for_section(0, seed=1)
>>> q.question
'Theo Nghị quyết 05-NQ/QU, có bao nhiêu khâu đột phá?'
>>> q.options[q.correct], q.source
('3', '(3) Nâng cao chất lượng nguồn nhân lực.')
"""

from __future__ import annotations

import functools
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from hoidap.index.chunker import is_reference_section, split_sentences
from hoidap.index.quiztext import (
    ELLIPSIS,
    EXPLANATION_LIMIT,
    MAX_OPTIONS,
    MIN_OPTIONS,
    MULTIPLIERS,
    NUMBER,
    OPTION_LIMIT,
    QUESTION_LIMIT,
    Quantity,
    Window,
    contains_words,
    document_label,
    format_number,
    is_vietnamese,
    number_value,
    option_text,
    ordinal,
    parse_quantity,
    shorten,
    strip_marker,
    text_key,
    word_overlap,
)
from hoidap.index.text import has_diacritics, nfc, syllables
from hoidap.index.types import DocumentInfo, Passage

QuizKind = Literal["enumeration_item", "enumeration_count", "not_in_list", "number", "cloze"]
KINDS: tuple[QuizKind, ...] = ("enumeration_item", "enumeration_count", "not_in_list", "number", "cloze")
OPTIONS_WANTED = 4  # the correct option and three distractors, when the corpus has them
MIN_QUIZ_OPTIONS = 3  # two options are a coin toss: such a question is not asked
BLANK = "……"


@dataclass(frozen=True)
class QuizQuestion:
    """One multiple-choice question, ready for a Telegram quiz poll or a printed sheet.

    ``passage_ids`` lists the passages used, the anchor first: for list questions the lead-in or
    heading that owns the list, then the passage the correct option comes from (whose text is
    ``source``), then the passages the other options come from; for number and cloze questions
    the passage of the sentence (its text is ``source``), then the distractors' passages.
    """

    question: str  # ≤ 300 characters
    options: list[str]  # 2–12 options, each ≤ 100 characters, all different
    correct: int  # index into options
    doc: str  # doc_id
    section: str  # heading chain " › "
    source: str  # the verbatim passage text the correct option comes from
    explanation: str  # ≤ 200 characters, names the source (document, section)
    kind: QuizKind
    passage_ids: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON line of `hoidap quiz --json`."""
        return {
            "question": self.question,
            "options": list(self.options),
            "correct": self.correct,
            "doc": self.doc,
            "section": self.section,
            "source": self.source,
            "explanation": self.explanation,
            "kind": self.kind,
        }


def problems(q: QuizQuestion) -> list[str]:
    """What is wrong with a question (empty when it may be asked): Telegram's limits, distinct
    options, the correct option a verbatim span of its source, a stem that does not state it.

    >>> problems(QuizQuestion("Có bao nhiêu khâu đột phá?", ["3", "3"], 0, "a", "", "(3) X.", "Nguồn: a.",
    ...                       "enumeration_count"))
    ['options repeat one another']
    """
    found = []
    if not q.question or len(q.question) > QUESTION_LIMIT:
        found.append(f"question has {len(q.question)} characters (limit {QUESTION_LIMIT})")
    if not MIN_OPTIONS <= len(q.options) <= MAX_OPTIONS:
        found.append(f"{len(q.options)} options (Telegram takes {MIN_OPTIONS}–{MAX_OPTIONS})")
    if any(not o or len(o) > OPTION_LIMIT for o in q.options):
        found.append(f"an option is empty or over {OPTION_LIMIT} characters")
    if len({text_key(o) for o in q.options}) != len(q.options):
        found.append("options repeat one another")
    if not 0 <= q.correct < len(q.options):
        found.append(f"correct index {q.correct} outside the options")
    elif q.options[q.correct].removesuffix(ELLIPSIS) not in q.source:
        found.append("the correct option is not a verbatim span of the source")
    if not q.explanation or len(q.explanation) > EXPLANATION_LIMIT:
        found.append(f"explanation has {len(q.explanation)} characters (limit {EXPLANATION_LIMIT})")
    if any(contains_words(q.question, o.removesuffix(ELLIPSIS)) for o in q.options):
        found.append("the question states one of its options")
    return found


# ---- what kind of list a lead-in announces --------------------------------------------------------


@dataclass(frozen=True)
class _Category:
    phrase: str  # as found in a lead-in ("khâu đột phá")
    family: str  # lists whose items make good distractors for each other
    noun: str  # how a question counts or orders the items


def _categories() -> list[_Category]:
    rows = [
        ("khâu đột phá", "đột phá"), ("đột phá chiến lược", "đột phá"), ("giải pháp đột phá", "nhiệm vụ"),
        ("nhiệm vụ trọng tâm", "nhiệm vụ"), ("nhiệm vụ, giải pháp", "nhiệm vụ"),
        ("nhiệm vụ và giải pháp", "nhiệm vụ"), ("nhóm nhiệm vụ", "nhiệm vụ"), ("nhiệm vụ", "nhiệm vụ"),
        ("giải pháp", "nhiệm vụ"), ("nhiệm vụ và quyền hạn", "thẩm quyền"), ("nhiệm vụ, quyền hạn", "thẩm quyền"),
        ("mục tiêu cụ thể", "mục tiêu"), ("mục tiêu, yêu cầu", "mục tiêu"), ("mục đích, yêu cầu", "mục tiêu"),
        ("mục tiêu tổng quát", "mục tiêu"), ("mục tiêu", "mục tiêu"),
        ("chỉ tiêu", "mục tiêu"), ("tầm nhìn", "mục tiêu"), ("định hướng", "mục tiêu"), ("phương hướng", "mục tiêu"),
        ("quan điểm chỉ đạo", "quan điểm"), ("quan điểm", "quan điểm"), ("nguyên tắc", "quan điểm"),
        ("phương châm", "quan điểm"), ("yêu cầu", "quan điểm"), ("nguyên nhân", "nguyên nhân"),
        ("hạn chế", "nguyên nhân"), ("hành vi bị nghiêm cấm", "hành vi"), ("khẩu hiệu", "khẩu hiệu"),
        ("nội dung", "nội dung"), ("báo cáo", "nội dung"), ("đối tượng", "đối tượng"),
    ]
    found = [_Category(p, f, p) for p, f in rows]
    found.append(_Category("tổ chức thực hiện", "tổ chức thực hiện", "nội dung"))
    return found


CATEGORIES = _categories()
_CATEGORY_RE = [(c, re.compile(rf"(?<!\w){re.escape(c.phrase)}(?!\w)")) for c in CATEGORIES]
_GENERIC_HEADINGS = {"noi dung chinh", "muc luc", "tom tat"}
_ARTICLE = re.compile(r"^(Điều|ĐIỀU)\s+\d+")
_JUNK = re.compile(
    r"https?://|www\.|\^|\||\{\{|`|Truy cập|Lưu trữ|Bài chi tiết|trợ giúp|\(Ảnh|Ảnh:|Hình từ Internet|"
    r"Hình ảnh từ Internet|\[\d+\]|\[sửa|ISBN|doi:|\btr\.\s*\d|\(\d{4}\)\.|Xem thêm|>>>|CS1|——|\(liên kết\)",
    re.IGNORECASE,
)


_QUANTIFIER = re.compile(r"(?:các|những|một số|\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+$")


def find_category(label: str, lead: bool = True) -> _Category | None:
    """The kind of list a lead-in or heading announces.

    A phrase after a quantifier wins ("… tầm nhìn đến năm 2045 xác định *ba khâu đột phá*"), else
    the phrase a heading starts with ("I. QUAN ĐIỂM CHỈ ĐẠO"), else -- for a lead-in only -- the
    earliest phrase; among phrases at one place the longest.

    >>> find_category("Quốc hội có những nhiệm vụ và quyền hạn sau đây:").phrase
    'nhiệm vụ và quyền hạn'
    >>> find_category("Chiến lược đến năm 2030, tầm nhìn đến năm 2045 xác định ba khâu đột phá như sau:").phrase
    'khâu đột phá'
    >>> find_category("I. QUAN ĐIỂM CHỈ ĐẠO", lead=False).phrase
    'quan điểm chỉ đạo'
    >>> find_category("2. Đổi mới tư duy, định hướng xây dựng pháp luật", lead=False) is None
    True
    """
    lowered = strip_marker(nfc(label).strip())[0].lower()
    hits = sorted((m.start(), -len(c.phrase), c.phrase, c) for c, rx in _CATEGORY_RE for m in [rx.search(lowered)] if m)
    if not hits:
        return None
    quantified = [h for h in hits if _QUANTIFIER.search(lowered[: h[0]])]
    if quantified:
        return quantified[0][3]
    if hits[0][0] == 0 or lead:
        return hits[0][3]
    return None


def _clean(p: Passage) -> bool:
    """Vietnamese prose fit for a question: no links, captions, wiki furniture or reference lists."""
    return (not _JUNK.search(p.text) and is_vietnamese(p.text)
            and not any(is_reference_section(label) for label in p.section))


def _label(text: str) -> str:
    """A lead-in or heading as a section name in a question: marker, colon and *italics* removed."""
    body = re.sub(r"\*([^*\n]+)\*", r"\1", strip_marker(text)[0])
    return shorten(body.strip().rstrip(" :"), 120)


# ---- structures found in the corpus ---------------------------------------------------------------


@dataclass(frozen=True)
class _List:
    head: Passage  # the lead-in, heading or item that owns the list
    members: tuple[Passage, ...]
    options: tuple[str, ...]  # each member as a poll option
    label: str  # the head as a section label
    category: _Category | None
    family: str | None  # category family, "điều" for a law article, None otherwise
    ordered: bool  # numbered 1..n without a gap, and nothing numbered n+1 after it
    digits: bool  # the markers are digits: the count is printed in the last marker
    short_form: bool  # the head says nothing but the category ("Các khâu đột phá"): it need not be quoted
    countable: bool  # the text shows the whole list (see `_list_at`), so "bao nhiêu" has one answer

    @property
    def doc(self) -> str:
        return self.head.doc_id

    @property
    def section(self) -> str:
        return " › ".join(self.members[0].section)


@dataclass(frozen=True)
class _Mention:
    """A number in a sentence that a question can ask for."""

    passage: Passage
    sentence: tuple[int, int]  # span of its sentence in passage.text
    span: tuple[int, int]  # span of the option in passage.text
    option: str  # verbatim: "41%", "2 triệu", "2030"
    asked: str  # what replaces it in the question: "bao nhiêu", "bao nhiêu phần trăm", "nào"
    unit: str  # "year", "%", or the counted noun ("doanh nghiep")
    quantity: Quantity | None  # None for years


@dataclass(frozen=True)
class _Phrase:
    """A key phrase a cloze question can blank out."""

    passage: Passage
    sentence: tuple[int, int]
    span: tuple[int, int]
    text: str
    style: str  # "quoted" or "copula"


@dataclass(frozen=True)
class _Candidate:
    kind: QuizKind
    doc: str
    core: tuple[int, ...]  # the passages the question is about (two questions never share one)
    build: Callable[[random.Random], QuizQuestion | None]


_YEAR = re.compile(r"(?<!\w)năm\s+(?P<y>(?:19|20)\d{2})(?![\d/–-]|\s*[-–]\s*\d)")
# "ngày 17 tháng 12 năm 1986" is a date, "Nghị quyết 72-NQ/TW năm 2025" a document's name and
# "đại hội đảng 13 năm 2024" a title: no year to ask for.
_NOT_YEAR_BEFORE = re.compile(r"(tháng\s+\d{1,2}|\d[-/][\wĐđ/.-]*|\d+)\s*$", re.IGNORECASE)
_MULT_RE = "|".join(MULTIPLIERS)
_QUANTITY_MENTION = re.compile(
    rf"(?<![\w/.,%-])(?P<q>(?P<a>{NUMBER})(?P<pa>\s?%)?(?:\s*[-–]\s*(?P<b>{NUMBER}))?"
    rf"(?:\s+(?P<mult>{_MULT_RE}))?(?P<pct>\s?%)?)"
    rf"(?:(?<=%)|(?![\w/]|[.,]\d|\s*[-–]\s*[A-ZĐ\d]|:\d))"  # "12%/năm" yes; "30/6", "57-NQ", "2.1." no
)
_CURRENCIES = {"USD", "VND", "EUR"}
_NOT_COUNTED = set("đến tới và hoặc trở so của trên dưới trong là đã được cho với từ tại về để thì mà này đó theo "
                   "lần khóa khoá".split())
_NOT_QUANTITY_BEFORE = {
    "điều", "khoản", "mục", "điểm", "chương", "phần", "số", "lần", "thứ", "ngày", "tháng", "quý", "khóa", "khoá",
    "kỳ", "tập", "trang", "tr", "phiên", "quyết", "luận", "thị", "định", "báo", "luật", "dẫn", "năm", "giờ", "lúc",
    "tiểu", "đoạn", "câu", "covid", "khu", "quận", "phường", "xã", "hình", "bảng", "ương", "nghị",
}
_COPULA = re.compile(r"(?<!\w)là\s+(?P<p>[^\W\d_][^,;.:()“”\"!?\n\d]*?)(?=\s*[,;.:!?()“”\"])")
_NOT_COPULA_BEFORE = {"nhất", "hết", "biệt", "yếu", "hay", "hoặc", "tức", "đó", "đây", "này", "như", "phải", "chính"}
_NOT_COPULA_START = set("ở đối trong thông với khi do vì để tại từ việc ông bà anh chị nhằm cần sẽ đã được có không "
                        "gì ai nào bao sao các những rất".split())
_VAGUE_COPULA = {"chu yeu", "can thiet", "quan trong", "cap bach", "dung", "sai"}  # "là chủ yếu": nothing to learn
_DATELINE = re.compile(r"^\([^()]{2,30}\)\s*[-–]\s*")
_QUOTED = re.compile(r"[“\"](?P<p>[^”\"\n]{3,80}?)[”\"]")


def _words_before(text: str, pos: int, n: int = 2) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_]+", text[max(0, pos - 40):pos])[-n:]]


# ---- the generator ----------------------------------------------------------------------------------


class QuizGenerator:
    """Questions on a corpus: `generate` a session's worth, or one `for_section` after a review.

    Everything the questions are made of is found once, in the constructor (lists, numbers, key
    phrases); a question is assembled on demand with the seed's random choices, so the same seed
    gives the same questions for the same index.
    """

    def __init__(self, passages: Sequence[Passage], documents: Mapping[str, DocumentInfo]) -> None:
        self._passages = {p.id: p for p in passages}
        self._documents = dict(documents)
        self._children: dict[int, list[Passage]] = defaultdict(list)
        for p in passages:
            if p.parent >= 0:
                self._children[p.parent].append(p)
        self._labels = {doc: self._document_label(doc) for doc in {p.doc_id for p in passages}}
        self._lists = [lst for p in passages if (lst := self._list_at(p))]
        self._label_counts = Counter((p.doc_id, text_key(_label(p.text))) for p in passages
                                     if p.kind in ("heading", "lead"))
        self._mentions = [m for p in passages if _clean(p) for m in self._mentions_in(p)]
        self._phrases = [ph for p in passages if p.kind in ("item", "paragraph") and _clean(p)
                         for ph in self._phrases_in(p)]
        self._candidates = self._all_candidates()
        self._by_doc: dict[str, list[_Candidate]] = defaultdict(list)
        for c in self._candidates:
            self._by_doc[c.doc].append(c)

    @classmethod
    def from_index(cls, index_dir: Path) -> QuizGenerator:
        """The generator for the published index (its catalog only: no vectors, no model)."""
        from hoidap.index.store import read_catalog

        _version, documents, passages = read_catalog(index_dir)
        return cls(passages, {d.doc_id: d for d in documents})

    @property
    def documents(self) -> list[str]:
        """Documents that give at least one question candidate."""
        return sorted(self._by_doc)

    # ---- public API -----------------------------------------------------------------------------

    def generate(self, n: int, seed: int = 0, doc: str | None = None) -> list[QuizQuestion]:
        """Up to `n` questions on the corpus (or one document), kinds and documents taken in turn."""
        if doc is not None and doc not in self._labels:
            raise ValueError(f"không có tài liệu {doc!r} trong chỉ mục; xem `hoidap docs list`")
        rng = random.Random(seed)
        pool = self._by_doc.get(doc, []) if doc is not None else self._candidates
        # kind -> doc -> candidates in a seeded order; documents are served least-used first.
        queues: dict[str, dict[str, list[_Candidate]]] = defaultdict(lambda: defaultdict(list))
        for c in rng.sample(pool, len(pool)):
            queues[c.kind][c.doc].append(c)
        kinds = [k for k in KINDS if k in queues]
        rng.shuffle(kinds)
        doc_order = {d: i for i, d in enumerate(rng.sample(sorted(self._labels), len(self._labels)))}
        used: set[int] = set()
        served: Counter[str] = Counter()
        out: list[QuizQuestion] = []
        while len(out) < n and any(queues[k] for k in kinds):
            for kind in kinds:
                if len(out) >= n:
                    break
                by_doc = queues[kind]
                if not by_doc:
                    continue
                chosen = min(by_doc, key=lambda d: (served[d], doc_order[d]))
                candidate = by_doc[chosen].pop()
                if not by_doc[chosen]:
                    del by_doc[chosen]
                if used.intersection(candidate.core):
                    continue
                question = candidate.build(rng)
                if question is None:
                    continue
                out.append(question)
                used.update(candidate.core)
                served[candidate.doc] += 1
        return out

    def for_section(self, passage_id: int, seed: int = 0) -> QuizQuestion | None:
        """A question on the section that holds this passage (for "Kiểm tra" after a review).

        The passage's own subtree is tried first, then its parent's, and so on up to the top of
        its document; None when nothing there gives a good question (or the id is unknown).
        """
        node = self._passages.get(passage_id)
        rng = random.Random(seed)
        while node is not None:
            lo, hi = node.id, max(node.subtree_end, node.id + 1)
            inside = [c for c in self._by_doc.get(node.doc_id, []) if all(lo <= i < hi for i in c.core)]
            by_kind: dict[str, list[_Candidate]] = defaultdict(list)
            for c in rng.sample(inside, len(inside)):
                by_kind[c.kind].append(c)
            kinds = sorted(by_kind)
            rng.shuffle(kinds)
            while kinds:
                for kind in list(kinds):
                    question = by_kind[kind].pop().build(rng)
                    if question is not None:
                        return question
                    if not by_kind[kind]:
                        kinds.remove(kind)
            node = self._passages.get(node.parent) if node.parent >= 0 else None
        return None

    # ---- finding lists ----------------------------------------------------------------------------

    def _document_label(self, doc: str) -> str:
        info = self._documents.get(doc)
        return document_label(info.title if info else doc, info.number if info else None, doc)

    def _list_at(self, head: Passage) -> _List | None:
        """The list this passage owns, when it is one a question can be asked about."""
        if head.kind == "paragraph" or not _clean(head):
            return None
        styles: dict[str, list[tuple[Passage, int | None]]] = defaultdict(list)
        for child in self._children.get(head.id, []):
            if child.kind in ("item", "heading"):
                _body, marker = strip_marker(child.text)
                if marker is not None:
                    styles[marker.style].append((child, marker.value))
        if not styles:
            return None
        style = max(styles, key=lambda s: len(styles[s]))  # ties: the style seen first
        entries = styles[style]
        members = tuple(p for p, _v in entries)
        if len(members) < 2 or not all(_clean(p) and "?" not in p.text for p in members):
            return None  # a list of questions for discussion is no list of facts
        options = tuple(option_text(p.text) for p in members)
        if any(len(syllables(o)) < 3 for o in options):
            return None
        label = _label(head.text)
        label_key = text_key(label)
        announces = head.kind == "lead" or head.text.rstrip().endswith(":")
        generic = label_key in _GENERIC_HEADINGS
        category = find_category(label, lead=announces) if not generic else None
        if generic and head.parent < 0:
            info = self._documents.get(head.doc_id)  # "Nội dung chính" of "Khẩu hiệu tuyên truyền …"
            category = find_category(info.title, lead=False) if info else None
        article = bool(_ARTICLE.match(head.text))
        numbered_section = head.kind == "heading" and strip_marker(head.text)[1] is not None
        if category is None and not (article or announces or numbered_section):
            return None
        values = [v for _p, v in entries]
        ordered = values == list(range(1, len(values) + 1))
        stripped = re.sub(r"^(các|những|một số)\s+", "", label.lower())
        short = (category is not None and category.noun == category.phrase
                 and (generic or text_key(stripped) == text_key(category.phrase)))
        # A count is asked only where the text shows the whole list: the lead-in announces it or
        # states its size, or a heading's items are not followed by prose (an excerpt's commentary).
        states_count = any(int(x) == len(values) for x in re.findall(r"(?<![\w/.-])\d+(?![\w/-])", label))
        siblings = self._children.get(head.id, [])
        after_last = siblings[siblings.index(members[-1]) + 1:]
        whole = states_count or announces or (len(members) >= 3 and all(p.kind != "paragraph" for p in after_last))
        countable = whole and not self._continues(head, style, len(values))
        return _List(
            head=head, members=members, options=options, label=label, category=category,
            family=category.family if category else ("điều" if article else None),
            ordered=ordered, digits=style in ("(num)", "num.", "num)"), short_form=short, countable=countable,
        )

    def _continues(self, head: Passage, style: str, n: int) -> bool:
        """True when an item numbered n+1 of the same style follows inside the list's section (a
        paragraph inside item 7 of a law article leaves items 8–15 outside the lead-in's subtree):
        the list goes on elsewhere, so its count is not its length."""
        parent = self._passages.get(head.parent)
        for i in range(head.id + 1, parent.subtree_end if parent else 1 << 62):
            p = self._passages.get(i)
            if p is None or p.doc_id != head.doc_id or (parent is None and i >= head.subtree_end
                                                         and p.parent < 0 and p.kind == "heading"):
                break
            if p.kind in ("item", "heading"):
                marker = strip_marker(p.text)[1]
                if marker is not None and marker.style == style and marker.value == n + 1:
                    return True
        return False

    # ---- finding numbers and phrases --------------------------------------------------------------

    def _sentences(self, p: Passage) -> list[tuple[int, int]]:
        body_start = len(p.text) - len(strip_marker(p.text)[0])
        spans = [(a + body_start, b + body_start) for a, b in split_sentences(p.text[body_start:])]
        return [(a, b) for a, b in spans if b - a <= 600 and not p.text[a:b].rstrip().endswith("?")]

    def _mentions_in(self, p: Passage) -> list[_Mention]:
        found: list[_Mention] = []
        if p.text.rstrip().endswith(":"):
            return found  # "… đến năm 2030 như sau:" announces a list; the list itself is asked about
        for a, b in self._sentences(p):
            sentence = p.text[a:b]
            for m in _YEAR.finditer(sentence):
                if _NOT_YEAR_BEFORE.search(sentence[: m.start()]):
                    continue
                span = (a + m.start("y"), a + m.end("y"))
                found.append(_Mention(p, (a, b), span, m["y"], "nào", "year", None))
            for m in _QUANTITY_MENTION.finditer(sentence):
                if int(m["a"].replace(".", "").split(",")[0] or 0) in range(1900, 2101) and not m["pct"]:
                    continue  # a year or a period ("2020-2025"), never a quantity
                before = _words_before(sentence, m.start())
                if before and before[-1] in _NOT_QUANTITY_BEFORE:
                    continue
                quantity = parse_quantity(m["q"])
                if quantity is None or quantity.low <= 0:
                    continue
                span = (a + m.start("q"), a + m.end("q"))
                if quantity.percent:
                    found.append(_Mention(p, (a, b), span, m["q"], "bao nhiêu phần trăm", "%", quantity))
                    continue
                noun = re.match(r"\s+([^\W\d_]+)(?:\s+([^\W\d_]+))?", sentence[m.end():])
                if (not noun or noun.group(1).lower() in _NOT_COUNTED
                        or not (noun.group(1)[0].islower() or noun.group(1) in _CURRENCIES)):
                    continue
                if noun.group(1).lower() in ("năm", "tháng") and re.match(r"\s+\d", sentence[m.end() + noun.end():]):
                    continue  # "2 tháng 9 năm 1945", "13 năm 2024": a date, not a count
                if quantity.low == 1:
                    continue  # "1 vạn dân": a rate's denominator, not a count to ask for
                unit = text_key(" ".join(w for w in noun.groups() if w and w.lower() not in _NOT_COUNTED))
                found.append(_Mention(p, (a, b), span, m["q"], "bao nhiêu", unit, quantity))
        return found

    def _phrases_in(self, p: Passage) -> list[_Phrase]:
        found: list[_Phrase] = []
        for a, b in self._sentences(p):
            sentence = p.text[a:b]
            for m in _QUOTED.finditer(sentence):
                raw = m["p"]
                text = raw.strip().rstrip(" ,.;:")
                start = a + m.start("p") + (len(raw) - len(raw.lstrip()))
                if 2 <= len(syllables(text)) <= 12 and has_diacritics(text) and not re.search(r"\d", text):
                    found.append(_Phrase(p, (a, b), (start, start + len(text)), text, "quoted"))
            for m in _COPULA.finditer(sentence):
                text = m["p"].strip()
                words = syllables(text)
                before = _words_before(sentence, m.start(), 1)
                if (not 2 <= len(words) <= 8 or not text[0].islower() or words[0] in _NOT_COPULA_START
                        or text_key(text) in _VAGUE_COPULA
                        or (before and before[0] in _NOT_COPULA_BEFORE) or " là " in f" {text} "):
                    continue
                start = a + m.start("p")
                rest = sentence[m.end("p"):].lstrip()
                if rest.startswith(","):  # "là sự nghiệp của Đảng, Nhà nước và của toàn dân": the list goes on
                    after = re.split(r"[,;.:!?]", rest[1:], maxsplit=1)[0]
                    if "là" not in syllables(after) and len(syllables(after)) < 7:
                        continue
                found.append(_Phrase(p, (a, b), (start, start + len(text)), text, "copula"))
        return found

    # ---- candidates ---------------------------------------------------------------------------------

    def _all_candidates(self) -> list[_Candidate]:
        out: list[_Candidate] = []
        categories_per_doc = Counter((lst.doc, lst.category.phrase) for lst in self._lists if lst.category)
        for lst in self._lists:
            if self._label_counts[(lst.doc, text_key(lst.label))] > 1:
                continue  # two sections of one document under the same name: a question could not say which
            head = lst.head.id
            unique = lst.category is not None and categories_per_doc[(lst.doc, lst.category.phrase)] == 1
            for i, member in enumerate(lst.members):
                if lst.category is not None and lst.ordered:
                    out.append(_Candidate("enumeration_item", lst.doc, (head, member.id),
                                          self._ordinal_builder(lst, i, unique)))
                out.append(_Candidate("enumeration_item", lst.doc, (head, member.id),
                                      self._membership_builder(lst, i, unique)))
            if lst.category is not None and lst.ordered and lst.digits and lst.countable:
                out.append(_Candidate("enumeration_count", lst.doc, (head,), self._count_builder(lst, unique)))
            if len(lst.members) >= MIN_QUIZ_OPTIONS:
                out.append(_Candidate("not_in_list", lst.doc, (head,), self._not_in_list_builder(lst, unique)))
        for mention in self._mentions:
            out.append(_Candidate("number", mention.passage.doc_id, (mention.passage.id,),
                                  self._number_builder(mention)))
        for phrase in self._phrases:
            out.append(_Candidate("cloze", phrase.passage.doc_id, (phrase.passage.id,),
                                  self._cloze_builder(phrase)))
        return out

    # ---- assembling a question ----------------------------------------------------------------------

    def _assemble(self, rng: random.Random, kind: QuizKind, stem: str, correct: str, wrong: Sequence[str], *,
                  doc: str, section: str, source: str, explanation: str, ids: Sequence[int]) -> QuizQuestion | None:
        if len(wrong) + 1 < MIN_QUIZ_OPTIONS:
            return None
        options = [correct, *wrong]
        order = rng.sample(range(len(options)), len(options))
        question = QuizQuestion(
            question=stem, options=[options[i] for i in order], correct=order.index(0), doc=doc,
            section=section, source=source, explanation=explanation, kind=kind,
            passage_ids=list(dict.fromkeys(ids)),
        )
        return None if problems(question) else question

    @staticmethod
    def _fitting(make: Callable[[int], str], limit: int, sizes: Sequence[int] = (120, 90, 60, 40, 25)) -> str | None:
        """The first text `make(size)` produces within `limit` characters, trying shorter sizes."""
        for size in sizes:
            text = make(size)
            if len(text) <= limit:
                return text
        return None

    def _explain(self, doc: str, section: str, source: str, span: tuple[int, int] | None) -> str:
        """Nguồn: document, section -- then, when there is room, the source's words around the answer."""
        made = self._fitting(lambda size: f"Nguồn: {_named(self._labels[doc], size + 10)}"
                             + (f", mục «{shorten(section, size // 2)}»." if section else "."), EXPLANATION_LIMIT - 60)
        head = made or f"Nguồn: {_named(self._labels[doc], 60)}."
        room = EXPLANATION_LIMIT - len(head) - len(" Nguyên văn: “”")
        if span is None or room < 60:
            return head
        return f"{head} Nguyên văn: “{shorten(Window.around(source, span[0], span[1], room).text, room)}”"

    @staticmethod
    def _pick(rng: random.Random, tiers: Sequence[Sequence[Any]], want: int, accept: Callable[[Any], bool]) -> list:
        """Up to `want` items, from the first tiers first (shuffled within a tier), each accepted."""
        chosen: list = []
        for tier in tiers:
            for item in rng.sample(list(tier), len(tier)):
                if len(chosen) >= want:
                    return chosen
                if accept(item):
                    chosen.append(item)
        return chosen

    @staticmethod
    def _distinct(options: list[str]) -> Callable[[str], bool]:
        """An acceptance test: an option differs (marks, case ignored) from every option so far."""
        keys = {text_key(o) for o in options}

        def accept(option: str) -> bool:
            key = text_key(option)
            if not key or key in keys:
                return False
            keys.add(key)
            options.append(option)
            return True

        return accept

    # ---- enumerations -------------------------------------------------------------------------------

    def _list_stem(self, lst: _List, unique: bool, short: Callable[[str], str],
                   long: Callable[[str, str], str]) -> str | None:
        doc_label = self._labels[lst.doc]
        if lst.short_form and unique:
            return self._fitting(lambda size: short(_named(doc_label, size)), QUESTION_LIMIT)
        return self._fitting(lambda size: long(_named(doc_label, size), shorten(lst.label, size)), QUESTION_LIMIT)

    def _ordinal_builder(self, lst: _List, i: int, unique: bool) -> Callable[[random.Random], QuizQuestion | None]:
        def build(rng: random.Random) -> QuizQuestion | None:
            assert lst.category is not None
            noun, nth = lst.category.noun, ordinal(i + 1)
            stem = self._list_stem(lst, unique, lambda d: f"Theo {d}, {noun} {nth} là gì?",
                                   lambda d, label: f"Theo {d}, {noun} {nth} trong mục «{label}» là gì?")
            if stem is None:
                return None
            correct = lst.options[i]
            taken = [correct]
            siblings = [j for j in range(len(lst.members)) if j != i]
            accept = self._distinct(taken)
            chosen = self._pick(rng, [siblings], OPTIONS_WANTED - 1, lambda j: accept(lst.options[j]))
            wrong = [lst.options[j] for j in chosen]
            ids = [lst.head.id, lst.members[i].id, *(lst.members[j].id for j in chosen)]
            if len(wrong) < OPTIONS_WANTED - 1:  # a two-item list: fill from lists of the same kind
                extra = self._outsiders(rng, lst, OPTIONS_WANTED - 1 - len(wrong), taken)
                wrong += [o for o, _p in extra]
                ids += [p.id for _o, p in extra]
            member = lst.members[i]
            explanation = self._explain(lst.doc, lst.label, member.text, self._option_span(member.text, correct))
            return self._assemble(rng, "enumeration_item", stem, correct, wrong, doc=lst.doc, section=lst.section,
                                  source=member.text, explanation=explanation, ids=ids)

        return build

    def _membership_builder(self, lst: _List, i: int, unique: bool) -> Callable[[random.Random], QuizQuestion | None]:
        def build(rng: random.Random) -> QuizQuestion | None:
            noun = lst.category.noun if lst.category else ""
            stem = self._list_stem(
                lst, unique, lambda d: f"Theo {d}, nội dung nào sau đây là một trong các {noun}?",
                lambda d, label: f"Theo {d}, nội dung nào sau đây thuộc mục «{label}»?")
            if stem is None:
                return None
            correct = lst.options[i]
            extra = self._outsiders(rng, lst, OPTIONS_WANTED - 1, [correct])
            member = lst.members[i]
            explanation = self._explain(lst.doc, lst.label, member.text, self._option_span(member.text, correct))
            return self._assemble(rng, "enumeration_item", stem, correct, [o for o, _p in extra], doc=lst.doc,
                                  section=lst.section, source=member.text, explanation=explanation,
                                  ids=[lst.head.id, member.id, *(p.id for _o, p in extra)])

        return build

    def _count_builder(self, lst: _List, unique: bool) -> Callable[[random.Random], QuizQuestion | None]:
        def build(rng: random.Random) -> QuizQuestion | None:
            assert lst.category is not None
            n, noun = len(lst.members), lst.category.noun
            # A lead-in that states the count ("4 nội dung sau") is quoted with the number hidden.
            label = re.sub(r"(?<![\w.,/-])0*(\d+)(?![\w.,/-])", lambda m: "…" if int(m[1]) == n else m[0], lst.label)
            shown = replace(lst, label=label)
            stem = self._list_stem(shown, unique, lambda d: f"Theo {d}, có bao nhiêu {noun}?",
                                   lambda d, lab: f"Theo {d}, mục «{lab}» nêu bao nhiêu {noun}?")
            if stem is None or any(w.isdigit() and int(w) == n for w in syllables(stem)):
                return None
            # Four consecutive counts around the answer, placed at random: no tell in where it sits.
            first = max(1, n - rng.randrange(OPTIONS_WANTED))
            wrong = [str(k) for k in range(first, first + OPTIONS_WANTED) if k != n]
            last = lst.members[-1]
            explanation = self._fitting(lambda size: f"Mục «{shorten(lst.label, size)}» liệt kê {n} {noun}, đánh số "
                                        f"từ 1 đến {n}. Nguồn: {_named(self._labels[lst.doc], size)}.",
                                        EXPLANATION_LIMIT, sizes=(120, 90, 60, 40, 25, 15))
            if explanation is None:
                return None
            return self._assemble(rng, "enumeration_count", stem, str(n), wrong, doc=lst.doc, section=lst.section,
                                  source=last.text, explanation=explanation,
                                  ids=[lst.head.id, last.id, *(p.id for p in lst.members[:-1])])

        return build

    def _not_in_list_builder(self, lst: _List, unique: bool) -> Callable[[random.Random], QuizQuestion | None]:
        def build(rng: random.Random) -> QuizQuestion | None:
            noun = lst.category.noun if lst.category else ""
            stem = self._list_stem(
                lst, unique, lambda d: f"Theo {d}, nội dung nào sau đây KHÔNG thuộc các {noun}?",
                lambda d, label: f"Theo {d}, nội dung nào sau đây KHÔNG thuộc mục «{label}»?")
            if stem is None:
                return None
            taken: list[str] = []
            accept = self._distinct(taken)
            chosen = self._pick(rng, [range(len(lst.members))], OPTIONS_WANTED - 1, lambda j: accept(lst.options[j]))
            extra = self._outsiders(rng, lst, 1, taken)
            if not extra or len(chosen) < MIN_QUIZ_OPTIONS - 1:
                return None
            correct, outsider = extra[0]
            owner = self._passages[outsider.parent]
            where = self._labels[owner.doc_id]
            here = self._labels[lst.doc]
            explanation = self._fitting(
                lambda size: f"Nội dung này thuộc mục «{shorten(_label(owner.text), size // 2)}»"
                + (f" ({_named(where, size // 2)})" if owner.doc_id != lst.doc else "") + ", "
                + f"không thuộc mục «{shorten(lst.label, size // 2)}» ({_named(here, size // 2)}).",
                EXPLANATION_LIMIT)
            if explanation is None:
                return None
            return self._assemble(rng, "not_in_list", stem, correct, [lst.options[j] for j in chosen], doc=lst.doc,
                                  section=lst.section, source=outsider.text, explanation=explanation,
                                  ids=[lst.head.id, outsider.id, *(lst.members[j].id for j in chosen)])

        return build

    def _outsiders(self, rng: random.Random, lst: _List, want: int, taken: list[str]) -> list[tuple[str, Passage]]:
        """Items of other lists that are certainly not in this one: lists of the same kind in the
        same document first, then of the same kind elsewhere, then other lists of the document."""
        inside = [(_key(t), _words(t)) for i in range(lst.head.id, lst.head.subtree_end)
                  if (t := self._passages[i].text if i in self._passages else "")]
        ancestors = set()
        node = self._passages.get(lst.head.parent)
        while node is not None:
            ancestors.add(node.id)
            node = self._passages.get(node.parent) if node.parent >= 0 else None
        shouting = _shouting(lst.options[0])
        typical = sum(len(o) for o in lst.options) / len(lst.options)
        tiers: list[list[tuple[str, Passage]]] = [[], [], [], []]
        for other in self._lists:
            if other.head.id == lst.head.id or lst.head.id <= other.head.id < lst.head.subtree_end:
                continue
            if other.doc == lst.doc and text_key(other.label) == text_key(lst.label):
                continue  # a namesake section: its items could be read as this one's
            if other.head.id in ancestors:
                continue  # the enclosing section's own items: often the same list, cut by a paragraph
            same_kind = lst.family is not None and other.family == lst.family
            same_doc = other.doc == lst.doc
            tier = 0 if same_kind and same_doc else 1 if same_kind else 2 if same_doc else 3
            tiers[tier] += [(o, p) for o, p in zip(other.options, other.members, strict=True)
                            if not lst.head.id <= p.id < lst.head.subtree_end]
        accept_text = self._distinct(taken)

        def accept(pair: tuple[str, Passage]) -> bool:
            option, passage = pair
            if _shouting(option) != shouting or not typical / 2 <= len(option) <= typical * 2:
                return False  # a capitalised slogan or a two-word label among sentences stands out
            key, words = _key(option), _words(passage.text)
            if any(_overlap(words, other) >= 0.6 or key in other_key for other_key, other in inside):
                return False  # the same item (or nearly) is in this list after all
            return accept_text(option)

        return self._pick(rng, tiers, want, accept)

    @staticmethod
    def _option_span(text: str, option: str) -> tuple[int, int] | None:
        start = text.find(option.removesuffix(ELLIPSIS))
        return (start, start + len(option.removesuffix(ELLIPSIS))) if start >= 0 else None

    # ---- numbers ------------------------------------------------------------------------------------

    def _clause(self, m: _Mention | _Phrase, limit: int = 200, numbers_end: bool = False) -> tuple[int, int]:
        """The span of the sentence around a mention a question quotes: its ";"-clause, narrowed to
        comma-separated parts (those before it for context, those after it -- with `numbers_end`,
        only while they hold no other number, so "bao nhiêu" is not followed by a list of figures)."""
        text, (a, b), (s, e) = m.passage.text, m.sentence, m.span
        bounds = [a] + [x.end() + a for x in re.finditer(r";\s*", text[a:b])] + [b]
        lo = max(x for x in bounds if x <= s)
        hi = min(x for x in bounds if x >= e)
        cuts = [lo] + [x.end() + lo for x in re.finditer(r",\s+", text[lo:hi])] + [hi]
        left = max(x for x in cuts if x <= s)
        right_cuts = [x for x in cuts if x >= e]
        right = right_cuts[0] if right_cuts else hi
        for x in sorted(x for x in cuts if x < left)[::-1]:
            if right - x > limit:
                break
            left = x
        for x in right_cuts[1:]:
            if x - left > limit or (numbers_end and re.search(r"\d", text[right:x])):
                break
            if len(syllables(text[right:x])) >= 3:  # not ", trong đó" left dangling
                right = x
        return left, right

    def _number_builder(self, mention: _Mention) -> Callable[[random.Random], QuizQuestion | None]:
        def build(rng: random.Random) -> QuizQuestion | None:
            p = mention.passage
            left, right = self._clause(mention, numbers_end=mention.quantity is not None)
            s, e = mention.span
            core = (p.text[left:s] + mention.asked + p.text[e:right]).strip().rstrip(" ,.;:/")
            if left > mention.sentence[0]:
                core = ELLIPSIS + core
            core = _DATELINE.sub("", core)  # "(Dân trí) - …": the news agency is no part of the question
            if not _readable(core.replace(mention.asked, " ")):
                return None
            section = " › ".join(p.section)
            last = p.section[-1] if p.section else ""
            doc_label = self._labels[p.doc_id]
            stem = self._fitting(
                lambda size: f"Theo {_named(doc_label, size)}" + (f" (mục «{shorten(last, size)}»)" if last else "")
                + f": {core}?", QUESTION_LIMIT)
            if stem is None:
                return None
            if contains_words(stem, mention.option):  # e.g. the section heading states the answer
                stem = f"Theo {_named(doc_label, 60)}: {core}?"
            wrong, ids = self._number_distractors(rng, mention, stem)
            explanation = self._explain(p.doc_id, last, p.text, mention.span)
            return self._assemble(rng, "number", stem, mention.option, wrong, doc=p.doc_id, section=section,
                                  source=p.text, explanation=explanation, ids=[p.id, *ids])

        return build

    def _number_distractors(self, rng: random.Random, mention: _Mention, stem: str) -> tuple[list[str], list[int]]:
        taken = [mention.option]
        accept_text = self._distinct(taken)

        def accept(option: str) -> bool:
            return not contains_words(stem, option) and accept_text(option)

        if mention.quantity is None:  # a year: years the corpus names nearby, then round steps away
            year = int(mention.option)
            years = {m.option: m.passage.id for m in self._mentions if m.unit == "year"}
            near = sorted(y for y in years if abs(int(y) - year) <= 15)
            fallback = [str(year + d) for d in (-10, -5, 5, 10, 15, 20) if year + d <= 2100]
            chosen = self._pick(rng, [near, fallback], OPTIONS_WANTED - 1, accept)
            return chosen, [years[o] for o in chosen if o in years]
        q = mention.quantity
        decimals = "," in mention.option
        alike = [m for m in self._mentions
                 if m.unit == mention.unit and m.quantity is not None and m.quantity.percent == q.percent
                 and (m.quantity.high is None) == (q.high is None) and m.quantity.magnitude == q.magnitude
                 and m.quantity.low != q.low and _same_multiplier(m.option, mention.option)
                 and not re.match(r"0\d", m.option)]
        sources = {m.option: m.passage.id for m in alike}
        # The corpus's own figures close to the answer and written alike, then round numbers near
        # it, then any figure of that unit and size.
        near = sorted({m.option for m in alike if ("," in m.option) == decimals and
                       0.5 <= (m.quantity.low / q.low if m.quantity else 0) <= 2})
        chosen = self._pick(rng, [near, _perturbed(mention.option, q), sorted({m.option for m in alike})],
                            OPTIONS_WANTED - 1, accept)
        return chosen, [sources[o] for o in chosen if o in sources]

    # ---- cloze --------------------------------------------------------------------------------------

    def _cloze_builder(self, phrase: _Phrase) -> Callable[[random.Random], QuizQuestion | None]:
        def build(rng: random.Random) -> QuizQuestion | None:
            p = phrase.passage
            a, b = phrase.sentence
            s, e = phrase.span
            if b - a > 220:
                a, b = self._clause(phrase, limit=200)
            if not _readable(p.text[a:s] + " " + p.text[e:b]):
                return None  # the phrase is (nearly) the whole sentence: nothing to read it from
            snippet = (ELLIPSIS if a > phrase.sentence[0] else "") + (p.text[a:s] + BLANK + p.text[e:b]).strip() + (
                ELLIPSIS if b < phrase.sentence[1] else "")
            doc_label = self._labels[p.doc_id]
            stem = self._fitting(lambda size: f"Điền vào chỗ trống ({_named(doc_label, size)}): {snippet}",
                                 QUESTION_LIMIT)
            if stem is None:
                return None
            n = len(syllables(phrase.text))
            taken = [phrase.text]
            accept_text = self._distinct(taken)
            same_doc = [ph for ph in self._phrases if ph.passage.doc_id == p.doc_id]
            others = [ph for ph in self._phrases if ph.passage.doc_id != p.doc_id]

            def accept(other: _Phrase) -> bool:
                return (other.style == phrase.style and other.passage.id != p.id
                        and abs(len(syllables(other.text)) - n) <= max(2, n // 2)
                        and other.text[0].isupper() == phrase.text[0].isupper()
                        and _shouting(other.text) == _shouting(phrase.text)
                        and word_overlap(other.text, phrase.text) < 0.5
                        and not contains_words(stem, other.text) and not contains_words(p.text, other.text)
                        and accept_text(other.text))

            chosen = self._pick(rng, [same_doc, others], OPTIONS_WANTED - 1, accept)
            section = " › ".join(p.section)
            explanation = self._explain(p.doc_id, p.section[-1] if p.section else "", p.text, phrase.span)
            return self._assemble(rng, "cloze", stem, phrase.text, [c.text for c in chosen], doc=p.doc_id,
                                  section=section, source=p.text, explanation=explanation,
                                  ids=[p.id, *(c.passage.id for c in chosen)])

        return build


@functools.lru_cache(maxsize=1 << 16)
def _key(text: str) -> str:
    return text_key(text)


@functools.lru_cache(maxsize=1 << 16)
def _words(text: str) -> frozenset[str]:
    return frozenset(_key(text).split())


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """`word_overlap` on precomputed syllable sets."""
    return len(a & b) / len(a | b) if a and b else 0.0


def _named(label: str, size: int) -> str:
    """A document label cut to `size` characters, keeping the «» of a quoted title whole."""
    prefix = "tài liệu «"
    if len(label) > size and label.startswith(prefix) and label.endswith("»"):
        return f"{prefix}{shorten(label[len(prefix):-1], max(12, size - len(prefix) - 1))}»"
    return shorten(label, size)


def _readable(context: str) -> bool:
    """Enough words around a blank to tell what is asked, and no bracket or quotation left open by a cut."""
    return (len(syllables(context)) >= 6 and context.count("(") == context.count(")")
            and context.count("“") == context.count("”") and context.count('"') % 2 == 0)


def _shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _same_multiplier(a: str, b: str) -> bool:
    """"2 triệu" goes with "3 triệu", not with "3.000.000" nor "3 nghìn"."""
    return [w for w in a.split() if w in MULTIPLIERS] == [w for w in b.split() if w in MULTIPLIERS]


_NUMBER_RE = re.compile(NUMBER)


def _replace_numbers(option: str, numbers: list[str]) -> str:
    """The option with its numbers replaced in order: "10 - 12%" with ["15", "18"] is "15 - 18%"."""
    spans = [m.span() for m in _NUMBER_RE.finditer(option)]
    out, last = [], 0
    for (start, end), number in zip(spans, numbers, strict=True):
        out += [option[last:start], number]
        last = end
    return "".join(out) + option[last:]


def _perturbed(option: str, q: Quantity) -> list[str]:
    """Numbers near the answer, of the same shape, unit and order of magnitude, written the way
    the answer is written ("41%" → "33%", "2 triệu" → "3 triệu"): used when the corpus has too
    few numbers of that unit to choose from."""
    numbers = _NUMBER_RE.findall(option)
    decimals = max((len(x.split(",")[1]) if "," in x else 0) for x in numbers)
    thousands = any("." in x for x in numbers)
    # Rounded as the answer is rounded: "4.700" gives "3.500", "18" gives "14", "250" gives "190".
    significant = [max(2 if number_value(x) >= 10 else 1, len(str(int(number_value(x))).rstrip("0")))
                   for x in numbers]
    out = []
    for factor in (0.75, 1.25, 0.6, 1.5, 0.8, 2.0, 0.5, 2.5, 3.0):
        values = []
        for x, digits in zip(numbers, significant, strict=True):
            v = number_value(x) * factor
            if decimals == 0 and v >= 1:
                step = 10 ** max(0, len(str(int(v))) - digits)
                v = round(v / step) * step
            values.append(round(v, decimals))
        if any(v <= 0 for v in values) or (len(values) == 2 and values[0] >= values[1]):
            continue
        text = _replace_numbers(option, [format_number(v, decimals, thousands) for v in values])
        made = parse_quantity(text)
        if made is None or made.magnitude != q.magnitude:
            continue
        if q.percent and (made.high or made.low) > max(100.0, q.high or q.low):
            continue  # no 120 percent next to 90 percent
        out.append(text)
    return out


LETTERS = "ABCDEFGHIJKL"


def format_sheet(questions: Sequence[QuizQuestion], title: str = "CÂU HỎI ÔN TẬP", width: int = 100) -> str:
    """Questions as a printed sheet: numbered, options A/B/C/D…, the answer key at the end.

    >>> q = QuizQuestion("Có bao nhiêu khâu đột phá?", ["2", "3", "4"], 1, "a.txt", "", "(3) X.",
    ...                  "Nguồn: tài liệu «A».", "enumeration_count")
    >>> print(format_sheet([q]))
    CÂU HỎI ÔN TẬP (1 câu)
    <BLANKLINE>
    Câu 1. Có bao nhiêu khâu đột phá?
       A. 2
       B. 3
       C. 4
    <BLANKLINE>
    ĐÁP ÁN
    1. B — Nguồn: tài liệu «A».
    """
    import textwrap

    lines = [f"{title} ({len(questions)} câu)", ""]
    for n, q in enumerate(questions, 1):
        lines.append(textwrap.fill(f"Câu {n}. {q.question}", width, subsequent_indent="   "))
        for letter, option in zip(LETTERS, q.options, strict=False):
            lines.append(textwrap.fill(f"{letter}. {option}", width, initial_indent="   ", subsequent_indent="      "))
        lines.append("")
    lines.append("ĐÁP ÁN")
    for n, q in enumerate(questions, 1):
        lines.append(textwrap.fill(f"{n}. {LETTERS[q.correct]} — {q.explanation}", width, subsequent_indent="   "))
    return "\n".join(lines)
