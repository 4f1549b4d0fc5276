"""How well questions typed without marks get their diacritics back: syllable accuracy of re-accenting.

Usage:
  python scripts/reaccent_accuracy.py --index DIR QA.jsonl [QA.jsonl ...]

Every question written with marks is stripped of them (as a phone without a Vietnamese keyboard
types it: ``without_marks``), restored by the index's re-accenter (hoidap.index.reaccent), and
compared syllable by syllable with what was written. Printed: the share of syllables restored, the
share of questions restored whole, the time per question, and the most frequent confusions. Tone
placement is compared in one convention ("khoá" = "khóa"). The figures in docs/quality.md come from
this script; how the restored questions are then answered comes from ``hoidap eval --strip-marks``.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from hoidap.index.evaluate import read_qa
from hoidap.index.store import load_snapshot
from hoidap.index.text import has_diacritics, nfc, syllables, toned_key, without_marks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, required=True, help="index folder (its re-accenter is measured)")
    parser.add_argument("qa", nargs="+", type=Path, help="QA files (JSONL with a 'question' field)")
    parser.add_argument("--confusions", type=int, default=15, help="most frequent confusions to list")
    args = parser.parse_args()
    restorer = load_snapshot(args.index).part("reaccenter").value
    written = [q for path in args.qa for row in read_qa(path) for q in [nfc(row["question"])] if has_diacritics(q)]
    right = total = whole = 0
    confusions: Counter[tuple[str, str]] = Counter()
    started = time.perf_counter()
    for question in written:
        want = syllables(question)
        got = syllables(restorer.restore(without_marks(question)))
        if len(got) != len(want):  # a token the stripping split or joined: compare what lines up
            got = (got + [""] * len(want))[: len(want)]
        hits = [toned_key(a) == toned_key(b) for a, b in zip(want, got, strict=True)]
        right, total, whole = right + sum(hits), total + len(hits), whole + all(hits)
        confusions.update((a, b) for a, b, ok in zip(want, got, hits, strict=True) if not ok)
    seconds = time.perf_counter() - started
    print(f"{len(written)} questions written with marks, {total} syllables: {right / total:.1%} restored, "
          f"{whole / len(written):.1%} of questions whole, {1000 * seconds / len(written):.2f} ms a question")
    for (wanted, restored), n in confusions.most_common(args.confusions):
        print(f"  {wanted} → {restored}: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
