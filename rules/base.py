"""What every rule module shares: its input (:class:`RuleContext`), its output (:class:`Flag`), helpers.

A rule module is one file per clause kind with one function ``evaluate(ctx) -> list[Flag]``. Numbers
come from the kind's flag file (``ctx.threshold("radius_miles_high")``), words from its flag texts
(``ctx.flag("non_compete.radius_wide", ...)``); a literal number in a rule module is a review comment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from decimal import Decimal

from nlp.document import Clause, Definition, Document, KindTag, Term
from rules.context import Context
from rules.schema import FlagFile


@dataclass(frozen=True)
class Flag:
    """One finding: severity, words for the reader, and where in the contract it is."""

    id: str
    kind: str
    severity: str
    title: str
    explanation: str
    question: str
    clause_id: str | None
    page: int | None
    quote_start: int | None
    quote_end: int | None
    benchmark: str | None
    category: str = "legal"
    suggested_ask: str | None = None


@dataclass(frozen=True)
class Findings:
    """Everything the NLP stages found in one contract."""

    document: Document
    clauses: Sequence[Clause]
    tags: dict[str, list[KindTag]]
    terms: Sequence[Term]
    definitions: Sequence[Definition] = ()
    context: Context | None = None

    def clauses_of(self, kind: str) -> list[Clause]:
        """Clauses tagged with ``kind``, in document order."""
        return [c for c in self.clauses if any(t.kind == kind for t in self.tags.get(c.id, []))]

    def terms_named(self, name: str) -> list[Term]:
        return [t for t in self.terms if t.name == name]

    def has_kind(self, kind: str) -> bool:
        return bool(self.clauses_of(kind))


#: Sentences that only allow a change by agreement: never read them as a unilateral right.
MUTUAL_ONLY = (
    r"only (?:by|with|upon|through|in) (?:a |the )?(?:written|mutual|signed)|mutual(?:ly)? (?:written )?(?:agree|consent)|"
    r"written (?:agreement|consent|amendment) of (?:both|the parties|physician|each)|agreement of both parties|"
    r"(?:physician|doctor|faculty member|employee|your)'?s?\s+(?:prior\s+)?written (?:consent|agreement)|signed by both|"
    r"requires the (?:written )?(?:agreement|consent)"
)

# A sentence ends at ". X" / "; X" / ": X", or at a line break that closes a unit (after closing
# punctuation) or opens a clause ("(b)", "7.2", a capitalised caption line is left to the clause split).
_SENTENCE_BREAK_RE = re.compile(
    r"(?<=[.;:])\s+(?=[A-Z(“\"])|(?<=[.;:!?)”\"])\s*\n\s*|\n(?=\s*(?:\(\w{1,4}\)|\d{1,3}(?:\.\d{1,3})*[.)]?\s|[•·▪-]\s))"
)


@dataclass
class RuleContext:
    """A rule module's view: the findings plus its own kind's flag file."""

    findings: Findings
    spec: FlagFile
    flags: list[Flag] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.spec.kind

    def threshold(self, name: str) -> Decimal:
        return Decimal(str(self.spec.thresholds[name].value))

    def clauses(self) -> list[Clause]:
        return self.findings.clauses_of(self.kind)

    def clause_text(self, clause: Clause) -> str:
        return clause.text

    def sentence_matching(
        self, clause: Clause, pattern: str | Sequence[str], unless: str | None = None
    ) -> tuple[int, int] | None:
        """Offsets of the first sentence of ``clause`` that matches ``pattern`` (every one of them, when
        a sequence is given: each is searched on its own, so the cost stays linear) and not ``unless``."""
        text = self.findings.document.text
        patterns = [pattern] if isinstance(pattern, str) else list(pattern)
        regexes = [_compiled(p) for p in patterns]
        veto = _compiled(unless) if unless else None
        start = clause.body_start if clause.body_start < clause.end else clause.start
        for piece_start, piece_end in sentences(text, start, clause.end):
            if all(r.search(text, piece_start, piece_end) for r in regexes) and not (
                veto and veto.search(text, piece_start, piece_end)
            ):
                return piece_start, piece_end
        return None

    def first_sentence_matching(
        self, clauses: Sequence[Clause], pattern: str | Sequence[str], unless: str | None = None
    ) -> tuple[Clause, tuple[int, int]] | None:
        """The first (clause, sentence) over ``clauses`` matching ``pattern`` and not ``unless``."""
        for clause in clauses:
            quote = self.sentence_matching(clause, pattern, unless)
            if quote:
                return clause, quote
        return None

    def add(
        self,
        flag_id: str,
        severity: str,
        clause: Clause | None,
        quote: tuple[int, int] | None = None,
        **values: object,
    ) -> None:
        """Record a flag with its texts filled from ``values``."""
        texts = self.spec.flags[flag_id]
        if clause is not None and quote is None:
            quote = _first_sentence(self.findings.document.text, clause)
        page = self.findings.document.page_at(quote[0]) if quote else (clause.page_start if clause else None)
        self.flags.append(
            Flag(
                id=flag_id,
                kind=self.kind,
                severity=severity,
                title=texts.title.format(**values),
                explanation=texts.explanation.format(**values),
                question=texts.question.format(**values),
                clause_id=clause.id if clause else None,
                page=page,
                quote_start=quote[0] if quote else None,
                quote_end=quote[1] if quote else None,
                benchmark=texts.benchmark.format(**values) if texts.benchmark else None,
                category=texts.category,
                suggested_ask=texts.ask.format(**values),
            )
        )


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    cursor = start
    for match in _SENTENCE_BREAK_RE.finditer(text, start, end):
        if match.start() > cursor:
            pieces.append((cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        pieces.append((cursor, end))
    return [(s, e) for start, stop in pieces for s, e in _table_rows(text, start, stop) if text[s:e].strip()]


def _table_rows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Each row of a table ("Tier 2 | 5,201 - 5,600 | $38.00") is a sentence of its own."""
    if " | " not in text[start:end] or "\n" not in text[start:end]:
        return [(start, end)]
    rows, cursor = [], start
    for line in text[start:end].split("\n"):
        rows.append((cursor, cursor + len(line)))
        cursor += len(line) + 1
    return rows


def _first_sentence(text: str, clause: Clause) -> tuple[int, int]:
    start = clause.body_start if clause.body_start < clause.end else clause.start
    pieces = sentences(text, start, clause.end)
    return pieces[0] if pieces else (clause.start, clause.end)


def quote_for_term(term: Term, findings: Findings) -> tuple[int, int]:
    """The sentence around a term's words, as document offsets."""
    text = findings.document.text
    for clause in findings.clauses:
        if clause.id == term.clause_id:
            for s, e in sentences(text, clause.start, clause.end):
                if s <= term.start < e:
                    return s, e
    return term.start, term.end


def fmt_number(value: Decimal | str | float) -> str:
    """12 -> "12", 12.5 -> "12.5", 150000 -> "150,000"."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.normalize():,}"
