"""``python -m models.score_rows`` scores rows exactly as the trainer scores its held-out split."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models import train
from models.score_rows import format_scores, read_rows, score_rows
from nlp.classifier import read_card


def test_it_reproduces_the_cards_held_out_scores():
    """The held-out physician rows, scored by this module, give the card's figures to the last digit."""
    held_out = train.split_rows(train.load_rows())["physician_test"]
    result = score_rows(held_out)
    assert json.loads(json.dumps(result["fused"])) == read_card()["physician_held_out"]["fused"]
    assert json.loads(json.dumps(result["rules_only"])) == read_card()["physician_held_out"]["rules_only"]
    assert "non_compete" in format_scores(result)


def test_it_refuses_training_files():
    with pytest.raises(SystemExit, match="training data"):
        read_rows(train.DATA_DIR / train.PHYSICIAN_THIRD_FILE)


def test_it_refuses_unknown_kinds(tmp_path: Path):
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"id": "x-1", "doc": "x01", "text": "Salary is $300,000.", "kinds": ["salary"]}) + "\n")
    with pytest.raises(SystemExit, match="unknown kinds"):
        read_rows(path)


def _rows(spec: list[tuple[str, bool, bool]]) -> tuple[list[train.Row], list[list[str]]]:
    """(document, truly rvu, tagged rvu) per row."""
    rows = [train.Row(f"r{n}", doc, "text", frozenset({"rvu_compensation"} if true else ()), "x.jsonl")
            for n, (doc, true, _) in enumerate(spec)]
    return rows, [["rvu_compensation"] if said else [] for _, _, said in spec]


@pytest.mark.parametrize(
    "spec, precision_95, recall_95, share_both",
    [
        pytest.param([("a", True, True), ("b", True, True), ("b", False, False)], [1.0, 1.0], [1.0, 1.0], 1.0,
                     id="perfect-everywhere"),
        pytest.param([("a", True, True), ("b", True, False)], [0.0, 1.0], [0.0, 1.0], None, id="one-document-missed"),
        pytest.param([("a", False, True), ("a", True, True)], [0.5, 0.5], [1.0, 1.0], 0.0, id="one-document-only"),
    ],
)
def test_bootstrap_redraws_documents(spec, precision_95, recall_95, share_both):
    from models.score_rows import bootstrap

    rows, predicted = _rows(spec)
    result = bootstrap(rows, predicted, resamples=2000)["kinds"]["rvu_compensation"]
    assert result["precision_95"] == precision_95 and result["recall_95"] == recall_95
    if share_both is not None:
        assert result["share_meeting_both"] == share_both
    else:  # half the redraws hold document b twice, a quarter hold a twice
        assert 0.2 < result["share_meeting_both"] < 0.3


def test_bootstrap_is_seeded():
    from models.score_rows import bootstrap

    rows, predicted = _rows([("a", True, True), ("b", True, False), ("c", False, True), ("c", True, True)])
    assert bootstrap(rows, predicted, 500) == bootstrap(rows, predicted, 500)
