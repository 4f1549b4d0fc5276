"""Splitting long HTML replies: every part valid, under the limit, cut at the best boundary, lossless."""

from __future__ import annotations

import html
import random
import re

import pytest
from hoidap.bot.format import answer_card
from hoidap.bot.split import split_html
from hoidap.bot.tghtml import check, tokenize, utf16_len
from hoidap.index.types import AnswerPassage

WORDS = [
    "Đảng",
    "nghị",
    "quyết",
    "<",
    "&",
    ">",
    "*",
    "phát",
    "triển",
    "khoa",
    "học",
    "A&B",
    "x<y",
    "🇻🇳",
    "chuyển",
    "đổi",
    "số",
    '"trích"',
    "công-nghệ",
    "2030",
]


def random_text(rng: random.Random, n_words: int) -> str:
    out = []
    for _ in range(n_words):
        out.append(rng.choice(WORDS))
        r = rng.random()
        out.append("\n" if r < 0.03 else ". " if r < 0.1 else "; " if r < 0.12 else " ")
    return "".join(out).strip()


def random_card(rng: random.Random) -> str:
    text = random_text(rng, rng.randint(1, 3000))
    spans = []
    for _ in range(rng.randint(0, 6)):
        a = rng.randint(0, len(text))
        spans.append((a, a + rng.randint(0, 800)))
    p = AnswerPassage(
        "d",
        "Tiêu đề <&>",
        "Mục › " + random_text(rng, 5),
        text,
        1.0,
        date="2024-01-01",
        number="1-NQ",
        highlights=spans,
    )
    return answer_card(p, heading=rng.choice(["", "Toàn bộ mục"]))


def words(plain: str) -> list[str]:
    return plain.split()


@pytest.mark.parametrize("seed", range(60))
def test_random_cards_split_valid_and_lossless(seed: int) -> None:
    rng = random.Random(seed)
    card = random_card(rng)
    limit = rng.choice([300, 1000, 4000])
    parts = split_html(card, limit)
    assert parts
    plains = []
    for part in parts:
        assert utf16_len(part) <= limit
        plains.append(check(part))  # each part is valid on its own
        assert plains[-1].strip()
    # nothing lost, nothing duplicated, no word cut in two
    assert words("\n".join(plains)) == words(check(card))


def test_short_message_untouched() -> None:
    assert split_html("<b>x</b> &amp; y") == ["<b>x</b> &amp; y"]
    assert split_html("   ") == []


def test_prefers_line_then_sentence_then_word() -> None:
    items = "\n".join(f"({i}) " + "chữ " * 20 + "hết." for i in range(1, 30))
    parts = split_html(f"<blockquote>{items}</blockquote>", 500)
    for part in parts:
        plain = check(part)
        assert plain.startswith("(") and plain.endswith("hết.")  # cut only between items
        assert part.startswith("<blockquote>") and part.endswith("</blockquote>")

    sentences = " ".join(f"Câu số {i} có nhiều chữ ở đây." for i in range(100))
    for part in split_html(f"<b>{sentences}</b>", 300):
        assert check(part).endswith(".") and part.startswith("<b>Câu")

    one_sentence = " ".join(["từ"] * 1000)
    for part in split_html(one_sentence, 200):
        assert set(part.split()) == {"từ"}


def test_never_inside_tag_or_entity() -> None:
    body = "&amp;&lt;&gt;" * 500  # no spaces at all: must cut between entities
    parts = split_html(f'<a href="https://x.vn/?a=1&amp;b=2"><i>{body}</i></a>', 250)
    assert len(parts) > 1
    for part in parts:
        check(part)
        assert part.startswith('<a href="https://x.vn/?a=1&amp;b=2"><i>') and part.endswith("</i></a>")
        assert re.sub(r"&(amp|lt|gt);", "", part.split("<i>", 1)[1].rsplit("</i>", 1)[0]) == ""
    assert "".join(check(p) for p in parts) == html.unescape(body)


def test_nested_tags_reopened_in_order() -> None:
    inner = " ".join(f"w{i}" for i in range(400))
    markup = f"<blockquote>đầu <b>đậm <i>{inner}</i> hết</b> cuối</blockquote>"
    parts = split_html(markup, 200)
    assert parts[1].startswith("<blockquote><b><i>")
    assert all(utf16_len(p) <= 200 for p in parts)
    assert words(" ".join(check(p) for p in parts)) == words(check(markup))


def test_limit_counts_utf16_like_telegram() -> None:
    flags = "🇻🇳 " * 3000  # 5 UTF-16 units each
    for part in split_html(flags):
        assert utf16_len(check(part)) <= 4096 and utf16_len(part) <= 4000


def test_real_sized_answer_fits_telegram() -> None:
    long_list = "\n".join(
        f"({i}) Phát triển khoa học & công nghệ, đổi mới sáng tạo <{i}>." for i in range(1, 400)
    )
    card = answer_card(AnswerPassage("d", "T", "S", long_list, 1.0, highlights=[(0, 20000)]))
    parts = split_html(card)
    assert len(parts) > 1
    for part in parts:
        assert utf16_len(check(part)) < 4096


def test_unsplittable_nesting_raises() -> None:
    with pytest.raises(ValueError):
        split_html("<b>" * 50 + "x " * 50 + "</b>" * 50, 100)


def test_tokenizer_rejects_what_telegram_rejects() -> None:
    for bad in ["a < b", "a & b", "<div>x</div>", "<b>x", "x</b>", "<b><i>x</b></i>"]:
        with pytest.raises(ValueError, match="can't parse entities"):
            check(bad)
    assert tokenize("a&#39;b")[1].text == "'"


def test_a_heading_before_one_long_paragraph_is_not_a_part_of_its_own() -> None:
    markup = "<b>II. NHIỆM VỤ</b>\n" + " ".join(f"Câu số {i} của đoạn văn rất dài." for i in range(300))
    parts = split_html(markup, limit=1000)
    assert len(parts) > 1
    assert parts[0].startswith("<b>II. NHIỆM VỤ</b>\nCâu số 0") and len(parts[0]) > 500
    assert all(p.rstrip().endswith(".") for p in parts)  # still cut after sentences, not inside one
