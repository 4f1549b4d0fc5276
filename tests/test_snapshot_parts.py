"""The snapshot format: query-side parts built at re-index time and opened memory-mapped.

Hash embedder only: fast. Timings are never asserted (the benchmark reports them).
"""

from __future__ import annotations

import json
from pathlib import Path

import bm25s
import numpy as np
import pytest
from hoidap.index.builder import IndexBuilder
from hoidap.index.parts import PARTS, BuildInput, lexical_text
from hoidap.index.pipeline import AnswerPipeline
from hoidap.index.search import BM25Channel, DenseConfig, DenseIndex, LexicalRetriever, top_indices, top_scores
from hoidap.index.store import current_version, load_snapshot
from hoidap.index.text import plain_tokens, toned_tokens, with_bigrams

SAMPLE_CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, hash_embedder) -> Path:
    out = tmp_path_factory.mktemp("index")
    IndexBuilder(hash_embedder).build(SAMPLE_CORPUS, out)
    return out


def _texts(snapshot) -> list[str]:
    titles = {d.doc_id: d.title for d in snapshot.documents.values()}
    return [lexical_text(p, titles) for p in snapshot.passages]


def test_bm25_scores_equal_bm25s_to_the_bit(built):
    snapshot = load_snapshot(built)
    texts = _texts(snapshot)
    lexical = snapshot.part("lexical")
    for tokenize in (toned_tokens, plain_tokens):
        reference = bm25s.BM25()
        reference.index([with_bigrams(tokenize(t)) or ["\u2205"] for t in texts], show_progress=False)
        for query in ("Các khâu đột phá là gì", "cac khau dot pha la gi", "chuyển đổi số của của", "Hai Bà Trưng"):
            tokens = with_bigrams(tokenize(query))
            ours = lexical._toned if tokenize is toned_tokens else lexical._plain
            assert np.array_equal(ours.scores(tokens), reference.get_scores(tokens)), query


def test_every_part_is_saved_and_opened_memory_mapped(built):
    snapshot = load_snapshot(built)
    recorded = snapshot.manifest["parts"]
    assert set(recorded) == {p.NAME for p in PARTS}
    assert isinstance(snapshot.vectors, np.memmap)
    assert isinstance(snapshot.part("lexical")._toned.data, np.memmap)
    assert snapshot.part("lexical")._toned._postings is not None  # postings read with pread, not mapped
    assert isinstance(snapshot.part("sections").chars, np.memmap)
    assert snapshot.passages.texts._blob.__class__ is np.memmap
    # every file in the folder is listed with its size and checksum (calibration.json aside)
    folder = built / "versions" / current_version(built)
    listed = set(snapshot.manifest["files"])
    assert {p.name for p in folder.iterdir()} - listed == {"manifest.json"}


def test_opened_parts_answer_like_parts_built_in_memory(built, hash_embedder):
    """The saved parts are the parts: a snapshot whose manifest says nothing of them (an old
    version) gets them rebuilt in memory, and answers the same."""
    pipeline = AnswerPipeline.open(built, hash_embedder)
    snapshot = load_snapshot(built)
    snapshot.manifest = {**snapshot.manifest, "parts": {}}
    rebuilt = AnswerPipeline(snapshot, hash_embedder)
    for question in ("Các khâu đột phá là gì?", "cac khau dot pha", "nhiệm vụ trọng tâm", "bóng đá"):
        a, b = pipeline.answer(question), rebuilt.answer(question)
        assert (a.answer, a.confidence, [p.passage_ids for p in a.ranked]) == \
               (b.answer, b.confidence, [p.passage_ids for p in b.ranked])


def test_a_stale_part_makes_the_next_reindex_write_a_new_version(tmp_path, hash_embedder, corpus_copy):
    out = tmp_path / "index"
    builder = IndexBuilder(hash_embedder)
    first = builder.build(corpus_copy, out).version
    manifest_path = out / "versions" / first / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["parts"]["lexical"]["version"] = -1
    manifest_path.write_text(json.dumps(manifest))
    second = builder.build(corpus_copy, out)
    assert second.version != first and second.embedded == 0
    assert load_snapshot(out).manifest["parts"]["lexical"]["version"] > 0


def test_passage_store_reads_what_was_written(built):
    snapshot = load_snapshot(built)
    first = snapshot.passages[0]
    assert snapshot.passages[-1].id == len(snapshot.passages) - 1
    assert [p.id for p in snapshot.passages[2:5]] == [2, 3, 4]
    ranges = snapshot.doc_ranges
    assert ranges[first.doc_id][0] == 0
    assert sum(e - s for s, e in ranges.values()) == len(snapshot.passages)
    with pytest.raises(IndexError):
        snapshot.passages[len(snapshot.passages)]


def test_partial_selection_equals_a_stable_full_sort():
    rng = np.random.default_rng(1)
    for n, k in ((1, 1), (10, 3), (1000, 50), (1000, 1000), (500, 2000)):
        scores = rng.integers(0, 20, n).astype(np.float32)  # many ties
        assert top_indices(scores, k).tolist() == np.argsort(-scores, kind="stable")[:k].tolist()
    scores = np.array([0.0, 0.0, 3.0, 0.0, 1.0], dtype=np.float32)
    assert top_scores(scores, 10) == [(2, 3.0), (4, 1.0)]


def test_empty_question_tokens_score_nothing():
    channel = BM25Channel.build([["a", "b"], ["b"]])
    assert channel.scores([]).tolist() == [0.0, 0.0]
    assert channel.scores(["zzz"]).tolist() == [0.0, 0.0]
    assert LexicalRetriever.build([]).scores("gì").shape == (0,)


def test_approximate_index_is_chosen_above_the_exact_limit_and_recorded(tmp_path, hash_embedder):
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(20, 32)).astype(np.float32)
    vectors = centres[rng.integers(0, 20, 3000)] + 0.3 * rng.normal(size=(3000, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    config = DenseConfig(exact_max=1000, nprobe=8, rerank=50, nlist=32, train_sample=3000)
    assert DenseIndex.build(vectors[:1000], config).kind == "flat"
    index = DenseIndex.build(vectors, config)
    assert index.kind == "ivf"
    from hoidap.index.arrays import FileReader, FileWriter

    writer = FileWriter(tmp_path)
    info = index.save(writer)
    writer.array("vectors", vectors)
    assert info["kind"] == "ivf" and info["nprobe"] == 8
    opened = DenseIndex.open(FileReader(tmp_path), info)
    hits = 0
    for q in vectors[:50]:
        approx = opened.search(q, 10)
        exact = opened.exact_search(q, 10)
        hits += len({i for i, _ in approx} & {i for i, _ in exact})
        # scores of what it finds are exact
        assert all(abs(s - float(vectors[i] @ q)) < 1e-5 for i, s in approx)
    assert hits / 500 >= 0.9
    # the candidates' rows are read from the file, not mapped: the opened index's search equals the
    # same search re-scored through the memory map
    assert opened._rows is not None
    in_memory = DenseIndex(np.asarray(opened.vectors), opened.ivf, 8, 50)
    assert in_memory._rows is None
    for q in vectors[:20]:
        assert opened.search(q, 10) == in_memory.search(q, 10)


def test_build_input_builds_every_part_without_files(built):
    snapshot = load_snapshot(built)
    source = BuildInput(snapshot.passages, list(snapshot.documents.values()), snapshot.vectors)
    for part_class in PARTS:
        assert part_class.build(source) is not None


def test_bench_synthesises_whole_document_copies_that_make_a_valid_snapshot(built, tmp_path, hash_embedder):
    from hoidap.index.store import publish, write_version

    from hoidap.bench import synthesise

    real = load_snapshot(built)
    passages, documents = list(real.passages), list(real.documents.values())
    size = 3 * len(passages) + 5
    syn_p, syn_d, syn_v = synthesise(passages, documents, np.array(real.vectors), size)
    assert len(syn_p) == len(syn_v) <= size and len(syn_p) > 2 * len(passages)
    assert [p.id for p in syn_p] == list(range(len(syn_p)))
    assert all(p.parent < p.id and p.subtree_end <= len(syn_p) for p in syn_p)
    assert len({d.doc_id for d in syn_d}) == len(syn_d)
    assert np.allclose(np.linalg.norm(syn_v, axis=1), 1.0, atol=1e-4)
    assert np.array_equal(syn_v[: len(passages)], real.vectors)  # the first copy keeps the real vectors
    publish(tmp_path, write_version(tmp_path, syn_p, syn_d, syn_v, embedder_id=hash_embedder.id, chunker_version="x"))
    answer = AnswerPipeline.open(tmp_path, hash_embedder).answer("Các khâu đột phá là gì?")
    assert answer.ranked
