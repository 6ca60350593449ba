"""The evaluation harness: metrics arithmetic and `contract-risk eval` on a labelled folder."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from app.cli import app
from app.evaluate import Evaluation, prf, same_value
from tests.conftest import SAMPLES


@pytest.mark.parametrize(
    "tp, fp, fn, expected",
    [(8, 2, 0, (0.8, 1.0, 0.889)), (0, 0, 5, (0.0, 0.0, 0.0)), (5, 0, 5, (1.0, 0.5, 0.667))],
)
def test_evaluate_prf(tp, fp, fn, expected):
    scores = prf(tp, fp, fn)
    assert (scores["precision"], scores["recall"], scores["f1"]) == expected


@pytest.mark.parametrize(
    "expected, actual, same",
    [(25, 25.2, True), (25, 25.3, False), (55.0, 55.0, True), ("all_sites", "all_sites", True),
     ("employer", "physician", False), (90, "90", False)],
)
def test_evaluate_same_value(expected, actual, same):
    assert same_value(expected, actual) is same


def test_evaluate_counts_misses_and_extras():
    truth = {"file": "x.pdf", "clauses": [
        {"number": "1", "heading": None, "kinds": ["non_compete"]},
        {"number": "2", "heading": None, "kinds": []}],
        "terms": [{"name": "non_compete.radius_miles", "value": 20, "unit": "mi"}],
        "expected_high_flags": ["non_compete.radius_wide"]}
    report = {"clauses": [
        {"id": "c1", "number": "1", "heading": None, "kinds": []},
        {"id": "c2", "number": "2", "heading": None, "kinds": [{"kind": "tail_coverage"}]},
        {"id": "c3", "number": "3", "heading": None, "kinds": [{"kind": "non_compete"}]}],
        "terms": [{"name": "non_compete.radius_miles", "value": 25.0}],
        "flags": [{"id": "tail_coverage.missing", "severity": "high"}]}
    evaluation = Evaluation()
    evaluation.add_report(truth, report)
    scores = evaluation.as_dict()
    assert scores["kinds"]["non_compete"] == prf(0, 1, 1)  # missed on clause 1, extra on unpaired clause 3
    assert scores["kinds"]["tail_coverage"] == prf(0, 1, 0)
    assert scores["terms"]["non_compete.radius_miles"] == {"labelled": 1, "right": 0, "accuracy": 0.0, "extra": 1}
    assert scores["flags"]["expected_missed"] == 1 and scores["flags"]["unexpected_high"] == 1


def test_evaluate_cli_on_a_labelled_folder(tmp_path):
    for name in ("psychiatry_fair.pdf", "psychiatry_fair.truth.json"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["contracts"] == 1 and scores["clauses_paired"] == scores["clauses_labelled"]
    assert scores["terms"]["termination_without_cause.notice_days"]["accuracy"] == 1.0


def test_evaluate_cli_refuses_a_folder_without_truth(tmp_path):
    result = CliRunner().invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == 2 and result.stderr.startswith("error: no_truth_files: ")
