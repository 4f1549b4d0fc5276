"""The documents as the study features see them: newest first, outlines, review units, quotes.

Built from one index version's catalog (documents and passages), so browsing, review and the
quiz never mix two versions; the bot keeps one ``Library`` per served version. Passage ids are
positions in that version's passage list, and a document's passages are one contiguous id range.

>>> from hoidap.index.types import DocumentInfo, Passage
>>> ps = [Passage(0, "a.txt", "heading", "I. MỤC TIÊU", [], 0, 11, -1, 3),
...       Passage(1, "a.txt", "lead", "Các khâu đột phá:", ["I. MỤC TIÊU"], 12, 29, 0, 3),
...       Passage(2, "a.txt", "item", "(1) Cải cách hành chính.", ["I. MỤC TIÊU", "Các khâu đột phá:"], 30, 54, 1, 3)]
>>> lib = Library("v1", {"a.txt": DocumentInfo("a.txt", "Nghị quyết A", date="2024-12-22")}, ps)
>>> [(e.pid, e.depth, e.label) for e in lib.outline("a.txt")]
[(0, 0, 'I. MỤC TIÊU'), (1, 1, 'Các khâu đột phá:')]
>>> print(lib.section(1).text)
Các khâu đột phá:
(1) Cải cách hành chính.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from hoidap.index.text import plain_key, syllables, vietnamese_sort_key
from hoidap.index.types import AnswerPassage, DocumentInfo, Passage

REVIEW_CHARS = 2500  # a review card quotes at most about this much (several short sections together)


@dataclass(frozen=True)
class OutlineEntry:
    """One line of a document's table of contents: a heading, a lead-in or a top-level paragraph."""

    pid: int
    depth: int
    label: str


def short(text: str, limit: int) -> str:
    """The first line of ``text``, cut at a word boundary to at most ``limit`` characters.

    >>> short("Các khâu đột phá của quận trong nhiệm kỳ mới", 20)
    'Các khâu đột phá…'
    """
    line = " ".join(text.split("\n", 1)[0].split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–") + "…"


class Library:
    """One index version's documents and passages, with the views the study features need."""

    def __init__(self, version: str, documents: Mapping[str, DocumentInfo], passages: Sequence[Passage]) -> None:
        self.version = version
        self.documents = documents
        self.passages = passages
        self._outlines: dict[str, list[OutlineEntry]] = {}
        self._units: dict[str, list[tuple[int, int]]] = {}

    # -- documents -------------------------------------------------------------------------------
    @cached_property
    def newest_first(self) -> list[DocumentInfo]:
        """Documents by date, newest first; undated ones last, in Vietnamese alphabetical order."""
        dated = sorted((d for d in self.documents.values() if d.date), key=lambda d: str(d.date), reverse=True)
        undated = sorted((d for d in self.documents.values() if not d.date),
                         key=lambda d: vietnamese_sort_key(d.title or d.doc_id))
        return dated + undated

    @cached_property
    def ranges(self) -> dict[str, tuple[int, int]]:
        """Each document's passage id range [first, end)."""
        out: dict[str, tuple[int, int]] = {}
        for p in self.passages:
            first, _ = out.get(p.doc_id, (p.id, p.id))
            out[p.doc_id] = (first, p.id + 1)
        return out

    def find(self, query: str) -> list[DocumentInfo]:
        """Documents a user's words name: the number shown by /tailieu, a số hiệu ("57-NQ/TW", "57"),
        or words of the title or file name (with or without diacritics). Best matches only."""
        q = query.strip()
        docs = self.newest_first
        if q.isdigit() and 1 <= int(q) <= len(docs):
            return [docs[int(q) - 1]]
        key = plain_key(q).replace(" ", "")
        by_number = [d for d in docs if d.number and (plain_key(d.number).replace(" ", "") == key
                                                      or plain_key(d.number).split("-")[0] == key)]
        if by_number:
            return by_number
        words = [plain_key(w) for w in syllables(q)]
        if not words:
            return []
        hits = []
        for d in docs:
            haystack = {plain_key(w) for w in syllables(f"{d.title} {d.number or ''} {d.doc_id}")}
            if all(w in haystack for w in words):
                hits.append(d)
        return hits

    # -- structure -------------------------------------------------------------------------------
    def outline(self, doc_id: str) -> list[OutlineEntry]:
        """Headings, lead-ins and top-level paragraphs in document order, with their nesting depth."""
        if doc_id not in self._outlines:
            first, end = self.ranges.get(doc_id, (0, 0))
            entries: list[OutlineEntry] = []
            depth: dict[int, int] = {}
            for p in self.passages[first:end]:
                if p.kind in ("heading", "lead") or p.parent < 0:
                    d = 0
                    node = p.parent
                    while node >= 0 and node not in depth:
                        node = self.passages[node].parent
                    if node >= 0:
                        d = depth[node] + 1
                    depth[p.id] = d
                    entries.append(OutlineEntry(p.id, d, short(p.text, 60)))
            self._outlines[doc_id] = entries
        return self._outlines[doc_id]

    def review_units(self, doc_id: str) -> list[tuple[int, int]]:
        """The document cut into consecutive cards of at most about REVIEW_CHARS, along its structure.

        A section that fits is one card; a longer one is opened up: its children are grouped into
        cards (short neighbours together) and the children that are still too long are opened in
        turn. A heading never makes a card on its own: it is the section path of what follows.
        """
        if doc_id not in self._units:
            first, end = self.ranges.get(doc_id, (0, 0))
            units: list[tuple[int, int]] = []
            self._cut(first, end, None, units)
            self._units[doc_id] = units
        return self._units[doc_id]

    def _cut(self, start: int, end: int, head: int | None, units: list[tuple[int, int]]) -> None:
        """Cut the children in [start, end) (under ``head``, whose own line leads the first card)."""
        group: list[int] = [head, head + 1] if head is not None else []

        def flush() -> None:
            if group and not (head is not None and group == [head, head + 1]):
                units.append((group[0], group[1]))
            group.clear()

        i = start
        while i < end:
            child = self.passages[i]
            stop = max(child.subtree_end, child.id + 1)
            if self.chars(child.id, stop) > REVIEW_CHARS and child.has_children:
                flush()
                self._cut(child.id + 1, stop, child.id, units)
            elif group and group[1] == child.id and self.chars(group[0], stop) <= REVIEW_CHARS:
                group[1] = stop
            else:
                flush()
                group.extend([child.id, stop])
            i = stop
        flush()

    @cached_property
    def _prefix(self) -> list[int]:
        sums = [0]
        for p in self.passages:
            sums.append(sums[-1] + len(p.text))
        return sums

    def chars(self, start: int, end: int) -> int:
        return self._prefix[end] - self._prefix[start]

    # -- quotes ----------------------------------------------------------------------------------
    def text(self, ids: Sequence[int]) -> str:
        """The verbatim text of passages, in document order (pieces of one long paragraph rejoined)."""
        lines: list[str] = []
        last_span = None
        for p in (self.passages[i] for i in sorted(set(ids))):
            if last_span == (p.start, p.end) and lines:
                lines[-1] += " " + p.text
            else:
                lines.append(p.text)
            last_span = (p.start, p.end)
        return "\n".join(lines)

    def quote(self, start: int, end: int) -> AnswerPassage:
        """The passages [start, end) as a quote with its source (the section path of the first)."""
        first = self.passages[start]
        doc = self.documents.get(first.doc_id)
        return AnswerPassage(
            doc=first.doc_id,
            title=doc.title if doc else first.doc_id,
            section=" › ".join(first.section),
            text=self.text(range(start, end)),
            score=1.0,
            date=doc.date if doc else None,
            number=doc.number if doc else None,
            passage_ids=list(range(start, end)),
            expandable=first.parent >= 0,
            index_version=self.version,
        )

    def section(self, pid: int) -> AnswerPassage:
        """A passage with everything under it, whole (the caller splits it into messages)."""
        p = self.passages[pid]
        return self.quote(pid, max(p.subtree_end, pid + 1))
