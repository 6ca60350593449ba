"""Base compensation: a guaranteed salary well below the reported figure for the specialty."""

from __future__ import annotations

from decimal import Decimal

from rules.base import RuleContext, fmt_number, quote_for_term
from rules.reference import specialty

KIND = "base_compensation"


def evaluate(ctx: RuleContext) -> None:
    findings = ctx.findings
    row = specialty(findings.context.specialty) if findings.context else None
    salaries = findings.terms_named("base_compensation.base_salary_usd")
    if row is None or not salaries:
        return
    benchmark, what = row.metrics.get("starting_salary"), "average starting salary"
    if benchmark is None:
        benchmark, what = row.metrics.get("compensation"), "annual compensation"
    if benchmark is None:
        return
    salary = max(salaries, key=lambda t: Decimal(str(t.value)))
    if Decimal(str(salary.value)) >= ctx.threshold("below_benchmark_share") * Decimal(str(benchmark.value)):
        return
    ctx.add("base_compensation.below_benchmark", "medium", {c.id: c for c in findings.clauses}.get(salary.clause_id),
            quote_for_term(salary, findings), salary=fmt_number(salary.value), specialty=row.name, what=what,
            benchmark_value=fmt_number(benchmark.value), year=benchmark.data_year, source=benchmark.source,
            confidence=benchmark.confidence)
