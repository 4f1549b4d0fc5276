"""The trainer report: figures from the SQLite log, `hoidap report` (a real process), /baocao in-process."""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from hoidap.bot.quizstore import QuizStore
from hoidap.bot.report import build_report, report_html, report_text
from hoidap.bot.store import Store
from hoidap.bot.tghtml import check
from hoidap.index.types import Answer, AnswerPassage
from tgharness import Harness

DAY = 86400.0
NOON = time.mktime((2026, 11, 20, 12, 0, 0, 0, 0, -1))  # local noon, so days do not depend on the time zone


class Clock:
    def __init__(self) -> None:
        self.now = NOON

    def __call__(self) -> float:
        return self.now


def answer(q: str, tier: str, title: str = "Nghị quyết 57", section: str = "I. QUAN ĐIỂM") -> Answer:
    if tier == "none":
        return Answer(q, False, "Không tìm thấy", [])
    p = AnswerPassage("nq57.txt", title, section, "Trích.", 0.9, passage_ids=[1], index_version="v1")
    return Answer(q, True, "Trích.", [p], tier=tier)  # type: ignore[arg-type]


def fill(path: Path) -> Store:
    """Three days of use: answered, hedged and unanswered questions, feedback and a quiz session."""
    clock = Clock()
    store = Store(path, retention_days=0, clock=clock)
    q1 = store.log_question(1, 1, "Quan điểm chỉ đạo là gì?", answer("", "high"), 10)
    store.log_question(2, 2, "quan điểm?", answer("", "high"), 10)
    store.log_question(2, 2, "Giá vé máy bay?", answer("", "none"), 10)
    clock.now += DAY
    q4 = store.log_question(1, 1, "Mục tiêu 2030?", answer("", "medium", section="II. MỤC TIÊU"), 10)
    store.log_question(3, 3, "giá vé  MÁY BAY?", answer("", "none"), 10)
    store.log_question(3, 3, "Thời tiết?", answer("", "none"), 10)
    clock.now += DAY
    store.log_question(1, 1, "Quan điểm thứ nhất?", answer("", "high"), 10)
    store.add_feedback(q1, 1, True)
    store.add_feedback(q4, 1, False)
    quizzes = QuizStore(store)
    questions = [{"question": f"Câu {n}?", "options": ["A", "B", "C"], "correct": n % 3, "title": "Nghị quyết 57",
                  "section": "I. QUAN ĐIỂM", "source": "(1) Trích nguyên văn."} for n in range(2)]
    session = quizzes.create(-100, 9, False, None, questions)
    for n in range(2):
        quizzes.advance(session.id, n - 1)
        quizzes.sent(session.id, n, f"poll-{n}", 100 + n)
        for user, option in ((1, 0), (2, 1)):
            ref = quizzes.poll(f"poll-{n}")
            assert ref is not None
            quizzes.record(ref, user, f"Người {user}", option)
    return store


def test_report_figures(tmp_path: Path) -> None:
    store = fill(tmp_path / "log.sqlite3")
    report = build_report(store)
    assert [(d.day, d.high, d.medium, d.none) for d in report.days] == [
        ("2026-11-20", 2, 0, 1), ("2026-11-21", 0, 1, 2), ("2026-11-22", 1, 0, 0)]
    assert [(t.title, t.section, t.count) for t in report.topics] == [
        ("Nghị quyết 57", "I. QUAN ĐIỂM", 3), ("Nghị quyết 57", "II. MỤC TIÊU", 1)]
    assert [(u.question, u.count, u.last) for u in report.unanswered] == [
        ("Giá vé máy bay?", 2, "2026-11-21"), ("Thời tiết?", 1, "2026-11-21")]  # the same question, counted once
    assert [(r.question, r.up, r.down, r.section) for r in report.rated] == [
        ("Mục tiêu 2030?", 0, 1, "II. MỤC TIÊU"), ("Quan điểm chỉ đạo là gì?", 1, 0, "I. QUAN ĐIỂM")]
    assert [(q.question, q.answered, q.correct) for q in report.quiz] == [("Câu 0?", 2, 1), ("Câu 1?", 2, 1)]
    assert report.sessions == 1 and report.questions == 7
    since = build_report(store, since=date(2026, 11, 21))
    assert [d.day for d in since.days] == ["2026-11-21", "2026-11-22"] and since.topics[0].count == 1
    text = report_text(report)
    assert "7 câu hỏi: trả lời 3 · gần đúng 1 · không tìm thấy 3 · 👍 1 · 👎 1 · 1 bài kiểm tra" in text
    assert "1. 2 lượt · «Giá vé máy bay?» (lần cuối 21/11/2026)" in text
    assert "50% đúng (1/2) · «Câu 0?» — Nghị quyết 57 — I. QUAN ĐIỂM" in text
    assert check(report_html(report)).startswith("Báo cáo hỏi đáp đến 22/11/2026")
    store.close()


@pytest.mark.slow
def test_hoidap_report_command_writes_text_csv_and_png(tmp_path: Path) -> None:
    fill(tmp_path / "log.sqlite3").close()
    hoidap = Path(sys.executable).with_name("hoidap")
    done = subprocess.run(
        [str(hoidap), "report", "--db", str(tmp_path / "log.sqlite3"), "--since", "2026-11-20",
         "--csv", str(tmp_path / "r.csv"), "--png", str(tmp_path / "r.png")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Báo cáo hỏi đáp từ 20/11/2026 đến" in done.stdout and "Câu hỏi chưa trả lời được" in done.stdout
    with (tmp_path / "r.csv").open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert {r["bảng"] for r in rows} == {"ngày", "chủ đề", "chưa trả lời", "góp ý", "kiểm tra"}
    assert {"bảng": "chưa trả lời", "câu hỏi": "Giá vé máy bay?", "số lượt": "2"}.items() <= next(
        r for r in rows if r["bảng"] == "chưa trả lời").items()
    png = (tmp_path / "r.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    bad = subprocess.run([str(hoidap), "report", "--db", str(tmp_path / "log.sqlite3"), "--since", "20/11"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr


def test_chart_draws_vietnamese_text_without_missing_glyphs(tmp_path: Path, recwarn: pytest.WarningsRecorder) -> None:
    from hoidap.bot.chart import render_chart

    store = fill(tmp_path / "log.sqlite3")
    render_chart(build_report(store), tmp_path / "chart.png")
    missing = [w for w in recwarn if "missing from" in str(w.message).lower() or "glyph" in str(w.message).lower()]
    assert missing == []  # DejaVu Sans has every Vietnamese letter the chart uses
    assert (tmp_path / "chart.png").stat().st_size > 20_000
    store.close()


async def test_baocao_goes_to_a_trainer_in_a_private_chat_only(tmp_path: Path) -> None:
    async with Harness(tmp_path, trainer_users=frozenset({9})) as h:
        await h.message("Khâu đột phá là gì?", user=1)
        await h.message("Thời tiết thế nào?", user=1)
        await h.message("/baocao", user=1)
        assert h.request.texts()[-1] == "Lệnh này chỉ dành cho người hướng dẫn."
        await h.message("/baocao", user=9, chat=-100, chat_type="group")
        assert h.request.texts()[-1] == "Báo cáo chỉ gửi trong tin nhắn riêng với bot."
        await h.message("/baocao 7", user=9)
        report = check(h.request.texts()[-1])
        assert "2 câu hỏi: trả lời 1 · gần đúng 0 · không tìm thấy 1" in report
        assert "«Thời tiết thế nào?»" in report
        [photo] = h.request.sent("sendPhoto")
        assert photo["chat_id"] == 9 and "7 ngày" in photo["caption"]
        assert any(content[:8] == b"\x89PNG\r\n\x1a\n" for _method, content in h.request.files)
