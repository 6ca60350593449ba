"""CUAD v1 (CC BY 4.0, The Atticus Project) as used here: splits, labelled spans, the category map,
and the clause-hit criterion shared by training-row building and evaluation.

Hit criterion (issue 3): a clause *hits* a labelled span when it holds at least 60% of the span's
words and is no longer than three times the span or 400 words, whichever is larger. Words are
lower-cased runs of letters and digits, compared as multisets.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CUAD_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "cuad"

#: CUAD category -> our clause kind. Only these are positives; see EXCLUDED for the ambiguous ones.
CATEGORY_TO_KIND: dict[str, str] = {
    "Non-Compete": "non_compete",
    "No-Solicit of Employees": "non_solicitation",
    "No-Solicit of Customers": "non_solicitation",
    "Liquidated Damages": "liquidated_damages",
    "Termination for Convenience": "termination_without_cause",
}
#: Categories whose clauses are neither clean positives nor clean negatives for our kinds
#: (carve-outs to covenants; revenue sharing, which our kinds cover only partly): left out of training.
EXCLUDED_CATEGORIES = frozenset({"Competitive Restriction Exception", "Revenue/Profit Sharing"})

HIT_SHARE = 0.6
HIT_LENGTH_FACTOR = 3
HIT_LENGTH_FLOOR = 400

_WORD_RE = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """The comparison words of a text: lower-cased letter/digit runs."""
    return _WORD_RE.findall(text.lower())


@dataclass(frozen=True)
class Span:
    """One labelled CUAD span."""

    doc_id: int
    category: str
    index: int
    text: str

    @property
    def words(self) -> Counter[str]:
        return Counter(words(self.text.replace("<omitted>", " ")))


def contains_span(clause_text: str, span: Span) -> bool:
    """Stronger than :func:`hits`, for training labels: every piece of the span appears word for word."""
    clause = " " + " ".join(words(clause_text)) + " "
    pieces = [" " + " ".join(words(piece)) + " " for piece in span.text.split("<omitted>")]
    return all(piece.strip() and piece in clause for piece in pieces)


def share_held(clause_words: Counter[str], span_words: Counter[str]) -> float:
    """Share of the span's words (multiset) that the clause holds."""
    total = sum(span_words.values())
    if not total:
        return 0.0
    return sum((clause_words & span_words).values()) / total


def hits(clause_words: Counter[str], span_words: Counter[str]) -> bool:
    """The issue's hit criterion: holds >= 60% of the span, and is not much longer than it."""
    limit = max(HIT_LENGTH_FACTOR * sum(span_words.values()), HIT_LENGTH_FLOOR)
    return sum(clause_words.values()) <= limit and share_held(clause_words, span_words) >= HIT_SHARE


@lru_cache(maxsize=1)
def splits() -> dict[int, str]:
    with (CUAD_DIR / "splits.csv").open() as handle:
        return {int(row["doc_id"]): row["split"] for row in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def index_rows() -> tuple[dict[str, str], ...]:
    with (CUAD_DIR / "contracts_index.csv").open() as handle:
        return tuple(csv.DictReader(handle))


def documents(split: str) -> Iterator[tuple[int, Path]]:
    """(doc_id, pdf path) of every contract in ``split``, in doc_id order."""
    for row in index_rows():
        doc_id = int(row["doc_id"])
        if splits()[doc_id] == split:
            yield doc_id, CUAD_DIR / row["pdf_path"]


@lru_cache(maxsize=1)
def _all_spans() -> dict[int, tuple[Span, ...]]:
    by_doc: dict[int, list[Span]] = {}
    with (CUAD_DIR / "clause_spans.jsonl").open() as handle:
        for line in handle:
            row = json.loads(line)
            if row["category"] in CATEGORY_TO_KIND or row["category"] in EXCLUDED_CATEGORIES or row["category"] in (
                "Exclusivity", "Insurance"
            ):
                by_doc.setdefault(row["doc_id"], []).append(
                    Span(row["doc_id"], row["category"], row["span_index"], row["text"])
                )
    return {doc_id: tuple(spans) for doc_id, spans in by_doc.items()}


def spans(doc_id: int) -> tuple[Span, ...]:
    """Labelled spans of one contract in the categories this project uses."""
    return _all_spans().get(doc_id, ())


def available() -> bool:
    return (CUAD_DIR / "clause_spans.jsonl").is_file()
