"""Split a long HTML reply into Telegram-sized messages that are each valid HTML on their own.

Telegram refuses messages over 4096 characters, and a whole list or a whole section quoted from a
resolution easily exceeds that. Cutting blindly would break a tag, an entity or a word, and a part
that ends inside ``<blockquote>`` would be rejected as invalid HTML. So parts are cut, in order of
preference, after a line (a list item), after a sentence, between words, and only as a last resort
between two characters — but a preferred cut is taken only when it keeps at least half a part, so
a heading followed by one long paragraph does not become a part of its own. Tags still open at a
cut are closed at the end of the part and reopened at the start of the next one.

>>> split_html("<b>ab</b>\\n<i>cd</i>", limit=12)
['<b>ab</b>', '<i>cd</i>']
"""

from __future__ import annotations

from hoidap.bot.tghtml import Token, tokenize, utf16_len

TELEGRAM_LIMIT = 4096
DEFAULT_LIMIT = 4000  # a margin under Telegram's limit; lengths are measured on the markup, which is longer

_SENTENCE_END = frozenset(".!?;:…")
# Break classes, best first.
_LINE, _SENTENCE, _WORD = 0, 1, 2


def split_html(markup: str, limit: int = DEFAULT_LIMIT) -> list[str]:
    """Return parts of at most ``limit`` UTF-16 code units of markup each (so also of text).

    The input must be valid Telegram HTML (see hoidap.bot.tghtml.check); each part is too. Whitespace at a
    cut is dropped. Raises ValueError when nesting alone is too deep to fit in ``limit``.
    """
    if utf16_len(markup) <= limit:
        return [markup] if markup.strip() else []
    tokens = tokenize(markup)
    parts: list[str] = []
    stack: list[Token] = []  # open tags at the current position
    i, n = 0, len(tokens)
    while i < n:
        prefix = "".join(t.raw for t in stack)
        st = list(stack)
        size = utf16_len(prefix)
        closing = _closing_len(st)
        # best[class] = (cut_end, resume, stack at cut, size of the part so far)
        best: dict[int, tuple[int, int, list[Token], int]] = {}
        has_text = False
        prev_char = ""
        j = i
        while j < n:
            tok = tokens[j]
            new_st = st
            if tok.kind == "open":
                new_st = [*st, tok]
            elif tok.kind == "close":
                new_st = st[:-1]
            new_closing = _closing_len(new_st) if new_st is not st else closing
            if size + utf16_len(tok.raw) + new_closing > limit:
                break
            # A cut just before this separator keeps everything before it.
            if tok.kind == "char" and tok.text.isspace() and has_text:
                cls = _LINE if tok.text == "\n" else _SENTENCE if prev_char in _SENTENCE_END else _WORD
                best[cls] = (j, j + 1, list(st), size)
            size += utf16_len(tok.raw)
            st, closing = new_st, new_closing
            if tok.kind in ("char", "entity"):
                if not tok.text.isspace():
                    has_text = True
                prev_char = tok.text
            j += 1
        if j == n:
            body = "".join(t.raw for t in tokens[i:n])
            part = prefix + body + "".join(f"</{t.name}>" for t in reversed(st))
            if _visible(tokens[i:n]):
                parts.append(part)
            break
        if best:
            full = [c for c in sorted(best) if best[c][3] >= limit // 2]
            cut_end, resume, cut_stack, _ = best[full[0] if full else min(best)]
        elif has_text:
            cut_end, resume, cut_stack = j, j, st  # one word longer than a message: cut between characters
        else:
            raise ValueError(f"cannot split: open tags alone exceed {limit} characters")
        body = "".join(t.raw for t in tokens[i:cut_end])
        parts.append(prefix + body + "".join(f"</{t.name}>" for t in reversed(cut_stack)))
        # Skip whitespace (and keep track of tags) so the next part does not start blank.
        stack = cut_stack
        i = resume
        while i < n and tokens[i].kind == "char" and tokens[i].text.isspace():
            i += 1
    return parts


def _closing_len(stack: list[Token]) -> int:
    return sum(len(t.name) + 3 for t in stack)


def _visible(tokens: list[Token]) -> bool:
    return any(t.kind in ("char", "entity") and not t.text.isspace() for t in tokens)
