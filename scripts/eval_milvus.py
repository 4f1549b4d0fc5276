"""Evaluate Milvus (Milvus Lite, embedded) as the retrieval behind the answer pipeline.

Issue 10 names Milvus as the candidate distributed engine: dense search plus BM25 sparse search, the
same client API for the embedded `milvus-lite` server and a cluster. This script loads one
published index's passages, vectors and BM25 texts into a Milvus Lite collection, puts a
`MilvusRetrieval` behind the pipeline's one retrieval seam (`hoidap.index.search.Retrieval`), and
runs `hoidap eval`'s evaluation on both, so that the two columns differ only in where retrieval
happens. Measurement only: `pip install pymilvus milvus-lite` (not a dependency of hoidap).

    python scripts/eval_milvus.py --index /tmp/ixcorp --qa eval/qa_dev.jsonl --qa eval/qa_corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
from hoidap.index.threads import pin_threads

pin_threads(1)

from hoidap.index.evaluate import evaluate, read_qa  # noqa: E402
from hoidap.index.parts import lexical_text  # noqa: E402
from hoidap.index.pipeline import AnswerPipeline  # noqa: E402
from hoidap.index.search import LexicalResult  # noqa: E402
from hoidap.index.text import has_diacritics, plain_tokens, toned_tokens, with_bigrams  # noqa: E402

from hoidap.app import embedder_for  # noqa: E402
from hoidap.settings import Settings  # noqa: E402

COLLECTION = "passages"
MAX_TOPK = 16384  # Milvus's largest limit


def _tokens(text: str, toned: bool) -> str:
    """The BM25 tokens hoidap indexes (syllable keys and bigrams), as one space-separated string:
    Milvus's standard analyzer keeps "khâu_đôt6" whole (letters, digits and "_" form one word)."""
    return " ".join(with_bigrams(toned_tokens(text) if toned else plain_tokens(text)))


class MilvusRetrieval:
    """`Retrieval` through a Milvus collection: dense (FLAT, inner product) and two BM25 fields."""

    def __init__(self, client: Any, embedder: Any, size: int) -> None:
        self.client, self.embedder, self.size = client, embedder, size

    def embed(self, query: str) -> np.ndarray:
        return self.embedder.embed_queries([query])[0]

    @staticmethod
    def _filter(within: tuple[int, int] | None) -> str:
        return "" if within is None else f"id >= {within[0]} and id < {within[1]}"

    def dense(self, query_vector: np.ndarray, k: int,
              within: tuple[int, int] | None = None) -> list[tuple[int, float]]:
        found = self.client.search(COLLECTION, data=[query_vector.astype(np.float32).tolist()], anns_field="dense",
                                   limit=k, filter=self._filter(within), search_params={"metric_type": "IP"})
        return [(int(h["id"]), float(h["distance"])) for h in found[0]]

    def lexical(self, query: str, k: int, within: tuple[int, int] | None = None) -> LexicalResult:
        toned = has_diacritics(query)
        tokens = _tokens(query, toned)
        scores = np.zeros(self.size, dtype=np.float32)
        if tokens:
            # Every passage with a positive score (fusion also scores dense hits that BM25 did not rank).
            found = self.client.search(COLLECTION, data=[tokens], anns_field="toned" if toned else "plain",
                                       limit=min(self.size, MAX_TOPK), filter=self._filter(within),
                                       search_params={"metric_type": "BM25"})
            for hit in found[0]:
                scores[int(hit["id"])] = abs(float(hit["distance"]))
        return LexicalResult(scores, k)

    def similarity(self, query_vector: np.ndarray, passage_id: int) -> float:
        row = self.client.get(COLLECTION, ids=[int(passage_id)], output_fields=["dense"])[0]
        return float(np.asarray(row["dense"], dtype=np.float32) @ query_vector)


def load_collection(client: Any, pipeline: AnswerPipeline) -> float:
    """The snapshot's passages into a new collection; returns the seconds it took."""
    from pymilvus import DataType, Function, FunctionType

    snapshot = pipeline._state.snapshot
    titles = {d.doc_id: d.title for d in snapshot.documents.values()}
    started = time.perf_counter()
    schema = client.create_schema(auto_id=False)
    schema.add_field("id", DataType.INT64, is_primary=True)
    schema.add_field("dense", DataType.FLOAT_VECTOR, dim=int(snapshot.vectors.shape[1]))
    for channel in ("toned", "plain"):
        schema.add_field(f"{channel}_text", DataType.VARCHAR, max_length=65535, enable_analyzer=True,
                         analyzer_params={"tokenizer": "standard"})
        schema.add_field(channel, DataType.SPARSE_FLOAT_VECTOR)
        schema.add_function(Function(name=f"bm25_{channel}", function_type=FunctionType.BM25,
                                     input_field_names=[f"{channel}_text"], output_field_names=[channel]))
    index = client.prepare_index_params()
    index.add_index("dense", index_type="FLAT", metric_type="IP")
    for channel in ("toned", "plain"):  # hoidap's BM25: Lucene variant, k1 = 1.5, b = 0.75
        index.add_index(channel, index_type="SPARSE_INVERTED_INDEX", metric_type="BM25",
                        params={"bm25_k1": 1.5, "bm25_b": 0.75})
    client.create_collection(COLLECTION, schema=schema, index_params=index)
    rows = []
    for p in snapshot.passages:
        text = lexical_text(p, titles)
        rows.append({"id": p.id, "dense": np.asarray(snapshot.vectors[p.id], dtype=np.float32).tolist(),
                     "toned_text": _tokens(text, True) or "∅", "plain_text": _tokens(text, False) or "∅"})
    for start in range(0, len(rows), 500):
        client.insert(COLLECTION, rows[start : start + 500])
    client.load_collection(COLLECTION)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", required=True, type=Path)
    parser.add_argument("--qa", action="append", required=True, type=Path)
    args = parser.parse_args()
    from pymilvus import MilvusClient

    settings = Settings.from_env()
    embedder = embedder_for(settings)
    local = AnswerPipeline.open(args.index, embedder, watch_seconds=1e9)
    remote = AnswerPipeline.open(args.index, embedder, watch_seconds=1e9)
    folder = Path(tempfile.mkdtemp(prefix="hoidap-milvus-"))
    client = MilvusClient(str(folder / "milvus.db"))
    seconds = load_collection(client, remote)
    remote._state.retrieval = MilvusRetrieval(client, embedder, len(remote._state.snapshot.passages))
    report: dict[str, Any] = {"index": str(args.index), "load_seconds": round(seconds, 1), "sets": {}}
    for qa in args.qa:
        rows = read_qa(qa)
        for name, pipeline in (("local", local), ("milvus", remote)):
            result = evaluate(pipeline, rows).to_dict()
            figures = {k: result[k] for k in ("recall@1", "recall@5", "mrr", "refused_answerable_rate",
                                               "refused_unanswerable_rate", "latency_p50_ms", "latency_p95_ms")}
            report["sets"].setdefault(str(qa), {})[name] = figures
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
