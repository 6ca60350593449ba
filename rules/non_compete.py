"""Non-compete: radius, duration, what the radius is measured from, and whether it survives a firing."""

from __future__ import annotations

from decimal import Decimal

from rules import state_law
from rules.base import RuleContext, fmt_number, quote_for_term
from rules.reference import state_laws

KIND = "non_compete"
_ANY_TERMINATION = (
    r"for any reason|regardless of (?:the )?(?:reason|cause)|with or without cause|whether (?:for cause or )?"
    r"(?:with or without|voluntar|involuntar|by (?:either|employer|physician))|however (?:terminated|caused)|any termination|"
    r"termination (?:or expiration|of employment) for any reason|for whatever reason"
)
_CARVE_OUT = (
    r"(?:unless|except|other than|provided(?:,)? (?:however,? )?that|shall not apply|will not apply|null and void|void|"
    r"not be enforceable|unenforceable|shall terminate)[^.]{0,120}without cause|without cause[^.]{0,80}"
    r"(?:shall not apply|will not apply|void|unenforceable|not be enforceable|shall terminate|released)"
)


def has_without_cause_carve_out(ctx: RuleContext, clauses: list) -> bool:
    """Whether the covenant falls away when the employer terminates without cause."""
    return any(ctx.sentence_matching(c, _CARVE_OUT) for c in clauses)


def evaluate(ctx: RuleContext) -> None:
    findings = ctx.findings
    clauses = ctx.clauses()
    by_id = {c.id: c for c in findings.clauses}

    radius = findings.terms_named("non_compete.radius_miles")
    if radius:
        worst = max(radius, key=lambda t: Decimal(str(t.value)))
        miles = Decimal(str(worst.value))
        severity = "high" if miles > ctx.threshold("radius_miles_high") else (
            "medium" if miles > ctx.threshold("radius_miles_medium") else None)
        if severity:
            ctx.add("non_compete.radius_wide", severity, by_id.get(worst.clause_id), quote_for_term(worst, findings),
                    radius=fmt_number(miles))

    duration = findings.terms_named("non_compete.duration_months")
    if duration:
        worst = max(duration, key=lambda t: Decimal(str(t.value)))
        months = Decimal(str(worst.value))
        severity = "high" if months >= ctx.threshold("duration_months_high") else (
            "medium" if months > ctx.threshold("duration_months_medium") else None)
        if severity:
            ctx.add("non_compete.duration_long", severity, by_id.get(worst.clause_id), quote_for_term(worst, findings),
                    months=fmt_number(months))

    scope = [t for t in findings.terms_named("non_compete.scope") if t.value == "all_sites"]
    if scope:
        # the scope term sits on the words the radius is measured from: quote that sentence
        ctx.add("non_compete.all_sites", "high", by_id.get(scope[0].clause_id), quote_for_term(scope[0], findings))

    buyouts = findings.terms_named("non_compete.buyout_usd")
    salaries = findings.terms_named("base_compensation.base_salary_usd")
    if buyouts and salaries:
        buyout = max(buyouts, key=lambda t: Decimal(str(t.value)))
        salary = max(Decimal(str(t.value)) for t in salaries)
        multiple = Decimal(str(buyout.value)) / salary
        severity = "high" if multiple >= ctx.threshold("buyout_salary_multiple_high") else (
            "medium" if multiple > ctx.threshold("buyout_salary_multiple_medium") else None)
        if severity:
            ctx.add("non_compete.buyout_high", severity, by_id.get(buyout.clause_id), quote_for_term(buyout, findings),
                    buyout=fmt_number(buyout.value), salary=fmt_number(salary), multiple=f"{multiple:.1f}")

    if not has_without_cause_carve_out(ctx, clauses):
        for clause in clauses:
            quote = ctx.sentence_matching(clause, _ANY_TERMINATION)
            if quote:
                ctx.add("non_compete.survives_without_cause", "medium", clause, quote)
                break

    _state_law(ctx, clauses)


def state_verdict(findings) -> tuple[object, state_law.StateFinding] | None:
    """(law, verdict) of the practice state's law on this contract's covenant, when both are known."""
    context = findings.context
    if context is None or context.state is None:
        return None
    law = state_laws().states.get(context.state)
    if law is None:
        return None  # no physician-specific rule in our sources: general reasonableness applies

    def value(name: str) -> Decimal | None:
        return max((Decimal(str(t.value)) for t in findings.terms_named(name)), default=None)

    verdict = state_law.assess(
        law, context,
        radius=value("non_compete.radius_miles"),
        months=value("non_compete.duration_months"),
        buyout=value("non_compete.buyout_usd"),
        salary=value("base_compensation.base_salary_usd"),
    )
    return law, verdict


def _state_law(ctx: RuleContext, clauses: list) -> None:
    """The practice state's law on this covenant (by contract date), when the state is known."""
    found = state_verdict(ctx.findings) if clauses else None
    if found is None:
        return
    law, finding = found
    context = ctx.findings.context
    table = state_laws()
    detail = finding.detail
    if context.governing_law_state and context.governing_law_state != context.state:
        detail += f" The contract chooses the law of another state ({context.governing_law_state}); ask whether that choice holds."
    ctx.add("non_compete.state_law", finding.severity, clauses[0], None,
            state_name=law.name, headline=finding.headline, detail=detail, as_of=table.as_of,
            signed=context.signed.isoformat(), summary=law.summary, sources="; ".join(law.sources))
