"""What a snapshot carries for the query side: one list, one small protocol.

Every structure the pipeline searches with is a *part*: built once at re-index time from the
passages, documents and vectors (`build`), written into the version folder (`save`, returning
what the manifest should record about it), and opened memory-mapped when the index is served
(`open`). Opening a snapshot therefore costs reading its manifest, whatever the corpus size.

To add a structure to `_State` (hoidap.index.pipeline): write a part class here with `NAME`,
`VERSION`, `build`, `save` and `open`; add it to `PARTS`; read it in `_State` as
``snapshot.part(NAME)``. Corpus-sized data (one row per passage or posting) goes into numpy
arrays (`FileWriter.array`, opened with ``mmap_mode="r"``); vocabulary-sized tables (they grow
with distinct words, not with passages) may be pickled (`FileWriter.pickle`). Bump `VERSION`
whenever what a part holds changes: a snapshot whose part has another version gets that part
rebuilt in memory when opened (slow, logged) until the next `hoidap reindex` writes it anew.

>>> [part.NAME for part in PARTS]
['dense', 'lexical', 'reaccenter', 'vocabulary', 'sections']
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

import numpy as np
from hoidap.index.arrays import FileReader, FileWriter
from hoidap.index.question import Vocabulary
from hoidap.index.reaccent import Reaccenter
from hoidap.index.search import DenseConfig, DenseIndex, LexicalRetriever
from hoidap.index.types import DocumentInfo, Passage

log = logging.getLogger(__name__)


@dataclass
class BuildInput:
    """What every part is built from: the new version's passages, documents and vectors."""

    passages: Sequence[Passage]
    documents: Sequence[DocumentInfo]
    vectors: np.ndarray
    dense: DenseConfig = field(default_factory=DenseConfig)


class Part(Protocol):
    """A query-side structure: built at re-index time, saved in the snapshot, opened memory-mapped."""

    NAME: ClassVar[str]
    VERSION: ClassVar[int]

    @classmethod
    def build(cls, source: BuildInput) -> Part: ...

    def save(self, writer: FileWriter) -> dict[str, Any]: ...

    @classmethod
    def open(cls, reader: FileReader, info: dict[str, Any]) -> Part: ...


def lexical_text(passage: Passage, titles: dict[str, str]) -> str:
    """What BM25 indexes for a passage: the title joins it (questions name documents: "Nghị quyết 72
    …"), then the last two headings of its section path, then its text."""
    return " ".join([titles.get(passage.doc_id, ""), *passage.section[-2:]]) + "\n" + passage.text


def _corpus_texts(source: BuildInput) -> list[str]:
    """Passage texts and document titles: the corpus's own words (re-accenting, vocabulary)."""
    return [p.text for p in source.passages] + [d.title for d in source.documents]


class DensePart(DenseIndex):
    NAME: ClassVar[str] = "dense"
    VERSION: ClassVar[int] = 1

    @classmethod
    def build(cls, source: BuildInput) -> DensePart:  # type: ignore[override]
        built = DenseIndex.build(source.vectors, source.dense)
        return cls(built.vectors, built.ivf, built.nprobe, built.rerank)


class LexicalPart(LexicalRetriever):
    NAME: ClassVar[str] = "lexical"
    VERSION: ClassVar[int] = 1

    @classmethod
    def build(cls, source: BuildInput) -> LexicalPart:  # type: ignore[override]
        titles = {d.doc_id: d.title for d in source.documents}
        built = LexicalRetriever.build(lexical_text(p, titles) for p in source.passages)
        return cls(built._toned, built._plain)


class _PickledPart:
    """A vocabulary-sized object saved with pickle; `value` is what the pipeline uses."""

    NAME: ClassVar[str]
    VERSION: ClassVar[int]

    def __init__(self, value: Any) -> None:
        self.value = value

    def save(self, writer: FileWriter) -> dict[str, Any]:
        writer.pickle(self.NAME, self.value)
        return {}

    @classmethod
    def open(cls, reader: FileReader, info: dict[str, Any]) -> _PickledPart:
        return cls(reader.pickle(cls.NAME))


class ReaccenterPart(_PickledPart):
    """Syllable and pair counts that restore diacritics to a question typed without them."""

    NAME: ClassVar[str] = "reaccenter"
    VERSION: ClassVar[int] = 2  # 1: the most frequent accented form of each plain pair, read greedily

    @classmethod
    def build(cls, source: BuildInput) -> ReaccenterPart:
        return cls(Reaccenter(_corpus_texts(source)))


class VocabularyPart(_PickledPart):
    """Syllable counts, bigrams, acronyms and the typo-correction index (hoidap.index.question)."""

    NAME: ClassVar[str] = "vocabulary"
    VERSION: ClassVar[int] = 1

    @classmethod
    def build(cls, source: BuildInput) -> VocabularyPart:
        return cls(Vocabulary.from_texts(_corpus_texts(source)))


class SectionsPart:
    """Prefix sums of passage lengths in characters: the size of any id range (a section) in O(1)."""

    NAME: ClassVar[str] = "sections"
    VERSION: ClassVar[int] = 1

    def __init__(self, chars: np.ndarray) -> None:
        self.chars = chars

    @classmethod
    def build(cls, source: BuildInput) -> SectionsPart:
        lengths = np.fromiter((len(p.text) for p in source.passages), dtype=np.int64, count=len(source.passages))
        return cls(np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64))

    def save(self, writer: FileWriter) -> dict[str, Any]:
        writer.array("sections.chars", self.chars)
        return {}

    @classmethod
    def open(cls, reader: FileReader, info: dict[str, Any]) -> SectionsPart:
        return cls(reader.array("sections.chars"))


PARTS: tuple[type[Part], ...] = (  # type: ignore[assignment]
    DensePart, LexicalPart, ReaccenterPart, VocabularyPart, SectionsPart)


def build_parts(source: BuildInput, writer: FileWriter) -> dict[str, dict[str, Any]]:
    """Build and save every part; return the manifest's "parts" entry (each part's version and info)."""
    recorded: dict[str, dict[str, Any]] = {}
    for part_class in PARTS:
        part = part_class.build(source)
        recorded[part_class.NAME] = {"version": part_class.VERSION, **part.save(writer)}
        del part  # a million passages' structures: free each before building the next
    return recorded


def stale_parts(manifest: dict[str, Any]) -> list[str]:
    """Parts the snapshot lacks or holds in another version than this code writes."""
    recorded = manifest.get("parts", {})
    return [p.NAME for p in PARTS if recorded.get(p.NAME, {}).get("version") != p.VERSION]
