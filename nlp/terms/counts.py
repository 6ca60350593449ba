"""Counts of work RVUs: "6,500 wRVUs", "4,800 annual wRVUs", "5,000 work relative value units", "8,000 RVUs".

A bare "RVU" is read as a wRVU count (``raw_unit`` "RVU" records the spelling). ``per`` records a
period written with the count ("4,800 annual wRVUs", "6,500 wRVUs per year" -> "year").
"""

from __future__ import annotations

import re
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
from nlp.terms._vocab import AMOUNT, RANGE_AND, RANGE_FOLLOWERS, RANGE_TO, UNIT_LINK, WRVU
from nlp.terms.numbers import read_amount
from nlp.terms.quantity import Quantity

__all__ = ["FOLLOWERS", "read_count"]

_PERIOD_ADJECTIVES: Final[dict[str, str]] = {
    "annual": "year",
    "annualized": "year",
    "annualised": "year",
    "yearly": "year",
    "monthly": "month",
    "quarterly": "quarter",
}
_PERIOD_SUFFIXES: Final[dict[str, str]] = {
    "annually": "year",
    "annum": "year",
    "year": "year",
    "month": "month",
    "quarter": "quarter",
}

#: The words that can follow a count's number (see ``NumberToken.follower``).
FOLLOWERS: Final = frozenset(
    {"wrvu", "wrvus", "w", "work", "rvu", "rvus", "total", "+", *_PERIOD_ADJECTIVES, *RANGE_FOLLOWERS}
)

_TAIL: Final = compile_tail(
    rf"(?:(?P<lou>\s*{WRVU})?{{sep}}(?P<amt>{AMOUNT}))?(?:\+|\s+or\s+more)?{UNIT_LINK}"
    rf"(?:(?P<adj>annuali[sz]ed|annual|yearly|monthly|quarterly|total)\s+)?"
    rf"(?P<unit>{WRVU})"
    rf"(?:\s+(?:per\s+(?:calendar\s+|contract\s+|fiscal\s+)?(?P<per>year|annum|month|quarter)\b"
    rf"|(?P<adv>annually)\b))?",
    RANGE_TO,
    RANGE_AND,
)
_YEAR_LIKE: Final = re.compile(r"(?:19|20)[0-9]{2}")


def read_count(text: str, folded: str, token: NumberToken) -> Candidate | None:
    """The wRVU count led by ``token``, if one is ("6,500 wRVUs", "4,501-7,000 wRVUs")."""
    if token.currency:
        return None
    phrase = match_phrase(folded, token, _TAIL)
    if phrase is None or follows_reference(folded, phrase.start):
        return None
    match = phrase.match
    unit = match["unit"]
    if _YEAR_LIKE.fullmatch(folded, token.start, token.end) and not unit.endswith("s"):
        return None  # "the 2021 RVU values": a fee-schedule year, not a count
    raw_unit = "wRVU" if unit.startswith("w") else "RVU"
    per = _period(match)

    def build(written: str, start: int, end: int, part: RangePart | None) -> Quantity | None:
        amount = read_amount(written)
        if amount is None:
            return None
        value, note = amount
        return make_quantity(
            text,
            start,
            end,
            kind="count",
            value=value,
            unit="wRVU",
            amount=value,
            raw_unit=raw_unit,
            per=per,
            range_part=part,
            note=note,
        )

    return to_candidate(text, phrase, build)


def _period(match: re.Match[str]) -> str | None:
    if match["adj"] in _PERIOD_ADJECTIVES:
        return _PERIOD_ADJECTIVES[match["adj"]]
    suffix = match["per"] or match["adv"]
    return _PERIOD_SUFFIXES.get(suffix) if suffix else None
