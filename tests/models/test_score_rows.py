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
