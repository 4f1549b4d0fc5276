"""Answer-quality evaluation: recall@k, MRR, abstention precision/recall, latency.

A QA row is ``{"question", "doc" | "gold_doc", "gold_quote" | "gold_text", "gold_article"?,
"answerable"?}``. A returned passage is a hit when it comes from the gold document and contains
most of the gold text (or quotes the gold article's heading, e.g. "Điều 32.").

>>> is_hit({"doc": "a.txt", "text": "Điều 3. Nguyên tắc", "section": ""},
...        {"doc": "a.txt", "gold_text": "xyz", "gold_article": "Điều 3"})
True
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from hoidap.index.calibration import Example
from hoidap.index.pipeline import AnswerPipeline
from hoidap.index.text import plain_tokens
from hoidap.index.types import RetrievalMode

KS = (1, 3, 5)


def read_qa(path: Path) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not valid JSON ({exc})") from None
            if "question" not in row:
                raise ValueError(f"{path}:{n}: row has no 'question'")
            row.setdefault("doc", row.get("gold_doc"))
            row.setdefault("gold_quote", row.get("gold_text"))
            row.setdefault("answerable", bool(row.get("doc")))
            rows.append(row)
    return rows


def _trigrams(text: str) -> set[tuple[str, ...]]:
    toks = plain_tokens(text)
    return {tuple(toks[i : i + 3]) for i in range(max(len(toks) - 2, 1))} if toks else set()


def is_hit(passage: dict[str, Any], row: dict[str, Any], threshold: float = 0.5, by_stem: bool = False) -> bool:
    """Passage from the gold document containing most of the gold text or the article heading.

    A passage from another document counts only when it contains the whole gold text (news items
    quote the resolution they report on word for word: either source answers).
    """
    if not same_document(passage["doc"], row.get("doc"), by_stem):
        gold = row.get("gold_quote") or ""
        grams = _trigrams(gold)
        return bool(gold) and not row.get("gold_article") and bool(grams) and \
            len(grams & _trigrams(passage["text"])) / len(grams) >= 0.95
    text = passage["text"]
    article = row.get("gold_article")
    if article:
        heading = re.compile(rf"(^|\n){re.escape(article)}\s*[.:]")
        if heading.search(text) or re.match(rf"{re.escape(article)}\s*[.:]", passage.get("section", "")):
            return True
    gold = row.get("gold_quote") or ""
    if not gold:
        return False
    gold_grams = _trigrams(gold)
    return bool(gold_grams) and len(gold_grams & _trigrams(text)) / len(gold_grams) >= threshold


@dataclass(frozen=True)
class Outcome:
    """What happened to one question of a QA file."""

    question: str
    kind: str  # the row's "type" (fact, list, typo, …; unanswerable_* for the unanswerable)
    answerable: bool
    rank: int | None  # 1-based rank of the first hit among the ranked units (answerable only)
    tier: str  # "high" | "medium" | "none"
    confidence: float
    latency_ms: float
    got: str  # doc and start of the best unit, for reading misses
    # For a refused answerable question: whether one of the nearest sections offered with the refusal
    # holds the answer (the user is one tap away from it); None for every other question.
    reachable: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "kind": self.kind, "answerable": self.answerable, "rank": self.rank,
                "tier": self.tier, "confidence": round(self.confidence, 4), "latency_ms": round(self.latency_ms, 1),
                "got": self.got, "reachable": self.reachable}


@dataclass
class Figures:
    """Recall, MRR and the answer tiers over a set of outcomes."""

    questions: int
    answerable: int
    recall: dict[int, float]
    mrr: float
    tiers_answerable: dict[str, int]  # high / medium / none among answerable questions
    tiers_unanswerable: dict[str, int]  # … among unanswerable ones
    refused_reachable: int = 0  # refused answerable questions whose answer is in a suggested section

    @classmethod
    def of(cls, outcomes: list[Outcome]) -> Figures:
        ans = [o for o in outcomes if o.answerable]
        ranks = [o.rank for o in ans]
        n = len(ranks)
        recall = {k: sum(r is not None and r <= k for r in ranks) / n if n else 0.0 for k in KS}
        mrr = sum(1.0 / r for r in ranks if r) / n if n else 0.0

        def tiers(group: list[Outcome]) -> dict[str, int]:
            return {t: sum(o.tier == t for o in group) for t in ("high", "medium", "none")}

        return cls(len(outcomes), n, recall, mrr, tiers(ans), tiers([o for o in outcomes if not o.answerable]),
                   sum(bool(o.reachable) for o in ans))

    @property
    def refused_answerable(self) -> float | None:
        """Share of answerable questions answered "không tìm thấy" (the failure users notice most)."""
        return self.tiers_answerable["none"] / self.answerable if self.answerable else None

    @property
    def refused_unanswerable(self) -> float | None:
        """Share of unanswerable questions refused (the rest quoted something unrelated)."""
        total = self.questions - self.answerable
        return self.tiers_unanswerable["none"] / total if total else None

    def to_dict(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        return {
            "questions": self.questions,
            "answerable": self.answerable,
            **{f"recall@{k}": round(v, 4) for k, v in self.recall.items()},
            "mrr": round(self.mrr, 4),
            "answerable_high": self.tiers_answerable["high"],
            "answerable_medium": self.tiers_answerable["medium"],
            "answerable_refused": self.tiers_answerable["none"],
            "answerable_refused_reachable": self.refused_reachable,
            "unanswerable_high": self.tiers_unanswerable["high"],
            "unanswerable_medium": self.tiers_unanswerable["medium"],
            "unanswerable_refused": self.tiers_unanswerable["none"],
            "refused_answerable_rate": r(self.refused_answerable),
            "refused_unanswerable_rate": r(self.refused_unanswerable),
        }


@dataclass
class EvalResult:
    mode: str
    figures: Figures
    by_kind: dict[str, Figures]
    latency_p50_ms: float
    latency_p95_ms: float
    outcomes: list[Outcome] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)  # for fitting the calibration

    @property
    def misses(self) -> list[Outcome]:
        """Answerable questions whose first unit missed, and unanswerable ones that were quoted."""
        return [o for o in self.outcomes if (o.answerable and o.rank != 1) or (not o.answerable and o.tier != "none")]

    def to_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            **self.figures.to_dict(),
            "latency_p50_ms": round(self.latency_p50_ms, 1),
            "latency_p95_ms": round(self.latency_p95_ms, 1),
            "by_kind": {kind: f.to_dict() for kind, f in sorted(self.by_kind.items())},
        }


def same_document(got: str, gold: str | None, by_stem: bool = False) -> bool:
    """The gold document, by file name, or by name without extension (a .pdf rendering of a .txt).

    >>> same_document("nq57.pdf", "nq57.txt"), same_document("nq57.pdf", "nq57.txt", by_stem=True)
    (False, True)
    """
    if gold is None:
        return False
    if by_stem:
        return got.rsplit(".", 1)[0] == gold.rsplit(".", 1)[0]
    return got == gold


def evaluate(pipeline: AnswerPipeline, rows: Iterable[dict[str, Any]], k: int = 5,
             mode: RetrievalMode = "hybrid", by_stem: bool = False) -> EvalResult:
    """Ask every question; rank of the first hit among the ranked units, and the answer's tier."""
    rows = list(rows)
    outcomes: list[Outcome] = []
    examples: list[Example] = []
    for row in rows:
        answer = pipeline.answer(row["question"], k=max(k, max(KS)), mode=mode)
        ranked = [p.to_dict() for p in (answer.ranked or [])]
        rank = None
        if row["answerable"]:
            rank = next((i + 1 for i, p in enumerate(ranked) if is_hit(p, row, by_stem=by_stem)), None)
        if answer.ranked:
            examples.append(Example(answer.signals, bool(row["answerable"]), rank == 1))
        got = f"{ranked[0]['doc']}: {ranked[0]['text'][:80]}" if ranked else ""
        kind = str(row.get("type") or ("answerable" if row["answerable"] else "unanswerable"))
        reachable = None
        if row["answerable"] and answer.tier == "none":
            reachable = any(is_hit(pipeline.section(s.passage_id, s.index_version).to_dict(), row, by_stem=by_stem)
                            for s in answer.suggestions)
        outcomes.append(Outcome(row["question"], kind, bool(row["answerable"]), rank, str(answer.tier),
                                answer.confidence, answer.timings_ms.get("total", 0.0), got, reachable))
    latencies = [o.latency_ms for o in outcomes]
    kinds = sorted({o.kind for o in outcomes})
    return EvalResult(
        mode=mode,
        figures=Figures.of(outcomes),
        by_kind={kind: Figures.of([o for o in outcomes if o.kind == kind]) for kind in kinds},
        latency_p50_ms=statistics.median(latencies) if latencies else 0.0,
        latency_p95_ms=float(np.percentile(latencies, 95)) if latencies else 0.0,
        outcomes=outcomes,
        examples=examples,
    )
