"""Questions that are not valid UTF-8 (issue 11, item 10), through the real `hoidap` command.

An argument, a `--batch` file or stdin holding bytes that are not UTF-8 (a terminal set to
another code page, a file saved as cp1258) crashed `ask` with no output. Undecodable bytes are
now replaced by U+FFFD, the question is answered, the line is named on stderr, and every other
line of a batch is answered too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirun import hoidap
from hoidap.index.builder import IndexBuilder

pytestmark = pytest.mark.slow  # real processes

DOC = "Các khâu đột phá chiến lược:\n\n(1) Thể chế.\n\n(2) Hạ tầng giao thông.\n\n(3) Nguồn nhân lực."
GOOD = "các khâu đột phá là gì".encode()
# Standard streams as in a UTF-8 terminal (en_US.UTF-8): strict, unlike the C locale's surrogateescape.
STRICT = {"PYTHONIOENCODING": "utf-8"}
BAD = b"c\xe1c kh\xe2u \xff\xfe \xc4\x91\xe1\xbb\x99t ph\xc3\xa1"  # cp1258/latin-1 bytes in UTF-8 text


@pytest.fixture
def index(tmp_path: Path, hash_embedder) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "dot-pha.txt").write_text(DOC, encoding="utf-8")
    IndexBuilder(hash_embedder).build(corpus, tmp_path / "index")
    return tmp_path / "index"


def test_an_argument_that_is_not_utf8_is_answered(tmp_path, index):
    run = hoidap(tmp_path, "ask", "--index", str(index), "--json", BAD, **STRICT)
    assert run.returncode == 0, run.stderr
    answer = json.loads(run.stdout)
    assert "\ufffd" in answer["question"] and "đột phá" in answer["question"]
    assert "không phải UTF-8" in run.stderr and "Traceback" not in run.stderr
    text = hoidap(tmp_path, "ask", "--index", str(index), BAD, **STRICT)
    assert text.returncode == 0 and text.stdout.strip()


@pytest.mark.parametrize("source", ["file", "stdin"])
def test_a_batch_with_a_line_that_is_not_utf8_answers_every_line(tmp_path, index, source):
    lines = [GOOD, BAD, b"\xff\xfe\xfd", GOOD + b" ?"]
    data = b"\n".join(lines) + b"\n"
    if source == "file":
        batch = tmp_path / "questions.txt"
        batch.write_bytes(data)
        run = hoidap(tmp_path, "ask", "--index", str(index), "--batch", str(batch), **STRICT)
    else:
        run = hoidap(tmp_path, "ask", "--index", str(index), "--batch", "-", input=data, **STRICT)
    assert run.returncode == 0, run.stderr
    out = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(out) == len(lines)
    assert out[0]["question"] == GOOD.decode() and out[3]["question"] == GOOD.decode() + " ?"
    assert out[0]["answered"] and out[3]["answered"]
    assert "\ufffd" in out[1]["question"] and out[2]["question"] == "\ufffd" * 3
    warned = [line for line in run.stderr.splitlines() if "không phải UTF-8" in line]
    assert len(warned) == 2 and warned[0].startswith("dòng 2:") and warned[1].startswith("dòng 3:")
    assert "Traceback" not in run.stderr


def test_chat_survives_a_line_that_is_not_utf8(tmp_path, index):
    run = hoidap(tmp_path, "chat", "--index", str(index), input=BAD + b"\n" + GOOD + b"\n", **STRICT)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert run.stdout.count("❓") == 3  # two questions answered, then the prompt that met the end of input
