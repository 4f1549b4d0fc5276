"""Questions from the command line, a `--batch` file or stdin, whatever bytes they hold.

A terminal set to another code page or a file saved as cp1258 gives bytes that are not UTF-8.
Python then hands us lone surrogates (arguments, the C locale's stdin) or raises while reading (a
UTF-8 locale's stdin, a file opened as UTF-8) — and `ask` died with no output. Here undecodable
bytes become U+FFFD, the caller is told which question held them, and the question is answered.

>>> question_from_argv(["khâu", "\\udce2"])
('khâu �', True)
>>> import io
>>> list(question_lines(io.BytesIO(b"\\xef\\xbb\\xbfm\\xe1\\xbb\\x99t\\n\\nhai \\xff\\n")))
[(1, 'một', False), (3, 'hai �', True)]
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import BinaryIO

REPLACEMENT = "\ufffd"


def repaired(text: str) -> tuple[str, bool]:
    """`text` read with surrogateescape, its undecodable bytes replaced; and whether there were any."""
    if not any("\udc80" <= c <= "\udcff" for c in text):
        return text, False
    return os.fsencode(text).decode("utf-8", "replace"), True


def question_from_argv(parts: list[str]) -> tuple[str, bool]:
    """The question given as arguments (joined by spaces, stripped)."""
    text, bad = repaired(" ".join(parts))
    return text.strip(), bad


def question_lines(stream: BinaryIO) -> Iterator[tuple[int, str, bool]]:
    """(line number, question, had undecodable bytes) for each non-blank line of a byte stream."""
    for number, raw in enumerate(stream, 1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]  # a BOM from Windows Notepad
        try:
            text, bad = raw.decode("utf-8"), False
        except UnicodeDecodeError:
            text, bad = raw.decode("utf-8", "replace"), True
        if text.strip():
            yield number, text.strip(), bad
