"""The value one quantity in contract prose normalises to (shared by every term extractor)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

QuantityKind = Literal["distance", "duration", "money", "count", "frequency", "percent"]


@dataclass(frozen=True)
class Quantity:
    """One quantity found in text, normalised.

    ``kind`` / ``value`` / ``unit`` (canonical):
      - distance:  miles,          unit "mi"       ("15-mile radius", "twenty-five (25) miles", "40 km")
      - duration:  months,         unit "months"   ("two (2) years" -> 24, "180 days" -> 6)
      - money:     US dollars,     unit "USD"      ("$150,000", "USD 1.2 million"); ``per`` names a rate's
                                                   denominator: "wRVU", "day", "shift", "weekend", "year", ...
      - count:     a count of wRVUs, unit "wRVU"   ("6,500 wRVUs")
      - frequency: N of "one in N", unit "one_in"  ("1:4", "one in four", "1 in 5 weekends"); ``per`` is the
                                                   period counted ("night", "weekend", ...) when written
      - percent:   0-100,          unit "%"        ("fifteen percent (15%)")
    ``amount`` and ``raw_unit`` keep the number and unit as written ("2", "year"), so a consumer can
    convert exactly (e.g. notice days from "ninety (90) days" or "three (3) months").
    ``start``/``end`` are offsets into the text searched; ``text`` is ``text[start:end]``.
    ``range_part`` is "low"/"high" for the two ends of "10 to 15 miles" / "4,501-7,000 wRVUs", else None.
    ``note`` records a repaired inconsistency, e.g. words and digits that disagree (the digits win).
    """

    kind: QuantityKind
    value: Decimal
    unit: str
    amount: Decimal
    raw_unit: str
    start: int
    end: int
    text: str
    per: str | None = None
    range_part: Literal["low", "high"] | None = None
    note: str | None = None

    @property
    def days(self) -> Decimal | None:
        """A duration in days: days as written stay exact; weeks x7, months x30, years x365."""
        if self.kind != "duration":
            return None
        factor = {"day": 1, "week": 7, "month": 30, "year": 365}.get(self.raw_unit)
        if factor is None:
            return None
        return self.amount * factor
