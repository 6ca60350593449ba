"""The shipped classifier: safe to load, matches its card and its data, and retraining reproduces it.

The skops file is the canonical model; the ``.npz`` the analyzer loads must be exactly its export, be
listed in the card, and loading the analyzer must not import scikit-learn.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import shutil
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import skops.io as sio

from models import train as training
from nlp.classifier import (
    CARD_PATH,
    INFERENCE_PATH,
    MODEL_PATH,
    ModelArtifactError,
    load_classifier,
    load_sklearn_pipeline,
    read_card,
)
from nlp.clause_model import export_inference_arrays, read_inference_arrays, write_inference_file
from nlp.kinds import CLAUSE_KINDS

MAX_MODEL_BYTES = 20 * 1024 * 1024


@pytest.fixture(scope="module")
def card() -> dict:
    return read_card(CARD_PATH)


def test_classifier_card_matches_model_file(card):
    assert card["model_sha256"] == hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest()
    assert card["model_bytes"] == MODEL_PATH.stat().st_size < MAX_MODEL_BYTES


def test_classifier_labels_are_the_clause_kinds(card):
    assert card["labels"] == list(CLAUSE_KINDS)
    assert set(card["thresholds"]) == set(CLAUSE_KINDS) == set(card["vetoes"]) == set(card["strong_vetoes"])


def test_classifier_loads_only_trusted_types(card):
    assert set(sio.get_untrusted_types(file=MODEL_PATH)) <= set(card["trusted_types"])
    assert all(t.startswith(("sklearn.", "numpy.", "scipy.", "builtins.")) for t in card["trusted_types"])


def test_classifier_card_matches_committed_data(card):
    for name, info in card["data"].items():
        assert info["sha256"] == hashlib.sha256((training.DATA_DIR / name).read_bytes()).hexdigest(), name


@pytest.mark.parametrize(
    "module_name, card_key, set_kinds",
    [
        pytest.param("models.decision_study", "decision_study", "STUDIED", id="clause-level-cuad-study"),
        pytest.param("models.writer_study", "writer_study", "SET_KINDS", id="out-of-writer-study"),
    ],
)
def test_classifier_applies_the_studies_it_was_trained_with(card, module_name, card_key, set_kinds):
    """Each study (models/decision_study.py, models/writer_study.py) was made from this data, row texts, domain
    weights and solver tolerance, and the card uses its settings for exactly the kinds it sets."""
    module = importlib.import_module(module_name)
    study = module.read_study()
    assert study is not None and card[card_key]["file"] == module.STUDY_FILE
    assert card[card_key]["sha256"] == hashlib.sha256((training.DATA_DIR / module.STUDY_FILE).read_bytes()).hexdigest()
    assert study["data"] == {name: info["sha256"] for name, info in card["data"].items()} | {
        training.PHYSICIAN_SPLIT_FILE: hashlib.sha256((training.DATA_DIR / training.PHYSICIAN_SPLIT_FILE).read_bytes()).hexdigest()}
    assert sorted(study["kinds"]) == sorted(getattr(module, set_kinds)) == card[card_key]["kinds"]
    for kind, entry in study["kinds"].items():
        chosen = entry["chosen"]
        assert (card["thresholds"][kind], card["vetoes"][kind], card["strong_vetoes"][kind]) == (
            chosen["threshold"], chosen["veto"], chosen["strong_veto"]), kind
    assert study["physician_repeat"] == card["physician_repeat"] == training.physician_repeats()
    assert study["row_format"] == card["row_format"] == training.ROW_FORMAT
    assert study["solver_tol"] == card["solver_tol"] == training.SOLVER_TOL


def test_classifier_model_card_readme_is_current(card):
    assert (MODEL_PATH.parent / "README.md").read_text() == training.render_model_card(card)


def test_classifier_predicts_every_kind():
    classifier = load_classifier()
    assert classifier is not None
    [probabilities] = classifier.predict_proba(["Physician shall pay liquidated damages of $100,000 upon breach."])
    assert set(probabilities) == set(CLAUSE_KINDS)
    assert probabilities["liquidated_damages"] > probabilities["call_compensation"]


def test_inference_file_is_the_export_of_the_shipped_skops_model(card, tmp_path):
    exported = export_inference_arrays(load_sklearn_pipeline(), card["labels"])
    shipped = read_inference_arrays(INFERENCE_PATH)
    assert sorted(shipped) == sorted(exported)
    for name, array in exported.items():
        assert shipped[name].dtype == array.dtype, name
        assert shipped[name].shape == array.shape, name
        assert np.array_equal(shipped[name], array), name
    write_inference_file(exported, tmp_path / "again.npz")
    again = (tmp_path / "again.npz").read_bytes()
    assert again == INFERENCE_PATH.read_bytes(), "the export is byte for byte reproducible"


def test_inference_file_holds_no_objects():
    with np.load(INFERENCE_PATH, allow_pickle=False) as archive:
        assert all(archive[name].dtype != object for name in archive.files)


def test_classifier_card_lists_the_inference_file(card):
    assert card["inference_file"] == INFERENCE_PATH.name
    assert card["inference_sha256"] == hashlib.sha256(INFERENCE_PATH.read_bytes()).hexdigest()
    assert card["inference_bytes"] == INFERENCE_PATH.stat().st_size
    assert card["model_bytes"] + card["inference_bytes"] < MAX_MODEL_BYTES


def test_loading_the_analyzer_does_not_import_sklearn():
    code = textwrap.dedent("""
        import sys
        from app.analyze import Analyzer
        from nlp.classifier import load_classifier
        analyzer = Analyzer.load()
        assert load_classifier() is not None
        load_classifier().predict_proba(["Physician shall not compete within ten miles."])
        heavy = ("sklearn", "skops", "joblib")
        loaded = sorted(name for name in sys.modules if name.split(".")[0] in heavy)
        print(loaded)
        assert not loaded, loaded
    """)
    root = training.DATA_DIR.parents[1]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=600,
                            check=False)
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize(
    ("files", "card_change", "outcome"),
    [
        ({"npz", "json"}, {}, "loads"),
        ({"npz", "json"}, {"inference_sha256": "0" * 64}, "error"),
        ({"npz", "json"}, {"labels": list(reversed(CLAUSE_KINDS))}, "error"),
        ({"skops", "json"}, {}, "error"),  # a skops model whose export is missing: no silent rules-only run
        (set(), {}, "none"),
    ],
)
def test_load_classifier_checks_its_files(card, tmp_path, files, card_change, outcome):
    for suffix in files - {"json"}:
        shutil.copy(MODEL_PATH.with_suffix(f".{suffix}"), tmp_path / f"clause_classifier.{suffix}")
    if "json" in files:
        (tmp_path / CARD_PATH.name).write_text(json.dumps(card | card_change), encoding="utf-8")
    path = tmp_path / INFERENCE_PATH.name
    if outcome == "error":
        with pytest.raises(ModelArtifactError):
            load_classifier(path)
    elif outcome == "none":
        assert load_classifier(path) is None
    else:
        loaded = load_classifier(path)
        assert loaded is not None and loaded.labels == tuple(card["labels"])


def test_export_only_adds_the_inference_keys_and_nothing_else(card, tmp_path):
    for source in (MODEL_PATH, CARD_PATH):
        shutil.copy(source, tmp_path / source.name)
    before = dict(card)
    for key in ("inference_file", "inference_sha256", "inference_bytes"):
        before.pop(key)
    (tmp_path / CARD_PATH.name).write_text(json.dumps(before, indent=2) + "\n", encoding="utf-8")
    after = training.export_only(tmp_path)
    assert after == card
    assert (tmp_path / CARD_PATH.name).read_text(encoding="utf-8") == CARD_PATH.read_text(encoding="utf-8")
    assert (tmp_path / INFERENCE_PATH.name).read_bytes() == INFERENCE_PATH.read_bytes()
    assert (tmp_path / "README.md").read_text() == (MODEL_PATH.parent / "README.md").read_text()


@pytest.mark.slow
def test_classifier_retraining_reproduces_the_shipped_model(card, tmp_path):
    """`contract-risk train` reproduces the shipped model: fitted numbers within the stated tolerance
    (exactly on the machine that trained it), thresholds, vetoes and every score exactly."""
    retrained = training.train(tmp_path, quiet=True)
    shipped_model = sio.load(MODEL_PATH, trusted=card["trusted_types"])
    retrained_model = sio.load(tmp_path / MODEL_PATH.name, trusted=card["trusted_types"])
    differences = training.parameter_differences(shipped_model, retrained_model)
    for group, tolerance in training.RETRAIN_TOLERANCE.items():
        assert differences[group] <= tolerance, (group, differences[group])
    for key in ("thresholds", "vetoes", "strong_vetoes", "decision_study", "writer_study", "physician_repeat", "solver_tol", "physician_held_out", "validation_fused", "split_sizes", "data", "trusted_types"):
        assert json.loads(json.dumps(retrained[key])) == card[key], key
    # the retrained model's own export, written beside it and recorded in its card
    inference = tmp_path / INFERENCE_PATH.name
    assert retrained["inference_sha256"] == hashlib.sha256(inference.read_bytes()).hexdigest()
    exported = export_inference_arrays(retrained_model, retrained["labels"])
    written = read_inference_arrays(inference)
    assert sorted(written) == sorted(exported)
    assert all(np.array_equal(array, exported[name]) for name, array in written.items())
