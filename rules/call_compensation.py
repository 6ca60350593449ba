"""Call: no cap, too frequent, unpaid, or changeable by the employer alone."""

from __future__ import annotations

from decimal import Decimal

from rules.base import MUTUAL_ONLY, RuleContext, fmt_number, quote_for_term
from rules.reference import specialty

KIND = "call_compensation"
_NUMERIC_CAP = (
    r"(?:no more than|not (?:to )?exceed|maximum of|at most|up to|limited to|cap(?:ped)? (?:at|of))\s+[\w()\-]+\s+(?:\(\d+\)\s+)?"
    r"(?:call\s+)?(?:nights?|weekends?|days?|shifts?|calls?|holidays?|weeks?)|"
    r"\b\d+\s+(?:call\s+)?(?:nights?|weekends?|shifts?|days?)\s+(?:of call\s+)?(?:per|each|a|every)\s+(?:month|week|year|quarter)"
)
_DISCRETION = (
    r"as (?:determined|assigned|scheduled|required|needed|directed|necessary)|(?:sole |absolute )?discretion|from time to time|"
    r"as (?:the )?(?:employer|department|hospital|group|practice|chair|chief|medical director|company)\s+(?:may|shall)?\s*"
    r"(?:determine|require|assign|direct|establish|schedule)|"
    r"(?:employer|department|hospital|group|practice|chair|chief|medical director)\s+(?:shall|will|may)\s+(?:determine|assign|establish|set)"
)
_UNPAID = (
    r"(?:no|without) (?:additional|extra|separate|further) (?:compensation|pay|payment|remuneration|stipend)|"
    r"included in (?:the |physician'?s |his or her )?(?:base|annual|fixed)? ?(?:salary|compensation)|inclusive of call|"
    r"(?:base salary|compensation)[^.;]{0,40}(?:includes?|full consideration|compensate[sd]? (?:physician )?(?:fully|in full))[^.;]{0,60}call"
)
_CHANGE = r"(?:change|modify|adjust|revise|increase|alter|amend|reduce|reassign|expand)"
_UNILATERAL = (
    r"(?:employer|practice|group|hospital|department|company|chair|chief|director|university|dean|system)\w*\s+"
    rf"(?:may|reserves the right to|shall have the right to|can|is entitled to)\s+[^.;]{{0,60}}{_CHANGE}[^.;]{{0,60}}"
    r"(?:call|schedule|stipend|per diem|rate|rotation)|"
    rf"(?:call|stipend|per diem|rotation)[^.;]{{0,60}}(?:may|can|shall|will) be {_CHANGE}\w*[^.;]{{0,80}}"
    r"(?:\bby\b|from time to time|at any time|discretion|without|as needed|as necessary)|"
    rf"(?:call|stipend|per diem)[^.;]{{0,80}}(?:sole |absolute )?discretion of"
)


def evaluate(ctx: RuleContext) -> None:
    findings = ctx.findings
    clauses = ctx.clauses()
    if not clauses:
        return
    by_id = {c.id: c for c in findings.clauses}
    frequency = findings.terms_named("call_compensation.frequency_one_in")
    has_cap = bool(frequency) or any(ctx.sentence_matching(c, _NUMERIC_CAP) for c in clauses)
    if not has_cap:
        found = ctx.first_sentence_matching(clauses, _DISCRETION)
        if found:
            ctx.add("call_compensation.no_cap", "high", *found)
        else:  # silent about how much call: a missing protection
            ctx.add("call_compensation.no_cap", "medium", clauses[0], ctx.sentence_matching(clauses[0], r"call|coverage"))

    if frequency:
        worst = min(frequency, key=lambda t: Decimal(str(t.value)))
        if Decimal(str(worst.value)) < ctx.threshold("frequency_one_in_high"):
            ctx.add("call_compensation.frequent", "high", by_id.get(worst.clause_id), quote_for_term(worst, findings),
                    n=fmt_number(worst.value))

    if not findings.terms_named("call_compensation.per_diem_usd"):
        quote = next((q for c in clauses if (q := ctx.sentence_matching(c, _UNPAID))), None)
        if quote:
            clause = next(c for c in clauses if c.start <= quote[0] < c.end)
            ctx.add("call_compensation.unpaid", "medium", clause, quote)

    found = ctx.first_sentence_matching(clauses, _UNILATERAL, unless=MUTUAL_ONLY)
    if found:
        ctx.add("call_compensation.unilateral_change", "high", *found)

    _per_diem_benchmark(ctx)


def _per_diem_benchmark(ctx: RuleContext) -> None:
    findings = ctx.findings
    row = specialty(findings.context.specialty) if findings.context else None
    median = row.metrics.get("call_per_diem") if row else None
    rates = findings.terms_named("call_compensation.per_diem_usd")
    if median is None or not rates:
        return
    lowest = min(rates, key=lambda t: Decimal(str(t.value)))
    if Decimal(str(lowest.value)) >= Decimal(str(median.value)):
        return
    ctx.add("call_compensation.per_diem_below_benchmark", "medium", {c.id: c for c in findings.clauses}.get(lowest.clause_id),
            quote_for_term(lowest, findings), per_diem=fmt_number(lowest.value), median=fmt_number(median.value),
            specialty=row.name, year=median.data_year, source=median.source, confidence=median.confidence)
