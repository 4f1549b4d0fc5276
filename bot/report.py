"""The trainer report, from the bot's SQLite log alone (no index, no Telegram).

What a trainer or an admin acts on: how many questions a day (answered, hedged, not found), the
topics asked most (grouped by the document and section that answered), the questions the bot
could not answer (the list to act on: a missing document or a wording the documents do not use),
👍/👎 per answer, and quiz results per question. ``hoidap report`` prints it (and writes a CSV and
a chart, hoidap.bot.chart); /baocao sends the same to a trainer in a private chat.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from hoidap.bot.format import esc
from hoidap.bot.store import Store


@dataclass(frozen=True)
class Day:
    day: str  # ISO date, local time
    high: int
    medium: int
    none: int

    @property
    def total(self) -> int:
        return self.high + self.medium + self.none


@dataclass(frozen=True)
class Topic:
    title: str
    section: str
    count: int


@dataclass(frozen=True)
class Unanswered:
    question: str
    count: int
    last: str  # ISO date of the latest time it was asked


@dataclass(frozen=True)
class Rated:
    question: str
    title: str
    section: str
    up: int
    down: int


@dataclass(frozen=True)
class QuizLine:
    question: str
    source: str  # the document and section the question is about
    answered: int
    correct: int

    @property
    def share(self) -> float:
        return self.correct / self.answered if self.answered else 0.0


@dataclass
class Report:
    since: str | None
    until: str
    days: list[Day] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    unanswered: list[Unanswered] = field(default_factory=list)
    rated: list[Rated] = field(default_factory=list)
    quiz: list[QuizLine] = field(default_factory=list)
    sessions: int = 0

    @property
    def questions(self) -> int:
        return sum(d.total for d in self.days)


def _day(ts: float) -> str:
    return time.strftime("%Y-%m-%d", time.localtime(ts))


def _since_ts(since: date | None) -> float:
    return datetime(since.year, since.month, since.day).timestamp() if since else 0.0


def build_report(store: Store, since: date | None = None, now: float | None = None, top: int = 10) -> Report:
    """Everything the report shows, from ``since`` (local midnight) until now."""
    start = _since_ts(since)
    report = Report(since.isoformat() if since else None, _day(now if now is not None else store.clock()))
    rows = store.read("SELECT id, ts, question, tier, answered, passages FROM questions WHERE ts >= ? ORDER BY ts",
                      (start,))
    per_day: dict[str, Counter[str]] = defaultdict(Counter)
    topics: Counter[tuple[str, str]] = Counter()
    unanswered: dict[str, list] = {}
    first_ref: dict[int, tuple[str, str]] = {}
    for qid, ts, question, tier, answered, passages in rows:
        tier = tier or ("high" if answered else "none")
        per_day[_day(ts)][tier] += 1
        refs = json.loads(passages)
        if tier != "none" and refs:
            where = (refs[0].get("title") or refs[0].get("doc") or "", refs[0].get("section") or "")
            topics[where] += 1
            first_ref[qid] = where
        if tier == "none":
            key = " ".join(question.casefold().split())
            seen = unanswered.setdefault(key, [question, 0, _day(ts)])
            seen[1] += 1
            seen[2] = _day(ts)
    report.days = [Day(d, c["high"], c["medium"], c["none"]) for d, c in sorted(per_day.items())]
    report.topics = [Topic(t, s, n) for (t, s), n in topics.most_common(top)]
    recent_first = sorted((Unanswered(q, n, last) for q, n, last in unanswered.values()),
                          key=lambda u: u.last, reverse=True)
    report.unanswered = sorted(recent_first, key=lambda u: -u.count)[: top * 3]
    rated = store.read(
        "SELECT q.id, q.question, COALESCE(SUM(f.value = 1), 0), COALESCE(SUM(f.value = -1), 0)"
        " FROM feedback f JOIN questions q ON q.id = f.question_id WHERE q.ts >= ? GROUP BY q.id",
        (start,),
    )
    report.rated = sorted(
        (Rated(question, *first_ref.get(qid, ("", "")), int(up), int(down)) for qid, question, up, down in rated),
        key=lambda r: (-r.down, -r.up, r.question),
    )[: top * 3]
    quiz_rows = store.read(
        "SELECT q.data, COUNT(a.user_id), COALESCE(SUM(a.correct), 0) FROM quiz_questions q"
        " JOIN quiz_sessions s ON s.id = q.session_id"
        " LEFT JOIN quiz_answers a ON a.session_id = q.session_id AND a.n = q.n"
        " WHERE s.ts >= ? AND q.poll_id IS NOT NULL GROUP BY q.session_id, q.n",
        (start,),
    )
    quiz: dict[tuple[str, str], list[int]] = {}
    for data, answered_n, correct_n in quiz_rows:
        q = json.loads(data)
        about = " — ".join(str(x) for x in (q.get("title") or q.get("doc"), q.get("section")) if x)
        totals = quiz.setdefault((str(q.get("question", "")), about), [0, 0])
        totals[0] += int(answered_n)
        totals[1] += int(correct_n)
    report.quiz = sorted((QuizLine(q, s, a, c) for (q, s), (a, c) in quiz.items()),
                         key=lambda x: (x.share if x.answered else 2.0, x.question))
    (report.sessions,) = store.read("SELECT COUNT(*) FROM quiz_sessions WHERE ts >= ?", (start,))[0]
    return report


def _vn_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def report_lines(r: Report) -> list[tuple[str, str]]:
    """The report as ("h", heading) and ("t", line) pairs, rendered as plain text or Telegram HTML."""
    up = sum(x.up for x in r.rated)
    down = sum(x.down for x in r.rated)
    high = sum(d.high for d in r.days)
    medium = sum(d.medium for d in r.days)
    none = sum(d.none for d in r.days)
    span = f"từ {_vn_date(r.since)} " if r.since else ""
    out: list[tuple[str, str]] = [
        ("h", f"Báo cáo hỏi đáp {span}đến {_vn_date(r.until)}"),
        ("t", f"{r.questions} câu hỏi: trả lời {high} · gần đúng {medium} · không tìm thấy {none}"
              f" · 👍 {up} · 👎 {down} · {r.sessions} bài kiểm tra"),
        ("h", "Câu hỏi mỗi ngày"),
    ]
    out += [("t", f"{_vn_date(d.day)}: {d.total} (trả lời {d.high}, gần đúng {d.medium}, không tìm thấy {d.none})")
            for d in r.days] or [("t", "Chưa có câu hỏi nào.")]
    out.append(("h", "Chủ đề được hỏi nhiều nhất (tài liệu — mục đã trả lời)"))
    out += [("t", f"{n}. {t.count} lượt · {t.title}" + (f" — {t.section}" if t.section else ""))
            for n, t in enumerate(r.topics, 1)] or [("t", "Chưa có.")]
    out.append(("h", "Câu hỏi chưa trả lời được (cần bổ sung tài liệu hoặc hỏi bằng từ của văn bản)"))
    out += [("t", f"{n}. {u.count} lượt · «{u.question}» (lần cuối {_vn_date(u.last)})")
            for n, u in enumerate(r.unanswered, 1)] or [("t", "Không có.")]
    out.append(("h", "Góp ý 👍/👎 theo câu trả lời"))
    out += [("t", f"👍 {x.up} · 👎 {x.down} · «{x.question}»" + (f" → {x.title}" if x.title else "")
             + (f" — {x.section}" if x.section else "")) for x in r.rated] or [("t", "Chưa có góp ý.")]
    out.append(("h", "Kết quả kiểm tra theo câu hỏi"))
    out += [("t", f"{round(100 * q.share)}% đúng ({q.correct}/{q.answered}) · «{q.question}»"
             + (f" — {q.source}" if q.source else "")) for q in r.quiz] or [("t", "Chưa có bài kiểm tra.")]
    return out


def report_text(r: Report) -> str:
    """Plain text for the terminal."""
    lines: list[str] = []
    for kind, text in report_lines(r):
        if kind == "h":
            lines += ["", text, "-" * min(len(text), 72)] if lines else [text, "=" * min(len(text), 72)]
        else:
            lines.append(f"  {text}")
    return "\n".join(lines) + "\n"


def report_html(r: Report) -> str:
    """Telegram HTML (every stored text escaped); the caller splits it under 4096 characters."""
    parts: list[str] = []
    for kind, text in report_lines(r):
        if kind == "h":
            parts.append(f"\n<b>{esc(text)}</b>" if parts else f"<b>{esc(text)}</b>")
        else:
            parts.append(esc(text))
    return "\n".join(parts)


CSV_COLUMNS = ["bảng", "ngày", "tài liệu", "mục", "câu hỏi", "số lượt", "trả lời", "gần đúng", "không tìm thấy",
               "thích", "không thích", "đúng"]


def write_csv(r: Report, path: Path) -> None:
    """One table in long form (a "bảng" column says which part of the report a row belongs to),
    UTF-8 with a byte-order mark so spreadsheet programs read the Vietnamese right."""
    rows: list[dict[str, object]] = []
    rows += [{"bảng": "ngày", "ngày": d.day, "số lượt": d.total, "trả lời": d.high, "gần đúng": d.medium,
              "không tìm thấy": d.none} for d in r.days]
    rows += [{"bảng": "chủ đề", "tài liệu": t.title, "mục": t.section, "số lượt": t.count} for t in r.topics]
    rows += [{"bảng": "chưa trả lời", "ngày": u.last, "câu hỏi": u.question, "số lượt": u.count}
             for u in r.unanswered]
    rows += [{"bảng": "góp ý", "tài liệu": x.title, "mục": x.section, "câu hỏi": x.question, "thích": x.up,
              "không thích": x.down} for x in r.rated]
    rows += [{"bảng": "kiểm tra", "tài liệu": q.source, "câu hỏi": q.question, "số lượt": q.answered,
              "đúng": q.correct} for q in r.quiz]
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
