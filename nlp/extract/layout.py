"""Layout clean-up on positioned lines: running headers/footers, page numbers, reflow, de-hyphenation.

Pure functions over :class:`Line` values, so each step is testable without a PDF. Coordinates are PDF
points with the origin at the bottom-left of the page (pdfium's convention): larger ``top`` = higher.
The steps, in the order :func:`clean_pages` runs them:

1. ``drop_running_lines``: lines in the top/bottom margin bands that repeat on most pages once digits
   are masked ("Page 3 of 12", the agreement title, "Initials: ____"), plus lone page numbers.
2. ``reflow``: join wrapped lines of one paragraph with a space; keep a line break after short lines,
   headings, and before enumerators ("(a)", "7.2", "Section 4", "ARTICLE IV").
3. de-hyphenation inside ``reflow``: "employ-" + "ment" -> "employment", but "non-" + "compete" and
   "twenty-" + "five" keep their hyphen.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from nlp.enumerators import starts_clause

#: Share of the page height, from the top and from the bottom, where running headers/footers live.
MARGIN_BAND = 0.12
#: A masked line counts as running text when it is in the band on at least this share of pages.
REPEAT_SHARE = 0.5

_PAGE_NUMBER_RE = re.compile(
    r"""^\s*(?:
        (?:page|p\.|pg\.?)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?   # Page 3 / Page 3 of 12 / p. 3
      | [-–—]\s*\d{1,4}\s*[-–—]                                 # - 3 -
      | \d{1,4}\s*(?:of|/)\s*\d{1,4}                             # 3 of 12 / 3/12
      | \[?\(?\d{1,4}\)?\]?                                      # 3 / [3] / (3)
      | [ivxlc]{1,6}                                             # roman page numbers in front matter
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_DIGITS_RE = re.compile(r"\d+")
_SPACES_RE = re.compile(r"\s+")

#: Prefixes that keep their hyphen when a word is split at a line end ("non-" + "compete").
_KEEP_HYPHEN_PREFIXES = frozenset(
    """non self co anti pre post pro ex sub semi multi inter intra over under cross full part
    sign on off out up by one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred first second third long short mid well high low third-party""".split()
)


@dataclass(frozen=True)
class Line:
    """One text line of a page as laid out: its text and its extent in page coordinates."""

    text: str
    left: float
    right: float
    bottom: float
    top: float

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 0.0)


@dataclass(frozen=True)
class PageLines:
    """The lines of one page, in reading order, and the page's size in points."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]


def mask_digits(text: str) -> str:
    """Normalise a line for repetition counting: digits masked, spaces collapsed, case folded."""
    return _SPACES_RE.sub(" ", _DIGITS_RE.sub("#", text)).strip().casefold()


def is_page_number(text: str) -> bool:
    """True for a line that is only a page number: "3", "- 3 -", "Page 3 of 12", "[3]"."""
    return bool(_PAGE_NUMBER_RE.match(text))


_PAGE_VALUE_RE = re.compile(
    r"^\s*(?:page\s*|p\.\s*|pg\.?\s*)?[-–—\[(]?\s*(?P<value>\d{1,4})\s*[-–—\])]?(?:\s*(?:of|/)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
#: A page-number offset (printed number minus page index) must hold on this share of pages.
PAGE_SEQUENCE_SHARE = 0.4


def page_number_value(text: str) -> int | None:
    """The number printed by a page-number line ("3", "- 3 -", "Page 3 of 12"), else None."""
    match = _PAGE_VALUE_RE.match(text)
    return int(match.group("value")) if match else None


def find_page_number_offsets(pages: Sequence[PageLines]) -> frozenset[int]:
    """Offsets (printed number - page index) shared by lone numbers on many pages.

    Page numbers are not always in the margins: documents converted from HTML print them right
    after the last paragraph of a short page. A lone number whose value tracks the page index on
    many pages is a page number wherever it sits.
    """
    if len(pages) < 3:
        return frozenset()
    counts: Counter[int] = Counter()
    for page in pages:
        counts.update(
            {value - page.number for line in page.lines if (value := page_number_value(line.text)) is not None}
        )
    needed = max(3, int(len(pages) * PAGE_SEQUENCE_SHARE + 0.999))
    return frozenset(offset for offset, count in counts.items() if count >= needed)


def _in_margin_band(line: Line, page: PageLines) -> bool:
    band = page.height * MARGIN_BAND
    middle = (line.top + line.bottom) / 2
    return middle >= page.height - band or middle <= band


def find_running_lines(pages: Sequence[PageLines]) -> frozenset[str]:
    """Masked texts of lines that repeat in the margin bands of most pages (headers and footers)."""
    if len(pages) < 2:
        return frozenset()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({mask_digits(line.text) for line in page.lines if _in_margin_band(line, page)})
    needed = max(2, int(len(pages) * REPEAT_SHARE + 0.999))
    return frozenset(text for text, count in seen.items() if count >= needed and text)


def drop_running_lines(pages: Sequence[PageLines]) -> tuple[list[PageLines], int]:
    """Remove running headers/footers and page numbers from the margin bands; return pages and count."""
    running = find_running_lines(pages)
    offsets = find_page_number_offsets(pages)
    removed = 0
    cleaned: list[PageLines] = []
    for page in pages:
        kept = []
        for line in page.lines:
            value = page_number_value(line.text)
            in_sequence = value is not None and value - page.number in offsets
            if in_sequence or (
                _in_margin_band(line, page) and (is_page_number(line.text) or mask_digits(line.text) in running)
            ):
                removed += 1
                continue
            kept.append(line)
        cleaned.append(PageLines(page.number, page.width, page.height, tuple(kept)))
    return cleaned, removed


def _body_right_edge(pages: Sequence[PageLines]) -> float | None:
    rights = [line.right for page in pages for line in page.lines if len(line.text) > 20]
    if len(rights) < 3:
        return None
    rights.sort()
    return rights[int(len(rights) * 0.9)]


def _typical_line_height(pages: Sequence[PageLines]) -> float:
    heights = [line.height for page in pages for line in page.lines if line.height > 0]
    return statistics.median(heights) if heights else 10.0


def _typical_line_step(pages: Sequence[PageLines], line_height: float) -> float:
    """Median baseline-to-baseline distance of consecutive lines: the document's line pitch."""
    steps = [
        previous.bottom - current.bottom
        for page in pages
        for previous, current in zip(page.lines, page.lines[1:], strict=False)
        if 0 < previous.bottom - current.bottom < 4 * line_height
    ]
    return statistics.median(steps) if steps else 1.5 * line_height


def _is_full_line(line: Line, right_edge: float | None, line_height: float, next_line: Line | None = None) -> bool:
    """A line that ran out of room: the next line's first word would not have fitted after it.

    Justified text runs to the margin; ragged-right text stops up to one word short of it. So a line
    is "full" when the gap to the right margin is narrower than the next line's first word.
    """
    if right_edge is None:
        return len(line.text) > 60
    gap = right_edge - line.right
    if gap <= 3.5 * line_height:
        return True
    if next_line is None or not line.text:
        return False
    char_width = max((line.right - line.left) / max(len(line.text), 1), 1.0)
    first_word = next_line.text.split(" ", 1)[0]
    return gap < (len(first_word) + 1.5) * char_width


_UNIT_END_RE = re.compile(r"(?:[.:;!?)\]”\"]|\b(?:and|or|and/or))\s*$")


def ends_unit(text: str) -> bool:
    """Whether a line ends a sentence or a list item ("...; and", "...:", "...."), so a new clause may follow."""
    return bool(_UNIT_END_RE.search(text))


def join_hyphenated(left: str, right: str) -> str:
    """Join a word split across lines at a hyphen, keeping hyphens that belong to the word."""
    match = re.search(r"([A-Za-z]+)-$", left)
    if match is None or not right[:1].islower():
        return left + right
    prefix = match.group(1).casefold()
    if prefix in _KEEP_HYPHEN_PREFIXES:
        return left + right
    return left[:-1] + right


def _glue(previous: Line, current: Line, right_edge: float | None, line_height: float, line_step: float) -> bool:
    """Whether ``current`` continues the paragraph of ``previous``."""
    text = previous.text.rstrip()
    if not text or not current.text.strip():
        return False
    if not _is_full_line(previous, right_edge, line_height, current):
        return False
    if starts_clause(current.text) and ends_unit(text):
        return False  # a new clause or list item after a finished sentence or item
    if text.endswith(":") and current.text[:1].isupper():
        return False
    if current.top > previous.top:  # moved up: a new column or a floating block
        return False
    return previous.bottom - current.bottom <= 1.35 * line_step


def reflow(page: PageLines, right_edge: float | None, line_height: float, line_step: float) -> list[str]:
    """Paragraph texts of one page: wrapped lines joined, hyphenated words re-joined."""
    paragraphs: list[str] = []
    previous: Line | None = None
    for line in page.lines:
        text = line.text.strip()
        if not text:
            continue
        if previous is not None and paragraphs and _glue(previous, line, right_edge, line_height, line_step):
            head = paragraphs[-1].rstrip()
            if head.endswith("-") and text[:1].islower():
                paragraphs[-1] = join_hyphenated(head, text)
            else:
                paragraphs[-1] = head + " " + text
        else:
            paragraphs.append(text)
        previous = line
    return paragraphs


def clean_pages(pages: Sequence[PageLines]) -> tuple[list[str], int]:
    """Page texts (paragraphs joined by newlines) after all layout steps, and lines removed."""
    kept, removed = drop_running_lines(pages)
    right_edge = _body_right_edge(kept)
    line_height = _typical_line_height(kept)
    line_step = _typical_line_step(kept, line_height)
    return ["\n".join(reflow(page, right_edge, line_height, line_step)) for page in kept], removed
