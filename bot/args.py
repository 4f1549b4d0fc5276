"""Command arguments: "/ontap 57-NQ/TW", "/quiz 5 nghị quyết 57" → what the user asked for.

A document is named by its number in /tailieu, its số hiệu or words of its title; when the words
fit several documents the user is shown them and asked to be more precise.
"""

from __future__ import annotations

from hoidap.bot import texts
from hoidap.bot.format import document_line, esc
from hoidap.bot.library import Library
from hoidap.index.types import DocumentInfo


def argument(text: str | None) -> str:
    """What follows the command.

    >>> argument("/ontap@HoiDapBot  57-NQ/TW "), argument("/ontap")
    ('57-NQ/TW', '')
    """
    parts = (text or "").split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def quiz_arguments(text: str | None, default: int, most: int) -> tuple[int, str] | None:
    """(how many questions, the document words) of "/quiz [n] [tài liệu]"; None when n is out of range.

    >>> quiz_arguments("/quiz", 5, 10), quiz_arguments("/quiz 3 57-NQ/TW", 5, 10)
    ((5, ''), (3, '57-NQ/TW'))
    >>> quiz_arguments("/quiz nghị quyết 57", 5, 10), quiz_arguments("/quiz 99", 5, 10)
    ((5, 'nghị quyết 57'), None)
    """
    rest = argument(text)
    first, _, tail = rest.partition(" ")
    if first.isdigit():
        n = int(first) if len(first) <= 3 else most + 1
        return (n, tail.strip()) if 1 <= n <= most else None
    return default, rest


def choose_document(library: Library, query: str) -> DocumentInfo | str:
    """The one document ``query`` names, or the reply that explains why there is not exactly one."""
    matches = library.find(query)
    if not matches:
        return texts.DOC_UNKNOWN.format(query=esc(query))
    if len(matches) > 1:
        order = {d.doc_id: n for n, d in enumerate(library.newest_first, 1)}
        names = "\n".join(f"{order[d.doc_id]}. {document_line(d)}" for d in matches[:8])
        return texts.DOC_AMBIGUOUS.format(n=len(matches), query=esc(query), names=names)
    return matches[0]
