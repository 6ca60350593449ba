"""Durations in months: "two (2) years", "ninety (90) days'", "18-month", "6 mo.", "a period of one year".

Days are divided by 30 (a whole number of 365-day years becomes whole years), weeks are x7/30,
years x12. ``amount`` and ``raw_unit`` keep what was written, so days stay exact for notice terms.
Besides number-led durations, :func:`scan_bare_periods` finds "a year" / "a month" / "an additional year".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from nlp.terms._candidates import (
    Candidate,
    RangePart,
    compile_tail,
    follows_reference,
    make_quantity,
    match_phrase,
    to_candidate,
)
from nlp.terms._scan import NumberToken
from nlp.terms._vocab import (
    AMOUNT,
    DURATION_UNITS,
    HYPHEN,
    RANGE_AND,
    RANGE_FOLLOWERS,
    RANGE_TO,
    SMALL_NUMBERS,
    TENS,
    UNIT_LINK,
)
from nlp.terms.numbers import read_amount
from nlp.terms.quantity import Quantity

__all__ = ["FOLLOWERS", "read_duration", "scan_bare_periods", "to_months"]

_QUALIFIERS: Final = (
    "calendar",
    "business",
    "working",
    "work",
    "clinical",
    "consecutive",
    "full",
    "additional",
    "successive",
    "complete",
)
_QUALIFIER = f"(?:{'|'.join(_QUALIFIERS)})"
#: The words that can follow a duration's number (see ``NumberToken.follower``).
FOLLOWERS: Final = frozenset({*DURATION_UNITS, *_QUALIFIERS, *RANGE_FOLLOWERS})
_UNIT = r"(?:(?:days?|weeks?|months?|years?)\b|(?:mos?|mths?|yrs?|wks?)\b\.?)"
#: After the unit: not "year-end"; keep the apostrophe of "ninety (90) days' notice".
_UNIT_END = rf"(?!{HYPHEN}\w)(?:['’](?![a-z]))?"

_TAIL: Final = compile_tail(
    rf"(?:{{sep}}(?P<amt>{AMOUNT}))?{UNIT_LINK}(?:(?P<qual>{_QUALIFIER})(?:\s*{HYPHEN}\s*|\s+))?"
    rf"(?P<unit>{_UNIT}){_UNIT_END}",
    RANGE_TO,
    RANGE_AND,
)
#: "a year", "a full year", "an additional month": found from the unit, then checked backwards.
_BARE_UNIT: Final = re.compile(rf"(?P<unit>year|month)\b{_UNIT_END}")
_BARE_ARTICLE: Final = re.compile(
    r"\b(?P<article>an?)\s+(?:(?P<qual>full|additional|complete|consecutive|successive)\s+)?$"
)
#: The word before "a year" that makes it a rate ("twice a year", "sixteen shifts in a month").
_RATE_WORDS: Final = frozenset(
    {"once", "twice", "thrice", "times", "per", "in", "hour", "hours", "day", "days", "shift", "shifts",
     "night", "nights", "weekend", "weekends", "visit", "visits", "call", "calls", "patients", "wrvus"}
)
_YEAR_LIKE: Final = re.compile(r"(?:19|20)[0-9]{2}")
_DAYS_PER_YEAR: Final = Decimal(365)


def to_months(amount: Decimal, raw_unit: str) -> Decimal:
    """Months in ``amount`` ``raw_unit``s.

    Days/30 (a whole number of 365-day years gives whole years), weeks x7/30, years x12.
    """
    if raw_unit == "year":
        return amount * 12
    if raw_unit == "month":
        return amount
    if raw_unit == "week":
        return amount * 7 / 30
    if amount and amount % _DAYS_PER_YEAR == 0:
        return amount / _DAYS_PER_YEAR * 12
    return amount / 30


def read_duration(text: str, folded: str, token: NumberToken) -> Candidate | None:
    """The duration led by ``token``, if one is ("two (2) years", "30 to 60 days")."""
    if token.currency:
        return None
    phrase = match_phrase(folded, token, _TAIL)
    if phrase is None or follows_reference(folded, phrase.start):
        return None
    match = phrase.match
    raw_unit = DURATION_UNITS[match["unit"].rstrip(".")]
    if raw_unit == "year" and _YEAR_LIKE.fullmatch(folded, token.start, token.end):
        return None  # "the 2024 calendar year"

    def build(written: str, start: int, end: int, part: RangePart | None) -> Quantity | None:
        amount = read_amount(written)
        if amount is None:
            return None
        return _duration(text, start, end, amount, raw_unit, match["qual"], part)

    return to_candidate(text, phrase, build)


def scan_bare_periods(text: str, folded: str) -> Iterator[Candidate]:
    """ "a year", "a full year", "an additional month" (one unit), unless a rate ("twice a year")."""
    for match in _BARE_UNIT.finditer(folded):
        article = _BARE_ARTICLE.search(folded, max(0, match.start() - 24), match.start())
        if article is None or _is_rate(folded, article.start()):
            continue
        raw_unit = DURATION_UNITS[match["unit"]]
        start = article.start()
        quantity = _duration(text, start, match.end(), (Decimal(1), None), raw_unit, article["qual"], None)
        yield Candidate(start, match.end(), (quantity,))


def _is_rate(folded: str, start: int) -> bool:
    """ "twice a year", "$300,000 a year", "four rotations a year": the article makes a rate."""
    before = folded[max(0, start - 40) : start].split()
    if not before:
        return False
    word = before[-1].rstrip(",;:")
    if word in _RATE_WORDS or word[-1:].isdigit() or word[-1:] in ("%", "$"):
        return True
    # "<number> [<adjective>] <things> a year"
    return word.endswith("s") and any(_is_number_word(previous) for previous in before[-3:-1])


def _is_number_word(word: str) -> bool:
    return word[:1].isdigit() or word in SMALL_NUMBERS or word in TENS or word.split("-")[0] in TENS


def _duration(
    text: str,
    start: int,
    end: int,
    amount: tuple[Decimal, str | None],
    raw_unit: str,
    qualifier: str | None,
    part: RangePart | None,
) -> Quantity:
    value, note = amount
    if qualifier in ("business", "working") and raw_unit == "day":
        note = "; ".join(filter(None, [note, f"{qualifier} days counted as calendar days"]))
    return make_quantity(
        text,
        start,
        end,
        kind="duration",
        value=to_months(value, raw_unit),
        unit="months",
        amount=value,
        raw_unit=raw_unit,
        range_part=part,
        note=note,
    )
