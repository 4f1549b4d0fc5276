"""Preview what the bot would send for a question as a standalone web page (for docs and reviews).

The page embeds the exact HTML messages and buttons the bot sends (same formatting, splitting and
keyboard code), styled like a Telegram chat, so a headless browser can turn it into a picture of a
real answer card when a Telegram screenshot cannot be had:

    python -m hoidap.bot.preview "Các khâu đột phá là gì?" > card.html
    chromium --headless --screenshot=card.png --window-size=560,900 card.html
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

from hoidap.bot.handlers import render
from hoidap.bot.split import split_html
from telegram import InlineKeyboardMarkup

from hoidap.settings import Settings

PREVIEW_TOKEN = "preview-0000000a"  # buttons need a token; a preview's buttons are never pressed

_STYLE = """
body { margin: 0; padding: 24px; background: #d6e6c3; font: 15px/1.4 "Noto Sans", "Segoe UI", sans-serif; }
.q { margin: 0 0 12px auto; max-width: 70%; width: fit-content; background: #effdde; padding: 8px 12px;
     border-radius: 12px 12px 4px 12px; box-shadow: 0 1px 1px rgba(0,0,0,.15); }
.m { max-width: 92%; background: #fff; padding: 8px 12px; border-radius: 12px 12px 12px 4px;
     box-shadow: 0 1px 1px rgba(0,0,0,.15); white-space: pre-wrap; margin-bottom: 4px; }
.m blockquote { margin: 6px 0; padding: 2px 0 2px 10px; border-left: 3px solid #3390ec;
                background: #eef5fd; border-radius: 4px; white-space: pre-wrap; }
.kb { max-width: 92%; display: grid; gap: 4px; margin-bottom: 16px; }
.row { display: flex; gap: 4px; }
.row span { flex: 1; text-align: center; background: rgba(0,0,0,.25); color: #fff; padding: 8px;
            border-radius: 8px; font-weight: 600; }
"""


def page(question: str, messages: list[tuple[str, InlineKeyboardMarkup | None]]) -> str:
    """A chat-like page: the user's question, then each bot message with its buttons."""
    body = [f'<div class="q">{html.escape(question)}</div>']
    for text, markup in messages:
        # Already Telegram HTML with every document text escaped; a browser shows the line break after a
        # block quote as an empty line, Telegram does not.
        shown = text.replace("</blockquote>\n", "</blockquote>")
        body.append(f'<div class="m">{shown}</div>')
        if markup is not None:
            rows = "".join(
                '<div class="row">' + "".join(f"<span>{html.escape(b.text)}</span>" for b in row) + "</div>"
                for row in markup.inline_keyboard
            )
            body.append(f'<div class="kb">{rows}</div>')
    return (
        '<!doctype html><html lang="vi"><head><meta charset="utf-8">'
        f"<style>{_STYLE}</style></head><body>{''.join(body)}</body></html>"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the bot's reply to a question as an HTML page")
    parser.add_argument("question")
    parser.add_argument("--index", help="index folder (default: HOIDAP_INDEX_DIR or var/index)")
    args = parser.parse_args(argv)
    from hoidap.app import open_pipeline

    settings = Settings.from_env()
    if args.index:
        from dataclasses import replace

        settings = replace(settings, index_dir=Path(args.index))
    answer = open_pipeline(settings).answer(args.question)
    text, markup = render(answer, PREVIEW_TOKEN)  # exactly what the bot sends for this answer
    parts = split_html(text) or [text]
    messages = [(part, markup if n == len(parts) - 1 else None) for n, part in enumerate(parts)]
    sys.stdout.write(page(args.question, messages))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
