"""The shipped classifier: safe to load, matches its card and its data, and retraining reproduces it."""

from __future__ import annotations

import hashlib
import json

import pytest
import skops.io as sio

from models import train as training
from nlp.classifier import CARD_PATH, MODEL_PATH, load_classifier, read_card
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
    assert set(card["thresholds"]) == set(CLAUSE_KINDS) == set(card["vetoes"])


def test_classifier_loads_only_trusted_types(card):
    assert set(sio.get_untrusted_types(file=MODEL_PATH)) <= set(card["trusted_types"])
    assert all(t.startswith(("sklearn.", "numpy.", "scipy.", "builtins.")) for t in card["trusted_types"])


def test_classifier_card_matches_committed_data(card):
    for name, info in card["data"].items():
        assert info["sha256"] == hashlib.sha256((training.DATA_DIR / name).read_bytes()).hexdigest(), name


def test_classifier_model_card_readme_is_current(card):
    assert (MODEL_PATH.parent / "README.md").read_text() == training.render_model_card(card)


def test_classifier_predicts_every_kind():
    classifier = load_classifier()
    assert classifier is not None
    [probabilities] = classifier.predict_proba(["Physician shall pay liquidated damages of $100,000 upon breach."])
    assert set(probabilities) == set(CLAUSE_KINDS)
    assert probabilities["liquidated_damages"] > probabilities["call_compensation"]


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
    for key in ("thresholds", "vetoes", "physician_held_out", "validation_fused", "split_sizes", "data", "trusted_types"):
        assert json.loads(json.dumps(retrained[key])) == card[key], key
