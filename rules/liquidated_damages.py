"""Liquidated damages: present at all is worth a question; large or on top of an injunction is high."""

from __future__ import annotations

from decimal import Decimal

from rules.base import RuleContext, fmt_number

KIND = "liquidated_damages"
_RELIEF = r"(?:injunct|equitable|specific performance)"
_CUMULATIVE = (
    rf"in addition to[^.;]{{0,120}}(?:{_RELIEF}|other (?:rights|remedies))|{_RELIEF}[^.;]{{0,80}}(?:in addition|as well|cumulative)|"
    rf"(?:also|further|additionally)\s+(?:obtain|seek|be entitled to|have the right to|pursue|recover)[^.;]{{0,60}}{_RELIEF}|"
    rf"(?:shall|will|does|do) not (?:limit|preclude|bar|prevent|waive|affect|impair|restrict|prejudice|replace|relieve)"
    rf"[^.;]{{0,80}}(?:{_RELIEF}|covenant)|greater of|not (?:be )?(?:the )?(?:sole|exclusive) remedy|cumulative"
)


def evaluate(ctx: RuleContext) -> None:
    findings = ctx.findings
    clauses = ctx.clauses()
    if not clauses:
        return
    amounts = findings.terms_named("liquidated_damages.amount_usd")
    salaries = findings.terms_named("base_compensation.base_salary_usd")
    amount = max((Decimal(str(t.value)) for t in amounts), default=None)
    salary = max((Decimal(str(t.value)) for t in salaries), default=None)
    cumulative = next((q for c in clauses if (q := ctx.sentence_matching(c, _CUMULATIVE))), None)
    large = amount is not None and salary is not None and amount >= salary
    severity = "high" if large or cumulative else "medium"
    extra = []
    if large:
        extra.append(", an amount at least equal to your annual base salary")
    if cumulative:
        extra.append(", and the employer keeps the right to other remedies such as an injunction")
    clause = clauses[0]
    quote = cumulative or ctx.sentence_matching(clause, r"liquidated|sum of|amount of")
    ctx.add("liquidated_damages.present", severity, clause, quote,
            amount_text=f" of ${fmt_number(amount)}" if amount is not None else "",
            extra="".join(extra))
