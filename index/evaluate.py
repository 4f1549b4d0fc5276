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
from typing import Any, NamedTuple

import numpy as np
from hoidap.index.pipeline import AnswerPipeline
from hoidap.index.signals import Calibration
from hoidap.index.text import plain_tokens
from hoidap.index.types import RetrievalMode, Signals

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


def is_hit(passage: dict[str, Any], row: dict[str, Any], threshold: float = 0.5) -> bool:
    """Passage from the gold document containing most of the gold text or the article heading."""
    if passage["doc"] != row.get("doc"):
        return False
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


class Observation(NamedTuple):
    """One question's best-unit signals and whether the corpus answers it (a calibration example)."""

    signals: Signals
    answerable: bool


@dataclass
class EvalResult:
    mode: str
    questions: int
    answerable: int
    recall: dict[int, float]
    mrr: float
    abstention_precision: float | None
    abstention_recall: float | None
    answered_when_answerable: float
    latency_p50_ms: float
    latency_p95_ms: float
    misses: list[dict[str, Any]] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)  # for fitting the calibration

    def to_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "questions": self.questions,
            "answerable": self.answerable,
            **{f"recall@{k}": round(v, 4) for k, v in self.recall.items()},
            "mrr": round(self.mrr, 4),
            "abstention_precision": None if self.abstention_precision is None else round(self.abstention_precision, 4),
            "abstention_recall": None if self.abstention_recall is None else round(self.abstention_recall, 4),
            "answered_when_answerable": round(self.answered_when_answerable, 4),
            "latency_p50_ms": round(self.latency_p50_ms, 1),
            "latency_p95_ms": round(self.latency_p95_ms, 1),
        }


def evaluate(pipeline: AnswerPipeline, rows: Iterable[dict[str, Any]], k: int = 5,
             mode: RetrievalMode = "hybrid") -> EvalResult:
    rows = list(rows)
    ranks: list[int | None] = []
    latencies: list[float] = []
    abstained_right = abstained = unanswerable = answered_ok = 0
    misses: list[dict[str, Any]] = []
    observations: list[Observation] = []
    for row in rows:
        answer = pipeline.answer(row["question"], k=max(k, max(KS)), mode=mode)
        latencies.append(answer.timings_ms.get("total", 0.0))
        passages = [p.to_dict() for p in (answer.ranked or [])]
        if row["answerable"]:
            rank = next((i + 1 for i, p in enumerate(passages) if is_hit(p, row)), None)
            ranks.append(rank)
            answered_ok += answer.answered
            if rank != 1:
                misses.append({"question": row["question"], "doc": row["doc"], "rank": rank,
                               "got": passages[0]["doc"] if passages else None,
                               "answered": answer.answered})
            if answer.ranked:
                observations.append(Observation(answer.signals, True))
        else:
            unanswerable += 1
            abstained_right += not answer.answered
            if answer.ranked:
                observations.append(Observation(answer.signals, False))
        abstained += not answer.answered
    n_ans = len(ranks)
    recall = {kk: sum(r is not None and r <= kk for r in ranks) / n_ans if n_ans else 0.0 for kk in KS}
    mrr = sum(1.0 / r for r in ranks if r) / n_ans if n_ans else 0.0
    return EvalResult(
        mode=mode,
        questions=len(rows),
        answerable=n_ans,
        recall=recall,
        mrr=mrr,
        abstention_precision=abstained_right / abstained if abstained else None,
        abstention_recall=abstained_right / unanswerable if unanswerable else None,
        answered_when_answerable=answered_ok / n_ans if n_ans else 0.0,
        latency_p50_ms=statistics.median(latencies) if latencies else 0.0,
        latency_p95_ms=float(np.percentile(latencies, 95)) if latencies else 0.0,
        misses=misses,
        observations=observations,
    )


def fit_calibration(observations: list[Observation], steps: int = 20000, lr: float = 0.5) -> Calibration:
    """Logistic regression of "the best passage answers" on the answer's signals."""
    x = np.array([o.signals for o in observations], dtype=np.float64)
    y = np.array([o.answerable for o in observations], dtype=np.float64)
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = (x - mean) / std
    w = np.zeros(3)
    b = 0.0
    pos = max(y.mean(), 1e-3)
    weights = np.where(y == 1, 0.5 / pos, 0.5 / max(1 - pos, 1e-3))  # balance the classes
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(z @ w + b)))
        grad = (p - y) * weights
        w -= lr * (z.T @ grad) / len(y)
        b -= lr * grad.sum() / len(y)
    w_raw = w / std
    return Calibration(w_dense=float(w_raw[0]), w_coverage=float(w_raw[1]), w_names=float(w_raw[2]),
                       bias=float(b - (w * mean / std).sum()))
