"""The on-disk index: verification, refusal of mismatched/corrupt indexes, atomic publication."""

from pathlib import Path

import numpy as np
import pytest
from hoidap.index.store import IndexUnavailable, current_version, load_snapshot, publish, write_version
from hoidap.index.types import DocumentInfo, Passage


def _write(root: Path, text: str = "Xin chào.", embedder_id: str = "emb-a") -> str:
    passages = [Passage(0, "a.txt", "paragraph", text, [], 0, len(text), -1, 1)]
    vectors = np.eye(1, 4, dtype=np.float32)
    return write_version(root, passages, [DocumentInfo("a.txt", "A")], vectors,
                         embedder_id=embedder_id, chunker_version="c1")


def test_round_trip(tmp_path):
    publish(tmp_path, _write(tmp_path))
    snap = load_snapshot(tmp_path, expected_embedder="emb-a")
    assert snap.passages[0].text == "Xin chào." and len(snap.vectors) == 1


def test_missing_index_names_the_command(tmp_path):
    with pytest.raises(IndexUnavailable, match="hoidap reindex"):
        load_snapshot(tmp_path / "nothing")


def test_index_from_another_embedder_is_refused(tmp_path):
    publish(tmp_path, _write(tmp_path, embedder_id="emb-a"))
    with pytest.raises(IndexUnavailable, match=r"built with embedder 'emb-a'.*'emb-b'.*hoidap reindex --full"):
        load_snapshot(tmp_path, expected_embedder="emb-b")


@pytest.mark.parametrize("name", ["vectors.npy", "passages.text.blob.npy", "documents.json"])
def test_corrupt_file_is_refused(tmp_path, name):
    version = _write(tmp_path)
    publish(tmp_path, version)
    path = tmp_path / "versions" / version / name
    path.write_bytes(path.read_bytes()[:-3] + b"xyz")
    with pytest.raises(IndexUnavailable, match="corrupt.*hoidap reindex --full"):
        load_snapshot(tmp_path)


def test_corrupt_manifest_is_refused(tmp_path):
    version = _write(tmp_path)
    publish(tmp_path, version)
    (tmp_path / "versions" / version / "manifest.json").write_text("{not json")
    with pytest.raises(IndexUnavailable, match="manifest.*corrupt"):
        load_snapshot(tmp_path)


def test_a_failed_write_leaves_the_published_version_untouched(tmp_path, monkeypatch):
    first = _write(tmp_path, "Bản cũ.")
    publish(tmp_path, first)
    before = {p: p.read_bytes() for p in (tmp_path / "versions" / first).iterdir()}

    import hoidap.index.store as store

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(store, "_write_bytes", boom)
    with pytest.raises(OSError):
        _write(tmp_path, "Bản mới.")
    monkeypatch.undo()
    assert current_version(tmp_path) == first
    assert {p: p.read_bytes() for p in (tmp_path / "versions" / first).iterdir()} == before
    assert not [p for p in (tmp_path / "versions").iterdir() if p.name.startswith(".tmp")]
    assert load_snapshot(tmp_path).passages[0].text == "Bản cũ."


def test_publish_switches_atomically_and_keeps_the_previous_for_rollback(tmp_path):
    first = _write(tmp_path, "Một.")
    publish(tmp_path, first)
    second = _write(tmp_path, "Hai.")
    publish(tmp_path, second)
    assert load_snapshot(tmp_path).passages[0].text == "Hai."
    assert (tmp_path / "PREVIOUS").read_text().strip() == first
    publish(tmp_path, first)
    assert load_snapshot(tmp_path).passages[0].text == "Một."
