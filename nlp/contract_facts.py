"""Facts about the whole contract that the rules need for context: governing law and the contract date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), start=1)}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"

_GOVERNING_RE = re.compile(
    r"(?:governed\s+by|construed(?:\s+and\s+enforced)?\s+(?:in\s+accordance\s+with|under)|interpreted\s+(?:under|in\s+accordance\s+with)|"
    r"subject\s+to)\s+(?:and\s+construed\s+in\s+accordance\s+with\s+)?(?:the\s+)?(?:internal\s+|substantive\s+)?laws?\s+of\s+"
    r"(?:the\s+)?(?:State\s+of\s+|Commonwealth\s+of\s+)?(?P<state>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)",
)
_GOVERNS_RE = re.compile(
    r"(?P<state>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+law\s+(?:governs|will\s+govern|shall\s+govern|applies|will\s+apply)"
)
_DATE_PATTERNS = (
    re.compile(rf"{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)"),
    re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+day\s+of\s+{_MONTH},?\s+(?P<year>(?:19|20)\d\d)"),
)
_DATE_CONTEXT_RE = re.compile(
    r"(?:dated|made|entered\s+into|executed|effective|agreement\s+date|as\s+of|commencing|effective\s+date)", re.IGNORECASE
)


@dataclass(frozen=True)
class Fact:
    """A value read from the contract, with where it was read."""

    value: str
    start: int
    end: int


def governing_law(text: str) -> Fact | None:
    """The state (or country) named in the governing-law clause, as written ("Ohio")."""
    match = _GOVERNING_RE.search(text) or _GOVERNS_RE.search(text)
    if not match:
        return None
    state = match.group("state")
    state = re.sub(r"\s+(?:Without|Excluding|And|Applicable|As|In|To|Except)$", "", state)
    return Fact(state, match.start("state"), match.start("state") + len(state))


def contract_date(text: str, within: int = 4000) -> tuple[dt.date, Fact] | None:
    """The date the contract is dated, made or effective, read from its opening (None when absent)."""
    head = text[:within]
    candidates = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(head):
            before = head[max(0, match.start() - 120):match.start()]
            if not _DATE_CONTEXT_RE.search(before) and match.start() > 300:
                continue  # a date near the top (a letter's date line) needs no context words
            try:
                value = dt.date(int(match.group("year")), _MONTHS[match.group("month").lower()], int(match.group("day")))
            except ValueError:
                continue
            candidates.append((match.start(), value, Fact(match.group(0), match.start(), match.end())))
    if not candidates:
        return None
    _, value, fact = min(candidates, key=lambda c: c[0])
    return value, fact
