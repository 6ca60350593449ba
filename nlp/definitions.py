"""Defined terms: ``"Restricted Area" means ...``, ``(the "Restricted Period")``, ``Restricted Area shall mean``.

Contracts define a term once and use it far away (a radius in the definitions article, the covenant in
Article 9). :func:`find_definitions` collects them; :func:`definitions_used` says which ones a clause
relies on, so a term extractor can read the value from the definition.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.document import Clause, Definition
from nlp.tagger import ClauseLocator

_QUOTE_OPEN = "\"“'‘"
_QUOTE_CLOSE = "\"”'’"
_TERM = r"[A-Z][A-Za-z0-9&/\-]*(?:[ \-][A-Za-z0-9&/\-]+){0,6}"
_MEANS = r"(?:shall\s+mean|means|shall\s+refer\s+to|refers\s+to|is\s+defined\s+as|shall\s+have\s+the\s+meaning|has\s+the\s+meaning)"

_QUOTED_MEANS_RE = re.compile(rf"[{_QUOTE_OPEN}](?P<term>{_TERM})[{_QUOTE_CLOSE}]\s*,?\s*{_MEANS}")
_INLINE_RE = re.compile(
    rf"\(\s*(?:the\s+|this\s+|a\s+|an\s+|each\s+a\s+|hereinafter\s+(?:referred\s+to\s+as\s+)?(?:the\s+)?|collectively,?\s+(?:the\s+)?)?"
    rf"[{_QUOTE_OPEN}](?P<term>{_TERM})[{_QUOTE_CLOSE}]\s*\)"
)
_BARE_MEANS_RE = re.compile(
    rf"^(?:(?:Section\s+|§\s*)?(?:\d{{1,3}}(?:\.\d{{1,3}})*\.?|\([a-z0-9]{{1,4}}\))\s+)?(?P<term>{_TERM})\s+{_MEANS}",
    re.MULTILINE,
)
_SENTENCE_END_RE = re.compile(r"(?<!\b[A-Z])(?<!\bNo)(?<!\bSec)[.;](?=\s+[A-Z(“\"]|\s*$)|\n")


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around ``[start, end)``.

    The left edge is the later of the last newline before ``start`` and the end of the last sentence
    end in the 600 characters before it. A sentence end is one character (``[.;]`` or a newline), so
    one found before that newline ends at or before it and cannot be the later one: the search starts
    at the newline (which it finds, as before). ``finditer``'s ``pos`` does not change what matches at
    a later position (lookbehinds still see the text before ``pos``), so the later matches are the
    ones it found before.
    """
    newline = text.rfind("\n", 0, start)
    window = max(0, start - 600, newline)
    left = max(newline, max((m.end() for m in _SENTENCE_END_RE.finditer(text, window, start)), default=-1))
    left = max(left, 0)
    match = _SENTENCE_END_RE.search(text, end)
    right = match.end() if match else len(text)
    return left, right


def find_definitions(text: str, clauses: Sequence[Clause]) -> list[Definition]:
    """Every defined term in the document, first definition wins."""
    found: dict[str, Definition] = {}
    candidates: list[tuple[str, int, int]] = []
    for regex in (_QUOTED_MEANS_RE, _BARE_MEANS_RE):
        for match in regex.finditer(text):
            candidates.append((match.group("term"), match.start(), match.end()))
    for match in _INLINE_RE.finditer(text):
        candidates.append((match.group("term"), match.start(), match.end()))
    locator = ClauseLocator(clauses)
    for term, start, end in sorted(candidates, key=lambda c: c[1]):
        term = " ".join(term.split())
        if term in found or len(term) < 3 or term.lower() in {"agreement", "the agreement"}:
            continue
        left, right = _sentence_bounds(text, start, end)
        clause = locator.innermost(start)
        found[term] = Definition(
            term=term,
            text=text[left:right].strip(),
            start=left + (len(text[left:right]) - len(text[left:right].lstrip())),
            end=right,
            clause_id=clause.id if clause else None,
        )
    return sorted(found.values(), key=lambda d: d.start)


def definitions_used(text: str, definitions: Sequence[Definition], exclude_clause: str | None = None) -> list[Definition]:
    """Definitions whose term appears (as written, whole words) in ``text``, outside ``exclude_clause``.

    The whole-word regex matches only where the term itself occurs (case-sensitive, literal), so a
    ``str`` substring test first skips the regex, whose leading lookbehind makes it try every position,
    for the many clauses that do not hold the term (~30 ms on a 120-page contract).
    """
    used = []
    for definition in definitions:
        if exclude_clause is not None and definition.clause_id == exclude_clause:
            continue
        term = definition.term
        if term in text and re.search(rf"(?<![A-Za-z]){re.escape(term)}(?![A-Za-z])", text):
            used.append(definition)
    return used
