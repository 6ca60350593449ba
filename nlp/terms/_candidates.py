"""Candidates of the per-kind extractors, the phrases they are built from, and the choice among them.

A kind reads the *tail* that follows a number token with one anchored regex (see
:func:`match_phrase`), giving a :class:`Phrase`: the amounts as written (one, or the two ends of a
range) and the span of the whole expression. :func:`to_candidate` turns a phrase into a
:class:`Candidate` holding finished quantities, and :func:`select` keeps the longest candidates
that do not overlap (earlier extractors win ties), returning their quantities in text order.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal, NamedTuple

from nlp.terms._scan import NumberToken
from nlp.terms._vocab import REFERENCE_WORDS
from nlp.terms.quantity import Quantity, QuantityKind

RangePart = Literal["low", "high"]
#: Builds one quantity from (amount as written, span start, span end, range part), or None.
Builder = Callable[[str, int, int, RangePart | None], Quantity | None]


class Candidate(NamedTuple):
    """One match: its quantities (one, or a low and a high end) and the span they cover together."""

    start: int
    end: int
    quantities: tuple[Quantity, ...]


@dataclass(frozen=True)
class Tail:
    """What may follow a number token, compiled twice: after "between" the range word is "and".

    Both patterns are matched right at the token's end. Group ``amt``, if it took part, is the high
    end of a range (the token is then the low end); group ``lou``, if the pattern has one, extends
    the token's own span: with its unit ("10%" in "10% to 15%"), or, if ``lou_in_amount``, with the
    rest of its amount ("$150K" in "$150K-$200K").
    """

    plain: re.Pattern[str]
    after_between: re.Pattern[str]
    lou_in_amount: bool = False


class Phrase(NamedTuple):
    """A number-led expression: the amounts as written and the span of the whole."""

    start: int
    end: int
    first: tuple[int, int]  # the token (the only amount, or a range's low end) as written
    first_span_end: int  # where the first amount's own quantity span ends
    high: tuple[int, int] | None  # a range's high end as written; its span runs to ``end``
    match: re.Match[str]


def compile_tail(after_token: str, range_to: str, range_and: str, *, lou_in_amount: bool = False) -> Tail:
    """Compile a tail; ``after_token`` contains ``{sep}`` where the range separator goes."""
    return Tail(
        plain=re.compile(after_token.replace("{sep}", range_to)),
        after_between=re.compile(after_token.replace("{sep}", range_and)),
        lou_in_amount=lou_in_amount,
    )


def match_phrase(folded: str, token: NumberToken, tail_patterns: Tail) -> Phrase | None:
    """Match ``tail_patterns`` after ``token``; None if the token is not followed by that tail."""
    if token.between >= 0:
        match = tail_patterns.after_between.match(folded, token.end)
        if match is not None and _has_high_end(match):
            return _phrase(match, token, token.between, tail_patterns.lou_in_amount)
    match = tail_patterns.plain.match(folded, token.end)
    return None if match is None else _phrase(match, token, token.start, tail_patterns.lou_in_amount)


def _has_high_end(match: re.Match[str]) -> bool:
    return "amt" in match.re.groupindex and match.start("amt") >= 0


def _phrase(match: re.Match[str], token: NumberToken, range_start: int, lou_in_amount: bool) -> Phrase:
    first_end = token.end
    if "lou" in match.re.groupindex and match.start("lou") >= 0:
        first_end = match.end("lou")
    if not _has_high_end(match):
        return Phrase(token.start, match.end(), (token.start, first_end), first_end, None, match)
    written_end = first_end if lou_in_amount else token.end
    return Phrase(range_start, match.end(), (token.start, written_end), first_end, match.span("amt"), match)


def to_candidate(
    text: str, phrase: Phrase, build: Builder, *, unit_on_high: bool = True
) -> Candidate | None:
    """The quantities of a phrase: one, or a low and a high end.

    A "range" whose ends do not both read, or whose low end is not below its high end, is not a
    range: only the end that carries the unit is kept (the high end, or the low end when
    ``unit_on_high`` is false, as for "$150,000 - 2026").
    """
    if phrase.high is None:
        return _single(text, phrase.first, phrase.end, build)
    high_start = phrase.high[0]
    high = build(text[slice(*phrase.high)], high_start, phrase.end, "high")
    low = build(text[slice(*phrase.first)], phrase.first[0], phrase.first_span_end, "low")
    if low is not None and high is not None and low.amount < high.amount:
        return Candidate(phrase.start, phrase.end, (low, high))
    if unit_on_high:
        return None if high is None else Candidate(high_start, phrase.end, (replace(high, range_part=None),))
    return _single(text, phrase.first, phrase.first_span_end, build)


def _single(text: str, written: tuple[int, int], end: int, build: Builder) -> Candidate | None:
    only = build(text[slice(*written)], written[0], end, None)
    return None if only is None else Candidate(written[0], end, (only,))


def follows_reference(folded: str, start: int) -> bool:
    """True if the number at ``start`` follows "Section", "§", "Tier", "page" and the like."""
    before = folded[max(0, start - 20) : start].split()
    if not before:
        return False
    word = before[-1].rstrip(".").lstrip("([")
    return word in REFERENCE_WORDS or word.endswith("§")


def select(ranked: Iterable[tuple[int, Candidate]]) -> list[Quantity]:
    """Keep the longest non-overlapping candidates; return their quantities sorted by start.

    ``ranked`` pairs each candidate with its extractor's precedence: of two equally long
    overlapping candidates, the lower rank wins.
    """
    pairs = list(ranked)
    # Longest first, then lower rank, then earlier; the pair's index spares comparing candidates.
    order = sorted((c.start - c.end, rank, c.start, position) for position, (rank, c) in enumerate(pairs))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Candidate] = []
    for _, _, _, position in order:
        candidate = pairs[position][1]
        index = bisect.bisect_left(starts, candidate.start)
        if index > 0 and ends[index - 1] > candidate.start:
            continue
        if index < len(starts) and starts[index] < candidate.end:
            continue
        starts.insert(index, candidate.start)
        ends.insert(index, candidate.end)
        kept.insert(index, candidate)
    return [quantity for candidate in kept for quantity in candidate.quantities]


def make_quantity(
    text: str,
    start: int,
    end: int,
    *,
    kind: QuantityKind,
    value: Decimal,
    unit: str,
    amount: Decimal,
    raw_unit: str,
    per: str | None = None,
    range_part: RangePart | None = None,
    note: str | None = None,
) -> Quantity:
    """A Quantity whose ``text`` is exactly ``text[start:end]``."""
    # Positional: this runs once per quantity found, and keywords cost a third more.
    return Quantity(kind, value, unit, amount, raw_unit, start, end, text[start:end], per, range_part, note)
