"""Defined-term lookup fast paths give what the code before them gave.

* ``_sentence_bounds`` starts its search for the last sentence end at the last newline;
* ``ClauseLocator.innermost`` is ``innermost_clause`` with its start list and id map built once;
* ``definitions_used`` tests for the term as a substring before running its whole-word regex.

Each is compared with the old code, kept verbatim below, on the sample contracts and on edge texts.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

import pytest

from nlp.definitions import _SENTENCE_END_RE, _sentence_bounds, definitions_used, find_definitions
from nlp.document import Definition
from nlp.extract import extract_document
from nlp.segment import segment
from nlp.tagger import ClauseLocator, innermost_clause

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "sample_contracts").glob("*.pdf"))


def _old_sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    ends = (m.end() for m in _SENTENCE_END_RE.finditer(text, max(0, start - 600), start))
    left = max(text.rfind("\n", 0, start), max(ends, default=-1))
    left = max(left, 0)
    match = _SENTENCE_END_RE.search(text, end)
    right = match.end() if match else len(text)
    return left, right


def _old_innermost_clause(clauses, offset):
    starts = [c.start for c in clauses]
    index = bisect.bisect_right(starts, offset) - 1
    by_id = {c.id: c for c in clauses}
    while index >= 0:
        clause = clauses[index]
        node = clause
        while node is not None and not (node.start <= offset < node.end):
            node = by_id.get(node.parent_id) if node.parent_id else None
        if node is not None:
            return node
        index -= 1
    return None


EDGE_TEXTS = [
    "",
    "\n",
    "A. B. Smith; Sec. 4. No. 5.\nThe term \"Area\" means X.",
    "x" * 700 + ". Y" + "\n" + "z" * 650 + "; The \"Term\" means it.",
    "No newline here at all. A sentence; another. \"Restricted Area\" means ten miles",
    "\n\n\n.\n;\n",
]


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_sentence_bounds_equal_old_on_every_offset_of_edge_texts(text: str) -> None:
    for start in range(len(text) + 1):
        assert _sentence_bounds(text, start, start) == _old_sentence_bounds(text, start, start), start


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sentence_bounds_and_locator_equal_old_on_sample_contracts(path: Path) -> None:
    document = extract_document(path)
    text = document.text
    clauses = segment(document)
    locator = ClauseLocator(clauses)
    for start in range(0, len(text) + 1, 7):
        assert _sentence_bounds(text, start, start) == _old_sentence_bounds(text, start, start), start
    for offset in range(-1, len(text) + 2):
        assert locator.innermost(offset) == _old_innermost_clause(clauses, offset), offset
        if offset % 97 == 0:
            assert innermost_clause(clauses, offset) == _old_innermost_clause(clauses, offset)


def _old_definitions_used(text, definitions, exclude_clause=None):
    used = []
    for definition in definitions:
        if exclude_clause is not None and definition.clause_id == exclude_clause:
            continue
        if re.search(rf"(?<![A-Za-z]){re.escape(definition.term)}(?![A-Za-z])", text):
            used.append(definition)
    return used


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_definitions_used_equal_old_on_sample_contracts(path: Path) -> None:
    document = extract_document(path)
    clauses = segment(document)
    definitions = find_definitions(document.text, clauses)
    for clause in clauses:
        for exclude in (None, clause.id):
            assert definitions_used(clause.text, definitions, exclude) == _old_definitions_used(
                clause.text, definitions, exclude
            ), clause.id


def test_definitions_used_on_edge_texts() -> None:
    definitions = [Definition(term=t, text=t, start=0, end=len(t), clause_id=None)
                   for t in ("Area", "Restricted Period", "A.B.", "Term-Sheet", "Net Revenue")]
    texts = ["", "Area", "Areas", "xArea", "the Area.", "AREA area", "Restricted  Period",
             "Restricted Period,", "A.B.C", "(A.B.)", "Term-Sheet's", "Net Revenue1", "1Net Revenue",
             "ÉArea Areaé"]
    for text in texts:
        assert definitions_used(text, definitions) == _old_definitions_used(text, definitions), text
