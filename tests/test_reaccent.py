"""Questions typed without marks get the corpus's accented reading: neighbours decide, not the most
frequent form alone, and the words of a question itself are known although statements rarely use them."""

from __future__ import annotations

import pickle

from hoidap.index.reaccent import Reaccenter
from hoidap.index.text import plain_tokens, syllables

CORPUS = [
    "Công dân đủ mười tám tuổi trở lên có quyền bầu cử và đủ hai mươi mốt tuổi trở lên có quyền ứng cử vào "
    "Quốc hội, Hội đồng nhân dân.",
    "Bảo đảm quyền con người, bảo vệ Tổ quốc; nhiều người dân được bảo hiểm y tế.",
    "Đại biểu Quốc hội là người đại diện cho ý chí, nguyện vọng của Nhân dân.",
    "Các cơ quan nhà nước có trách nhiệm tiếp nhận ý kiến của Nhân dân.",
]


def strip(text: str) -> str:
    return " ".join(plain_tokens(text))


def test_neighbours_choose_the_reading_the_most_frequent_form_would_get_wrong():
    r = Reaccenter(CORPUS)
    # "bao" alone is most often "bảo" here, "nhieu" most often "nhiều": the pair is "bao nhiêu".
    # "thi" is a syllable this corpus never writes: it stays as typed.
    assert r.restore("bao nhieu tuoi thi duoc ung cu dai bieu quoc hoi") == \
        "bao nhiêu tuổi thi được ứng cử đại biểu quốc hội"
    assert r.restore("nhieu nguoi dan duoc bao hiem y te") == "nhiều người dân được bảo hiểm y tế"
    assert r.restore("co quan nao co trach nhiem") == "cơ quan nào có trách nhiệm"


def test_every_sentence_of_the_corpus_comes_back_from_its_plain_form():
    r = Reaccenter(CORPUS)
    for sentence in CORPUS:
        assert r.restore(strip(sentence)) == " ".join(syllables(sentence))


def test_unknown_syllables_stay_as_typed_and_marked_queries_are_left_alone():
    r = Reaccenter(CORPUS)
    assert r.restore("zalo nq68 quoc hoi") == "zalo nq68 quốc hội"
    assert r.restore("Quốc hội là gì?") == "Quốc hội là gì?"
    assert r.restore("") == "" and r.restore("???") == "???"


def test_it_pickles_as_an_index_part():
    r = Reaccenter(CORPUS)
    again = pickle.loads(pickle.dumps(r))
    assert again.restore("dai bieu quoc hoi") == r.restore("dai bieu quoc hoi") == "đại biểu quốc hội"
