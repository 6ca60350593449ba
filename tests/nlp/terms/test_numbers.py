"""Table-driven tests of ``parse_number`` and ``read_amount``."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.terms.numbers import parse_number, read_amount

NUMBERS: list[tuple[str, str | None]] = [
    # words
    ("one", "1"),
    ("twelve", "12"),
    ("twenty-five", "25"),
    ("Twenty Five", "25"),
    ("ninety", "90"),
    ("one hundred and eighty", "180"),
    ("one hundred eighty", "180"),
    ("One Hundred Fifty Thousand", "150000"),
    ("two hundred thousand", "200000"),
    ("six thousand five hundred", "6500"),
    ("one million two hundred fifty thousand", "1250000"),
    ("twenty-five hundred", "2500"),
    ("a hundred", "100"),
    ("zero", "0"),
    # fractions
    ("one-half", "0.5"),
    ("a half", "0.5"),
    ("one and one-half", "1.5"),
    ("two and a half", "2.5"),
    ("three-quarters", "0.75"),
    ("four and 95/100", "4.95"),
    ("one hundred fifty thousand and 00/100", "150000"),
    # digits
    ("25", "25"),
    ("1,200.50", "1200.50"),
    ("1.2 million", "1200000"),
    ("150 thousand", "150000"),
    ("1 1/2", "1.5"),
    ("1½", "1.5"),
    ("12.5", "12.5"),
    # not numbers
    ("", None),
    ("miles", None),
    ("two three", None),
    ("hundred", None),
    ("one hundred hundred", None),
    ("one hundred one hundred", None),
    ("twenty ninety", None),
    ("thousand million", None),
    ("one and", None),
    ("1,20", None),
    ("1.2.3", None),
    ("1/2", "0.5"),
    ("3/2", None),
    ("zero one", None),
]


@pytest.mark.parametrize(("words", "expected"), NUMBERS, ids=[words or "<empty>" for words, _ in NUMBERS])
def test_parse_number(words: str, expected: str | None) -> None:
    value = parse_number(words)
    if expected is None:
        assert value is None
    else:
        assert value == Decimal(expected)


def test_two_thirds_is_a_decimal_fraction() -> None:
    assert parse_number("two-thirds") == Decimal(2) / Decimal(3)


AMOUNTS: list[tuple[str, str, bool]] = [
    # written, value, has a disagreement note
    ("twenty-five (25)", "25", False),
    ("25 (twenty-five)", "25", False),
    ("one and one-half (1 1/2)", "1.5", False),
    ("twenty (25)", "25", True),
    ("thirty (3)", "3", True),
    ("one-half (1/2)", "0.5", False),
    ("ninety", "90", False),
]


@pytest.mark.parametrize(("written", "value", "noted"), AMOUNTS, ids=[written for written, _, _ in AMOUNTS])
def test_read_amount(written: str, value: str, noted: bool) -> None:
    result = read_amount(written)
    assert result is not None
    amount, note = result
    assert amount == Decimal(value)
    assert (note is not None) == noted
    if noted:
        assert "digits used" in note


def test_read_amount_rejects_non_numbers() -> None:
    assert read_amount("miles") is None
