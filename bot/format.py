"""Render answers, sources and document lists as Telegram HTML.

Everything that comes from a document goes through ``html.escape`` here and nowhere else, so a
resolution that contains ``<``, ``&`` or ``*`` is shown exactly as written and can never break the
markup (HTML parse mode gives ``*`` no meaning, unlike Markdown).

>>> p = AnswerPassage(doc="a.txt", title="NQ <1>", section="I › 2", text="a & b. c", score=1.0,
...                   date="2024-12-22", number="57-NQ/TW", highlights=[(0, 6)])
>>> print(answer_card(p))
<b>I › 2</b>
<blockquote><b>a &amp; b.</b> c</blockquote>
📄 NQ &lt;1&gt; · Số hiệu: 57-NQ/TW · Ngày 22/12/2024
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from hoidap.index.types import NOT_FOUND, AnswerPassage, DocumentInfo

SUGGESTIONS_TEXT = "Có thể bạn muốn xem các mục:"
# The way onward, under the pipeline's refusal (its NOT_FOUND, or which document or name is missing).
NOT_FOUND_HINT = "Bạn thử hỏi cách khác (dùng từ ngữ trong văn bản), hoặc gõ /tailieu để xem các tài liệu đang có."


def esc(text: str | None) -> str:
    """Escape document text for HTML parse mode (quotes too, so it is also safe inside attributes)."""
    return html.escape(text or "", quote=True)


def format_date(value: str | None) -> str:
    """ISO date to the Vietnamese dd/mm/yyyy; partial dates keep what is known; anything else as is.

    >>> format_date("2024-12-22"), format_date("2024-12"), format_date("2024"), format_date(None)
    ('22/12/2024', '12/2024', '2024', '')
    """
    if not value:
        return ""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?", value.strip())
    if not m:
        return value
    year, month, day = m.groups()
    if day:
        return f"{int(day):02d}/{int(month):02d}/{year}"
    if month:
        return f"{int(month):02d}/{year}"
    return year


def highlighted(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Escape ``text`` and wrap the given character spans in <b>; spans may overlap or be out of range."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, int(s)), min(len(text), int(e))) for s, e in spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out: list[str] = []
    pos = 0
    for start, end in merged:
        out.append(esc(text[pos:start]))
        out.append(f"<b>{esc(text[start:end])}</b>")
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def source_line(p: AnswerPassage) -> str:
    """Title, số hiệu and date of the quoted document, on one line."""
    bits = [f"📄 {esc(p.title or p.doc)}"]
    if p.number:
        bits.append(f"Số hiệu: {esc(p.number)}")
    if p.date:
        bits.append(f"Ngày {esc(format_date(p.date))}")
    return " · ".join(bits)


def answer_card(p: AnswerPassage, heading: str = "") -> str:
    """The answer card: optional heading, section path in bold, the verbatim quote, the source line."""
    lines = []
    if heading:
        lines.append(f"<i>{esc(heading)}</i>")
    if p.section:
        lines.append(f"<b>{esc(p.section)}</b>")
    lines.append(f"<blockquote>{highlighted(p.text, p.highlights)}</blockquote>")
    lines.append(source_line(p))
    return "\n".join(lines)


def not_found(suggestions: bool = False, reason: str = "") -> str:
    """Said plainly, with the way forward; never an unrelated passage dressed up as an answer.

    With ``suggestions`` the nearby sections offered as buttons are announced; a ``reason`` (the
    pipeline's "Kho tài liệu không có Nghị quyết 59 …") replaces the generic first line.

    >>> not_found(reason="Kho tài liệu không có Nghị quyết 59.").splitlines()[0]
    'Kho tài liệu không có Nghị quyết 59.'
    """
    text = esc(f"{reason or NOT_FOUND}\n{NOT_FOUND_HINT}")
    return f"{text}\n\n{esc(SUGGESTIONS_TEXT)}" if suggestions else text


def document_line(d: DocumentInfo) -> str:
    """A document's title with its số hiệu and date, for lists.

    >>> document_line(DocumentInfo("a.txt", "Nghị quyết <A>", date="2024-12-22", number="57-NQ/TW"))
    'Nghị quyết &lt;A&gt; (57-NQ/TW, 22/12/2024)'
    """
    extra = [esc(d.number)] if d.number else []
    if d.date:
        extra.append(esc(format_date(d.date)))
    tail = f" ({', '.join(extra)})" if extra else ""
    return f"{esc(d.title or d.doc_id)}{tail}"


def document_details(info: DocumentInfo | None, fallback: AnswerPassage | None = None) -> str:
    """Everything known about one document, for the "Nguồn" button."""
    if info is None:
        if fallback is None:
            return "Không tìm thấy thông tin về tài liệu này."
        return f"<b>Nguồn</b>\n{source_line(fallback)}"
    rows = [f"<b>{esc(info.title or info.doc_id)}</b>"]
    if info.number:
        rows.append(f"Số hiệu: {esc(info.number)}")
    if info.issuer:
        rows.append(f"Cơ quan ban hành: {esc(info.issuer)}")
    if info.date:
        rows.append(f"Ngày: {esc(format_date(info.date))}")
    if info.author:
        rows.append(f"Tác giả: {esc(info.author)}")
    if info.url:
        rows.append(f"Địa chỉ: {esc(info.url)}")
    rows.append(f"Tệp: {esc(info.doc_id)}")
    return "\n".join(rows)


def sources_list(passages: Iterable[AnswerPassage]) -> str:
    """/nguon: where each quoted passage of the last answer comes from, without the quotes."""
    rows = ["<b>Nguồn của câu trả lời gần nhất</b>"]
    for n, p in enumerate(passages, 1):
        where = f" — {esc(p.section)}" if p.section else ""
        rows.append(f"{n}. {source_line(p)}{where}")
    return "\n".join(rows)
