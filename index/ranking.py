"""Every ranking knob of the answer pipeline in one frozen, validated object.

Evaluation varies these (``dataclasses.replace(RankingConfig(), dense_share=0.5)``) instead of
monkeypatching module constants, and settings read their defaults from here. This module imports
nothing heavy on purpose: ``hoidap.settings`` (and through it every bot module and ``hoidap
--help``) imports it.

>>> RankingConfig().dense_share
0.7
>>> RankingConfig(dense_share=1.5)
Traceback (most recent call last):
...
ValueError: RankingConfig.dense_share=1.5: expected a value in [0, 1]
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

_SWITCH = {"1": True, "true": True, "on": True, "0": False, "false": False, "off": False}


@dataclass(frozen=True)
class RankingConfig:
    """How the pipeline fuses, expands, re-ranks and decides to answer."""

    candidates: int = 50  # how deep each retriever looks before fusion
    dense_share: float = 0.7  # fusion: weight of the normalised dense score against BM25's
    rerank_depth: int = 30  # fused candidates expanded to units and re-ranked
    coverage_weight: float = 0.2  # re-ranking: weight of a unit's coverage of the question's words ...
    confidence_weight: float = 0.3  # ... and of its calibrated confidence, next to the fusion score
    names_weight: float = 0.15  # numbers, years and names of the question found in the unit: strong constraints
    document_weight: float = 0.4  # the question names a document ("Kết luận 155") and the unit is from it
    focus_weight: float = 0.3  # a list/count question's focus ("nhiệm vụ trọng tâm") named by the unit's head
    shape_weight: float = 0.15  # the unit has the asked-for shape (a list, a date, a name, a count)
    named_heading_coverage: float = 0.6  # a heading covering this share of the question's words is "named"
    small_section_chars: int = 2500  # an item's whole list is quoted when the list is at most this long
    max_unit_chars: int = 8000  # a longer section is quoted as its outline
    # Tier thresholds come with the calibration fit (index/calibration.py); set these only to override it.
    min_confidence: float | None = None  # answer (high tier) at or above this confidence
    medium_confidence: float | None = None  # quote under a hedge at or above this one
    # A who/when/count question whose best unit states no name, day or number of the asked kind gets
    # that unit under a hedge only at or above this confidence: a passage on the right subject that
    # does not state the asked detail is no answer ("… khai mạc ngày nào?" on a text about preparing it).
    shapeless_medium: float = 0.2
    suggestions: int = 3  # nearby section headings offered when nothing answers
    # Everyday phrases' formal wordings (index/everyday.py): added to the BM25 query, to the embedded
    # query (off: it changed nothing measurable), and offered to the coverage check as alternatives.
    everyday_lexical: bool = True
    everyday_dense: bool = False
    everyday_coverage: bool = True

    def __post_init__(self) -> None:
        shares = ("dense_share", "coverage_weight", "confidence_weight", "named_heading_coverage", "min_confidence",
                  "medium_confidence", "focus_weight", "shape_weight", "names_weight", "document_weight",
                  "shapeless_medium")
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None and f.name in ("min_confidence", "medium_confidence"):
                continue
            if f.type in ("bool", bool):
                if not isinstance(value, bool):
                    raise ValueError(f"RankingConfig.{f.name}={value!r}: expected True or False")
                continue
            if f.name in shares and not 0.0 <= value <= 1.0:
                raise ValueError(f"RankingConfig.{f.name}={value!r}: expected a value in [0, 1]")
            if f.name not in shares and (not isinstance(value, int) or value < 1):
                raise ValueError(f"RankingConfig.{f.name}={value!r}: expected a positive whole number")
        if self.medium_confidence is not None and self.min_confidence is not None \
                and self.medium_confidence > self.min_confidence:
            raise ValueError(f"RankingConfig.medium_confidence={self.medium_confidence!r} is above "
                             f"min_confidence={self.min_confidence!r}: the hedged tier must lie below the sure one")

    def with_overrides(self, pairs: list[str]) -> RankingConfig:
        """A copy with knobs set from "NAME=VALUE" strings (the `--set` option of `hoidap eval`).

        >>> RankingConfig().with_overrides(["dense_share=0.5", "candidates=80"]).dense_share
        0.5
        >>> RankingConfig().with_overrides(["everyday_lexical=0"]).everyday_lexical
        False
        >>> RankingConfig().with_overrides(["speed=9"])
        Traceback (most recent call last):
        ...
        ValueError: 'speed=9': expected NAME=VALUE with NAME one of candidates, confidence_weight, ...
        """
        types = {f.name: f.type for f in fields(self)}
        values: dict[str, float | int | bool] = {}
        for pair in pairs:
            name, _, value = pair.partition("=")
            if name not in types or not value:
                raise ValueError(f"{pair!r}: expected NAME=VALUE with NAME one of {', '.join(sorted(types))}")
            if types[name] in ("bool", bool):
                if value.lower() not in _SWITCH:
                    raise ValueError(f"{pair!r}: {value!r} is not one of {', '.join(_SWITCH)}")
                values[name] = _SWITCH[value.lower()]
                continue
            try:
                values[name] = int(value) if types[name] in ("int", int) else float(value)
            except ValueError:
                raise ValueError(f"{pair!r}: {value!r} is not a number") from None
        return replace(self, **values)  # type: ignore[arg-type]  # names and values checked above and in __post_init__
