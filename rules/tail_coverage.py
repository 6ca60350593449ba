"""Tail coverage: who pays, and silence where a claims-made policy needs an answer."""

from __future__ import annotations

from rules.base import RuleContext

KIND = "tail_coverage"


def evaluate(ctx: RuleContext) -> None:
    findings = ctx.findings
    clauses = ctx.clauses()
    if not clauses:
        ctx.add("tail_coverage.missing", "medium", None)
        return
    by_id = {c.id: c for c in findings.clauses}
    payers = findings.terms_named("tail_coverage.payer")
    values = {str(t.value) for t in payers}
    tail_words = r"tail|extended reporting|reporting endorsement|prior acts"
    if "physician" in values:
        term = next(t for t in payers if t.value == "physician")
        clause = by_id[term.clause_id]
        ctx.add("tail_coverage.physician_pays", "high", clause, ctx.sentence_matching(clause, tail_words),
                share="for", pay_phrase="must buy")
    elif "shared" in values:
        term = next(t for t in payers if t.value == "shared")
        clause = by_id[term.clause_id]
        ctx.add("tail_coverage.physician_pays", "medium", clause, ctx.sentence_matching(clause, tail_words),
                share="part of the", pay_phrase="pay part of (or, in some cases, all of)")
    elif "unspecified" in values and "employer" not in values:
        term = next(t for t in payers if t.value == "unspecified")
        clause = by_id[term.clause_id]
        ctx.add("tail_coverage.unspecified", "high", clause, ctx.sentence_matching(clause, r"claims[- ]made|" + tail_words))
