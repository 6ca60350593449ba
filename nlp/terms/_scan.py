"""One pass that finds every written number ("number token") in the case-folded text.

Every quantity but "every fourth night" and "a year" starts with a number, so the extractors
look only at what follows a number token instead of trying their patterns at every character.
A token is a dollar amount with its currency sign ("$150,000", "US$ 40,000"), or an amount in
words and/or digits ("twenty-five (25)", "1,200.50", "one and one-half").

Finding where tokens may start is cheap: digit runs and currency signs, plus number words found
by a literal alternation (which ``re`` scans with its first-character fast path). The full
amount pattern is then tried only at those places.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from nlp.terms._vocab import AMOUNT, DASH, PLAIN_DIGITS, SMALL_NUMBERS, TENS, literal_trie

__all__ = ["CURRENCY", "MONEY_NUMBER", "NumberToken", "scan_numbers"]

#: "$", "US$", "U.S. $", "USD" before an amount.
CURRENCY: Final[str] = r"(?:\bus\s?\$|\bu\.s\.\s?\$|\$|\busd(?![a-z])\.?)\s?"
#: The digits of a dollar amount: "150,000", "55.00".
MONEY_NUMBER: Final[str] = rf"{PLAIN_DIGITS}(?![,.][0-9])"

# Where a token may start: a digit run or dollar sign, or a number word or currency word. Each
# pattern starts with a character class or a literal, so ``re`` skips ahead with its fast
# first-character scan; one alternation of both would lose that.
_DIGIT_STARTS: Final = re.compile(r"[0-9$][0-9]*")
_WORD_STARTS: Final = re.compile(literal_trie([*SMALL_NUMBERS, *TENS, "us$", "us $", "usd", "u.s."]))
#: A token, and (in a lookahead) the word or character that follows it.
_TOKEN: Final = re.compile(
    rf"(?:(?P<currency>{CURRENCY}){MONEY_NUMBER}|{AMOUNT})"
    rf"(?=\s*(?:{DASH}\s*(?=[a-z]))?(?P<next>[a-z]+|\S)?)"
)
_BETWEEN: Final = re.compile(r"\bbetween\s+$")


class NumberToken(NamedTuple):
    """A number as written, ``folded[start:end]``; ``currency`` if it starts with a dollar sign.

    ``follower`` is what comes next: the next word ("miles"; also through a hyphen, "mile" in
    "15-mile"), else the next non-space character ("%", "-" of "10-15", "("); it tells which
    kinds are worth trying. ``between`` is the start of a "between" just before a number followed
    by "and" (-1 if none): the number may be the low end of "between 10 and 15 miles".
    """

    start: int
    end: int
    currency: bool
    follower: str = ""
    between: int = -1


def scan_numbers(folded: str) -> list[NumberToken]:
    """The number tokens of ``folded`` in text order, none overlapping."""
    tokens: list[NumberToken] = []
    covered_to = -1
    match_token = _TOKEN.match
    starts = [match.start() for match in _DIGIT_STARTS.finditer(folded)]
    starts.extend(match.start() for match in _WORD_STARTS.finditer(folded))
    starts.sort()
    for start in starts:
        if start < covered_to:
            continue
        match = match_token(folded, start)
        if match is None:
            continue
        covered_to = match.end()
        follower = match["next"] or ""
        between = _between_before(folded, start) if follower == "and" else -1
        tokens.append(NumberToken(start, covered_to, match.start("currency") >= 0, follower, between))
    return tokens


def _between_before(folded: str, start: int) -> int:
    """Where a "between" right before ``start`` begins, or -1."""
    window_start = max(0, start - 12)
    if folded.rfind("between", window_start, start) < 0:
        return -1
    match = _BETWEEN.search(folded, window_start, start)
    return -1 if match is None else match.start()
