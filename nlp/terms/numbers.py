"""Numbers as contracts write them: digits, words, or both.

``parse_number`` reads one number ("twenty-five", "one hundred and eighty", "1,200.50", "1.2 million",
"one-half", "four and 95/100"). ``read_amount`` reads the drafting style "words (digits)" and its
mirror "digits (words)", and settles a disagreement between the two in favour of the digits.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Final

from nlp.terms._vocab import (
    FRACTION_DENOMINATORS,
    HYPHEN,
    PLAIN_DIGITS,
    SCALES,
    SMALL_NUMBERS,
    TENS,
    UNICODE_FRACTIONS,
    alternation,
)

__all__ = ["parse_number", "read_amount", "settle_disagreement"]

_SIMPLE_FRACTION: Final = re.compile(r"(?P<num>[1-9])/(?P<den>[1-9][0-9]?)")
_DIGITS: Final = re.compile(
    rf"(?P<digits>{PLAIN_DIGITS})"
    rf"(?:\s+(?P<num>[1-9])/(?P<den>[1-9][0-9]?)|\s?(?P<glyph>[{''.join(UNICODE_FRACTIONS)}]))?"
    rf"(?:\s*(?P<scale>{alternation(SCALES)}))?"
)
_HYPHENS: Final = re.compile(HYPHEN)
_CENTS: Final = re.compile(r"(?P<num>[0-9]{1,2}|no)/100")
_PARENTHESISED: Final = re.compile(r"(?P<head>[^()]*?)\s*\(\s*(?P<inner>[^()]*?)\s*\)")
_FRACTION_NUMERATORS: Final[dict[str, int]] = {"a": 1, "one": 1, "two": 2, "three": 3}


@lru_cache(maxsize=4096)
def parse_number(words: str) -> Decimal | None:
    """The value of one number written in digits or English words, or None if it is not one.

    >>> parse_number("twenty-five"), parse_number("1.2 million"), parse_number("one-half")
    (Decimal('25'), Decimal('1200000.0'), Decimal('0.5'))
    """
    text = " ".join(words.lower().split())
    if not text:
        return None
    if text[0].isdigit():
        return _parse_digits(text)
    return _parse_words(_HYPHENS.sub(" ", text).split())


@lru_cache(maxsize=4096)
def read_amount(written: str) -> tuple[Decimal, str | None] | None:
    """Read "words (digits)", "digits (words)" or a single number; return (value, note).

    When the two forms disagree the digits win and the note says so; None if nothing parses.
    """
    match = _PARENTHESISED.fullmatch(written.strip())
    if match is None:
        value = parse_number(written)
        return None if value is None else (value, None)
    head, inner = match["head"], match["inner"]
    head_value, inner_value = parse_number(head), parse_number(inner)
    if head_value is None or inner_value is None:
        value = head_value if head_value is not None else inner_value
        return None if value is None else (value, None)
    if head_value == inner_value:
        return (head_value if _starts_with_digit(head) else inner_value), None
    return settle_disagreement(head, head_value, inner, inner_value)


def settle_disagreement(
    first: str, first_value: Decimal, second: str, second_value: Decimal
) -> tuple[Decimal, str]:
    """Two spellings of one amount disagree: the one written in digits wins; the note says so."""
    if _starts_with_digit(first) and not _starts_with_digit(second):
        digits, digits_value, words, words_value = first, first_value, second, second_value
    else:
        digits, digits_value, words, words_value = second, second_value, first, first_value
    note = f'words "{words.strip()}" ({words_value}) disagree with digits "{digits.strip()}"; digits used'
    return digits_value, note


def _starts_with_digit(text: str) -> bool:
    stripped = text.lstrip(" $").lower().removeprefix("us$").removeprefix("usd").lstrip()
    return stripped[:1].isdigit()


def _parse_digits(text: str) -> Decimal | None:
    """ "1,200.50", "1 1/2", "1½", "1.2 million", "1/2"."""
    if (fraction := _SIMPLE_FRACTION.fullmatch(text)) is not None:
        numerator, denominator = int(fraction["num"]), int(fraction["den"])
        return Decimal(numerator) / Decimal(denominator) if numerator < denominator else None
    match = _DIGITS.fullmatch(text)
    if match is None:
        return None
    value = Decimal(match["digits"].replace(",", ""))
    if match["num"]:
        numerator, denominator = int(match["num"]), int(match["den"])
        if numerator >= denominator:
            return None
        value += Decimal(numerator) / Decimal(denominator)
    elif match["glyph"]:
        numerator, denominator = UNICODE_FRACTIONS[match["glyph"]]
        value += Decimal(numerator) / Decimal(denominator)
    if match["scale"]:
        value *= SCALES[match["scale"]]
    return value


def _parse_words(tokens: list[str]) -> Decimal | None:
    """Words, optionally ending in a fraction: "one and one-half", "four and 95/100", "two-thirds"."""
    fraction, whole_tokens = _split_fraction(tokens)
    if not whole_tokens:
        return fraction
    if fraction is not None:
        if len(whole_tokens) < 2 or whole_tokens[-1] != "and":
            return None
        whole_tokens = whole_tokens[:-1]
    whole = _parse_whole(whole_tokens)
    if whole is None:
        return None
    return Decimal(whole) + (fraction if fraction is not None else 0)


def _split_fraction(tokens: list[str]) -> tuple[Decimal | None, list[str]]:
    """Split a trailing fraction ("one half", "95/100") off the tokens."""
    if tokens and (cents := _CENTS.fullmatch(tokens[-1])):
        hundredths = 0 if cents["num"] == "no" else int(cents["num"])
        return Decimal(hundredths) / 100, tokens[:-1]
    if len(tokens) >= 2 and tokens[-1] in FRACTION_DENOMINATORS and tokens[-2] in _FRACTION_NUMERATORS:
        numerator = _FRACTION_NUMERATORS[tokens[-2]]
        denominator = FRACTION_DENOMINATORS[tokens[-1]]
        if numerator >= denominator:
            return None, tokens
        return Decimal(numerator) / Decimal(denominator), tokens[:-2]
    return None, tokens


def _parse_whole(tokens: list[str]) -> int | None:
    """A whole number in words; None for ungrammatical runs such as "two three" or "hundred"."""
    if len(tokens) >= 2 and tokens[0] == "a" and tokens[1] in SCALES:
        tokens = ["one", *tokens[1:]]
    total, group = 0, 0
    previous = ""  # the class of the previous token: small, teen, tens, hundred, scale, and
    last_scale = 10**18
    for token in tokens:
        current = _classify(token)
        if not _may_follow(previous, current):
            return None
        if current in ("small", "teen"):
            group += SMALL_NUMBERS[token]
        elif current == "tens":
            group += TENS[token]
        elif current == "hundred":
            if group >= 100:
                return None  # "one hundred one hundred"
            group *= 100
        elif current == "scale":
            scale = SCALES[token]
            if scale >= last_scale or group == 0:
                return None
            total, group, last_scale = total + group * scale, 0, scale
        previous = current
    if previous in ("", "and") or ("zero" in tokens and len(tokens) > 1):
        return None
    return total + group


def _classify(token: str) -> str:
    if token in SMALL_NUMBERS:
        return "small" if SMALL_NUMBERS[token] < 10 else "teen"
    if token in TENS:
        return "tens"
    if token == "hundred":
        return "hundred"
    if token in SCALES:
        return "scale"
    if token == "and":
        return "and"
    return "unknown"


_MAY_FOLLOW: Final[dict[str, frozenset[str]]] = {
    "": frozenset({"small", "teen", "tens"}),
    "small": frozenset({"hundred", "scale"}),
    "teen": frozenset({"hundred", "scale"}),
    "tens": frozenset({"small", "scale"}),
    "hundred": frozenset({"small", "teen", "tens", "scale", "and"}),
    "scale": frozenset({"small", "teen", "tens", "and"}),
    "and": frozenset({"small", "teen", "tens"}),
}


def _may_follow(previous: str, current: str) -> bool:
    return current in _MAY_FOLLOW.get(previous, frozenset())
