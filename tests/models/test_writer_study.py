"""The writer study (models/writer_study.py) scores each authored row with a model that never read its writer.

Its settings are only worth what that promise is worth: a writer's rows must be out of its fold model's
training, every authored training and validation row must be scored exactly once, and the held-out split, the
sample contracts and CUAD must not be scored at all. The trainer must apply the study only to the data it was
made from.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from models import train as training
from models.decision_study import STUDIED
from models.writer_study import (
    SET_KINDS,
    STUDY_FILE,
    fold_jobs,
    out_of_fold_rows,
    writer_folds,
    writer_of,
)


@pytest.mark.parametrize(
    "doc, writer",
    [
        ("d17", "d"),
        ("m50", "m"),
        ("wa03", "wa"),
        ("wh10", "wh"),
        ("ya05", "ya"),
        ("yd08", "yd"),
        ("sample-hospitalist_employed", None),
        ("cuad-412", None),
        ("wa", None),
        ("fa01x", None),
    ],
)
def test_writer_of(doc, writer):
    assert writer_of(doc) == writer


@pytest.fixture(scope="module")
def split():
    return training.split_rows(training.load_rows())


def test_every_writer_is_in_exactly_one_fold(split):
    writers = {writer_of(r.doc) for r in out_of_fold_rows(split)}
    folds = writer_folds(sorted(writers))
    assert len(writers) == 14 and all(folds)
    assert sorted(w for fold in folds for w in fold) == sorted(writers)
    assert writer_folds(sorted(writers)) == folds == writer_folds(sorted(writers, reverse=True))


def test_out_of_fold_rows_are_the_authored_training_and_validation_rows(split):
    scored = out_of_fold_rows(split)
    held_out = {r.doc for r in split["physician_test"]}
    assert held_out and not held_out & {r.doc for r in scored}
    assert {r.source_file for r in scored} == {training.PHYSICIAN_FILE, training.PHYSICIAN_MORE_FILE,
                                               training.PHYSICIAN_THIRD_FILE, training.PHYSICIAN_FOURTH_FILE}
    authored = [r for part in ("train", "validation") for r in split[part]
                if r.source_file not in (training.CUAD_FILE, training.SAMPLE_FILE)]
    assert sorted(r.id for r in scored) == sorted(r.id for r in authored)


def test_no_fold_model_reads_the_writers_it_scores(split):
    folds = writer_folds([writer_of(r.doc) for r in out_of_fold_rows(split)])
    jobs = fold_jobs(split, folds)
    scored_ids = [r.id for _, fold_rows in jobs for r in fold_rows]
    assert sorted(scored_ids) == sorted(r.id for r in out_of_fold_rows(split))  # each row once
    train_ids = {r.id for r in split["train"]}
    for writers, (training_rows, fold_rows) in zip(folds, jobs, strict=True):
        assert not {writer_of(r.doc) for r in training_rows} & set(writers)
        assert {writer_of(r.doc) for r in fold_rows} == set(writers)
        # everything else the trainer trains on stays: CUAD, samples and the other writers
        assert {r.id for r in training_rows} == {r.id for r in split["train"] if writer_of(r.doc) not in writers}
        assert {r.id for r in training_rows} <= train_ids


def test_the_study_sets_the_kinds_the_decision_study_does_not():
    assert set(SET_KINDS) | set(STUDIED) == set(training.CLAUSE_KINDS)
    assert not set(SET_KINDS) & set(STUDIED)


def _write_data(data_dir: Path) -> dict[str, str]:
    hashes = {}
    for name in (*training.DATA_FILES, training.PHYSICIAN_SPLIT_FILE):
        (data_dir / name).write_bytes(name.encode())
        hashes[name] = hashlib.sha256(name.encode()).hexdigest()
    return hashes


def _study(hashes: dict[str, str], **change) -> dict:
    return {"data": hashes, "row_format": training.ROW_FORMAT, "physician_repeat": training.physician_repeats(), "solver_tol": training.SOLVER_TOL,
            "kinds": {"rvu_compensation": {"chosen": {"threshold": 0.35, "veto": 0.05, "strong_veto": 0.0}}}} | change


@pytest.mark.parametrize(
    "change, applies",
    [
        pytest.param({}, True, id="same-data"),
        pytest.param({"row_format": 1}, False, id="other-row-format"),
        pytest.param({"physician_repeat": {"vectorizer": 1}}, False, id="other-repeats"),
        pytest.param({"solver_tol": 1e-4}, False, id="other-solver-tolerance"),
        pytest.param({"data": "stale"}, False, id="other-data"),
    ],
)
def test_the_trainer_applies_the_study_only_to_its_own_data(tmp_path, change, applies):
    hashes = _write_data(tmp_path)
    if change.get("data") == "stale":
        change = {"data": hashes | {training.PHYSICIAN_FILE: "0" * 64}}
    (tmp_path / STUDY_FILE).write_text(json.dumps(_study(hashes, **change)), encoding="utf-8")
    thresholds, vetoes, strong = {"rvu_compensation": 0.5}, {"rvu_compensation": 0.2}, {"rvu_compensation": 0.2}
    if not applies:
        with pytest.raises(SystemExit, match="models.writer_study"):
            training.apply_writer_study(tmp_path, thresholds, vetoes, strong)
        return
    recorded = training.apply_writer_study(tmp_path, thresholds, vetoes, strong)
    assert (thresholds, vetoes, strong) == ({"rvu_compensation": 0.35}, {"rvu_compensation": 0.05}, {"rvu_compensation": 0.0})
    assert recorded["file"] == STUDY_FILE and recorded["kinds"] == ["rvu_compensation"]


def test_no_study_changes_nothing(tmp_path):
    _write_data(tmp_path)
    thresholds = {"rvu_compensation": 0.5}
    assert training.apply_writer_study(tmp_path, thresholds, {}, {}) is None and thresholds == {"rvu_compensation": 0.5}
