"""Table-driven tests of ``find_quantities``, read from ``cases/<kind>.csv``.

CSV columns: ``text,kind,value,unit,per,match,extra``

- One row is one expected quantity of ``text``, in text order. A row whose ``text`` cell is empty
  continues the text above it: it is the next quantity expected in the same text.
- The expected list is exact: ``find_quantities(text)`` must return these quantities and no others,
  so every positive row is also a negative test for everything else in its sentence.
- ``kind`` ``none``: the text must yield no quantity at all (the other cells stay empty).
- ``value`` is a decimal, or ``a/b`` for a repeating decimal (``10/30`` months for 10 days).
- ``unit`` is the canonical unit of the kind; ``per`` is empty for None; ``match`` is the exact
  ``q.text`` (the span as written).
- ``extra`` holds optional ``key=value`` checks separated by ``;``: ``amount``, ``raw_unit``,
  ``range`` (``low``/``high``; when absent ``range_part`` must be None) and ``note`` (a substring
  the note must contain; when absent the note must be None).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.terms.quantities import find_quantities
from nlp.terms.quantity import Quantity

CASES_DIR = Path(__file__).parent / "cases"


@dataclass(frozen=True)
class Expected:
    """One expected quantity (one CSV row)."""

    kind: str
    value: Decimal
    unit: str
    per: str | None
    match: str
    extra: dict[str, str]


@dataclass(frozen=True)
class Case:
    """One text and everything it must yield."""

    source: str
    text: str
    expected: tuple[Expected, ...]

    @property
    def id(self) -> str:
        snippet = self.text if len(self.text) <= 48 else self.text[:45] + "..."
        return f"{self.source}:{snippet}"


def _decimal(cell: str) -> Decimal:
    if "/" in cell:
        numerator, denominator = cell.split("/")
        return Decimal(numerator) / Decimal(denominator)
    return Decimal(cell)


def _extra(cell: str) -> dict[str, str]:
    pairs = (item.split("=", 1) for item in cell.split(";") if item.strip())
    return {key.strip(): value.strip() for key, value in pairs}


def _expected(row: dict[str, str]) -> Expected | None:
    if row["kind"] == "none":
        return None
    return Expected(
        kind=row["kind"],
        value=_decimal(row["value"]),
        unit=row["unit"],
        per=row["per"] or None,
        match=row["match"],
        extra=_extra(row["extra"]),
    )


def load_cases() -> list[Case]:
    """Every case of every CSV file, rows grouped by text."""
    cases: list[Case] = []
    for path in sorted(CASES_DIR.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for line_number, row in enumerate(csv.DictReader(handle), start=2):
                if None in row or None in row.values():
                    raise ValueError(f"{path.name}:{line_number}: expected 7 cells (quote cells with commas)")
                expected = _expected(row)
                if row["text"]:
                    source = f"{path.stem}:{line_number}"
                    cases.append(Case(source, row["text"], () if expected is None else (expected,)))
                    continue
                if not cases or expected is None:
                    raise ValueError(f"{path.name}:{line_number}: a continuation row needs a text above it")
                previous = cases[-1]
                cases[-1] = Case(previous.source, previous.text, (*previous.expected, expected))
    return cases


CASES = load_cases()


def _describe(quantities: list[Quantity]) -> list[tuple[str, str, str, str | None]]:
    return [(q.kind, q.text, str(q.value), q.per) for q in quantities]


def _check(quantity: Quantity, expected: Expected) -> None:
    assert quantity.kind == expected.kind
    assert quantity.text == expected.match
    assert quantity.value == expected.value
    assert quantity.unit == expected.unit
    assert quantity.per == expected.per
    extra = expected.extra
    if "amount" in extra:
        assert quantity.amount == _decimal(extra["amount"])
    if "raw_unit" in extra:
        assert quantity.raw_unit == extra["raw_unit"]
    assert quantity.range_part == extra.get("range")
    if "note" in extra:
        assert quantity.note is not None and extra["note"] in quantity.note
    else:
        assert quantity.note is None


def assert_well_formed(text: str, quantities: list[Quantity]) -> None:
    """Offsets exact, sorted, non-overlapping."""
    previous_end = 0
    for quantity in quantities:
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.start >= previous_end
        assert quantity.end > quantity.start
        previous_end = quantity.end


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case(case: Case) -> None:
    found = find_quantities(case.text)
    assert_well_formed(case.text, found)
    expected_texts = [expected.match for expected in case.expected]
    assert [q.text for q in found] == expected_texts, _describe(found)
    for quantity, expected in zip(found, case.expected, strict=True):
        _check(quantity, expected)


def test_table_size() -> None:
    """The brief's floor: at least 80 positive phrasings and 20 negatives."""
    positives = sum(len(case.expected) for case in CASES)
    negatives = sum(1 for case in CASES if not case.expected)
    assert positives >= 80
    assert negatives >= 20


def test_every_kind_is_covered() -> None:
    kinds = {expected.kind for case in CASES for expected in case.expected}
    assert kinds == {"distance", "duration", "money", "count", "frequency", "percent"}


def test_money_is_decimal() -> None:
    (quantity,) = find_quantities("a salary of $150,000.10 per year")
    assert isinstance(quantity.value, Decimal)
    assert quantity.value == Decimal("150000.10")


def test_duration_days_property_stays_exact() -> None:
    (quantity,) = find_quantities("upon ninety (90) days' written notice")
    assert quantity.days == 90


def test_offsets_in_a_long_document() -> None:
    paragraph = (
        "For two (2) years Physician shall not practice within 25 miles. Call is 1:4 and pays "
        "$1,500 per call day. Bonus: 10% above 6,500 wRVUs, see Section 7.2 dated 1/1/2026.\n"
    )
    text = paragraph * 200
    found = find_quantities(text)
    assert_well_formed(text, found)
    assert len(found) == 6 * 200


_CONTRACT_PIECES = st.sampled_from(
    [
        "one", "(1)", "twenty-five", "(25)", "$", "1,200", ".50", "-", "–", " to ", "between ", " and ",
        "miles", "days'", "%", "percent", "wRVUs", " per ", "/", "a year", "every fourth night", "1:4",
        ":", "§", "Section 7.2", "(", ")", "hundred", "thousand", "million", "K", "dollars", "US$",
        "1 1/2", "½", "one-half", "0", "2026", " ", "\n", "\u00a0", "İ", "km", "call shift", "per diem",
    ]
)


@settings(max_examples=200, database=None, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(_CONTRACT_PIECES, max_size=40).map("".join)))
def test_never_raises_and_offsets_hold(text: str) -> None:
    assert_well_formed(text, find_quantities(text))
