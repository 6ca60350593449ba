"""Typed values passed between the pipeline stages (frozen dataclasses).

Offsets are always ``[start, end)`` character offsets into ``Document.text``; pages are 1-based.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

MediaType = Literal["pdf", "docx", "txt"]
TagSource = Literal["rule", "model", "both"]


@dataclass(frozen=True)
class Page:
    """One page of the document text: ``Document.text[start:end]``."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """The extracted text of one contract, with page boundaries.

    ``text`` is what every later offset refers to: running headers, footers and page numbers are
    already removed and hyphenated line breaks re-joined. Pages are separated by one blank line.
    """

    filename: str
    sha256: str
    media_type: MediaType
    byte_size: int
    text: str
    pages: tuple[Page, ...]
    warnings: tuple[str, ...] = ()
    _page_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_page_starts", tuple(p.start for p in self.pages))

    def page_at(self, offset: int) -> int:
        """1-based page number holding the character at ``offset`` (clamped to the document)."""
        if not self.pages:
            return 1
        index = bisect.bisect_right(self._page_starts, offset) - 1
        return self.pages[max(0, min(index, len(self.pages) - 1))].number


@dataclass(frozen=True)
class Clause:
    """A numbered or headed unit of the contract, as the contract itself divides it.

    ``number`` is the label as the contract writes it, normalised: ``"7.2"``, ``"7.2(b)"``,
    ``"7.2(b)(iii)"``, ``"Article IV"``, ``"Exhibit A"``; None for unnumbered text such as the preamble.
    Nested clauses keep their parent in ``parent_id``; ``start``/``end`` cover the clause's own text
    and that of its children.
    """

    id: str
    number: str | None
    heading: str | None
    level: int
    parent_id: str | None
    start: int
    end: int
    body_start: int  # where the text after the number and heading begins
    page_start: int
    page_end: int
    text: str


@dataclass(frozen=True)
class Definition:
    """A defined term, e.g. ``"Restricted Area" means ...``, so later uses can be resolved."""

    term: str
    text: str  # the defining sentence
    start: int
    end: int
    clause_id: str | None


@dataclass(frozen=True)
class KindTag:
    """One clause kind given to a clause, with how sure and why."""

    kind: str
    confidence: float
    source: TagSource
    evidence: tuple[str, ...]  # the matched words, as written
    pattern_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """A named contract term, e.g. ``non_compete.radius_miles = 25 mi`` from "twenty-five (25) miles"."""

    name: str
    value: Decimal | str
    unit: str | None
    text: str
    clause_id: str
    page: int
    start: int
    end: int
