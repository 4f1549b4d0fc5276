from hoidap.index.text import (
    has_diacritics,
    plain_key,
    plain_tokens,
    syllables,
    toned_key,
    toned_tokens,
    vietnamese_sort_key,
    with_bigrams,
)


def test_both_tone_conventions_meet():
    for old, new in [("hoà", "hòa"), ("thuý", "thúy"), ("khoẻ", "khỏe"), ("Quận uỷ", "Quận ủy")]:
        assert toned_tokens(old) == toned_tokens(new)


def test_tones_still_distinguish_words():
    assert toned_key("vàng") != toned_key("vàng".replace("à", "a"))
    assert toned_key("phá") != toned_key("phà")


def test_nfd_input_is_recomposed():
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Khâu đột phá")
    assert syllables(decomposed) == ["khâu", "đột", "phá"]


def test_plain_channel_matches_text_typed_without_diacritics():
    assert plain_tokens("Các khâu đột phá") == plain_tokens("cac khau dot pha")
    assert plain_key("Đảng") == "dang"


def test_has_diacritics():
    assert has_diacritics("khâu đột phá")
    assert has_diacritics("đ")
    assert not has_diacritics("cac khau dot pha gom nhung gi")


def test_bigrams():
    assert with_bigrams(["dot", "pha"]) == ["dot", "pha", "dot_pha"]


def test_vietnamese_sorting():
    words = ["Đảng", "Dân", "ăn", "an", "âm", "bé", "Ba"]
    assert sorted(words, key=vietnamese_sort_key) == ["an", "ăn", "âm", "Ba", "bé", "Dân", "Đảng"]


def test_vietnamese_sorting_by_tone():
    assert sorted(["má", "mà", "ma", "mạ", "mã", "mả"], key=vietnamese_sort_key) == [
        "ma", "mà", "mả", "mã", "má", "mạ"]
