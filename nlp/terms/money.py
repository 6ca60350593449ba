"""Money in US dollars, with the denominator of a rate.

Forms: "$150,000.00", "$ 55", "US$ 40,000", "USD 1.2 million", "$1.2M", "$150K", "150,000 dollars",
"Two Hundred Thousand Dollars ($200,000)", "$150,000 (One Hundred Fifty Thousand Dollars)",
ranges "$45-$55" / "between $45 and $55", and rates "$55.00 per wRVU", "$52/wRVU",
"$1,200 per 24-hour call shift", "$300,000 annually", "per diem of $1,000".
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from typing import Final

from nlp.terms._candidates import (
    Candidate,
    RangePart,
    compile_tail,
    make_quantity,
    match_phrase,
    to_candidate,
)
from nlp.terms._scan import CURRENCY, MONEY_NUMBER, NumberToken
from nlp.terms._vocab import (
    HYPHEN,
    PER_ADVERBS,
    PER_UNITS,
    RANGE_AND,
    RANGE_TO,
    WORD_NUMBER,
    WRVU,
    alternation,
)
from nlp.terms.numbers import parse_number, read_amount, settle_disagreement
from nlp.terms.quantity import Quantity

__all__ = ["FOLLOWERS", "read_money", "read_money_amount"]

#: The words that can follow a number without a dollar sign in a money amount ("150,000 dollars").
#: Amounts with a dollar sign are always read.
FOLLOWERS: Final = frozenset({"dollar", "dollars", "usd", "u", "thousand", "million", "billion", "("})

_SCALE_WORD = r"(?:thousand|million|billion)\b"
_SCALE = rf"(?:\s*{_SCALE_WORD}|(?:mm|m|k|bn)\b)"
_DOLLARS = r"(?:u\.s\.\s+)?dollars?\b"
_CENTS = rf"(?:\s+and\s+(?:[0-9]{{1,2}}|no|{WORD_NUMBER})\s+cents\b)"
_WORDS_AMOUNT = rf"{WORD_NUMBER}\s+{_DOLLARS}{_CENTS}?"
_SIGNED_AMOUNT = rf"{CURRENCY}{MONEY_NUMBER}{_SCALE}?"

_HOURS = rf"(?:[0-9]{{1,2}}|twenty{HYPHEN}?four|twelve|eight|ten)\s*{HYPHEN}?\s*hours?\s+"
_PER_QUALIFIER = (
    r"(?:call|on-call|in-house|home|weekday|weeknight|weekend|holiday|overnight|calendar|contract|"
    r"fiscal|academic|full|coverage|clinical|additional|completed|worked|covered|eligible|qualifying|"
    r"personally\s+performed|night)"
)
#: A rate's denominator: "per wRVU", "/wRVU", "for each work RVU", "per 24-hour call shift", "annually".
_PER = (
    rf"(?:\s*(?:/|\bper\b|\bfor\s+(?:each|every)\b|\beach\b|\ban?\b)\s*(?:{_HOURS})?"
    rf"(?:{_PER_QUALIFIER}(?:\s*{HYPHEN}\s*|\s+)){{0,2}}"
    rf"(?P<per>{alternation(PER_UNITS)}\b|{WRVU})"
    rf"|[\s,]+(?P<adv>{alternation(PER_ADVERBS)})\b)"
)

#: After "$150,000": a scale, a words gloss, a range's high end, a rate.
_SIGNED_TAIL: Final = compile_tail(
    rf"(?P<lou>{_SCALE}?(?:\s*\(\s*{_WORDS_AMOUNT}\s*\))?)"
    rf"(?:{{sep}}(?P<amt>(?:{CURRENCY})?{MONEY_NUMBER}{_SCALE}?(?:\s*\(\s*{_WORDS_AMOUNT}\s*\))?))?"
    rf"{_PER}?",
    RANGE_TO,
    RANGE_AND,
    lou_in_amount=True,
)
#: After "150,000" or "Two Hundred Thousand": "dollars", cents, a "($200,000)" gloss, a rate.
_DOLLARS_TAIL: Final = compile_tail(
    rf"(?P<lou>(?P<scale>\s*{_SCALE_WORD})?\s*(?:{_DOLLARS}|usd\b)"
    rf"(?:\s+and\s+(?P<cents>[0-9]{{1,2}}|no|{WORD_NUMBER})\s+cents\b)?"
    rf"(?:\s*\(\s*(?P<gloss>{_SIGNED_AMOUNT})\s*\))?"
    rf"|\s*\(\s*(?P<bare_gloss>{_SIGNED_AMOUNT})\s*\))"  # "Two Hundred Thousand ($200,000)"
    rf"{_PER}?",
    RANGE_TO,
    RANGE_AND,
)
_PER_DIEM_BEFORE: Final = re.compile(
    r"\bper\s+diem(?:\s+(?:rate|payment|fee|stipend|amount|compensation))?"
    r"\s+(?:of|equal\s+to|in\s+the\s+amount\s+of)\s+$"
)

# Re-reading one matched amount (original case, so notes quote it as written).
_SIGNED_FORM: Final = re.compile(
    rf"(?P<digits>(?:{CURRENCY})?(?P<num>{MONEY_NUMBER})(?P<scale>{_SCALE})?)"
    rf"(?:\s*\(\s*(?P<gloss>[^()]*?)\s*\))?",
    re.IGNORECASE,
)
_WORDS_FORM: Final = re.compile(
    rf"(?P<words>[^()]+?)\s+{_DOLLARS}(?:\s+and\s+(?P<cents>[^()]+?)\s+cents)?", re.IGNORECASE
)
_SCALE_FACTORS: Final[dict[str, int]] = {
    "k": 1_000,
    "thousand": 1_000,
    "m": 1_000_000,
    "mm": 1_000_000,
    "million": 1_000_000,
    "bn": 1_000_000_000,
    "billion": 1_000_000_000,
}


def read_money(text: str, folded: str, token: NumberToken) -> Candidate | None:
    """The dollar amount led by ``token``, if one is ("$150,000 per year", "150,000 dollars")."""
    phrase = match_phrase(folded, token, _SIGNED_TAIL if token.currency else _DOLLARS_TAIL)
    if phrase is None:
        return None
    match = phrase.match
    per = _per(match)
    if token.currency:

        def build(written: str, start: int, end: int, part: RangePart | None) -> Quantity | None:
            amount = read_money_amount(written)
            return None if amount is None else _money(text, start, end, amount, per, part)

        candidate = to_candidate(text, phrase, build, unit_on_high=False)
    else:
        amount = _dollars_amount(text, token, match)
        quantity = None if amount is None else _money(text, token.start, phrase.end, amount, per, None)
        candidate = None if quantity is None else Candidate(token.start, phrase.end, (quantity,))
    if candidate is None:
        return None
    return _with_per_diem_prefix(text, folded, candidate)


@lru_cache(maxsize=4096)
def read_money_amount(written: str) -> tuple[Decimal, str | None] | None:
    """Dollars in "$150K", "US$ 40,000", "$150,000 (one hundred fifty thousand dollars)".

    The note, if any, records that a words gloss disagreed with the digits (the digits win).
    """
    match = _SIGNED_FORM.fullmatch(" ".join(written.split()))
    if match is None:
        return None
    value = _scaled(match["num"], match["scale"])
    gloss = _words_dollars(match["gloss"]) if match["gloss"] else None
    if gloss is None or gloss == value:
        return value, None
    return settle_disagreement(match["digits"], value, match["gloss"], gloss)


def _dollars_amount(
    text: str, token: NumberToken, match: re.Match[str]
) -> tuple[Decimal, str | None] | None:
    """ "150,000 dollars", "1.2 million dollars", "Four and 95/100 Dollars ($7.50)"."""
    written = text[token.start : token.end]
    amount = read_amount(written)
    if amount is None:
        return None
    value, note = amount
    if match["scale"]:
        value *= _SCALE_FACTORS[match["scale"].strip()]
    if match["cents"] and match["cents"] != "no":
        cents = parse_number(match["cents"])
        if cents is None:
            return None
        value += cents / 100
    if match["bare_gloss"] is not None:
        return _bare_gloss_amount(text, match, value)
    if match["gloss"] is None:
        return value, note
    gloss = text[match.start("gloss") : match.end("gloss")]
    gloss_amount = read_money_amount(gloss)
    if gloss_amount is None:
        return value, note
    if gloss_amount[0] == value:
        return gloss_amount[0], note  # the digits, as written ("$55.00")
    return settle_disagreement(written, value, gloss, gloss_amount[0])


def _bare_gloss_amount(text: str, match: re.Match[str], value: Decimal) -> tuple[Decimal, None] | None:
    """ "One Hundred Fifty Thousand ($150,000)": without "dollars", the words must agree with the gloss.

    Otherwise the words are something else ("Year One ($300,000)") and the gloss stands alone.
    """
    gloss_amount = read_money_amount(text[match.start("bare_gloss") : match.end("bare_gloss")])
    if gloss_amount is None or gloss_amount[0] != value:
        return None
    return gloss_amount[0], None


def _per(match: re.Match[str]) -> str | None:
    """The rate denominator: "wRVU", "day", "shift", "year", ... or None."""
    if match["per"] is not None:
        return PER_UNITS.get(match["per"], "wRVU")
    if match["adv"] is not None:
        return PER_ADVERBS[match["adv"]]
    return None


def _with_per_diem_prefix(text: str, folded: str, candidate: Candidate) -> Candidate:
    """Stretch a candidate over a "per diem of" before it; its rate is then per day."""
    window_start = max(0, candidate.start - 60)
    if folded.rfind("diem", window_start, candidate.start) < 0:
        return candidate
    prefix = _PER_DIEM_BEFORE.search(folded, window_start, candidate.start)
    if prefix is None:
        return candidate
    first, *rest = candidate.quantities
    start = prefix.start()
    stretched = replace(first, start=start, text=text[start : first.end], per=first.per or "day")
    rest = [replace(quantity, per=quantity.per or "day") for quantity in rest]
    return Candidate(start, candidate.end, (stretched, *rest))


def _money(
    text: str,
    start: int,
    end: int,
    amount: tuple[Decimal, str | None],
    per: str | None,
    part: RangePart | None,
) -> Quantity:
    value, note = amount
    return make_quantity(
        text,
        start,
        end,
        kind="money",
        value=value,
        unit="USD",
        amount=value,
        raw_unit="USD",
        per=per,
        range_part=part,
        note=note,
    )


def _words_dollars(words: str) -> Decimal | None:
    """ "one hundred dollars and fifty cents" -> 100.50; None if the words do not parse."""
    match = _WORDS_FORM.fullmatch(words.strip())
    if match is None:
        return None
    dollars = parse_number(match["words"])
    if dollars is None:
        return None
    cents_words = match["cents"]
    if cents_words is None or cents_words.lower() == "no":
        return dollars
    cents = parse_number(cents_words)
    return None if cents is None else dollars + cents / 100


def _scaled(number: str, scale: str | None) -> Decimal:
    value = Decimal(number.replace(",", ""))
    if scale:
        value *= _SCALE_FACTORS[scale.strip().lower()]
    return value
