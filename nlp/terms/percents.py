"""Percentages, 0-100 scale: "15%", "15 %", "fifteen percent (15%)", "15 per cent", "12.5%", "10-15%"."""

from __future__ import annotations

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
from nlp.terms._vocab import AMOUNT, DIGIT_NUMBER, RANGE_AND, RANGE_FOLLOWERS, RANGE_TO
from nlp.terms.numbers import parse_number, read_amount, settle_disagreement
from nlp.terms.quantity import Quantity

__all__ = ["FOLLOWERS", "read_percent"]

_SIGN = r"(?:\s*%|\s*\bper\s?cent\b|\s*\bpct\b\.?)"
#: The words that can follow a percentage's number (see ``NumberToken.follower``).
FOLLOWERS: Final = frozenset({"%", "percent", "per", "pct", *RANGE_FOLLOWERS})

_TAIL: Final = compile_tail(
    rf"(?:(?P<lou>{_SIGN})?{{sep}}(?P<amt>{AMOUNT}))?{_SIGN}"
    rf"(?:\s*\(\s*(?P<gloss>{DIGIT_NUMBER})\s*%\s*\))?",
    RANGE_TO,
    RANGE_AND,
)


def read_percent(text: str, folded: str, token: NumberToken) -> Candidate | None:
    """The percentage led by ``token``, if one is ("15%", "fifteen percent (15%)", "10% to 15%")."""
    if token.currency:
        return None
    phrase = match_phrase(folded, token, _TAIL)
    if phrase is None or follows_reference(folded, phrase.start):
        return None
    gloss_start, gloss_end = phrase.match.span("gloss")
    gloss = text[gloss_start:gloss_end] if gloss_start >= 0 else None

    def build(written: str, start: int, end: int, part: RangePart | None) -> Quantity | None:
        return _percent(text, written, start, end, part, None if part == "low" else gloss)

    return to_candidate(text, phrase, build)


def _percent(
    text: str, written: str, start: int, end: int, part: RangePart | None, gloss: str | None
) -> Quantity | None:
    amount = read_amount(written)
    if amount is None:
        return None
    value, note = amount
    gloss_value = parse_number(gloss) if gloss else None
    if gloss is not None and gloss_value is not None and gloss_value != value:
        value, note = settle_disagreement(written, value, gloss, gloss_value)
    return make_quantity(
        text,
        start,
        end,
        kind="percent",
        value=value,
        unit="%",
        amount=value,
        raw_unit="%",
        range_part=part,
        note=note,
    )
