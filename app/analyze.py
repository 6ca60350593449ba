"""The one orchestrator: a contract file in, a report v1 out (used by the CLI and the service).

    file -> nlp.extract -> nlp.segment -> nlp.tag -> nlp.terms -> rules -> Report

Heavy resources (the spaCy pipeline, the cue matchers, rule data) are built once by
:meth:`Analyzer.load` and reused for every contract.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from nlp.classifier import load_classifier
from nlp.definitions import find_definitions
from nlp.extract import ExtractionLimits, extract_document
from nlp.segment import segment
from nlp.tagger import Tagger
from nlp.terms.named import extract_terms
from rules import evaluate, flag_files
from rules.base import Findings
from rules.context import UserContext, resolve_context
from rules.projection import project
from rules.registry import cue_patterns, tag_thresholds
from rules.report import Report, build_report

logger = logging.getLogger(__name__)


@dataclass
class Analyzer:
    """Analyses contracts; build once per process with :meth:`load`."""

    tagger: Tagger
    limits: ExtractionLimits = field(default_factory=ExtractionLimits)

    @classmethod
    def load(cls, limits: ExtractionLimits | None = None, use_model: bool = True) -> Analyzer:
        """Build once per process: rule data validated, spaCy pipeline and classifier loaded."""
        flag_files()  # validate rule data at start-up, not on the first request
        classifier = load_classifier() if use_model else None
        return cls(Tagger(cue_patterns(), tag_thresholds(), classifier), limits or ExtractionLimits())

    def findings(
        self, source: Path | str | bytes, filename: str | None = None, user: UserContext | None = None
    ) -> Findings:
        """Run the NLP stages; raises ``nlp.errors.InputError`` for bad input."""
        timings: dict[str, float] = {}
        clock = time.perf_counter()
        document = extract_document(source, filename, self.limits)
        timings["extract"] = time.perf_counter() - clock
        clock = time.perf_counter()
        clauses = segment(document)
        definitions = find_definitions(document.text, clauses)
        timings["segment"] = time.perf_counter() - clock
        clock = time.perf_counter()
        tags = self.tagger.tag(document.text, clauses)
        timings["tag"] = time.perf_counter() - clock
        clock = time.perf_counter()
        terms = extract_terms(document, clauses, tags, definitions)
        timings["terms"] = time.perf_counter() - clock
        logger.info(
            "analysed document sha256=%s bytes=%d pages=%d clauses=%d terms=%d timings=%s",
            document.sha256[:12], document.byte_size, len(document.pages), len(clauses), len(terms),
            {k: round(v, 4) for k, v in timings.items()},
        )
        context = resolve_context(user or UserContext(), document.text)
        return Findings(document, clauses, tags, terms, definitions, context)

    def analyze(
        self, source: Path | str | bytes, filename: str | None = None, user: UserContext | None = None
    ) -> Report:
        """A report v1 for one contract; raises ``nlp.errors.InputError`` for bad input and
        ``rules.context.ContextError`` for a context value that cannot be understood."""
        findings = self.findings(source, filename, user)
        return build_report(findings, evaluate(findings), project(findings))
