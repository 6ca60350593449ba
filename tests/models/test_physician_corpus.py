"""Fast structural checks on the hand-written physician clause corpus (models/data/physician_clauses.jsonl).

The corpus is authored, not generated, so these checks only guard its shape and the promised
minimum counts; they say nothing about any tagger's accuracy.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from nlp.kinds import CLAUSE_KINDS, HEADLINE_KINDS

CORPUS = Path(__file__).resolve().parents[2] / "models" / "data" / "physician_clauses.jsonl"

KINDS = set(CLAUSE_KINDS)
HEADLINE = set(HEADLINE_KINDS)
STYLES = {
    "employment_agreement",
    "offer_letter",
    "academic_appointment",
    "private_group_associate",
    "hospital_services_agreement",
    "locum_or_independent_contractor",
    "compensation_exhibit",
    "amendment",
}
FIELDS = {"id", "doc", "text", "kinds", "style", "source"}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    parsed = []
    for n, line in enumerate(lines, 1):
        assert line.strip(), f"blank line {n}"
        try:
            parsed.append(json.loads(line))
        except json.JSONDecodeError as exc:  # pragma: no cover - message only
            pytest.fail(f"line {n} is not JSON: {exc}")
    return parsed


def test_every_row_has_the_schema(rows):
    for r in rows:
        assert set(r) == FIELDS, r.get("id")
        assert re.fullmatch(r"pc-\d{4}", r["id"]), r["id"]
        assert re.fullmatch(r"d\d{2}", r["doc"]), r["id"]
        assert isinstance(r["text"], str) and isinstance(r["kinds"], list)
        assert r["style"] in STYLES, r["id"]
        assert r["source"].startswith("authored for contract-risk"), r["id"]


def test_ids_unique(rows):
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))


def test_kinds_valid_and_not_repeated(rows):
    for r in rows:
        assert set(r["kinds"]) <= KINDS, (r["id"], r["kinds"])
        assert len(r["kinds"]) == len(set(r["kinds"])), r["id"]


def test_no_duplicate_texts(rows):
    dup = [t for t, n in Counter(r["text"] for r in rows).items() if n > 1]
    assert not dup, dup[:3]


def test_no_short_texts(rows):
    short = [r["id"] for r in rows if len(r["text"]) < 40]
    assert not short, short


def test_docs_are_contiguous_single_style_and_big_enough(rows):
    order: list[str] = []
    for r in rows:
        if not order or order[-1] != r["doc"]:
            order.append(r["doc"])
    assert len(order) == len(set(order)), "a doc's clauses are split up"
    styles = defaultdict(set)
    sizes = Counter()
    for r in rows:
        styles[r["doc"]].add(r["style"])
        sizes[r["doc"]] += 1
    assert all(len(s) == 1 for s in styles.values())
    small = {d: n for d, n in sizes.items() if n < 10}
    assert not small, small


def test_minimum_counts(rows):
    per_kind = Counter()
    docs_per_kind = defaultdict(set)
    for r in rows:
        for k in r["kinds"]:
            per_kind[k] += 1
            docs_per_kind[k].add(r["doc"])
    for k in KINDS:
        need_rows, need_docs = (70, 25) if k in HEADLINE else (40, 18)
        assert per_kind[k] >= need_rows, (k, per_kind[k])
        assert len(docs_per_kind[k]) >= need_docs, (k, len(docs_per_kind[k]))
    assert sum(1 for r in rows if not r["kinds"]) >= 400
