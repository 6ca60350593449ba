"""The clause-hit criterion of the CUAD evaluation (issue 3), table-driven; no CUAD files needed."""

from __future__ import annotations

from collections import Counter

import pytest

from models.cuad import Span, contains_span, hits, words

SPAN = "Distributor shall not sell competing products in the Territory during the Term"


def bag(text: str) -> Counter[str]:
    return Counter(words(text))


@pytest.mark.parametrize(
    "clause, expected",
    [
        pytest.param(SPAN, True, id="same-text"),
        pytest.param("7.2 Non-compete. " + SPAN + ", except as agreed in writing.", True, id="span-inside"),
        pytest.param("Distributor shall not sell competing products.", False, id="holds-under-60pct"),
        pytest.param(SPAN + " " + "filler words " * 250, False, id="whole-article-too-long"),
        pytest.param(SPAN + " " + "filler " * 300, True, id="long-but-within-400-words"),
    ],
)
def test_cuad_hit_criterion(clause, expected):
    assert hits(bag(clause), bag(SPAN)) is expected


@pytest.mark.parametrize(
    "clause, span_text, expected",
    [
        pytest.param("A. " + SPAN + ".", SPAN, True, id="verbatim"),
        pytest.param("The Term shall not sell", "shall not sell", True, id="short-verbatim"),
        pytest.param("sell not shall", "shall not sell", False, id="reordered"),
        pytest.param("first part here and later second part", "first part <omitted> second part", True, id="omitted-pieces"),
    ],
)
def test_cuad_contains_span(clause, span_text, expected):
    assert contains_span(clause, Span(0, "Non-Compete", 0, span_text)) is expected
