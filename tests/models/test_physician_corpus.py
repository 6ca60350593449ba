"""Structural checks on the four hand-written physician clause corpora (models/data/physician_clauses*.jsonl).

The corpora are authored, not generated, so these checks only guard their shape and the promised minimum
counts; they say nothing about any tagger's accuracy. ``physician_clauses_more.jsonl`` (models/data/README_more.md)
is training-only; ``physician_clauses_third.jsonl`` and ``physician_clauses_fourth.jsonl`` (README_third.md,
README_fourth.md) are training and validation;
their texts must not repeat the first corpus, whose held-out documents they would otherwise leak.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from nlp.kinds import CLAUSE_KINDS, HEADLINE_KINDS

DATA = Path(__file__).resolve().parents[2] / "models" / "data"
KINDS = set(CLAUSE_KINDS)
STYLES = {"employment_agreement", "offer_letter", "academic_appointment", "private_group_associate",
          "hospital_services_agreement", "locum_or_independent_contractor", "compensation_exhibit", "amendment"}
FIELDS = {"id", "doc", "text", "kinds", "style", "source"}


@dataclass(frozen=True)
class Corpus:
    file: str
    id_pattern: str
    doc_pattern: str
    headline_min: tuple[int, int]   # (rows, documents) per headline kind
    other_min: tuple[int, int]      # (rows, documents) per other kind
    min_empty: int = 400
    min_doc_rows: int = 10
    min_text_chars: int = 40
    styles: frozenset[str] | None = frozenset(STYLES)  # None: free snake_case names, one per document


CORPORA = {
    "first": Corpus("physician_clauses.jsonl", r"pc-\d{4}", r"d\d{2}", (70, 25), (40, 18)),
    "more": Corpus("physician_clauses_more.jsonl", r"pm-\d{4}", r"m\d{2}", (90, 30), (45, 0)),
    "third": Corpus("physician_clauses_third.jsonl", r"pt-w[a-h]-\d{4}", r"w[a-h]\d{2}", (110, 35), (40, 30),
                    min_empty=380, min_text_chars=10, styles=None),
    "fourth": Corpus("physician_clauses_fourth.jsonl", r"pf-y[a-d]-\d{4}", r"y[a-d]\d{2}", (60, 20), (24, 20),
                     min_empty=300, min_text_chars=10, styles=None),
}


def load(corpus: Corpus) -> list[dict]:
    parsed = []
    for n, line in enumerate((DATA / corpus.file).read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{corpus.file}: blank line {n}"
        try:
            parsed.append(json.loads(line))
        except json.JSONDecodeError as exc:  # pragma: no cover - message only
            pytest.fail(f"{corpus.file} line {n} is not JSON: {exc}")
    assert parsed, f"{corpus.file} is empty"
    return parsed


@pytest.fixture(scope="module", params=sorted(CORPORA))
def corpus(request) -> tuple[Corpus, list[dict]]:
    spec = CORPORA[request.param]
    return spec, load(spec)


def test_every_row_has_the_schema(corpus):
    spec, rows = corpus
    for r in rows:
        assert set(r) == FIELDS, r.get("id")
        assert re.fullmatch(spec.id_pattern, r["id"]), r["id"]
        assert re.fullmatch(spec.doc_pattern, r["doc"]), r["id"]
        assert isinstance(r["text"], str) and isinstance(r["kinds"], list), r["id"]
        if spec.styles is None:
            assert re.fullmatch(r"[a-z0-9_]+", r["style"]), r["id"]
        else:
            assert r["style"] in spec.styles, r["id"]
        assert r["source"].startswith("authored for contract-risk"), r["id"]


def test_ids_unique(corpus):
    ids = [r["id"] for r in corpus[1]]
    assert len(ids) == len(set(ids))


def test_kinds_valid_and_not_repeated(corpus):
    for r in corpus[1]:
        assert set(r["kinds"]) <= KINDS, (r["id"], r["kinds"])
        assert len(r["kinds"]) == len(set(r["kinds"])), r["id"]


def test_no_duplicate_or_short_texts(corpus):
    spec, rows = corpus
    dup = [t for t, n in Counter(r["text"] for r in rows).items() if n > 1]
    assert not dup, dup[:3]
    short = [r["id"] for r in rows if len(r["text"].strip()) < spec.min_text_chars]
    assert not short, short


def test_docs_are_contiguous_single_style_and_big_enough(corpus):
    spec, rows = corpus
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
    small = {d: n for d, n in sizes.items() if n < spec.min_doc_rows}
    assert not small, small


def test_minimum_counts(corpus):
    spec, rows = corpus
    per_kind = Counter()
    docs_per_kind = defaultdict(set)
    for r in rows:
        for k in r["kinds"]:
            per_kind[k] += 1
            docs_per_kind[k].add(r["doc"])
    for k in KINDS:
        need_rows, need_docs = spec.headline_min if k in HEADLINE_KINDS else spec.other_min
        assert per_kind[k] >= need_rows, (k, per_kind[k])
        assert len(docs_per_kind[k]) >= need_docs, (k, len(docs_per_kind[k]))
    assert sum(1 for r in rows if not r["kinds"]) >= spec.min_empty


def test_the_corpora_share_no_text():
    texts = {name: {r["text"].strip().lower() for r in load(spec)} for name, spec in CORPORA.items()}
    assert not texts["first"] & texts["more"]
    assert not texts["first"] & texts["third"]
    assert not texts["more"] & texts["third"]
    assert not (texts["first"] | texts["more"] | texts["third"]) & texts["fourth"]


@pytest.mark.parametrize(("name", "key", "expected"), [
    ("third", "third_corpus_validation", None),
    ("fourth", "fourth_corpus_validation", ["ya05", "yb05", "yc05", "yd05"]),
])
def test_a_later_corpus_validation_documents_exist_and_none_is_held_out(name, key, expected):
    split = json.loads((DATA / "physician_split.json").read_text(encoding="utf-8"))
    docs = {r["doc"] for r in load(CORPORA[name])}
    if expected is not None:
        assert split[key] == expected
    assert set(split[key]) <= docs
    assert not docs & set(split["held_out"])


def _hard_negative_ids() -> set[int]:
    """Numbers listed in the ```text block under '### Hard negatives' in README_more.md."""
    section = (DATA / "README_more.md").read_text(encoding="utf-8").split("### Hard negatives", 1)[1]
    block = section.split("```text", 1)[1].split("```", 1)[0]
    ids: set[int] = set()
    for part in re.split(r"[,\s]+", block.strip()):
        if part:
            lo, _, hi = part.partition("-")
            ids.update(range(int(lo), int(hi or lo) + 1))
    return ids


def test_the_second_corpus_hard_negatives_are_listed_and_empty():
    hard = _hard_negative_ids()
    assert len(hard) >= 150, len(hard)
    by_number = {int(r["id"][3:]): r for r in load(CORPORA["more"])}
    missing = sorted(h for h in hard if h not in by_number)
    assert not missing, missing[:5]
    labelled = sorted(h for h in hard if by_number[h]["kinds"])
    assert not labelled, labelled[:5]


def test_the_trainer_reads_every_validation_list_of_the_split_file():
    from models.train import LATER_VALIDATION_KEYS

    split = json.loads((DATA / "physician_split.json").read_text(encoding="utf-8"))
    listed = {key for key in split if key.endswith("_validation")}
    assert listed == set(LATER_VALIDATION_KEYS)
