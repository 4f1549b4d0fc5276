"""Callback data: what an inline button carries, encoded and parsed here and nowhere else.

Anyone can send a bot any callback data, so a button carries no state of its own: an action code,
an unguessable token (16 URL-safe characters, issued by hoidap.bot.store.Store.issue_token and
bound there to the chat — and for feedback the user — it was made for) and at most three small
numbers (7 digits each, so nothing can overflow). Everything else stays on the server. The whole
string is far under Telegram's 64-byte limit, which ``encode`` checks anyway.

>>> data = encode(ALT, "AbCdEfGhIjKlMnOp", 1)
>>> data
'alt:AbCdEfGhIjKlMnOp:1'
>>> parse(data)
Press(action='alt', token='AbCdEfGhIjKlMnOp', args=(1,))
>>> parse("alt:99999999999999999999:0") is None, parse("alt:AbCdEfGhIjKlMnOp:12345678") is None
(True, True)
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Answer cards
ALT = "alt"  # "Đoạn khác": the n-th passage the pipeline offered
SECTION = "sec"  # "Xem cả mục"
SOURCE = "src"  # "Nguồn"
FEEDBACK = "fb"  # 👍 (1) / 👎 (0); only the asker's vote counts
SUGGESTION = "sug"  # not found: open the n-th nearby section
SAMPLE = "ask"  # /start: ask the n-th sample question
# Browsing (/tailieu): the list, a document's outline, a section; each edits the same message
LIST = "tl"  # page
OUTLINE = "td"  # document number, outline page
READ = "ts"  # document number, outline entry, part
# Review (/ontap)
REVIEW_OPEN = "ro"  # document number (from the chooser)
REVIEW_NEXT = "rn"  # unit number
REVIEW_ASK = "rq"  # unit number: the next question is searched in this document only
REVIEW_CHECK = "rk"  # unit number: one quiz question about it
# Quiz sessions (/quiz)
QUIZ_NEXT = "qn"  # question number being left (a trainer advances a group session)
QUIZ_END = "qe"

ARITY: dict[str, int] = {
    ALT: 1, SECTION: 1, SOURCE: 1, FEEDBACK: 1, SUGGESTION: 1, SAMPLE: 1,
    LIST: 1, OUTLINE: 2, READ: 3,
    REVIEW_OPEN: 1, REVIEW_NEXT: 1, REVIEW_ASK: 1, REVIEW_CHECK: 1,
    QUIZ_NEXT: 1, QUIZ_END: 0,
}  # fmt: skip
"""How many numbers each action carries."""

TOKEN_PATTERN = r"[A-Za-z0-9_-]{16}"
MAX_NUMBER = 9_999_999
_NUMBER = r"(?:0|[1-9][0-9]{0,6})"
_PRESS = re.compile(rf"([a-z]{{2,3}}):({TOKEN_PATTERN})((?::{_NUMBER}){{0,3}})")
LIMIT_BYTES = 64


class Press(NamedTuple):
    """A parsed button press."""

    action: str
    token: str
    args: tuple[int, ...]


def encode(action: str, token: str, *args: int) -> str:
    """The callback_data for a button; ValueError when it could not be parsed back or is too long."""
    if ARITY.get(action) != len(args):
        raise ValueError(f"action {action!r} takes {ARITY.get(action)} numbers, got {args!r}")
    if not re.fullmatch(TOKEN_PATTERN, token):
        raise ValueError(f"token {token!r}: expected 16 URL-safe characters")
    if any(not 0 <= a <= MAX_NUMBER for a in args):
        raise ValueError(f"button numbers {args!r}: each must be in 0..{MAX_NUMBER}")
    data = ":".join([action, token, *map(str, args)])
    if len(data.encode()) > LIMIT_BYTES:
        raise ValueError(f"callback data {data!r} is over Telegram's {LIMIT_BYTES} bytes")
    return data


def parse(data: str | None) -> Press | None:
    """The press a callback_data stands for, or None for anything this bot never issued."""
    m = _PRESS.fullmatch(data or "")
    if not m or m.group(1) not in ARITY:
        return None
    args = tuple(int(a) for a in m.group(3).split(":")[1:])
    if len(args) != ARITY[m.group(1)]:
        return None
    return Press(m.group(1), m.group(2), args)


def pattern(action: str) -> re.Pattern[str]:
    """The ``CallbackQueryHandler(pattern=…)`` that routes one action's buttons (and nothing malformed).

    >>> bool(pattern(FEEDBACK).match("fb:AbCdEfGhIjKlMnOp:1")), bool(pattern(FEEDBACK).match("fb:1:1"))
    (True, False)
    """
    if action not in ARITY:
        raise ValueError(f"unknown button action {action!r}")
    numbers = "".join(f":{_NUMBER}" for _ in range(ARITY[action]))
    return re.compile(rf"^{action}:{TOKEN_PATTERN}{numbers}\Z")
