"""Restore the diacritics of a question typed without them, from the corpus's own words.

A phone without a Vietnamese keyboard types "bao nhieu tuoi thi duoc ung cu" for "bao nhiêu tuổi thì
được ứng cử"; the dense model understands the second far better. Each plain syllable stands for a
few accented ones ("nhieu": nhiều, nhiêu), and its neighbours decide which: "bao nhieu" is
"bao nhiêu", "nhieu nguoi" is "nhiều người". The restorer is a bigram model over accented
syllables, counted in the corpus, decoded with Viterbi over every reading of the question:

    P(w | previous) = (count(previous, w) + SMOOTHING · P(w)) / (count(previous) + SMOOTHING)

so a pair the corpus writes decides, and a syllable whose pairs it never writes takes its most
frequent accented form. Resolutions are written in statements, so the words of a question itself
("bao nhiêu", "như thế nào", "ở đâu", "không") are rare in them: a small built-in list of
interrogative and conversational phrases adds them, as if the corpus had written each a few times.

>>> r = Reaccenter(["Các khâu đột phá gồm ba nội dung", "nhiều người dân"])
>>> r.restore("cac khau dot pha gom nhung gi")
'các khâu đột phá gồm những gì'
>>> r.restore("bao nhieu nguoi dan")
'bao nhiêu người dân'
>>> r.restore("Khâu đột phá là gì?")  # typed with marks: left as it is
'Khâu đột phá là gì?'
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from hoidap.index.text import has_diacritics, plain_key, syllables

# How questions are asked, in the words a statement rarely uses (each counted as if the corpus wrote it
# PHRASE_WEIGHT times). Interrogatives, particles and the verbs that carry them; not subject words.
QUESTION_PHRASES = (
    "bao nhiêu", "bao lâu", "bao giờ", "mấy", "là gì", "cái gì", "những gì", "gồm những gì", "có gì",
    "làm gì", "nói gì", "gì", "như thế nào", "thế nào", "ra sao", "nào", "khi nào", "lúc nào", "năm nào",
    "ngày nào", "hồi nào", "ở đâu", "đâu", "tại sao", "vì sao", "sao", "ai", "là ai", "không", "có không",
    "có phải", "phải không", "đúng không", "được không", "chưa", "hay không", "vậy", "vậy ạ", "ạ", "nhỉ",
    "hả", "thế", "ơi", "cho hỏi", "cho mình hỏi", "cho em hỏi", "xin hỏi", "muốn biết", "kể tên",
)
PHRASE_WEIGHT = 5
SMOOTHING = 1.0  # how much a syllable's own form frequency counts against its pairs' evidence
MAX_READINGS = 8  # accented forms kept per plain syllable (the most frequent ones)
MAX_PAIRS = 2_000_000  # pair table bound: beyond it, pairs seen once are dropped


class Reaccenter:
    """Bigram counts of accented syllables, read as the most likely accented reading of a plain query."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        pairs: Counter[tuple[str, str]] = Counter()
        self._count(texts, counts, pairs, 1)
        self._count(QUESTION_PHRASES, counts, pairs, PHRASE_WEIGHT)
        if len(pairs) > MAX_PAIRS:
            pairs = Counter({k: n for k, n in pairs.items() if n > 1})
        by_plain: dict[str, Counter[str]] = {}
        for word, n in counts.items():
            by_plain.setdefault(plain_key(word), Counter())[word] = n
        total = sum(counts.values())
        self._readings = {plain: [(w, n / total) for w, n in forms.most_common(MAX_READINGS)]
                          for plain, forms in by_plain.items()}
        self._unseen = 1 / (total + 1)  # the probability of a syllable the corpus never writes
        self._pairs = dict(pairs)
        self._after: Counter[str] = Counter()  # how often each syllable has a right neighbour
        for (first, _second), n in self._pairs.items():
            self._after[first] += n

    @staticmethod
    def _count(texts: Iterable[str], counts: Counter[str], pairs: Counter[tuple[str, str]], weight: int) -> None:
        for text in texts:
            syl = syllables(text)
            for i, s in enumerate(syl):
                counts[s] += weight
                if i + 1 < len(syl):
                    pairs[(s, syl[i + 1])] += weight

    def readings(self, plain: str) -> Sequence[tuple[str, float]]:
        """The accented forms a plain syllable stands for, with their probability in the corpus."""
        return self._readings.get(plain, ())

    def restore(self, query: str) -> str:
        """The most likely accented reading of a query typed without marks (lower-cased syllables
        joined by spaces; a syllable the corpus never writes stays as typed). A query with any mark
        is returned unchanged: its writer chose them."""
        if has_diacritics(query):
            return query
        words = syllables(query)
        if not words:
            return query
        # Viterbi over the readings of each syllable: best[w] = (log-probability, path ending in w).
        best: dict[str, tuple[float, list[str]]] = {}
        for i, word in enumerate(words):
            options = self.readings(plain_key(word)) or [(word, self._unseen)]
            if i == 0:
                best = {w: (math.log(p), [w]) for w, p in options}
                continue
            step: dict[str, tuple[float, list[str]]] = {}
            for prev, (score, path) in best.items():
                norm = math.log(self._after.get(prev, 0) + SMOOTHING)
                for w, p in options:
                    # P(w | previous): the pair's count, smoothed towards the syllable's own frequency.
                    candidate = score + math.log(self._pairs.get((prev, w), 0) + SMOOTHING * p) - norm
                    if w not in step or candidate > step[w][0]:
                        step[w] = (candidate, path)
            best = {w: (score, [*path, w]) for w, (score, path) in step.items()}
        return " ".join(max(best.values(), key=lambda c: c[0])[1])
