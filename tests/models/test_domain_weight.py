"""Per-kind domain weight (models/train.py fit_pipeline): a kind in ``kind_repeat`` gets its own classifier,
fitted on the shared features with the physician rows repeated its own number of times; the others are
exactly the ones a plain fit gives."""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from models import train
from nlp.classifier import prepare
from nlp.kinds import CLAUSE_KINDS

PHYSICIAN = train.PHYSICIAN_FILE
CUAD = train.CUAD_FILE

COVENANTS = [
    "For two years after employment ends, Physician shall not practise medicine within ten miles of any clinic.",
    "Doctor will not work for a competing hospital in the county for eighteen months after leaving.",
    "After termination the Associate shall refrain from practising dermatology within fifteen miles for a year.",
    "Physician shall not join a competing practice within the Restricted Area during the Restricted Period.",
    "For one year after the term, the Surgeon will not hold privileges at any competing facility nearby.",
    "Employee shall not provide cardiology services within twenty miles for two years after separation.",
]
PAY = [
    "Physician shall be paid $52 for each wRVU above the annual threshold of 4,800 wRVUs.",
    "Productivity compensation equals the conversion factor times work RVUs credited in the quarter.",
    "The Practice pays a quarterly bonus of $48 per wRVU over the target of 1,200 wRVUs.",
    "Work relative value units above the median are paid at the conversion factor in Exhibit B.",
    "Each wRVU credited beyond 5,000 in a contract year earns $55.",
    "The production incentive is paid per work RVU at the rate in the compensation schedule.",
]
COMMERCIAL = [
    "During the term Distributor shall not sell any product that competes with the Products in the Territory.",
    "Licensee shall not, for three years after expiry, manufacture competing goods anywhere in North America.",
    "Supplier will not supply any competitor of Company with similar components during the term.",
    "The Company shall not engage in any business competitive with the Business for two years.",
    "Consultant shall not render services to a competitor of the Client while this Agreement is in force.",
    "Reseller agrees not to market any competing software product within the Territory.",
]
OTHER = [
    "This Agreement is governed by the laws of the State of Ohio.",
    "Notices shall be given in writing to the addresses above.",
    "The parties may amend this Agreement only in writing signed by both.",
    "Each party shall keep the other's confidential information secret.",
    "Invoices are payable within thirty days of receipt.",
    "Headings are for convenience only and do not affect interpretation.",
]


def _rows() -> list[train.Row]:
    rows = []
    for n, text in enumerate(COVENANTS):
        rows.append(train.Row(f"p-nc-{n}", f"p{n}", text, frozenset({"non_compete"}), PHYSICIAN))
    for n, text in enumerate(PAY):
        rows.append(train.Row(f"p-rvu-{n}", f"p{n}", text, frozenset({"rvu_compensation"}), PHYSICIAN))
    for n, text in enumerate(COMMERCIAL):
        rows.append(train.Row(f"c-nc-{n}", f"cuad-{n}", text, frozenset({"non_compete"}), CUAD))
    for n, text in enumerate(OTHER):
        rows.append(train.Row(f"p-o-{n}", f"p{n}", text, frozenset(), PHYSICIAN))
        rows.append(train.Row(f"c-o-{n}", f"cuad-{n}", text + " (commercial)", frozenset(), CUAD))
    return rows


def _coefficients(pipeline, kind: str) -> np.ndarray:
    estimator = pipeline.named_steps["model"].estimators_[CLAUSE_KINDS.index(kind)]
    calibrated = getattr(estimator, "calibrated_classifiers_", None)
    return calibrated[0].estimator.coef_ if calibrated else np.array([])


@pytest.fixture(scope="module")
def fits():
    rows = _rows()
    with warnings.catch_warnings():  # most kinds have no positive in this small set: sklearn says so, rightly
        warnings.filterwarnings("ignore", message="Label not [0-9]+ is present in all training examples")
        return rows, train.fit_pipeline(rows, {}), train.fit_pipeline(rows, {"non_compete": 1})


def test_kinds_without_their_own_weight_are_the_plain_fit(fits):
    _, plain, per_kind = fits
    assert np.array_equal(_coefficients(plain, "rvu_compensation"), _coefficients(per_kind, "rvu_compensation"))


def test_a_kind_with_its_own_weight_is_fitted_on_rows_repeated_that_often(fits):
    from sklearn.base import clone

    rows, plain, per_kind = fits
    assert not np.array_equal(_coefficients(plain, "non_compete"), _coefficients(per_kind, "non_compete"))
    # refit by hand: the shared features, each physician row once
    features = per_kind.named_steps["features"].transform([prepare(r.text) for r in rows])
    labels = train.label_matrix(rows)[:, CLAUSE_KINDS.index("non_compete")]
    expected = clone(per_kind.named_steps["model"].estimator).fit(features, labels)
    assert np.array_equal(expected.calibrated_classifiers_[0].estimator.coef_, _coefficients(per_kind, "non_compete"))


def test_the_shared_features_do_not_depend_on_the_per_kind_weights(fits):
    _, plain, per_kind = fits
    for (_, a), (_, b) in zip(plain.named_steps["features"].transformer_list,
                              per_kind.named_steps["features"].transformer_list, strict=True):
        assert a.vocabulary_ == b.vocabulary_ and np.array_equal(a.idf_, b.idf_)


@pytest.mark.parametrize("kind_repeat, base, expected", [
    ({}, 4, {"vectorizer": 4, "non_compete": 4, "rvu_compensation": 4}),
    ({"non_compete": 1}, 4, {"vectorizer": 4, "non_compete": 1, "rvu_compensation": 4}),
    ({}, 2, {"vectorizer": 2, "non_compete": 2, "rvu_compensation": 2}),
])
def test_physician_repeats_names_every_kind(kind_repeat, base, expected):
    repeats = train.physician_repeats(kind_repeat, base)
    assert set(repeats) == {"vectorizer", *CLAUSE_KINDS}
    assert {k: repeats[k] for k in expected} == expected
