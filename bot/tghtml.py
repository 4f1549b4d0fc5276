"""Telegram's HTML subset: a tokenizer and a strict checker.

Telegram rejects a whole message when its HTML has an unknown tag, an unbalanced tag or a bare ``&``,
and it limits the length of the *parsed* text, not of the markup. The splitter needs the tokens (so
it never cuts inside a tag or an entity) and the tests and the end-to-end proxy need a checker that
is at least as strict as Telegram, so both live here, in one place.

>>> plain_text("<b>a &lt; b</b>")
'a < b'
>>> check("<b>x</i>")
Traceback (most recent call last):
...
ValueError: Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Tags Telegram accepts in parse_mode=HTML (https://core.telegram.org/bots/api#html-style).
ALLOWED_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-emoji",
    }
)

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^<>]*)?)\s*>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|lt|gt|amp|quot);")


@dataclass(frozen=True)
class Token:
    """One piece of markup: ``kind`` is "open", "close", "entity" or "char"; ``raw`` is the source text."""

    kind: str
    raw: str
    name: str = ""  # tag name for open/close
    text: str = ""  # the plain text this token contributes ("" for tags)


def tokenize(markup: str) -> list[Token]:
    """Split Telegram HTML into tags, entities and single characters; raise ValueError when malformed.

    Characters are single tokens so a splitter can cut between any two of them and nowhere else.
    """
    tokens: list[Token] = []
    i, n = 0, len(markup)
    while i < n:
        ch = markup[i]
        if ch == "<":
            m = _TAG.match(markup, i)
            if not m:
                raise ValueError(
                    f'Bad Request: can\'t parse entities: Unexpected "<" at byte offset {_off(markup, i)}'
                )
            closing, name = m.group(1) == "/", m.group(2).lower()
            if name not in ALLOWED_TAGS:
                kind = "end" if closing else "start"
                raise ValueError(
                    f'Bad Request: can\'t parse entities: Unsupported {kind} tag "{name}" at byte offset '
                    f"{_off(markup, i)}"
                )
            tokens.append(Token("close" if closing else "open", m.group(0), name))
            i = m.end()
        elif ch == "&":
            m = _ENTITY.match(markup, i)
            if not m:
                raise ValueError(
                    "Bad Request: can't parse entities: Character entity expected at byte offset "
                    f"{_off(markup, i)}"
                )
            tokens.append(Token("entity", m.group(0), text=html.unescape(m.group(0))))
            i = m.end()
        elif ch == ">":
            # Telegram tolerates a bare ">", but our own output never has one: escape() turns it into &gt;.
            tokens.append(Token("char", ch, text=ch))
            i += 1
        else:
            tokens.append(Token("char", ch, text=ch))
            i += 1
    return tokens


def check(markup: str) -> str:
    """Validate like Telegram does (tags known and balanced, entities well formed); return the plain text."""
    stack: list[str] = []
    out: list[str] = []
    for tok in tokenize(markup):
        if tok.kind == "open":
            stack.append(tok.name)
        elif tok.kind == "close":
            if not stack:
                raise ValueError(f'Bad Request: can\'t parse entities: Unexpected end tag "{tok.name}"')
            if stack[-1] != tok.name:
                raise ValueError(_unclosed(stack[-1]))
            stack.pop()
        else:
            out.append(tok.text)
    if stack:
        raise ValueError(_unclosed(stack[-1]))
    return "".join(out)


def plain_text(markup: str) -> str:
    """The text a reader sees, i.e. what Telegram's 4096 limit is measured on."""
    return check(markup)


def utf16_len(text: str) -> int:
    """Telegram counts lengths in UTF-16 code units (an emoji outside the BMP counts twice)."""
    return len(text.encode("utf-16-le")) // 2


def _off(markup: str, i: int) -> int:
    return len(markup[:i].encode("utf-8"))


def _unclosed(name: str) -> str:
    return f"Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"{name}\""
