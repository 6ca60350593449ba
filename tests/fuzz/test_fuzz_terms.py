"""Fuzzing the value extractor (``nlp/terms``): the number readers and ``find_quantities`` never raise
on any string, and what they read round-trips: "$N" is N dollars, "N miles" is N miles, "N years" is
12N months, "twenty-five (25)" is 25, for generated N.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nlp.terms.money import read_money_amount
from nlp.terms.numbers import parse_number, read_amount
from nlp.terms.quantities import find_quantities
from nlp.terms.quantity import Quantity
from tests.fuzz.strategies import FUZZ, mutated_text

pytestmark = pytest.mark.hostile


ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
PIECES = [
    "one",
    "(1)",
    "twenty-five",
    "(25)",
    "$",
    "US$",
    "USD",
    "1,200",
    ".50",
    "-",
    "–",
    " to ",
    "between ",
    " and ",
    "miles",
    "km",
    "days'",
    "months",
    "years",
    "%",
    "percent",
    "wRVUs",
    " per ",
    "/",
    "a year",
    "every fourth night",
    "1:4",
    "1-in-4",
    ":",
    "§",
    "Section 7.2",
    "(",
    ")",
    "hundred",
    "thousand",
    "million",
    "billion",
    "K",
    "M",
    "dollars",
    "Dollars",
    "and 00/100",
    "½",
    "one-half",
    "0",
    "2026",
    " ",
    "\n",
    "\u00a0",
    "İ",
    "ß",
    "ﬁ",
    "9" * 30,
    "1e9",
    "0.000001",
    ",",
    ",,",
    "..",
    "per diem",
    "call shift",
    "1 1/2",
    "four and 95/100",
    "nineteen",
]
NUMBER_TEXT = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
)
CONTRACT = (
    "4.1 Base Salary. The Practice shall pay Physician an annual base salary of Two Hundred Fifty Thousand "
    "Dollars ($250,000), payable bi-weekly. 4.2 Productivity. Physician shall receive $52.00 per wRVU above "
    "4,800 wRVUs per year, and 10% of net ancillary collections. 5. Call. Physician shall share call 1:4 and "
    "be paid $1,000 per 24-hour call shift. 8. Non-Competition. For two (2) years Physician shall not "
    "practise within twenty-five (25) miles of any office. 9. Termination on ninety (90) days' notice."
)


def words(number: int) -> str:
    """English words for 0 <= number < 10**12, as contracts write them ("one hundred twenty-five")."""
    if number < 20:
        return ONES[number]
    if number < 100:
        return TENS[number // 10] + ("-" + ONES[number % 10] if number % 10 else "")
    if number < 1000:
        return ONES[number // 100] + " hundred" + (" " + words(number % 100) if number % 100 else "")
    for value, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if number >= value:
            rest = number % value
            return words(number // value) + " " + name + (" " + words(rest) if rest else "")
    raise AssertionError(number)


def assert_well_formed(text: str, quantities: list[Quantity]) -> None:
    previous_end = 0
    for quantity in quantities:
        assert text[quantity.start : quantity.end] == quantity.text
        assert previous_end <= quantity.start < quantity.end
        previous_end = quantity.end
        assert isinstance(quantity.value, Decimal) and quantity.value.is_finite()


def only(text: str, kind: str) -> Quantity:
    found = find_quantities(text)
    assert_well_formed(text, found)
    assert [q.kind for q in found] == [kind], (text, found)
    return found[0]


# --- never raises -------------------------------------------------------------------------------------


@settings(FUZZ, max_examples=300)
@given(NUMBER_TEXT)
@example("9" * 5000)
@example("$" + "9" * 4400)
@example("one " * 500)
@example("1" + ",000" * 400)
def test_number_readers_never_raise(text: str) -> None:
    for reader in (parse_number, read_amount, read_money_amount):
        result = reader(text)
        if result is not None:
            value = result if isinstance(result, Decimal) else result[0]
            assert isinstance(value, Decimal) and value.is_finite()


@settings(FUZZ, max_examples=200)
@given(st.one_of(NUMBER_TEXT, mutated_text(CONTRACT, PIECES, max_edits=6)))
def test_find_quantities_never_raises(text: str) -> None:
    assert_well_formed(text, find_quantities(text))


# --- round trips ----------------------------------------------------------------------------------------


@settings(FUZZ, max_examples=150)
@given(st.integers(0, 10**12 - 1), st.sampled_from(["${:,}", "${}", "$ {:,}", "US${:,}", "USD {:,}"]))
def test_dollars_round_trip(amount: int, form: str) -> None:
    money = only(f"The Practice shall pay Physician {form.format(amount)} per year.", "money")
    assert money.value == amount and money.unit == "USD" and money.per == "year"


@settings(FUZZ, max_examples=100)
@given(st.integers(0, 10**9 - 1), st.integers(0, 99))
def test_dollars_and_cents_round_trip(dollars: int, cents: int) -> None:
    money = only(f"a stipend of ${dollars:,}.{cents:02d} per call shift", "money")
    assert money.value == Decimal(dollars) + Decimal(cents) / 100


@settings(FUZZ, max_examples=100)
@given(st.integers(1, 10**9 - 1))
def test_words_and_digits_dollars_round_trip(amount: int) -> None:
    text = f"a signing bonus of {words(amount).title()} Dollars (${amount:,}) payable on the Start Date"
    assert only(text, "money").value == amount


@settings(FUZZ, max_examples=100)
@given(
    st.integers(1, 300),
    st.sampled_from(
        [
            "within {} miles of any office",
            "within {words} ({}) miles of any office",
            "inside a {}-mile radius of the hospital",
        ]
    ),
)
def test_miles_round_trip(miles: int, form: str) -> None:
    phrase = form.format(miles, words=words(miles))
    distance = only(f"Physician shall not practise {phrase}.", "distance")
    assert distance.value == miles and distance.unit == "mi"


@settings(FUZZ, max_examples=100)
@given(st.integers(1, 120), st.sampled_from(["month", "year", "day"]))
def test_durations_round_trip(amount: int, unit: str) -> None:
    text = f"for a period of {words(amount)} ({amount}) {unit}{'s' if amount != 1 else ''} after termination"
    duration = only(text, "duration")
    assert duration.unit == "months" and duration.amount == amount and duration.raw_unit == unit
    expected = {"month": Decimal(amount), "year": Decimal(12 * amount), "day": Decimal(amount) / 30}[unit]
    assert duration.value == expected
    if unit == "day":
        assert duration.days == amount


@settings(FUZZ, max_examples=100)
@given(st.integers(0, 1000).map(lambda tenths: Decimal(tenths) / 10))
def test_percent_round_trip(percent: Decimal) -> None:
    written = f"{percent:f}".rstrip("0").rstrip(".") if "." in f"{percent:f}" else f"{percent:f}"
    quantity = only(f"a bonus of {written}% of net collections", "percent")
    assert quantity.value == percent and quantity.unit == "%"


@settings(FUZZ, max_examples=100)
@given(st.integers(1, 99_999))
def test_wrvu_count_round_trip(count: int) -> None:
    quantity = only(f"productivity pay above {count:,} wRVUs per year", "count")
    assert quantity.value == count and quantity.unit == "wRVU" and quantity.per == "year"


@settings(FUZZ, max_examples=60)
@given(st.integers(2, 30), st.booleans())
def test_call_frequency_round_trip(n: int, in_words: bool) -> None:
    text = (
        f"Physician shall take call one in {words(n)} nights."
        if in_words
        else f"Physician shall share call 1:{n}."
    )
    quantity = only(text, "frequency")
    assert quantity.value == n and quantity.unit == "one_in"


@settings(FUZZ, max_examples=200)
@given(st.integers(0, 10**12 - 1))
def test_parse_number_round_trip(number: int) -> None:
    assert parse_number(words(number)) == number
    assert parse_number(f"{number:,}") == number
    assert read_amount(f"{words(number)} ({number:,})") == (number, None)


@settings(FUZZ, max_examples=100)
@given(st.integers(1, 10**6), st.integers(1, 10**6))
def test_words_and_digits_disagreeing_digits_win(in_words: int, in_digits: int) -> None:
    value, note = read_amount(f"{words(in_words)} ({in_digits})")
    assert value == in_digits
    assert (note is None) == (in_words == in_digits)
