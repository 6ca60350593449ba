"""Structural checks on the fresh held-out physician clauses (models/data/fresh_heldout/, README there).

They are evaluation-only: training must never read them, and no text of theirs may appear in any corpus the
trainer reads. These checks guard shape and separation only; the scores come from ``python -m
models.score_rows`` (README, Evaluation).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from models import train
from nlp.kinds import CLAUSE_KINDS, HEADLINE_KINDS

FOLDER = train.DATA_DIR / "fresh_heldout"
WRITERS = ("xa", "xb", "xc", "xd")
FIELDS = {"id", "doc", "text", "kinds", "style", "source"}
#: Per writer: rows of each headline kind, rows of each other kind, share of rows with no kind.
HEADLINE_MIN, OTHER_MIN, EMPTY_SHARE_MIN = 12, 4, 0.25


def _rows(writer: str) -> list[dict]:
    lines = (FOLDER / f"{writer}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.mark.parametrize("writer", WRITERS)
def test_schema_ids_and_kinds(writer):
    rows = _rows(writer)
    assert rows
    for r in rows:
        assert set(r) == FIELDS, r.get("id")
        assert re.fullmatch(rf"fh-{writer}-\d{{4}}", r["id"]), r["id"]
        assert re.fullmatch(rf"{writer}\d{{2}}", r["doc"]), r["id"]
        assert set(r["kinds"]) <= set(CLAUSE_KINDS) and len(r["kinds"]) == len(set(r["kinds"])), r["id"]
        assert r["source"] == f"authored for contract-risk, 2026-11 (synthetic, fresh held-out, writer {writer})"
        assert r["text"].strip()
    assert len({r["id"] for r in rows}) == len(rows)


@pytest.mark.parametrize("writer", WRITERS)
def test_minimum_counts(writer):
    rows = _rows(writer)
    per_kind = Counter(k for r in rows for k in r["kinds"])
    for kind in CLAUSE_KINDS:
        assert per_kind[kind] >= (HEADLINE_MIN if kind in HEADLINE_KINDS else OTHER_MIN), (kind, per_kind[kind])
    assert sum(not r["kinds"] for r in rows) >= EMPTY_SHARE_MIN * len(rows)


def test_training_never_reads_them_and_shares_no_text_with_what_it_reads():
    assert not any(name.startswith("fresh_heldout") for name in train.DATA_FILES)
    trained = {" ".join(r.text.lower().split()) for r in train.load_rows()}
    fresh = [" ".join(r["text"].lower().split()) for w in WRITERS for r in _rows(w)]
    shared = [t for t in fresh if t in trained]
    assert not shared, shared[:3]
    assert len(set(fresh)) == len(fresh)


def test_the_writers_notes_exist():
    for writer in WRITERS:
        assert (FOLDER / "notes" / f"{writer}.md").is_file()
    assert Path(FOLDER / "README.md").is_file()
