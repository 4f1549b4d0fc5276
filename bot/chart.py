"""The trainer report as one PNG: questions per day, top topics, quiz results, 👍/👎 per answer.

Rendered with matplotlib's object API on the headless Agg canvas (no display, no pyplot global
state, safe in the bot's worker threads) in DejaVu Sans, which matplotlib ships and which has
every Vietnamese letter with its stacked marks (ệ, ở, ữ …). Emoji are not in the font, so the
chart says "thích / không thích" where the text report shows 👍 / 👎.
"""

from __future__ import annotations

import textwrap
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO

from hoidap.bot.report import Report
from matplotlib.ticker import MaxNLocator

FONT = "DejaVu Sans"
GREEN, AMBER, RED, BLUE, GREY = "#2e9d5b", "#e0a800", "#d64545", "#3390ec", "#8a8f98"


def _wrap(text: str, width: int = 38, lines: int = 2) -> str:
    return "\n".join(textwrap.wrap(text, width, max_lines=lines, placeholder="…")) or "—"


def _empty(ax: Any, text: str) -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", color=GREY, fontsize=11, transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


def render_chart(report: Report, out: Path | BinaryIO) -> None:
    """Write the report's chart as PNG to a path or a binary file object."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with rc_context({"font.family": FONT, "axes.spines.top": False, "axes.spines.right": False}):
        fig = Figure(figsize=(13, 9.5), dpi=100, layout="constrained")
        FigureCanvasAgg(fig)
        span = f"từ {_date(report.since)} " if report.since else ""
        fig.suptitle(f"Báo cáo hỏi đáp {span}đến {_date(report.until)} · {report.questions} câu hỏi",
                     fontsize=15, fontweight="bold")
        days, topics, quiz, rated = fig.subplots(2, 2).flat
        _days(days, report)
        _topics(topics, report)
        _quiz(quiz, report)
        _rated(rated, report)
        fig.savefig(out, format="png")


def chart_png(report: Report) -> bytes:
    buffer = BytesIO()
    render_chart(report, buffer)
    return buffer.getvalue()


def _date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def _days(ax: Any, report: Report) -> None:
    ax.set_title("Câu hỏi mỗi ngày", loc="left", fontweight="bold")
    if not report.days:
        _empty(ax, "Chưa có câu hỏi nào")
        return
    labels = [_date(d.day)[:5] for d in report.days]
    x = range(len(labels))
    high = [d.high for d in report.days]
    medium = [d.medium for d in report.days]
    none = [d.none for d in report.days]
    ax.bar(x, high, color=GREEN, label="trả lời")
    ax.bar(x, medium, bottom=high, color=AMBER, label="gần đúng (có lưu ý)")
    ax.bar(x, none, bottom=[a + b for a, b in zip(high, medium, strict=True)], color=RED, label="không tìm thấy")
    step = max(1, len(labels) // 12)
    ax.set_xticks(list(x)[::step], labels[::step], rotation=45 if len(labels) > 8 else 0)
    ax.set_ylabel("số câu hỏi")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(frameon=False, fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncols=3)


def _topics(ax: Any, report: Report) -> None:
    ax.set_title("Chủ đề được hỏi nhiều nhất", loc="left", fontweight="bold")
    topics = report.topics[:8]
    if not topics:
        _empty(ax, "Chưa có câu trả lời nào")
        return
    labels = [_wrap(f"{t.title} — {t.section}" if t.section else t.title, 44) for t in topics]
    ax.barh(range(len(topics)), [t.count for t in topics], color=BLUE, height=0.6)
    ax.set_yticks(range(len(topics)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel("số câu hỏi")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _quiz(ax: Any, report: Report) -> None:
    ax.set_title("Kiểm tra: tỉ lệ trả lời đúng từng câu", loc="left", fontweight="bold")
    lines = [q for q in report.quiz if q.answered][:8]
    if not lines:
        _empty(ax, "Chưa có bài kiểm tra nào")
        return
    shares = [100 * q.share for q in lines]
    colors = [GREEN if s >= 70 else AMBER if s >= 40 else RED for s in shares]
    ax.barh(range(len(lines)), shares, color=colors, height=0.6)
    ax.set_yticks(range(len(lines)), [_wrap(q.question, 44) for q in lines], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("% trả lời đúng")
    for i, q in enumerate(lines):
        ax.text(min(100 * q.share + 1, 88), i, f"{q.correct}/{q.answered}", va="center", fontsize=8)


def _rated(ax: Any, report: Report) -> None:
    ax.set_title("Góp ý theo câu trả lời", loc="left", fontweight="bold")
    # The answers most disliked (what to look at first) and the most liked, four of each at most.
    disliked = [r for r in sorted(report.rated, key=lambda r: (-r.down, r.up)) if r.down > r.up][:4]
    liked = [r for r in sorted(report.rated, key=lambda r: (-r.up, r.down)) if r.up >= r.down][: 8 - len(disliked)]
    rated = disliked + liked
    if not rated:
        _empty(ax, "Chưa có góp ý nào")
        return
    y = range(len(rated))
    ax.barh(y, [r.up for r in rated], color=GREEN, label="thích", height=0.6)
    ax.barh(y, [-r.down for r in rated], color=RED, label="không thích", height=0.6)
    ax.set_yticks(list(y), [_wrap(r.question, 44) for r in rated], fontsize=8)
    ax.invert_yaxis()
    ax.axvline(0, color=GREY, linewidth=0.8)
    most = max(max(r.up, r.down) for r in rated)
    ax.set_xlim(-most - 0.5, most + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(lambda v, _pos: f"{abs(int(v))}")
    ax.legend(frameon=False, fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=2)
