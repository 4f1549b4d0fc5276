"""Passages stored column by column and read lazily: a million passages open in a millisecond.

`PassageStore` is a read-only ``Sequence[Passage]``: ``store[i]`` builds the i-th `Passage` from
memory-mapped columns (ids, parents, spans) and a UTF-8 blob of texts, so the pipeline keeps its
``passages[pid].text`` idiom while nothing is parsed into Python objects until it is used.

>>> import tempfile
>>> from hoidap.index.arrays import FileReader, FileWriter
>>> folder = Path(tempfile.mkdtemp())
>>> rows = [Passage(0, "a.txt", "lead", "Các khâu:", ["I"], 0, 9, -1, 2),
...         Passage(1, "a.txt", "item", "(1) Thể chế.", ["I"], 10, 22, 0, 2)]
>>> writer = FileWriter(folder)
>>> PassageStore.build(rows).save(writer)
>>> store = PassageStore.open(FileReader(folder))
>>> len(store), store[1].text, store[1].parent, store[0].section
(2, '(1) Thể chế.', 0, ['I'])
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path  # noqa: F401  (doctest)
from typing import overload

import numpy as np
from hoidap.index.arrays import FileReader, FileWriter, StringTable
from hoidap.index.types import Passage, PassageKind

KINDS: tuple[PassageKind, ...] = ("heading", "lead", "item", "paragraph")
RECENT_PASSAGES = 8192  # built passages kept for reuse (callers treat them as read-only)
_KIND_CODE = {k: i for i, k in enumerate(KINDS)}


class PassageStore(Sequence[Passage]):
    """Read-only passages from columns; see the module docstring."""

    def __init__(self, columns: dict[str, np.ndarray], texts: StringTable, sections: StringTable,
                 doc_ids: StringTable) -> None:
        self._c = columns
        self.texts = texts
        self._sections = sections
        self._doc_ids = doc_ids
        self._section_cache: dict[int, list[str]] = {}
        self._doc_cache: dict[int, str] = {}
        # Recently built passages: a question touches the same few hundred again and again (units,
        # their parents, their sections). Bounded, so memory does not grow with the corpus.
        self._recent: dict[int, Passage] = {}

    @classmethod
    def build(cls, passages: Sequence[Passage]) -> PassageStore:
        n = len(passages)
        doc_index: dict[str, int] = {}
        section_index: dict[str, int] = {}
        cols: dict[str, np.ndarray] = {
            "doc": np.empty(n, np.int32), "kind": np.empty(n, np.uint8), "parent": np.empty(n, np.int32),
            "subtree_end": np.empty(n, np.int32), "start": np.empty(n, np.int64), "end": np.empty(n, np.int64),
            "section": np.empty(n, np.int32),
        }
        for i, p in enumerate(passages):
            if p.id != i:
                raise ValueError(f"passage ids must be 0..n-1 in order; passage at {i} has id {p.id}")
            cols["doc"][i] = doc_index.setdefault(p.doc_id, len(doc_index))
            cols["kind"][i] = _KIND_CODE[p.kind]
            cols["parent"][i] = p.parent
            cols["subtree_end"][i] = p.subtree_end
            cols["start"][i] = p.start
            cols["end"][i] = p.end
            key = json.dumps(p.section, ensure_ascii=False)
            cols["section"][i] = section_index.setdefault(key, len(section_index))
        return cls(cols, StringTable.build(p.text for p in passages), StringTable.build(section_index),
                   StringTable.build(doc_index))

    def save(self, writer: FileWriter) -> None:
        for name, column in self._c.items():
            writer.array(f"passages.{name}", column)
        self.texts.save(writer, "passages.text")
        self._sections.save(writer, "passages.sections")
        self._doc_ids.save(writer, "passages.doc_ids")

    @classmethod
    def open(cls, reader: FileReader) -> PassageStore:
        cols = {name: reader.array(f"passages.{name}")
                for name in ("doc", "kind", "parent", "subtree_end", "start", "end", "section")}
        return cls(cols, StringTable.open(reader, "passages.text"), StringTable.open(reader, "passages.sections"),
                   StringTable.open(reader, "passages.doc_ids"))

    def __len__(self) -> int:
        return len(self._c["doc"])

    def _section(self, i: int) -> list[str]:
        cached = self._section_cache.get(i)
        if cached is None:
            cached = self._section_cache[i] = json.loads(self._sections[i])
        return list(cached)

    def doc_id(self, pid: int) -> str:
        code = int(self._c["doc"][pid])
        cached = self._doc_cache.get(code)
        if cached is None:
            cached = self._doc_cache[code] = self._doc_ids[code]
        return cached

    def _get(self, i: int) -> Passage:
        found = self._recent.get(i)
        if found is not None:
            return found
        if len(self._recent) >= RECENT_PASSAGES:
            self._recent.pop(next(iter(self._recent)))
        found = self._recent[i] = self._build(i)
        return found

    def _build(self, i: int) -> Passage:
        c = self._c
        return Passage(
            id=i, doc_id=self.doc_id(i), kind=KINDS[int(c["kind"][i])], text=self.texts[i],
            section=self._section(int(c["section"][i])), start=int(c["start"][i]), end=int(c["end"][i]),
            parent=int(c["parent"][i]), subtree_end=int(c["subtree_end"][i]),
        )

    @overload
    def __getitem__(self, i: int) -> Passage: ...

    @overload
    def __getitem__(self, i: slice) -> list[Passage]: ...

    def __getitem__(self, i: int | slice) -> Passage | list[Passage]:
        if isinstance(i, slice):
            return [self._get(j) for j in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"passage {i} out of range (0..{n - 1})")
        return self._get(i)

    def __iter__(self) -> Iterator[Passage]:
        for i in range(len(self)):
            yield self._get(i)

    def doc_ranges(self) -> dict[str, tuple[int, int]]:
        """Each document's passage id range [first, end), from the doc column (no passage is built)."""
        doc = np.asarray(self._c["doc"])
        if not len(doc):
            return {}
        starts = np.flatnonzero(np.concatenate([[True], doc[1:] != doc[:-1]]))
        ends = np.concatenate([starts[1:], [len(doc)]])
        return {self._doc_ids[int(doc[s])]: (int(s), int(e)) for s, e in zip(starts, ends, strict=True)}

    def char_counts(self) -> np.ndarray:
        """Characters (not bytes) of each passage's text; computed at build time, saved as a part."""
        return np.fromiter((len(self.texts[i]) for i in range(len(self))), dtype=np.int64, count=len(self))
