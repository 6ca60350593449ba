"""Call frequency as "one in N": "1:4", "1-in-4", "one (1) in four (4)", "one weekend in four",
"one out of every five nights", "every fourth night", "every other weekend".

N must be a whole number from 2 to 30. A colon ratio must look like a ratio, not a clock time
("10:30 a.m.", "at 1:15", "1:05"), and none may follow a reference word ("Rule 1:4").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from nlp.terms._candidates import Candidate, follows_reference, make_quantity
from nlp.terms._scan import NumberToken
from nlp.terms._vocab import AMOUNT, FREQUENCY_PERIODS, HYPHEN, ORDINALS, alternation
from nlp.terms.numbers import read_amount, settle_disagreement

__all__ = ["FOLLOWERS", "read_frequency", "scan_every"]

_PERIOD = rf"{alternation(FREQUENCY_PERIODS)}\b"
#: The words that can follow the "1" / "one" of a frequency (see ``NumberToken.follower``).
FOLLOWERS: Final = frozenset({":", "-", "\u2010", "\u2011", "in", "out", "of", *FREQUENCY_PERIODS})
_PLURAL_PERIOD = r"(?:nights|weeknights|weekends|holidays|shifts)\b"

#: "1 in 4", "1-in-4", "one out of every five", "one of every four".
_ONE_IN = (
    rf"(?:\s*{HYPHEN}\s*in\s*{HYPHEN}\s*|\s+in\s+(?:every\s+)?"
    r"|\s+out\s+of\s+(?:every\s+)?|\s+of\s+every\s+)"
)
#: "one weekend in four", "one night out of every five".
_PERIOD_IN = r"(?:\s+in\s+|\s+out\s+of\s+|\s+of\s+)(?:every\s+)?"


def _ratio_gloss(group: str) -> str:
    """A ratio repeating N in parentheses: "one in four (1:4) weeknights"."""
    return rf"(?:\s*\(\s*1\s?:\s?(?P<{group}>[0-9]{{1,2}})\s*\))?"


#: After the token "1" / "one" / "one (1)".
_AFTER_ONE: Final = re.compile(
    r"\s?:\s?(?P<colon>[0-9]{1,2})(?![0-9]|[.,:][0-9])"
    rf"|{_ONE_IN}(?P<n>{AMOUNT}){_ratio_gloss('ratio')}(?:\s+(?P<per>{_PERIOD}))?"
    rf"|\s+(?P<per2>{_PERIOD}){_PERIOD_IN}(?P<n2>{AMOUNT}){_ratio_gloss('ratio2')}"
)
#: "every fourth night", "every 3rd weekend", "every other weekend", "every four (4) weekends".
_EVERY: Final = re.compile(
    r"every(?<![a-z]every)\s+"
    rf"(?:(?:(?P<ord>{alternation(ORDINALS)})\b|(?P<ordn>[0-9]{{1,2}})(?:st|nd|rd|th)\b)\s+(?P<per>{_PERIOD})"
    rf"|(?P<n>{AMOUNT})\s+(?P<per2>{_PLURAL_PERIOD}))"
)
_ONE: Final = re.compile(r"(?:1|one(?:\s*\(\s*1\s*\))?)")
_CLOCK_AFTER: Final = re.compile(r"\s*(?:[ap]\.?\s?m\b|o['’]clock|hours?\b|hrs?\b|h\b)")
_CLOCK_BEFORE: Final = re.compile(r"\b(?:at|by|until|till|before|after)\s*$")
_MIN_N, _MAX_N = 2, 30


def read_frequency(text: str, folded: str, token: NumberToken) -> Candidate | None:
    """The "one in N" led by the token "1" / "one" / "one (1)", if one is."""
    if token.currency or not _ONE.fullmatch(folded, token.start, token.end):
        return None
    match = _AFTER_ONE.match(folded, token.end)
    if match is None or follows_reference(folded, token.start):
        return None
    colon = match["colon"]
    if colon is not None:
        if _looks_like_time(folded, token.start, match.end(), colon):
            return None
        n_and_note: tuple[Decimal, str | None] | None = (Decimal(colon), None)
    else:
        n_and_note = _n_with_gloss(text, match)
    return _candidate(text, token.start, match.end(), n_and_note, match["per"] or match["per2"])


def scan_every(text: str, folded: str) -> Iterator[Candidate]:
    """ "every fourth night", "every other weekend", "every four (4) weekends"."""
    for match in _EVERY.finditer(folded):
        if match["ord"] is not None:
            n_and_note: tuple[Decimal, str | None] | None = (Decimal(ORDINALS[match["ord"]]), None)
        elif match["ordn"] is not None:
            n_and_note = (Decimal(match["ordn"]), None)
        else:
            n_and_note = read_amount(text[match.start("n") : match.end("n")])
        candidate = _candidate(text, match.start(), match.end(), n_and_note, match["per"] or match["per2"])
        if candidate is not None:
            yield candidate


def _n_with_gloss(text: str, match: re.Match[str]) -> tuple[Decimal, str | None] | None:
    """N as written in words and/or digits, checked against a "(1:N)" gloss (the digits win)."""
    n_group, ratio_group = ("n", "ratio") if match.start("n") >= 0 else ("n2", "ratio2")
    written = text[match.start(n_group) : match.end(n_group)]
    amount = read_amount(written)
    ratio = match[ratio_group]
    if amount is None or ratio is None or Decimal(ratio) == amount[0]:
        return amount
    return settle_disagreement(written, amount[0], f"1:{ratio}", Decimal(ratio))


def _candidate(
    text: str, start: int, end: int, n_and_note: tuple[Decimal, str | None] | None, period: str | None
) -> Candidate | None:
    if n_and_note is None:
        return None
    n, note = n_and_note
    if n != n.to_integral_value() or not _MIN_N <= n <= _MAX_N:
        return None
    quantity = make_quantity(
        text,
        start,
        end,
        kind="frequency",
        value=n,
        unit="one_in",
        amount=n,
        raw_unit="one_in",
        per=FREQUENCY_PERIODS[period] if period else None,
        note=note,
    )
    return Candidate(start, end, (quantity,))


def _looks_like_time(folded: str, start: int, end: int, minutes: str) -> bool:
    """ "1:30 p.m.", "at 1:15", "1:05": a clock time, not a ratio."""
    if minutes.startswith("0"):
        return True
    if _CLOCK_AFTER.match(folded, end):
        return True
    return _CLOCK_BEFORE.search(folded, max(0, start - 12), start) is not None
