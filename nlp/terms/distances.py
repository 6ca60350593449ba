"""Distances in miles: "15-mile radius", "twenty-five (25) miles", "10 air miles", "40 km",
"10 to 15 miles". Kilometres are converted at 0.621371 mi/km; ``amount``/``raw_unit`` keep "40", "km".
"""

from __future__ import annotations

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
    DISTANCE_UNITS,
    HYPHEN,
    MILES_PER,
    RANGE_AND,
    RANGE_FOLLOWERS,
    RANGE_TO,
    UNIT_LINK,
    alternation,
)
from nlp.terms.numbers import read_amount
from nlp.terms.quantity import Quantity

__all__ = ["FOLLOWERS", "read_distance"]

#: How a radius is measured, written between the number and the unit: "10 air miles".
_MEASURES: Final = ("air", "road", "driving", "statute", "radial", "straight")
_MEASURE = rf"(?:air|road|driving|statute|radial|straight{HYPHEN}?line)"
#: The words that can follow a distance's number (see ``NumberToken.follower``).
FOLLOWERS: Final = frozenset({*DISTANCE_UNITS, *_MEASURES, *RANGE_FOLLOWERS})

_TAIL: Final = compile_tail(
    rf"(?:{{sep}}(?P<amt>{AMOUNT}))?{UNIT_LINK}(?:{_MEASURE}(?:\s*{HYPHEN}\s*|\s+))?"
    rf"(?P<unit>{alternation(DISTANCE_UNITS)})\b",
    RANGE_TO,
    RANGE_AND,
)


def read_distance(text: str, folded: str, token: NumberToken) -> Candidate | None:
    """The distance led by ``token``, if one is ("25 miles", "10 to 15 miles")."""
    if token.currency:
        return None
    phrase = match_phrase(folded, token, _TAIL)
    if phrase is None or follows_reference(folded, phrase.start):
        return None
    raw_unit = DISTANCE_UNITS[phrase.match["unit"]]

    def build(written: str, start: int, end: int, part: RangePart | None) -> Quantity | None:
        amount = read_amount(written)
        if amount is None:
            return None
        value, note = amount
        return make_quantity(
            text,
            start,
            end,
            kind="distance",
            value=value * Decimal(MILES_PER[raw_unit]),
            unit="mi",
            amount=value,
            raw_unit=raw_unit,
            range_part=part,
            note=note,
        )

    return to_candidate(text, phrase, build)
