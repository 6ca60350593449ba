"""Fuzzing the segmenter: for any text, ``segment`` returns clauses whose offsets lie in the text, in
document order, parents before and around their children, with valid pages, and never raises.
Texts: arbitrary unicode over 1-4 pages, strings built from clause markers, and the sample contracts'
real text mutated.
"""

from __future__ import annotations

import hashlib
from functools import cache

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nlp.document import Clause, Document
from nlp.extract import extract_document, join_pages
from nlp.segment import segment
from tests.conftest import SAMPLES
from tests.fuzz.strategies import FUZZ, hang_watchdog, mutated_text

pytestmark = pytest.mark.hostile


MARKERS = [
    "1.",
    "1.1",
    "1.1.1",
    "7.2",
    "(a)",
    "(b)",
    "(i)",
    "(iv)",
    "(A)",
    "a.",
    "i.",
    "ARTICLE I",
    "ARTICLE IV",
    "Article 12",
    "Section 3.",
    "SECTION 4.2",
    "§ 5",
    "EXHIBIT A",
    "Schedule 1",
    "APPENDIX B",
    "Addendum",
    "IN WITNESS WHEREOF",
    "WITNESS:",
    "RECITALS",
    "WHEREAS,",
    "NOW, THEREFORE,",
    "COMPENSATION",
    "Term.",
    "\n",
    "\n\n",
    "   ",
    "\t",
    "\x0c",
    " ",
    ".",
    ")",
    "(",
    "—",
    "Physician shall not practise within 25 miles.",
    "The Practice shall pay $250,000 per year.",
    "DEFINITIONS",
    "“Restricted Area” means",
    "I.",
    "II.",
    "(ii)",
]


def pages_document(page_texts: list[str]) -> Document:
    text, pages = join_pages(page_texts)
    data = text.encode("utf-8", "surrogatepass")
    return Document("fuzz.txt", hashlib.sha256(data).hexdigest(), "txt", len(data), text, pages)


@cache
def sample_texts() -> tuple[str, ...]:
    return tuple(
        extract_document(SAMPLES / name).text
        for name in ("hospitalist_employed.pdf", "urology_group.docx", "psychiatry_fair.pdf")
    )


def assert_clauses_well_formed(document: Document, clauses: list[Clause]) -> None:
    text = document.text
    page_count = max(len(document.pages), 1)
    by_id: dict[str, Clause] = {}
    previous_start = 0
    for clause in clauses:
        assert clause.id not in by_id, f"duplicate id {clause.id}"
        assert 0 <= clause.start <= clause.body_start <= clause.end <= len(text), clause
        assert clause.text == text[clause.start : clause.end]
        assert clause.start >= previous_start, "clauses out of document order"
        previous_start = clause.start
        assert 1 <= clause.page_start <= clause.page_end <= page_count, clause
        assert clause.page_start == document.page_at(clause.start)
        if clause.parent_id is None:
            assert clause.level == 0
        else:
            parent = by_id[clause.parent_id]  # parents come first
            assert clause.level == parent.level + 1
            assert parent.start <= clause.start and clause.end <= parent.end, (parent, clause)
        by_id[clause.id] = clause
    # two clauses overlap only when one is inside the other as its ancestor
    spans = [c for c in clauses if c.end > c.start][:300]
    for index, a in enumerate(spans):
        for b in spans[index + 1 :]:
            if a.start < b.end and b.start < a.end:
                assert _is_ancestor(by_id, a.id, b.id) or _is_ancestor(by_id, b.id, a.id), (a, b)


def _is_ancestor(by_id: dict[str, Clause], ancestor: str, clause_id: str) -> bool:
    parent = by_id[clause_id].parent_id
    while parent is not None:
        if parent == ancestor:
            return True
        parent = by_id[parent].parent_id
    return False


def segment_checked(page_texts: list[str]) -> None:
    document = pages_document(page_texts)
    with hang_watchdog():
        clauses = segment(document)
    assert_clauses_well_formed(document, clauses)


@settings(FUZZ, max_examples=300)
@given(st.lists(st.text(max_size=400), min_size=1, max_size=4))
@example([""])
@example(["\n\n\n"])
@example(["1.", "(a)"])
@example(["ARTICLE IV\n", "COMPENSATION\n"])
@example(["IN WITNESS WHEREOF\nEXHIBIT A\n1. x"])
def test_arbitrary_unicode_pages(page_texts: list[str]) -> None:
    segment_checked(page_texts)


@settings(FUZZ, max_examples=300)
@given(st.lists(st.lists(st.sampled_from(MARKERS), max_size=30).map(" ".join), min_size=1, max_size=3))
def test_marker_soup(page_texts: list[str]) -> None:
    segment_checked(page_texts)


@settings(FUZZ, max_examples=60)
@given(st.data())
def test_mutated_contract_texts(data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(sample_texts()))
    mutated = data.draw(mutated_text(text, MARKERS, max_edits=6))
    split = data.draw(st.integers(0, len(mutated)))
    segment_checked([mutated[:split], mutated[split:]])
