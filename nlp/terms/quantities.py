"""Find the quantities that matter in contract prose: distances, durations, money, wRVU counts,
call frequencies and percentages, each normalised as :class:`~nlp.terms.quantity.Quantity` documents.

How: the text is case-folded once and one pass finds every written number (``_scan``). Each kind
then reads what follows a number with one anchored regex (its *tail*: a unit, a range's high end,
a rate), and only where the word after the number can start that tail (its ``FOLLOWERS``). Two
phrasings do not start with a number and get a pass of their own: "every fourth night" (frequency)
and "a year" (duration). Of overlapping matches, the longest is kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Final

from nlp.terms import counts, distances, durations, frequency, money, percents
from nlp.terms._candidates import Candidate, select
from nlp.terms._scan import NumberToken, scan_numbers
from nlp.terms._vocab import fold_case
from nlp.terms.quantity import Quantity

__all__ = ["find_quantities"]

Reader = Callable[[str, str, NumberToken], Candidate | None]
Scanner = Callable[[str, str], Iterable[Candidate]]

#: Readers of number-led phrases with the words that may follow their number, in order of
#: precedence when overlapping matches are equally long.
_READERS: Final[tuple[tuple[Reader, frozenset[str]], ...]] = (
    (money.read_money, money.FOLLOWERS),
    (counts.read_count, counts.FOLLOWERS),
    (frequency.read_frequency, frequency.FOLLOWERS),
    (percents.read_percent, percents.FOLLOWERS),
    (distances.read_distance, distances.FOLLOWERS),
    (durations.read_duration, durations.FOLLOWERS),
)
#: Phrasings that do not start with a number; they rank after the readers.
_SCANNERS: Final[tuple[Scanner, ...]] = (frequency.scan_every, durations.scan_bare_periods)
_MONEY_RANK: Final = next(rank for rank, (reader, _) in enumerate(_READERS) if reader is money.read_money)


def _readers_by_follower() -> dict[str, tuple[tuple[int, Reader], ...]]:
    table: defaultdict[str, list[tuple[int, Reader]]] = defaultdict(list)
    for rank, (reader, followers) in enumerate(_READERS):
        for follower in followers:
            table[follower].append((rank, reader))
    return {follower: tuple(readers) for follower, readers in table.items()}


_BY_FOLLOWER: Final = _readers_by_follower()
_SIGNED_READERS: Final = ((_MONEY_RANK, money.read_money),)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, sorted by start offset, with no two overlapping.

    ``text[q.start:q.end] == q.text`` for every result.
    """
    folded = fold_case(text)
    return select(_candidates(text, folded))


def _candidates(text: str, folded: str) -> Iterator[tuple[int, Candidate]]:
    """Every candidate of every extractor, with the extractor's rank."""
    by_follower = _BY_FOLLOWER
    for token in scan_numbers(folded):
        readers = _SIGNED_READERS if token.currency else by_follower.get(token.follower, ())
        for rank, reader in readers:
            candidate = reader(text, folded, token)
            if candidate is not None:
                yield rank, candidate
    for rank, scanner in enumerate(_SCANNERS, start=len(_READERS)):
        for candidate in scanner(text, folded):
            yield rank, candidate
